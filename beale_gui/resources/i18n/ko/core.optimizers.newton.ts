<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Explain</name>
    <message>
        <source>positive definite: the step goes downhill to the model&apos;s minimum</source>
        <translation>양의 정부호: 모델의 최솟값을 향해 내리막으로 나아갑니다</translation>
    </message>
    <message>
        <source>singular: no Newton step exists; the step is the gradient&apos;s</source>
        <translation>특이 행렬: 뉴턴 단계가 없어 기울기 방향으로 나아갑니다</translation>
    </message>
    <message>
        <source>indefinite: the step goes to the model&apos;s saddle, not to a minimum</source>
        <translation>부정부호: 최솟값이 아니라 모델의 안장점으로 나아갑니다</translation>
    </message>
    <message>
        <source>negative definite: the step goes uphill to the model&apos;s maximum</source>
        <translation>음의 정부호: 모델의 최댓값을 향해 오르막으로 나아갑니다</translation>
    </message>
    <message>
        <source>worked out at the first step</source>
        <translation>첫 단계에서 계산됩니다</translation>
    </message>
    <message>
        <source>the Hessian at the previous point: ∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²</source>
        <translation>이전 점에서의 헤세 행렬: ∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²</translation>
    </message>
    <message>
        <source>determinant: negative at a saddle of the local model</source>
        <translation>행렬식: 국소 모델의 안장점에서는 음수</translation>
    </message>
    <message>
        <source>the case of {0}</source>
        <translation>{0}의 경우</translation>
    </message>
    <message>
        <source>no Newton step: the gradient&apos;s direction</source>
        <translation>뉴턴 단계 없음: 기울기 방향</translation>
    </message>
    <message>
        <source>Newton step: the update goes back by it, to the stationary point of the local quadratic model</source>
        <translation>뉴턴 단계: 이만큼 되돌아가면 국소 이차 모델의 정류점에 닿습니다</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>Steps to the minimum of the local quadratic model, using the exact Hessian</source>
        <translation>정확한 헤세 행렬로 국소 이차 모델의 최솟값으로 나아갑니다</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>added to the Hessian&apos;s diagonal (Levenberg): 0 is the pure Newton step</source>
        <translation>헤세 행렬의 대각에 더하는 값(레벤버그): 0이면 순수한 뉴턴 단계</translation>
    </message>
    <message>
        <source>fraction of the Newton step taken (1: the whole step)</source>
        <translation>뉴턴 단계 중 실제로 가는 비율(1: 단계 전체)</translation>
    </message>
</context>
</TS>
