<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Guide</name>
    <message>
        <source>GD: gradient descent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes a step downhill, against the gradient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step is the learning rate η times the slope, so it is long where the surface is steep and short where it is flat. Too large a rate overshoots and can diverge; too small a rate crawls. This is the blog post&apos;s first run and the reference for all the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key hyperparameter: lr (η). In torch: torch.optim.SGD without momentum, given the exact gradient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGD: stochastic gradient descent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same step as GD, but with a noisy gradient: here the gradient of a random mini-batch of the function&apos;s terms (Beale is a sum of three squared terms), scaled so that on average it equals the true gradient; functions without terms get Gaussian noise added instead. Training a neural network works this way, because the gradient of the whole data set costs too much at every step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path jitters, and near a minimum the noise keeps it moving unless the learning rate decays. Key hyperparameters: lr, the batch size and noise scale of the stochastic gradient, and its seed, which makes a run repeat exactly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps a velocity, a running sum of past gradients, and steps along it (torch&apos;s form; the blog post&apos;s v ← γv − ηg, w ← w + v is the same at a constant rate):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the gradients keep pointing the same way the steps grow, up to 1 / (1 − μ) times GD&apos;s (ten times for μ = 0.9), so it rolls quickly down long gentle slopes and damps zigzags across a valley. It also overshoots a minimum and swings back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key hyperparameters: lr and momentum μ (0.9 is usual); dampening scales the new gradient by 1 − dampening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum that looks ahead: the step adds the current gradient to the updated velocity, as if it measured the slope where the velocity is about to carry the point:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It reacts sooner when the slope turns, so it overshoots less than plain momentum. In torch: torch.optim.SGD with nesterov=True. Key hyperparameters: lr and momentum μ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gives each coordinate its own learning rate: it adds up the squares of all the gradients so far and divides the step by their root:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A coordinate with large gradients takes small steps and one with small or rare gradients keeps large ones, which suits sparse features such as word embeddings. Because the sum only grows, the steps keep shrinking and can stall before the minimum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key hyperparameters: lr, eps (ε, 1e-10) and the initial value of the sum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adagrad with a memory that fades: instead of a sum it keeps a moving average of the squared gradients:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dividing by the recent size of the gradient makes each step about η long whatever the slope, so it does not stall as Adagrad does; near a minimum these even-sized steps can rattle back and forth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key hyperparameters: lr, alpha (α, 0.99: how long the memory lasts), eps, and an optional momentum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum and RMSprop together. It keeps a moving average of the gradients (the first moment m) and one of their squares (the second moment v):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both start at 0, so at first they are too small; dividing by 1 − β₁ᵗ and 1 − β₂ᵗ (the bias corrections, m̂ and v̂) makes up for it. Then it steps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each step is about η long on each axis, in the direction of the averaged gradient. Adam is the usual first choice for training deep networks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key hyperparameters: lr (0.001 by default), beta1 (β₁, 0.9), beta2 (β₂, 0.999) and eps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam with decoupled weight decay (Loshchilov and Hutter): instead of adding λw to the gradient, where Adam&apos;s division would weaken it, it shrinks the weights directly, w ← w − ηλw, and then takes Adam&apos;s step. It is the usual optimizer for training transformers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key hyperparameters: Adam&apos;s, and weight_decay (λ, 0.01 by default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAdam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam with Nesterov momentum (Dozat): its step combines the current gradient with the first moment, looking a step ahead as Nesterov momentum does. Its momentum factor starts at about half of β₁ and grows towards β₁ only slowly, over thousands of steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key hyperparameters: Adam&apos;s (lr 0.002 by default) and momentum_decay (0.004), which sets how fast the momentum factor grows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AMSGrad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam that never lets the second moment shrink (Reddi, Kale and Kumar): it divides by the largest v seen so far, so a coordinate&apos;s step cannot suddenly grow after a stretch of small gradients. It was made to fix cases where Adam fails to converge. In torch: torch.optim.Adam with amsgrad=True.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key hyperparameters: Adam&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adadelta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zeiler&apos;s answer to Adagrad&apos;s shrinking steps: it keeps moving averages of the squared gradients (v) and of the squared steps (u), and scales each gradient by the ratio of their roots:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step so has the units of w and needs no learning rate; torch keeps one (lr, 1.0 by default) that multiplies it. Its first steps are tiny, of the order of √ε, so it starts slowly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key hyperparameters: rho (0.9), eps (1e-6) and lr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Explain panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View &gt; Explain (E) shows the selected run&apos;s update at the playhead step: the rule, then each quantity with this step&apos;s numbers put in and the value the engine recorded. Select a run by clicking its row in the results table or its path on the canvas; Left and Right step through it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mechanics arrows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View &gt; Mechanics arrows (M) draws three arrows at each path&apos;s head, in its optimizer&apos;s colour: the descent direction −∇f (solid), the velocity or first moment the optimizer carries (outlined; only optimizers that have one), and the step actually taken to the next point (dashed, open head).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directions are exact; lengths are on a log scale, each kind on its own, so that tiny and huge vectors both show. Where the step does not point along −∇f, the optimizer is doing more than descent: carrying momentum, or scaling each axis differently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The effective learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The adaptive optimizers (Adagrad, RMSprop, Adam and its variants, Adadelta) give each axis a rate of its own: the step along x is the gradient (or Adam&apos;s first moment) along x times that axis&apos;s rate, η divided by the root of the averaged squared gradients. The results table&apos;s columns eff. lr x and eff. lr y and the Explain panel show it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A large effective rate on an axis means its gradients were small; that is how these methods take even-sized steps where slopes differ by orders of magnitude. GD and momentum use the same η on both axes, so the columns are blank for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stop rule and divergence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before each update the loss is compared with the previous one; once the change |Δf| is smaller than the stop tolerance, the run makes that update and stops, marked converged, as the blog post&apos;s loop does. Converged means the loss stopped changing, not that the minimum was reached: a run crawling along a flat valley can stop too. A run that never gets there stops at the maximum number of steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run diverges when its point, f or the gradient stops being finite or grows past a huge bound. It stops there, keeps its last finite point, is drawn up to it with a red cross, and its row turns red. Usually the learning rate was too large for the curvature there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basin map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View &gt; Basin map (B) runs the current optimizer from every point of a grid over the view and colours each point by where its run ended: which minimum, how many steps it took, or that it diverged (hatched). It shows which starts lead where, and how that changes with the optimizer and its settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hyperparameter search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools &gt; Search hyperparameters (Ctrl+F) runs one optimizer with one or two hyperparameters varied over a range, on a linear or log scale, by grid, random or coarse-to-fine sampling, as in the blog post&apos;s last sections, and plots the final loss, the steps to the tolerance or the distance to the nearest minimum. A log scale suits learning rates, whose useful values span decades. Clicking a result loads its settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient descent on Beale, step by step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The blog post&apos;s first run, digit for digit: GD with lr 0.01 from (0.7, 1.4), stopping when |Δf| &lt; 1e-5. It shows plain descent: long steps down the steep side, then slow progress along the flat, curved valley towards (3, 0.5), where it stops at step 516.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum overshoots and swings back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The blog post&apos;s second run: momentum 0.9 with lr 0.01, stopping when |Δf| &lt; 1e-7. The velocity carries the run past the minimum (3, 0.5) and back before it settles at step 379; turn on the mechanics arrows (M) to watch the velocity turn round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Six optimizers race on Beale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GD, SGD, Momentum, Adagrad, RMSprop and Adam from the same start, side by side: Momentum overshoots, Adagrad&apos;s steps shrink as its sum grows, RMSprop and Adam take even-sized steps whatever the slope, and SGD follows one of Beale&apos;s terms at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escaping a saddle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f = x² + y⁴/4 − y²/2 has a saddle at (0, 0) between two minima. Started almost on the ridge, GD slides into the saddle and crawls out, because the slope away from it is tiny; momentum builds up speed, Adam&apos;s division makes its first steps full-sized, and noise knocks SGD off the ridge. It shows why plain descent is slow near saddle points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Rosenbrock valley</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A narrow, curved, flat-bottomed valley: GD zigzags down into it and then crawls along the floor; Momentum and Nesterov build up speed along it; RMSprop&apos;s even-sized steps rattle and stall; Adam reaches (1, 1). It shows what a badly conditioned surface does to each method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Himmelblau&apos;s four minima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four starts close together around Himmelblau&apos;s central peak. GD goes into a different minimum from each; Momentum and Adam send some runs elsewhere. It shows that where a run ends depends on the optimizer as much as on the start; the basin map (B) shows it for every start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noisy SGD against Adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mini-batch gradients plus Gaussian noise. Near the minimum the true gradient vanishes but the noise does not: SGD&apos;s steps shrink with the gradient and it stays close, while Adam divides by the gradient&apos;s running size, so its steps stay about lr long and it keeps wandering. GD with the exact gradient is the reference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning-rate decay compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noisy SGD under five schedules. At a constant rate it gets near the minimum fast but keeps jittering; inverse-time decay lr0 / (1 + decay·t) (the blog post&apos;s, with its sign fixed), exponential, step and cosine decay shrink the steps so the runs settle, each at its own pace. The loss plot shows every rate over the steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
