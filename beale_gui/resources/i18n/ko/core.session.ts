<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Session</name>
    <message>
        <source>enabled: one flag per optimizer expected</source>
        <translation>enabled: 최적화기마다 플래그가 하나씩 있어야 합니다</translation>
    </message>
    <message>
        <source>({0:g}, {1:g}) is beyond ±{2}, where every run has diverged</source>
        <translation>({0:g}, {1:g})은(는) ±{2} 밖이며, 그곳에서는 모든 실행이 발산합니다</translation>
    </message>
    <message>
        <source>{0} min and max must be finite numbers</source>
        <translation>{0} 최솟값과 최댓값은 유한한 숫자여야 합니다</translation>
    </message>
    <message>
        <source>{0} min and max must be within ±{1}, beyond which every run has diverged</source>
        <translation>{0} 최솟값과 최댓값은 ±{1} 안에 있어야 합니다. 그 밖에서는 모든 실행이 발산합니다</translation>
    </message>
    <message>
        <source>{0} max must be greater than {0} min</source>
        <translation>{0} 최댓값은 {0} 최솟값보다 커야 합니다</translation>
    </message>
    <message>
        <source>{0} max - {0} min must be at least {1:g}</source>
        <translation>{0} 최댓값 - {0} 최솟값은 {1:g} 이상이어야 합니다</translation>
    </message>
</context>
</TS>
