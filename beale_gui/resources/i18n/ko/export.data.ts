<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Export</name>
    <message>
        <source>the runs were not recorded step by step</source>
        <translation>실행이 단계별로 기록되지 않았습니다</translation>
    </message>
    <message>
        <source>{0}: data is written as .csv or .json</source>
        <translation>{0}: 데이터는 .csv 또는 .json으로 저장합니다</translation>
    </message>
</context>
</TS>
