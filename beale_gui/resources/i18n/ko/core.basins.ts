<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Basins</name>
    <message>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <source>not converged</source>
        <translation>수렴 안 함</translation>
    </message>
    <message>
        <source>cluster {0} {1}</source>
        <translation>군집 {0} {1}</translation>
    </message>
    <message>
        <source>local min {0} {1}</source>
        <translation>국소 최솟값 {0} {1}</translation>
    </message>
    <message>
        <source>min {0} {1}</source>
        <translation>최솟값 {0} {1}</translation>
    </message>
    <message>
        <source>{0} other local minima</source>
        <translation>기타 국소 최솟값 {0}개</translation>
    </message>
    <message>
        <source>{0} other local minima ({1} reached)</source>
        <translation>기타 국소 최솟값 {0}개 ({1}개 도달)</translation>
    </message>
    <message>
        <source>start ({0:.4g}, {1:.4g}): {2}, {3}</source>
        <translation>시작점 ({0:.4g}, {1:.4g}): {2}, {3}</translation>
    </message>
    <message>
        <source>a {0} x {0} basin map of {1} steps is {2:.3g} run-steps; the limit is {3:.3g} (1024 x 1024 x 1000): lower the grid or max steps</source>
        <translation>{1}단계의 {0} x {0} 수렴 영역 지도는 {2:.3g} 실행-단계로, 한도 {3:.3g}(1024 x 1024 x 1000)를 넘습니다. 격자나 최대 단계를 줄이세요</translation>
    </message>
    <message>
        <source>{0} must be a pair of numbers (low, high)</source>
        <translation>{0}은(는) 두 숫자(하한, 상한)여야 합니다</translation>
    </message>
    <message>
        <source>{0} must be finite with low &lt; high, got ({1:g}, {2:g})</source>
        <translation>{0}은(는) 유한하고 하한 &lt; 상한이어야 합니다. 입력값: ({1:g}, {2:g})</translation>
    </message>
    <message>
        <source>a basin map runs one configuration: give scalar hyperparameters</source>
        <translation>수렴 영역 지도는 설정 하나만 실행합니다. 하이퍼파라미터마다 값을 하나씩 주세요</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>cells per side of the basin map (grid x grid start points)</source>
        <translation>수렴 영역 지도 한 변의 칸 수 (격자 x 격자개의 시작점)</translation>
    </message>
</context>
</TS>
