<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ExportDialog</name>
    <message>
        <source>Screen (the window&apos;s look)</source>
        <translation>화면 (창의 모양 그대로)</translation>
    </message>
    <message>
        <source>Print (light; runs apart in greyscale)</source>
        <translation>인쇄 (밝은 배경, 흑백에서도 경로 구분)</translation>
    </message>
    <message>
        <source>Contour map</source>
        <translation>등고선 지도</translation>
    </message>
    <message>
        <source>3-D view</source>
        <translation>3차원 보기</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 이미지</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 벡터 그림</translation>
    </message>
    <message>
        <source>GIF animation</source>
        <translation>GIF 애니메이션</translation>
    </message>
    <message>
        <source>MP4 video</source>
        <translation>MP4 동영상</translation>
    </message>
    <message>
        <source>there are no runs to export yet</source>
        <translation>아직 내보낼 실행이 없습니다</translation>
    </message>
    <message>
        <source>{0}: an image is written as .png or .svg</source>
        <translation>{0}: 이미지는 .png 또는 .svg로 저장합니다</translation>
    </message>
    <message>
        <source>{0}: data is written as .csv or .json</source>
        <translation>{0}: 데이터는 .csv 또는 .json으로 저장합니다</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>애니메이션 내보내기</translation>
    </message>
    <message>
        <source>Export image</source>
        <translation>이미지 내보내기</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>파일:</translation>
    </message>
    <message>
        <source>width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>height</source>
        <translation>높이</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>크기:</translation>
    </message>
    <message>
        <source>The 3-D view is drawn from the 3-D view&apos;s angles (the default&apos;s when it is not open), the whole surface in the picture; an animation turns it once while the runs play.</source>
        <translation>3차원 보기는 3차원 보기의 각도(열려 있지 않으면 기본 각도)에서 곡면 전체가 그림에 들어오도록 그립니다. 애니메이션은 실행이 재생되는 동안 곡면을 한 바퀴 돌립니다.</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>보기:</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>스타일:</translation>
    </message>
    <message>
        <source>Loss plot beside the canvas</source>
        <translation>캔버스 옆에 손실 그래프</translation>
    </message>
    <message>
        <source>frames</source>
        <translation>프레임 수</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>프레임:</translation>
    </message>
    <message>
        <source>Rate (fps):</source>
        <translation>속도 (fps):</translation>
    </message>
    <message>
        <source>Choose a file.</source>
        <translation>파일을 선택하세요.</translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation>{0} 또는 {1}</translation>
    </message>
    <message>
        <source>Choose a {0} file.</source>
        <translation>{0} 파일을 선택하세요.</translation>
    </message>
    <message>
        <source>Rendering {0}…</source>
        <translation>{0} 렌더링 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Encoding {0}…</source>
        <translation>{0} 인코딩 중…</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>pixels across</source>
        <translation>가로 픽셀 수</translation>
    </message>
    <message>
        <source>pixels down</source>
        <translation>세로 픽셀 수</translation>
    </message>
    <message>
        <source>frames spread evenly over the whole runs</source>
        <translation>실행 전체에 고르게 나눈 프레임 수</translation>
    </message>
    <message>
        <source>frames per second</source>
        <translation>초당 프레임 수</translation>
    </message>
</context>
</TS>
