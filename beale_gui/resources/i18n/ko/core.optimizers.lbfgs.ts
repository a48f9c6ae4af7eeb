<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Explain</name>
    <message>
        <source>a step along the direction</source>
        <translation>방향을 따른 이동</translation>
    </message>
    <message>
        <source>no step: every gradient component is at most tolerance_grad</source>
        <translation>이동 없음: 기울기의 모든 성분이 tolerance_grad 이하입니다</translation>
    </message>
    <message>
        <source>no step: the direction does not go downhill (slope above −tolerance_change)</source>
        <translation>이동 없음: 방향이 내리막이 아닙니다 (기울기가 −tolerance_change보다 큼)</translation>
    </message>
    <message>
        <source>the two-loop recursion over the last m pairs (s, y), started from γ I</source>
        <translation>최근 m개 쌍 (s, y)에 대한 2중 루프 재귀, γ I에서 시작</translation>
    </message>
    <message>
        <source>first step</source>
        <translation>첫 단계</translation>
    </message>
    <message>
        <source>strong Wolfe line search from η</source>
        <translation>η에서 시작하는 강한 Wolfe 선 탐색</translation>
    </message>
    <message>
        <source>pairs (s, y) kept: those with y·s &gt; 10⁻¹⁰, at most history_size</source>
        <translation>보관한 쌍 (s, y): y·s &gt; 10⁻¹⁰인 것, 최대 history_size개</translation>
    </message>
    <message>
        <source>curvature y·s of the newest pair; it joins the memory when above 10⁻¹⁰</source>
        <translation>최신 쌍의 곡률 y·s; 10⁻¹⁰보다 크면 메모리에 추가됩니다</translation>
    </message>
    <message>
        <source>scale of the initial inverse Hessian, from the newest pair kept</source>
        <translation>초기 역헤시안의 배율, 보관한 최신 쌍에서 계산</translation>
    </message>
    <message>
        <source>the gradient kept for the next pair&apos;s y</source>
        <translation>다음 쌍의 y를 위해 보관한 기울기</translation>
    </message>
    <message>
        <source>search direction: the quasi-Newton step</source>
        <translation>탐색 방향: 준뉴턴 단계</translation>
    </message>
    <message>
        <source>steps made so far</source>
        <translation>지금까지 진행한 단계 수</translation>
    </message>
    <message>
        <source>worked out at the first step</source>
        <translation>첫 단계에서 계산됩니다</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>Quasi-Newton: builds an inverse Hessian from the last steps and gradient changes</source>
        <translation>준뉴턴법: 최근 단계와 기울기 변화로 역헤시안을 만듭니다</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>how many recent steps and gradient changes the inverse Hessian is built from</source>
        <translation>역헤시안을 만드는 데 쓰는 최근 단계와 기울기 변화의 개수</translation>
    </message>
    <message>
        <source>no step where every gradient component is at most this in size</source>
        <translation>기울기의 모든 성분의 크기가 이 값 이하이면 이동하지 않습니다</translation>
    </message>
    <message>
        <source>no step where the slope along the direction is above minus this; the line search&apos;s smallest interval</source>
        <translation>방향을 따른 기울기가 이 값의 음수보다 크면 이동하지 않습니다. 선 탐색의 최소 구간이기도 합니다</translation>
    </message>
    <message>
        <source>1: a strong-Wolfe line search chooses the step length; 0: the fixed step lr</source>
        <translation>1: 강한 Wolfe 선 탐색이 이동 거리를 정함, 0: 고정 이동 거리 lr</translation>
    </message>
    <message>
        <source>step length along the quasi-Newton direction (the line search&apos;s first trial)</source>
        <translation>준뉴턴 방향을 따른 이동 거리 (선 탐색의 첫 시도)</translation>
    </message>
</context>
</TS>
