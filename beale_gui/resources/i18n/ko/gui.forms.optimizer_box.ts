<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>OptimizerBox</name>
    <message>
        <source>Show or hide the settings</source>
        <translation>설정 보이기 / 숨기기</translation>
    </message>
    <message>
        <source>Run {0}</source>
        <translation>{0} 실행</translation>
    </message>
    <message>
        <source>Remove {0}</source>
        <translation>{0} 제거</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>스케줄</translation>
    </message>
    <message>
        <source>stochastic gradients</source>
        <translation>확률적 기울기</translation>
    </message>
    <message>
        <source>SGD always uses mini-batches; choose GD for the full gradient</source>
        <translation>SGD는 항상 미니배치를 씁니다. 전체 기울기를 쓰려면 GD를 고르세요</translation>
    </message>
    <message>
        <source>{0} takes the exact gradient and evaluates the function itself: mini-batches do not apply</source>
        <translation>{0}은(는) 정확한 기울기를 쓰고 함수를 직접 계산합니다: 미니배치는 해당되지 않습니다</translation>
    </message>
    <message>
        <source>Gradient of a random mini-batch of the function&apos;s terms, plus optional Gaussian noise</source>
        <translation>함수 항 중 무작위 미니배치의 기울기 (가우스 잡음을 더할 수 있음)</translation>
    </message>
    <message>
        <source>Colour {0} (click to change)</source>
        <translation>색 {0} (클릭하여 변경)</translation>
    </message>
    <message>
        <source>samples per mini-batch, of the model&apos;s {0:,}: each epoch shuffles them and takes batches of this many (ceil(n / batch) steps an epoch)</source>
        <translation>미니배치당 샘플 수 (모델의 샘플 {0:,}개 중): 에포크마다 샘플을 섞은 뒤 이 개수씩 배치로 나눕니다 (에포크당 ceil(n / batch)단계)</translation>
    </message>
    <message>
        <source>Gradient of a mini-batch of the model&apos;s samples, drawn through shuffled epochs</source>
        <translation>모델 샘플 중 미니배치의 기울기 (섞어 둔 에포크를 따라 뽑음)</translation>
    </message>
    <message>
        <source>{0} has no hyperparameter &apos;{1}&apos;</source>
        <translation>{0}에는 하이퍼파라미터 &apos;{1}&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>Colour of {0}</source>
        <translation>{0}의 색</translation>
    </message>
</context>
</TS>
