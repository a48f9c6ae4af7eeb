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
        <source>second moment: moves towards the squared gradient by a fixed fraction of it</source>
        <translation>2차 모멘트: 기울기 제곱 쪽으로 그 값의 일정 비율만큼 움직입니다</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>Adam whose second moment changes additively, by the sign of v - g^2 (Zaheer et al. 2018)</source>
        <translation>2차 모멘트가 v - g^2의 부호에 따라 덧셈으로 바뀌는 Adam (Zaheer et al. 2018)</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>starting value of both moments</source>
        <translation>두 모멘트의 시작값</translation>
    </message>
</context>
</TS>
