"""What the window's Curvature view shows: the curvature at a run's head at the playhead, the
gauge of its learning rate, the optimum of the local quadratic, the level ellipse sized to the
view, and the sharpness along its path.

The view and the canvas only show these; every number comes from
:mod:`beale_gui.core.curvature`, asked here for one run and one step at a time (nothing is
computed unless the view is open: the window calls this only then).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .curvature import (
    GAUGED,
    POSITIVE_DEFINITE,
    Curvature,
    Gauge,
    Optimum,
    curvature_at,
    gauge,
    level_ellipse,
    optimum,
    sharpness_along,
)
from .engine import RunResult

ELLIPSE_SHARE = 0.06     # the ellipse's longer half-axis: this fraction of the view's width


@dataclass(frozen=True)
class Reading:
    """The curvature at run ``run``'s head at playhead ``step``.

    Attributes
    ----------
    run : int
    step : int
        The recorded step shown: ``min(playhead, stop_step)``.
    head : ndarray (2,)
    name : str
        The run's optimizer.
    lr : float
        The learning rate of the update made from that step (its schedule's, if any).
    curvature : Curvature
    gauge : Gauge
    optimum : Optimum or None
    """

    run: int
    step: int
    head: np.ndarray
    name: str
    lr: float
    curvature: Curvature
    gauge: Gauge
    optimum: Optimum | None


def _paths(result: RunResult) -> np.ndarray:
    shown = result.shown()
    if shown is None:
        raise ValueError("the result has no recorded paths")
    return shown[0]


def head_step(result: RunResult, run: int, step: int) -> int:
    """The recorded step run ``run`` shows at playhead ``step``."""
    return int(min(max(int(step), 0), int(result.stop_step[run])))


def head_point(result: RunResult, run: int, step: int | None = None) -> np.ndarray:
    """Where run ``run``'s head is drawn at playhead ``step`` (None: its last point, as a
    preview draws it), shape (2,)."""
    stop = int(result.stop_step[run])
    k = stop if step is None else head_step(result, run, step)
    return np.array(_paths(result)[run, k], dtype=np.float64)


def _lr(result: RunResult, run: int, k: int) -> float:
    if result.lr is not None:
        return float(result.lr[run, k])
    return float(result.hparams_of(run).get("lr", np.nan))


def reading_at(result: RunResult, run: int, step: int) -> Reading:
    """The :class:`Reading` of run ``run`` at playhead ``step``."""
    k = head_step(result, run, step)
    head = head_point(result, run, step)
    name = result.configs[int(result.config_index[run])].name
    lr = _lr(result, run, k)
    curv = curvature_at(result.function, head)
    return Reading(run, k, head, name, lr, curv,
                   gauge(name, result.hparams_of(run), lr, curv), optimum(curv))


def ellipse_at(function, point, view_width: float, share: float = ELLIPSE_SHARE
               ) -> tuple[np.ndarray, bool]:
    """The level ellipse of ``function``'s local quadratic at ``point``, its longer half-axis
    ``share`` of ``view_width``: the outline (K, 2) (a saddle's two axes with a NaN row
    between them) and whether it is an ellipse (False: the axes)."""
    curv = curvature_at(function, point)
    outline = level_ellipse(curv, share * float(view_width))
    return outline, bool(len(outline)) and not np.isnan(outline).any()


@dataclass(frozen=True)
class Sharpness:
    """λmax along a run's path, step 0 to its stop.

    Attributes
    ----------
    steps : ndarray of int (K,)
    lambda_max : ndarray (K,)
    edge : ndarray (K,) or None
        The largest λmax the optimizer's rate of each step is stable for (its edge of
        stability): 2 / lr_t for gradient descent, 2 (1 + β) / lr_t for the heavy ball,
        2 (1 + β) / ((1 + 2β) lr_t) for Nesterov; None where the gauge does not apply.
    edge_label : str
        That edge as a formula ("2/lr", "2(1+β)/lr", ...); "" without one.
    """

    steps: np.ndarray
    lambda_max: np.ndarray
    edge: np.ndarray | None
    edge_label: str = ""

    @property
    def y_range(self) -> tuple[float, float]:
        """A range to plot it in: from 0 (or the most negative λmax, down to minus the top)
        to the largest λmax, the edge included and a spike far above the edge cut at four
        times it."""
        lam = self.lambda_max[np.isfinite(self.lambda_max)]
        lo = min(0.0, float(lam.min())) if len(lam) else 0.0
        hi = float(lam.max()) if len(lam) else 1.0
        if self.edge is not None and np.isfinite(self.edge).any():
            e = float(np.nanmax(np.where(np.isfinite(self.edge), self.edge, np.nan)))
            hi = max(min(hi, 4.0 * e), 1.1 * e)
        if hi > 0:
            lo = max(lo, -hi)
        return (lo, hi) if hi > lo else (lo, lo + 1.0)


EDGE_LABELS = {"gd": "2/lr", "sgd": "2/lr", "momentum": "2(1+β)/lr",
               "nesterov": "2(1+β)/((1+2β)lr)"}


def _edge_constant(name: str, hparams) -> float:
    """c in the edge c / lr: the gauge's bound on lr where λmax = 1 (NaN where it does not
    apply), so the formula stays the gauge's own."""
    unit = Curvature(np.zeros(2), np.eye(2), 1.0, 1.0, np.eye(2), POSITIVE_DEFINITE)
    return float(gauge(name, hparams, 1.0, unit).bound)


def sharpness_of(result: RunResult, run: int) -> Sharpness:
    """The :class:`Sharpness` of run ``run``: one value per step up to its stop."""
    stop = int(result.stop_step[run])
    points = _paths(result)[run, :stop + 1]
    _, lam_max = sharpness_along(result.function, points)
    name = result.configs[int(result.config_index[run])].name
    edge, label = None, ""
    constant = _edge_constant(name, result.hparams_of(run)) if name in GAUGED else np.nan
    if np.isfinite(constant):
        if result.lr is not None:
            lr = np.asarray(result.lr[run, :stop + 1], dtype=np.float64)
        else:
            lr = np.full(stop + 1, _lr(result, run, 0))
        with np.errstate(divide="ignore", invalid="ignore"):
            edge = np.where(lr > 0, constant / lr, np.nan)
        label = "2/lr" if constant == 2.0 else EDGE_LABELS[name]
    return Sharpness(np.arange(stop + 1), np.asarray(lam_max, dtype=np.float64), edge, label)
