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
        <source>momentum buffer: a decaying sum of normalized gradients</source>
        <translation>모멘텀 버퍼: 정규화된 기울기의 감쇠 합</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>lr / sqrt(moving mean of g^2): Adagrad that forgets</source>
        <translation>lr / sqrt(g^2의 이동 평균): 과거를 잊는 Adagrad</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>decay of the mean square</source>
        <translation>제곱 평균의 감쇠율</translation>
    </message>
    <message>
        <source>momentum factor</source>
        <translation>모멘텀 계수</translation>
    </message>
</context>
</TS>
