"""The ranges the views fit to a batch of runs: the canvas's view and the loss plot's axis.

The canvas is framed on the function's domain (a path leaving it is drawn to the view's
edge); a run that diverged never decides the loss plot's range (it is drawn leaving the view,
and flagged), so one blow-up does not squash everything else; the loss is shown as ``f - f*``
on a log axis where the function's minimum value is known.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .engine import DIVERGED, RunResult
from .polylines import clip_polyline

LOSS_FLOOR = 1e-20


def loss_for_plot(result: RunResult) -> tuple[np.ndarray, str, bool]:
    """The loss as a log-scaled plot can show it, with an honest axis label: f at the points the
    window draws (``RunResult.shown``).

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
    loss = result.shown()[1]
    # the smallest finite value without a copy of the finite ones (100,000-step runs: MBs)
    finite = np.isfinite(loss)
    any_finite = bool(finite.any())
    least = float(np.min(loss, where=finite, initial=np.inf)) if any_finite else np.inf
    del finite
    shift = _shift(result, least if any_finite else None)
    if shift is not None:
        f_star, floor = shift
        label = "f" if f_star == 0 else f"f − f*  (f* = {f_star:.6g})"
        values = np.subtract(loss, f_star)
        return np.maximum(values, floor, out=values), label, True
    return loss, "f", any_finite and least > 0


def _shift(result: RunResult, least: float | None) -> tuple[float, float] | None:
    """(f*, floor) when the loss is plotted as ``f - f*`` (see :func:`loss_for_plot`)."""
    known = result.function.minimum_values
    known = known[np.isfinite(known)]
    if not len(known):
        return None
    f_star = float(known.min())
    floor = max(LOSS_FLOOR, 1e-15 * abs(f_star))
    return (f_star, floor) if least is None or least >= f_star - floor else None


def batch_loss_for_plot(result: RunResult, i: int, log: bool) -> np.ndarray | None:
    """Run ``i``'s mini-batch loss on a model on data as the loss plot shows the full-data
    loss (:func:`loss_for_plot`: ``f - f*`` where that is plotted), (T+1,) at the index of
    the point each batch was drawn at; on a log axis the values that are not positive (a batch
    fitting better than the minimum of all the data) are NaN, drawn as gaps. None when the run
    recorded none (deterministic, not a model, or the state not recorded)."""
    batch = result.batch_loss_of(i)
    if batch is None:
        return None
    loss = result.shown()[1]
    finite = np.isfinite(loss)
    least = float(np.min(loss, where=finite, initial=np.inf)) if finite.any() else None
    shift = _shift(result, least)
    values = np.array(batch, dtype=np.float64)
    if shift is not None:
        values -= shift[0]
    if log:
        values[~(values > 0)] = np.nan
    return values


def fit_extent(result: RunResult, bounds, pad: float = 0.05):
    """The view for the result: the function's own domain (``bounds``), framed on it whatever
    the paths do. A path that leaves the domain, diverged or not, does not widen it (it is
    drawn to the view's edge; a diverged one is flagged), so the view of a lecture stays on
    the surface. Only start points outside the domain widen it (a start must be in sight),
    with ``pad`` of the span added on the sides that were widened.

    Returns ``((x0, x1), (y0, y1))``, finite.
    """
    (bx0, bx1), (by0, by1) = (tuple(map(float, b)) for b in bounds)
    lo = np.array([bx0, by0])
    hi = np.array([bx1, by1])
    starts = np.asarray(result.starts, dtype=np.float64).reshape(-1, 2)
    starts = starts[np.isfinite(starts).all(axis=1)]
    if len(starts):
        lo = np.minimum(lo, starts.min(axis=0))
        hi = np.maximum(hi, starts.max(axis=0))
    extra = pad * (hi - lo)
    lo = np.where(lo < [bx0, by0], lo - extra, lo)
    hi = np.where(hi > [bx1, by1], hi + extra, hi)
    return (float(lo[0]), float(hi[0])), (float(lo[1]), float(hi[1]))


RANGE_CHUNK = 1 << 16    # values loss_view_range copies at a time (a run at least)


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
    lo, hi = np.inf, -np.inf
    rows = np.flatnonzero(keep)
    # some runs at a time (about RANGE_CHUNK values): their copies, not every run's at once
    per = max(1, RANGE_CHUNK // max(values.shape[1], 1))
    for a in range(0, len(rows), per):
        chunk = rows[a:a + per]
        valid = np.arange(values.shape[1])[None, :] <= result.stop_step[chunk, None]
        v = values[chunk][valid]
        v = v[np.isfinite(v)]
        if log:
            v = np.log10(v[v > 0])
        if v.size:
            lo, hi = min(lo, float(v.min())), max(hi, float(v.max()))
    if lo > hi:
        return (0.0, 1.0)
    if hi - lo < 1e-12:
        lo, hi = lo - 0.5, hi + 0.5
    margin = pad * (hi - lo)
    return lo - margin, hi + margin


def _crosses(line: np.ndarray, lo: np.ndarray, hi: np.ndarray, box) -> bool:
    """Whether polyline ``line`` (its vertices' minimum ``lo`` and maximum ``hi``) has a part
    in ``box`` (left, right, top, bottom): as ``clip_polyline``'s result is non-empty."""
    left, right, top, bottom = box
    if not (lo[0] <= right and hi[0] >= left and lo[1] <= bottom and hi[1] >= top):
        return False                        # (NaN extents, of an all-NaN line, fail here too)
    x, y = line[:, 0], line[:, 1]
    if ((x >= left) & (x <= right) & (y >= top) & (y <= bottom)).any():
        return True
    return len(clip_polyline(line, box)) > 0


# Where a legend may float over a view, in the order tried when several are as empty:
# (x, y) of its anchor as fractions of the view, (0, 0) the top left (screen y runs down).
LEGEND_SPOTS = {"top-left": (0.0, 0.0), "top-right": (1.0, 0.0), "bottom-left": (0.0, 1.0),
                "bottom-right": (1.0, 1.0), "top": (0.5, 0.0), "bottom": (0.5, 1.0),
                "left": (0.0, 0.5), "right": (1.0, 0.5)}


def emptiest_spot(points: np.ndarray, extent, view_px: tuple[float, float],
                  box_px: tuple[float, float], margin: float = 8.0,
                  clearance: float = 8.0, paths: Sequence[np.ndarray] = ()) -> tuple[str, int]:
    """Where in the view a legend box covers the fewest ``points`` and ``paths``: one of
    :data:`LEGEND_SPOTS` (the corners first, then the middles of the edges), ``margin`` pixels
    in from the view's edges.

    Parameters
    ----------
    points : ndarray, shape (N, 2)
        What the legend must not cover (path vertices, start points, minima), in data units;
        points outside the view or not finite count for nothing.
    extent : ((x0, x1), (y0, y1))
        The visible range.
    view_px, box_px : (float, float)
        The view's and the legend's (width, height) in pixels.
    clearance : float
        Pixels kept free around each point (a marker's radius).
    paths : sequence of ndarray, shape (T, 2)
        Polylines in data units: a path counts once where any of its segments crosses the
        box, even one whose vertices are all outside it (a long jump across a corner).

    Returns
    -------
    spot : str
    covered : int
        How many points and paths the legend covers there (0: none).
    """
    (x0, x1), (y0, y1) = extent
    W, H = (float(v) for v in view_px)
    w, h = (float(v) + 2 * clearance for v in box_px)
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    with np.errstate(all="ignore"):
        px = (pts[:, 0] - x0) / (x1 - x0) * W
        py = (y1 - pts[:, 1]) / (y1 - y0) * H
    inside = np.isfinite(px) & np.isfinite(py) & (px >= 0) & (px <= W) & (py >= 0) & (py <= H)
    px, py = px[inside], py[inside]
    with np.errstate(all="ignore"):
        lines = [np.column_stack([(p[:, 0] - x0) / (x1 - x0) * W,
                                  (y1 - p[:, 1]) / (y1 - y0) * H])
                 for p in (np.asarray(q, dtype=np.float64).reshape(-1, 2) for q in paths)
                 if len(p) >= 2]
    # each line's extent: a box it does not reach needs no clipping, and one holding a vertex
    # is crossed (the clip is only for lines that pass a box without a vertex in it)
    with np.errstate(all="ignore"):
        spans = [(np.nanmin(line, axis=0), np.nanmax(line, axis=0)) for line in lines]
    best = ("top-left", -1)
    for name, (fx, fy) in LEGEND_SPOTS.items():
        left = fx * (W - 2 * margin - w + 2 * clearance) + margin - clearance
        top = fy * (H - 2 * margin - h + 2 * clearance) + margin - clearance
        covered = int(np.count_nonzero((px >= left) & (px <= left + w)
                                       & (py >= top) & (py <= top + h)))
        box = (left, left + w, top, top + h)
        covered += sum(_crosses(line, lo, hi, box) for line, (lo, hi) in zip(lines, spans,
                                                                          strict=True))
        if covered == 0:
            return name, 0
        if best[1] < 0 or covered < best[1]:
            best = (name, covered)
    return best
