<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Export</name>
    <message>
        <source>{0}: data is written as .csv or .json</source>
        <translation>{0}: 데이터는 .csv 또는 .json으로 저장합니다</translation>
    </message>
</context>
</TS>
