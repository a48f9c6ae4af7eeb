<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Guide</name>
    <message>
        <source>GD: gradient descent</source>
        <translation>GD: 경사 하강법</translation>
    </message>
    <message>
        <source>Takes a step downhill, against the gradient:</source>
        <translation>기울기의 반대 방향, 즉 내리막으로 한 단계 이동합니다:</translation>
    </message>
    <message>
        <source>The step is the learning rate η times the slope, so it is long where the surface is steep and short where it is flat. Too large a rate overshoots and can diverge; too small a rate crawls. This is the blog post&apos;s first run and the reference for all the others.</source>
        <translation>한 단계의 이동량은 학습률 η에 기울기를 곱한 값이므로, 곡면이 가파른 곳에서는 길고 평평한 곳에서는 짧습니다. 학습률이 너무 크면 최솟점을 지나쳐 발산할 수 있고, 너무 작으면 아주 느리게 나아갑니다. 블로그 글의 첫 번째 실행이며, 다른 모든 최적화기를 비교하는 기준입니다.</translation>
    </message>
    <message>
        <source>Key hyperparameter: lr (η). In torch: torch.optim.SGD without momentum, given the exact gradient.</source>
        <translation>주요 하이퍼파라미터: lr (η). torch에서는 모멘텀 없이 정확한 기울기를 주는 torch.optim.SGD에 해당합니다.</translation>
    </message>
    <message>
        <source>SGD: stochastic gradient descent</source>
        <translation>SGD: 확률적 경사 하강법</translation>
    </message>
    <message>
        <source>The same step as GD, but with a noisy gradient: here the gradient of a random mini-batch of the function&apos;s terms (Beale is a sum of three squared terms), scaled so that on average it equals the true gradient; functions without terms get Gaussian noise added instead. Training a neural network works this way, because the gradient of the whole data set costs too much at every step.</source>
        <translation>GD와 같은 방식으로 이동하지만 잡음이 섞인 기울기를 씁니다. 여기서는 함수의 항 가운데 무작위로 고른 미니배치의 기울기를 쓰며(Beale 함수는 제곱한 항 세 개의 합입니다), 평균하면 실제 기울기와 같아지도록 크기를 맞춥니다. 항으로 나뉘지 않는 함수에는 그 대신 가우스 잡음을 더합니다. 신경망 학습도 이렇게 이루어지는데, 매 단계마다 전체 데이터셋의 기울기를 구하기에는 비용이 너무 크기 때문입니다.</translation>
    </message>
    <message>
        <source>The path jitters, and near a minimum the noise keeps it moving unless the learning rate decays. Key hyperparameters: lr, the batch size and noise scale of the stochastic gradient, and its seed, which makes a run repeat exactly.</source>
        <translation>경로가 흔들리며, 학습률을 줄여 가지 않으면 최솟점 근처에서도 잡음 때문에 계속 움직입니다. 주요 하이퍼파라미터: lr, 확률적 기울기의 배치 크기와 잡음 크기, 그리고 실행을 똑같이 되풀이하게 해 주는 시드.</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <source>Keeps a velocity, a running sum of past gradients, and steps along it (torch&apos;s form; the blog post&apos;s v ← γv − ηg, w ← w + v is the same at a constant rate):</source>
        <translation>지난 기울기들을 누적한 합인 속도를 유지하며 그 방향으로 이동합니다(torch의 형태이며, 블로그 글의 v ← γv − ηg, w ← w + v는 학습률이 일정하면 이와 같습니다):</translation>
    </message>
    <message>
        <source>Where the gradients keep pointing the same way the steps grow, up to 1 / (1 − μ) times GD&apos;s (ten times for μ = 0.9), so it rolls quickly down long gentle slopes and damps zigzags across a valley. It also overshoots a minimum and swings back.</source>
        <translation>기울기가 계속 같은 방향을 가리키면 보폭이 GD의 최대 1 / (1 − μ)배(μ = 0.9이면 10배)까지 커지므로, 길고 완만한 비탈은 빠르게 굴러 내려가고 골짜기를 가로지르는 지그재그는 잦아듭니다. 그 대신 최솟점을 지나쳤다가 되돌아오기도 합니다.</translation>
    </message>
    <message>
        <source>Key hyperparameters: lr and momentum μ (0.9 is usual); dampening scales the new gradient by 1 − dampening.</source>
        <translation>주요 하이퍼파라미터: lr과 momentum μ(보통 0.9). dampening을 주면 새 기울기에 1 − dampening을 곱합니다.</translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation>Nesterov 모멘텀</translation>
    </message>
    <message>
        <source>Momentum that looks ahead: the step adds the current gradient to the updated velocity, as if it measured the slope where the velocity is about to carry the point:</source>
        <translation>앞을 내다보는 모멘텀입니다. 갱신한 속도에 현재 기울기를 더해 이동하므로, 속도가 점을 데려갈 곳의 기울기를 미리 재는 것과 비슷합니다:</translation>
    </message>
    <message>
        <source>It reacts sooner when the slope turns, so it overshoots less than plain momentum. In torch: torch.optim.SGD with nesterov=True. Key hyperparameters: lr and momentum μ.</source>
        <translation>기울기의 방향이 바뀌면 더 일찍 반응하므로 일반 모멘텀보다 덜 지나칩니다. torch에서는 nesterov=True인 torch.optim.SGD입니다. 주요 하이퍼파라미터: lr과 momentum μ.</translation>
    </message>
    <message>
        <source>Schedule-Free SGD</source>
        <translation>Schedule-Free SGD</translation>
    </message>
    <message>
        <source>Defazio et al. (2024) replace the learning-rate schedule by an average. Plain SGD steps z; x is the running average of every z so far; the gradient is taken at y, a mix of the two:</source>
        <translation>Defazio et al. (2024)은 학습률 스케줄 대신 평균을 씁니다. 보통의 SGD가 z를 움직이고, x는 지금까지 모든 z의 이동 평균이며, 기울기는 둘을 섞은 점 y에서 구합니다:</translation>
    </message>
    <message>
        <source>Key hyperparameters: lr, momentum β (0.9) and warmup_steps, a linear warm-up of the rate. Reference: facebookresearch/schedule_free (SGDScheduleFree).</source>
        <translation>주요 하이퍼파라미터: lr, momentum β(0.9), 학습률을 선형으로 올리는 warmup_steps. 참조 구현: facebookresearch/schedule_free (SGDScheduleFree).</translation>
    </message>
    <message>
        <source>ASGD</source>
        <translation>ASGD</translation>
    </message>
    <message>
        <source>Averaged SGD (Polyak and Juditsky): gradient descent whose weights decay by λ and whose step size γ shrinks slowly, which also keeps the average of the points it visits from step t0 on:</source>
        <translation>평균 SGD(Polyak, Juditsky): 가중치가 λ만큼 감쇠하고 보폭 γ가 천천히 줄어드는 경사 하강법으로, 단계 t0부터 지나온 점들의 평균도 함께 유지합니다:</translation>
    </message>
    <message>
        <source>With noisy gradients the average lands nearer the minimum than the jittering point; the path drawn is the point, and the Explain panel shows the average. With torch&apos;s defaults the step size hardly shrinks and the averaging starts only after a million steps: set t0 low to see it.</source>
        <translation>기울기에 잡음이 있으면 흔들리는 점보다 평균이 최솟값에 더 가까이 갑니다. 그려지는 경로는 점이고, 평균은 설명 패널에 표시됩니다. torch의 기본값에서는 보폭이 거의 줄지 않고 평균은 백만 단계 뒤에야 시작되므로, 보려면 t0을 작게 설정하세요.</translation>
    </message>
    <message>
        <source>Key hyperparameters: lr, lambd (λ, 1e-4), alpha (α, 0.75) and t0.</source>
        <translation>주요 하이퍼파라미터: lr, lambd(λ, 1e-4), alpha(α, 0.75), t0.</translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <source>Gives each coordinate its own learning rate: it adds up the squares of all the gradients so far and divides the step by their root:</source>
        <translation>좌표마다 따로 학습률을 줍니다. 지금까지의 모든 기울기를 제곱해 더하고, 그 합의 제곱근으로 이동량을 나눕니다:</translation>
    </message>
    <message>
        <source>A coordinate with large gradients takes small steps and one with small or rare gradients keeps large ones, which suits sparse features such as word embeddings. Because the sum only grows, the steps keep shrinking and can stall before the minimum.</source>
        <translation>기울기가 큰 좌표는 작은 보폭으로, 기울기가 작거나 드물게 나타나는 좌표는 큰 보폭으로 움직이므로 단어 임베딩처럼 희소한 특성에 잘 맞습니다. 합은 커지기만 하므로 보폭이 계속 줄어들어 최솟점에 닿기 전에 멈춰 버릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Key hyperparameters: lr, eps (ε, 1e-10) and the initial value of the sum.</source>
        <translation>주요 하이퍼파라미터: lr, eps(ε, 1e-10), 합의 초깃값.</translation>
    </message>
    <message>
        <source>lr_decay (k, 0 by default) also shrinks the rate as torch does: step t uses η / (1 + (t − 1) k).</source>
        <translation>lr_decay(k, 기본값 0)는 torch와 같이 학습률도 줄입니다: 단계 t는 η / (1 + (t − 1) k)를 씁니다.</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adagrad with a memory that fades: instead of a sum it keeps a moving average of the squared gradients:</source>
        <translation>오래된 기억이 흐려지는 Adagrad입니다. 합 대신 기울기 제곱의 이동 평균을 유지합니다:</translation>
    </message>
    <message>
        <source>Dividing by the recent size of the gradient makes each step about η long whatever the slope, so it does not stall as Adagrad does; near a minimum these even-sized steps can rattle back and forth.</source>
        <translation>최근 기울기의 크기로 나누므로 기울기가 크든 작든 한 단계의 보폭이 대략 η가 되어, Adagrad처럼 멈춰 버리지 않습니다. 다만 최솟점 근처에서는 이 고른 보폭 때문에 앞뒤로 흔들릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Key hyperparameters: lr, alpha (α, 0.99: how long the memory lasts), eps, and an optional momentum.</source>
        <translation>주요 하이퍼파라미터: lr, alpha(α, 0.99: 기억이 얼마나 오래가는지), eps, 그리고 선택 사항인 momentum.</translation>
    </message>
    <message>
        <source>centered = 1 (torch&apos;s centered=True) also keeps a moving average ḡ of the gradients and divides by √(v − ḡ²), the spread of the recent gradients rather than their size: where the gradient is large but steady the steps grow.</source>
        <translation>centered = 1(torch의 centered=True)이면 기울기의 이동 평균 ḡ도 유지하고, 최근 기울기의 크기가 아니라 퍼진 정도인 √(v − ḡ²)로 나눕니다. 기울기가 크지만 일정한 곳에서는 보폭이 커집니다.</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Momentum and RMSprop together. It keeps a moving average of the gradients (the first moment m) and one of their squares (the second moment v):</source>
        <translation>모멘텀과 RMSprop을 합친 방법입니다. 기울기의 이동 평균(1차 모멘트 m)과 기울기 제곱의 이동 평균(2차 모멘트 v)을 유지합니다:</translation>
    </message>
    <message>
        <source>Both start at 0, so at first they are too small; dividing them by 1 − β₁ᵗ and 1 − β₂ᵗ (the bias corrections; the corrected moments wear hats below) makes up for it. Then it steps:</source>
        <translation>둘 다 0에서 시작하므로 처음에는 너무 작습니다. 1 − β₁ᵗ와 1 − β₂ᵗ로 나누어(편향 보정; 보정한 모멘트는 아래 식에서 모자를 씁니다) 이를 보완한 다음 이동합니다:</translation>
    </message>
    <message>
        <source>Each step is about η long on each axis, in the direction of the averaged gradient. Adam is the usual first choice for training deep networks.</source>
        <translation>각 단계는 축마다 대략 η만큼, 평균한 기울기의 방향으로 이동합니다. 심층 신경망을 학습할 때 보통 가장 먼저 고르는 최적화기가 Adam입니다.</translation>
    </message>
    <message>
        <source>Key hyperparameters: lr (0.001 by default), beta1 (β₁, 0.9), beta2 (β₂, 0.999) and eps.</source>
        <translation>주요 하이퍼파라미터: lr(기본값 0.001), beta1(β₁, 0.9), beta2(β₂, 0.999), eps.</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>Adam with decoupled weight decay (Loshchilov and Hutter): instead of adding λw to the gradient, where Adam&apos;s division would weaken it, it shrinks the weights directly, w ← w − ηλw, and then takes Adam&apos;s step. It is the usual optimizer for training transformers.</source>
        <translation>가중치 감쇠를 분리한 Adam입니다(Loshchilov와 Hutter). λw를 기울기에 더하면 Adam의 나눗셈 때문에 효과가 약해지므로, 그 대신 가중치를 직접 줄인 뒤(w ← w − ηλw) Adam의 단계를 밟습니다. 트랜스포머를 학습할 때 흔히 쓰는 최적화기입니다.</translation>
    </message>
    <message>
        <source>Key hyperparameters: Adam&apos;s, and weight_decay (λ, 0.01 by default).</source>
        <translation>주요 하이퍼파라미터: Adam의 하이퍼파라미터와 weight_decay(λ, 기본값 0.01).</translation>
    </message>
    <message>
        <source>Schedule-Free AdamW</source>
        <translation>Schedule-Free AdamW</translation>
    </message>
    <message>
        <source>The same averaging as Schedule-Free SGD, with z stepped by Adam&apos;s per-axis rate (a second moment v, no first moment: the averaging takes its place):</source>
        <translation>Schedule-Free SGD와 같은 평균을 쓰되, z는 Adam의 축별 학습률로 움직입니다(2차 모멘트 v만 쓰고 1차 모멘트는 없으며, 평균이 그 역할을 합니다):</translation>
    </message>
    <message>
        <source>At a constant rate c = 1/t, so x is the plain mean of the iterates, which settles where SGD would only jitter without a decaying rate. The answer is x, and the path drawn is x, with f at x in the loss plot and the table; the gradient is taken at y, which stays close to x. The Explain panel shows y, x and z.</source>
        <translation>학습률이 일정하면 c = 1/t이므로 x는 반복점들의 단순 평균이 되고, 학습률을 줄이지 않으면 SGD가 흔들리기만 할 곳에서 자리를 잡습니다. 답은 x이며 경로도 x를 그리고, 손실 그래프와 표는 x에서의 f를 보여 줍니다. 기울기는 x 가까이에 머무는 y에서 구합니다. 설명 패널은 y, x, z를 보여 줍니다.</translation>
    </message>
    <message>
        <source>As for Schedule-Free SGD the path drawn is the average x it returns; the gradient is taken at y. Key hyperparameters: lr (0.0025), beta1 (the mix, 0.9), beta2, eps, warmup_steps and a weight decay taken at y. Reference: AdamWScheduleFree.</source>
        <translation>Schedule-Free SGD처럼 경로는 이 방법이 내놓는 평균 x를 그리고, 기울기는 y에서 구합니다. 주요 하이퍼파라미터: lr(0.0025), beta1(섞는 비율, 0.9), beta2, eps, warmup_steps, 그리고 y에서 적용하는 가중치 감쇠. 참고 구현: AdamWScheduleFree.</translation>
    </message>
    <message>
        <source>NAdam</source>
        <translation>NAdam</translation>
    </message>
    <message>
        <source>Adam with Nesterov momentum (Dozat): its step combines the current gradient with the first moment, looking a step ahead as Nesterov momentum does. Its momentum factor starts at about half of β₁ and grows towards β₁ only slowly, over thousands of steps.</source>
        <translation>Nesterov 모멘텀을 쓰는 Adam입니다(Dozat). Nesterov 모멘텀처럼 한 단계 앞을 내다보며, 현재 기울기와 1차 모멘트를 함께 써서 이동합니다. 모멘텀 계수는 β₁의 절반쯤에서 시작해 수천 단계에 걸쳐 아주 천천히 β₁에 가까워집니다.</translation>
    </message>
    <message>
        <source>Key hyperparameters: Adam&apos;s (lr 0.002 by default) and momentum_decay (0.004), which sets how fast the momentum factor grows.</source>
        <translation>주요 하이퍼파라미터: Adam의 하이퍼파라미터(lr 기본값 0.002)와, 모멘텀 계수가 커지는 빠르기를 정하는 momentum_decay(0.004).</translation>
    </message>
    <message>
        <source>With decoupled_weight_decay set to 1 (0 by default) its weight decay shrinks the weights directly, w ← w − ηλw, as AdamW does, instead of being added to the gradient: torch&apos;s NAdamW.</source>
        <translation>decoupled_weight_decay를 1로 두면(기본값 0) 가중치 감쇠를 기울기에 더하는 대신 AdamW처럼 가중치를 직접 줄입니다(w ← w − ηλw). torch의 NAdamW입니다.</translation>
    </message>
    <message>
        <source>AMSGrad</source>
        <translation>AMSGrad</translation>
    </message>
    <message>
        <source>Adam that never lets the second moment shrink (Reddi, Kale and Kumar): it divides by the largest v seen so far, so a coordinate&apos;s step cannot suddenly grow after a stretch of small gradients. It was made to fix cases where Adam fails to converge. In torch: torch.optim.Adam with amsgrad=True.</source>
        <translation>2차 모멘트가 결코 줄어들지 않게 하는 Adam입니다(Reddi, Kale, Kumar). 지금까지 나온 가장 큰 v로 나누므로, 작은 기울기가 한동안 이어진 뒤에 어떤 좌표의 보폭이 갑자기 커지는 일이 없습니다. Adam이 수렴하지 못하는 경우를 바로잡으려고 만들어졌습니다. torch에서는 amsgrad=True인 torch.optim.Adam입니다.</translation>
    </message>
    <message>
        <source>Key hyperparameters: Adam&apos;s.</source>
        <translation>주요 하이퍼파라미터: Adam과 같습니다.</translation>
    </message>
    <message>
        <source>Adamax</source>
        <translation>Adamax</translation>
    </message>
    <message>
        <source>Adam with the infinity norm in place of the second moment (Kingma and Ba, in the paper that introduced Adam): instead of a moving average of g², it keeps u, a slowly decaying maximum of |g|:</source>
        <translation>2차 모멘트 대신 무한 노름을 쓰는 Adam입니다(Kingma와 Ba, Adam을 소개한 논문). g²의 이동 평균 대신 천천히 감쇠하는 |g|의 최댓값 u를 유지합니다:</translation>
    </message>
    <message>
        <source>Only m needs a bias correction. As |m| hardly exceeds u, each step is at most about η on each axis, and one large gradient keeps the steps small for a long while.</source>
        <translation>편향 보정은 m에만 필요합니다. |m|이 u를 거의 넘지 않으므로 각 축의 단계는 많아야 η 정도이고, 큰 기울기가 한 번 나오면 한동안 단계가 작게 유지됩니다.</translation>
    </message>
    <message>
        <source>Key hyperparameters: lr (0.002 by default), beta1 (β₁, 0.9), beta2 (β₂, 0.999) and eps. In torch: torch.optim.Adamax.</source>
        <translation>주요 하이퍼파라미터: lr(기본값 0.002), beta1(β₁, 0.9), beta2(β₂, 0.999), eps. torch에서는 torch.optim.Adamax입니다.</translation>
    </message>
    <message>
        <source>RAdam</source>
        <translation>RAdam</translation>
    </message>
    <message>
        <source>Rectified Adam (Liu et al.): in the first steps v rests on a few gradients, so Adam&apos;s rate varies wildly. RAdam measures how reliable v is by ρ, the length of the moving average it approximates:</source>
        <translation>보정된 Adam입니다(Liu 외). 처음 몇 단계에서는 v가 적은 수의 기울기에만 기대므로 Adam의 학습률이 크게 흔들립니다. RAdam은 v가 근사하는 이동 평균의 길이 ρ로 v를 얼마나 믿을 수 있는지 잽니다:</translation>
    </message>
    <message>
        <source>While ρ is 5 or less it takes a step of SGD with momentum, w ← w − η m / (1 − β₁ᵗ); after that Adam&apos;s step times a rectification r that grows towards 1. With the defaults the first five steps are momentum steps; the Explain panel says which kind each step was. It needs no warm-up of the learning rate.</source>
        <translation>ρ가 5 이하인 동안에는 모멘텀 SGD 단계(w ← w − η m / (1 − β₁ᵗ))를 밟고, 그 뒤로는 Adam의 단계에 1을 향해 커지는 보정 계수 r을 곱합니다. 기본값에서는 처음 다섯 단계가 모멘텀 단계이며, 설명 패널에 각 단계가 어느 쪽이었는지 나옵니다. 학습률 워밍업이 필요 없습니다.</translation>
    </message>
    <message>
        <source>Key hyperparameters: Adam&apos;s (lr 0.001 by default), weight_decay, and decoupled_weight_decay (1: decay the weights directly, as AdamW does). In torch: torch.optim.RAdam.</source>
        <translation>주요 하이퍼파라미터: Adam의 하이퍼파라미터(lr 기본값 0.001), weight_decay, decoupled_weight_decay(1: AdamW처럼 가중치를 직접 감쇠). torch에서는 torch.optim.RAdam입니다.</translation>
    </message>
    <message>
        <source>AdaBelief</source>
        <translation>AdaBelief</translation>
    </message>
    <message>
        <source>Adam that divides by how far the gradient strays from its running mean m (Zhuang et al. 2020), not by the gradient&apos;s own size:</source>
        <translation>기울기 자체의 크기가 아니라 기울기가 이동 평균 m에서 벗어난 정도로 나누는 Adam입니다 (Zhuang et al. 2020):</translation>
    </message>
    <message>
        <source>Where the gradient is as predicted (a long even slope, even a steep one) the steps are large; where it keeps changing they are small. The PyTorch package rectifies the first steps as RAdam does (rectify = 1: momentum SGD for the first five steps); rectify = 0 is the paper&apos;s update. Key hyperparameters: lr, beta1, beta2, eps (1e-16). Reference: juntang-zhuang/Adabelief-Optimizer.</source>
        <translation>기울기가 예측대로인 곳(가파르더라도 길고 고른 비탈)에서는 크게, 계속 바뀌는 곳에서는 작게 이동합니다. PyTorch 패키지는 RAdam처럼 처음 단계들을 보정합니다(rectify = 1: 처음 다섯 단계는 모멘텀 SGD). rectify = 0은 논문의 갱신식입니다. 주요 하이퍼파라미터: lr, beta1, beta2, eps(1e-16). 참조 구현: juntang-zhuang/Adabelief-Optimizer.</translation>
    </message>
    <message>
        <source>Yogi</source>
        <translation>Yogi</translation>
    </message>
    <message>
        <source>Adam with an additive second moment (Zaheer et al. 2018): v moves towards g² by a fixed fraction of g², not of the difference:</source>
        <translation>2차 모멘트를 덧셈으로 바꾸는 Adam입니다 (Zaheer et al. 2018). v는 차이가 아니라 g²의 일정 비율만큼 g² 쪽으로 움직입니다:</translation>
    </message>
    <message>
        <source>When the gradients suddenly shrink, v falls slowly, so the effective rate does not jump. Key hyperparameters: lr (0.01), beta1, beta2, a larger eps (1e-3) and the moments&apos; starting value (1e-6). Reference: the authors&apos; TensorFlow version, as torch-optimizer&apos;s Yogi.</source>
        <translation>기울기가 갑자기 작아져도 v는 천천히 줄어들므로 유효 학습률이 튀지 않습니다. 주요 하이퍼파라미터: lr(0.01), beta1, beta2, 더 큰 eps(1e-3), 모멘트의 시작값(1e-6). 참조 구현: 저자들의 TensorFlow 버전을 옮긴 torch-optimizer의 Yogi.</translation>
    </message>
    <message>
        <source>Lion</source>
        <translation>Lion</translation>
    </message>
    <message>
        <source>Found by a program search (Chen et al. 2023): the step is the sign of a mix of the momentum and the gradient, so every axis moves by exactly the learning rate:</source>
        <translation>프로그램 탐색으로 찾아낸 최적화기입니다 (Chen et al. 2023). 모멘텀과 기울기를 섞은 값의 부호로 이동하므로 모든 축이 정확히 학습률만큼 움직입니다:</translation>
    </message>
    <message>
        <source>The size of the gradient is ignored, only its direction counts: the path moves at a constant speed along the diagonals and zigzags around a minimum by ±η. Its rate is usually 3 to 10 times smaller than AdamW&apos;s. Key hyperparameters: lr (1e-4), beta1 (0.9), beta2 (0.99) and a decoupled weight decay. Reference: lucidrains/lion-pytorch.</source>
        <translation>기울기의 크기는 무시하고 방향만 씁니다. 경로는 대각선을 따라 일정한 속도로 움직이고, 최솟점 주위에서는 ±η만큼 지그재그로 오갑니다. 학습률은 보통 AdamW보다 3~10배 작게 잡습니다. 주요 하이퍼파라미터: lr(1e-4), beta1(0.9), beta2(0.99), 분리된 가중치 감쇠. 참조 구현: lucidrains/lion-pytorch.</translation>
    </message>
    <message>
        <source>Adadelta</source>
        <translation>Adadelta</translation>
    </message>
    <message>
        <source>Zeiler&apos;s answer to Adagrad&apos;s shrinking steps: it keeps moving averages of the squared gradients (v) and of the squared steps (u), and scales each gradient by the ratio of their roots:</source>
        <translation>Adagrad의 보폭이 계속 줄어드는 문제에 대한 Zeiler의 해법입니다. 기울기 제곱(v)과 갱신량 제곱(u)의 이동 평균을 유지하고, 두 값의 제곱근의 비로 각 기울기의 크기를 조정합니다:</translation>
    </message>
    <message>
        <source>The step so has the units of w and needs no learning rate; torch keeps one (lr, 1.0 by default) that multiplies it. Its first steps are tiny, of the order of √ε, so it starts slowly.</source>
        <translation>그래서 이동량은 w와 단위가 같고 학습률이 필요 없습니다. torch는 여기에 곱하는 학습률(lr, 기본값 1.0)을 남겨 두었습니다. 처음 몇 단계는 ε의 제곱근 정도로 아주 작아서 출발이 느립니다.</translation>
    </message>
    <message>
        <source>Key hyperparameters: rho (0.9), eps (1e-6) and lr.</source>
        <translation>주요 하이퍼파라미터: rho(0.9), eps(1e-6), lr.</translation>
    </message>
    <message>
        <source>Rprop</source>
        <translation>Rprop</translation>
    </message>
    <message>
        <source>Resilient backpropagation (Riedmiller and Braun) uses only the sign of each partial derivative. Every axis has its own step size s: it grows by etaplus (1.2) while the sign stays the same and shrinks by etaminus (0.5) when it flips, and then that axis waits one step:</source>
        <translation>Resilient backpropagation(Riedmiller, Braun)은 각 편미분의 부호만 씁니다. 축마다 보폭 s가 따로 있어, 부호가 그대로면 etaplus(1.2)배로 커지고 바뀌면 etaminus(0.5)배로 줄어들며 그 축은 한 단계 쉽니다:</translation>
    </message>
    <message>
        <source>The size of the gradient does not matter, so steep walls and flat plateaus are crossed at the same pace, and the path moves along diagonals. It suits full-batch gradients, not noisy ones.</source>
        <translation>기울기의 크기는 상관없으므로 가파른 벽도 평평한 고원도 같은 속도로 지나가며, 경로는 대각선을 따라 움직입니다. 잡음 있는 기울기가 아니라 전체 배치 기울기에 알맞습니다.</translation>
    </message>
    <message>
        <source>Key hyperparameters: lr (the first step size, 0.01; a schedule does not change it later), etaminus, etaplus and the smallest and largest step sizes (1e-6 and 50).</source>
        <translation>주요 하이퍼파라미터: lr(처음 보폭, 0.01; 스케줄은 이후에 이를 바꾸지 않습니다), etaminus, etaplus, 가장 작은 보폭과 가장 큰 보폭(1e-6과 50).</translation>
    </message>
    <message>
        <source>Newton&apos;s method</source>
        <translation>뉴턴 방법</translation>
    </message>
    <message>
        <source>A second-order method, for contrast with the first-order ones: it fits a quadratic to f at the point, using the exact Hessian H (the matrix of second derivatives), and steps to that quadratic&apos;s stationary point:</source>
        <translation>일차 방법과 비교하기 위한 이차 방법입니다. 정확한 헤세 행렬 H(이계 도함수의 행렬)로 현재 점에서 f에 이차식을 맞추고, 그 이차식의 정류점으로 나아갑니다:</translation>
    </message>
    <message>
        <source>Near a minimum it converges in a handful of steps (on Rosenbrock from (−1.5, 2) in 8) where gradient descent takes thousands, because the Hessian rescales the valley&apos;s steep and flat directions alike. But it cannot tell down from up: where H is indefinite (a saddle) or negative definite (a hilltop) it steps toward the saddle or the maximum. The Explain panel says which case each step was; where H is singular there is no Newton step and it takes the gradient&apos;s.</source>
        <translation>최솟값 근처에서는 경사 하강법이 수천 단계 걸리는 곳을 몇 단계 만에 수렴합니다(Rosenbrock에서 (−1.5, 2)부터 8단계). 헤세 행렬이 골짜기의 가파른 방향과 완만한 방향을 똑같이 다시 맞춰 주기 때문입니다. 하지만 위아래를 구별하지 못합니다. H가 부정부호(안장점)이거나 음의 정부호(언덕 꼭대기)인 곳에서는 안장점이나 최댓값 쪽으로 나아갑니다. 설명 패널은 각 단계가 어느 경우였는지 알려 줍니다. H가 특이 행렬이면 뉴턴 단계가 없어 기울기 방향으로 나아갑니다.</translation>
    </message>
    <message>
        <source>Key hyperparameters: lr (η, the fraction of the step taken, 1) and damping (μ, 0: the pure method; larger values bend the step toward the gradient&apos;s, as Levenberg&apos;s method does). Each step evaluates f and its gradient once and the Hessian once.</source>
        <translation>주요 하이퍼파라미터: lr(η, 실제로 가는 단계의 비율, 1)과 damping(μ, 0: 순수한 방법. 값이 클수록 레벤버그 방법처럼 단계가 기울기 방향으로 휩니다). 각 단계는 f와 기울기를 한 번, 헤세 행렬을 한 번 계산합니다.</translation>
    </message>
    <message>
        <source>L-BFGS</source>
        <translation>L-BFGS</translation>
    </message>
    <message>
        <source>A quasi-Newton method, as torch.optim.LBFGS with one iteration per step. It remembers the last steps s and the changes y of the gradient they caused, and from them builds an estimate H of the inverse Hessian (the two-loop recursion), without ever computing a second derivative:</source>
        <translation>준뉴턴법으로, 단계마다 반복 한 번을 하는 torch.optim.LBFGS와 같습니다. 최근의 이동 s와 그로 인한 기울기 변화 y를 기억하고, 이것으로 역헤시안의 추정값 H를 만듭니다(2중 루프 재귀). 2차 도함수는 전혀 계산하지 않습니다:</translation>
    </message>
    <message>
        <source>The first step is the gradient&apos;s, scaled to a length of at most lr. Without a line search α is lr; with the strong-Wolfe line search (line_search 1) α is tried along d until f has dropped enough and the slope has flattened, so a step may evaluate the function several times (the evaluation count). A pair joins the memory only where y·s &gt; 1e-10, and no step is taken where d does not go downhill.</source>
        <translation>첫 단계는 기울기 방향이며 길이는 최대 lr로 조정됩니다. 선 탐색이 없으면 α는 lr이고, 강한 Wolfe 선 탐색(line_search 1)을 쓰면 f가 충분히 줄고 기울기가 완만해질 때까지 d를 따라 α를 시도하므로 한 단계에서 함수를 여러 번 평가할 수 있습니다(평가 횟수). 쌍은 y·s &gt; 1e-10일 때만 메모리에 추가되며, d가 내리막이 아니면 이동하지 않습니다.</translation>
    </message>
    <message>
        <source>Key hyperparameters: lr (1), history_size (100 pairs), line_search (0: none, torch&apos;s default), tolerance_grad (1e-7) and tolerance_change (1e-9).</source>
        <translation>주요 하이퍼파라미터: lr (1), history_size (100쌍), line_search (0: 없음, torch의 기본값), tolerance_grad (1e-7), tolerance_change (1e-9).</translation>
    </message>
    <message>
        <source>CG: nonlinear conjugate gradients</source>
        <translation>CG: 비선형 켤레 기울기법</translation>
    </message>
    <message>
        <source>Each direction is the negative gradient plus a share β of the last direction, and a strong-Wolfe line search picks the step along it (Nocedal and Wright, ch. 5.2):</source>
        <translation>각 방향은 음의 기울기에 직전 방향의 β배를 더한 것이며, 강한 Wolfe 선 탐색이 그 방향의 이동 거리를 고릅니다(Nocedal과 Wright, 5.2장):</translation>
    </message>
    <message>
        <source>Fletcher–Reeves takes β = |g|² / |g′|²; Polak–Ribière+ takes β = max(0, g·(g − g′) / |g′|²), which restarts by itself when progress stalls. On a quadratic bowl the directions are conjugate and the minimum is reached in two steps; elsewhere it restarts with the plain gradient every few steps.</source>
        <translation>Fletcher–Reeves는 β = |g|² / |g′|²을, Polak–Ribière+는 β = max(0, g·(g − g′) / |g′|²)을 쓰며, 후자는 진행이 멈추면 스스로 재시작합니다. 2차 그릇 모양 함수에서는 방향들이 켤레이므로 두 단계 만에 최솟값에 도달하고, 그 밖에서는 몇 단계마다 기울기 방향으로 재시작합니다.</translation>
    </message>
    <message>
        <source>Key hyperparameters: beta_rule (0: Fletcher–Reeves, 1: Polak–Ribière+), restart (every 2 steps; 0: never) and lr (the line search&apos;s first trial step, 1).</source>
        <translation>주요 하이퍼파라미터: beta_rule (0: Fletcher–Reeves, 1: Polak–Ribière+), restart (2단계마다, 0: 재시작 안 함), lr (선 탐색의 첫 시도 이동 거리, 1).</translation>
    </message>
    <message>
        <source>The Explain panel</source>
        <translation>설명 패널</translation>
    </message>
    <message>
        <source>View &gt; Explain (E) shows the selected run&apos;s update at the playhead step: the rule, then each quantity with this step&apos;s numbers put in and the value the engine recorded. Select a run by clicking its row in the results table or its path on the canvas; Left and Right step through it.</source>
        <translation>보기 &gt; 설명 (E)을 켜면 재생 위치의 단계에서 선택한 실행이 어떻게 갱신되는지 보여 줍니다. 먼저 갱신 규칙을, 이어서 각 양의 식에 이번 단계의 수를 넣은 것과 엔진이 기록한 값을 보여 줍니다. 실행은 결과 표에서 그 행을 클릭하거나 캔버스에서 그 경로를 클릭해 선택합니다. Left, Right 키로 한 단계씩 오갈 수 있습니다.</translation>
    </message>
    <message>
        <source>The mechanics arrows</source>
        <translation>동작 화살표</translation>
    </message>
    <message>
        <source>View &gt; Mechanics arrows (M) draws three arrows at each path&apos;s head, in its optimizer&apos;s colour: the descent direction −∇f (solid), the velocity or first moment the optimizer carries (outlined; only optimizers that have one), and the step actually taken to the next point (dashed, open head).</source>
        <translation>보기 &gt; 동작 화살표 (M)를 켜면 각 경로의 끝에 최적화기의 색으로 화살표 세 개를 그립니다: 하강 방향 −∇f(실선), 최적화기가 지니고 가는 속도나 1차 모멘트(윤곽선, 이런 값이 있는 최적화기만), 그리고 다음 점까지 실제로 이동한 단계(점선, 열린 머리).</translation>
    </message>
    <message>
        <source>Directions are exact; lengths are on a log scale, each kind on its own, so that tiny and huge vectors both show. Where the step does not point along −∇f, the optimizer is doing more than descent: carrying momentum, or scaling each axis differently.</source>
        <translation>방향은 정확하고, 길이는 화살표 종류마다 따로 로그 척도로 그려서 아주 작은 벡터와 아주 큰 벡터가 함께 보입니다. 이동한 단계가 −∇f 방향이 아니라면 최적화기가 단순한 하강 이상의 일을 하고 있다는 뜻입니다. 모멘텀을 지니고 가거나, 축마다 크기를 다르게 조정하는 경우입니다.</translation>
    </message>
    <message>
        <source>The effective learning rate</source>
        <translation>유효 학습률</translation>
    </message>
    <message>
        <source>The adaptive optimizers (Adagrad, RMSprop, Adam and its variants, Adadelta) give each axis a rate of its own: the step along x is the gradient (or Adam&apos;s first moment) along x times that axis&apos;s rate, η divided by the root of the averaged squared gradients. The results table&apos;s columns eff. lr x and eff. lr y and the Explain panel show it.</source>
        <translation>적응형 최적화기(Adagrad, RMSprop, Adam과 그 변형, Adadelta)는 축마다 따로 학습률을 씁니다. x 방향의 이동량은 x 방향의 기울기(Adam은 1차 모멘트)에 그 축의 학습률, 곧 η를 기울기 제곱 평균의 제곱근으로 나눈 값을 곱한 것입니다. 결과 표의 유효 lr x, 유효 lr y 열과 설명 패널에서 이 값을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>A large effective rate on an axis means its gradients were small; that is how these methods take even-sized steps where slopes differ by orders of magnitude. GD and momentum use the same η on both axes, so the columns are blank for them.</source>
        <translation>어떤 축의 유효 학습률이 크다는 것은 그 축의 기울기가 작았다는 뜻입니다. 이 방법들은 이렇게 해서 기울기가 몇 자릿수씩 차이 나는 곳에서도 고른 보폭으로 움직입니다. GD와 모멘텀은 두 축에 같은 η를 쓰므로 이 열이 비어 있습니다.</translation>
    </message>
    <message>
        <source>Switches and maximize</source>
        <translation>켜고 끄는 옵션과 maximize</translation>
    </message>
    <message>
        <source>Options that are on or off (RMSprop&apos;s centered, NAdam&apos;s and RAdam&apos;s decoupled_weight_decay, AdaBelief&apos;s rectify, maximize) are check boxes: ticked is 1, unticked 0. On the command line write 1 or 0, or true or false; a search over one tries each value once.</source>
        <translation>켜거나 끄는 옵션(RMSprop의 centered, NAdam과 RAdam의 decoupled_weight_decay, AdaBelief의 rectify, maximize)은 확인란으로 표시됩니다. 선택하면 1, 선택을 해제하면 0입니다. 명령줄에서는 1 또는 0, 혹은 true 또는 false로 씁니다. 이런 옵션을 탐색하면 각 값을 한 번씩 시도합니다.</translation>
    </message>
    <message>
        <source>maximize (torch&apos;s maximize=True, for every optimizer torch.optim has) turns the gradient around before anything else, so the run climbs f instead of descending; coupled weight decay is added after, as in torch. Lion, AdaBelief, Yogi and the Schedule-Free methods have none: their reference implementations do not.</source>
        <translation>maximize(torch의 maximize=True, torch.optim에 있는 모든 최적화기)는 무엇보다 먼저 기울기의 부호를 바꾸므로, 실행이 f를 내려가는 대신 올라갑니다. 결합된 가중치 감쇠는 torch처럼 그 뒤에 더해집니다. Lion, AdaBelief, Yogi와 Schedule-Free 방법에는 이 옵션이 없습니다. 참조 구현에 없기 때문입니다.</translation>
    </message>
    <message>
        <source>The stop rule and divergence</source>
        <translation>멈춤 규칙과 발산</translation>
    </message>
    <message>
        <source>Before each update the loss is compared with the previous one; once the change |Δf| is smaller than the stop tolerance, the run makes that update and stops, marked converged, as the blog post&apos;s loop does. Converged means the loss stopped changing, not that the minimum was reached: a run crawling along a flat valley can stop too. A run that never gets there stops at the maximum number of steps.</source>
        <translation>갱신하기 전마다 손실을 이전 손실과 비교합니다. 변화량 |Δf|가 멈춤 허용 오차보다 작아지면, 블로그 글의 반복문처럼 그 갱신까지 마친 뒤 멈추고 수렴으로 표시됩니다. 수렴은 손실이 더는 변하지 않는다는 뜻이지, 최솟점에 도달했다는 뜻이 아닙니다. 평평한 골짜기를 따라 느리게 기어가는 실행도 멈출 수 있습니다. 끝내 이 조건에 이르지 못한 실행은 최대 단계에서 멈춥니다.</translation>
    </message>
    <message>
        <source>A run diverges when its point, f or the gradient stops being finite or grows past a huge bound. It stops there, keeps its last finite point, is drawn up to it with a red cross, and its row turns red. Usually the learning rate was too large for the curvature there.</source>
        <translation>점, f, 기울기 가운데 하나가 유한한 값이 아니게 되거나 아주 큰 한계를 넘으면 실행이 발산합니다. 실행은 그 자리에서 멈추고 마지막 유한한 점을 간직하며, 경로는 그 점까지 그려진 뒤 빨간 ×로 표시되고 결과 표의 행이 빨갛게 바뀝니다. 대개는 그곳의 곡률에 비해 학습률이 너무 컸던 것입니다.</translation>
    </message>
    <message>
        <source>The basin map</source>
        <translation>수렴 영역 지도</translation>
    </message>
    <message>
        <source>View &gt; Basin map (B) runs the current optimizer from every point of a grid over the view and colours each point by where its run ended: which minimum, how many steps it took, or that it diverged (hatched). It shows which starts lead where, and how that changes with the optimizer and its settings.</source>
        <translation>보기 &gt; 수렴 영역 지도 (B)는 보이는 범위를 덮는 격자의 모든 점에서 현재 최적화기를 실행하고, 각 점을 그 실행이 끝난 곳에 따라 색칠합니다: 어느 최솟점에 이르렀는지, 몇 단계가 걸렸는지, 또는 발산했는지(빗금). 어느 시작점이 어디로 가는지, 그리고 그것이 최적화기와 설정에 따라 어떻게 달라지는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Models on data</source>
        <translation>데이터에 모델 맞추기</translation>
    </message>
    <message>
        <source>Function &gt; Model on data… turns the canvas into the loss of a model with two parameters, p1 and p2, over a data set: a line p1·x + p2 (mean squared error), logistic regression σ(p1·x + p2) on labels 0 and 1 (cross-entropy), or one tanh neuron p2·tanh(p1·x). The star marks the best fit; the Data view beside the canvas shows the samples and the selected run&apos;s fitted curve at the playhead, which moves as the animation plays or a start is dragged.</source>
        <translation>함수 &gt; 데이터에 모델 맞추기…를 고르면 캔버스가 데이터셋에 대한, 매개변수 p1, p2 두 개를 가진 모델의 손실로 바뀝니다: 직선 p1·x + p2(평균제곱오차), 레이블 0과 1에 대한 로지스틱 회귀 σ(p1·x + p2)(교차 엔트로피), 또는 tanh 뉴런 하나 p2·tanh(p1·x). 별표는 가장 잘 맞는 점을 표시합니다. 캔버스 옆의 데이터 보기는 샘플과, 재생 위치에서 선택한 실행이 맞춘 곡선을 보여 주며, 이 곡선은 애니메이션이 재생되거나 시작점을 끌면 함께 움직입니다.</translation>
    </message>
    <message>
        <source>A batch size smaller than the number of samples makes a run stochastic: each step&apos;s gradient comes from that many samples, drawn without replacement through a shuffled epoch and reshuffled each epoch, the same order for every run of the seed. One epoch is n / batch steps. The loss plot still shows the loss over all samples.</source>
        <translation>배치 크기가 샘플 수보다 작으면 실행이 확률적이 됩니다: 각 단계의 기울기는 그 개수만큼의 샘플로 구하며, 샘플은 섞어 둔 에포크를 따라 비복원으로 뽑고 에포크마다 다시 섞습니다. 시드가 같으면 모든 실행이 같은 순서를 씁니다. 한 에포크는 n / batch 단계입니다. 손실 그래프는 여전히 전체 샘플에 대한 손실을 보여 줍니다.</translation>
    </message>
    <message>
        <source>The Curvature view</source>
        <translation>곡률 보기</translation>
    </message>
    <message>
        <source>View &gt; Curvature (K) shows the Hessian at the selected run&apos;s head: its eigenvalues λmin and λmax, the condition number κ, and an ellipse on the canvas whose long axis is the flat direction. Gradient descent is stable only while lr·λmax &lt; 2; between 1 and 2 it zig-zags while it converges. The view compares the run&apos;s learning rate with that bound (Momentum&apos;s and Nesterov&apos;s are larger) and offers the best rates of the local quadratic, which one click loads.</source>
        <translation>보기 &gt; 곡률(K)은 선택한 실행의 현재 위치에서의 헤세 행렬을 보여 줍니다: 고윳값 λmin과 λmax, 조건수 κ, 그리고 긴 축이 평평한 방향인 캔버스 위의 타원입니다. 경사 하강법은 lr·λmax &lt; 2일 때만 안정합니다; 1과 2 사이에서는 지그재그로 움직이며 수렴합니다. 이 보기는 실행의 학습률을 그 한계와 비교하고(Momentum과 Nesterov의 한계는 더 큽니다) 국소 이차 모델에서 가장 좋은 학습률을 제시하며, 한 번의 클릭으로 불러올 수 있습니다.</translation>
    </message>
    <message>
        <source>The small plot traces λmax along the path. With a constant learning rate, gradient descent often climbs until λmax reaches 2/lr and then hovers there: the edge of stability.</source>
        <translation>작은 그래프는 경로를 따라 λmax를 그립니다. 학습률이 일정하면 경사 하강법은 흔히 λmax가 2/lr에 닿을 때까지 올라간 뒤 그 근처에 머뭅니다: 안정성의 경계입니다.</translation>
    </message>
    <message>
        <source>Hyperparameter search</source>
        <translation>하이퍼파라미터 탐색</translation>
    </message>
    <message>
        <source>Tools &gt; Search hyperparameters (Ctrl+F) runs one optimizer with one or two hyperparameters varied over a range, on a linear or log scale, by grid, random or coarse-to-fine sampling, as in the blog post&apos;s last sections, and plots the final loss, the steps to the tolerance or the distance to the nearest minimum. A log scale suits learning rates, whose useful values span decades. Clicking a result loads its settings.</source>
        <translation>도구 &gt; 하이퍼파라미터 탐색 (Ctrl+F)은 블로그 글의 마지막 부분처럼, 최적화기 하나를 하이퍼파라미터 한두 개만 범위 안에서 바꿔 가며 실행합니다. 선형 또는 로그 척도에서 격자, 무작위, 점진 세분화 방식으로 값을 뽑고, 최종 손실, 허용 오차까지의 단계 수, 가장 가까운 최솟점까지의 거리 중 하나를 그래프로 그립니다. 학습률은 쓸 만한 값이 여러 자릿수에 걸쳐 있으므로 로그 척도가 알맞습니다. 결과를 클릭하면 그 설정을 불러옵니다.</translation>
    </message>
    <message>
        <source>Gradient descent on Beale, step by step</source>
        <translation>Beale 함수에서 단계별로 보는 경사 하강법</translation>
    </message>
    <message>
        <source>The blog post&apos;s first run, digit for digit: GD with lr 0.01 from (0.7, 1.4), stopping when |Δf| &lt; 1e-5. It shows plain descent: long steps down the steep side, then slow progress along the flat, curved valley towards (3, 0.5), where it stops at step 516.</source>
        <translation>블로그 글의 첫 번째 실행을 숫자 하나까지 똑같이 재현합니다: (0.7, 1.4)에서 lr 0.01로 출발하는 GD이며, |Δf| &lt; 1e-5이면 멈춥니다. 기본적인 하강을 보여 줍니다. 가파른 비탈에서는 긴 보폭으로 내려가고, 이어서 평평하고 휘어진 골짜기를 따라 (3, 0.5)를 향해 천천히 나아가다가 516단계에서 멈춥니다.</translation>
    </message>
    <message>
        <source>Momentum overshoots and swings back</source>
        <translation>모멘텀은 지나쳤다가 되돌아옵니다</translation>
    </message>
    <message>
        <source>The blog post&apos;s second run: momentum 0.9 with lr 0.01, stopping when |Δf| &lt; 1e-7. The velocity carries the run past the minimum (3, 0.5) and back before it settles at step 379; turn on the mechanics arrows (M) to watch the velocity turn round.</source>
        <translation>블로그 글의 두 번째 실행입니다: lr 0.01에 모멘텀 0.9이며, |Δf| &lt; 1e-7이면 멈춥니다. 속도에 실려 최솟점 (3, 0.5)를 지나쳤다가 되돌아온 뒤 379단계에서 자리를 잡습니다. 동작 화살표(M)를 켜면 속도의 방향이 바뀌는 모습을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Six optimizers race on Beale</source>
        <translation>Beale 함수에서 여섯 최적화기의 경주</translation>
    </message>
    <message>
        <source>GD, SGD, Momentum, Adagrad, RMSprop and Adam from the same start, side by side: Momentum overshoots, Adagrad&apos;s steps shrink as its sum grows, RMSprop and Adam take even-sized steps whatever the slope, and SGD follows one of Beale&apos;s terms at a time.</source>
        <translation>GD, SGD, Momentum, Adagrad, RMSprop, Adam이 같은 시작점에서 나란히 출발합니다. Momentum은 최솟점을 지나치고, Adagrad는 합이 커질수록 보폭이 줄어들며, RMSprop과 Adam은 기울기가 크든 작든 고른 보폭으로 움직이고, SGD는 한 번에 Beale 함수의 항 하나씩을 따라갑니다.</translation>
    </message>
    <message>
        <source>Escaping a saddle</source>
        <translation>안장점 탈출</translation>
    </message>
    <message>
        <source>f = x² + y⁴/4 − y²/2 has a saddle at (0, 0) between two minima. Started almost on the ridge, GD slides into the saddle and crawls out, because the slope away from it is tiny; momentum builds up speed, Adam&apos;s division makes its first steps full-sized, and noise knocks SGD off the ridge. It shows why plain descent is slow near saddle points.</source>
        <translation>f = x² + y⁴/4 − y²/2는 두 최솟점 사이의 (0, 0)에 안장점이 있습니다. 능선 바로 위에서 출발한 GD는 안장점으로 미끄러져 들어간 뒤, 그곳에서 벗어나는 쪽의 기울기가 아주 작아서 느리게 기어 나옵니다. 모멘텀은 속도를 붙이고, Adam은 나눗셈 덕분에 첫 단계부터 온전한 보폭으로 움직이며, SGD는 잡음에 밀려 능선에서 벗어납니다. 안장점 근처에서 기본 하강이 왜 느린지 보여 줍니다.</translation>
    </message>
    <message>
        <source>The Rosenbrock valley</source>
        <translation>Rosenbrock 골짜기</translation>
    </message>
    <message>
        <source>A narrow, curved, flat-bottomed valley: GD zigzags down into it and then crawls along the floor; Momentum and Nesterov build up speed along it; RMSprop&apos;s even-sized steps rattle and stall; Adam reaches (1, 1). It shows what a badly conditioned surface does to each method.</source>
        <translation>좁고 휘어졌으며 바닥이 평평한 골짜기입니다. GD는 지그재그로 골짜기에 내려간 뒤 바닥을 따라 기어가고, Momentum과 Nesterov는 골짜기를 따라 속도를 올리며, RMSprop은 고른 보폭 때문에 흔들리다 멈추고, Adam은 (1, 1)에 도달합니다. 조건수가 큰(나쁜 조건의) 곡면이 각 방법에 어떤 영향을 주는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Himmelblau&apos;s four minima</source>
        <translation>Himmelblau 함수의 네 최솟점</translation>
    </message>
    <message>
        <source>Four starts close together around Himmelblau&apos;s central peak. GD goes into a different minimum from each; Momentum and Adam send some runs elsewhere. It shows that where a run ends depends on the optimizer as much as on the start; the basin map (B) shows it for every start.</source>
        <translation>Himmelblau 함수의 가운데 봉우리 주위에 서로 가까운 시작점 네 개가 있습니다. GD는 시작점마다 다른 최솟점으로 내려가고, Momentum과 Adam은 몇몇 실행을 다른 곳으로 보냅니다. 실행이 어디서 끝나는지는 시작점만큼이나 최적화기에도 달려 있음을 보여 줍니다. 수렴 영역 지도(B)로 모든 시작점에 대해 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Noisy SGD against Adam</source>
        <translation>잡음 섞인 SGD와 Adam</translation>
    </message>
    <message>
        <source>Mini-batch gradients plus Gaussian noise. Near the minimum the true gradient vanishes but the noise does not: SGD&apos;s steps shrink with the gradient and it stays close, while Adam divides by the gradient&apos;s running size, so its steps stay about lr long and it keeps wandering. GD with the exact gradient is the reference.</source>
        <translation>미니배치 기울기에 가우스 잡음을 더합니다. 최솟점 근처에서 실제 기울기는 사라지지만 잡음은 남습니다. SGD는 기울기와 함께 보폭이 줄어 최솟점 가까이에 머물지만, Adam은 기울기의 최근 크기로 나누므로 보폭이 lr 정도로 유지되어 계속 떠돕니다. 정확한 기울기를 쓰는 GD가 기준입니다.</translation>
    </message>
    <message>
        <source>Learning-rate decay compared</source>
        <translation>학습률 감쇠 비교</translation>
    </message>
    <message>
        <source>Noisy SGD under five schedules. At a constant rate it gets near the minimum fast but keeps jittering; inverse-time decay lr0 / (1 + decay·t) (the blog post&apos;s, with its sign fixed), exponential, step and cosine decay shrink the steps so the runs settle, each at its own pace. The loss plot shows every rate over the steps.</source>
        <translation>잡음 섞인 SGD를 다섯 가지 스케줄로 실행합니다. 학습률이 일정하면 최솟점 근처에 빨리 이르지만 계속 흔들립니다. 역시간 감쇠 lr0 / (1 + decay·t)(블로그 글의 식에서 부호를 고친 것), 지수 감쇠, 계단식 감쇠, 코사인 어닐링은 보폭을 줄여 실행이 저마다의 속도로 자리를 잡게 합니다. 손실 그래프에 단계별 학습률이 모두 표시됩니다.</translation>
    </message>
    <message>
        <source>Second-order methods for contrast</source>
        <translation>비교를 위한 이차 방법</translation>
    </message>
    <message>
        <source>Newton&apos;s method, nonlinear conjugate gradients and L-BFGS beside GD and Adam on Rosenbrock from (−1.5, 2). Newton uses the exact Hessian and is at the minimum in 9 steps; CG and L-BFGS use only gradients but choose each step&apos;s length by a line search (26 and 42 steps, with more evaluations of f than steps: the f evals column); Adam takes 1877 steps and GD does not get there in 3000. Select a run and open the Explain panel (E) to see each step&apos;s Hessian, direction and step length.</source>
        <translation>Rosenbrock에서 (−1.5, 2)부터 GD, Adam과 나란히 뉴턴 방법, 비선형 켤레 기울기법, L-BFGS를 실행합니다. 뉴턴 방법은 정확한 헤세 행렬을 써서 9단계 만에 최솟값에 닿습니다. CG와 L-BFGS는 기울기만 쓰지만 선 탐색으로 각 단계의 길이를 고릅니다(26단계와 42단계, 단계보다 f 계산이 많습니다: f 계산 수 열). Adam은 1877단계가 걸리고 GD는 3000단계 안에 도착하지 못합니다. 실행을 선택하고 설명 패널(E)을 열면 각 단계의 헤세 행렬, 방향, 단계 길이를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Is Adam better than momentum on Rosenbrock?</source>
        <translation>Rosenbrock에서 Adam이 모멘텀보다 나을까?</translation>
    </message>
    <message>
        <source>A fair comparison rather than one hand-picked run: the preset opens the Compare dock (Ctrl+Shift+C) with its protocol. Each optimizer tries the same 32 learning rates on 32 tuning starts and is judged with its best on 256 other starts. Momentum succeeds from more starts but diverges from some; Adam never diverges and, where it succeeds, gets there sooner. The runtime profile shows both at once; click a start on a map to watch that run.</source>
        <translation>골라 낸 실행 하나가 아닌 공정한 비교입니다. 이 프리셋은 비교 도크(Ctrl+Shift+C)를 그 절차와 함께 엽니다. 각 최적화기는 조정용 시작점 32개에서 같은 학습률 32개를 시도하고, 가장 좋은 값으로 다른 시작점 256개에서 평가받습니다. 모멘텀은 더 많은 시작점에서 성공하지만 일부에서는 발산하고, Adam은 발산하지 않으며 성공할 때는 더 빨리 도달합니다. 실행 시간 프로파일이 둘을 한눈에 보여 주며, 지도에서 시작점을 클릭하면 그 실행을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Rastrigin: who finds the global minimum?</source>
        <translation>Rastrigin: 누가 전역 최솟값을 찾을까?</translation>
    </message>
    <message>
        <source>GD, Momentum, RMSprop and Adam, each tuned on the same budget and judged on 256 starts in the Compare dock: hardly any run reaches the global minimum at (0, 0), only those that start in its basin. The maps show where each run ended: almost all in the nearest of Rastrigin&apos;s many local minima, which no step size of a gradient method escapes here.</source>
        <translation>GD, 모멘텀, RMSprop, Adam을 같은 예산으로 조정하고 비교 도크에서 시작점 256개로 평가합니다. 전역 최솟값 (0, 0)에 도달하는 실행은 거의 없으며, 그 분지에서 출발한 실행뿐입니다. 지도는 각 실행이 끝난 곳을 보여 줍니다. 거의 모두 Rastrigin의 수많은 국소 최솟값 중 가장 가까운 곳에서 멈추며, 여기서는 어떤 학습률의 경사 방법도 그곳을 벗어나지 못합니다.</translation>
    </message>
    <message>
        <source>Fitting a line: full batch against mini-batches</source>
        <translation>직선 맞추기: 전체 배치 대 미니배치</translation>
    </message>
    <message>
        <source>The loss of a straight line over 100 noisy points, as a map over its slope p1 and intercept p2. GD computes the gradient from every sample and slides to the least-squares fit; SGD and Adam use 8 samples a step, so their paths jitter around the fit and never settle with a constant learning rate. Open the Data view and scrub: the line swings into place.</source>
        <translation>잡음 섞인 점 100개에 대한 직선의 손실을 직선의 기울기 p1과 절편 p2에 대한 지도로 나타냅니다. GD는 모든 샘플로 기울기를 계산해 최소제곱 적합으로 미끄러져 갑니다. SGD와 Adam은 단계마다 샘플 8개를 쓰므로 경로가 적합점 주위에서 흔들리며, 학습률이 일정하면 끝내 자리 잡지 못합니다. 데이터 보기를 열고 재생 위치를 끌어 보세요: 직선이 제자리를 찾아 들어갑니다.</translation>
    </message>
    <message>
        <source>A tanh neuron: two minima and a saddle</source>
        <translation>tanh 뉴런: 두 최솟점과 안장점</translation>
    </message>
    <message>
        <source>p2·tanh(p1·x) draws the same curve for (p1, p2) and (−p1, −p2): the loss has two equal minima, mirror images through the origin, where a saddle sits with zero gradient. Which minimum a run reaches depends on the side it starts on; both give the same fit on the Data view. The basin map (B) shows the two halves.</source>
        <translation>p2·tanh(p1·x)는 (p1, p2)와 (−p1, −p2)에서 같은 곡선을 그립니다: 손실에는 원점 대칭인 높이가 같은 최솟점이 두 개 있고, 원점에는 기울기가 0인 안장점이 있습니다. 실행이 어느 최솟점에 이르는지는 출발한 쪽에 따라 정해지며, 데이터 보기에서는 둘 다 같은 적합 결과를 보여 줍니다. 수렴 영역 지도(B)는 두 영역을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Separable classes: the loss has no minimum</source>
        <translation>분리 가능한 클래스: 최솟값이 없는 손실</translation>
    </message>
    <message>
        <source>When a threshold separates the two classes, logistic regression&apos;s loss keeps falling as the slope grows: there is no minimum, and no star. The runs never converge; their parameters grow without bound, ever more slowly, and the probability curve on the Data view sharpens into a step. More noise in the data makes the classes overlap and a minimum appear.</source>
        <translation>임계값 하나로 두 클래스가 나뉘면 로지스틱 회귀의 손실은 기울기가 커질수록 계속 줄어듭니다: 최솟값이 없으므로 별표도 없습니다. 실행은 결코 수렴하지 않고 매개변수는 점점 더 느리게 한없이 커지며, 데이터 보기의 확률 곡선은 점점 가팔라져 계단 모양이 됩니다. 데이터의 잡음을 늘리면 클래스가 겹치면서 최솟값이 생깁니다.</translation>
    </message>
    <message>
        <source>Optimizers</source>
        <translation>최적화기</translation>
    </message>
    <message>
        <source>Reading the window</source>
        <translation>화면 읽는 법</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>프리셋</translation>
    </message>
</context>
</TS>
