<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>SearchAxis</name>
    <message>
        <source>linear</source>
        <translation>선형</translation>
    </message>
    <message>
        <source>log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>lowest value searched</source>
        <translation>탐색할 가장 작은 값</translation>
    </message>
    <message>
        <source>highest value searched</source>
        <translation>탐색할 가장 큰 값</translation>
    </message>
    <message>
        <source>Sample uniformly in this scale: log spreads the samples evenly over the decades (learning rates)</source>
        <translation>이 척도에서 고르게 표본을 뽑습니다. 로그는 자릿수마다 고르게 퍼뜨립니다 (학습률에 알맞음)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>~</translation>
    </message>
</context>
</TS>
