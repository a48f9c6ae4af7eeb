<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Document</name>
    <message>
        <source>Learning rates set for {0}; {1} kept (edited)</source>
        <translation>{0}에 맞게 학습률을 설정함; {1}은(는) 유지 (편집됨)</translation>
    </message>
    <message>
        <source>Learning rates set for {0}</source>
        <translation>{0}에 맞게 학습률을 설정함</translation>
    </message>
    <message>
        <source>{0}: {1} kept (edited)</source>
        <translation>{0}: {1}은(는) 유지 (편집됨)</translation>
    </message>
    <message>
        <source>{0} has no hyperparameter &apos;{1}&apos;</source>
        <translation>{0}에는 하이퍼파라미터 &apos;{1}&apos;이(가) 없습니다</translation>
    </message>
</context>
</TS>
