<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Data</name>
    <message>
        <source>x and y must be two columns of equal length</source>
        <translation>x와 y는 길이가 같은 두 열이어야 합니다</translation>
    </message>
    <message>
        <source>the data set has no samples</source>
        <translation>데이터셋에 샘플이 없습니다</translation>
    </message>
    <message>
        <source>line {0}</source>
        <translation>{0}번째 줄</translation>
    </message>
    <message>
        <source>sample {0}</source>
        <translation>{0}번째 샘플</translation>
    </message>
    <message>
        <source>unknown data set {0!r}; choose one of {1}</source>
        <translation>알 수 없는 데이터셋 {0!r}. 다음 중에서 고르세요: {1}</translation>
    </message>
    <message>
        <source>n must be a whole number from 1 to {0:,}, got {1}</source>
        <translation>n은 1부터 {0:,}까지의 정수여야 하지만 {1}입니다</translation>
    </message>
    <message>
        <source>seed must be a whole number from 0 to {0}, got {1}</source>
        <translation>seed는 0부터 {0}까지의 정수여야 하지만 {1}입니다</translation>
    </message>
    <message>
        <source>noise must be a number from 0 to {0:g}, got {1}</source>
        <translation>noise는 0부터 {0:g}까지의 숫자여야 하지만 {1}입니다</translation>
    </message>
    <message>
        <source>{0!r}: expected n=N, seed=S or noise=E</source>
        <translation>{0!r}: n=N, seed=S 또는 noise=E 형식이어야 합니다</translation>
    </message>
    <message>
        <source>{0} is given twice</source>
        <translation>{0}이(가) 두 번 지정되었습니다</translation>
    </message>
    <message>
        <source>{0}={1!r} is not a number</source>
        <translation>{0}={1!r}: 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>line {0}: {1!r} is not a number</source>
        <translation>{0}번째 줄: {1!r}은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>line {0}: {1!r} is not a finite number</source>
        <translation>{0}번째 줄: {1!r}은(는) 유한한 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>line {0}: expected 2 columns (x, y), found {1}</source>
        <translation>{0}번째 줄: 열이 2개(x, y)여야 하지만 {1}개입니다</translation>
    </message>
    <message>
        <source>more than {0:,} samples</source>
        <translation>샘플이 {0:,}개보다 많습니다</translation>
    </message>
    <message>
        <source>{0} has no samples</source>
        <translation>{0}에 샘플이 없습니다</translation>
    </message>
    <message>
        <source>{0} has changed since it was saved (its checksum differs)</source>
        <translation>{0}이(가) 저장된 뒤로 바뀌었습니다 (체크섬이 다릅니다)</translation>
    </message>
    <message>
        <source>{0} is not a text file (byte {1} is not UTF-8)</source>
        <translation>{0}은(는) 텍스트 파일이 아닙니다 ({1}번 바이트가 UTF-8이 아님)</translation>
    </message>
    <message>
        <source>data: expected an object</source>
        <translation>data: 객체여야 합니다</translation>
    </message>
    <message>
        <source>data.csv: expected a file path</source>
        <translation>data.csv: 파일 경로여야 합니다</translation>
    </message>
    <message>
        <source>data.sha256: expected text</source>
        <translation>data.sha256: 텍스트여야 합니다</translation>
    </message>
    <message>
        <source>data.dataset: expected a name</source>
        <translation>data.dataset: 이름이어야 합니다</translation>
    </message>
    <message>
        <source>data.{0}: expected a number</source>
        <translation>data.{0}: 숫자여야 합니다</translation>
    </message>
    <message>
        <source>data: expected &apos;dataset&apos; or &apos;csv&apos;</source>
        <translation>data: &apos;dataset&apos; 또는 &apos;csv&apos;가 필요합니다</translation>
    </message>
</context>
</TS>
