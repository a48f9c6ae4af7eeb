<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ModelController</name>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>&amp;Model on data…</source>
        <translation>데이터에 모델 맞추기(&amp;M)…</translation>
    </message>
    <message>
        <source>Fit a linear, logistic or tanh model to a data set: the loss over its two parameters becomes the surface</source>
        <translation>선형, 로지스틱 또는 tanh 모델을 데이터셋에 맞춥니다: 두 매개변수에 대한 손실이 곡면이 됩니다</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>데이터(&amp;D)</translation>
    </message>
    <message>
        <source>The model&apos;s samples and the selected run&apos;s fit at this step</source>
        <translation>모델의 샘플과, 선택한 실행이 현재 단계에서 맞춘 곡선</translation>
    </message>
    <message>
        <source>Mini-&amp;batch loss</source>
        <translation>미니배치 손실(&amp;B)</translation>
    </message>
    <message>
        <source>On the loss plot, each stochastic run&apos;s loss on its mini-batch, as a thin line (models on data)</source>
        <translation>손실 그래프에 확률적 실행마다 미니배치에 대한 손실을 가는 선으로 표시합니다 (데이터에 맞추는 모델)</translation>
    </message>
</context>
</TS>
