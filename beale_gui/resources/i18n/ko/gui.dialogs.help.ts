<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Help</name>
    <message>
        <source>Play / pause the animation</source>
        <translation>애니메이션 재생 / 일시 정지</translation>
    </message>
    <message>
        <source>One step forward</source>
        <translation>한 단계 앞으로</translation>
    </message>
    <message>
        <source>One step back</source>
        <translation>한 단계 뒤로</translation>
    </message>
    <message>
        <source>Back to step 0</source>
        <translation>0단계로 돌아가기</translation>
    </message>
    <message>
        <source>Jump to the last step</source>
        <translation>마지막 단계로 이동</translation>
    </message>
    <message>
        <source>+  or  =</source>
        <translation>+  또는  =</translation>
    </message>
    <message>
        <source>Play faster</source>
        <translation>더 빠르게 재생</translation>
    </message>
    <message>
        <source>Play slower</source>
        <translation>더 느리게 재생</translation>
    </message>
    <message>
        <source>Left click</source>
        <translation>왼쪽 클릭</translation>
    </message>
    <message>
        <source>Add a start point (on the canvas)</source>
        <translation>시작점 추가 (캔버스에서)</translation>
    </message>
    <message>
        <source>Left click a path</source>
        <translation>경로 왼쪽 클릭</translation>
    </message>
    <message>
        <source>Select its run (the Explain panel shows it)</source>
        <translation>그 실행 선택 (설명 패널에 표시)</translation>
    </message>
    <message>
        <source>Drag a start point</source>
        <translation>시작점 끌기</translation>
    </message>
    <message>
        <source>Move it</source>
        <translation>시작점 옮기기</translation>
    </message>
    <message>
        <source>Right click a start point</source>
        <translation>시작점 오른쪽 클릭</translation>
    </message>
    <message>
        <source>Remove it</source>
        <translation>시작점 삭제</translation>
    </message>
    <message>
        <source>Delete  or  Backspace</source>
        <translation>Delete  또는  Backspace</translation>
    </message>
    <message>
        <source>Remove the selected start point</source>
        <translation>선택한 시작점 삭제</translation>
    </message>
    <message>
        <source>Left drag on the canvas</source>
        <translation>캔버스에서 왼쪽 끌기</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>화면 이동</translation>
    </message>
    <message>
        <source>Mouse wheel  or  right drag</source>
        <translation>마우스 휠  또는  오른쪽 끌기</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>확대 / 축소</translation>
    </message>
    <message>
        <source>Drag a hyperparameter&apos;s name</source>
        <translation>하이퍼파라미터 이름 드래그</translation>
    </message>
    <message>
        <source>Sweep its value; the paths follow (Shift: finer, Esc: cancel)</source>
        <translation>값을 연속으로 바꿉니다. 경로가 따라옵니다 (Shift: 더 세밀하게, Esc: 취소)</translation>
    </message>
    <message>
        <source>Ctrl+wheel on a field</source>
        <translation>입력란에서 Ctrl+휠</translation>
    </message>
    <message>
        <source>Sweep its value (the wheel alone, once the field has focus)</source>
        <translation>값을 연속으로 바꿉니다 (입력란에 포커스가 있으면 휠만으로)</translation>
    </message>
    <message>
        <source>Show / hide the mechanics arrows (descent direction, momentum, step)</source>
        <translation>동작 화살표 보이기 / 숨기기 (하강 방향, 모멘텀, 단계)</translation>
    </message>
    <message>
        <source>Show / hide the Explain panel (the selected run&apos;s update at this step)</source>
        <translation>설명 패널 보이기 / 숨기기 (선택한 실행의 이번 단계 갱신)</translation>
    </message>
    <message>
        <source>Show / hide the 3-D view (drag to turn it, R to reset it)</source>
        <translation>3D 보기 표시 / 숨기기 (끌어서 회전, R로 초기화)</translation>
    </message>
    <message>
        <source>Show / hide the Data view (a model&apos;s samples and the selected run&apos;s fit)</source>
        <translation>데이터 보기 표시 / 숨기기 (모델의 샘플과 선택한 실행의 적합 곡선)</translation>
    </message>
    <message>
        <source>Show / hide the Curvature view (the Hessian at the selected run&apos;s head, its stability bound and optimum)</source>
        <translation>곡률 보기 표시 / 숨기기(선택한 실행의 현재 위치에서의 헤세 행렬, 안정성 한계와 최적값)</translation>
    </message>
    <message>
        <source>R  or  Ctrl+0</source>
        <translation>R  또는  Ctrl+0</translation>
    </message>
    <message>
        <source>Reset the view</source>
        <translation>보기 초기화</translation>
    </message>
    <message>
        <source>Show / hide the basin map</source>
        <translation>수렴 영역 지도 보이기 / 숨기기</translation>
    </message>
    <message>
        <source>Model on data: fit a model to a data set</source>
        <translation>데이터에 모델 맞추기: 데이터셋에 모델 적합</translation>
    </message>
    <message>
        <source>Search hyperparameters</source>
        <translation>하이퍼파라미터 탐색</translation>
    </message>
    <message>
        <source>Compare optimizers fairly</source>
        <translation>최적화기를 공정하게 비교</translation>
    </message>
    <message>
        <source>Export an image (PNG or SVG)</source>
        <translation>이미지 내보내기 (PNG 또는 SVG)</translation>
    </message>
    <message>
        <source>Export an animation (GIF or MP4)</source>
        <translation>애니메이션 내보내기 (GIF 또는 MP4)</translation>
    </message>
    <message>
        <source>Undo the last change (in a text field: its typing)</source>
        <translation>마지막 변경 실행 취소 (입력란에서는 입력한 내용)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z  or  Ctrl+Y</source>
        <translation>Ctrl+Shift+Z  또는  Ctrl+Y</translation>
    </message>
    <message>
        <source>Redo the change undone</source>
        <translation>취소한 변경 다시 실행</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>새 세션</translation>
    </message>
    <message>
        <source>Open a session</source>
        <translation>세션 열기</translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation>세션 저장</translation>
    </message>
    <message>
        <source>Save the session as</source>
        <translation>다른 이름으로 세션 저장</translation>
    </message>
    <message>
        <source>The guide</source>
        <translation>안내서</translation>
    </message>
    <message>
        <source>This list of shortcuts</source>
        <translation>이 단축키 목록</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <source>About {0}</source>
        <translation>{0} 정보</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; {1}&lt;p&gt;Gradient-descent optimizers (GD, Momentum, Nesterov, Adagrad, RMSprop, Adam and more) moving across 2-D test surfaces, step by step, after the blog post &lt;i&gt;Optimization of NN&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;numpy for the numbers; PySide6 and pyqtgraph for the window.&lt;/p&gt;</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; {1}&lt;p&gt;경사 하강 최적화기(GD, Momentum, Nesterov, Adagrad, RMSprop, Adam 등)가 2차원 테스트 곡면 위를 한 단계씩 움직이는 모습을 보여 줍니다. 블로그 글 &lt;i&gt;Optimization of NN&lt;/i&gt;을 바탕으로 만들었습니다.&lt;/p&gt;&lt;p&gt;계산은 numpy, 창은 PySide6와 pyqtgraph로 만들었습니다.&lt;/p&gt;</translation>
    </message>
</context>
</TS>
