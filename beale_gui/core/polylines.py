"""Geometry drawn over the contours, sized for the screen: the mechanics arrows
(:func:`arrow_shapes`), paths thinned to the screen's resolution (:func:`thin_polyline`) and cut
to a box around the view (:func:`clip_polyline`). numpy only (no Qt).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

__all__ = ["ArrowShapes", "arrow_shapes", "clip_polyline", "segment_distances",
           "simplify_polylines", "thin_polyline"]


class ArrowShapes(NamedTuple):
    """Arrows sized in screen pixels, in data coordinates (see :func:`arrow_shapes`).

    Attributes
    ----------
    index : ndarray of int, shape (K,)
        Which of the given vectors are drawn, in order.
    tail, base, tip : ndarray, shape (K, 2)
        Where each arrow starts, where its head begins and its point.
    left, right : ndarray, shape (K, 2)
        The head's back corners.
    side : ndarray, shape (K, 2)
        One screen pixel across the shaft (perpendicular to it), in data units.
    """

    index: np.ndarray
    tail: np.ndarray
    base: np.ndarray
    tip: np.ndarray
    left: np.ndarray
    right: np.ndarray
    side: np.ndarray

    def outline(self, half_width: float) -> np.ndarray:
        """Each arrow as a closed block-arrow outline, a shaft ``2 * half_width`` pixels wide
        and the head: shape (K, 8, 2), the first vertex repeated at the end."""
        w = float(half_width) * self.side
        ring = [self.tail + w, self.base + w, self.left, self.tip, self.right,
                self.base - w, self.tail - w, self.tail + w]
        return np.stack(ring, axis=1) if len(self.index) else np.empty((0, 8, 2))


def arrow_shapes(tails: np.ndarray, vectors: np.ndarray, pixel: tuple[float, float],
                 length: float, decades: float | None = None, head: float = 10.0,
                 spread: float = 0.5) -> ArrowShapes:
    """Arrows along ``vectors`` from ``tails``, sized in screen pixels on a view where one
    pixel is ``pixel`` = (px, py) data units, so they read the same at any zoom.

    The magnitudes of gradients and steps differ by decades, so a linear scale would hide most
    arrows. With ``decades`` None every arrow is ``length`` pixels long and only directions
    show. With ``decades`` D, lengths follow the logarithm of the magnitude relative to the
    largest vector: the largest is ``length`` long, and the others ``length * (0.25 + 0.75 s)``
    with ``s = 1 + log10(|v| / max|v|) / D``; vectors more than 10**D times smaller than the
    largest are not drawn. Zero or non-finite vectors never are. Each points where its vector
    points on screen (the view's x and y scales may differ).

    Parameters
    ----------
    tails, vectors : ndarray, shape (N, 2)
    pixel : (float, float)
        Data units per screen pixel along x and y; nothing is drawn unless both are
        positive and finite.
    length : float
        Longest drawn length, in pixels.
    decades : float, optional
    head, spread : float
        The head's length in pixels (at most 45% of the arrow's) and its half-width as a
        fraction of its length.
    """
    tails = np.asarray(tails, dtype=np.float64).reshape(-1, 2)
    vectors = np.asarray(vectors, dtype=np.float64).reshape(-1, 2)
    scale = np.asarray(pixel, dtype=np.float64).reshape(2)
    with np.errstate(all="ignore"):
        norm = np.hypot(vectors[:, 0], vectors[:, 1])
        on_screen = vectors / scale
        screen = np.hypot(on_screen[:, 0], on_screen[:, 1])
        ok = (np.isfinite(norm) & (norm > 0) & np.isfinite(tails).all(axis=1)
              & np.isfinite(screen) & (screen > 0))
        if not (np.isfinite(scale).all() and (scale > 0).all()):
            ok[:] = False
        size = np.full(len(norm), float(length))
        if decades is not None and ok.any():
            s = 1.0 + np.log10(norm / norm[ok].max()) / float(decades)
            ok &= s > 0
            size = length * (0.25 + 0.75 * np.clip(s, 0.0, 1.0))
        index = np.flatnonzero(ok)
        unit = on_screen[index] / screen[index, None]          # screen direction
        size = size[index, None]
    across = np.stack([-unit[:, 1], unit[:, 0]], axis=1)
    head_len = np.minimum(float(head), 0.45 * size)
    tail = tails[index]
    tip = tail + unit * size * scale
    base = tail + unit * (size - head_len) * scale
    wing = across * (spread * head_len) * scale
    return ArrowShapes(index, tail, base, tip, base + wing, base - wing, across * scale)


def thin_polyline(xy: np.ndarray, cell: tuple[float, float]) -> np.ndarray:
    """Indices of the points of a polyline worth drawing at a resolution of ``cell``.

    A point is kept when it lies in a different ``cell``-sized box than the point before it
    (the first point is always kept), so the thinned line stays within one cell of the full
    one. With a cell of half a screen pixel, 10,000 steps that crawl into a minimum shrink to
    the few hundred points the screen can show, which keeps wide pens fast to draw.

    Parameters
    ----------
    xy : ndarray, shape (T, 2)
    cell : (float, float)
        Box size along x and y, in data units; a non-positive or non-finite size keeps all.

    Returns
    -------
    ndarray of int, shape (K,), increasing
    """
    xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    cell_arr = np.asarray(cell, dtype=np.float64)
    if len(xy) < 3 or not (np.isfinite(cell_arr).all() and (cell_arr > 0).all()):
        return np.arange(len(xy))
    with np.errstate(all="ignore"):
        q = np.floor(xy / cell_arr)
    changed = (q[1:] != q[:-1]).any(axis=1)
    return np.concatenate(([0], np.flatnonzero(changed) + 1))


def clip_polyline(xy: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    """The parts of a polyline inside ``box``, its segments cut at the box's edges.

    What lies inside is unchanged; a segment that leaves the box ends on its edge, one wholly
    outside is dropped, and a NaN row separates the pieces. A diverged run's last segments can
    be 1e10 times the view: drawn whole, a dashed pen there comes out solid (Qt gives up
    dashing so long a line), cut to a box around the view they dash as the rest.

    Parameters
    ----------
    xy : ndarray, shape (T, 2), finite
    box : (x0, x1, y0, y1)

    Returns
    -------
    ndarray, shape (M, 2): ``xy`` itself when every point is inside
    """
    xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    x0, x1, y0, y1 = (float(v) for v in box)
    inside = ((xy[:, 0] >= x0) & (xy[:, 0] <= x1) & (xy[:, 1] >= y0) & (xy[:, 1] <= y1))
    if inside.all() or len(xy) < 2:
        return xy if inside.all() else xy[:0]
    p, d = xy[:-1], np.diff(xy, axis=0)
    t0, t1 = np.zeros(len(d)), np.ones(len(d))
    with np.errstate(divide="ignore", invalid="ignore"):
        for axis, (lo, hi) in enumerate(((x0, x1), (y0, y1))):   # Liang-Barsky
            q, dq = p[:, axis], d[:, axis]
            ta, tb = (lo - q) / dq, (hi - q) / dq
            enter, leave = np.minimum(ta, tb), np.maximum(ta, tb)
            still = dq == 0
            outside = still & ((q < lo) | (q > hi))
            t0 = np.where(still, t0, np.maximum(t0, enter))
            t1 = np.where(still, t1, np.minimum(t1, leave))
            t1 = np.where(outside, -1.0, t1)
    shown = t0 <= t1
    start = p + t0[:, None] * d
    end = p + t1[:, None] * d
    start[t0 == 0] = p[t0 == 0]            # exact where not cut
    end[t1 == 1] = xy[1:][t1 == 1]
    # a segment goes on from the one before when both are shown and meet at an uncut point
    follows = np.zeros(len(d), dtype=bool)
    follows[1:] = shown[1:] & shown[:-1] & (t1[:-1] == 1) & (t0[1:] == 0)
    breaks = np.zeros(len(d), dtype=bool)
    breaks[:-1] = shown[:-1] & ~follows[1:]
    breaks[-1] = shown[-1]
    # rows per shown segment: its start (unless it goes on), its end, a NaN after a piece
    kept = np.flatnonzero(shown)
    opens, gaps = ~follows[kept], breaks[kept]
    counts = opens.astype(int) + 1 + gaps.astype(int)
    first = np.cumsum(counts) - counts
    out = np.full((int(counts.sum()), 2), np.nan)
    out[first[opens]] = start[kept[opens]]
    out[first + opens] = end[kept]
    return out[:-1]     # the last piece's NaN


def segment_distances(polyline: np.ndarray, point: tuple[float, float]) -> np.ndarray:
    """Distance from ``point`` to each segment of ``polyline`` (N, 2), shape (N - 1,): to the
    nearest point of the segment, its ends included (a zero-length segment: to its point)."""
    p = np.asarray(point, dtype=np.float64)
    a = np.asarray(polyline, dtype=np.float64)[:-1]
    ab = np.diff(np.asarray(polyline, dtype=np.float64), axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.clip(np.nan_to_num(((p - a) * ab).sum(axis=1) / (ab * ab).sum(axis=1)), 0, 1)
    return np.hypot(*(a + t[:, None] * ab - p).T)


SIMPLIFY_TOLERANCE = 0.5    # cells: what simplify_polylines may leave out of a thinned path
SIMPLIFY_WINDOW = 64        # thinned points: a path is simplified in pieces of at most this many
SIMPLIFY_LEVELS = SIMPLIFY_WINDOW   # rounds of splitting: enough for a piece of a window


def simplify_polylines(paths: list[np.ndarray], cell: tuple[float, float],
                       tolerance: float = SIMPLIFY_TOLERANCE) -> list[np.ndarray]:
    """Indices of the points of each polyline worth drawing at a resolution of ``cell``: fewer
    than :func:`thin_polyline` keeps, with the drawn line as close to the full one.

    Each path is thinned to ``cell`` first; of the points left, every
    :data:`SIMPLIFY_WINDOW`-th is kept and between them the Ramer-Douglas-Peucker rule keeps
    only those a straight piece between kept points would pass farther than ``tolerance``
    cells from (measured to the piece, not the line through it, so an overshoot that doubles
    back along the line is kept). A path that curves gently across the screen keeps a point
    every few dozen pixels rather than one per half pixel, which is what a wide pen's drawing
    time follows. Every piece of every path is split at once, round by round, in numpy; the
    windows bound the rounds.

    Parameters
    ----------
    paths : list of ndarray, each shape (T_i, 2), finite
    cell : (float, float)
        As for :func:`thin_polyline`; a non-positive or non-finite size keeps every point.
    tolerance : float
        In cells (``cell``'s units along each axis).

    Returns
    -------
    list of ndarray of int, increasing, the first and last point of each path always included
    """
    thinned = [thin_polyline(xy, cell) for xy in paths]
    cell_arr = np.asarray(cell, dtype=np.float64)
    if not (np.isfinite(cell_arr).all() and (cell_arr > 0).all()):
        return thinned
    sizes = np.array([len(k) for k in thinned], dtype=np.int64)
    if not sizes.size or sizes.max() < 3:
        return thinned
    # every path's thinned points in one array, in cells
    p = np.concatenate([np.asarray(xy, dtype=np.float64).reshape(-1, 2)[k]
                        for xy, k in zip(paths, thinned, strict=True)]) / cell_arr
    x, y = np.ascontiguousarray(p[:, 0]), np.ascontiguousarray(p[:, 1])
    ends = np.cumsum(sizes)
    firsts = ends - sizes
    # the windows' ends are kept; each window is a piece to split
    marks = [np.append(np.arange(f, e, SIMPLIFY_WINDOW), e - 1)
             for f, e in zip(firsts.tolist(), ends.tolist(), strict=True) if e > f]
    keep = np.zeros(len(p), dtype=bool)
    a, b = [], []
    for m in marks:
        keep[m] = True
        a.append(m[:-1])
        b.append(m[1:])
    a, b = np.concatenate(a), np.concatenate(b)
    limit = tolerance * tolerance
    for _ in range(SIMPLIFY_LEVELS):
        longer = b - a > 1
        a, b = a[longer], b[longer]
        if not len(a):
            break
        inner = b - a - 1
        first = np.cumsum(inner) - inner
        piece = np.repeat(np.arange(len(a)), inner)
        idx = np.arange(len(piece)) - first[piece] + a[piece] + 1
        ax, ay = x[a][piece], y[a][piece]
        dx, dy = x[b][piece] - ax, y[b][piece] - ay
        rx, ry = x[idx] - ax, y[idx] - ay
        dd = dx * dx + dy * dy
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.clip((rx * dx + ry * dy) / dd, 0.0, 1.0)
        t[dd == 0] = 0.0
        ox, oy = rx - t * dx, ry - t * dy
        dist = ox * ox + oy * oy
        far = np.maximum.reduceat(dist, first)
        split = far > limit
        hits = np.flatnonzero((dist == far[piece]) & split[piece])
        if not len(hits):
            break
        of = piece[hits]
        hits = hits[np.concatenate(([True], of[1:] != of[:-1]))]   # a piece's first farthest
        pieces, mid = piece[hits], idx[hits]
        keep[mid] = True
        a, b = np.concatenate([a[pieces], mid]), np.concatenate([mid, b[pieces]])
    return [k[np.flatnonzero(keep[lo:hi])] for k, lo, hi
            in zip(thinned, firsts.tolist(), ends.tolist(), strict=True)]
