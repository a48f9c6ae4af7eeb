<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Explain</name>
    <message>
        <source>moving mean of the squared gradients</source>
        <translation>기울기 제곱의 이동 평균</translation>
    </message>
    <message>
        <source>moving mean of the squared updates</source>
        <translation>갱신량 제곱의 이동 평균</translation>
    </message>
    <message>
        <source>the gradient rescaled by the ratio of the two means</source>
        <translation>두 평균의 비율로 크기를 조정한 기울기</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>Step sizes from the ratio of running RMS of updates and gradients</source>
        <translation>갱신량과 기울기의 이동 RMS 비율로 보폭을 정함</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>decay of the running averages</source>
        <translation>이동 평균의 감쇠율</translation>
    </message>
</context>
</TS>
