<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Export</name>
    <message>
        <source>no extension</source>
        <translation>확장자 없음</translation>
    </message>
    <message>
        <source>{0}: {1} is not a format this app writes (it holds {2}); use {3} or {4}</source>
        <translation>{0}: {1}은(는) 이 프로그램이 저장하는 형식이 아닙니다 (다음 문자가 들어 있음: {2}). {3} 또는 {4}을(를) 쓰세요</translation>
    </message>
    <message>
        <source>{0}: {1} is not a format this app writes; use {3} or {4}</source>
        <translation>{0}: {1}은(는) 이 프로그램이 저장하는 형식이 아닙니다. {3} 또는 {4}을(를) 쓰세요</translation>
    </message>
    <message>
        <source>&apos;{0}&apos;: expected WIDTHxHEIGHT such as 1600x1200</source>
        <translation>&apos;{0}&apos;: 1600x1200처럼 너비x높이로 입력하세요</translation>
    </message>
    <message>
        <source>{0}x{1}: width and height must be positive</source>
        <translation>{0}x{1}: 너비와 높이는 양수여야 합니다</translation>
    </message>
    <message>
        <source>{0}x{1}: width and height must be at most {2}</source>
        <translation>{0}x{1}: 너비와 높이는 {2} 이하여야 합니다</translation>
    </message>
    <message>
        <source>frames {0}: must be in [1, {1}]</source>
        <translation>프레임 {0}: [1, {1}] 범위여야 합니다</translation>
    </message>
    <message>
        <source>fps {0}: must be in [1, {1}] for {2}</source>
        <translation>fps {0}: {2}에서는 [1, {1}] 범위여야 합니다</translation>
    </message>
    <message>
        <source>{0} frames of {1}x{2} make too large a GIF; use at most {3} frames at this size, or a smaller size or .mp4</source>
        <translation>{1}x{2} 프레임 {0}개는 GIF로 너무 큽니다. 이 크기에서는 최대 {3}프레임을 쓰거나, 더 작은 크기나 .mp4를 쓰세요</translation>
    </message>
</context>
</TS>
