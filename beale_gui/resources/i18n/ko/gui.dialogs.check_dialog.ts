<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CheckDialog</name>
    <message>
        <source>surface</source>
        <translation>곡면</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>판정</translation>
    </message>
    <message>
        <source>largest difference</source>
        <translation>최대 차이</translation>
    </message>
    <message>
        <source>paths part at step</source>
        <translation>경로가 갈라지는 단계</translation>
    </message>
    <message>
        <source>same end</source>
        <translation>같은 끝</translation>
    </message>
    <message>
        <source>agree</source>
        <translation>일치</translation>
    </message>
    <message>
        <source>disagree</source>
        <translation>불일치</translation>
    </message>
    <message>
        <source>Check against a reference</source>
        <translation>기준과 비교 확인</translation>
    </message>
    <message>
        <source>The optimizer checked: one of the parameter panel&apos;s</source>
        <translation>확인할 최적화기: 매개변수 패널의 최적화기 중 하나</translation>
    </message>
    <message>
        <source>What it should match: another of the panel&apos;s optimizers, or a name with its hyperparameters, e.g. adam:lr=0.05 or torch:torch.optim.Adam:lr=0.05 (give them: defaults differ)</source>
        <translation>일치해야 할 대상: 패널의 다른 최적화기, 또는 하이퍼파라미터를 붙인 이름, 예: adam:lr=0.05 또는 torch:torch.optim.Adam:lr=0.05 (기본값이 다르니 적어 주세요)</translation>
    </message>
    <message>
        <source>also {0}</source>
        <translation>{0}에서도</translation>
    </message>
    <message>
        <source>Check on the default surfaces as well as the current function</source>
        <translation>현재 함수와 함께 기본 곡면에서도 확인합니다</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>최적화기</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>기준</translation>
    </message>
    <message>
        <source>surfaces</source>
        <translation>곡면</translation>
    </message>
    <message>
        <source>Both run from the canvas&apos;s start points with its max steps and tolerance. Each start&apos;s status and stop step are compared, then the paths up to the stop step (rtol {0:g}, atol {1:g}).</source>
        <translation>둘 다 캔버스의 시작점에서 그 최대 단계와 허용 오차로 실행합니다. 시작점마다 상태와 멈춘 단계를 먼저 비교하고, 멈춘 단계까지의 경로를 비교합니다(rtol {0:g}, atol {1:g}).</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Checking {0} against {1} on {2} surfaces…</source>
        <translation>곡면 {2}개에서 {0}을(를) {1}과(와) 비교하는 중…</translation>
    </message>
    <message>
        <source>Add an optimizer to the panel to check it.</source>
        <translation>확인하려면 패널에 최적화기를 추가하세요.</translation>
    </message>
    <message>
        <source>Give a reference, such as adam:lr=0.05, or choose one of the panel&apos;s optimizers.</source>
        <translation>adam:lr=0.05 같은 기준을 적거나 패널의 최적화기 중 하나를 고르세요.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
</context>
</TS>
