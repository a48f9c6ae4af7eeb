<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Explain</name>
    <message>
        <source>first moment: a running mean of the gradient</source>
        <translation>1차 모멘트: 기울기의 이동 평균</translation>
    </message>
    <message>
        <source>belief: a running mean of the squared difference between the gradient and its prediction m</source>
        <translation>믿음: 기울기와 그 예측값 m의 차이를 제곱한 값의 이동 평균</translation>
    </message>
    <message>
        <source>length of the approximated moving average (RAdam&apos;s ρ): the step is rectified once it reaches 5</source>
        <translation>근사한 이동 평균의 길이(RAdam의 ρ): 5에 이르면 보정된 단계로 바뀝니다</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>Adam scaled by the variance of the gradient around its mean: large steps where the slope is as predicted (Zhuang et al. 2020)</source>
        <translation>기울기가 평균에서 벗어난 정도로 나누는 Adam: 기울기가 예측대로인 곳에서는 크게 이동합니다 (Zhuang et al. 2020)</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>1: rectify the variance as RAdam does, with momentum SGD for the first steps (the package&apos;s default); 0: the paper&apos;s update</source>
        <translation>1: RAdam처럼 분산을 보정하고 처음 몇 단계는 모멘텀 SGD로 이동 (패키지 기본값), 0: 논문의 갱신식</translation>
    </message>
    <message>
        <source>decoupled weight decay</source>
        <translation>분리된 가중치 감쇠</translation>
    </message>
</context>
</TS>
