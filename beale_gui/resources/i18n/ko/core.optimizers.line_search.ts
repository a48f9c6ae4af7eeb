<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Explain</name>
    <message>
        <source>slope along the direction (negative: downhill)</source>
        <translation>방향을 따른 기울기 (음수: 내리막)</translation>
    </message>
    <message>
        <source>step length along the direction</source>
        <translation>방향을 따른 이동 거리</translation>
    </message>
    <message>
        <source>the case of the step</source>
        <translation>단계의 경우</translation>
    </message>
    <message>
        <source>strong Wolfe line search</source>
        <translation>강한 Wolfe 선 탐색</translation>
    </message>
</context>
</TS>
