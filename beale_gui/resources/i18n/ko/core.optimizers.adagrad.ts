<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Explain</name>
    <message>
        <source>sum of the squared gradients so far</source>
        <translation>지금까지의 기울기 제곱의 합</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>lr / sqrt(sum of g^2) per axis: big steps where gradients were small</source>
        <translation>축마다 lr / sqrt(g^2의 합): 기울기가 작았던 축에서 큰 보폭</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>starting value of the sum of squared gradients</source>
        <translation>기울기 제곱합의 초깃값</translation>
    </message>
    <message>
        <source>learning rate decay k: step t uses lr / (1 + (t - 1) k)</source>
        <translation>학습률 감쇠 k: 단계 t는 lr / (1 + (t - 1) k)를 씁니다</translation>
    </message>
</context>
</TS>
