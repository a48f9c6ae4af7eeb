<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Export</name>
    <message>
        <source>{0}: an animation is written as .gif or .mp4</source>
        <translation>{0}: 애니메이션은 .gif 또는 .mp4로 저장합니다</translation>
    </message>
</context>
</TS>
