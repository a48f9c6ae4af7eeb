<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Explain</name>
    <message>
        <source>step size of the next update</source>
        <translation>다음 갱신의 보폭</translation>
    </message>
    <message>
        <source>averaging weight of the next update (1: the average is the point)</source>
        <translation>다음 갱신의 평균 가중치 (1: 평균이 곧 현재 점)</translation>
    </message>
    <message>
        <source>the averaged point</source>
        <translation>평균한 점</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>Gradient descent with a slowly shrinking step that also keeps the average of its points</source>
        <translation>보폭이 천천히 줄어들고 지나온 점들의 평균도 함께 유지하는 경사 하강법</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>decay term: shrinks the weights and the step size</source>
        <translation>감쇠 항: 가중치와 보폭을 줄입니다</translation>
    </message>
    <message>
        <source>power of the step size&apos;s decay</source>
        <translation>보폭 감쇠의 지수</translation>
    </message>
    <message>
        <source>the step from which the points are averaged</source>
        <translation>점들의 평균을 내기 시작하는 단계</translation>
    </message>
</context>
</TS>
