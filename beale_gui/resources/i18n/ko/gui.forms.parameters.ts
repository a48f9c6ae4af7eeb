<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ParameterPanel</name>
    <message>
        <source>Function</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>No optimizers. Use “Add optimizer” to add one.</source>
        <translation>최적화기가 없습니다. “최적화기 추가”로 추가하세요.</translation>
    </message>
    <message>
        <source>Optimizers</source>
        <translation>최적화기</translation>
    </message>
    <message>
        <source>Add optimizer</source>
        <translation>최적화기 추가</translation>
    </message>
    <message>
        <source>Add an optimizer with the settings chosen for this function (the registry&apos;s defaults where it names none)</source>
        <translation>이 함수에 맞춘 설정으로 최적화기를 추가합니다 (함수가 정하지 않은 값은 레지스트리 기본값)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>max steps</source>
        <translation>최대 단계</translation>
    </message>
    <message>
        <source>tolerance</source>
        <translation>허용 오차</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>0 = off: every run goes to max steps</source>
        <translation>0 = 끔: 모든 실행이 최대 단계까지 갑니다</translation>
    </message>
    <message>
        <source>stop when |Δf| &lt; tol; 0 = off</source>
        <translation>|Δf| &lt; tol이면 멈춤, 0 = 끔</translation>
    </message>
    <message>
        <source>Cannot set hyperparameters: {0}</source>
        <translation>하이퍼파라미터를 설정할 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>Not added: {0}</source>
        <translation>추가하지 않음: {0}</translation>
    </message>
    <message>
        <source>Not loaded: {0}</source>
        <translation>불러오지 않음: {0}</translation>
    </message>
    <message>
        <source>Loaded the plug-in {0} from {1}</source>
        <translation>{1}에서 플러그인 {0}을(를) 불러왔습니다</translation>
    </message>
    <message>
        <source>Load an optimizer from a file</source>
        <translation>파일에서 최적화기 불러오기</translation>
    </message>
    <message>
        <source>Python files (*.py);;All files (*)</source>
        <translation>Python 파일 (*.py);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Not applied: {0}</source>
        <translation>적용 안 됨: {0}</translation>
    </message>
</context>
</TS>
