<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>SearchPlot</name>
    <message>
        <source>Choose what to search and press Run:
the results appear here.</source>
        <translation>탐색할 항목을 고르고 실행을 누르세요:
결과가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Hover over a result to read it; click one to load it into the parameter panel.</source>
        <translation>결과 위에 마우스를 올리면 값을 볼 수 있고, 클릭하면 매개변수 패널로 불러옵니다.</translation>
    </message>
    <message>
        <source>{0} (log scale)</source>
        <translation>{0} (로그 척도)</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <source>best</source>
        <translation>최적</translation>
    </message>
    <message>
        <source>grey hatched</source>
        <translation>회색 빗금</translation>
    </message>
    <message>
        <source>{0}: diverged ({1} of {2})</source>
        <translation>{0}: 발산 ({2}개 중 {1}개)</translation>
    </message>
    <message>
        <source>{0} round {1}</source>
        <translation>{0} {1}라운드</translation>
    </message>
    <message>
        <source>dashed: each next round&apos;s box</source>
        <translation>점선: 다음 라운드의 탐색 범위</translation>
    </message>
</context>
</TS>
