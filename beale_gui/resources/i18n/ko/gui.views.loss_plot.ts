<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>LossPlot</name>
    <message>
        <source>Line styles of the loss curves: one per start point</source>
        <translation>손실 곡선의 선 모양: 시작점마다 하나씩</translation>
    </message>
    <message>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>start {0} ({1}, {2})</source>
        <translation>시작점 {0} ({1}, {2})</translation>
    </message>
    <message>
        <source>lr (dotted)</source>
        <translation>lr (점선)</translation>
    </message>
    <message>
        <source>epoch of {0} (1 epoch = {1} steps)</source>
        <translation>{0}의 에포크 (1 에포크 = {1}단계)</translation>
    </message>
</context>
</TS>
