<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Params</name>
    <message>
        <source>decay rate per step</source>
        <translation>단계당 감쇠율</translation>
    </message>
    <message>
        <source>steps between drops</source>
        <translation>감소 사이의 단계 수</translation>
    </message>
    <message>
        <source>factor at each drop</source>
        <translation>감소할 때마다 곱하는 계수</translation>
    </message>
    <message>
        <source>factor per step</source>
        <translation>단계당 곱하는 계수</translation>
    </message>
    <message>
        <source>T: steps to the minimum rate</source>
        <translation>T: 최소 학습률까지의 단계 수</translation>
    </message>
    <message>
        <source>m: the final rate as a fraction of lr0</source>
        <translation>m: lr0에 대한 최종 학습률의 비율</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>스케줄</translation>
    </message>
    <message>
        <source>unknown schedule &apos;{0}&apos;; choose from {1}</source>
        <translation>알 수 없는 스케줄 &apos;{0}&apos;. 다음 중에서 고르세요: {1}</translation>
    </message>
</context>
<context>
    <name>Schedules</name>
    <message>
        <source>Constant</source>
        <translation>상수</translation>
    </message>
    <message>
        <source>Inverse-time decay</source>
        <translation>역시간 감쇠</translation>
    </message>
    <message>
        <source>Step decay</source>
        <translation>계단식 감쇠</translation>
    </message>
    <message>
        <source>Exponential decay</source>
        <translation>지수 감쇠</translation>
    </message>
    <message>
        <source>Cosine annealing</source>
        <translation>코사인 어닐링</translation>
    </message>
</context>
</TS>
