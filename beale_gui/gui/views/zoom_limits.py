"""Zoom and pan limits of the contour canvas, per function (:func:`view_limits`), and the
ViewBox that keeps a requested range within them (:class:`LimitedViewBox`)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

Extent = tuple[tuple[float, float], tuple[float, float]]

# Zoom limits (see view_limits): the narrowest and widest view as fractions of the larger side
# of the function's bounds; the narrowest also relative to the largest coordinate a view can
# reach, so the grid's samples stay distinct floats some ulps apart; and, whatever the bounds,
# spans where pixel sizes, ticks and f stay ordinary floats.
ZOOM_IN = 1e-6
ZOOM_OUT = 1e4
RESOLUTION = 1e-10
SMALLEST_SPAN, LARGEST_SPAN = 1e-100, 1e100


def view_limits(bounds: Extent) -> dict[str, float]:
    """pyqtgraph ``ViewBox.setLimits`` keywords for a function with these bounds: the span of
    a view from ``ZOOM_IN`` to ``ZOOM_OUT`` times the bounds' larger side, and its edges
    within the widest view on either side of the bounds' centre."""
    (x0, x1), (y0, y1) = ((float(a), float(b)) for a, b in bounds)
    with np.errstate(over="ignore"):
        side = max(x1 - x0, y1 - y0)                          # inf for bounds of +-1e308
    side = min(max(side, SMALLEST_SPAN), LARGEST_SPAN)
    widest = min(ZOOM_OUT * side, LARGEST_SPAN)
    cx, cy = x0 / 2 + x1 / 2, y0 / 2 + y1 / 2
    cx, cy = (float(np.clip(c, -LARGEST_SPAN, LARGEST_SPAN)) for c in (cx, cy))
    farthest = max(abs(cx), abs(cy)) + widest
    narrowest = max(ZOOM_IN * side, RESOLUTION * farthest, SMALLEST_SPAN)
    widest = max(widest, 10.0 * narrowest)
    return {"xMin": cx - widest, "xMax": cx + widest, "yMin": cy - widest, "yMax": cy + widest,
            "minXRange": narrowest, "maxXRange": widest,
            "minYRange": narrowest, "maxYRange": widest}


class LimitedViewBox(pg.ViewBox):
    """A ViewBox that brings a requested range within its zoom limits before pyqtgraph's own
    clamping, which loses a range far wider than the limit to cancellation (+-1e100 under a
    limit of 6e4 ends as a zero-width range at 0), and that ignores a non-finite one (which
    pyqtgraph raises on) for the axis it names."""

    def setRange(self, rect=None, xRange=None, yRange=None, *args, **kwargs):
        if rect is not None:
            rect = QRectF(rect).normalized()
            xRange = (rect.left(), rect.right()) if xRange is None else xRange
            yRange = (rect.top(), rect.bottom()) if yRange is None else yRange
        limits = self.state["limits"]
        xRange = _clamped(xRange, limits["xRange"][1], limits["xLimits"])
        yRange = _clamped(yRange, limits["yRange"][1], limits["yLimits"])
        if xRange is None and yRange is None:
            return
        super().setRange(None, xRange, yRange, *args, **kwargs)


def _clamped(span, widest, edges) -> tuple[float, float] | None:
    """``span`` (lo, hi), at most ``widest`` wide about its centre kept within ``edges``; None
    when not given or not finite."""
    if span is None:
        return None
    lo, hi = sorted(float(v) for v in span)
    if not (np.isfinite(lo) and np.isfinite(hi)):
        return None
    if widest is not None and not hi - lo <= widest:          # hi - lo may overflow
        low, high = (-np.inf if e is None else e for e in edges)
        centre = float(np.clip(lo / 2 + hi / 2, low + widest / 2, high - widest / 2))
        lo, hi = centre - widest / 2, centre + widest / 2
    return lo, hi
