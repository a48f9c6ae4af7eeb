<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ModelDialog</name>
    <message>
        <source>A straight line p1·x + p2 fitted by mean squared error: one minimum, a long valley.</source>
        <translation>평균제곱오차로 맞추는 직선 p1·x + p2: 최솟점 하나와 긴 골짜기.</translation>
    </message>
    <message>
        <source>The probability σ(p1·x + p2) of label 1, fitted by cross-entropy to labels 0 and 1.</source>
        <translation>레이블이 1일 확률 σ(p1·x + p2)를 교차 엔트로피로 레이블 0과 1에 맞춥니다.</translation>
    </message>
    <message>
        <source>One neuron p2·tanh(p1·x), squared error: two mirror-image minima and a saddle at the origin.</source>
        <translation>뉴런 하나 p2·tanh(p1·x), 제곱 오차: 서로 대칭인 최솟점 두 개와 원점의 안장점.</translation>
    </message>
    <message>
        <source>Model on data</source>
        <translation>데이터에 모델 맞추기</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>The model whose two parameters p1 and p2 the optimizers fit</source>
        <translation>최적화기가 두 매개변수 p1, p2를 맞출 모델</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>&amp;Built-in data set</source>
        <translation>내장 데이터셋(&amp;B)</translation>
    </message>
    <message>
        <source>Samples drawn with a seed: the same seed, the same data</source>
        <translation>시드로 뽑은 샘플: 시드가 같으면 데이터도 같습니다</translation>
    </message>
    <message>
        <source>CSV &amp;file</source>
        <translation>CSV 파일(&amp;F)</translation>
    </message>
    <message>
        <source>Two columns x, y of numbers (a header line is allowed)</source>
        <translation>숫자로 된 두 열 x, y (머리글 줄이 있어도 됨)</translation>
    </message>
    <message>
        <source>Which built-in data set</source>
        <translation>사용할 내장 데이터셋</translation>
    </message>
    <message>
        <source>How many samples to draw</source>
        <translation>뽑을 샘플 수</translation>
    </message>
    <message>
        <source>The random seed the samples are drawn with</source>
        <translation>샘플을 뽑을 때 쓰는 난수 시드</translation>
    </message>
    <message>
        <source>Standard deviation of the noise added to the samples</source>
        <translation>샘플에 더하는 잡음의 표준편차</translation>
    </message>
    <message>
        <source>set</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>samples n</source>
        <translation>샘플 수 n</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <source>path to a .csv file</source>
        <translation>.csv 파일 경로</translation>
    </message>
    <message>
        <source>A CSV file of two columns x, y; numbers with a decimal point</source>
        <translation>두 열 x, y로 된 CSV 파일. 소수점은 마침표(.)로 씁니다</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>찾아보기(&amp;R)…</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>CSV 파일을 고르세요</translation>
    </message>
    <message>
        <source>Choose a CSV file (Browse…) or type its path</source>
        <translation>CSV 파일을 고르거나(찾아보기…) 경로를 입력하세요</translation>
    </message>
    <message>
        <source>{0:,} samples</source>
        <translation>샘플 {0:,}개</translation>
    </message>
    <message>
        <source>no minimum</source>
        <translation>최솟값 없음</translation>
    </message>
    <message>
        <source>minimum at (p1, p2) = {0}, loss {1:.4g}</source>
        <translation>최솟점 (p1, p2) = {0}, 손실 {1:.4g}</translation>
    </message>
    <message>
        <source>minima at (p1, p2) = {0}, loss {1:.4g}</source>
        <translation>최솟점 (p1, p2) = {0}, 손실 {1:.4g}</translation>
    </message>
    <message>
        <source>Open a CSV file</source>
        <translation>CSV 파일 열기</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 파일 (*.csv *.txt);;모든 파일 (*)</translation>
    </message>
</context>
</TS>
