<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CompareController</name>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>비교(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Compare optimizers…</source>
        <translation>최적화기 비교(&amp;C)…</translation>
    </message>
    <message>
        <source>Tune every enabled optimizer with the same budget and judge it on other start points: success rates and runtime profiles</source>
        <translation>켜진 최적화기마다 같은 예산으로 튜닝하고 다른 시작점에서 평가합니다: 성공률과 실행 시간 프로파일</translation>
    </message>
    <message>
        <source>{0}: tuned {1} — replaying from step 0</source>
        <translation>{0}: 튜닝된 {1} — 0단계부터 다시 재생합니다</translation>
    </message>
    <message>
        <source>Start point ({0:.4g}, {1:.4g}) added: every enabled optimizer runs from it</source>
        <translation>시작점 ({0:.4g}, {1:.4g}) 추가: 켜진 모든 최적화기가 여기서 실행됩니다</translation>
    </message>
</context>
</TS>
