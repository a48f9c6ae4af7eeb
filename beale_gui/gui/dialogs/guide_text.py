"""The guide's text: what each optimizer does, what the window's marks mean, what each preset
shows. Short paragraphs in plain words, each translated (context "Guide") when the guide is
built, so it comes in the interface's language.

Each section has an anchor the guide opens at: ``optimizer-<name>`` for each optimizer in the
registry (:func:`optimizer_anchor`; the Explain panel links there), ``preset-<file stem>`` for
each shipped preset (:func:`preset_anchor`), and a word for the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Section:
    """One section of the guide: its anchor, its title and its paragraphs (plain text; a
    paragraph starting with "= " is a formula, shown on a line of its own)."""

    anchor: str
    title: str
    paragraphs: tuple[str, ...]


def optimizer_anchor(name: str) -> str:
    """The anchor of optimizer ``name``'s section (``adam`` -> ``optimizer-adam``)."""
    return f"optimizer-{name}"


def preset_anchor(path: Path | str) -> str:
    """The anchor of the preset in file ``path`` (``01-seed-gd.json`` -> ``preset-01-seed-gd``)."""
    return f"preset-{Path(path).stem}"


def _optimizers() -> list[Section]:
    return [
        Section(optimizer_anchor("gd"), translate("Guide", "GD: gradient descent"), (
            translate("Guide", "Takes a step downhill, against the gradient:"),
            "= w ← w − η ∇f(w)",
            translate("Guide", "The step is the learning rate η times the slope, so it is long "
                               "where the surface is steep and short where it is flat. Too large "
                               "a rate overshoots and can diverge; too small a rate crawls. This "
                               "is the blog post's first run and the reference for all the "
                               "others."),
            translate("Guide", "Key hyperparameter: lr (η). In torch: torch.optim.SGD without "
                               "momentum, given the exact gradient."),
        )),
        Section(optimizer_anchor("sgd"), translate("Guide", "SGD: stochastic gradient descent"), (
            translate("Guide", "The same step as GD, but with a noisy gradient: here the "
                               "gradient of a random mini-batch of the function's terms (Beale "
                               "is a sum of three squared terms), scaled so that on average it "
                               "equals the true gradient; functions without terms get Gaussian "
                               "noise added instead. Training a neural network works this way, "
                               "because the gradient of the whole data set costs too much at "
                               "every step."),
            translate("Guide", "The path jitters, and near a minimum the noise keeps it moving "
                               "unless the learning rate decays. Key hyperparameters: lr, the "
                               "batch size and noise scale of the stochastic gradient, and its "
                               "seed, which makes a run repeat exactly."),
        )),
        Section(optimizer_anchor("momentum"), translate("Guide", "Momentum"), (
            translate("Guide", "Keeps a velocity, a running sum of past gradients, and steps "
                               "along it (torch's form; the blog post's v ← γv − ηg, w ← w + v "
                               "is the same at a constant rate):"),
            "= v ← μ v + g,   w ← w − η v",
            translate("Guide", "Where the gradients keep pointing the same way the steps grow, "
                               "up to 1 / (1 − μ) times GD's (ten times for μ = 0.9), so it "
                               "rolls quickly down long gentle slopes and damps zigzags across a "
                               "valley. It also overshoots a minimum and swings back."),
            translate("Guide", "Key hyperparameters: lr and momentum μ (0.9 is usual); dampening "
                               "scales the new gradient by 1 − dampening."),
        )),
        Section(optimizer_anchor("nesterov"), translate("Guide", "Nesterov momentum"), (
            translate("Guide", "Momentum that looks ahead: the step adds the current gradient to "
                               "the updated velocity, as if it measured the slope where the "
                               "velocity is about to carry the point:"),
            "= v ← μ v + g,   w ← w − η (g + μ v)",
            translate("Guide", "It reacts sooner when the slope turns, so it overshoots less "
                               "than plain momentum. In torch: torch.optim.SGD with "
                               "nesterov=True. Key hyperparameters: lr and momentum μ."),
        )),
        Section(optimizer_anchor("sfsgd"), translate("Guide", "Schedule-Free SGD"), (
            translate("Guide", "Defazio et al. (2024) replace the learning-rate schedule by an "
                               "average. Plain SGD steps z; x is the running average of every z "
                               "so far; the gradient is taken at y, a mix of the two:"),
            "= z ← z − η ∇f(y),   x ← (1 − c) x + c z,   y = β x + (1 − β) z",
            translate("Guide", "At a constant rate c = 1/t, so x is the plain mean of the "
                               "iterates, which settles where SGD would only jitter without a "
                               "decaying rate. The answer is x, and the path drawn is x, with "
                               "f at x in the loss plot and the table; the gradient is taken at "
                               "y, which stays close to x. The Explain panel shows y, x and "
                               "z."),
            translate("Guide", "Key hyperparameters: lr, momentum β (0.9) and warmup_steps, a "
                               "linear warm-up of the rate. Reference: facebookresearch/"
                               "schedule_free (SGDScheduleFree)."),
        )),
        Section(optimizer_anchor("asgd"), translate("Guide", "ASGD"), (
            translate("Guide", "Averaged SGD (Polyak and Juditsky): gradient descent whose "
                               "weights decay by λ and whose step size γ shrinks slowly, which "
                               "also keeps the average of the points it visits from step t0 "
                               "on:"),
            "= w ← (1 − λγ) w − γ g,   γ = η / (1 + λ η t)^α",
            translate("Guide", "With noisy gradients the average lands nearer the minimum than "
                               "the jittering point; the path drawn is the point, and the "
                               "Explain panel shows the average. With torch's defaults the step "
                               "size hardly shrinks and the averaging starts only after a "
                               "million steps: set t0 low to see it."),
            translate("Guide", "Key hyperparameters: lr, lambd (λ, 1e-4), alpha (α, 0.75) and "
                               "t0."),
        )),
        Section(optimizer_anchor("adagrad"), translate("Guide", "Adagrad"), (
            translate("Guide", "Gives each coordinate its own learning rate: it adds up the "
                               "squares of all the gradients so far and divides the step by "
                               "their root:"),
            "= s ← s + g²,   w ← w − η g / (√s + ε)",
            translate("Guide", "A coordinate with large gradients takes small steps and one with "
                               "small or rare gradients keeps large ones, which suits sparse "
                               "features such as word embeddings. Because the sum only grows, "
                               "the steps keep shrinking and can stall before the minimum."),
            translate("Guide", "Key hyperparameters: lr, eps (ε, 1e-10) and the initial value of "
                               "the sum."),
            translate("Guide", "lr_decay (k, 0 by default) also shrinks the rate as torch does: "
                               "step t uses η / (1 + (t − 1) k)."),
        )),
        Section(optimizer_anchor("rmsprop"), translate("Guide", "RMSprop"), (
            translate("Guide", "Adagrad with a memory that fades: instead of a sum it keeps a "
                               "moving average of the squared gradients:"),
            "= v ← α v + (1 − α) g²,   w ← w − η g / (√v + ε)",
            translate("Guide", "Dividing by the recent size of the gradient makes each step "
                               "about η long whatever the slope, so it does not stall as Adagrad "
                               "does; near a minimum these even-sized steps can rattle back and "
                               "forth."),
            translate("Guide", "Key hyperparameters: lr, alpha (α, 0.99: how long the memory "
                               "lasts), eps, and an optional momentum."),
            translate("Guide", "centered = 1 (torch's centered=True) also keeps a moving average "
                               "ḡ of the gradients and divides by √(v − ḡ²), the spread of the "
                               "recent gradients rather than their size: where the gradient is "
                               "large but steady the steps grow."),
        )),
        Section(optimizer_anchor("adam"), translate("Guide", "Adam"), (
            translate("Guide", "Momentum and RMSprop together. It keeps a moving average of the "
                               "gradients (the first moment m) and one of their squares (the "
                               "second moment v):"),
            "= m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²",
            translate("Guide", "Both start at 0, so at first they are too small; dividing them by "
                               "1 − β₁ᵗ and 1 − β₂ᵗ (the bias corrections; the corrected moments "
                               "wear hats below) makes up for it. Then it steps:"),
            "= w ← w − η m̂ / (√v̂ + ε)",
            translate("Guide", "Each step is about η long on each axis, in the direction of the "
                               "averaged gradient. Adam is the usual first choice for training "
                               "deep networks."),
            translate("Guide", "Key hyperparameters: lr (0.001 by default), beta1 (β₁, 0.9), "
                               "beta2 (β₂, 0.999) and eps."),
        )),
        Section(optimizer_anchor("adamw"), translate("Guide", "AdamW"), (
            translate("Guide", "Adam with decoupled weight decay (Loshchilov and Hutter): "
                               "instead of adding λw to the gradient, where Adam's division "
                               "would weaken it, it shrinks the weights directly, w ← w − ηλw, "
                               "and then takes Adam's step. It is the usual optimizer for "
                               "training transformers."),
            translate("Guide", "Key hyperparameters: Adam's, and weight_decay (λ, 0.01 by "
                               "default)."),
        )),
        Section(optimizer_anchor("sfadamw"), translate("Guide", "Schedule-Free AdamW"), (
            translate("Guide", "The same averaging as Schedule-Free SGD, with z stepped by "
                               "Adam's per-axis rate (a second moment v, no first moment: the "
                               "averaging takes its place):"),
            "= z ← z − η g / (√v̂ + ε),   x ← (1 − c) x + c z,   y = β₁ x + (1 − β₁) z",
            translate("Guide", "As for Schedule-Free SGD the path drawn is the average x it "
                               "returns; the gradient is taken at y. Key hyperparameters: "
                               "lr (0.0025), beta1 (the mix, 0.9), beta2, eps, warmup_steps and "
                               "a weight decay taken at y. Reference: AdamWScheduleFree."),
        )),
        Section(optimizer_anchor("nadam"), translate("Guide", "NAdam"), (
            translate("Guide", "Adam with Nesterov momentum (Dozat): its step combines the "
                               "current gradient with the first moment, looking a step ahead as "
                               "Nesterov momentum does. Its momentum factor starts at about half "
                               "of β₁ and grows towards β₁ only slowly, over thousands of steps."),
            translate("Guide", "Key hyperparameters: Adam's (lr 0.002 by default) and "
                               "momentum_decay (0.004), which sets how fast the momentum factor "
                               "grows."),
            translate("Guide", "With decoupled_weight_decay set to 1 (0 by default) its weight "
                               "decay shrinks the weights directly, w ← w − ηλw, as AdamW does, "
                               "instead of being added to the gradient: torch's NAdamW."),
        )),
        Section(optimizer_anchor("amsgrad"), translate("Guide", "AMSGrad"), (
            translate("Guide", "Adam that never lets the second moment shrink (Reddi, Kale and "
                               "Kumar): it divides by the largest v seen so far, so a "
                               "coordinate's step cannot suddenly grow after a stretch of small "
                               "gradients. It was made to fix cases where Adam fails to "
                               "converge. In torch: torch.optim.Adam with amsgrad=True."),
            translate("Guide", "Key hyperparameters: Adam's."),
        )),
        Section(optimizer_anchor("adamax"), translate("Guide", "Adamax"), (
            translate("Guide", "Adam with the infinity norm in place of the second moment "
                               "(Kingma and Ba, in the paper that introduced Adam): instead of a "
                               "moving average of g², it keeps u, a slowly decaying maximum of "
                               "|g|:"),
            "= m ← β₁ m + (1 − β₁) g,   u ← max(β₂ u, |g| + ε),   w ← w − η m / ((1 − β₁ᵗ) u)",
            translate("Guide", "Only m needs a bias correction. As |m| hardly exceeds u, each "
                               "step is at most about η on each axis, and one large gradient keeps "
                               "the steps small for a long while."),
            translate("Guide", "Key hyperparameters: lr (0.002 by default), beta1 (β₁, 0.9), "
                               "beta2 (β₂, 0.999) and eps. In torch: torch.optim.Adamax."),
        )),
        Section(optimizer_anchor("radam"), translate("Guide", "RAdam"), (
            translate("Guide", "Rectified Adam (Liu et al.): in the first steps v rests on a few "
                               "gradients, so Adam's rate varies wildly. RAdam measures how "
                               "reliable v is by ρ, the length of the moving average it "
                               "approximates:"),
            "= ρ∞ = 2 / (1 − β₂) − 1,   ρₜ = ρ∞ − 2t β₂ᵗ / (1 − β₂ᵗ)",
            translate("Guide", "While ρ is 5 or less it takes a step of SGD with momentum, "
                               "w ← w − η m / (1 − β₁ᵗ); after that Adam's step times a "
                               "rectification r that grows towards 1. With the defaults the first "
                               "five steps are momentum steps; the Explain panel says which kind "
                               "each step was. It needs no warm-up of the learning rate."),
            "= w ← w − η r m̂ √(1 − β₂ᵗ) / (√v + ε)",
            translate("Guide", "Key hyperparameters: Adam's (lr 0.001 by default), weight_decay, "
                               "and decoupled_weight_decay (1: decay the weights directly, as "
                               "AdamW does). In torch: torch.optim.RAdam."),
        )),
        Section(optimizer_anchor("adabelief"), translate("Guide", "AdaBelief"), (
            translate("Guide", "Adam that divides by how far the gradient strays from its "
                               "running mean m (Zhuang et al. 2020), not by the gradient's own "
                               "size:"),
            "= s ← β₂ s + (1 − β₂) (g − m)² + ε,   w ← w − η m̂ / (√ŝ + ε)",
            translate("Guide", "Where the gradient is as predicted (a long even slope, even a "
                               "steep one) the steps are large; where it keeps changing they are "
                               "small. The PyTorch package rectifies the first steps as RAdam "
                               "does (rectify = 1: momentum SGD for the first five steps); "
                               "rectify = 0 is the paper's update. Key hyperparameters: lr, "
                               "beta1, beta2, eps (1e-16). Reference: juntang-zhuang/"
                               "Adabelief-Optimizer."),
        )),
        Section(optimizer_anchor("yogi"), translate("Guide", "Yogi"), (
            translate("Guide", "Adam with an additive second moment (Zaheer et al. 2018): v "
                               "moves towards g² by a fixed fraction of g², not of the "
                               "difference:"),
            "= v ← v − (1 − β₂) sign(v − g²) g²,   w ← w − η m̂ / (√v̂ + ε)",
            translate("Guide", "When the gradients suddenly shrink, v falls slowly, so the "
                               "effective rate does not jump. Key hyperparameters: lr (0.01), "
                               "beta1, beta2, a larger eps (1e-3) and the moments' starting "
                               "value (1e-6). Reference: the authors' TensorFlow version, as "
                               "torch-optimizer's Yogi."),
        )),
        Section(optimizer_anchor("lion"), translate("Guide", "Lion"), (
            translate("Guide", "Found by a program search (Chen et al. 2023): the step is the "
                               "sign of a mix of the momentum and the gradient, so every axis "
                               "moves by exactly the learning rate:"),
            "= c = sign(β₁ m + (1 − β₁) g),   w ← w − η c,   m ← β₂ m + (1 − β₂) g",
            translate("Guide", "The size of the gradient is ignored, only its direction counts: "
                               "the path moves at a constant speed along the diagonals and "
                               "zigzags around a minimum by ±η. Its rate is usually 3 to 10 times "
                               "smaller than AdamW's. Key hyperparameters: lr (1e-4), beta1 "
                               "(0.9), beta2 (0.99) and a decoupled weight decay. Reference: "
                               "lucidrains/lion-pytorch."),
        )),
        Section(optimizer_anchor("adadelta"), translate("Guide", "Adadelta"), (
            translate("Guide", "Zeiler's answer to Adagrad's shrinking steps: it keeps moving "
                               "averages of the squared gradients (v) and of the squared steps "
                               "(u), and scales each gradient by the ratio of their roots:"),
            "= Δw = √(u + ε) / √(v + ε) · g,   w ← w − η Δw",
            translate("Guide", "The step so has the units of w and needs no learning rate; torch "
                               "keeps one (lr, 1.0 by default) that multiplies it. Its first "
                               "steps are tiny, of the order of √ε, so it starts slowly."),
            translate("Guide", "Key hyperparameters: rho (0.9), eps (1e-6) and lr."),
        )),
        Section(optimizer_anchor("rprop"), translate("Guide", "Rprop"), (
            translate("Guide", "Resilient backpropagation (Riedmiller and Braun) uses only the "
                               "sign of each partial derivative. Every axis has its own step "
                               "size s: it grows by etaplus (1.2) while the sign stays the same "
                               "and shrinks by etaminus (0.5) when it flips, and then that axis "
                               "waits one step:"),
            "= w ← w − s · sign(g)",
            translate("Guide", "The size of the gradient does not matter, so steep walls and "
                               "flat plateaus are crossed at the same pace, and the path moves "
                               "along diagonals. It suits full-batch gradients, not noisy ones."),
            translate("Guide", "Key hyperparameters: lr (the first step size, 0.01; a schedule "
                               "does not change it later), etaminus, etaplus and the smallest "
                               "and largest step sizes (1e-6 and 50)."),
        )),
        Section(optimizer_anchor("newton"), translate("Guide", "Newton's method"), (
            translate("Guide", "A second-order method, for contrast with the first-order ones: "
                               "it fits a quadratic to f at the point, using the exact Hessian "
                               "H (the matrix of second derivatives), and steps to that "
                               "quadratic's stationary point:"),
            "= w ← w − η (H + μI)⁻¹ ∇f(w)",
            translate("Guide", "Near a minimum it converges in a handful of steps (on "
                               "Rosenbrock from (−1.5, 2) in 8) where gradient descent takes "
                               "thousands, because the Hessian rescales the valley's steep and "
                               "flat directions alike. But it cannot tell down from up: where H "
                               "is indefinite (a saddle) or negative definite (a hilltop) it "
                               "steps toward the saddle or the maximum. The Explain panel says "
                               "which case each step was; where H is singular there is no "
                               "Newton step and it takes the gradient's."),
            translate("Guide", "Key hyperparameters: lr (η, the fraction of the step taken, 1) "
                               "and damping (μ, 0: the pure method; larger values bend the step "
                               "toward the gradient's, as Levenberg's method does). Each step "
                               "evaluates f and its gradient once and the Hessian once."),
        )),
        Section(optimizer_anchor("lbfgs"), translate("Guide", "L-BFGS"), (
            translate("Guide", "A quasi-Newton method, as torch.optim.LBFGS with one iteration "
                               "per step. It remembers the last steps s and the changes y of "
                               "the gradient they caused, and from them builds an estimate H of "
                               "the inverse Hessian (the two-loop recursion), without ever "
                               "computing a second derivative:"),
            "= d = −H ∇f(w),   w ← w + α d",
            translate("Guide", "The first step is the gradient's, scaled to a length of at most "
                               "lr. Without a line search α is lr; with the strong-Wolfe line "
                               "search (line_search 1) α is tried along d until f has dropped "
                               "enough and the slope has flattened, so a step may evaluate the "
                               "function several times (the evaluation count). A pair joins the "
                               "memory only where y·s > 1e-10, and no step is taken where d "
                               "does not go downhill."),
            translate("Guide", "Key hyperparameters: lr (1), history_size (100 pairs), "
                               "line_search (0: none, torch's default), tolerance_grad (1e-7) "
                               "and tolerance_change (1e-9)."),
        )),
        Section(optimizer_anchor("cg"), translate("Guide", "CG: nonlinear conjugate gradients"), (
            translate("Guide", "Each direction is the negative gradient plus a share β of the "
                               "last direction, and a strong-Wolfe line search picks the step "
                               "along it (Nocedal and Wright, ch. 5.2):"),
            "= d = −∇f(w) + β d′,   w ← w + α d",
            translate("Guide", "Fletcher–Reeves takes β = |g|² / |g′|²; Polak–Ribière+ takes "
                               "β = max(0, g·(g − g′) / |g′|²), which restarts by itself when "
                               "progress stalls. On a quadratic bowl the directions are "
                               "conjugate and the minimum is reached in two steps; elsewhere it "
                               "restarts with the plain gradient every few steps."),
            translate("Guide", "Key hyperparameters: beta_rule (0: Fletcher–Reeves, 1: "
                               "Polak–Ribière+), restart (every 2 steps; 0: never) and lr (the "
                               "line search's first trial step, 1)."),
        )),
    ]


def _window() -> list[Section]:
    return [
        Section("explain", translate("Guide", "The Explain panel"), (
            translate("Guide", "View > Explain (E) shows the selected run's update at the "
                               "playhead step: the rule, then each quantity with this step's "
                               "numbers put in and the value the engine recorded. Select a run "
                               "by clicking its row in the results table or its path on the "
                               "canvas; Left and Right step through it."),
        )),
        Section("arrows", translate("Guide", "The mechanics arrows"), (
            translate("Guide", "View > Mechanics arrows (M) draws three arrows at each path's "
                               "head, in its optimizer's colour: the descent direction −∇f "
                               "(solid), the velocity or first moment the optimizer carries "
                               "(outlined; only optimizers that have one), and the step actually "
                               "taken to the next point (dashed, open head)."),
            translate("Guide", "Directions are exact; lengths are on a log scale, each kind on "
                               "its own, so that tiny and huge vectors both show. Where the step "
                               "does not point along −∇f, the optimizer is doing more than "
                               "descent: carrying momentum, or scaling each axis differently."),
        )),
        Section("effective-lr", translate("Guide", "The effective learning rate"), (
            translate("Guide", "The adaptive optimizers (Adagrad, RMSprop, Adam and its "
                               "variants, Adadelta) give each axis a rate of its own: the step "
                               "along x is the gradient (or Adam's first moment) along x times "
                               "that axis's rate, η divided by the root of the averaged squared "
                               "gradients. The results table's columns eff. lr x and eff. lr y "
                               "and the Explain panel show it."),
            translate("Guide", "A large effective rate on an axis means its gradients were "
                               "small; that is how these methods take even-sized steps where "
                               "slopes differ by orders of magnitude. GD and momentum use the "
                               "same η on both axes, so the columns are blank for them."),
        )),
        Section("switches", translate("Guide", "Switches and maximize"), (
            translate("Guide", "Options that are on or off (RMSprop's centered, NAdam's and "
                               "RAdam's decoupled_weight_decay, AdaBelief's rectify, maximize) "
                               "are check boxes: ticked is 1, unticked 0. On the command line "
                               "write 1 or 0, or true or false; a search over one tries each "
                               "value once."),
            translate("Guide", "maximize (torch's maximize=True, for every optimizer torch.optim "
                               "has) turns the gradient around before anything else, so the run "
                               "climbs f instead of descending; coupled weight decay is added "
                               "after, as in torch. Lion, AdaBelief, Yogi and the Schedule-Free "
                               "methods have none: their reference implementations do not."),
        )),
        Section("stop-rule", translate("Guide", "The stop rule and divergence"), (
            translate("Guide", "Before each update the loss is compared with the previous one; "
                               "once the change |Δf| is smaller than the stop tolerance, the run "
                               "makes that update and stops, marked converged, as the blog "
                               "post's loop does. Converged means the loss stopped changing, not "
                               "that the minimum was reached: a run crawling along a flat valley "
                               "can stop too. A run that never gets there stops at the maximum "
                               "number of steps."),
            translate("Guide", "A run diverges when its point, f or the gradient stops being "
                               "finite or grows past a huge bound. It stops there, keeps its "
                               "last finite point, is drawn up to it with a red cross, and its "
                               "row turns red. Usually the learning rate was too large for the "
                               "curvature there."),
        )),
        Section("basins", translate("Guide", "The basin map"), (
            translate("Guide", "View > Basin map (B) runs the current optimizer from every point "
                               "of a grid over the view and colours each point by where its run "
                               "ended: which minimum, how many steps it took, or that it "
                               "diverged (hatched). It shows which starts lead where, and how "
                               "that changes with the optimizer and its settings."),
        )),
        Section("models", translate("Guide", "Models on data"), (
            translate("Guide", "Function > Model on data… turns the canvas into the loss of a "
                               "model with two parameters, p1 and p2, over a data set: a line "
                               "p1·x + p2 (mean squared error), logistic regression σ(p1·x + "
                               "p2) on labels 0 and 1 (cross-entropy), or one tanh neuron "
                               "p2·tanh(p1·x). The star marks the best fit; the Data view "
                               "beside the canvas shows the samples and the selected run's "
                               "fitted curve at the playhead, which moves as the animation "
                               "plays or a start is dragged."),
            translate("Guide", "A batch size smaller than the number of samples makes a run "
                               "stochastic: each step's gradient comes from that many samples, "
                               "drawn without replacement through a shuffled epoch and "
                               "reshuffled each epoch, the same order for every run of the "
                               "seed. One epoch is n / batch steps. The loss plot still shows "
                               "the loss over all samples."),
        )),
        Section("curvature", translate("Guide", "The Curvature view"), (
            translate("Guide", "View > Curvature (K) shows the Hessian at the selected run's "
                               "head: its eigenvalues λmin and λmax, the condition number κ, "
                               "and an ellipse on the canvas whose long axis is the flat "
                               "direction. Gradient descent is stable only while lr·λmax < 2; "
                               "between 1 and 2 it zig-zags while it converges. The view "
                               "compares the run's learning rate with that bound (Momentum's "
                               "and Nesterov's are larger) and offers the best rates of the "
                               "local quadratic, which one click loads."),
            translate("Guide", "The small plot traces λmax along the path. With a constant "
                               "learning rate, gradient descent often climbs until λmax "
                               "reaches 2/lr and then hovers there: the edge of stability."),
        )),
        Section("search", translate("Guide", "Hyperparameter search"), (
            translate("Guide", "Tools > Search hyperparameters (Ctrl+F) runs one optimizer with "
                               "one or two hyperparameters varied over a range, on a linear or "
                               "log scale, by grid, random or coarse-to-fine sampling, as in the "
                               "blog post's last sections, and plots the final loss, the steps "
                               "to the tolerance or the distance to the nearest minimum. A log "
                               "scale suits learning rates, whose useful values span decades. "
                               "Clicking a result loads its settings."),
        )),
    ]


def _presets() -> dict[str, Section]:
    """The presets' sections by file stem (the titles are the presets' own)."""
    return {
        "01-seed-gd": Section(
            preset_anchor("01-seed-gd"),
            translate("Guide", "Gradient descent on Beale, step by step"), (
                translate("Guide", "The blog post's first run, digit for digit: GD with lr 0.01 "
                                   "from (0.7, 1.4), stopping when |Δf| < 1e-5. It shows plain "
                                   "descent: long steps down the steep side, then slow progress "
                                   "along the flat, curved valley towards (3, 0.5), where it "
                                   "stops at step 516."),
            )),
        "02-seed-momentum": Section(
            preset_anchor("02-seed-momentum"),
            translate("Guide", "Momentum overshoots and swings back"), (
                translate("Guide", "The blog post's second run: momentum 0.9 with lr 0.01, "
                                   "stopping when |Δf| < 1e-7. The velocity carries the run past "
                                   "the minimum (3, 0.5) and back before it settles at step 379; "
                                   "turn on the mechanics arrows (M) to watch the velocity turn "
                                   "round."),
            )),
        "03-seed-optimizers-on-beale": Section(
            preset_anchor("03-seed-optimizers-on-beale"),
            translate("Guide", "Six optimizers race on Beale"), (
                translate("Guide", "GD, SGD, Momentum, Adagrad, RMSprop and Adam from the same "
                                   "start, side by side: Momentum overshoots, Adagrad's steps "
                                   "shrink as its sum grows, RMSprop and Adam take even-sized "
                                   "steps whatever the slope, and SGD follows one of Beale's "
                                   "terms at a time."),
            )),
        "04-escaping-a-saddle": Section(
            preset_anchor("04-escaping-a-saddle"),
            translate("Guide", "Escaping a saddle"), (
                translate("Guide", "f = x² + y⁴/4 − y²/2 has a saddle at (0, 0) between two "
                                   "minima. Started almost on the ridge, GD slides into the "
                                   "saddle and crawls out, because the slope away from it is "
                                   "tiny; momentum builds up speed, Adam's division makes its "
                                   "first steps full-sized, and noise knocks SGD off the ridge. "
                                   "It shows why plain descent is slow near saddle points."),
            )),
        "05-rosenbrock-valley": Section(
            preset_anchor("05-rosenbrock-valley"),
            translate("Guide", "The Rosenbrock valley"), (
                translate("Guide", "A narrow, curved, flat-bottomed valley: GD zigzags down into "
                                   "it and then crawls along the floor; Momentum and Nesterov "
                                   "build up speed along it; RMSprop's even-sized steps rattle "
                                   "and stall; Adam reaches (1, 1). It shows what a badly "
                                   "conditioned surface does to each method."),
            )),
        "06-himmelblau-four-minima": Section(
            preset_anchor("06-himmelblau-four-minima"),
            translate("Guide", "Himmelblau's four minima"), (
                translate("Guide", "Four starts close together around Himmelblau's central peak. "
                                   "GD goes into a different minimum from each; Momentum and "
                                   "Adam send some runs elsewhere. It shows that where a run "
                                   "ends depends on the optimizer as much as on the start; the "
                                   "basin map (B) shows it for every start."),
            )),
        "07-noisy-sgd-vs-adam": Section(
            preset_anchor("07-noisy-sgd-vs-adam"),
            translate("Guide", "Noisy SGD against Adam"), (
                translate("Guide", "Mini-batch gradients plus Gaussian noise. Near the minimum "
                                   "the true gradient vanishes but the noise does not: SGD's "
                                   "steps shrink with the gradient and it stays close, while "
                                   "Adam divides by the gradient's running size, so its steps "
                                   "stay about lr long and it keeps wandering. GD with the exact "
                                   "gradient is the reference."),
            )),
        "08-learning-rate-decay": Section(
            preset_anchor("08-learning-rate-decay"),
            translate("Guide", "Learning-rate decay compared"), (
                translate("Guide", "Noisy SGD under five schedules. At a constant rate it gets "
                                   "near the minimum fast but keeps jittering; inverse-time "
                                   "decay lr0 / (1 + decay·t) (the blog post's, with its sign "
                                   "fixed), exponential, step and cosine decay shrink the steps "
                                   "so the runs settle, each at its own pace. The loss plot "
                                   "shows every rate over the steps."),
            )),
        "09-second-order-for-contrast": Section(
            preset_anchor("09-second-order-for-contrast"),
            translate("Guide", "Second-order methods for contrast"), (
                translate("Guide", "Newton's method, nonlinear conjugate gradients and L-BFGS "
                                   "beside GD and Adam on Rosenbrock from (−1.5, 2). Newton "
                                   "uses the exact Hessian and is at the minimum in 9 steps; CG "
                                   "and L-BFGS use only gradients but choose each step's length "
                                   "by a line search (26 and 42 steps, with more evaluations of "
                                   "f than steps: the f evals column); Adam takes 1877 steps and "
                                   "GD does not get there in 3000. Select a run and open the "
                                   "Explain panel (E) to see each step's Hessian, direction "
                                   "and step length."),
            )),
        "10-adam-or-momentum-on-rosenbrock": Section(
            preset_anchor("10-adam-or-momentum-on-rosenbrock"),
            translate("Guide", "Is Adam better than momentum on Rosenbrock?"), (
                translate("Guide", "A fair comparison rather than one hand-picked run: the "
                                   "preset opens the Compare dock (Ctrl+Shift+C) with its "
                                   "protocol. Each optimizer tries the same 32 learning rates "
                                   "on 32 tuning starts and is judged with its best on 256 "
                                   "other starts. Momentum succeeds from more starts but "
                                   "diverges from some; Adam never diverges and, where it "
                                   "succeeds, gets there sooner. The runtime profile shows "
                                   "both at once; click a start on a map to watch that run."),
            )),
        "11-rastrigin-who-finds-the-global-minimum": Section(
            preset_anchor("11-rastrigin-who-finds-the-global-minimum"),
            translate("Guide", "Rastrigin: who finds the global minimum?"), (
                translate("Guide", "GD, Momentum, RMSprop and Adam, each tuned on the same "
                                   "budget and judged on 256 starts in the Compare dock: "
                                   "hardly any run reaches the global minimum at (0, 0), only "
                                   "those that start in its basin. The maps show where each "
                                   "run ended: almost all in the nearest of Rastrigin's many "
                                   "local minima, which no step size of a gradient method "
                                   "escapes here."),
            )),
        "12-linear-regression-minibatch": Section(
            preset_anchor("12-linear-regression-minibatch"),
            translate("Guide", "Fitting a line: full batch against mini-batches"), (
                translate("Guide", "The loss of a straight line over 100 noisy points, as a "
                                   "map over its slope p1 and intercept p2. GD computes the "
                                   "gradient from every sample and slides to the "
                                   "least-squares fit; SGD and Adam use 8 samples a step, so "
                                   "their paths jitter around the fit and never settle with "
                                   "a constant learning rate. Open the Data view and scrub: "
                                   "the line swings into place."),
            )),
        "13-tanh-neuron-two-minima": Section(
            preset_anchor("13-tanh-neuron-two-minima"),
            translate("Guide", "A tanh neuron: two minima and a saddle"), (
                translate("Guide", "p2·tanh(p1·x) draws the same curve for (p1, p2) and (−p1, "
                                   "−p2): the loss has two equal minima, mirror images through "
                                   "the origin, where a saddle sits with zero gradient. Which "
                                   "minimum a run reaches depends on the side it starts on; "
                                   "both give the same fit on the Data view. The basin map (B) "
                                   "shows the two halves."),
            )),
        "14-logistic-separable-no-minimum": Section(
            preset_anchor("14-logistic-separable-no-minimum"),
            translate("Guide", "Separable classes: the loss has no minimum"), (
                translate("Guide", "When a threshold separates the two classes, logistic "
                                   "regression's loss keeps falling as the slope grows: there "
                                   "is no minimum, and no star. The runs never converge; their "
                                   "parameters grow without bound, ever more slowly, and the "
                                   "probability curve on the Data view sharpens into a step. "
                                   "More noise in the data makes the classes overlap and a "
                                   "minimum appear."),
            )),
    }


def guide_sections() -> list[tuple[str, list[Section]]]:
    """The guide's parts, in order, each as (heading, sections), in the interface's
    language."""
    return [
        (translate("Guide", "Optimizers"), _optimizers()),
        (translate("Guide", "Reading the window"), _window()),
        (translate("Guide", "Presets"), list(_presets().values())),
    ]
