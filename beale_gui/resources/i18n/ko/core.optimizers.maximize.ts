<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Params</name>
    <message>
        <source>1: climb the function (torch&apos;s maximize: the gradient is negated); 0: descend</source>
        <translation>1: 함수를 올라갑니다 (torch의 maximize: 기울기의 부호를 바꿉니다); 0: 내려갑니다</translation>
    </message>
</context>
</TS>
