<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>RunController</name>
    <message>
        <source>Click the canvas to add a start point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No optimizer is enabled: tick one in the parameter panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} runs diverged: each is drawn up to where it blew up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not run: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
