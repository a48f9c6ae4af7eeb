<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CanvasItems</name>
    <message>
        <source>descent −∇f (solid)</source>
        <translation>하강 −∇f (실선)</translation>
    </message>
    <message>
        <source>velocity / moment (outlined)</source>
        <translation>속도 / 모멘트 (윤곽선)</translation>
    </message>
    <message>
        <source>actual step (dashed)</source>
        <translation>실제 이동 (점선)</translation>
    </message>
    <message>
        <source>Arrows at each path&apos;s head, in its optimizer&apos;s colour: descent (−gradient, solid), the velocity / first moment (outlined), and the step actually taken (dashed, open head). Directions are exact; lengths are on a log scale, per kind: the largest arrow is {0} pixels long at any zoom, and arrows more than {1}× smaller than it are hidden. Magnitudes are in the table.</source>
        <translation>각 경로 끝에 최적화기의 색으로 그린 화살표: 하강 방향(−기울기, 실선), 속도 / 1차 모멘트(윤곽선), 실제로 이동한 단계(점선, 열린 머리). 방향은 정확하며, 길이는 종류별 로그 척도입니다: 가장 큰 화살표는 확대 배율과 상관없이 {0}픽셀이고, 그보다 {1}배 넘게 작은 화살표는 숨깁니다. 크기는 표에 있습니다.</translation>
    </message>
    <message>
        <source>start ({0}, {1})
drag to move • right-click or Delete to remove</source>
        <translation>시작점 ({0}, {1})
끌어서 이동 • 오른쪽 클릭 또는 Delete로 제거</translation>
    </message>
</context>
</TS>
