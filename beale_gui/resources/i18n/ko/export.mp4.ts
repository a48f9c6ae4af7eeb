<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Export</name>
    <message>
        <source>MP4 needs the imageio-ffmpeg package (pip install imageio-ffmpeg)</source>
        <translation>MP4에는 imageio-ffmpeg 패키지가 필요합니다 (pip install imageio-ffmpeg)</translation>
    </message>
    <message>
        <source>MP4 needs ffmpeg, which was not found ({0})</source>
        <translation>MP4에는 ffmpeg가 필요한데 찾을 수 없습니다 ({0})</translation>
    </message>
    <message>
        <source>MP4 needs ffmpeg, and {0} cannot be run</source>
        <translation>MP4에는 ffmpeg가 필요한데 {0}을(를) 실행할 수 없습니다</translation>
    </message>
    <message>
        <source>cannot write {0}: {1}</source>
        <translation>{0}에 쓸 수 없습니다: {1}</translation>
    </message>
    <message>
        <source>cannot write {0}: ffmpeg did not start ({1})</source>
        <translation>{0}에 쓸 수 없습니다: ffmpeg가 시작되지 않았습니다 ({1})</translation>
    </message>
    <message>
        <source>cannot write {0}: ffmpeg failed ({1})</source>
        <translation>{0}에 쓸 수 없습니다: ffmpeg 실패 ({1})</translation>
    </message>
    <message>
        <source>cannot write {0}: no frames were rendered</source>
        <translation>{0}에 쓸 수 없습니다: 그려진 프레임이 없습니다</translation>
    </message>
    <message>
        <source>cannot write {0}: ffmpeg wrote nothing</source>
        <translation>{0}에 쓸 수 없습니다: ffmpeg가 아무것도 쓰지 않았습니다</translation>
    </message>
</context>
</TS>
