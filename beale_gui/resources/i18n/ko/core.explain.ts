<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Explain</name>
    <message>
        <source>the step taken</source>
        <translation>이번 단계의 이동량</translation>
    </message>
    <message>
        <source>effective learning rate of each axis</source>
        <translation>축별 유효 학습률</translation>
    </message>
    <message>
        <source>gradient at the previous point</source>
        <translation>이전 점에서의 기울기</translation>
    </message>
    <message>
        <source>mini-batch gradient: what the step used</source>
        <translation>미니배치 기울기: 이번 단계가 사용한 값</translation>
    </message>
    <message>
        <source>gradient with weight decay: what the step used</source>
        <translation>가중치 감쇠를 더한 기울기: 이번 단계가 사용한 값</translation>
    </message>
    <message>
        <source>mini-batch gradient</source>
        <translation>미니배치 기울기</translation>
    </message>
    <message>
        <source>maximize: the gradient is negated, then weight decay is added: what the step used</source>
        <translation>maximize: 기울기의 부호를 바꾼 뒤 가중치 감쇠를 더함: 이번 단계가 사용한 값</translation>
    </message>
    <message>
        <source>maximize: the gradient is negated</source>
        <translation>maximize: 기울기의 부호를 바꿈</translation>
    </message>
    <message>
        <source>learning rate of this step (scheduled)</source>
        <translation>이번 단계의 학습률 (스케줄 적용)</translation>
    </message>
    <message>
        <source>the new point</source>
        <translation>새 점</translation>
    </message>
    <message>
        <source>the start point</source>
        <translation>시작점</translation>
    </message>
    <message>
        <source>gradient at the start: the first step uses it</source>
        <translation>시작점의 기울기: 첫 단계가 이 값을 사용합니다</translation>
    </message>
    <message>
        <source>The start is not finite or outside the bound: the run never made a step.</source>
        <translation>시작점이 유한하지 않거나 범위를 벗어나 한 단계도 진행하지 않았습니다.</translation>
    </message>
    <message>
        <source>The run converged at step {0}: its point stays. Shown: the update of step {0}.</source>
        <translation>{0}단계에서 수렴하여 점이 그대로 머뭅니다. 표시: {0}단계의 갱신.</translation>
    </message>
    <message>
        <source>The run diverged at step {0}: it keeps its last finite point, step {1}. Shown: the update of step {1}.</source>
        <translation>{0}단계에서 발산하여 마지막 유한한 점({1}단계)에 머뭅니다. 표시: {1}단계의 갱신.</translation>
    </message>
    <message>
        <source>The start: no update yet. Step forward (→) to see the first.</source>
        <translation>시작점: 아직 갱신이 없습니다. 다음 단계(→)로 가면 첫 갱신을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>g is the gradient of a random mini-batch of the function&apos;s terms (with noise, if set), not the exact gradient ∇f.</source>
        <translation>g는 정확한 기울기 ∇f가 아니라 함수 항 중 무작위 미니배치의 기울기입니다 (설정한 경우 잡음 포함).</translation>
    </message>
</context>
</TS>
