<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ExplainPanel</name>
    <message>
        <source>No run to explain yet. Once the runs are computed, select one in the results table or click its path on the canvas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step cannot be explained: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} from {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About this optimizer…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
