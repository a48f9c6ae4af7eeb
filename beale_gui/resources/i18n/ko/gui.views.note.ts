<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>NoteBar</name>
    <message>
        <source>Hide this note</source>
        <translation>이 메모 숨기기</translation>
    </message>
</context>
</TS>
