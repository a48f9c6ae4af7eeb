"""Nonlinear conjugate gradients, Fletcher–Reeves and Polak–Ribière+ (torch.optim has none).

Nocedal & Wright, Numerical Optimization, 2nd ed., ch. 5.2 (algorithm 5.4 and the PR+ rule
(5.45)); Fletcher & Reeves, Function minimization by conjugate gradients, Comput. J. 1964;
Polak & Ribière 1969. There is no reference package here (scipy's ``fmin_cg`` uses another line
search); the first steps are checked against these formulas by hand (tests/core/
test_optimizers_lbfgs.py). Each update, at ``w`` with gradient ``g``:

* ``beta_rule`` 0 (Fletcher–Reeves): ``β = g·g / g'·g'``; 1 (Polak–Ribière+): ``β = max(0,
  g·(g - g') / g'·g')``, ``g'`` the previous update's gradient;
* the direction ``d = -g + β d'``; the steepest descent ``d = -g`` (a restart, ``β = 0``) on the
  first step, every ``restart`` steps (2, the dimension: on a quadratic the method then finishes
  in 2 steps; 0 never) and where ``d`` is not a descent direction (``g·d >= 0``);
* the step length from the strong-Wolfe line search of :mod:`.line_search` (torch's L-BFGS
  one, with c2 = 0.1 as usual for conjugate gradients, N&W (5.43)), first trial ``lr``;
  no step where ``g·d`` is not negative (a zero gradient).

A probing optimizer (:mod:`beale_gui.core.engine.probing`): an update evaluates the line
search's trial points (the accepted one among them).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from ..explain import T1, At, Line, T, arg, num, sub
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..params import Param
from .base import OptimizerSpec, _lr
from .lbfgs import column
from .line_search import along, dot, explain_words, strong_wolfe

C2 = 0.1                        # the curvature condition's constant for CG (N&W 5.2)
TOLERANCE_CHANGE = 1e-9         # the line search's smallest interval (torch's default)

BETA_RULE = Param("beta_rule", 1, 0, 1, integer=True, flag=True,
                  help=QT_TRANSLATE_NOOP("Params", "0 (unticked): Fletcher–Reeves; 1 (ticked): "
                                                   "Polak–Ribière+ (never below 0)"))
RESTART = Param("restart", 2, 0, 1e6, integer=True,
                help=QT_TRANSLATE_NOOP("Params", "restart with the steepest descent every "
                                                 "this many steps (0: never)"))

# the case of a step (the state's ``case``)
STEEPEST, CONJUGATE, RESTARTED, STATIONARY = 0.0, 1.0, 2.0, -1.0
CASE_NAMES = {
    STEEPEST: QT_TRANSLATE_NOOP("Explain", "steepest descent: the first step or a periodic "
                                           "restart"),
    CONJUGATE: QT_TRANSLATE_NOOP("Explain", "a conjugate direction"),
    RESTARTED: QT_TRANSLATE_NOOP("Explain", "steepest descent: the conjugate direction did "
                                            "not go downhill"),
    STATIONARY: QT_TRANSLATE_NOOP("Explain", "no step: the gradient is zero"),
}


class CGState(NamedTuple):
    direction: np.ndarray           # (n, 2): d, the search direction
    prev_grad: np.ndarray           # (n, 2): the gradient of the last update (g' of the next)
    beta: np.ndarray                # (n, 1): β of the direction
    slope: np.ndarray               # (n, 1): g·d
    step_size: np.ndarray           # (n, 1): the line search's step length (0: no step)
    since_restart: np.ndarray       # (n, 1): updates since the last steepest-descent one,
                                    #         that one included (0 before the first)
    case: np.ndarray                # (n, 1): STEEPEST, CONJUGATE, RESTARTED or STATIONARY

    @classmethod
    def init(cls, n: int, hp: Mapping) -> CGState:
        return cls(np.zeros((n, 2)), np.zeros((n, 2)), np.zeros((n, 1)), np.zeros((n, 1)),
                   np.zeros((n, 1)), np.zeros((n, 1)), np.full((n, 1), STEEPEST))


def _cg_probe(function):
    def step(w, f, g, state, hp, lr, t):
        n = len(w)
        since = state.since_restart[:, 0]
        every = column(hp["restart"], n)
        steepest = (since == 0) | ((every > 0) & (since >= every))
        g_prev = state.prev_grad
        gg_prev = dot(g_prev, g_prev)
        fletcher = dot(g, g) / gg_prev
        polak = dot(g, g - g_prev) / gg_prev
        polak = np.where(polak > 0.0, polak, 0.0)
        beta = np.where(column(hp["beta_rule"], n) == 0, fletcher, polak)
        beta = np.where(steepest, 0.0, beta)
        d = np.where(steepest[:, None], -g, -g + beta[:, None] * state.direction)
        gtd = dot(g, d)
        uphill = ~steepest & ~(gtd < 0.0)
        d[uphill] = -g[uphill]
        beta[uphill] = 0.0
        gtd[uphill] = dot(g[uphill], d[uphill])
        case = np.where(steepest, STEEPEST, np.where(uphill, RESTARTED, CONJUGATE))
        moves = gtd < 0.0
        case[~moves] = STATIONARY
        state.since_restart[:, 0] = np.where(steepest | uphill, 1.0, since + 1.0)
        state.direction[...] = d
        state.prev_grad[...] = g
        state.beta[:, 0] = beta
        state.slope[:, 0] = gtd
        state.case[:, 0] = case
        state.step_size[:, 0] = 0.0
        w_new = w.copy()
        evals = np.zeros(n, dtype=np.int64)
        r = np.flatnonzero(moves)
        if len(r):
            t_ok, made = strong_wolfe(function, w[r], column(lr, n)[r], d[r], f[r], g[r],
                                      gtd[r], c2=C2, tolerance_change=TOLERANCE_CHANGE)
            state.step_size[r, 0] = t_ok
            w_new[r] = along(w[r], t_ok, d[r])
            evals[r] = made
        return w_new, evals

    return step


# -- explained ----------------------------------------------------------------------------------

def _cg_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    fletcher = not at.hp["beta_rule"]
    g, g1, d, d1 = sub("g", T), sub("g", T1), sub("d", T), sub("d", T1)
    beta, alpha = sub("β", T), sub("α", T)
    beta_formula = (f"{g}·{g} / {g1}·{g1}" if fletcher
                    else f"max(0, {g}·({g} − {g1}) / {g1}·{g1})")
    restart_words = translate("Explain", "0 at a restart: the first update, every r updates, "
                                         "or where the direction would not go downhill")
    rule = (f"{beta} = {beta_formula}   ({restart_words})",
            f"{d} = −{g} + {beta} {d1}",
            f"{alpha}: " + translate("Explain", "strong Wolfe line search from η (c₂ = 0.1)"),
            f"{sub('w', T)} = {sub('w', T1)} + {alpha} {d}")
    meanings = {
        "β": translate("Explain", "how much of the last direction the new one keeps"),
        "d": translate("Explain", "search direction"),
        "g′": translate("Explain", "the gradient kept for the next β"),
        "k": translate("Explain", "steps since the last steepest-descent step"),
        **explain_words(),
    }
    if at.t == 0:
        later = translate("Explain", "worked out at the first step")
        return rule, [at.initial("β", "beta", meanings["β"]),
                      at.initial("d", "direction", later),
                      at.initial("g′", "prev_grad", meanings["g′"]),
                      at.initial("φ′", "slope", later),
                      at.initial("α", "step_size", later),
                      at.initial("k", "since_restart", meanings["k"]),
                      at.initial("c", "case", later, "0")]
    code = float(at.cur("case")[0])
    b, dt = float(at.cur("beta")[0]), at.cur("direction")
    gtd, size = float(at.cur("slope")[0]), float(at.cur("step_size")[0])
    k = float(at.cur("since_restart")[0])
    gp, dp = at.prev("prev_grad"), at.prev("direction")
    gn = at.g
    conjugate = code == CONJUGATE

    def pair(a, c):
        return f"{arg(a[0])} × {arg(c[0])} + {arg(a[1])} × {arg(c[1])}"

    if conjugate and fletcher:
        beta_numbers = f"({pair(gn, gn)}) / ({pair(gp, gp)})"
    elif conjugate:
        diff = gn - gp
        beta_numbers = f"max(0, ({pair(gn, diff)}) / ({pair(gp, gp)}))"
    else:
        beta_numbers = "0"
    lines = [
        at.scalar(sub("c", T), meanings["c"], num(code), code,
                  translate("Explain", CASE_NAMES[code])),
        at.scalar(beta, beta_formula if conjugate else "0", beta_numbers, b, meanings["β"]),
    ]
    if conjugate:
        lines.append(at.axes(d, f"−{g} + {beta} {d1}",
                             lambda a: f"−{arg(gn[a])} + {arg(b)} × {arg(dp[a])}", dt,
                             meanings["d"]))
    else:
        lines.append(at.axes(d, f"−{g}", lambda a: f"−{arg(gn[a])}", dt, meanings["d"]))
    lines += [
        at.axes(sub("g′", T), g, lambda a: num(gn[a]), at.cur("prev_grad"), meanings["g′"]),
        at.scalar(sub("φ′", T), f"{g}·{d}", pair(gn, dt), gtd, meanings["φ′"]),
        at.scalar(alpha, meanings["search"] if size else "0",
                  num(size), size, meanings["α"]),
        at.scalar(sub("k", T), "1" if k == 1 else f"{sub('k', T1)} + 1", num(k), k,
                  meanings["k"]),
        at.step_line(f"{alpha} {d}", lambda a: f"{num(size)} × {arg(dt[a])}"),
    ]
    return rule, lines


SPECS = (
    OptimizerSpec("cg", "CG", (_lr(1.0, QT_TRANSLATE_NOOP(
                      "Params", "the line search's first trial step length")),
                   BETA_RULE, RESTART),
                  CGState, None, None, coupled_decay=False, moment="direction",
                  explain=_cg_explain, probe=_cg_probe, n_tmp=0,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "Nonlinear conjugate gradients: each direction "
                                                "mixes the gradient with the last direction")),
)
