<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Playback</name>
    <message>
        <source>max</source>
        <translation>최대</translation>
    </message>
    <message>
        <source>{0} steps/s</source>
        <translation>초당 {0}단계</translation>
    </message>
    <message>
        <source>step {0} / {1}</source>
        <translation>단계 {0} / {1}</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Back to step 0</source>
        <translation>0단계로</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>한 단계 뒤로</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Step forward</source>
        <translation>한 단계 앞으로</translation>
    </message>
    <message>
        <source>Jump to the end</source>
        <translation>끝으로 이동</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>빠르게</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>느리게</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Steps per second, 1 to as fast as possible (+ / -)</source>
        <translation>초당 단계 수, 1부터 최대한 빠르게까지 (+ / -)</translation>
    </message>
    <message>
        <source>Timeline: drag to any step</source>
        <translation>타임라인: 끌어서 원하는 단계로 이동</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
</context>
</TS>
