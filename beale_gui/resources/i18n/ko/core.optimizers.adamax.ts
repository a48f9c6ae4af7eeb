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
        <source>infinity norm: a decaying maximum of |g|</source>
        <translation>무한 노름: 감쇠하는 |g|의 최댓값</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>Adam with the infinity norm: steps bounded by the learning rate</source>
        <translation>무한 노름을 쓰는 Adam: 단계 크기가 학습률로 제한됨</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>decay of the infinity norm</source>
        <translation>무한 노름의 감쇠율</translation>
    </message>
</context>
</TS>
