<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
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
        <source>momentum decay psi</source>
        <translation>모멘텀 감쇠 psi</translation>
    </message>
</context>
</TS>
