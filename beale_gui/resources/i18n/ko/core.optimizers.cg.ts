<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Explain</name>
    <message>
        <source>steepest descent: the first step or a periodic restart</source>
        <translation>최급강하: 첫 단계 또는 주기적 재시작</translation>
    </message>
    <message>
        <source>a conjugate direction</source>
        <translation>켤레 방향</translation>
    </message>
    <message>
        <source>steepest descent: the conjugate direction did not go downhill</source>
        <translation>최급강하: 켤레 방향이 내리막이 아니었습니다</translation>
    </message>
    <message>
        <source>no step: the gradient is zero</source>
        <translation>이동 없음: 기울기가 0입니다</translation>
    </message>
    <message>
        <source>0 at a restart: the first update, every r updates, or where the direction would not go downhill</source>
        <translation>재시작에서 0: 첫 업데이트, r번의 업데이트마다, 또는 방향이 내리막이 아닐 때</translation>
    </message>
    <message>
        <source>strong Wolfe line search from η (c₂ = 0.1)</source>
        <translation>η에서 시작하는 강한 Wolfe 선 탐색 (c₂ = 0.1)</translation>
    </message>
    <message>
        <source>how much of the last direction the new one keeps</source>
        <translation>새 방향이 직전 방향을 얼마나 유지하는지</translation>
    </message>
    <message>
        <source>search direction</source>
        <translation>탐색 방향</translation>
    </message>
    <message>
        <source>the gradient kept for the next β</source>
        <translation>다음 β를 위해 보관한 기울기</translation>
    </message>
    <message>
        <source>steps since the last steepest-descent step</source>
        <translation>마지막 최급강하 단계 이후의 단계 수</translation>
    </message>
    <message>
        <source>worked out at the first step</source>
        <translation>첫 단계에서 계산됩니다</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>Nonlinear conjugate gradients: each direction mixes the gradient with the last direction</source>
        <translation>비선형 켤레 기울기법: 각 방향은 기울기와 직전 방향을 섞습니다</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>0 (unticked): Fletcher–Reeves; 1 (ticked): Polak–Ribière+ (never below 0)</source>
        <translation>0(선택 해제): Fletcher–Reeves, 1(선택): Polak–Ribière+ (0보다 작아지지 않음)</translation>
    </message>
    <message>
        <source>restart with the steepest descent every this many steps (0: never)</source>
        <translation>이 단계 수마다 최급강하로 재시작 (0: 재시작 안 함)</translation>
    </message>
    <message>
        <source>the line search&apos;s first trial step length</source>
        <translation>선 탐색의 첫 시도 이동 거리</translation>
    </message>
</context>
</TS>
