<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>LossPlot</name>
    <message>
        <source>Line styles of the loss curves: one per start point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start {0} ({1}, {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lr (dotted)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
