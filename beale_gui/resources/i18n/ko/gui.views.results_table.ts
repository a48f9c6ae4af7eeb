<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ResultsTable</name>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>최적화기</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작점</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>to min.</source>
        <translation>최솟점까지</translation>
    </message>
    <message>
        <source>eff. lr x</source>
        <translation>유효 lr x</translation>
    </message>
    <message>
        <source>eff. lr y</source>
        <translation>유효 lr y</translation>
    </message>
    <message>
        <source>f evals</source>
        <translation>f 계산 수</translation>
    </message>
    <message>
        <source>The optimizer and the hyperparameters that differ from its defaults</source>
        <translation>최적화기와 기본값과 다른 하이퍼파라미터</translation>
    </message>
    <message>
        <source>The start point of the run</source>
        <translation>실행의 시작점</translation>
    </message>
    <message>
        <source>At the current step: running, or converged (|Δf| below the tolerance), diverged or stopped at max steps once the run got there</source>
        <translation>현재 단계의 상태: 실행 중, 또는 실행이 그 단계에 이르면 수렴(|Δf|가 허용 오차 미만), 발산, 최대 단계에서 멈춤</translation>
    </message>
    <message>
        <source>x at the current step</source>
        <translation>현재 단계의 x</translation>
    </message>
    <message>
        <source>y at the current step</source>
        <translation>현재 단계의 y</translation>
    </message>
    <message>
        <source>f(x, y) at the current step</source>
        <translation>현재 단계의 f(x, y)</translation>
    </message>
    <message>
        <source>Length of the gradient at the current step</source>
        <translation>현재 단계의 기울기 크기</translation>
    </message>
    <message>
        <source>Distance to the nearest known minimum</source>
        <translation>가장 가까운 알려진 최솟점까지의 거리</translation>
    </message>
    <message>
        <source>Per-axis effective learning rate of adaptive optimizers (the step size they apply along x) in the next update, from the current step; blank for the others</source>
        <translation>적응형 최적화기의 축별 유효 학습률(x 방향으로 적용하는 보폭), 현재 단계에서 시작하는 다음 업데이트의 값; 그 밖의 최적화기는 빈칸</translation>
    </message>
    <message>
        <source>Per-axis effective learning rate along y in the next update, from the current step; blank for non-adaptive optimizers</source>
        <translation>y 방향의 축별 유효 학습률, 현재 단계에서 시작하는 다음 업데이트의 값; 적응형이 아닌 최적화기는 빈칸</translation>
    </message>
    <message>
        <source>Evaluations of f and its gradient up to the current step, the start&apos;s included: one a step, more where a line search tries points along the way (shown when a run made such steps)</source>
        <translation>현재 단계까지 f와 기울기를 계산한 횟수(시작점 포함): 단계마다 한 번, 선 탐색이 도중에 여러 점을 시험하면 그보다 많습니다(그런 단계가 있는 실행에서 표시)</translation>
    </message>
    <message>
        <source>Ends: {0}</source>
        <translation>종료: {0}</translation>
    </message>
</context>
</TS>
