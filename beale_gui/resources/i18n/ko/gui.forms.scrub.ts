<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Scrub</name>
    <message>
        <source>drag the name sideways (or Ctrl+drag the field) to sweep the value, Shift for finer; Ctrl+wheel over the field; Esc cancels</source>
        <translation>이름을 좌우로 끌어(또는 필드를 Ctrl+끌기) 값을 바꿉니다. Shift: 더 세밀하게; 필드 위에서 Ctrl+휠; Esc: 취소</translation>
    </message>
</context>
</TS>
