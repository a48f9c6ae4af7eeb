<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>TorchCost</name>
    <message>
        <source>{0} runs one optimizer instance per run: {1} runs of {2} steps.

About {3} s. Run?</source>
        <translation>{0}은(는) 실행마다 최적화기 인스턴스를 하나씩 씁니다: {2}단계 실행 {1}개.

약 {3}초 걸립니다. 실행할까요?</translation>
    </message>
    <message>
        <source>(That is about {0} hours.)</source>
        <translation>(약 {0}시간입니다.)</translation>
    </message>
    <message>
        <source>(That is about {0} minutes.)</source>
        <translation>(약 {0}분입니다.)</translation>
    </message>
    <message>
        <source>A slow optimizer</source>
        <translation>느린 최적화기</translation>
    </message>
</context>
</TS>
