<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Models</name>
    <message>
        <source>contours from {0:,} of the {1:,} samples (runs and the minimum use all)</source>
        <translation>등고선은 샘플 {1:,}개 중 {0:,}개로 그렸습니다 (실행과 최솟값 계산에는 모두 사용)</translation>
    </message>
    <message>
        <source>every x is the same: the best lines form a valley, no single minimum</source>
        <translation>모든 x가 같습니다: 가장 잘 맞는 직선들이 골짜기를 이루어 최솟점이 하나로 정해지지 않습니다</translation>
    </message>
    <message>
        <source>only one class: the loss has no minimum, the parameters grow without bound</source>
        <translation>클래스가 하나뿐입니다: 손실에 최솟값이 없어 매개변수가 한없이 커집니다</translation>
    </message>
    <message>
        <source>the classes are separable: the loss has no minimum, the parameters grow without bound</source>
        <translation>클래스가 분리 가능합니다: 손실에 최솟값이 없어 매개변수가 한없이 커집니다</translation>
    </message>
    <message>
        <source>every x is the same: no single minimum</source>
        <translation>모든 x가 같습니다: 최솟점이 하나로 정해지지 않습니다</translation>
    </message>
    <message>
        <source>no minimum found</source>
        <translation>최솟점을 찾지 못했습니다</translation>
    </message>
    <message>
        <source>unknown model {0!r}; choose one of {1}</source>
        <translation>알 수 없는 모델 {0!r}. 다음 중에서 고르세요: {1}</translation>
    </message>
    <message>
        <source>logistic regression needs labels 0 or 1: {0} has y = {1:g}</source>
        <translation>로지스틱 회귀에는 레이블 0 또는 1이 필요합니다: {0}의 y = {1:g}</translation>
    </message>
    <message>
        <source>model: expected a name</source>
        <translation>model: 이름이어야 합니다</translation>
    </message>
</context>
</TS>
