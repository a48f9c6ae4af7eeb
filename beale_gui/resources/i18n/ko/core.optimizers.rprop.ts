<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Explain</name>
    <message>
        <source>step size of each axis</source>
        <translation>각 축의 보폭</translation>
    </message>
    <message>
        <source>the gradient remembered: 0 where its sign flipped</source>
        <translation>기억한 기울기: 부호가 바뀐 축은 0</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>Steps by the gradient&apos;s sign only: each axis&apos;s step grows while the sign holds, shrinks when it flips</source>
        <translation>기울기의 부호만으로 이동합니다: 부호가 유지되는 동안 각 축의 보폭이 커지고, 바뀌면 줄어듭니다</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>factor of an axis&apos;s step size when its gradient changes sign</source>
        <translation>기울기의 부호가 바뀔 때 그 축의 보폭에 곱하는 배율</translation>
    </message>
    <message>
        <source>factor of an axis&apos;s step size when its gradient keeps its sign</source>
        <translation>기울기의 부호가 유지될 때 그 축의 보폭에 곱하는 배율</translation>
    </message>
    <message>
        <source>smallest step size</source>
        <translation>가장 작은 보폭</translation>
    </message>
    <message>
        <source>largest step size</source>
        <translation>가장 큰 보폭</translation>
    </message>
    <message>
        <source>initial step size of each axis</source>
        <translation>각 축의 처음 보폭</translation>
    </message>
</context>
</TS>
