<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Explain</name>
    <message>
        <source>momentum: a running mean of the gradient</source>
        <translation>모멘텀: 기울기의 이동 평균</translation>
    </message>
    <message>
        <source>direction of the step: the sign of a mix of the momentum and the gradient</source>
        <translation>이동 방향: 모멘텀과 기울기를 섞은 값의 부호</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>Sign of a momentum mix: every axis steps by exactly lr (Chen et al. 2023)</source>
        <translation>모멘텀을 섞은 값의 부호로 이동: 모든 축이 정확히 lr만큼 움직입니다 (Chen et al. 2023)</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>weight of the momentum against the gradient in the step&apos;s sign</source>
        <translation>이동 방향의 부호를 정할 때 기울기에 대한 모멘텀의 비중</translation>
    </message>
    <message>
        <source>decay of the momentum</source>
        <translation>모멘텀의 감쇠율</translation>
    </message>
    <message>
        <source>decoupled weight decay</source>
        <translation>분리된 가중치 감쇠</translation>
    </message>
</context>
</TS>
