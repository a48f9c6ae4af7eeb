<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>MainWindow</name>
    <message>
        <source>{0}: gradient descent, step by step</source>
        <translation>{0}: 단계별로 보는 경사 하강법</translation>
    </message>
    <message>
        <source>Space plays the animation; click the canvas to add a start point.</source>
        <translation>Space 키로 애니메이션을 재생하고, 캔버스를 클릭해 시작점을 추가하세요.</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>3-D</source>
        <translation>3D</translation>
    </message>
    <message>
        <source>Computing the runs</source>
        <translation>실행을 계산하는 중</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>The selected run&apos;s update rule at this step, with its numbers</source>
        <translation>선택한 실행의 이번 단계 갱신 규칙과 그 수치</translation>
    </message>
    <message>
        <source>The surface in 3-D with the paths on it; drag to turn it</source>
        <translation>경로가 그려진 곡면을 3D로 표시합니다. 끌어서 회전하세요</translation>
    </message>
    <message>
        <source>&amp;Mechanics arrows</source>
        <translation>동작 화살표(&amp;M)</translation>
    </message>
    <message>
        <source>Arrows at each head: the descent direction (-∇f), the velocity / first moment, and the step taken</source>
        <translation>각 경로 끝의 화살표: 하강 방향(-∇f), 속도 / 1차 모멘트, 실제 이동한 단계</translation>
    </message>
    <message>
        <source>&amp;Loss curves up to the playhead</source>
        <translation>재생 위치까지 손실 곡선 그리기(&amp;L)</translation>
    </message>
    <message>
        <source>Draw each loss curve only up to the current step, so the optimizers race</source>
        <translation>각 손실 곡선을 현재 단계까지만 그려 최적화기들이 경주하듯 보이게 합니다</translation>
    </message>
    <message>
        <source>&amp;Reset view</source>
        <translation>보기 초기화(&amp;R)</translation>
    </message>
    <message>
        <source>F&amp;unction</source>
        <translation>함수(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>재생(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>안내서(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>키보드 단축키(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System ({0})</source>
        <translation>시스템 ({0})</translation>
    </message>
    <message>
        <source>Error: {0}</source>
        <translation>오류: {0}</translation>
    </message>
    <message>
        <source>Something went wrong; the app carries on. Details are in the log.</source>
        <translation>문제가 발생했지만 앱은 계속 실행됩니다. 자세한 내용은 로그에 있습니다.</translation>
    </message>
</context>
</TS>
