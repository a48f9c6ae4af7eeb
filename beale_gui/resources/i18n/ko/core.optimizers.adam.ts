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
        <source>bias correction of the first moment</source>
        <translation>1차 모멘트의 편향 보정</translation>
    </message>
    <message>
        <source>bias correction of the second moment</source>
        <translation>2차 모멘트의 편향 보정</translation>
    </message>
    <message>
        <source>largest second moment so far</source>
        <translation>지금까지의 가장 큰 2차 모멘트</translation>
    </message>
    <message>
        <source>product of the momentum coefficients so far</source>
        <translation>지금까지의 모멘텀 계수의 곱</translation>
    </message>
    <message>
        <source>Nesterov moment: the bias-corrected mix of g and m</source>
        <translation>네스테로프 모멘트: g와 m을 편향 보정하여 섞은 값</translation>
    </message>
    <message>
        <source>momentum coefficient of this step</source>
        <translation>이번 단계의 모멘텀 계수</translation>
    </message>
    <message>
        <source>momentum coefficient of the next step</source>
        <translation>다음 단계의 모멘텀 계수</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>Momentum + RMSprop with bias correction</source>
        <translation>모멘텀 + RMSprop, 편향 보정 포함</translation>
    </message>
    <message>
        <source>Adam with weight decay applied to w, not to the gradient</source>
        <translation>가중치 감쇠를 기울기가 아닌 w에 적용하는 Adam</translation>
    </message>
    <message>
        <source>Adam with Nesterov momentum</source>
        <translation>네스테로프 모멘텀을 쓰는 Adam</translation>
    </message>
    <message>
        <source>Adam with the running maximum of the second moment</source>
        <translation>2차 모멘트의 누적 최댓값을 쓰는 Adam</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>decay of the first moment</source>
        <translation>1차 모멘트의 감쇠율</translation>
    </message>
    <message>
        <source>decay of the second moment</source>
        <translation>2차 모멘트의 감쇠율</translation>
    </message>
    <message>
        <source>decoupled weight decay</source>
        <translation>분리된 가중치 감쇠</translation>
    </message>
    <message>
        <source>1: decay the weights themselves, as AdamW; 0: add the decay to the gradient</source>
        <translation>1: AdamW처럼 가중치를 직접 감쇠, 0: 감쇠를 기울기에 더함</translation>
    </message>
    <message>
        <source>momentum decay psi</source>
        <translation>모멘텀 감쇠 psi</translation>
    </message>
</context>
</TS>
