"""What the window's Data view draws of a model on data: the samples, its range, the fit.

The view asks these for every number it shows: which samples to draw when there are too many
(:func:`shown_samples`), the range to show them in (:func:`data_view_range`), the fitted curve
of a run at a step (:func:`fit_curve`, :func:`params_at`), and the epochs of a stochastic run
(:func:`epoch_length`).
"""

from __future__ import annotations

import numpy as np

from ..engine.stochastic import n_samples_of, steps_per_epoch
from .model import ModelFunction

MAX_SHOWN_SAMPLES = 5000      # the most samples the Data view draws (evenly chosen beyond)
CURVE_POINTS = 241            # points of a fitted curve
MARGIN = 0.06                 # of the data's span, either side


def shown_samples(model: ModelFunction, limit: int = MAX_SHOWN_SAMPLES
                  ) -> tuple[np.ndarray, np.ndarray]:
    """The samples to draw: all of them up to ``limit``, else ``limit`` evenly chosen (every
    k-th of the data's order). Returns x and y, each of shape (m,), m <= limit."""
    data = model.data
    if data.n <= limit:
        return data.x, data.y
    keep = np.linspace(0, data.n - 1, limit).round().astype(np.int64)
    return data.x[keep], data.y[keep]


def _span(values: np.ndarray, margin: float) -> tuple[float, float]:
    lo, hi = float(np.min(values)), float(np.max(values))
    pad = (hi - lo) * margin if hi > lo else max(abs(lo), 1.0) * 0.5
    return lo - pad, hi + pad


def data_view_range(model: ModelFunction, margin: float = MARGIN
                    ) -> tuple[tuple[float, float], tuple[float, float]]:
    """((x0, x1), (y0, y1)): the data's range with ``margin`` of its span either side; for
    logistic regression y spans the labels 0 and 1 and a little more."""
    data = model.data
    xr = _span(data.x, margin)
    if model.model == "logistic":
        return xr, (-0.1, 1.1)
    return xr, _span(data.y, margin)


def fit_curve(model: ModelFunction, params, x_range: tuple[float, float],
              points: int = CURVE_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """The model's prediction at parameters ``params`` (p1, p2) over ``x_range``: x of shape
    (points,), evenly spaced, and the prediction there (for logistic regression the
    probability of label 1). Non-finite predictions are NaN (drawn as gaps)."""
    xs = np.linspace(float(x_range[0]), float(x_range[1]), points)
    with np.errstate(all="ignore"):
        ys = np.asarray(model.predict(np.asarray(params, dtype=np.float64), xs),
                        dtype=np.float64)
    return xs, np.where(np.isfinite(ys), ys, np.nan)


def params_at(paths: np.ndarray, stop_step: int, step: int) -> np.ndarray:
    """A run's parameters at ``step``: its point there, or its last valid one past its stop.
    ``paths`` is the run's (T+1, 2) points."""
    k = min(max(int(step), 0), int(stop_step), len(paths) - 1)
    return np.asarray(paths[k], dtype=np.float64)


def epoch_length(function, config) -> int | None:
    """Updates per epoch of ``config`` (an OptimizerConfig) on ``function``: for a stochastic
    configuration on a model whose batch is smaller than its samples, ceil(n / B); else None
    (no epochs to show)."""
    n = n_samples_of(function)
    noise = getattr(config, "noise", None)
    if n <= 0 or noise is None or not 0 < noise.batch_size < n:
        return None
    return int(steps_per_epoch(n, noise.batch_size))
