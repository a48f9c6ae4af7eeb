<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Expression</name>
    <message>
        <source>bounds must be ((xmin, xmax), (ymin, ymax)) with finite numbers and min &lt; max</source>
        <translation>범위는 유한한 숫자로 된 ((xmin, xmax), (ymin, ymax))이고 min &lt; max여야 합니다</translation>
    </message>
    <message>
        <source>{0}, got {1}</source>
        <translation>{0}. 입력값: {1}</translation>
    </message>
    <message>
        <source>minima must be a list of finite (x, y) points</source>
        <translation>최솟값은 유한한 (x, y) 점의 목록이어야 합니다</translation>
    </message>
    <message>
        <source>expression must be text, not {0}</source>
        <translation>식은 {0}이(가) 아닌 텍스트여야 합니다</translation>
    </message>
</context>
</TS>
