<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>BasinOverlay</name>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome, darker = slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Basins&lt;/b&gt; of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>darker = slower: {0} to {1} steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, {1}×{1} starts, {2} steps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
