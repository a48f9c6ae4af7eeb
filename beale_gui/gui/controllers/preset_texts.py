"""The shipped presets' titles and descriptions (resources/presets/*.json), marked for
translation: the File > Presets menu and the note above the canvas show them as
``translate("Presets", text)``. A JSON file's text that is not listed here shows in English
(tests/gui/test_preset_texts.py keeps the two in step).
"""

from __future__ import annotations

from ...core.i18n import QT_TRANSLATE_NOOP

PRESET_TEXTS = (
    # 01-seed-gd.json
    QT_TRANSLATE_NOOP("Presets", "Gradient descent on Beale, step by step"),
    QT_TRANSLATE_NOOP("Presets",
                      "Plain gradient descent on Beale, lr 0.01 from (0.7, 1.4), stopping when "
                      "|Δf| < 1e-5: the blog post's first run, digit for digit (converges at "
                      "step 516)."),
    # 02-seed-momentum.json
    QT_TRANSLATE_NOOP("Presets", "Momentum overshoots and swings back"),
    QT_TRANSLATE_NOOP("Presets",
                      "Momentum 0.9 with lr 0.01 from (0.7, 1.4), stopping when |Δf| < 1e-7: "
                      "the blog post's second run. It overshoots the minimum (3, 0.5), swings "
                      "back, and converges at step 379."),
    # 03-seed-optimizers-on-beale.json
    QT_TRANSLATE_NOOP("Presets", "Six optimizers race on Beale"),
    QT_TRANSLATE_NOOP("Presets",
                      "GD, SGD, Momentum, Adagrad, RMSprop and Adam from the seed's start "
                      "(0.7, 1.4). Momentum overshoots and swings back; Adagrad's steps shrink "
                      "as its sum of squared gradients grows; RMSprop and Adam take even-sized "
                      "steps whatever the slope; SGD follows one of Beale's three terms at a "
                      "time."),
    # 04-escaping-a-saddle.json
    QT_TRANSLATE_NOOP("Presets", "Escaping a saddle"),
    QT_TRANSLATE_NOOP("Presets",
                      "f = x² + y⁴/4 − y²/2 has a saddle at (0, 0) between minima at (0, ±1). "
                      "Starting almost on the ridge, GD slides into the saddle and crawls out, "
                      "since the slope away from it is tiny there; Momentum builds up speed "
                      "and leaves sooner; Adam divides by the size of the gradient, so its "
                      "first steps are full-sized in every direction and it escapes at once; "
                      "noisy gradients knock SGD off the ridge."),
    # 05-rosenbrock-valley.json
    QT_TRANSLATE_NOOP("Presets", "The Rosenbrock valley"),
    QT_TRANSLATE_NOOP("Presets",
                      "Rosenbrock's curved, flat-bottomed valley from (-1.5, 2.5). GD zigzags "
                      "down into the valley, then crawls along its floor and is still far from "
                      "(1, 1) after 3000 steps; Momentum and Nesterov overshoot at first, then "
                      "build up speed along the floor; RMSprop's even-sized steps rattle "
                      "across the floor and stall short of the minimum; Adam gets there and "
                      "stops."),
    # 06-himmelblau-four-minima.json
    QT_TRANSLATE_NOOP("Presets", "Himmelblau's four minima"),
    QT_TRANSLATE_NOOP("Presets",
                      "Four start points around Himmelblau's central peak, a step apart. GD "
                      "runs downhill into a different minimum from each; Momentum carries one "
                      "run past its valley into a neighbouring one, and Adam takes another to "
                      "(3, 2) instead. Where a run ends depends on the optimizer as much as on "
                      "the start."),
    # 07-noisy-sgd-vs-adam.json
    QT_TRANSLATE_NOOP("Presets", "Noisy SGD against Adam"),
    QT_TRANSLATE_NOOP("Presets",
                      "Mini-batch gradients (one of Beale's three terms at a time) plus "
                      "Gaussian noise 0.5. Near the minimum the true gradient vanishes but the "
                      "noise does not: SGD's steps shrink with the gradient and it stays close "
                      "to (3, 0.5), while Adam divides by the gradient's running size, so its "
                      "steps stay about lr long and it keeps wandering. GD with the exact "
                      "gradient is the reference."),
    # 08-learning-rate-decay.json
    QT_TRANSLATE_NOOP("Presets", "Learning-rate decay compared"),
    QT_TRANSLATE_NOOP("Presets",
                      "Noisy SGD (lr 0.02, gradient noise 1) under five schedules. With a "
                      "constant rate it reaches the minimum fast but keeps jittering around "
                      "it; inverse-time decay lr0 / (1 + 0.01 t) (the seed's, with its sign "
                      "fixed), exponential, step and cosine decay shrink the steps and let the "
                      "runs settle, each at its own pace. The loss plot shows every rate over "
                      "the steps."),
    # 09-second-order-for-contrast.json
    QT_TRANSLATE_NOOP("Presets", "Second-order methods for contrast"),
    QT_TRANSLATE_NOOP("Presets",
                      "Rosenbrock from (-1.5, 2), stopping when |Δf| < 1e-12. Newton's method, "
                      "which rescales the valley by the exact Hessian, is at (1, 1) in 9 steps; "
                      "CG (Polak–Ribière+) in 26 and L-BFGS with a strong-Wolfe line search in "
                      "42, each step trying a few points along its direction (the table's f "
                      "evals); Adam needs 1877 steps, and GD is still in the valley after "
                      "3000."),
    # 10-adam-or-momentum-on-rosenbrock.json
    QT_TRANSLATE_NOOP("Presets", "Is Adam better than momentum on Rosenbrock?"),
    QT_TRANSLATE_NOOP("Presets",
                      "A fair comparison, not one hand-picked run: Momentum and Adam each tried 32 "
                      "learning rates from 1e-5 to 1 on 32 tuning starts, then were judged with "
                      "their best on 256 other starts (Compare, or python main.py compare --session"
                      " with this file). Momentum (lr 0.000862) ends within 1e-6 of f* from 88% of "
                      "the starts but diverges from 8%; Adam (lr 0.1562) never diverges and, where "
                      "it succeeds, gets there sooner (median 1318 steps against 1629), but "
                      "succeeds from only 62% in 2000 steps. The canvas shows both tuned runs from "
                      "(-1.5, 2.5)."),
    # 11-rastrigin-who-finds-the-global-minimum.json
    QT_TRANSLATE_NOOP("Presets", "Rastrigin: who finds the global minimum?"),
    QT_TRANSLATE_NOOP("Presets",
                      "GD, Momentum, RMSprop and Adam, each with the best of 32 learning rates from"
                      " 1e-4 to 1 on 32 tuning starts, judged on 256 other starts (Compare, or "
                      "python main.py compare --session with this file): none reaches the global "
                      "minimum at (0, 0) from more than about 1% of the starts, the few that lie in"
                      " its basin. GD, Momentum and Adam end in the nearest of Rastrigin's local "
                      "minima from the other 99%; RMSprop's even-sized steps keep rattling and "
                      "settle nowhere from 92%. The canvas shows the four tuned runs from (2.2, "
                      "1.8)."),
    # 12-linear-regression-minibatch.json
    QT_TRANSLATE_NOOP("Presets", "Fitting a line: full batch against mini-batches"),
    QT_TRANSLATE_NOOP("Presets",
                      "The loss of the line p1·x + p2 over 100 noisy points, as a map over its "
                      "slope p1 and intercept p2; the star is the least-squares fit. GD uses "
                      "every sample each step and slides straight to it; SGD and Adam take 8 "
                      "samples at a time (13 steps an epoch, reshuffled each epoch), so their "
                      "paths wander around the fit instead of settling. Watch the Data view: the "
                      "line swings into place as the playhead moves."),
    # 13-tanh-neuron-two-minima.json
    QT_TRANSLATE_NOOP("Presets", "A tanh neuron: two minima and a saddle"),
    QT_TRANSLATE_NOOP("Presets",
                      "The prediction p2·tanh(p1·x) gives the same curve for (p1, p2) and (−p1, "
                      "−p2), so the loss has two equal minima, and a saddle at the origin between"
                      " them where the gradient vanishes. Starts near the saddle fall into either"
                      " minimum depending on the side they start on; the Data view shows the same"
                      " fitted curve reached from both."),
    # 14-logistic-separable-no-minimum.json
    QT_TRANSLATE_NOOP("Presets", "Separable classes: the loss has no minimum"),
    QT_TRANSLATE_NOOP("Presets",
                      "Logistic regression on two classes that a threshold separates. The cross-"
                      "entropy keeps falling as the slope p1 grows, so there is no minimum to "
                      "mark: gradient descent never converges, its parameters grow without bound "
                      "(slower and slower) and the fitted probability curve on the Data view "
                      "sharpens into a step. Add noise to the data set (Function > Model on "
                      "data…) and a minimum appears."),
)
