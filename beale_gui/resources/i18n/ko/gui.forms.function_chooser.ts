<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>FunctionChooser</name>
    <message>
        <source>Custom…</source>
        <translation>직접 입력…</translation>
    </message>
    <message>
        <source>Model on data…</source>
        <translation>데이터에 모델 맞추기…</translation>
    </message>
    <message>
        <source>minima</source>
        <translation>최소점</translation>
    </message>
    <message>
        <source>Invalid minima: {0}</source>
        <translation>잘못된 최소점: {0}</translation>
    </message>
    <message>
        <source>Fit a linear, logistic or tanh model to data: the loss over its parameters p1, p2</source>
        <translation>선형, 로지스틱 또는 tanh 모델을 데이터에 맞춥니다: 매개변수 p1, p2에 대한 손실</translation>
    </message>
    <message>
        <source>Type your own f(x, y)</source>
        <translation>f(x, y)를 직접 입력합니다</translation>
    </message>
    <message>
        <source>e.g. x**2 + 10*sin(y)</source>
        <translation>예: x**2 + 10*sin(y)</translation>
    </message>
    <message>
        <source>f(x, y) with + - * / **, pi, e and {0}</source>
        <translation>+ - * / **, pi, e와 {0}을(를) 쓰는 f(x, y)</translation>
    </message>
    <message>
        <source>{0} of the view (blank: the placeholder)</source>
        <translation>보기 범위의 {0} (비우면 회색 기본값)</translation>
    </message>
    <message>
        <source>view</source>
        <translation>범위</translation>
    </message>
    <message>
        <source>e.g. 3, 0.5; -1, 2</source>
        <translation>예: 3, 0.5; -1, 2</translation>
    </message>
    <message>
        <source>known minima to mark, as x, y pairs split by &apos;;&apos;</source>
        <translation>표시할 알려진 최소점: &apos;;&apos;로 구분한 x, y 쌍</translation>
    </message>
    <message>
        <source>Type f(x, y) to use it. Blank view fields take the grey defaults.</source>
        <translation>f(x, y)를 입력하면 사용합니다. 비워 둔 범위 칸은 회색 기본값을 씁니다.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>~</translation>
    </message>
    <message>
        <source>Type an expression f(x, y) for the custom function</source>
        <translation>직접 입력할 함수의 식 f(x, y)를 입력하세요</translation>
    </message>
    <message>
        <source>Invalid view: {0}</source>
        <translation>잘못된 범위: {0}</translation>
    </message>
</context>
</TS>
