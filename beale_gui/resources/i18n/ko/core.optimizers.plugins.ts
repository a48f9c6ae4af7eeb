<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Explain</name>
    <message>
        <source>{0} = update({1}, {2}, state): the plug-in {3}&apos;s rule</source>
        <translation>{0} = update({1}, {2}, state): 플러그인 {3}의 규칙</translation>
    </message>
</context>
</TS>
