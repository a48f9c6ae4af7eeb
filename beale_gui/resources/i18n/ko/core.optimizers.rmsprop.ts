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
    <message>
        <source>moving mean of the gradients (centered)</source>
        <translation>기울기의 이동 평균 (중심화)</translation>
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
    <message>
        <source>1: divide by the gradient&apos;s variance, its mean square less its mean squared (centered RMSprop); 0: by its mean square</source>
        <translation>1: 기울기의 분산(제곱 평균에서 평균의 제곱을 뺀 값)으로 나눕니다 (중심화 RMSprop); 0: 제곱 평균으로 나눕니다</translation>
    </message>
</context>
</TS>
