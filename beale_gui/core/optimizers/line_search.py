"""The strong-Wolfe line search of torch.optim.LBFGS, for many runs at once.

A port of torch's ``_strong_wolfe`` and ``_cubic_interpolate`` (torch/optim/lbfgs.py, itself a
port of lswolfe.lua and polyinterp.lua of Lua torch's optim; the method is Nocedal & Wright,
Numerical Optimization, 2nd ed., algorithms 3.5 and 3.6, with the cubic interpolation of
section 3.5): the same tests, in the same order, on the same numbers, for each run (row) of a
batch. Every row runs its own search; they are stepped together, one evaluation of the rows
that need a trial point at a time (``function.value_and_grad`` on those rows), so a row's
numbers are its own whichever rows are beside it. Python's ``min``/``max`` of two numbers (the
first unless the second is strictly beyond it) are :func:`_pmin`/:func:`_pmax`.

Used by :mod:`.lbfgs` (c2 = 0.9, torch's) and :mod:`.cg` (c2 = 0.1, as usual for nonlinear
conjugate gradients).
"""

from __future__ import annotations

import numpy as np

from ..i18n import translate

C1 = 1e-4          # sufficient decrease (Armijo)
C2 = 0.9           # curvature, L-BFGS's (torch's default)
MAX_LS = 25        # the most trial points after the first: torch's max_ls


def explain_words() -> dict[str, str]:
    """What the Explain panel says of the quantities every line-search method shows: the
    meanings of its slope (φ′), step length (α) and case (c) lines, and the search's name."""
    return {"φ′": translate("Explain", "slope along the direction (negative: downhill)"),
            "α": translate("Explain", "step length along the direction"),
            "c": translate("Explain", "the case of the step"),
            "search": translate("Explain", "strong Wolfe line search")}


def dot(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row-wise dot product of (n, 2) arrays, ``a[0] * b[0] + a[1] * b[1]``."""
    return a[:, 0] * b[:, 0] + a[:, 1] * b[:, 1]


_SPLIT = 134217729.0          # 2**27 + 1: Veltkamp's splitting of a double into two halves


def split(a):
    """Veltkamp's splitting: ``a = hi + lo`` exactly, each half of 26 bits."""
    c = _SPLIT * a
    hi = c - (c - a)
    return hi, a - hi


def fma(a, b, c, b_halves=None):
    """``a * b + c`` rounded once, as torch's ``c.add(b, alpha=a)`` computes it (a fused
    multiply-add), with error-free transformations (Dekker's product, Knuth's sum): the
    product's and the sum's rounding errors are added back before the last rounding. Where a
    term overflows the splitting, ``a * b + c``. ``b_halves``: ``split(b)`` where it is known."""
    p = a * b
    a_hi, a_lo = split(a)
    b_hi, b_lo = split(b) if b_halves is None else b_halves
    p_err = ((a_hi * b_hi - p) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo
    s = p + c
    back = s - p
    s_err = (p - (s - back)) + (c - back)
    fused = s + (p_err + s_err)
    if np.isfinite(fused).all():
        return fused
    return np.where(np.isfinite(fused), fused, s)


def along(x: np.ndarray, t: np.ndarray, d: np.ndarray) -> np.ndarray:
    """The points ``x + t d`` of rows (n, 2) for step lengths ``t`` (n,), as torch's
    ``p.add_(d, alpha=t)``."""
    return fma(t[:, None], d, x)


def _pmax(a, b):
    return np.where(b > a, b, a)


def _pmin(a, b):
    return np.where(b < a, b, a)


def cubic_interpolate(x1, f1, g1, x2, f2, g2, bounds=None):
    """The minimiser of the cubic through (x1, f1) and (x2, f2) with slopes g1, g2, clipped to
    ``bounds`` (default: between x1 and x2); their midpoint when the cubic has none. Arrays,
    row by row (torch's ``_cubic_interpolate``)."""
    if bounds is not None:
        lo, hi = bounds
    else:
        ordered = x1 <= x2
        lo, hi = np.where(ordered, x1, x2), np.where(ordered, x2, x1)
    with np.errstate(all="ignore"):              # the other case's operands are unused
        d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2)
        d2_square = d1 * d1 - g1 * g2
        d2 = np.sqrt(np.where(d2_square >= 0, d2_square, 0.0))
        min_pos = np.where(x1 <= x2,
                           x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2)),
                           x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2)))
    return np.where(d2_square >= 0, _pmin(_pmax(min_pos, lo), hi), (lo + hi) / 2.0)


class _Bracket:
    """Each row's bracket: two step lengths with f, gradient and slope at each, and which end
    is the low one."""

    def __init__(self, n: int) -> None:
        self.t = np.zeros((n, 2))
        self.f = np.zeros((n, 2))
        self.g = np.zeros((n, 2, 2))
        self.gtd = np.zeros((n, 2))
        self.low = np.zeros(n, dtype=np.int64)

    def set(self, rows, k: int, t, f, g, gtd) -> None:
        self.t[rows, k], self.f[rows, k], self.g[rows, k], self.gtd[rows, k] = t, f, g, gtd

    def relow(self, rows) -> None:
        f = self.f[rows]
        self.low[rows] = np.where(f[:, 0] <= f[:, 1], 0, 1)


def strong_wolfe(function, x: np.ndarray, t: np.ndarray, d: np.ndarray, f: np.ndarray,
                 g: np.ndarray, gtd: np.ndarray, c1: float = C1, c2: float = C2,
                 tolerance_change=1e-9, max_ls: int = MAX_LS) -> tuple[np.ndarray, np.ndarray]:
    """A step length along ``d`` from ``x`` for each row satisfying the strong Wolfe conditions
    (or the best point found within ``max_ls`` further trials), as torch's ``_strong_wolfe``.

    ``x``, ``d``, ``g`` (n, 2); ``t`` (n,) the first trial; ``f``, ``gtd`` (n,) f and the slope
    ``g·d`` at ``x``; ``tolerance_change`` a float or (n,). Returns the accepted step lengths
    (n,) and how many trial points each row evaluated (n,), the first included.
    """
    n = len(x)
    rows_all = np.arange(n)
    tol = np.broadcast_to(np.asarray(tolerance_change, dtype=np.float64), (n,))
    d_norm = np.abs(d).max(axis=1)
    t = np.array(t, dtype=np.float64)

    def evaluate(rows):
        f_r, g_r = function.value_and_grad(along(x[rows], t[rows], d[rows]))
        f_new[rows], g_new[rows] = f_r, g_r
        gtd_new[rows] = dot(g_r, d[rows])
        evals[rows] += 1

    f_new, g_new, gtd_new = np.empty(n), np.empty((n, 2)), np.empty(n)
    evals = np.zeros(n, dtype=np.int64)
    evaluate(rows_all)
    t_prev, f_prev, g_prev, gtd_prev = np.zeros(n), f.copy(), g.copy(), gtd.copy()
    ls_iter = np.zeros(n, dtype=np.int64)
    bracket = _Bracket(n)
    bracketing = np.ones(n, dtype=bool)          # in the first phase
    zooming = np.zeros(n, dtype=bool)            # in the zoom phase, not done

    # bracket an interval containing a point satisfying the Wolfe criteria
    while True:
        act = bracketing & (ls_iter < max_ls)
        if not act.any():
            break
        armijo_fails = f_new > (f + c1 * t * gtd)
        over = act & (armijo_fails | ((ls_iter > 1) & (f_new >= f_prev)))
        wolfe = act & ~over & (np.abs(gtd_new) <= -c2 * gtd)
        up = act & ~over & ~wolfe & (gtd_new >= 0)
        found = over | up
        if found.any():
            r = np.flatnonzero(found)
            bracket.set(r, 0, t_prev[r], f_prev[r], g_prev[r], gtd_prev[r])
            bracket.set(r, 1, t[r], f_new[r], g_new[r], gtd_new[r])
            bracket.relow(r)
            zooming[r] = True
        if wolfe.any():
            r = np.flatnonzero(wolfe)
            for k in (0, 1):
                bracket.set(r, k, t[r], f_new[r], g_new[r], gtd_new[r])
            bracket.low[r] = 0
        bracketing &= ~(found | wolfe)
        go = act & ~found & ~wolfe
        if not go.any():
            continue
        r = np.flatnonzero(go)
        tr, tp = t[r], t_prev[r]
        t_new = cubic_interpolate(tp, f_prev[r], gtd_prev[r], tr, f_new[r], gtd_new[r],
                                  bounds=(tr + 0.01 * (tr - tp), tr * 10))
        t_prev[r], f_prev[r], g_prev[r], gtd_prev[r] = tr, f_new[r], g_new[r], gtd_new[r]
        t[r] = t_new
        evaluate(r)
        ls_iter[r] += 1

    # out of trials while bracketing: the best of the start and the last trial
    maxed = np.flatnonzero(bracketing)
    if len(maxed):
        bracket.t[maxed, 0], bracket.t[maxed, 1] = 0.0, t[maxed]
        bracket.f[maxed, 0], bracket.f[maxed, 1] = f[maxed], f_new[maxed]
        bracket.relow(maxed)

    # zoom: refine the bracket until a point satisfies the criteria
    insufficient = np.zeros(n, dtype=bool)
    while True:
        act = zooming & (ls_iter < max_ls)
        if act.any():
            b = bracket.t
            tiny = act & (np.abs(b[:, 1] - b[:, 0]) * d_norm < tol)
            zooming &= ~tiny
            act &= ~tiny
        if not act.any():
            break
        r = np.flatnonzero(act)
        bt, bf, bgtd = bracket.t[r], bracket.f[r], bracket.gtd[r]
        tr = cubic_interpolate(bt[:, 0], bf[:, 0], bgtd[:, 0], bt[:, 1], bf[:, 1], bgtd[:, 1])
        b_max, b_min = _pmax(bt[:, 0], bt[:, 1]), _pmin(bt[:, 0], bt[:, 1])
        eps = 0.1 * (b_max - b_min)
        near = _pmin(b_max - tr, tr - b_min) < eps
        edge = insufficient[r] | (tr >= b_max) | (tr <= b_min)
        moved = near & edge
        away = np.where(np.abs(tr - b_max) < np.abs(tr - b_min), b_max - eps, b_min + eps)
        t[r] = np.where(moved, away, tr)
        insufficient[r] = near & ~edge
        evaluate(r)
        ls_iter[r] += 1

        low = bracket.low[r]
        high = 1 - low
        f_low = bracket.f[r, low]
        tn, fn, gn, gtdn = t[r], f_new[r], g_new[r], gtd_new[r]
        worse = (fn > (f[r] + c1 * tn * gtd[r])) | (fn >= f_low)
        if worse.any():
            rw, hw = r[worse], high[worse]
            bracket.t[rw, hw], bracket.f[rw, hw] = tn[worse], fn[worse]
            bracket.g[rw, hw], bracket.gtd[rw, hw] = gn[worse], gtdn[worse]
            bracket.relow(rw)
        better = ~worse
        if better.any():
            rb, lb, hb = r[better], low[better], high[better]
            done = np.abs(gtdn[better]) <= -c2 * gtd[rb]
            zooming[rb[done]] = False
            swap = ~done & (gtdn[better] * (bracket.t[rb, hb] - bracket.t[rb, lb]) >= 0)
            if swap.any():
                rs, ls_, hs = rb[swap], lb[swap], hb[swap]
                bracket.t[rs, hs], bracket.f[rs, hs] = bracket.t[rs, ls_], bracket.f[rs, ls_]
                bracket.g[rs, hs], bracket.gtd[rs, hs] = bracket.g[rs, ls_], bracket.gtd[rs, ls_]
            bracket.t[rb, lb], bracket.f[rb, lb] = tn[better], fn[better]
            bracket.g[rb, lb], bracket.gtd[rb, lb] = gn[better], gtdn[better]

    return bracket.t[rows_all, bracket.low], evals
