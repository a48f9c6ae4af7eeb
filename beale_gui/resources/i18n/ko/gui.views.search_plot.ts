<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>SearchPlot</name>
    <message>
        <source>Choose what to search and press Run:
the results appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover over a result to read it; click one to load it into the parameter panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diverged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grey hatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: diverged ({1} of {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} round {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dashed: each next round&apos;s box</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
