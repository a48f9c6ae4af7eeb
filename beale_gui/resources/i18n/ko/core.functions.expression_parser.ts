<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Expression</name>
    <message>
        <source>{0} at {1}</source>
        <translation>{1}번째 글자: {0}</translation>
    </message>
    <message>
        <source>strings are not allowed</source>
        <translation>문자열은 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>&apos;=&apos; is not allowed: type only the right-hand side</source>
        <translation>&apos;=&apos;는 쓸 수 없습니다. 우변만 입력하세요</translation>
    </message>
    <message>
        <source>unexpected {0}</source>
        <translation>예상치 못한 {0}</translation>
    </message>
    <message>
        <source>nesting deeper than {0}</source>
        <translation>중첩이 {0}단계보다 깊습니다</translation>
    </message>
    <message>
        <source>unexpected end of expression</source>
        <translation>식이 예상보다 일찍 끝났습니다</translation>
    </message>
    <message>
        <source>expected an operator before &apos;{0}&apos;</source>
        <translation>&apos;{0}&apos; 앞에 연산자가 필요합니다</translation>
    </message>
    <message>
        <source>unexpected &apos;{0}&apos;</source>
        <translation>예상치 못한 &apos;{0}&apos;</translation>
    </message>
    <message>
        <source>unclosed &apos;(&apos;</source>
        <translation>닫히지 않은 &apos;(&apos;</translation>
    </message>
    <message>
        <source>exponent {0:.6g} is too large (the limit is {1:g})</source>
        <translation>지수 {0:.6g}이(가) 너무 큽니다 (한도 {1:g})</translation>
    </message>
    <message>
        <source>number is too large (the limit is {0:g})</source>
        <translation>숫자가 너무 큽니다 (한도 {0:g})</translation>
    </message>
    <message>
        <source>unknown function &apos;{0}&apos;</source>
        <translation>알 수 없는 함수 &apos;{0}&apos;</translation>
    </message>
    <message>
        <source>allowed: {0}</source>
        <translation>사용 가능: {0}</translation>
    </message>
    <message>
        <source>unknown name &apos;{0}&apos;</source>
        <translation>알 수 없는 이름 &apos;{0}&apos;</translation>
    </message>
    <message>
        <source>{0} needs its argument in parentheses, like {0}(x)</source>
        <translation>{0}의 인수는 {0}(x)처럼 괄호 안에 써야 합니다</translation>
    </message>
    <message>
        <source>{0} takes 1 argument, got {1}</source>
        <translation>{0}은(는) 인수를 1개 받지만 {1}개가 주어졌습니다</translation>
    </message>
    <message>
        <source>expression must be text, not {0}</source>
        <translation>식은 {0}이(가) 아닌 텍스트여야 합니다</translation>
    </message>
    <message>
        <source>expression too long ({0} characters; the limit is {1})</source>
        <translation>식이 너무 깁니다 ({0}자, 한도 {1}자)</translation>
    </message>
    <message>
        <source>expression is empty</source>
        <translation>식이 비어 있습니다</translation>
    </message>
</context>
</TS>
