<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Document</name>
    <message>
        <source>optimizers[{0}].hparams.{1}: the window takes one value per hyperparameter, not a list</source>
        <translation>optimizers[{0}].hparams.{1}: 창에서는 하이퍼파라미터마다 목록이 아닌 값 하나만 쓸 수 있습니다</translation>
    </message>
</context>
</TS>
