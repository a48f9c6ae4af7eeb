<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>SurfaceView</name>
    <message>
        <source>The 3-D view needs OpenGL, which is not available here.</source>
        <translation>3D 보기에는 OpenGL이 필요하지만 이 환경에서는 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>Drag to turn, wheel to zoom, Ctrl+drag to pan</source>
        <translation>끌기: 회전, 휠: 확대/축소, Ctrl+끌기: 이동</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Back to the starting view (R)</source>
        <translation>처음 보기로 돌아가기 (R)</translation>
    </message>
</context>
</TS>
