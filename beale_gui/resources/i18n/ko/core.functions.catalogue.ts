<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Functions</name>
    <message>
        <source>unknown function {0}; choose from {1}</source>
        <translation>알 수 없는 함수 {0}. 다음 중에서 고르세요: {1}</translation>
    </message>
</context>
</TS>
