<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>SearchController</name>
    <message>
        <source>Search</source>
        <translation>탐색</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>탐색(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Search hyperparameters…</source>
        <translation>하이퍼파라미터 탐색(&amp;S)…</translation>
    </message>
    <message>
        <source>Grid, random or coarse-to-fine search of one or two hyperparameters</source>
        <translation>하이퍼파라미터 한두 개를 격자, 무작위 또는 점진적 세분화 방식으로 탐색합니다</translation>
    </message>
    <message>
        <source>{0}: {1} — replaying from step 0 (the search ran {2} steps; the canvas runs {3})</source>
        <translation>{0}: {1} — 0단계부터 다시 재생합니다(탐색은 {2}단계, 캔버스는 {3}단계 실행)</translation>
    </message>
    <message>
        <source>{0}: {1} — replaying from step 0</source>
        <translation>{0}: {1} — 0단계부터 다시 재생합니다</translation>
    </message>
</context>
</TS>
