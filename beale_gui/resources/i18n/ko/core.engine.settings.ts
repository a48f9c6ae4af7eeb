<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Params</name>
    <message>
        <source>terms or samples per mini-batch (clipped to their number)</source>
        <translation>미니배치 하나에 들어가는 항 또는 샘플 수 (전체 개수를 넘으면 전체 개수로 제한)</translation>
    </message>
    <message>
        <source>standard deviation of Gaussian noise added to g</source>
        <translation>g에 더하는 가우스 잡음의 표준편차</translation>
    </message>
    <message>
        <source>the most updates a run makes</source>
        <translation>한 실행의 최대 갱신 횟수</translation>
    </message>
    <message>
        <source>stop a run once |f(previous) - f| &lt; tol (the seed&apos;s rule); 0 = off</source>
        <translation>|f(이전) - f| &lt; tol이 되면 실행을 멈춤 (원래 규칙); 0 = 끔</translation>
    </message>
    <message>
        <source>random seed of stochastic runs</source>
        <translation>확률적 실행의 난수 시드</translation>
    </message>
    <message>
        <source>{0} takes the exact gradient: mini-batches and gradient noise are not available</source>
        <translation>{0}은(는) 정확한 기울기를 씁니다: 미니배치와 기울기 잡음은 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>hyperparameter arrays of {0} differ in length: {1}</source>
        <translation>{0}의 하이퍼파라미터 배열 길이가 서로 다릅니다: {1}</translation>
    </message>
    <message>
        <source>start points must be pairs of numbers</source>
        <translation>시작점은 숫자 쌍이어야 합니다</translation>
    </message>
    <message>
        <source>start points must have shape (S, 2), got {0}</source>
        <translation>시작점의 모양은 (S, 2)여야 합니다. 입력: {0}</translation>
    </message>
    <message>
        <source>start points must be finite</source>
        <translation>시작점은 유한해야 합니다</translation>
    </message>
</context>
</TS>
