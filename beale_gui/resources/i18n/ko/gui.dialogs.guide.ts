<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Guide</name>
    <message>
        <source>Guide</source>
        <translation>안내서</translation>
    </message>
</context>
</TS>
