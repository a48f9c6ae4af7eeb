<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CheckController</name>
    <message>
        <source>C&amp;heck against a reference…</source>
        <translation>기준과 비교 확인(&amp;H)…</translation>
    </message>
    <message>
        <source>Run one of the panel&apos;s optimizers and a reference from the same starts and say whether their paths agree</source>
        <translation>패널의 최적화기 하나와 기준을 같은 시작점에서 실행해 경로가 일치하는지 알려 줍니다</translation>
    </message>
</context>
</TS>
