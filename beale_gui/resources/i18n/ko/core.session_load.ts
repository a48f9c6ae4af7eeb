<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Session</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>목록</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 또는 false</translation>
    </message>
    <message>
        <source>{0}: expected {1}, got {2}</source>
        <translation>{0}: {1} 필요 (입력: {2})</translation>
    </message>
    <message>
        <source>{0}: {1:.40} is not a finite number</source>
        <translation>{0}: {1:.40}은(는) 유한한 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>{0}: expected at least {1} point(s), got {2}</source>
        <translation>{0}: 점이 {1}개 이상 필요하지만 {2}개입니다</translation>
    </message>
    <message>
        <source>{0}: {1} points; the limit is {2}</source>
        <translation>{0}: 점 {1}개, 한도는 {2}개입니다</translation>
    </message>
    <message>
        <source>{0}[{1}]: expected [x, y], got {2} value(s)</source>
        <translation>{0}[{1}]: [x, y]가 필요하지만 값이 {2}개입니다</translation>
    </message>
    <message>
        <source>{0}: expected a number or a non-empty list of numbers</source>
        <translation>{0}: 숫자나 비어 있지 않은 숫자 목록이어야 합니다</translation>
    </message>
    <message>
        <source>{0}: unknown key &apos;{1}&apos; (an optimizer takes {2})</source>
        <translation>{0}: 알 수 없는 키 &apos;{1}&apos; (최적화기가 받는 키: {2})</translation>
    </message>
    <message>
        <source>{0}: missing &apos;name&apos;</source>
        <translation>{0}: &apos;name&apos;이 없습니다</translation>
    </message>
    <message>
        <source>{0}.schedule: unknown key &apos;{1}&apos;</source>
        <translation>{0}.schedule: 알 수 없는 키 &apos;{1}&apos;</translation>
    </message>
    <message>
        <source>{0}.stochastic: unknown key &apos;{1}&apos; (it takes batch_size, noise)</source>
        <translation>{0}.stochastic: 알 수 없는 키 &apos;{1}&apos; (받는 키: batch_size, noise)</translation>
    </message>
    <message>
        <source>function: missing &apos;name&apos; (or &apos;expression&apos;)</source>
        <translation>function: &apos;name&apos;(또는 &apos;expression&apos;)이 없습니다</translation>
    </message>
    <message>
        <source>function: unknown key &apos;{0}&apos; (a model takes model, data)</source>
        <translation>function: 알 수 없는 키 &apos;{0}&apos; (모델이 받는 키: model, data)</translation>
    </message>
    <message>
        <source>view: expected [[x min, x max], [y min, y max]] with min &lt; max, got {0:.80}</source>
        <translation>view: min &lt; max인 [[x min, x max], [y min, y max]]가 필요하지만 {0:.80}입니다</translation>
    </message>
    <message>
        <source>{0}: {1} characters; the limit is {2}</source>
        <translation>{0}: {1}자, 한도는 {2}자입니다</translation>
    </message>
    <message>
        <source>not a Beale GUI session: the file holds {0}, not an object</source>
        <translation>Beale GUI 세션이 아닙니다: 파일에 객체가 아닌 {0}이(가) 들어 있습니다</translation>
    </message>
    <message>
        <source>not a Beale GUI session (format {0})</source>
        <translation>Beale GUI 세션이 아닙니다 (형식 {0})</translation>
    </message>
    <message>
        <source>version: expected a positive whole number, got {0}</source>
        <translation>version: 양의 정수가 필요하지만 {0}입니다</translation>
    </message>
    <message>
        <source>version {0} is newer than this program reads ({1}); update Beale GUI to open it</source>
        <translation>버전 {0}은(는) 이 프로그램이 읽는 버전({1})보다 새롭습니다. 열려면 Beale GUI를 업데이트하세요</translation>
    </message>
    <message>
        <source>{0}: nested more than {1} levels deep</source>
        <translation>{0}: {1}단계보다 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>{0}.sha256: expected 64 hexadecimal digits</source>
        <translation>{0}.sha256: 16진수 64자리여야 합니다</translation>
    </message>
    <message>
        <source>{0}: the session runs the plug-in file {1}, which is code; it is not run unless you load it</source>
        <translation>{0}: 이 세션은 플러그인 파일 {1}을(를) 실행합니다. 코드이므로 직접 불러오지 않으면 실행하지 않습니다</translation>
    </message>
    <message>
        <source>{0}: {1} is not the file the session was saved with (its sha256 differs): refused</source>
        <translation>{0}: {1}은(는) 세션을 저장할 때의 파일이 아닙니다(sha256이 다름): 거부합니다</translation>
    </message>
    <message>
        <source>optimizers: {0} of them; the limit is {1}</source>
        <translation>optimizers: {0}개, 한도는 {1}개입니다</translation>
    </message>
    <message>
        <source>optimizers[{0}].colour: expected #rrggbb, got {1}</source>
        <translation>optimizers[{0}].colour: #rrggbb가 필요하지만 {1}입니다</translation>
    </message>
    <message>
        <source>optimizers x starts: {0:,} runs (every hyperparameter variant from every start); the limit is {1:,}</source>
        <translation>최적화기 x 시작점: {0:,}회 실행 (모든 시작점에서 모든 하이퍼파라미터 조합), 한도는 {1:,}회입니다</translation>
    </message>
    <message>
        <source>{0} is larger than {1} MB: not a session</source>
        <translation>{0}은(는) {1} MB보다 큽니다: 세션이 아닙니다</translation>
    </message>
    <message>
        <source>{0} is empty</source>
        <translation>{0}이(가) 비어 있습니다</translation>
    </message>
    <message>
        <source>{0} is not a text file (not UTF-8)</source>
        <translation>{0}은(는) 텍스트 파일이 아닙니다 (UTF-8 아님)</translation>
    </message>
    <message>
        <source>{0} is truncated (line {1}, column {2}: {3})</source>
        <translation>{0}이(가) 잘려 있습니다 ({1}행 {2}열: {3})</translation>
    </message>
    <message>
        <source>{0} is not valid JSON (line {1}, column {2}: {3})</source>
        <translation>{0}은(는) 올바른 JSON이 아닙니다 ({1}행 {2}열: {3})</translation>
    </message>
    <message>
        <source>{0} is not valid JSON for a session: nested too deeply</source>
        <translation>{0}은(는) 세션으로 쓸 수 있는 JSON이 아닙니다: 중첩이 너무 깊습니다</translation>
    </message>
    <message>
        <source>{0} is not valid JSON for a session: a number has too many digits</source>
        <translation>{0}은(는) 세션으로 쓸 수 있는 JSON이 아닙니다: 숫자의 자릿수가 너무 많습니다</translation>
    </message>
    <message>
        <source>{0}: nested too deeply</source>
        <translation>{0}: 중첩이 너무 깊습니다</translation>
    </message>
</context>
</TS>
