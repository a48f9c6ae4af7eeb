"""Log-scaled contours of a test function, for the canvas (arrows and paths drawn over them:
:mod:`.polylines`).

numpy + contourpy only (no Qt). The canvas samples the visible region with :func:`sample_grid`,
colours it with :func:`log_image` and draws :func:`isolines` on top, all within a few tens of
milliseconds for a 400 x 400 grid, so pan and zoom can recompute at full resolution: one sample
per screen pixel of the view (:func:`grid_shape`).

Colour scale
------------
Test surfaces span many decades (Beale runs from 0 to ~1e5 over its default view), so colours and
isolines follow ``log10(f + shift)``. ``shift`` is 0 when every sampled value is positive; for
functions that go negative (the saddle ``x**2 - y**2``, the six-hump camel) it is ``-min(f)``, so
the lowest point maps to zero. Values are clipped below at a robust low (a low percentile of the
shifted values, but never more than :data:`MAX_DECADES` decades under the high end) and above at
a high percentile, so the exact zero at a minimum or a few huge corner values do not flatten the
rest. A :class:`LogScale` holds one such choice; the canvas makes one per view
(:func:`view_scale`), so the colours follow what is visible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import contourpy
import numpy as np

from .functions import TestFunction

LOW_PERCENTILE = 0.5
HIGH_PERCENTILE = 99.5
MAX_DECADES = 8.0
MIN_DECADES = 1.0     # a view's colours span at least this many decades where f varies (view_scale)
BASE_MARGIN = 0.01    # how far below a deep view's lowest f its colours start, of its spread
MAX_SAMPLES = 640_000   # contour grid samples at most (grid_shape): about 800 x 800
_BIGGEST = float(np.finfo(np.float64).max)
_SMALLEST = float(np.finfo(np.float64).smallest_subnormal)

_EMPTY = np.empty((0, 2))


def sample_grid(
    function: TestFunction,
    xrange: tuple[float, float],
    yrange: tuple[float, float],
    n: int | tuple[int, int] = 400,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Evaluate ``function`` on an ``nx`` x ``ny`` grid (``n`` an int: ``n`` x ``n``), in one
    vectorised call.

    Returns
    -------
    xs : ndarray, shape (nx,)
    ys : ndarray, shape (ny,)
    Z : ndarray, shape (ny, nx)
        ``Z[j, i] = f(xs[i], ys[j])`` (rows follow y), as contourpy expects.
    """
    nx, ny = (n, n) if np.isscalar(n) else n
    xs, ys = _linspace(*xrange, int(nx)), _linspace(*yrange, int(ny))
    surface = getattr(function, "surface_grid", None)
    if surface is not None:       # a model on data: exact, or interpolated when it would be slow
        with np.errstate(all="ignore"):
            return xs, ys, surface(xs, ys)
    # (n, n, 2) whose x and y planes are each contiguous: ufuncs on them run faster
    xy = np.empty((2, len(ys), len(xs))).transpose(1, 2, 0)
    xy[..., 0] = xs[None, :]
    xy[..., 1] = ys[:, None]
    return xs, ys, function.value(xy)


def grid_shape(pixels: tuple[float, float], minimum: int = 400,
               max_samples: int = MAX_SAMPLES) -> tuple[int, int]:
    """Samples along x and y for a view ``pixels`` = (width, height) device pixels large.

    One sample per pixel, so the image is never stretched into blocks and a valley a few
    pixels wide (Beale's near y = 1, Rosenbrock's) is drawn smooth, with isolines as fine;
    at least ``minimum`` a side; at most ``max_samples`` in all (both sides scaled down
    alike), which keeps a pan or zoom's recomputation within a few tens of milliseconds.
    """
    w, h = (float(p) if np.isfinite(p) and p > 1 else 1.0 for p in pixels)
    nx, ny = max(w, float(minimum)), max(h, float(minimum))
    if nx * ny > max_samples:
        shrink = np.sqrt(max_samples / (nx * ny))
        nx, ny = nx * shrink, ny * shrink
    return max(int(np.ceil(nx)), 2), max(int(np.ceil(ny)), 2)


def _linspace(start: float, stop: float, n: int) -> np.ndarray:
    """``np.linspace``, also between ends further apart than the largest float."""
    start, stop = float(start), float(stop)
    with np.errstate(over="ignore"):
        wide = not np.isfinite(stop - start)
    if not wide or n < 2:
        return np.linspace(start, stop, n)
    t = np.linspace(0.0, 1.0, n)
    out = start * (1.0 - t) + stop * t
    out[[0, -1]] = start, stop
    return out


@dataclass(frozen=True)
class LogScale:
    """A log colour scale: ``log10(f + shift)`` clipped to ``[log10(low), log10(high)]``.

    Attributes
    ----------
    shift : float
        Added to f before the log (0 unless f went negative where the scale was made).
    levels : ndarray, shape (L,)
        Isoline levels in units of f, increasing; ``levels + shift`` is geometric from ``low``
        to ``high`` as far as f's float64 resolution near ``-shift`` allows (where it does not,
        as for ``-1e16 + x``, levels one float apart stand in for the ones that would coincide).
    low, high : float
        Lowest and highest shifted value, ``0 < low < high < inf``: the colour range.
    """

    shift: float
    levels: np.ndarray
    low: float
    high: float

    @property
    def colour_range(self) -> tuple[float, float]:
        """``(log10(low), log10(high))``: the image levels for the colour map."""
        return float(np.log10(self.low)), float(np.log10(self.high))

    @property
    def label(self) -> str:
        """Axis label of the colour bar: ``log10 f``, ``log10(f + shift)`` or, for a view
        where f varies by less than a decade, ``log10(f − base)``."""
        if self.shift == 0.0:
            return "log\u2081\u2080 f"
        sign = "+" if self.shift > 0 else "\u2212"
        return f"log\u2081\u2080(f {sign} {abs(self.shift):.4g})"

    @property
    def decades(self) -> float:
        """How many decades the colour range spans."""
        return float(np.log10(self.high / self.low))

    def image(self, Z: np.ndarray) -> np.ndarray:
        """``log10(Z + shift)`` clipped to :attr:`colour_range`; NaN and +inf map to the top."""
        with np.errstate(all="ignore"):
            v = np.asarray(Z, dtype=np.float64) + self.shift
            v = np.nan_to_num(v, nan=self.high, posinf=self.high, neginf=self.low)
            np.clip(v, self.low, self.high, out=v)
            return np.log10(v, out=v)


def log_scale(Z: np.ndarray, n_levels: int = 20, shift: float | None = None) -> LogScale:
    """Choose a :class:`LogScale` with ``n_levels`` levels from sampled values ``Z``.

    Non-finite values are ignored; a constant (or empty) ``Z`` still gives valid increasing
    levels, and so do values at the ends of float64 (``1e308 * x``, ``-1e308``): shifted
    values beyond the largest float count as the largest, and the colour range stays finite.
    ``shift`` None shifts only where f goes negative (see the module docstring).
    """
    n_levels = max(int(n_levels), 2)
    z = np.asarray(Z, dtype=np.float64).ravel()
    z = z[np.isfinite(z)]
    if z.size == 0:
        return _scale(0.0, 1.0, 10.0, n_levels)
    if shift is None:
        zmin = float(z.min())
        shift = -zmin if zmin < 0 else 0.0
    with np.errstate(over="ignore"):
        v = z + shift                         # inf where f spans more than floats hold
    np.minimum(v, _BIGGEST, out=v)
    high = float(np.percentile(v, HIGH_PERCENTILE))
    positive = v[v > 0]
    low = float(np.percentile(positive, LOW_PERCENTILE)) if positive.size else 0.0
    if not high > 0:
        high = 1.0
    low = max(low, high * 10.0**-MAX_DECADES)
    if not high > low * (1 + 1e-9):  # (nearly) constant: one decade around the value
        root = np.sqrt(10.0)
        low, high = high / root, (high * root if high < _BIGGEST / root else _BIGGEST)
        low = min(low, high / 10.0)
        if not low > 0:                       # a subnormal constant: as far down as floats go
            low, high = _SMALLEST, max(high, 10 * _SMALLEST)
    return _scale(shift, low, high, n_levels)


def view_scale(Z: np.ndarray, n_levels: int = 20) -> LogScale:
    """The colour scale of one view, from the values ``Z`` sampled over it: :func:`log_scale`,
    so the colours follow what is visible and never saturate to one flat colour. Where f
    varies by less than :data:`MIN_DECADES` over the view on that scale (zoomed far in away
    from a minimum: f from 10.00 to 10.02), the colours follow ``f - base`` instead, with
    ``base`` just below the view's lowest value (by :data:`BASE_MARGIN` of the view's spread),
    so a deep zoom still shows the surface's shape over about two decades.
    """
    scale = log_scale(Z, n_levels)
    if scale.decades >= MIN_DECADES:
        return scale
    z = np.asarray(Z, dtype=np.float64)
    z = z[np.isfinite(z)]
    if not z.size:
        return scale
    zmin, zmax = float(z.min()), float(z.max())
    with np.errstate(over="ignore"):
        spread = zmax - zmin
        base = zmin - BASE_MARGIN * spread
    if not (np.isfinite(spread) and spread > 0 and np.isfinite(base) and base < zmin):
        return scale                          # constant, or beyond what floats can shift
    return log_scale(Z, n_levels, shift=-base)


def _scale(shift: float, low: float, high: float, n_levels: int) -> LogScale:
    """The scale from ``low`` to ``high`` (shifted values, ``0 < low < high < inf``), its levels
    in units of f made strictly increasing where subtracting ``shift`` merged some."""
    with np.errstate(over="ignore"):      # near the largest float; the ends are exact
        levels = np.geomspace(low, high, n_levels)
    np.minimum(levels, high, out=levels)
    levels -= shift
    if not (np.diff(levels) > 0).all():
        for i in range(1, len(levels)):
            if not levels[i] > levels[i - 1]:
                levels[i] = np.nextafter(levels[i - 1], np.inf)
    return LogScale(float(shift), levels, float(low), float(high))


def log_levels(Z: np.ndarray, n_levels: int = 20) -> np.ndarray:
    """``n_levels`` increasing isoline levels for ``Z``, log-spaced in ``f + shift``.

    See :func:`log_scale` and the module docstring for the shift and the robust range.

    Returns
    -------
    ndarray, shape (n_levels,)
    """
    return log_scale(Z, n_levels).levels


def log_image(Z: np.ndarray, scale: LogScale | None = None) -> np.ndarray:
    """The filled-contour image: ``log10(Z + shift)``, finite, clipped to the scale's range.

    Parameters
    ----------
    Z : ndarray, shape (ny, nx)
    scale : LogScale, optional
        Keep colours fixed across views by passing the scale of the default view; by default
        one is chosen from ``Z``.
    """
    return (scale or log_scale(Z)).image(Z)


def isolines(
    xs: np.ndarray, ys: np.ndarray, Z: np.ndarray, levels: Sequence[float]
) -> list[np.ndarray]:
    """Isolines of ``Z`` at each level, from contourpy.

    Returns
    -------
    list of ndarray, shape (M, 2), one per level
        All the level's polylines, separated by rows of NaN (so one curve drawn with
        ``connect="finite"`` shows them all); shape (0, 2) where a level has no line.
    """
    Z = np.asarray(Z, dtype=np.float64)
    if not np.isfinite(Z).all():
        Z = np.ma.masked_invalid(Z)
    gen = contourpy.contour_generator(xs, ys, Z, line_type=contourpy.LineType.ChunkCombinedNan)
    out = []
    for (chunks,) in gen.multi_lines(np.asarray(levels, dtype=np.float64)):
        parts = [c for c in chunks if c is not None and len(c)]
        out.append(np.concatenate(parts) if len(parts) > 1 else parts[0] if parts else _EMPTY)
    return out


def join_polylines(lines: Sequence[np.ndarray]) -> np.ndarray:
    """Concatenate polylines of shape (M_i, 2) into one (M, 2) array, NaN rows between them."""
    parts = []
    for line in lines:
        if len(line):
            parts.extend((line, np.full((1, 2), np.nan)))
    return np.concatenate(parts[:-1]) if parts else _EMPTY
