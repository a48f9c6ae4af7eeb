<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ComparePlot</name>
    <message>
        <source>global minimum</source>
        <translation>전역 최솟값</translation>
    </message>
    <message>
        <source>local minimum</source>
        <translation>지역 최솟값</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <source>not converged</source>
        <translation>수렴하지 않음</translation>
    </message>
    <message>
        <source>Choose the optimizers and press Compare: the runtime profiles appear here.</source>
        <translation>최적화기를 고르고 비교를 누르세요: 실행 시간 프로파일이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>steps (log scale)</source>
        <translation>단계 (로그 스케일)</translation>
    </message>
    <message>
        <source>fraction of (start, target) pairs reached</source>
        <translation>도달한 (시작점, 목표) 쌍의 비율</translation>
    </message>
    <message>
        <source>{0}: {1:.0%} global</source>
        <translation>{0}: 전역 {1:.0%}</translation>
    </message>
    <message>
        <source>Maps: each evaluation start coloured by where its run ended: {0}.&lt;br&gt;Profile: a pair counts once the run from that start is within the target of f*; targets f - f* ≤ {1}.</source>
        <translation>지도: 각 평가 시작점은 그 실행이 끝난 곳에 따라 색칠됩니다: {0}.&lt;br&gt;프로파일: 그 시작점의 실행이 f*에서 목표 이내에 들면 쌍이 셈해집니다; 목표 f - f* ≤ {1}.</translation>
    </message>
</context>
</TS>
