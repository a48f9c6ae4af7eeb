<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>BasinController</name>
    <message>
        <source>Basin map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Basin map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show where every start point of the view ends up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable an optimizer in the parameter panel to map it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping {0} from {1}×{1} start points…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} cluster reached. Hover a cell for its outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} clusters reached. Hover a cell for its outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} minimum reached. Hover a cell for its outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} minima reached. Hover a cell for its outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not map: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basin map was hidden: the mapped optimizer was removed. Press Compute to map again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basin map was hidden: the function changed. Press Compute to map again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basin map was hidden: the mapped optimizer&apos;s settings changed. Press Compute to map again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basin map was hidden: the tolerance or seed changed. Press Compute to map again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
