<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Search</name>
    <message>
        <source>final loss f</source>
        <translation>최종 손실 f</translation>
    </message>
    <message>
        <source>steps to the tolerance</source>
        <translation>허용 오차까지의 단계 수</translation>
    </message>
    <message>
        <source>distance to the nearest minimum</source>
        <translation>가장 가까운 최솟값까지의 거리</translation>
    </message>
    <message>
        <source>final loss</source>
        <translation>최종 손실</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>격자</translation>
    </message>
    <message>
        <source>random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>coarse-to-fine</source>
        <translation>점진 세분화</translation>
    </message>
    <message>
        <source>converged</source>
        <translation>수렴</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <source>max steps</source>
        <translation>최대 단계</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a hyperparameter of {1} (it takes: {2})</source>
        <translation>&apos;{0}&apos;은(는) {1}의 하이퍼파라미터가 아닙니다 (받는 값: {2})</translation>
    </message>
    <message>
        <source>scale of {0} must be linear or log, not &apos;{1}&apos;</source>
        <translation>{0}의 눈금은 &apos;{1}&apos;이(가) 아닌 linear 또는 log여야 합니다</translation>
    </message>
    <message>
        <source>range of {0} must have low &lt; high, got {1:g}:{2:g}</source>
        <translation>{0}의 범위는 하한 &lt; 상한이어야 합니다. 입력값: {1:g}:{2:g}</translation>
    </message>
    <message>
        <source>a log scale needs {0} &gt; 0, got low {1:g}</source>
        <translation>로그 눈금에는 {0} &gt; 0이어야 합니다. 하한: {1:g}</translation>
    </message>
    <message>
        <source>{0:,} configurations x {1:,} start points is {2:,} runs at once, about {3:.1f} GiB; the limit is {4:.0f} GiB ({5:,} runs): lower the budget (at most {6:,} configurations a round from {1:,} start points) or the start points</source>
        <translation>설정 {0:,}개 x 시작점 {1:,}개는 한 번에 {2:,}회 실행, 약 {3:.1f} GiB로 한도 {4:.0f} GiB({5:,}회 실행)를 넘습니다. 예산(시작점 {1:,}개에서 라운드당 설정 최대 {6:,}개)이나 시작점을 줄이세요</translation>
    </message>
    <message>
        <source>search one to {0} hyperparameters</source>
        <translation>하이퍼파라미터를 1개에서 {0}개까지 탐색하세요</translation>
    </message>
    <message>
        <source>each hyperparameter may be searched once</source>
        <translation>하이퍼파라미터마다 한 번만 탐색할 수 있습니다</translation>
    </message>
    <message>
        <source>budget must be a whole number in [1, {0}]</source>
        <translation>예산은 [1, {0}] 범위의 정수여야 합니다</translation>
    </message>
    <message>
        <source>rounds must be a whole number in [1, {0}]</source>
        <translation>라운드 수는 [1, {0}] 범위의 정수여야 합니다</translation>
    </message>
    <message>
        <source>keep must be a fraction in (0, 1]</source>
        <translation>keep은 (0, 1] 범위의 비율이어야 합니다</translation>
    </message>
    <message>
        <source>shrink must be a fraction in (0, 1]</source>
        <translation>shrink는 (0, 1] 범위의 비율이어야 합니다</translation>
    </message>
    <message>
        <source>{0} on {1}: {2}, {3}</source>
        <translation>{1}의 {0}: {2}, {3}</translation>
    </message>
    <message>
        <source>{0}: {1} = {2}</source>
        <translation>{0}: {1} = {2}</translation>
    </message>
    <message>
        <source>{0}: {1} = {2} ({3})</source>
        <translation>{0}: {1} = {2} ({3})</translation>
    </message>
    <message>
        <source>{0} converged</source>
        <translation>{0}개 수렴</translation>
    </message>
    <message>
        <source>{0} diverged</source>
        <translation>{0}개 발산</translation>
    </message>
    <message>
        <source>{0} max steps</source>
        <translation>{0}개 최대 단계</translation>
    </message>
</context>
</TS>
