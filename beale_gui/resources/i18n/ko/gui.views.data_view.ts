<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>DataView</name>
    <message>
        <source>y (label) and P(y = 1)</source>
        <translation>y (레이블)와 P(y = 1)</translation>
    </message>
    <message>
        <source>{0:,} of {1:,} samples drawn</source>
        <translation>샘플 {1:,}개 중 {0:,}개 표시</translation>
    </message>
    <message>
        <source>{0} at step {1}: (p1, p2) = {2}</source>
        <translation>{1}단계의 {0}: (p1, p2) = {2}</translation>
    </message>
    <message>
        <source>dashed: at its start {0}</source>
        <translation>점선: 시작점 {0}에서의 적합</translation>
    </message>
</context>
</TS>
