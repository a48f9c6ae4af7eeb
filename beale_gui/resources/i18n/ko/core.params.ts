<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Params</name>
    <message>
        <source>Invalid {0}: {1} is not a number</source>
        <translation>잘못된 {0}: {1}은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>Invalid {0}: {1} is not finite</source>
        <translation>잘못된 {0}: {1}은(는) 유한한 값이 아닙니다</translation>
    </message>
    <message>
        <source>Invalid {0}: {1:g} is outside {2}</source>
        <translation>잘못된 {0}: {1:g}은(는) {2} 범위 밖입니다</translation>
    </message>
    <message>
        <source>Invalid {0}: {1:g} is not a whole number</source>
        <translation>잘못된 {0}: {1:g}은(는) 정수가 아닙니다</translation>
    </message>
    <message>
        <source>Invalid {0}: expected a number or a 1-D array</source>
        <translation>잘못된 {0}: 숫자나 1차원 배열이어야 합니다</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>unknown parameter &apos;{0}&apos; for {1} (it takes: {2})</source>
        <translation>{1}에 알 수 없는 매개변수 &apos;{0}&apos; (받는 값: {2})</translation>
    </message>
    <message>
        <source>{0} ({1}; type {2} instead)</source>
        <translation>{0} ({1}; 대신 {2}을(를) 입력하세요)</translation>
    </message>
    <message>
        <source>{0} ({1}; type plain digits)</source>
        <translation>{0} ({1}; 일반 숫자를 입력하세요)</translation>
    </message>
    <message>
        <source>Invalid {0}: the value is empty</source>
        <translation>잘못된 {0}: 값이 비어 있습니다</translation>
    </message>
    <message>
        <source>Invalid {0}: {1} is not a number: it holds {2}</source>
        <translation>잘못된 {0}: {1}은(는) 숫자가 아닙니다. 다음 문자가 들어 있습니다: {2}</translation>
    </message>
</context>
</TS>
