<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Autosave</name>
    <message>
        <source>the settings file {0} cannot be written</source>
        <translation>설정 파일 {0}에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>The session cannot be kept</source>
        <translation>세션을 보관할 수 없음</translation>
    </message>
    <message>
        <source>The session cannot be kept for the next launch ({0}: {1}). Everything is still in the window; use File &gt; Save session to keep it. This is said once.</source>
        <translation>다음 실행을 위해 세션을 보관할 수 없습니다({0}: {1}). 창의 내용은 모두 그대로 있습니다. 보관하려면 파일 &gt; 세션 저장을 사용하세요. 이 알림은 한 번만 표시됩니다.</translation>
    </message>
    <message>
        <source>The last session could not be restored ({0}); starting from the defaults.</source>
        <translation>지난 세션을 복원할 수 없어({0}) 기본 설정으로 시작합니다.</translation>
    </message>
    <message>
        <source>The last session&apos;s plug-in optimizers {0} were left out: a plug-in file&apos;s code runs only when you load it (Add optimizer &gt; From file…).</source>
        <translation>지난 세션의 플러그인 최적화기 {0}은(는) 빠졌습니다: 플러그인 파일의 코드는 직접 불러올 때만 실행됩니다(최적화기 추가 &gt; 파일에서…).</translation>
    </message>
    <message>
        <source>The last session&apos;s optimizers {0} were left out: their modules are imported only when you add them (Add optimizer &gt; torch optimizer…).</source>
        <translation>지난 세션의 최적화기 {0}은(는) 빠졌습니다: 그 모듈은 직접 추가할 때만 가져옵니다(최적화기 추가 &gt; torch 최적화기…).</translation>
    </message>
</context>
</TS>
