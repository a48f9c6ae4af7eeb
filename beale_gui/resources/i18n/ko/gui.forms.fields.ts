<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Fields</name>
    <message>
        <source>ticked: 1 (on); unticked: 0 (off)</source>
        <translation>선택: 1 (켜짐); 선택 해제: 0 (꺼짐)</translation>
    </message>
    <message>
        <source>valid range {0}, whole numbers</source>
        <translation>유효 범위 {0}, 정수</translation>
    </message>
    <message>
        <source>valid range {0}</source>
        <translation>유효 범위 {0}</translation>
    </message>
    <message>
        <source>arrows and wheel: ×1.26 per step, Shift: ×10</source>
        <translation>화살표와 휠: 한 번에 ×1.26, Shift: ×10</translation>
    </message>
    <message>
        <source>arrows and wheel step it; Shift: ten steps</source>
        <translation>화살표와 휠로 한 칸씩, Shift: 열 칸씩</translation>
    </message>
    <message>
        <source>Invalid {0}: {1} is not finite</source>
        <translation>잘못된 {0}: {1}은(는) 유한한 수가 아닙니다</translation>
    </message>
    <message>
        <source>Invalid {0}: expected &apos;x, y&apos; pairs separated by &apos;;&apos;, got {1}</source>
        <translation>잘못된 {0}: &apos;;&apos;로 구분한 &apos;x, y&apos; 쌍이어야 하는데 {1}입니다</translation>
    </message>
</context>
<context>
    <name>ParamLabels</name>
    <message>
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>dampening</source>
        <translation>댐프닝</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <source>momentum decay</source>
        <translation>모멘텀 감쇠</translation>
    </message>
    <message>
        <source>decoupled decay</source>
        <translation>분리된 감쇠</translation>
    </message>
    <message>
        <source>initial acc.</source>
        <translation>초기 누적값</translation>
    </message>
    <message>
        <source>rectify</source>
        <translation>보정</translation>
    </message>
    <message>
        <source>warm-up steps</source>
        <translation>워밍업 단계</translation>
    </message>
    <message>
        <source>decay</source>
        <translation>감쇠율</translation>
    </message>
    <message>
        <source>step size</source>
        <translation>감소 간격</translation>
    </message>
    <message>
        <source>period</source>
        <translation>주기</translation>
    </message>
    <message>
        <source>min factor</source>
        <translation>최소 비율</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <source>centered</source>
        <translation>중심화</translation>
    </message>
    <message>
        <source>lr decay</source>
        <translation>학습률 감쇠</translation>
    </message>
    <message>
        <source>shrink factor</source>
        <translation>축소 배율</translation>
    </message>
    <message>
        <source>growth factor</source>
        <translation>확대 배율</translation>
    </message>
    <message>
        <source>min step size</source>
        <translation>최소 보폭</translation>
    </message>
    <message>
        <source>max step size</source>
        <translation>최대 보폭</translation>
    </message>
    <message>
        <source>decay λ</source>
        <translation>감쇠 λ</translation>
    </message>
    <message>
        <source>damping</source>
        <translation>감쇠</translation>
    </message>
    <message>
        <source>maximize</source>
        <translation>최대화</translation>
    </message>
    <message>
        <source>history size</source>
        <translation>기록 크기</translation>
    </message>
    <message>
        <source>gradient tolerance</source>
        <translation>기울기 허용 오차</translation>
    </message>
    <message>
        <source>change tolerance</source>
        <translation>변화 허용 오차</translation>
    </message>
    <message>
        <source>line search</source>
        <translation>선 탐색</translation>
    </message>
    <message>
        <source>use Polak–Ribière+</source>
        <translation>Polak–Ribière+ 사용</translation>
    </message>
    <message>
        <source>restart every</source>
        <translation>재시작 주기</translation>
    </message>
</context>
</TS>
