<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Compare</name>
    <message>
        <source>{0} lists no minimum, so there is no f* to reach: compare on a function with a known global minimum (a typed function can list its minima)</source>
        <translation>{0}에는 알려진 최솟값이 없어 도달할 f*가 없습니다: 전역 최솟값이 알려진 함수에서 비교하세요 (직접 입력한 함수는 최솟값을 지정할 수 있습니다)</translation>
    </message>
    <message>
        <source>compare at least one optimizer</source>
        <translation>최소 하나의 최적화기를 비교하세요</translation>
    </message>
    <message>
        <source>each optimizer may be compared once</source>
        <translation>각 최적화기는 한 번만 비교할 수 있습니다</translation>
    </message>
    <message>
        <source>{0}: give one value per hyperparameter (the comparison tunes them)</source>
        <translation>{0}: 하이퍼파라미터마다 값을 하나씩 주세요 (비교가 튜닝합니다)</translation>
    </message>
    <message>
        <source>each hyperparameter may be tuned once</source>
        <translation>각 하이퍼파라미터는 한 번만 튜닝할 수 있습니다</translation>
    </message>
    <message>
        <source>unknown {0} &apos;{1}&apos;; choose from {2}</source>
        <translation>알 수 없는 {0} &apos;{1}&apos;; 다음 중에서 고르세요: {2}</translation>
    </message>
    <message>
        <source>{0} must be a whole number in [{1}, {2}]</source>
        <translation>{0}은(는) [{1}, {2}] 범위의 정수여야 합니다</translation>
    </message>
    <message>
        <source>tol must be a number above 0 (success is a final f within tol of f*)</source>
        <translation>tol은 0보다 큰 수여야 합니다 (성공 = 마지막 f가 f*에서 tol 이내)</translation>
    </message>
    <message>
        <source>targets must be numbers above 0</source>
        <translation>목표값은 0보다 큰 수여야 합니다</translation>
    </message>
    <message>
        <source>{0:,} configurations x {1:,} tuning starts is {2:,} runs at once; the limit is {3:,}: lower the budget or the tuning starts</source>
        <translation>설정 {0:,}개 x 튜닝 시작점 {1:,}개는 한 번에 {2:,}번의 실행입니다; 한도는 {3:,}번입니다: 예산이나 튜닝 시작점을 줄이세요</translation>
    </message>
    <message>
        <source>{0}: {1} tuned ({2}, {3} configurations x {4} starts), judged on {5} other starts; success: f - f* ≤ {6:g} in {7} steps</source>
        <translation>{0}: {1} 튜닝 ({2}, 설정 {3}개 x 시작점 {4}개), 다른 시작점 {5}개로 평가; 성공: {7} 단계 안에 f - f* ≤ {6:g}</translation>
    </message>
    <message>
        <source>{0} has no learning rate to tune</source>
        <translation>{0}에는 튜닝할 학습률이 없습니다</translation>
    </message>
</context>
</TS>
