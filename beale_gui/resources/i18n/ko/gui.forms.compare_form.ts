<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CompareForm</name>
    <message>
        <source>grid</source>
        <translation>격자</translation>
    </message>
    <message>
        <source>random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>Sobol (low discrepancy)</source>
        <translation>Sobol (저불일치 수열)</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>균일</translation>
    </message>
    <message>
        <source>The parameter panel&apos;s enabled optimizers, each with its values there; only the learning rate is tuned</source>
        <translation>매개변수 패널에서 켜진 최적화기들, 각각 패널의 값 그대로입니다. 학습률만 튜닝합니다</translation>
    </message>
    <message>
        <source>compare</source>
        <translation>비교 대상</translation>
    </message>
    <message>
        <source>around each one&apos;s lr (÷{0:g} to ×{0:g})</source>
        <translation>각자의 lr 주변 (÷{0:g} ~ ×{0:g})</translation>
    </message>
    <message>
        <source>Tune each optimizer&apos;s learning rate over a log range around its own value; untick to give one range for all</source>
        <translation>각 최적화기의 학습률을 자기 값 주변의 로그 범위에서 튜닝합니다. 해제하면 모두에 같은 범위를 줍니다</translation>
    </message>
    <message>
        <source>tune lr</source>
        <translation>lr 튜닝</translation>
    </message>
    <message>
        <source>How the configurations are spread over the range: the same points for every optimizer</source>
        <translation>범위 안에 설정을 펼치는 방법: 모든 최적화기가 같은 점을 씁니다</translation>
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
        <source>starts</source>
        <translation>시작점</translation>
    </message>
    <message>
        <source>tuning</source>
        <translation>튜닝</translation>
    </message>
    <message>
        <source>evaluation</source>
        <translation>평가</translation>
    </message>
    <message>
        <source>How the start points are drawn from the function&apos;s view</source>
        <translation>함수의 보기 범위에서 시작점을 뽑는 방법</translation>
    </message>
    <message>
        <source>design</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>target tol</source>
        <translation>목표 tol</translation>
    </message>
    <message>
        <source>max steps</source>
        <translation>최대 단계</translation>
    </message>
    <message>
        <source>(no optimizer enabled)</source>
        <translation>(켜진 최적화기 없음)</translation>
    </message>
    <message>
        <source>Enable an optimizer in the parameter panel to compare it</source>
        <translation>비교하려면 매개변수 패널에서 최적화기를 켜세요</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>configurations tried per optimizer, the same for each</source>
        <translation>최적화기마다 시도하는 설정 수, 모두 같습니다</translation>
    </message>
    <message>
        <source>start points each configuration is tuned on</source>
        <translation>각 설정을 튜닝하는 시작점 수</translation>
    </message>
    <message>
        <source>other start points the tuned values are judged on</source>
        <translation>튜닝된 값을 평가하는 다른 시작점 수</translation>
    </message>
    <message>
        <source>success: a final f within tol of the global minimum&apos;s value</source>
        <translation>성공: 마지막 f가 전역 최솟값에서 tol 이내</translation>
    </message>
    <message>
        <source>seed of the start points (and of stochastic runs)</source>
        <translation>시작점(과 확률적 실행)의 시드</translation>
    </message>
</context>
</TS>
