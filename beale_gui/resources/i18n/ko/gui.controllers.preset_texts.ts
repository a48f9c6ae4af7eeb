<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Presets</name>
    <message>
        <source>Gradient descent on Beale, step by step</source>
        <translation>Beale 함수에서 단계별로 보는 경사 하강법</translation>
    </message>
    <message>
        <source>Plain gradient descent on Beale, lr 0.01 from (0.7, 1.4), stopping when |Δf| &lt; 1e-5: the blog post&apos;s first run, digit for digit (converges at step 516).</source>
        <translation>Beale 함수에서 (0.7, 1.4)부터 lr 0.01로 실행하고 |Δf| &lt; 1e-5이면 멈추는 기본 경사 하강법: 블로그 글의 첫 번째 실행을 숫자 하나까지 똑같이 재현합니다(516단계에서 수렴).</translation>
    </message>
    <message>
        <source>Momentum overshoots and swings back</source>
        <translation>모멘텀은 지나쳤다가 되돌아옵니다</translation>
    </message>
    <message>
        <source>Momentum 0.9 with lr 0.01 from (0.7, 1.4), stopping when |Δf| &lt; 1e-7: the blog post&apos;s second run. It overshoots the minimum (3, 0.5), swings back, and converges at step 379.</source>
        <translation>(0.7, 1.4)부터 모멘텀 0.9, lr 0.01로 실행하고 |Δf| &lt; 1e-7이면 멈춥니다: 블로그 글의 두 번째 실행입니다. 최솟점 (3, 0.5)를 지나쳤다가 되돌아와 379단계에서 수렴합니다.</translation>
    </message>
    <message>
        <source>Six optimizers race on Beale</source>
        <translation>Beale 함수에서 여섯 최적화기의 경주</translation>
    </message>
    <message>
        <source>GD, SGD, Momentum, Adagrad, RMSprop and Adam from the seed&apos;s start (0.7, 1.4). Momentum overshoots and swings back; Adagrad&apos;s steps shrink as its sum of squared gradients grows; RMSprop and Adam take even-sized steps whatever the slope; SGD follows one of Beale&apos;s three terms at a time.</source>
        <translation>GD, SGD, Momentum, Adagrad, RMSprop, Adam이 원래 시작점 (0.7, 1.4)에서 출발합니다. Momentum은 지나쳤다가 되돌아오고, Adagrad는 기울기 제곱의 합이 커질수록 보폭이 줄어듭니다. RMSprop과 Adam은 경사와 상관없이 고른 보폭으로 움직이고, SGD는 Beale 함수의 세 항 중 하나씩만 따라갑니다.</translation>
    </message>
    <message>
        <source>Escaping a saddle</source>
        <translation>안장점 탈출</translation>
    </message>
    <message>
        <source>f = x² + y⁴/4 − y²/2 has a saddle at (0, 0) between minima at (0, ±1). Starting almost on the ridge, GD slides into the saddle and crawls out, since the slope away from it is tiny there; Momentum builds up speed and leaves sooner; Adam divides by the size of the gradient, so its first steps are full-sized in every direction and it escapes at once; noisy gradients knock SGD off the ridge.</source>
        <translation>f = x² + y⁴/4 − y²/2는 최솟점 (0, ±1) 사이의 (0, 0)에 안장점이 있습니다. 능선 바로 위에서 출발한 GD는 안장점으로 미끄러져 들어간 뒤, 그곳에서 벗어나는 경사가 아주 작아 느리게 빠져나옵니다. Momentum은 속도를 붙여 더 빨리 떠나고, Adam은 기울기의 크기로 나누므로 첫 단계부터 모든 방향으로 온전한 보폭을 내디뎌 곧바로 탈출합니다. 잡음 섞인 기울기는 SGD를 능선에서 밀어냅니다.</translation>
    </message>
    <message>
        <source>The Rosenbrock valley</source>
        <translation>Rosenbrock 골짜기</translation>
    </message>
    <message>
        <source>Rosenbrock&apos;s curved, flat-bottomed valley from (-1.5, 2.5). GD zigzags down into the valley, then crawls along its floor and is still far from (1, 1) after 3000 steps; Momentum and Nesterov overshoot at first, then build up speed along the floor; RMSprop&apos;s even-sized steps rattle across the floor and stall short of the minimum; Adam gets there and stops.</source>
        <translation>(-1.5, 2.5)에서 출발해 Rosenbrock 함수의 휘어지고 바닥이 평평한 골짜기를 내려갑니다. GD는 지그재그로 골짜기에 내려간 뒤 바닥을 따라 기어가며 3000단계 후에도 (1, 1)에서 멉니다. Momentum과 Nesterov는 처음에 지나쳤다가 바닥을 따라 속도를 올립니다. RMSprop은 고른 보폭으로 바닥을 가로질러 흔들리다 최솟점에 못 미쳐 멈추고, Adam은 최솟점에 도달해 멈춥니다.</translation>
    </message>
    <message>
        <source>Himmelblau&apos;s four minima</source>
        <translation>Himmelblau 함수의 네 최솟점</translation>
    </message>
    <message>
        <source>Four start points around Himmelblau&apos;s central peak, a step apart. GD runs downhill into a different minimum from each; Momentum carries one run past its valley into a neighbouring one, and Adam takes another to (3, 2) instead. Where a run ends depends on the optimizer as much as on the start.</source>
        <translation>Himmelblau 함수의 가운데 봉우리 주위에 서로 한 칸씩 떨어진 시작점 네 개가 있습니다. GD는 시작점마다 다른 최솟점으로 내려갑니다. Momentum은 한 실행을 제 골짜기 너머 이웃 골짜기로 데려가고, Adam은 다른 한 실행을 (3, 2)로 데려갑니다. 실행이 어디서 끝나는지는 시작점만큼 최적화기에도 달려 있습니다.</translation>
    </message>
    <message>
        <source>Noisy SGD against Adam</source>
        <translation>잡음 섞인 SGD와 Adam</translation>
    </message>
    <message>
        <source>Mini-batch gradients (one of Beale&apos;s three terms at a time) plus Gaussian noise 0.5. Near the minimum the true gradient vanishes but the noise does not: SGD&apos;s steps shrink with the gradient and it stays close to (3, 0.5), while Adam divides by the gradient&apos;s running size, so its steps stay about lr long and it keeps wandering. GD with the exact gradient is the reference.</source>
        <translation>미니배치 기울기(한 번에 Beale 함수의 세 항 중 하나)에 가우스 잡음 0.5를 더합니다. 최솟점 근처에서 실제 기울기는 사라지지만 잡음은 남습니다: SGD는 기울기와 함께 보폭이 줄어 (3, 0.5) 가까이에 머물고, Adam은 기울기의 이동 평균 크기로 나누므로 보폭이 lr 정도로 유지되어 계속 떠돕니다. 정확한 기울기를 쓰는 GD가 기준입니다.</translation>
    </message>
    <message>
        <source>Learning-rate decay compared</source>
        <translation>학습률 감쇠 비교</translation>
    </message>
    <message>
        <source>Noisy SGD (lr 0.02, gradient noise 1) under five schedules. With a constant rate it reaches the minimum fast but keeps jittering around it; inverse-time decay lr0 / (1 + 0.01 t) (the seed&apos;s, with its sign fixed), exponential, step and cosine decay shrink the steps and let the runs settle, each at its own pace. The loss plot shows every rate over the steps.</source>
        <translation>잡음 섞인 SGD(lr 0.02, 기울기 잡음 1)를 다섯 가지 스케줄로 실행합니다. 학습률이 일정하면 최솟점에 빨리 도달하지만 그 주위에서 계속 흔들립니다. 역시간 감쇠 lr0 / (1 + 0.01 t)(원래 코드에서 부호를 고친 것), 지수, 계단, 코사인 감쇠는 보폭을 줄여 실행이 저마다의 속도로 자리 잡게 합니다. 손실 그래프에 단계별 학습률이 모두 표시됩니다.</translation>
    </message>
    <message>
        <source>Second-order methods for contrast</source>
        <translation>비교를 위한 이차 방법</translation>
    </message>
    <message>
        <source>Rosenbrock from (-1.5, 2), stopping when |Δf| &lt; 1e-12. Newton&apos;s method, which rescales the valley by the exact Hessian, is at (1, 1) in 9 steps; CG (Polak–Ribière+) in 26 and L-BFGS with a strong-Wolfe line search in 42, each step trying a few points along its direction (the table&apos;s f evals); Adam needs 1877 steps, and GD is still in the valley after 3000.</source>
        <translation>Rosenbrock에서 (-1.5, 2)부터 출발해 |Δf| &lt; 1e-12이면 멈춥니다. 정확한 헤세 행렬로 골짜기의 척도를 다시 맞추는 뉴턴 방법은 9단계 만에 (1, 1)에 도착합니다. CG(Polak–Ribière+)는 26단계, 강한 Wolfe 선 탐색을 쓰는 L-BFGS는 42단계가 걸리며, 단계마다 방향을 따라 몇 개의 점을 시험합니다(표의 f 계산 수). Adam은 1877단계가 필요하고, GD는 3000단계 뒤에도 아직 골짜기 안에 있습니다.</translation>
    </message>
    <message>
        <source>Is Adam better than momentum on Rosenbrock?</source>
        <translation>Rosenbrock에서 Adam이 모멘텀보다 나을까?</translation>
    </message>
    <message>
        <source>A fair comparison, not one hand-picked run: Momentum and Adam each tried 32 learning rates from 1e-5 to 1 on 32 tuning starts, then were judged with their best on 256 other starts (Compare, or python main.py compare --session with this file). Momentum (lr 0.000862) ends within 1e-6 of f* from 88% of the starts but diverges from 8%; Adam (lr 0.1562) never diverges and, where it succeeds, gets there sooner (median 1318 steps against 1629), but succeeds from only 62% in 2000 steps. The canvas shows both tuned runs from (-1.5, 2.5).</source>
        <translation>손으로 고른 실행 하나가 아닌 공정한 비교: Momentum과 Adam이 각각 1e-5에서 1 사이의 학습률 32개를 튜닝 시작점 32개에서 시도한 뒤, 가장 좋은 값으로 다른 시작점 256개에서 평가받았습니다 (비교, 또는 이 파일로 python main.py compare --session). Momentum(lr 0.000862)은 시작점의 88%에서 f*의 1e-6 이내에 도달하지만 8%에서 발산합니다; Adam(lr 0.1562)은 발산하지 않고, 성공할 때는 더 빨리 도달하지만(중앙값 1318 단계 대 1629) 2000 단계 안에 62%에서만 성공합니다. 캔버스는 (-1.5, 2.5)에서 튜닝된 두 실행을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Rastrigin: who finds the global minimum?</source>
        <translation>Rastrigin: 누가 전역 최솟값을 찾을까?</translation>
    </message>
    <message>
        <source>GD, Momentum, RMSprop and Adam, each with the best of 32 learning rates from 1e-4 to 1 on 32 tuning starts, judged on 256 other starts (Compare, or python main.py compare --session with this file): none reaches the global minimum at (0, 0) from more than about 1% of the starts, the few that lie in its basin. GD, Momentum and Adam end in the nearest of Rastrigin&apos;s local minima from the other 99%; RMSprop&apos;s even-sized steps keep rattling and settle nowhere from 92%. The canvas shows the four tuned runs from (2.2, 1.8).</source>
        <translation>GD, Momentum, RMSprop, Adam이 각각 튜닝 시작점 32개에서 1e-4에서 1 사이의 학습률 32개 중 가장 좋은 값으로, 다른 시작점 256개에서 평가받았습니다 (비교, 또는 이 파일로 python main.py compare --session): 어느 것도 시작점의 약 1%, 즉 그 분지 안에 있는 몇 개보다 많은 곳에서 (0, 0)의 전역 최솟값에 도달하지 못합니다. GD, Momentum, Adam은 나머지 99%에서 가장 가까운 Rastrigin의 지역 최솟값에 머뭅니다; RMSprop은 크기가 고른 단계으로 계속 흔들리며 92%에서 어디에도 자리 잡지 못합니다. 캔버스는 (2.2, 1.8)에서 튜닝된 네 실행을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Fitting a line: full batch against mini-batches</source>
        <translation>직선 맞추기: 전체 배치 대 미니배치</translation>
    </message>
    <message>
        <source>The loss of the line p1·x + p2 over 100 noisy points, as a map over its slope p1 and intercept p2; the star is the least-squares fit. GD uses every sample each step and slides straight to it; SGD and Adam take 8 samples at a time (13 steps an epoch, reshuffled each epoch), so their paths wander around the fit instead of settling. Watch the Data view: the line swings into place as the playhead moves.</source>
        <translation>잡음 섞인 점 100개에 대한 직선 p1·x + p2의 손실을 직선의 기울기 p1과 절편 p2에 대한 지도로 나타냅니다. 별표는 최소제곱 적합입니다. GD는 매 단계 모든 샘플을 써서 곧장 그곳으로 미끄러져 갑니다. SGD와 Adam은 한 번에 샘플 8개를 쓰므로(에포크당 13단계, 에포크마다 다시 섞음) 경로가 자리 잡지 못하고 적합점 주위를 떠돕니다. 데이터 보기를 지켜보세요: 재생 위치가 움직이면 직선이 제자리를 찾아 들어갑니다.</translation>
    </message>
    <message>
        <source>A tanh neuron: two minima and a saddle</source>
        <translation>tanh 뉴런: 두 최솟점과 안장점</translation>
    </message>
    <message>
        <source>The prediction p2·tanh(p1·x) gives the same curve for (p1, p2) and (−p1, −p2), so the loss has two equal minima, and a saddle at the origin between them where the gradient vanishes. Starts near the saddle fall into either minimum depending on the side they start on; the Data view shows the same fitted curve reached from both.</source>
        <translation>예측값 p2·tanh(p1·x)는 (p1, p2)와 (−p1, −p2)에서 같은 곡선을 주므로, 손실에는 높이가 같은 최솟점이 두 개 있고 그 사이 원점에 기울기가 사라지는 안장점이 있습니다. 안장점 근처에서 출발한 실행은 어느 쪽에서 출발했느냐에 따라 두 최솟점 중 하나로 떨어집니다. 데이터 보기는 양쪽에서 도달한 같은 적합 곡선을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Separable classes: the loss has no minimum</source>
        <translation>분리 가능한 클래스: 최솟값이 없는 손실</translation>
    </message>
    <message>
        <source>Logistic regression on two classes that a threshold separates. The cross-entropy keeps falling as the slope p1 grows, so there is no minimum to mark: gradient descent never converges, its parameters grow without bound (slower and slower) and the fitted probability curve on the Data view sharpens into a step. Add noise to the data set (Function &gt; Model on data…) and a minimum appears.</source>
        <translation>임계값 하나로 나뉘는 두 클래스에 대한 로지스틱 회귀입니다. 기울기 p1이 커질수록 교차 엔트로피가 계속 줄어들므로 표시할 최솟값이 없습니다: 경사 하강법은 끝내 수렴하지 않고, 매개변수는 (점점 더 느리게) 한없이 커지며, 데이터 보기의 적합 확률 곡선은 점점 가팔라져 계단 모양이 됩니다. 데이터셋에 잡음을 더하면(함수 &gt; 데이터에 모델 맞추기…) 최솟값이 생깁니다.</translation>
    </message>
</context>
</TS>
