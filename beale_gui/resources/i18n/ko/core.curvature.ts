<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Curvature</name>
    <message>
        <source>: indefinite (a saddle), no condition number</source>
        <translation>: 부정부호(안장점), 조건수 없음</translation>
    </message>
    <message>
        <source>: negative definite (a maximum), no condition number</source>
        <translation>: 음의 정부호(최댓점), 조건수 없음</translation>
    </message>
    <message>
        <source>: singular (flat along a direction), no condition number</source>
        <translation>: 특이(한 방향으로 평평함), 조건수 없음</translation>
    </message>
    <message>
        <source>the Hessian is not finite here</source>
        <translation>여기서는 헤세 행렬이 유한하지 않습니다</translation>
    </message>
    <message>
        <source>the gauge is for GD, Momentum and Nesterov: an adaptive method rescales each step, so no single bound on lr applies</source>
        <translation>이 게이지는 GD, Momentum, Nesterov용입니다: 적응형 방법은 단계마다 크기를 다시 조정하므로 lr에 대한 단일 한계가 없습니다</translation>
    </message>
    <message>
        <source>the bound is for momentum without dampening</source>
        <translation>이 한계는 dampening이 없는 모멘텀에 대한 것입니다</translation>
    </message>
    <message>
        <source>no direction curves upward here (λmax ≤ 0): no step size is stable on this quadratic model</source>
        <translation>여기서는 위로 휘는 방향이 없습니다(λmax ≤ 0): 이 이차 모델에서 안정한 단계 크기가 없습니다</translation>
    </message>
    <message>
        <source> (λmin ≤ 0: along its direction no step size settles; the bound is for the upward-curving one)</source>
        <translation> (λmin ≤ 0: 그 방향으로는 어떤 단계 크기도 자리 잡지 않습니다; 한계는 위로 휘는 방향에 대한 것입니다)</translation>
    </message>
    <message>
        <source>lr·λmax = {0:.3g}: below 1 stable, 1 to 2 converging with sign flips, 2 or more diverging</source>
        <translation>lr·λmax = {0:.3g}: 1 미만이면 안정, 1~2이면 부호를 바꾸며 수렴, 2 이상이면 발산</translation>
    </message>
    <message>
        <source>lr against {0} = {1:.4g}</source>
        <translation>lr 대 {0} = {1:.4g}</translation>
    </message>
</context>
</TS>
