<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Explain</name>
    <message>
        <source>x − z: the averaged point&apos;s offset from the SGD point (x = w + (1 − β) d, z = w − β d)</source>
        <translation>x − z: 평균점이 SGD 점에서 떨어진 변위 (x = w + (1 − β) d, z = w − β d)</translation>
    </message>
    <message>
        <source>largest learning rate so far</source>
        <translation>지금까지 가장 큰 학습률</translation>
    </message>
    <message>
        <source>sum of the averaging weights so far</source>
        <translation>지금까지의 평균 가중치 합</translation>
    </message>
    <message>
        <source>second moment: a running mean of the squared gradient</source>
        <translation>2차 모멘트: 기울기 제곱의 이동 평균</translation>
    </message>
    <message>
        <source>learning rate of this step, warmed up</source>
        <translation>이 단계의 학습률 (워밍업 적용)</translation>
    </message>
    <message>
        <source>averaging weight of this step (1/t at a constant rate)</source>
        <translation>이 단계의 평균 가중치 (학습률이 일정하면 1/t)</translation>
    </message>
    <message>
        <source>z: the plain SGD sequence</source>
        <translation>z: 보통의 SGD 수열</translation>
    </message>
    <message>
        <source>x: the average of the z so far, the point schedule-free evaluates and the path draws (w is y, where the gradient is taken)</source>
        <translation>x: 지금까지 z의 평균으로, schedule-free가 평가하고 경로가 그리는 점입니다 (w는 기울기를 구하는 점 y)</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>SGD whose gradient is taken between its iterate and their running average; the path draws the average (Defazio et al. 2024)</source>
        <translation>반복점과 그 이동 평균 사이에서 기울기를 구하는 SGD. 경로는 평균을 그립니다 (Defazio 외 2024)</translation>
    </message>
    <message>
        <source>Schedule-free averaging with Adam&apos;s per-axis rate; the path draws the average (Defazio et al. 2024)</source>
        <translation>Adam의 축별 학습률을 쓰는 schedule-free 평균. 경로는 평균을 그립니다 (Defazio 외 2024)</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>interpolation: the gradient is taken at momentum * x + (1 - momentum) * z</source>
        <translation>보간 비율: 기울기를 momentum * x + (1 - momentum) * z에서 구합니다</translation>
    </message>
    <message>
        <source>steps of linear warm-up of the learning rate</source>
        <translation>학습률을 선형으로 올리는 워밍업 단계 수</translation>
    </message>
    <message>
        <source>weight decay, at the gradient&apos;s point y</source>
        <translation>가중치 감쇠 (기울기를 구하는 점 y에서)</translation>
    </message>
    <message>
        <source>learning rate (0.01, as GD here; the reference&apos;s default 1.0 is for networks and diverges on these surfaces)</source>
        <translation>학습률 (여기서는 GD와 같은 0.01, 참조 구현의 기본값 1.0은 신경망용이라 이 곡면들에서는 발산합니다)</translation>
    </message>
</context>
</TS>
