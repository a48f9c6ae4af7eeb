<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>SessionController</name>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>Beale GUI sessions (*.json);;All files (*)</source>
        <translation>Beale GUI 세션 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <translation>새 세션(&amp;N)</translation>
    </message>
    <message>
        <source>Start again from the default settings</source>
        <translation>기본 설정으로 다시 시작합니다</translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation>세션 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a session, preset or data-export JSON file</source>
        <translation>세션, 프리셋 또는 데이터 내보내기 JSON 파일을 엽니다</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>세션 저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save everything the window holds</source>
        <translation>창의 모든 내용을 저장합니다</translation>
    </message>
    <message>
        <source>Save session &amp;as…</source>
        <translation>다른 이름으로 세션 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Save to a new file</source>
        <translation>새 파일에 저장합니다</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>프리셋(&amp;P)</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>목록 지우기</translation>
    </message>
    <message>
        <source>{0} was not opened: {1} was not imported. Nothing was changed.</source>
        <translation>{0}을(를) 열지 않았습니다: {1}을(를) 가져오지 않았습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>{0} was not opened: its plug-in {1} was not run. Nothing was changed.</source>
        <translation>{0}을(를) 열지 않았습니다: 플러그인 {1}을(를) 실행하지 않았습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Cannot open the session</source>
        <translation>세션을 열 수 없음</translation>
    </message>
    <message>
        <source>{0} was not opened: {1}. Nothing was changed.</source>
        <translation>{0}을(를) 열지 않았습니다: {1}. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>{0} (data)</source>
        <translation>{0} (데이터)</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>{0}을(를) 열었습니다</translation>
    </message>
    <message>
        <source>{0} was not saved: {1}. The old file is unchanged.</source>
        <translation>{0}을(를) 저장하지 못했습니다: {1}. 기존 파일은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>{0} was not saved: {1}.</source>
        <translation>{0}을(를) 저장하지 못했습니다: {1}.</translation>
    </message>
    <message>
        <source>Cannot save the session</source>
        <translation>세션을 저장할 수 없음</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0}에 저장했습니다</translation>
    </message>
    <message>
        <source>Cannot open the preset</source>
        <translation>프리셋을 열 수 없음</translation>
    </message>
    <message>
        <source>Preset {0}: {1}</source>
        <translation>프리셋 {0}: {1}</translation>
    </message>
    <message>
        <source>Preset: {0}</source>
        <translation>프리셋: {0}</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>세션 열기</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>세션 저장</translation>
    </message>
    <message>
        <source>Run a plug-in?</source>
        <translation>플러그인을 실행할까요?</translation>
    </message>
    <message>
        <source>This session runs code from {0} (sha256 {1}). Run it?</source>
        <translation>이 세션은 {0}의 코드를 실행합니다(sha256 {1}). 실행할까요?</translation>
    </message>
    <message>
        <source>Import a module?</source>
        <translation>모듈을 가져올까요?</translation>
    </message>
    <message>
        <source>This session imports {0}. Run it?</source>
        <translation>이 세션은 {0}을(를) 가져옵니다. 실행할까요?</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>Save the changes to {0} first?</source>
        <translation>먼저 {0}의 변경 사항을 저장할까요?</translation>
    </message>
    <message>
        <source>{0} no longer exists.</source>
        <translation>{0}이(가) 더 이상 없습니다.</translation>
    </message>
</context>
</TS>
