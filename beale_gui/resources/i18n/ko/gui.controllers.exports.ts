<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ExportController</name>
    <message>
        <source>CSV table (*.csv);;JSON with the configuration (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the canvas as PNG or SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;animation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the runs step by step as GIF or MP4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every step of every run as CSV or JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export the image: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export the data: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An animation is already being exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animation export cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export yet: the runs are still being computed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export the animation: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
