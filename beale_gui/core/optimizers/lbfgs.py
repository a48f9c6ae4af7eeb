"""L-BFGS as ``torch.optim.LBFGS`` does it: one engine step is one torch ``step()`` with
``max_iter=1`` (Nocedal, Updating quasi-Newton matrices with limited storage, Math. Comp. 1980;
Liu & Nocedal 1989; torch's code follows minFunc).

Each update, at ``w`` with gradient ``g``, as torch/optim/lbfgs.py (torch 2.13):

* no step at all where ``max |g| <= tolerance_grad`` (torch returns before touching its state);
* the first step's direction is ``d = -g``; later ones first add the pair ``s = t_prev d_prev``,
  ``y = g - g_prev`` to the memory when ``y·s > 1e-10`` (dropping the oldest of
  ``history_size``), with ``ρ = 1 / y·s`` and the initial inverse Hessian scale ``γ = y·s /
  y·y``, then take ``d = -H g`` by the two-loop recursion over the pairs kept;
* the step length ``t`` starts at ``min(1, 1 / ||g||_1) * lr`` on the first step and ``lr``
  after; no step where ``g·d > -tolerance_change`` (not a descent direction);
* ``line_search`` 0: the step ``w + t d``; 1: torch's strong-Wolfe search
  (:mod:`.line_search`, c1 1e-4, c2 0.9, at most 25 trials after the first — torch's ``max_ls``;
  torch gives its search ``max_eval - 1`` trials, so the comparison runs torch with
  ``max_iter=1, max_eval=26``: with ``max_iter=1`` its default ``max_eval`` is 1, which would
  leave the search a single trial).

The memory is fixed-width per run (``HISTORY_MAX`` pairs, the oldest first; the slots past
``length`` are zero), so every run of a batch steps in the same numpy operations: the two-loop
recursion runs over the longest memory of the batch with the shorter ones masked.

A probing optimizer (:mod:`beale_gui.core.engine.probing`): a fixed step evaluates one point,
a line search each of its trial points (the accepted one among them); a step not taken
evaluates none.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from ..explain import T1, At, Line, T, arg, num, sub
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..params import Param
from .base import OptimizerSpec, _lr
from .line_search import along, dot, explain_words, fma, split, strong_wolfe

HISTORY_MAX = 100
CURVATURE_MIN = 1e-10           # torch's: a pair joins the memory when y·s exceeds it

HISTORY_SIZE = Param("history_size", 100, 1, HISTORY_MAX, integer=True,
                     help=QT_TRANSLATE_NOOP("Params", "how many recent steps and gradient "
                                                      "changes the inverse Hessian is built from"))
TOLERANCE_GRAD = Param("tolerance_grad", 1e-7, 0.0, 1e6, log=True,
                       help=QT_TRANSLATE_NOOP("Params", "no step where every gradient "
                                                        "component is at most this in size"))
TOLERANCE_CHANGE = Param("tolerance_change", 1e-9, 0.0, 1e6, log=True,
                         help=QT_TRANSLATE_NOOP("Params", "no step where the slope along the "
                                                          "direction is above minus this; the "
                                                          "line search's smallest interval"))
LINE_SEARCH = Param("line_search", 0, 0, 1, integer=True, flag=True,
                    help=QT_TRANSLATE_NOOP("Params", "1: a strong-Wolfe line search chooses "
                                                     "the step length; 0: the fixed step lr"))

# the case of a step (the state's ``case``)
STEPPED, SMALL_GRADIENT, NOT_DESCENT = 1.0, 0.0, -1.0
CASE_NAMES = {
    STEPPED: QT_TRANSLATE_NOOP("Explain", "a step along the direction"),
    SMALL_GRADIENT: QT_TRANSLATE_NOOP("Explain", "no step: every gradient component is at "
                                                 "most tolerance_grad"),
    NOT_DESCENT: QT_TRANSLATE_NOOP("Explain", "no step: the direction does not go downhill "
                                              "(slope above −tolerance_change)"),
}


class LBFGSState(NamedTuple):
    old_dirs: np.ndarray            # (n, 2 HISTORY_MAX): torch's old_dirs, the y of each pair
    old_stps: np.ndarray            # (n, 2 HISTORY_MAX): torch's old_stps, the s of each pair
    ro: np.ndarray                  # (n, HISTORY_MAX): 1 / y·s of each pair
    length: np.ndarray              # (n, 1): how many pairs are kept
    curvature: np.ndarray           # (n, 1): y·s of this step's pair (0 on the first step)
    h_diag: np.ndarray              # (n, 1): torch's H_diag, y·s / y·y of the newest pair
    prev_grad: np.ndarray           # (n, 2): torch's prev_flat_grad, the gradient of the step
    direction: np.ndarray           # (n, 2): torch's d
    slope: np.ndarray               # (n, 1): g·d, the slope along d
    step_size: np.ndarray           # (n, 1): torch's t, the step length taken (or tried)
    n_iter: np.ndarray              # (n, 1): torch's n_iter, the updates that were steps
    case: np.ndarray                # (n, 1): STEPPED, SMALL_GRADIENT or NOT_DESCENT

    @classmethod
    def init(cls, n: int, hp: Mapping) -> LBFGSState:
        return cls(np.zeros((n, 2 * HISTORY_MAX)), np.zeros((n, 2 * HISTORY_MAX)),
                   np.zeros((n, HISTORY_MAX)), np.zeros((n, 1)), np.zeros((n, 1)),
                   np.ones((n, 1)), np.zeros((n, 2)), np.zeros((n, 2)), np.zeros((n, 1)),
                   np.zeros((n, 1)), np.zeros((n, 1)), np.full((n, 1), STEPPED))


def column(value, n: int) -> np.ndarray:
    """A hyperparameter or rate (a float or (n, 1) values) as (n,) values."""
    if isinstance(value, np.ndarray):
        return np.broadcast_to(value.reshape(-1) if value.size == n else value, (n,))
    return np.full(n, float(value))


def _remember(state: LBFGSState, rows: np.ndarray, y: np.ndarray, s: np.ndarray,
              ys: np.ndarray, history: np.ndarray) -> None:
    """Add the pair (s, y) to the memory of ``rows``, the oldest dropped where it is full."""
    full = state.length[rows, 0] >= history
    if full.any():
        r = rows[full]
        state.old_dirs[r, :-2] = state.old_dirs[r, 2:]
        state.old_stps[r, :-2] = state.old_stps[r, 2:]
        state.ro[r, :-1] = state.ro[r, 1:]
        state.length[r] -= 1
    k = state.length[rows, 0].astype(np.int64)
    for a in (0, 1):
        state.old_dirs[rows, 2 * k + a] = y[:, a]
        state.old_stps[rows, 2 * k + a] = s[:, a]
    state.ro[rows, k] = 1.0 / ys
    state.length[rows] += 1


def two_loop(state: LBFGSState, rows: np.ndarray, g: np.ndarray) -> np.ndarray:
    """``-H g`` for the memories of ``rows``, torch's two-loop recursion (its ``al``, ``q``,
    ``r`` and fused ``add_`` steps). The rows are taken longest memory first, so the rows that
    have pair ``i`` are a leading slice of them."""
    n = len(rows)
    length = state.length[rows, 0].astype(np.int64)
    order = np.argsort(-length, kind="stable")
    rows = rows[order]
    kept = int(length[order[0]]) if n else 0
    ascending = length[order][::-1]
    counts = n - np.searchsorted(ascending, np.arange(kept), side="right")   # length > i
    y = state.old_dirs[rows, :2 * kept].reshape(n, kept, 2)
    s = state.old_stps[rows, :2 * kept].reshape(n, kept, 2)
    ro = state.ro[rows, :kept]
    y_halves, s_halves = split(y), split(s)
    q = -g[order]
    al = np.zeros((n, kept))
    for i in range(kept - 1, -1, -1):
        c = counts[i]
        al[:c, i] = dot(s[:c, i], q[:c]) * ro[:c, i]
        q[:c] = fma(-al[:c, i, None], y[:c, i], q[:c],
                    (y_halves[0][:c, i], y_halves[1][:c, i]))
    r = q * state.h_diag[rows]
    for i in range(kept):
        c = counts[i]
        be_i = dot(y[:c, i], r[:c]) * ro[:c, i]
        r[:c] = fma((al[:c, i] - be_i)[:, None], s[:c, i], r[:c],
                    (s_halves[0][:c, i], s_halves[1][:c, i]))
    out = np.empty_like(r)
    out[order] = r
    return out


def _lbfgs_probe(function):
    def step(w, f, g, state, hp, lr, t):
        n = len(w)
        evals = np.zeros(n, dtype=np.int64)
        w_new = w.copy()
        small = np.abs(g).max(axis=1) <= column(hp["tolerance_grad"], n)
        state.case[small] = SMALL_GRADIENT
        go = np.flatnonzero(~small)
        if not len(go):
            return w_new, evals
        g_go = g[go]
        state.n_iter[go] += 1
        first = state.n_iter[go, 0] == 1
        later = go[~first]
        if len(later):
            y = g[later] - state.prev_grad[later]
            s = state.direction[later] * state.step_size[later]
            ys = dot(y, s)
            state.curvature[later, 0] = ys
            taken = ys > CURVATURE_MIN
            if taken.any():
                r = later[taken]
                y_r = y[taken]
                _remember(state, r, y_r, s[taken], ys[taken],
                          column(hp["history_size"], n)[r])
                state.h_diag[r, 0] = ys[taken] / dot(y_r, y_r)
            state.direction[later] = two_loop(state, later, g[later])
        starts = go[first]
        state.direction[starts] = -g[starts]
        state.curvature[starts] = 0.0
        state.prev_grad[go] = g_go
        rate = column(lr, n)[go]
        size = rate.copy()
        if first.any():
            ones = np.abs(g_go[first]).sum(axis=1)
            size[first] = np.where(1.0 / ones < 1.0, 1.0 / ones, 1.0) * rate[first]
        state.step_size[go, 0] = size
        d = state.direction[go]
        gtd = dot(g_go, d)
        state.slope[go, 0] = gtd
        tolerance_change = column(hp["tolerance_change"], n)[go]
        down = ~(gtd > -tolerance_change)
        state.case[go] = np.where(down, STEPPED, NOT_DESCENT)[:, None]
        searched = down & (column(hp["line_search"], n)[go] != 0)
        fixed = down & ~searched
        if fixed.any():
            r = go[fixed]
            w_new[r] = along(w[r], size[fixed], d[fixed])
            evals[r] = 1
        if searched.any():
            r = go[searched]
            t_ok, made = strong_wolfe(function, w[r], size[searched], d[searched], f[r], g[r],
                                      gtd[searched], tolerance_change=tolerance_change[searched])
            state.step_size[r, 0] = t_ok
            w_new[r] = along(w[r], t_ok, d[searched])
            evals[r] = made
        return w_new, evals

    return step


# -- explained ----------------------------------------------------------------------------------

def _dot_numbers(a: np.ndarray, b: np.ndarray) -> str:
    return f"{arg(a[0])} × {arg(b[0])} + {arg(a[1])} × {arg(b[1])}"


def _values(v: np.ndarray):
    return lambda k: num(v[k])


def _lbfgs_explain(at: At) -> tuple[tuple[str, ...], list[Line]]:
    search = bool(at.hp["line_search"])
    g, d, w1 = sub("g", T), sub("d", T), sub("w", T1)
    s1 = sub("s", T1)
    y1 = sub("y", T1)
    alpha = sub("α", T)
    two_loop_words = translate("Explain", "the two-loop recursion over the last m pairs "
                                          "(s, y), started from γ I")
    first_words = translate("Explain", "first step")
    if search:
        length_rule = f"{alpha}: " + translate("Explain", "strong Wolfe line search from η")
    else:
        length_rule = f"{alpha} = η   ({first_words}: min(1, 1 / ‖{g}‖₁) η)"
    rule = (f"{s1} = {sub('α', T1)} {sub('d', T1)},   {y1} = {g} − {sub('g', T1)}",
            f"{sub('H', T)} {g}: {two_loop_words}, γ = {y1}·{s1} / {y1}·{y1}",
            f"{d} = −{sub('H', T)} {g}   ({first_words}: {d} = −{g})",
            length_rule,
            f"{sub('w', T)} = {w1} + {alpha} {d}")
    meanings = {
        "m": translate("Explain", "pairs (s, y) kept: those with y·s > 10⁻¹⁰, at most "
                                  "history_size"),
        "κ": translate("Explain", "curvature y·s of the newest pair; it joins the memory when "
                                  "above 10⁻¹⁰"),
        "γ": translate("Explain", "scale of the initial inverse Hessian, from the newest pair "
                                  "kept"),
        "g′": translate("Explain", "the gradient kept for the next pair's y"),
        "d": translate("Explain", "search direction: the quasi-Newton step"),
        "k": translate("Explain", "steps made so far"),
        **explain_words(),
    }
    if at.t == 0:
        later = translate("Explain", "worked out at the first step")
        return rule, [at.initial("m", "length", meanings["m"]),
                      at.initial("κ", "curvature", meanings["κ"]),
                      at.initial("γ", "h_diag", meanings["γ"], "1"),
                      at.initial("g′", "prev_grad", meanings["g′"]),
                      at.initial("d", "direction", later),
                      at.initial("φ′", "slope", later),
                      at.initial("α", "step_size", later),
                      at.initial("k", "n_iter", meanings["k"]),
                      at.initial("c", "case", later, "1")]
    code = float(at.cur("case")[0])
    n_iter = float(at.cur("n_iter")[0])
    stepped = code != SMALL_GRADIENT
    first = stepped and n_iter == 1
    prev_g, prev_d, prev_t = at.prev("prev_grad"), at.prev("direction"), at.prev("step_size")
    ys, length = float(at.cur("curvature")[0]), float(at.cur("length")[0])
    gamma, gamma0 = float(at.cur("h_diag")[0]), float(at.prev("h_diag")[0])
    dt, gtd, size = at.cur("direction"), float(at.cur("slope")[0]), float(at.cur("step_size")[0])
    y = at.g - prev_g
    kept_now = stepped and not first and ys > CURVATURE_MIN
    if stepped and not first:
        curvature = at.scalar(sub("κ", T), f"{y1}·{s1}",
                              " + ".join(f"({num(at.g[k])} − {arg(prev_g[k])}) × "
                                         f"{arg(prev_d[k])} × {arg(prev_t[0])}" for k in (0, 1)),
                              ys, meanings["κ"])
    else:
        curvature = at.scalar(sub("κ", T), sub("κ", T1), num(ys), ys, meanings["κ"])
    lines = [
        at.scalar(sub("c", T), meanings["c"], num(code), code,
                  translate("Explain", CASE_NAMES[code])),
        curvature,
        at.scalar(sub("m", T), (f"min({sub('m', T1)} + 1, history_size)" if kept_now
                                else sub("m", T1)), num(length), length, meanings["m"]),
        at.scalar(sub("γ", T), f"{y1}·{s1} / {y1}·{y1}" if kept_now else sub("γ", T1),
                  f"{arg(ys)} / ({_dot_numbers(y, y)})" if kept_now else num(gamma0), gamma,
                  meanings["γ"]),
        at.axes(sub("g′", T), g if stepped else sub("g′", T1), _values(at.cur("prev_grad")),
                at.cur("prev_grad"), meanings["g′"]),
    ]
    if first:
        lines.append(at.axes(d, f"−{g}", lambda k: f"−{arg(at.g[k])}", dt, meanings["d"]))
    else:
        lines.append(at.axes(d, f"−{sub('H', T)} {g}" if stepped else sub("d", T1),
                             _values(dt), dt, meanings["d"]))
    lines.append(at.scalar(sub("φ′", T), f"{g}·{d}" if stepped else sub("φ′", T1),
                           _dot_numbers(at.g, dt) if stepped else num(gtd), gtd, meanings["φ′"]))
    if first and (code != STEPPED or not search):
        ones = abs(at.g[0]) + abs(at.g[1])
        numbers = (f"{num(at.lr)} / ({arg(abs(at.g[0]))} + {arg(abs(at.g[1]))})"
                   if 1.0 / ones < 1.0 else num(at.lr))
        lines.append(at.scalar(alpha, f"min(1, 1 / ‖{g}‖₁) {at.eta}", numbers, size,
                               meanings["α"]))
    elif search and code == STEPPED:
        lines.append(at.scalar(alpha, meanings["search"],
                               num(size), size, meanings["α"]))
    else:
        lines.append(at.scalar(alpha, at.eta if stepped else sub("α", T1), num(size), size,
                               meanings["α"]))
    lines.append(at.scalar(sub("k", T), f"{sub('k', T1)} + 1" if stepped else sub("k", T1),
                           num(n_iter), n_iter, meanings["k"]))
    if code == STEPPED:
        lines.append(at.step_line(f"{alpha} {d}", lambda k: f"{num(size)} × {arg(dt[k])}"))
    else:
        lines.append(at.step_line("0", lambda k: "0"))
    return rule, lines


SPECS = (
    OptimizerSpec("lbfgs", "L-BFGS", (_lr(1.0, QT_TRANSLATE_NOOP(
                      "Params", "step length along the quasi-Newton direction (the line "
                                "search's first trial)")),
                   HISTORY_SIZE, TOLERANCE_GRAD, TOLERANCE_CHANGE, LINE_SEARCH),
                  LBFGSState, None, None, coupled_decay=False, moment="direction",
                  explain=_lbfgs_explain, probe=_lbfgs_probe, n_tmp=0,
                  description=QT_TRANSLATE_NOOP("Optimizers",
                                                "Quasi-Newton: builds an inverse Hessian from "
                                                "the last steps and gradient changes")),
)
