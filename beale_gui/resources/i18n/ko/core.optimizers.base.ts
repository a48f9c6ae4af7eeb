<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Params</name>
    <message>
        <source>optimizer &apos;{0}&apos;</source>
        <translation>최적화기 &apos;{0}&apos;</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>added to the denominator for numerical stability</source>
        <translation>수치 안정성을 위해 분모에 더하는 값</translation>
    </message>
    <message>
        <source>L2 penalty added to the gradient</source>
        <translation>기울기에 더하는 L2 벌점</translation>
    </message>
</context>
</TS>
