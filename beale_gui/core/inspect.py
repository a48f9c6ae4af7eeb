"""What the window shows at one step of a recorded batch: table values and mechanics arrows.

The views only index these arrays; every piece of arithmetic on trajectories stays here. The
table's effective learning rate and the moment arrow are ``RunResult.effective_lr`` and
``RunResult.moment`` of the update made from the playhead, so the actual-step arrow is the
rate times the moment arrow (Adam, AMSGrad, NAdam; AdamW plus its decoupled decay) or times
the descent arrow (Adagrad, Adadelta, RMSprop without momentum; with coupled weight decay,
the descent arrow less ``weight_decay * w``); see
:class:`beale_gui.core.optimizers.OptimizerSpec`. tests/core/test_mechanics.py checks these
arrays against torch.optim and against the steps.
"""

from __future__ import annotations

import numpy as np

from .engine import DIVERGED, RunResult


def step_index(result: RunResult, k: int) -> np.ndarray:
    """Per run, the recorded step shown at playhead ``k``: ``min(k, stop_step)``, shape (N,)."""
    return np.minimum(max(int(k), 0), result.stop_step)


def state_at(result: RunResult, k: int) -> dict[str, np.ndarray]:
    """Each run's state at playhead step ``k``.

    Returns
    -------
    dict with ``step`` (N,), ``xy`` (N, 2), ``loss`` (N,), ``grad`` (N, 2), ``grad_norm`` (N,),
    ``distance`` (N,) to the nearest known minimum (NaN when none is known), and
    ``effective_lr`` (N, 2), the per-axis rate of the update from this step (NaN for
    non-adaptive optimizers or when not recorded).
    """
    idx = step_index(result, k)
    rows = np.arange(result.n_runs)
    xy = result.paths[rows, idx]
    grad = result.grads[rows, idx]
    _, distance = result.function.nearest_minimum(xy)
    if result.effective_lr is not None:
        eff = result.effective_lr[rows, np.minimum(idx + 1, result.n_steps)]
    else:
        eff = np.full((result.n_runs, 2), np.nan)
    return {
        "step": idx,
        "xy": xy,
        "loss": result.loss[rows, idx],
        "grad": grad,
        "grad_norm": np.hypot(grad[:, 0], grad[:, 1]),
        "distance": distance,
        "effective_lr": eff,
    }


def mechanics_at(result: RunResult, k: int) -> dict[str, np.ndarray]:
    """Arrows at each path's head at playhead ``k``, all pointing the way the run moves.

    Returns
    -------
    dict with ``heads`` (N, 2); ``descent`` (N, 2), minus the gradient; ``moment`` (N, 2), minus
    the velocity or first moment after the next update (NaN where the optimizer has none or it
    was not recorded); ``step`` (N, 2), the next update actually made (zero once stopped).
    """
    idx = step_index(result, k)
    rows = np.arange(result.n_runs)
    nxt = np.minimum(idx + 1, result.stop_step)
    heads = result.paths[rows, idx]
    if result.moment is not None:
        moment = -result.moment[rows, np.minimum(idx + 1, result.n_steps)]
    else:
        moment = np.full((result.n_runs, 2), np.nan)
    return {
        "heads": heads,
        "descent": -result.grads[rows, idx],
        "moment": moment,
        "step": result.paths[rows, nxt] - heads,
    }


def view_extent(result: RunResult, bounds) -> tuple[tuple[float, float], tuple[float, float]]:
    """A finite plot range covering ``bounds`` and every recorded point, diverged runs' last
    finite points included, clipped to 1e6 so a blown-up run never wrecks the view."""
    (x0, x1), (y0, y1) = bounds
    if result.paths is not None and result.paths.size:
        pts = result.paths.reshape(-1, 2)
        pts = pts[np.isfinite(pts).all(axis=1)]
        if len(pts):
            lo = np.maximum(pts.min(axis=0), -1e6)
            hi = np.minimum(pts.max(axis=0), 1e6)
            x0, x1 = min(x0, lo[0]), max(x1, hi[0])
            y0, y1 = min(y0, lo[1]), max(y1, hi[1])
    return (float(x0), float(x1)), (float(y0), float(y1))


LOSS_FLOOR = 1e-20


def loss_for_plot(result: RunResult) -> tuple[np.ndarray, str, bool]:
    """The loss as a log-scaled plot can show it, with an honest axis label.

    When the function's minimum value f* is known and no recorded loss falls below it, the
    values are ``f - f*`` floored at a tiny positive number (the gap itself is what a log axis
    shows well); otherwise plain ``f``, on a log axis only when every recorded value is
    positive.

    Returns
    -------
    values : ndarray, shape (N, T+1)
    label : str
        ``"f − f*  (f* = -1)"``, or ``"f"`` (also when f* is 0).
    log : bool
        Whether the values suit a log axis.
    """
    loss = result.loss
    finite = loss[np.isfinite(loss)]
    known = result.function.minimum_values
    known = known[np.isfinite(known)]
    if len(known):
        f_star = float(known.min())
        floor = max(LOSS_FLOOR, 1e-15 * abs(f_star))
        if not finite.size or finite.min() >= f_star - floor:
            label = "f" if f_star == 0 else f"f − f*  (f* = {f_star:.6g})"
            return np.maximum(loss - f_star, floor), label, True
    return loss, "f", bool(finite.size) and bool(finite.min() > 0)


def fit_extent(result: RunResult, bounds, growth: float = 0.5, pad: float = 0.05):
    """A view for the result: the function's bounds, widened to the points of the runs that
    did not diverge, by at most ``growth`` times the bounds' size on each side, and always to
    the start points; ``pad`` of the span is added where it was widened. Diverged runs are left
    out (they are drawn leaving the view and flagged), so a blow-up never wrecks the view.

    Returns ``((x0, x1), (y0, y1))``, finite.
    """
    (bx0, bx1), (by0, by1) = (tuple(map(float, b)) for b in bounds)
    lo = np.array([bx0, by0])
    hi = np.array([bx1, by1])
    if result.paths is not None and result.paths.size:
        pts = result.paths[result.status != DIVERGED].reshape(-1, 2)
        pts = pts[np.isfinite(pts).all(axis=1)]
        if len(pts):
            span = hi - lo
            lo = np.minimum(lo, np.maximum(pts.min(axis=0), lo - growth * span))
            hi = np.maximum(hi, np.minimum(pts.max(axis=0), hi + growth * span))
    lo = np.minimum(lo, result.starts.min(axis=0))
    hi = np.maximum(hi, result.starts.max(axis=0))
    extra = pad * (hi - lo)
    lo = np.where(lo < [bx0, by0], lo - extra, lo)
    hi = np.where(hi > [bx1, by1], hi + extra, hi)
    return (float(lo[0]), float(hi[0])), (float(lo[1]), float(hi[1]))


def loss_view_range(result: RunResult, values: np.ndarray, log: bool,
                    pad: float = 0.05) -> tuple[float, float]:
    """The y range of the loss plot in plotted units (log10 of ``values`` when ``log``).

    It covers the runs that did not diverge (every run when all did), each up to its last
    valid step, so a blow-up to 1e30 does not squash the other curves; diverged curves run off
    the top. ``values`` is the first output of :func:`loss_for_plot`.
    """
    keep = result.status != DIVERGED
    if not keep.any():
        keep[:] = True
    valid = np.arange(values.shape[1])[None, :] <= result.stop_step[:, None]
    v = values[valid & keep[:, None]]
    v = v[np.isfinite(v)]
    if log:
        v = np.log10(v[v > 0])
    if not v.size:
        return (0.0, 1.0)
    lo, hi = float(v.min()), float(v.max())
    if hi - lo < 1e-12:
        lo, hi = lo - 0.5, hi + 0.5
    margin = pad * (hi - lo)
    return lo - margin, hi + margin
