<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Explain</name>
    <message>
        <source>velocity: a decaying sum of past gradients</source>
        <translation>속도: 지난 기울기들의 감쇠 합</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>Gradient descent: w -= lr * g</source>
        <translation>경사 하강법: w -= lr * g</translation>
    </message>
    <message>
        <source>Stochastic GD: the gradient of a random mini-batch of terms</source>
        <translation>확률적 경사 하강법: 무작위 미니배치 항들의 기울기</translation>
    </message>
    <message>
        <source>v = momentum * v + g; w -= lr * v (torch.optim.SGD)</source>
        <translation>v = momentum * v + g; w -= lr * v (torch.optim.SGD)</translation>
    </message>
    <message>
        <source>SGD with nesterov=True: w -= lr * (g + momentum * v)</source>
        <translation>nesterov=True인 SGD: w -= lr * (g + momentum * v)</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>learning rate (0.01, the seed&apos;s; torch&apos;s SGD default is 0.001)</source>
        <translation>학습률 (원래 값 0.01; torch SGD 기본값은 0.001)</translation>
    </message>
    <message>
        <source>momentum factor (0.9, the seed&apos;s; torch&apos;s default 0 is plain GD)</source>
        <translation>모멘텀 계수 (원래 값 0.9; torch 기본값 0은 일반 GD)</translation>
    </message>
    <message>
        <source>dampening for momentum</source>
        <translation>모멘텀 감쇠(dampening)</translation>
    </message>
</context>
</TS>
