<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Optimizers</name>
    <message>
        <source>unknown optimizer &apos;{0}&apos;; choose from {1}</source>
        <translation>알 수 없는 최적화기 &apos;{0}&apos;. 다음 중에서 고르세요: {1}</translation>
    </message>
</context>
</TS>
