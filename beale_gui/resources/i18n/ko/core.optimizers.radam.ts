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
        <source>second moment: a running mean of the squared gradient</source>
        <translation>2차 모멘트: 기울기 제곱의 이동 평균</translation>
    </message>
    <message>
        <source>longest length of the approximated simple moving average</source>
        <translation>근사한 단순 이동 평균의 최대 길이</translation>
    </message>
    <message>
        <source>length of the approximated moving average: above 5, so this step is adaptive</source>
        <translation>근사한 이동 평균의 길이: 5보다 크므로 이번 단계는 적응형 단계</translation>
    </message>
    <message>
        <source>rectification of the adaptive rate&apos;s variance</source>
        <translation>적응형 학습률의 분산 보정</translation>
    </message>
    <message>
        <source>effective learning rate of each axis: the rectified adaptive step</source>
        <translation>축별 유효 학습률: 보정된 적응형 단계</translation>
    </message>
    <message>
        <source>length of the approximated moving average: 5 or less, so this step is SGD with momentum</source>
        <translation>근사한 이동 평균의 길이: 5 이하이므로 이번 단계는 모멘텀 SGD</translation>
    </message>
    <message>
        <source>effective learning rate of each axis: the SGD with momentum step, no adaptive rate</source>
        <translation>축별 유효 학습률: 모멘텀 SGD 단계, 적응형 학습률 없음</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>Adam whose adaptive rate is rectified: SGD with momentum until the second moment is reliable</source>
        <translation>적응형 학습률을 보정한 Adam: 2차 모멘트를 믿을 수 있을 때까지는 모멘텀 SGD</translation>
    </message>
</context>
</TS>
