<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Export</name>
    <message>
        <source>cannot write {0}: no frames were rendered</source>
        <translation>{0}에 쓸 수 없습니다: 그려진 프레임이 없습니다</translation>
    </message>
</context>
</TS>
