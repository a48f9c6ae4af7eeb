<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Params</name>
    <message>
        <source>configurations in all; a grid takes budget^(1/D) points per hyperparameter</source>
        <translation>전체 구성 수. 격자는 하이퍼파라미터마다 budget^(1/D)개 점을 씁니다</translation>
    </message>
    <message>
        <source>coarse-to-fine: rounds of sampling</source>
        <translation>점진 세분화: 표본 추출 라운드 수</translation>
    </message>
    <message>
        <source>coarse-to-fine: the best fraction of the samples the next box is drawn around</source>
        <translation>점진 세분화: 다음 상자를 잡을 때 기준이 되는 상위 표본의 비율</translation>
    </message>
    <message>
        <source>coarse-to-fine: each round&apos;s box is this fraction as wide as the last</source>
        <translation>점진 세분화: 각 라운드의 상자 폭은 이전 상자의 이 비율</translation>
    </message>
    <message>
        <source>start points drawn uniformly in the function&apos;s view</source>
        <translation>함수의 보기 범위에서 고르게 뽑는 시작점 수</translation>
    </message>
    <message>
        <source>seed of the random start points</source>
        <translation>무작위 시작점의 시드</translation>
    </message>
</context>
<context>
    <name>SearchForm</name>
    <message>
        <source>grid</source>
        <translation>격자</translation>
    </message>
    <message>
        <source>random (uniform in the scale)</source>
        <translation>무작위 (척도에서 균일)</translation>
    </message>
    <message>
        <source>coarse-to-fine</source>
        <translation>점진 세분화</translation>
    </message>
    <message>
        <source>The parameter panel&apos;s optimizers: the one searched; its other settings stay as they are there</source>
        <translation>매개변수 패널의 최적화기 중 탐색할 것. 나머지 설정은 패널의 값 그대로입니다</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>최적화기</translation>
    </message>
    <message>
        <source>and</source>
        <translation>그리고</translation>
    </message>
    <message>
        <source>Search a second hyperparameter: a heatmap instead of a curve</source>
        <translation>두 번째 하이퍼파라미터도 탐색: 곡선 대신 히트맵</translation>
    </message>
    <message>
        <source>search</source>
        <translation>탐색</translation>
    </message>
    <message>
        <source>The grid: points per hyperparameter</source>
        <translation>격자: 하이퍼파라미터당 점 수</translation>
    </message>
    <message>
        <source>method</source>
        <translation>방법</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>예산</translation>
    </message>
    <message>
        <source>rounds</source>
        <translation>라운드</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>유지</translation>
    </message>
    <message>
        <source>shrink</source>
        <translation>축소</translation>
    </message>
    <message>
        <source>Lower is better; averaged over the start points; a diverged run scores worst</source>
        <translation>낮을수록 좋습니다. 시작점들에 대해 평균하며, 발산한 실행은 가장 나쁜 점수입니다</translation>
    </message>
    <message>
        <source>objective</source>
        <translation>목표</translation>
    </message>
    <message>
        <source>max steps</source>
        <translation>최대 단계</translation>
    </message>
    <message>
        <source>current</source>
        <translation>현재</translation>
    </message>
    <message>
        <source>The canvas&apos;s start points</source>
        <translation>캔버스의 시작점</translation>
    </message>
    <message>
        <source>random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>Start points drawn uniformly in the function&apos;s view</source>
        <translation>함수의 보기 범위에서 고르게 뽑은 시작점</translation>
    </message>
    <message>
        <source>starts</source>
        <translation>시작점</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>current ({0})</source>
        <translation>현재 ({0})</translation>
    </message>
    <message>
        <source>Add an optimizer in the parameter panel to search it</source>
        <translation>탐색하려면 매개변수 패널에서 최적화기를 추가하세요</translation>
    </message>
    <message>
        <source>Search two different hyperparameters (or untick the second)</source>
        <translation>서로 다른 두 하이퍼파라미터를 탐색하세요 (또는 두 번째 선택 해제)</translation>
    </message>
    <message>
        <source>No start points: click the canvas to add one, or use random starts</source>
        <translation>시작점이 없습니다: 캔버스를 클릭해 추가하거나 무작위 시작점을 쓰세요</translation>
    </message>
    <message>
        <source>Too large a search: {0}</source>
        <translation>탐색이 너무 큽니다: {0}</translation>
    </message>
    <message>
        <source>Steps to the tolerance needs a tolerance: set one above 0 in the parameter panel</source>
        <translation>허용 오차까지의 단계 수에는 허용 오차가 필요합니다: 매개변수 패널에서 0보다 크게 설정하세요</translation>
    </message>
    <message>
        <source>{0} — off</source>
        <translation>{0} — 꺼짐</translation>
    </message>
</context>
</TS>
