<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ExportController</name>
    <message>
        <source>CSV table (*.csv);;JSON with the configuration (*.json)</source>
        <translation>CSV 표 (*.csv);;설정을 포함한 JSON (*.json)</translation>
    </message>
    <message>
        <source>Export &amp;image…</source>
        <translation>이미지 내보내기(&amp;I)…</translation>
    </message>
    <message>
        <source>Save the canvas as PNG or SVG</source>
        <translation>캔버스를 PNG 또는 SVG로 저장합니다</translation>
    </message>
    <message>
        <source>Export &amp;animation…</source>
        <translation>애니메이션 내보내기(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the runs step by step as GIF or MP4</source>
        <translation>실행 과정을 단계별로 GIF 또는 MP4로 저장합니다</translation>
    </message>
    <message>
        <source>Export &amp;data…</source>
        <translation>데이터 내보내기(&amp;D)…</translation>
    </message>
    <message>
        <source>Save every step of every run as CSV or JSON</source>
        <translation>모든 실행의 모든 단계를 CSV 또는 JSON으로 저장합니다</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>데이터 내보내기</translation>
    </message>
    <message>
        <source>Export image</source>
        <translation>이미지 내보내기</translation>
    </message>
    <message>
        <source>Could not export the image: {0}</source>
        <translation>이미지를 내보낼 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>Could not export the data: {0}</source>
        <translation>데이터를 내보낼 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>애니메이션 내보내기</translation>
    </message>
    <message>
        <source>An animation is already being exported.</source>
        <translation>이미 애니메이션을 내보내는 중입니다.</translation>
    </message>
    <message>
        <source>Animation export cancelled.</source>
        <translation>애니메이션 내보내기를 취소했습니다.</translation>
    </message>
    <message>
        <source>Nothing to export yet: the runs are still being computed.</source>
        <translation>아직 내보낼 것이 없습니다: 실행을 계산하는 중입니다.</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>내보냈습니다: {0}</translation>
    </message>
    <message>
        <source>Could not export the animation: {0}</source>
        <translation>애니메이션을 내보낼 수 없습니다: {0}</translation>
    </message>
</context>
</TS>
