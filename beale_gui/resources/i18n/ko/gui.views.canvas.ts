<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Canvas</name>
    <message>
        <source>global minimum ({0}, {1})
f = {2}</source>
        <translation>전역 최솟점 ({0}, {1})
f = {2}</translation>
    </message>
    <message>
        <source>local minimum ({0}, {1})
f = {2}</source>
        <translation>국소 최솟점 ({0}, {1})
f = {2}</translation>
    </message>
</context>
</TS>
