<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>RunController</name>
    <message>
        <source>Click the canvas to add a start point.</source>
        <translation>캔버스를 클릭해 시작점을 추가하세요.</translation>
    </message>
    <message>
        <source>No optimizer is enabled: tick one in the parameter panel.</source>
        <translation>켜진 최적화기가 없습니다: 매개변수 패널에서 하나를 선택하세요.</translation>
    </message>
    <message>
        <source>{0} of {1} runs failed in a plug-in optimizer and are marked diverged: {2}</source>
        <translation>실행 {1}개 중 {0}개가 플러그인 최적화기에서 실패해 발산으로 표시되었습니다: {2}</translation>
    </message>
    <message>
        <source>{0} of {1} runs diverged: each is drawn up to where it blew up.</source>
        <translation>실행 {1}개 중 {0}개가 발산했습니다: 각 경로는 발산한 지점까지 그려집니다.</translation>
    </message>
    <message>
        <source>Could not run: {0}</source>
        <translation>실행할 수 없습니다: {0}</translation>
    </message>
</context>
</TS>
