<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>BasinOverlay</name>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Outcome, darker = slower</source>
        <translation>결과, 어두울수록 느림</translation>
    </message>
    <message>
        <source>&lt;b&gt;Basins&lt;/b&gt; of {0}</source>
        <translation>{0}의 &lt;b&gt;수렴 영역&lt;/b&gt;</translation>
    </message>
    <message>
        <source>darker = slower: {0} to {1} steps</source>
        <translation>어두울수록 느림: {0}~{1}단계</translation>
    </message>
    <message>
        <source>{0}, {1}×{1} starts, {2} steps</source>
        <translation>{0}, 시작점 {1}×{1}개, {2}단계</translation>
    </message>
</context>
</TS>
