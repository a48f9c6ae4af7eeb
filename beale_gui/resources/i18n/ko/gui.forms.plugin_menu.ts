<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>PluginMenu</name>
    <message>
        <source>A plug-in from {0}</source>
        <translation>{0}의 플러그인</translation>
    </message>
    <message>
        <source>A plug-in from an installed package</source>
        <translation>설치된 패키지의 플러그인</translation>
    </message>
    <message>
        <source>Plug-ins</source>
        <translation>플러그인</translation>
    </message>
    <message>
        <source>From an installed package (entry point {0}); its code is imported when you choose it</source>
        <translation>설치된 패키지에서(진입점 {0}); 고를 때 그 코드를 가져옵니다</translation>
    </message>
    <message>
        <source>From file…</source>
        <translation>파일에서…</translation>
    </message>
    <message>
        <source>Load an optimizer from a Python file (its PARAMS, init and update; README, “Your own optimizer”). The file&apos;s code runs.</source>
        <translation>Python 파일에서 최적화기를 불러옵니다(PARAMS, init, update; README의 “Your own optimizer”). 파일의 코드가 실행됩니다.</translation>
    </message>
    <message>
        <source>torch optimizer…</source>
        <translation>torch 최적화기…</translation>
    </message>
    <message>
        <source>Any torch.optim optimizer by its import path, e.g. torch.optim.Adam or pytorch_optimizer.Lion; its module is imported</source>
        <translation>가져오기 경로로 고르는 torch.optim 최적화기, 예: torch.optim.Adam 또는 pytorch_optimizer.Lion; 그 모듈을 가져옵니다</translation>
    </message>
    <message>
        <source>torch is not installed: pip install -e &quot;.[torch]&quot; (with the torch build for your platform installed first)</source>
        <translation>torch가 설치되어 있지 않습니다: pip install -e &quot;.[torch]&quot; (먼저 플랫폼에 맞는 torch를 설치하세요)</translation>
    </message>
</context>
</TS>
