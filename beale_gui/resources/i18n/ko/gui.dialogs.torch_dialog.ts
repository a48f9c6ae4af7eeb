<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>TorchDialog</name>
    <message>
        <source>Add a torch optimizer</source>
        <translation>torch 최적화기 추가</translation>
    </message>
    <message>
        <source>&lt;module&gt;.&lt;Class&gt; of a torch.optim.Optimizer, e.g. torch.optim.Adam</source>
        <translation>torch.optim.Optimizer의 &lt;module&gt;.&lt;Class&gt;, 예: torch.optim.Adam</translation>
    </message>
    <message>
        <source>The class&apos;s constructor keywords become the optimizer&apos;s fields (a tuple such as betas as betas[0], betas[1]). Its module is imported: its code runs. Classes outside torch&apos;s elementwise ones run one instance per run, which is slower.</source>
        <translation>클래스 생성자의 키워드가 최적화기의 입력란이 됩니다(betas 같은 튜플은 betas[0], betas[1]). 그 모듈을 가져오므로 모듈의 코드가 실행됩니다. torch의 원소별 최적화기가 아닌 클래스는 실행마다 인스턴스를 하나씩 써서 더 느립니다.</translation>
    </message>
    <message>
        <source>import path</source>
        <translation>가져오기 경로</translation>
    </message>
    <message>
        <source>Type an import path, such as torch.optim.Adam.</source>
        <translation>torch.optim.Adam 같은 가져오기 경로를 입력하세요.</translation>
    </message>
</context>
</TS>
