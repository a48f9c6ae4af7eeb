<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ComparePanel</name>
    <message>
        <source>optimizer</source>
        <translation>최적화기</translation>
    </message>
    <message>
        <source>tuned</source>
        <translation>튜닝값</translation>
    </message>
    <message>
        <source>tuning</source>
        <translation>튜닝</translation>
    </message>
    <message>
        <source>global</source>
        <translation>전역</translation>
    </message>
    <message>
        <source>local</source>
        <translation>지역</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <source>not conv.</source>
        <translation>미수렴</translation>
    </message>
    <message>
        <source>steps (median [q1, q3])</source>
        <translation>단계 (중앙값 [q1, q3])</translation>
    </message>
    <message>
        <source>evaluations</source>
        <translation>평가 횟수</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Click a row to load its tuned values into the parameter panel</source>
        <translation>행을 클릭하면 튜닝된 값을 매개변수 패널로 불러옵니다</translation>
    </message>
    <message>
        <source>The values chosen on the tuning starts (4 significant digits)</source>
        <translation>튜닝 시작점에서 고른 값 (유효숫자 4자리)</translation>
    </message>
    <message>
        <source>Success rate of the chosen values on the tuning starts</source>
        <translation>고른 값의 튜닝 시작점에서의 성공률</translation>
    </message>
    <message>
        <source>Evaluation runs ending within tol of the global minimum&apos;s value</source>
        <translation>전역 최솟값에서 tol 이내로 끝난 평가 실행</translation>
    </message>
    <message>
        <source>Evaluation runs ending at a local minimum</source>
        <translation>지역 최솟값에서 끝난 평가 실행</translation>
    </message>
    <message>
        <source>Evaluation runs that diverged</source>
        <translation>발산한 평가 실행</translation>
    </message>
    <message>
        <source>Evaluation runs that ended nowhere within max steps</source>
        <translation>최대 단계 안에 어디에도 이르지 못한 평가 실행</translation>
    </message>
    <message>
        <source>Steps to reach the target among the successes: median [first, third quartile]</source>
        <translation>성공한 실행이 목표에 이르기까지의 단계: 중앙값 [제1, 제3 사분위수]</translation>
    </message>
    <message>
        <source>Function evaluations to the target, for an optimizer that makes several a step</source>
        <translation>목표까지의 함수 평가 횟수 (단계마다 여러 번 평가하는 최적화기)</translation>
    </message>
    <message>
        <source>Time taken to tune and evaluate</source>
        <translation>튜닝과 평가에 걸린 시간</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 이미지 (*.png);;SVG 이미지 (*.svg)</translation>
    </message>
    <message>
        <source>JSON with the protocol and every run (*.json);;CSV, one row per run (*.csv)</source>
        <translation>프로토콜과 모든 실행을 담은 JSON (*.json);;실행마다 한 행인 CSV (*.csv)</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Tune every optimizer with the same budget, then judge it on other start points, in the background</source>
        <translation>모든 최적화기를 같은 예산으로 튜닝한 뒤 다른 시작점에서 평가합니다 (백그라운드)</translation>
    </message>
    <message>
        <source>Export figure…</source>
        <translation>그림 내보내기…</translation>
    </message>
    <message>
        <source>Save the runtime profiles and outcome maps as PNG or SVG</source>
        <translation>실행 시간 프로파일과 결과 지도를 PNG 또는 SVG로 저장합니다</translation>
    </message>
    <message>
        <source>Save results…</source>
        <translation>결과 저장…</translation>
    </message>
    <message>
        <source>Save the protocol, every evaluation start and every run&apos;s outcome as JSON (compare --session reruns it), or the runs as CSV</source>
        <translation>프로토콜, 모든 평가 시작점, 모든 실행의 결과를 JSON으로 (compare --session으로 다시 실행), 또는 실행들을 CSV로 저장합니다</translation>
    </message>
    <message>
        <source>Click an optimizer to load its tuned values and watch it</source>
        <translation>최적화기를 클릭하면 튜닝된 값을 불러와 실행 과정을 보여 줍니다</translation>
    </message>
    <message>
        <source>Comparing {0} optimizers on {1}: {2} configurations each on {3} tuning starts, then {4} evaluation starts…</source>
        <translation>{1}에서 최적화기 {0}개 비교 중: 각각 설정 {2}개를 튜닝 시작점 {3}개에서, 그다음 평가 시작점 {4}개에서…</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>그림 내보내기</translation>
    </message>
    <message>
        <source>Save results</source>
        <translation>결과 저장</translation>
    </message>
    <message>
        <source>Could not export the figure: {0}</source>
        <translation>그림을 내보내지 못했습니다: {0}</translation>
    </message>
    <message>
        <source>{0}: results are saved as .json or .csv</source>
        <translation>{0}: 결과는 .json 또는 .csv로 저장합니다</translation>
    </message>
    <message>
        <source>Could not save the results: {0}</source>
        <translation>결과를 저장하지 못했습니다: {0}</translation>
    </message>
    <message>
        <source>Nothing to save yet: press Compare first.</source>
        <translation>아직 저장할 것이 없습니다: 먼저 비교를 누르세요.</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0} 저장됨</translation>
    </message>
    <message>
        <source>{0}: tuned on {1} starts, judged on {2} others</source>
        <translation>{0}: 시작점 {1}개에서 튜닝, 다른 {2}개에서 평가</translation>
    </message>
    <message>
        <source>Done. Click an optimizer to load its tuned values; click a start on a map to add it and watch the run.</source>
        <translation>완료. 최적화기를 클릭하면 튜닝된 값을 불러옵니다. 지도의 시작점을 클릭하면 시작점으로 추가해 그 실행을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Tuned at the end of its range (widen it): {0}.</source>
        <translation>범위 끝에서 튜닝됨 (범위를 넓히세요): {0}.</translation>
    </message>
    <message>
        <source>Comparison refused: {0}</source>
        <translation>비교할 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation>비교를 취소했습니다.</translation>
    </message>
    <message>
        <source>The last comparison is still shown.</source>
        <translation>직전 비교 결과는 그대로 보입니다.</translation>
    </message>
    <message>
        <source>The parameter panel no longer has {0} as optimizer {1}: compare again.</source>
        <translation>매개변수 패널의 {1}번 최적화기가 더 이상 {0}이(가) 아닙니다: 다시 비교하세요.</translation>
    </message>
    <message>
        <source>Loaded into {0}: {1}.</source>
        <translation>{0}에 불러옴: {1}.</translation>
    </message>
</context>
</TS>
