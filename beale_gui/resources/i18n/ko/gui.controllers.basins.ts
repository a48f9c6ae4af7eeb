<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>BasinController</name>
    <message>
        <source>Basin map</source>
        <translation>수렴 영역 지도</translation>
    </message>
    <message>
        <source>&amp;Basin map</source>
        <translation>수렴 영역 지도(&amp;B)</translation>
    </message>
    <message>
        <source>Show where every start point of the view ends up</source>
        <translation>보기 안의 각 시작점이 어디에 도달하는지 표시합니다</translation>
    </message>
    <message>
        <source>Enable an optimizer in the parameter panel to map it.</source>
        <translation>지도를 그리려면 매개변수 패널에서 최적화기를 켜세요.</translation>
    </message>
    <message>
        <source>Not mapped.</source>
        <translation>지도를 그리지 않았습니다.</translation>
    </message>
    <message>
        <source>Mapping {0} from {1}×{1} start points…</source>
        <translation>{0}의 지도를 {1}×{1}개 시작점에서 계산하는 중…</translation>
    </message>
    <message>
        <source>{0}: {1} cluster reached. Hover a cell for its outcome.</source>
        <translation>{0}: 군집 {1}개에 도달했습니다. 셀 위에 마우스를 올리면 결과가 표시됩니다.</translation>
    </message>
    <message>
        <source>{0}: {1} clusters reached. Hover a cell for its outcome.</source>
        <translation>{0}: 군집 {1}개에 도달했습니다. 셀 위에 마우스를 올리면 결과가 표시됩니다.</translation>
    </message>
    <message>
        <source>{0}: {1} minimum reached. Hover a cell for its outcome.</source>
        <translation>{0}: 최솟점 {1}개에 도달했습니다. 셀 위에 마우스를 올리면 결과가 표시됩니다.</translation>
    </message>
    <message>
        <source>{0}: {1} minima reached. Hover a cell for its outcome.</source>
        <translation>{0}: 최솟점 {1}개에 도달했습니다. 셀 위에 마우스를 올리면 결과가 표시됩니다.</translation>
    </message>
    <message>
        <source>Could not map: {0}</source>
        <translation>지도를 계산할 수 없음: {0}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
    <message>
        <source>The basin map was hidden: the mapped optimizer was removed. Press Compute to map again.</source>
        <translation>수렴 영역 지도를 숨겼습니다: 지도의 최적화기가 제거되었습니다. 다시 그리려면 계산을 누르세요.</translation>
    </message>
    <message>
        <source>The basin map was hidden: the function changed. Press Compute to map again.</source>
        <translation>수렴 영역 지도를 숨겼습니다: 함수가 바뀌었습니다. 다시 그리려면 계산을 누르세요.</translation>
    </message>
    <message>
        <source>The basin map was hidden: the mapped optimizer&apos;s settings changed. Press Compute to map again.</source>
        <translation>수렴 영역 지도를 숨겼습니다: 지도의 최적화기 설정이 바뀌었습니다. 다시 그리려면 계산을 누르세요.</translation>
    </message>
    <message>
        <source>The basin map was hidden: the tolerance or seed changed. Press Compute to map again.</source>
        <translation>수렴 영역 지도를 숨겼습니다: 허용 오차나 시드가 바뀌었습니다. 다시 그리려면 계산을 누르세요.</translation>
    </message>
</context>
</TS>
