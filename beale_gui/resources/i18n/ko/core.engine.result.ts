<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>RunResult</name>
    <message>
        <source>max steps</source>
        <translation>최대 단계</translation>
    </message>
    <message>
        <source>converged</source>
        <translation>수렴</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <source>stopped at max steps ({0})</source>
        <translation>최대 단계에서 멈춤 ({0})</translation>
    </message>
    <message>
        <source>converged at step {0}</source>
        <translation>{0}단계에서 수렴</translation>
    </message>
    <message>
        <source>diverged at step {0}</source>
        <translation>{0}단계에서 발산</translation>
    </message>
    <message>
        <source>converged (local minimum) at step {0}</source>
        <translation>{0}단계에서 수렴 (국소 최솟값)</translation>
    </message>
    <message>
        <source>{0}, {1:.4g} from ({2:.4g}, {3:.4g})</source>
        <translation>{0}, ({2:.4g}, {3:.4g})에서 {1:.4g} 떨어짐</translation>
    </message>
</context>
</TS>
