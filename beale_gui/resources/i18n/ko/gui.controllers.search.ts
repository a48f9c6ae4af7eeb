<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>SearchController</name>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search hyperparameters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid, random or coarse-to-fine search of one or two hyperparameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} — replaying from step 0 (the search ran {2} steps; the canvas runs {3})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} — replaying from step 0</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
