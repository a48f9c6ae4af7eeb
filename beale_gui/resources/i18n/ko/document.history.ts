<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>History</name>
    <message>
        <source>Change max steps</source>
        <translation>최대 단계 변경</translation>
    </message>
    <message>
        <source>Change tolerance</source>
        <translation>허용 오차 변경</translation>
    </message>
    <message>
        <source>Change seed</source>
        <translation>시드 변경</translation>
    </message>
    <message>
        <source>Change function</source>
        <translation>함수 변경</translation>
    </message>
    <message>
        <source>Change run settings</source>
        <translation>실행 설정 변경</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <source>Add start point</source>
        <translation>시작점 추가</translation>
    </message>
    <message>
        <source>Remove start point</source>
        <translation>시작점 삭제</translation>
    </message>
    <message>
        <source>Move start point</source>
        <translation>시작점 이동</translation>
    </message>
    <message>
        <source>Change start points</source>
        <translation>시작점 변경</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>{0} 추가</translation>
    </message>
    <message>
        <source>Remove {0}</source>
        <translation>{0} 삭제</translation>
    </message>
    <message>
        <source>Change optimizers</source>
        <translation>최적화기 변경</translation>
    </message>
    <message>
        <source>Enable {0}</source>
        <translation>{0} 켜기</translation>
    </message>
    <message>
        <source>Disable {0}</source>
        <translation>{0} 끄기</translation>
    </message>
    <message>
        <source>Change {0} colour</source>
        <translation>{0} 색 변경</translation>
    </message>
    <message>
        <source>Change {0} {1}</source>
        <translation>{0} {1} 변경</translation>
    </message>
    <message>
        <source>Change {0}</source>
        <translation>{0} 변경</translation>
    </message>
</context>
</TS>
