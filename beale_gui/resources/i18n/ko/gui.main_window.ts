<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>MainWindow</name>
    <message>
        <source>{0}: gradient descent, step by step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space plays the animation; click the canvas to add a start point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mechanics arrows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrows at each head: the descent direction (-∇f), the velocity / first moment, and the step taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Loss curves up to the playhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw each loss curve only up to the current step, so the optimizers race</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong; the app carries on. Details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
