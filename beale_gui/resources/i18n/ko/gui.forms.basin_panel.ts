<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>BasinPanel</name>
    <message>
        <source>The enabled optimizer whose settings are mapped</source>
        <translation>설정을 지도로 그릴 최적화기 (사용 중인 것만)</translation>
    </message>
    <message>
        <source>Colour cells by the minimum reached; optionally darker where a run took more steps</source>
        <translation>도달한 최소점으로 칸을 색칠합니다. 선택하면 단계가 더 걸린 곳을 더 어둡게 칠합니다</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>최적화기</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>격자</translation>
    </message>
    <message>
        <source>max steps</source>
        <translation>최대 단계</translation>
    </message>
    <message>
        <source>colour by</source>
        <translation>색 기준</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>계산</translation>
    </message>
    <message>
        <source>Run the optimizer from every cell of the grid over the visible view</source>
        <translation>보이는 범위를 덮는 격자의 모든 칸에서 최적화기를 실행합니다</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Show map</source>
        <translation>지도 표시</translation>
    </message>
    <message>
        <source>Opacity of the map</source>
        <translation>지도의 불투명도</translation>
    </message>
    <message>
        <source>opacity</source>
        <translation>불투명도</translation>
    </message>
    <message>
        <source>Press Compute to map where every start point of the view ends up: each cell is coloured by the minimum it reaches.</source>
        <translation>계산을 누르면 보기 범위의 모든 시작점이 어디에 도달하는지 지도로 그립니다. 각 칸은 도달한 최소점의 색으로 칠해집니다.</translation>
    </message>
</context>
</TS>
