<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>SearchPanel</name>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Search in the background</source>
        <translation>백그라운드에서 탐색합니다</translation>
    </message>
    <message>
        <source>The best ten configurations: click one to load it and watch it</source>
        <translation>가장 좋은 구성 10개: 클릭하면 불러와서 실행 과정을 보여 줍니다</translation>
    </message>
    <message>
        <source>Searching {0} configurations of {1} from {2} start points, {3} steps each…</source>
        <translation>{1}의 구성 {0}개를 시작점 {2}개에서 각각 {3}단계씩 탐색하는 중…</translation>
    </message>
    <message>
        <source>Searching {0} configurations of {1} from {2} start point, {3} steps each…</source>
        <translation>{1}의 구성 {0}개를 시작점 {2}개에서 각각 {3}단계씩 탐색하는 중…</translation>
    </message>
    <message>
        <source>{0} configurations in {1} s. Best: {2}. Click a result to load it and watch it.</source>
        <translation>구성 {0}개를 {1}초 만에 탐색했습니다. 최고: {2}. 결과를 클릭하면 불러와서 보여 줍니다.</translation>
    </message>
    <message>
        <source>{0} configurations in {1} s. Every configuration diverged: try smaller values. Click a result to load it and watch it.</source>
        <translation>구성 {0}개를 {1}초 만에 탐색했습니다. 모든 구성이 발산했습니다: 더 작은 값을 시도하세요. 결과를 클릭하면 불러와서 보여 줍니다.</translation>
    </message>
    <message>
        <source>Search refused: {0}</source>
        <translation>탐색할 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation>탐색을 취소했습니다.</translation>
    </message>
    <message>
        <source>The parameter panel no longer has {0} as optimizer {1}: run the search again.</source>
        <translation>매개변수 패널의 {1}번 최적화기가 더 이상 {0}이(가) 아닙니다: 다시 탐색하세요.</translation>
    </message>
    <message>
        <source>Loaded into {0}: {1}.</source>
        <translation>{0}에 불러옴: {1}.</translation>
    </message>
    <message>
        <source>status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>round</source>
        <translation>라운드</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
</context>
</TS>
