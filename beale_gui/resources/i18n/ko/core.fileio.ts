<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>FileIO</name>
    <message>
        <source>cannot write {0}: a file name cannot hold a NUL character</source>
        <translation>{0}에 쓸 수 없습니다: 파일 이름에 NUL 문자를 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>cannot read {0}: a file name cannot hold a NUL character</source>
        <translation>{0}을(를) 읽을 수 없습니다: 파일 이름에 NUL 문자를 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>cannot read {0}: not a regular file (a named pipe, device or socket)</source>
        <translation>{0}을(를) 읽을 수 없습니다: 일반 파일이 아닙니다 (명명된 파이프, 장치 또는 소켓)</translation>
    </message>
    <message>
        <source>cannot read {0}: {1}</source>
        <translation>{0}을(를) 읽을 수 없습니다: {1}</translation>
    </message>
    <message>
        <source>cannot read {0}: it is larger than {1} MB</source>
        <translation>{0}을(를) 읽을 수 없습니다: {1} MB보다 큽니다</translation>
    </message>
    <message>
        <source>cannot write {0}: {1}</source>
        <translation>{0}에 쓸 수 없습니다: {1}</translation>
    </message>
    <message>
        <source>cannot write {0}: folder {1} does not exist</source>
        <translation>{0}에 쓸 수 없습니다: {1} 폴더가 없습니다</translation>
    </message>
    <message>
        <source>cannot write {0}: it is a folder</source>
        <translation>{0}에 쓸 수 없습니다: 폴더입니다</translation>
    </message>
    <message>
        <source>cannot write {0}: permission denied</source>
        <translation>{0}에 쓸 수 없습니다: 권한이 없습니다</translation>
    </message>
    <message>
        <source>cannot write {0}: the file is read-only</source>
        <translation>{0}에 쓸 수 없습니다: 읽기 전용 파일입니다</translation>
    </message>
</context>
</TS>
