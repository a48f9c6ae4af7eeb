"""The search plot's scales: plot coordinates, the objective's colour values, log-axis ticks.

Plain functions of a :class:`~beale_gui.core.search.SearchResult` and its axes (no widget):
log-scale hyperparameters are plotted at log10 of their values and ticked in powers of ten;
the objective is coloured on a log scale unless a score is negative. :func:`let_shrink` keeps a
pyqtgraph label from widening the layout. :mod:`beale_gui.gui.views.search_plot` draws with them.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg

from ...core.search import Axis, SearchResult


def display_values(axis: Axis, values: np.ndarray) -> np.ndarray:
    """Plot coordinates along ``axis``: log10 of the values on a log scale."""
    values = np.asarray(values, dtype=np.float64)
    return np.log10(values) if axis.scale == "log" else values


def colour_values(scores: np.ndarray) -> tuple[np.ndarray, tuple[float, float], bool]:
    """What the colours (and a curve's height) show: the values, their levels (low, high), and
    whether they are log10 of the objective. NaN marks a diverged configuration.

    The objective is shown on a log scale unless a score is negative (the final loss of a
    function that goes below 0), which is shown as it is. A score of exactly 0 takes the
    smallest positive score's colour, so it never becomes -inf.
    """
    scores = np.asarray(scores, dtype=np.float64)
    finite = np.isfinite(scores)
    log = not (scores[finite] < 0).any()
    if log:
        positive = scores[finite & (scores > 0)]
        floor = positive.min() if positive.size else 1.0
        c = np.full(scores.shape, np.nan)
        c[finite] = np.log10(np.maximum(scores[finite], floor))
    else:
        c = np.where(finite, scores, np.nan)
    if not finite.any():
        return c, (0.0, 1.0), log
    low, high = float(np.nanmin(c)), float(np.nanmax(c))
    if high - low < 1e-9:
        pad = 0.5 if log else max(abs(low) * 0.05, 0.5)
        low, high = low - pad, high + pad
    return c, (low, high), log


_SUPERSCRIPT = str.maketrans("-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076"
                             "\u2077\u2078\u2079")


def power_text(value: float, decade: bool = False) -> str:
    """A tick label: ``10\u207b\u00b3`` for a decade, else ``0.02`` or ``2\u00b710\u207b\u2075``."""
    exponent = math.floor(math.log10(value) + 1e-9)
    mantissa = round(value / 10.0**exponent, 6)
    power = "10" + str(exponent).translate(_SUPERSCRIPT)
    if decade:
        return power
    if -3 <= exponent <= 3:
        return f"{value:.6g}"
    return power if mantissa == 1 else f"{mantissa:g}\u00b7{power}"


def log_ticks(low: float, high: float) -> list[list[tuple[float, str]]]:
    """Ticks for an axis whose coordinates are log10 values in [low, high].

    Decades are labelled as powers of ten (every k-th when there are many) with the 2..9
    multiples as unlabelled minor ticks; a range of less than two decades labels the 2s and 5s
    (or every multiple, or three values when it is narrower still).
    """
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return [[], []]
    span = high - low
    step = max(1, math.ceil(span / 8))
    first, last = math.ceil(low - 1e-9), math.floor(high + 1e-9)
    major = [(float(k), power_text(10.0**k, decade=True))
             for k in range(first, last + 1) if k % step == 0]
    multiples = [k + math.log10(m) for k in range(math.floor(low), math.ceil(high) + 1)
                 for m in range(2, 10)]
    multiples = [v for v in multiples if low - 1e-9 <= v <= high + 1e-9]
    if step > 1:
        return [major, [(float(k), "") for k in range(first, last + 1) if k % step]]
    if len(major) >= 2:
        return [major, [(v, "") for v in multiples] if span <= 6 else []]
    # less than two decades: label plain numbers
    major = [(v, power_text(10.0**v)) for v, _ in major]
    for keep in ((2, 5), tuple(range(2, 10))):
        extra = [v for v in multiples if round(10.0 ** (v - math.floor(v + 1e-9))) in keep]
        if len(major) + len(extra) >= 2:
            rest = [(v, "") for v in multiples if v not in extra]
            return [sorted(major + [(v, power_text(10.0**v)) for v in extra]), rest]
    values = np.linspace(10.0**low, 10.0**high, 3)
    return [[(float(np.log10(v)), f"{v:.3g}") for v in values], []]


def grid_shape(result: SearchResult) -> tuple[int, int] | None:
    """(n0, n1) when the result is a full two-parameter grid (axis 0 varying slowest)."""
    if len(result.axes) != 2 or len(result.boxes) > 1:
        return None
    n = int(round(math.sqrt(len(result.scores))))
    if n < 2 or n * n != len(result.scores):
        return None
    p0 = result.points[:, 0].reshape(n, n)
    p1 = result.points[:, 1].reshape(n, n)
    if np.ptp(p0, axis=1).any() or np.ptp(p1, axis=0).any():
        return None
    return n, n


def let_shrink(label: pg.LabelItem) -> None:
    """Let a long title or note be clipped at the sides rather than widen the layout past the
    widget: pyqtgraph makes a label's text width its minimum width on every change."""
    update_min = label.updateMin

    def update_min_width_zero() -> None:
        update_min()
        label.setMinimumWidth(0)

    label.updateMin = update_min_width_zero
    label.setMinimumWidth(0)
