<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Fields</name>
    <message>
        <source>valid range {0}, whole numbers</source>
        <translation>유효 범위 {0}, 정수</translation>
    </message>
    <message>
        <source>valid range {0}</source>
        <translation>유효 범위 {0}</translation>
    </message>
    <message>
        <source>arrows and wheel: ×1.26 per step, Shift: ×10</source>
        <translation>화살표와 휠: 한 번에 ×1.26, Shift: ×10</translation>
    </message>
    <message>
        <source>arrows and wheel step it; Shift: ten steps</source>
        <translation>화살표와 휠로 한 칸씩, Shift: 열 칸씩</translation>
    </message>
    <message>
        <source>Invalid {0}: {1} is not finite</source>
        <translation>잘못된 {0}: {1}은(는) 유한한 수가 아닙니다</translation>
    </message>
    <message>
        <source>Invalid {0}: expected &apos;x, y&apos; pairs separated by &apos;;&apos;, got {1}</source>
        <translation>잘못된 {0}: &apos;;&apos;로 구분한 &apos;x, y&apos; 쌍이어야 하는데 {1}입니다</translation>
    </message>
</context>
</TS>
