<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CurvatureView</name>
    <message>
        <source>stable</source>
        <translation>안정</translation>
    </message>
    <message>
        <source>converging</source>
        <translation>수렴</translation>
    </message>
    <message>
        <source>oscillating</source>
        <translation>진동</translation>
    </message>
    <message>
        <source>diverging</source>
        <translation>발산</translation>
    </message>
    <message>
        <source>Load GD rate</source>
        <translation>GD 학습률 불러오기</translation>
    </message>
    <message>
        <source>Set this GD entry&apos;s lr to 2/(λmax + λmin), the best constant rate on the local quadratic (Ctrl+Z undoes it)</source>
        <translation>이 GD 항목의 lr을 국소 이차 모델에서 가장 좋은 고정 학습률 2/(λmax + λmin)로 설정합니다(Ctrl+Z로 되돌림)</translation>
    </message>
    <message>
        <source>Load heavy-ball values</source>
        <translation>헤비볼 값 불러오기</translation>
    </message>
    <message>
        <source>Set this Momentum entry&apos;s lr and momentum to the heavy ball&apos;s optimum lr* and β* on the local quadratic (Ctrl+Z undoes it)</source>
        <translation>이 Momentum 항목의 lr과 momentum을 국소 이차 모델에서의 헤비볼 최적값 lr*, β*로 설정합니다(Ctrl+Z로 되돌림)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>No run yet. Once the runs are computed, select one in the results table or click its path on the canvas.</source>
        <translation>아직 실행이 없습니다. 실행이 계산되면 결과 표에서 하나를 고르거나 캔버스에서 경로를 클릭하세요.</translation>
    </message>
    <message>
        <source>at step {0}, ({1}, {2})</source>
        <translation>{0}단계, ({1}, {2})</translation>
    </message>
    <message>
        <source>lr = {0}: the gauge does not apply</source>
        <translation>lr = {0}: 게이지가 적용되지 않습니다</translation>
    </message>
    <message>
        <source>lr = {0} against the bound {1} ({2:.3g}×): </source>
        <translation>lr = {0}, 한계 {1} 대비 ({2:.3g}×): </translation>
    </message>
    <message>
        <source>No optimum: the Hessian here is not positive definite.</source>
        <translation>최적값 없음: 여기서 헤세 행렬은 양의 정부호가 아닙니다.</translation>
    </message>
    <message>
        <source>Best on the local quadratic: GD lr = 2/(λmax + λmin) = {0}; heavy ball lr* = {1}, β* = {2}</source>
        <translation>국소 이차 모델에서의 최적: GD lr = 2/(λmax + λmin) = {0}; 헤비볼 lr* = {1}, β* = {2}</translation>
    </message>
    <message>
        <source>This run&apos;s optimizer has changed in the panel; its new runs can take the values.</source>
        <translation>이 실행의 최적화기가 패널에서 바뀌었습니다; 새 실행에 값을 넣을 수 있습니다.</translation>
    </message>
    <message>
        <source>Select a Momentum run to load the heavy-ball values.</source>
        <translation>헤비볼 값을 불러오려면 Momentum 실행을 고르세요.</translation>
    </message>
    <message>
        <source>Add Momentum in the panel and select its run to load the heavy-ball values.</source>
        <translation>헤비볼 값을 불러오려면 패널에 Momentum을 추가하고 그 실행을 고르세요.</translation>
    </message>
    <message>
        <source>Select a GD run to load its rate, or a Momentum run (add Momentum in the panel) for the heavy-ball values.</source>
        <translation>학습률을 불러오려면 GD 실행을, 헤비볼 값을 불러오려면 Momentum 실행을 고르세요(패널에 Momentum 추가).</translation>
    </message>
    <message>
        <source>sharpness {0} along the path; dashed: {1}</source>
        <translation>경로를 따른 날카로움 {0}; 점선: {1}</translation>
    </message>
    <message>
        <source>sharpness {0} along the path</source>
        <translation>경로를 따른 날카로움 {0}</translation>
    </message>
</context>
</TS>
