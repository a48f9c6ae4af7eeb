<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CurvatureController</name>
    <message>
        <source>Curvature</source>
        <translation>곡률</translation>
    </message>
    <message>
        <source>C&amp;urvature</source>
        <translation>곡률(&amp;U)</translation>
    </message>
    <message>
        <source>The Hessian at the selected run&apos;s head: its eigenvalues, the learning rate against its bound, the optimum, and the sharpness along the path</source>
        <translation>선택한 실행의 현재 위치에서의 헤세 행렬: 고윳값, 한계에 대한 학습률, 최적값, 경로를 따른 날카로움</translation>
    </message>
    <message>
        <source>No curvature here: {0}</source>
        <translation>여기서는 곡률이 없습니다: {0}</translation>
    </message>
    <message>
        <source>{0} from {1}</source>
        <translation>{1}에서 출발한 {0}</translation>
    </message>
    <message>
        <source>{0}: the optimum of the local quadratic loaded (Ctrl+Z undoes it)</source>
        <translation>{0}: 국소 이차 모델의 최적값을 불러왔습니다(Ctrl+Z로 되돌림)</translation>
    </message>
</context>
</TS>
