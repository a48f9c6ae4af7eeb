<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Autosave</name>
    <message>
        <source>the settings file {0} cannot be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session cannot be kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session cannot be kept for the next launch ({0}: {1}). Everything is still in the window; use File &gt; Save session to keep it. This is said once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last session could not be restored ({0}); starting from the defaults.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
