<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ExplainPanel</name>
    <message>
        <source>No run to explain yet. Once the runs are computed, select one in the results table or click its path on the canvas.</source>
        <translation>아직 설명할 실행이 없습니다. 실행 계산이 끝나면 결과 표에서 하나를 선택하거나 캔버스에서 경로를 클릭하세요.</translation>
    </message>
    <message>
        <source>This step cannot be explained: {0}</source>
        <translation>이 단계는 설명할 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>{0} from {1}</source>
        <translation>{1}에서 출발한 {0}</translation>
    </message>
    <message>
        <source>Step {0} of {1}</source>
        <translation>단계 {0} / {1}</translation>
    </message>
    <message>
        <source>the update from step {0} to step {1}</source>
        <translation>{0}단계에서 {1}단계로 가는 갱신</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>양</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>About this optimizer…</source>
        <translation>이 최적화기에 대해…</translation>
    </message>
</context>
</TS>
