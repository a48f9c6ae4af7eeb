<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>UndoActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>Take back the last change</source>
        <translation>마지막 변경을 되돌립니다</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Make the change taken back again</source>
        <translation>되돌린 변경을 다시 적용합니다</translation>
    </message>
    <message>
        <source>&amp;Undo {0}</source>
        <translation>{0} 실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {0}</source>
        <translation>{0} 다시 실행(&amp;R)</translation>
    </message>
</context>
</TS>
