"""A run's path on the canvas: :class:`PathTrack`, drawn up to the playhead in a few cached
curves, simplified to the screen's resolution and cut to a box around the view."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem

from ...core import polylines
from .canvas_items import HEAD_SIZE, Z_PATHS, Box, path_pens

__all__ = ["PathTrack"]

CLICK_PX = 9           # a click in a band this wide around a drawn path selects its run
HEAD_PX = HEAD_SIZE / 2 + 2   # but not on its head: a click there adds a start point
SELECTED_EXTRA_PX = 1.5   # the selected run's path is drawn this much wider, and on top


class PathCurve(pg.PlotCurveItem):
    """A path's curve that takes a left click within :data:`CLICK_PX` of its line, except
    where ``passes(scene_pos)`` says it lets the click through.

    pyqtgraph caches a curve's clickable band in data units when it is first asked for and
    keeps it when the view zooms, so the band would grow or shrink on screen; here it is made
    for the current view, and kept until the data or the view changes."""

    def __init__(self, *args, passes: Callable[[QPointF], bool] | None = None, **kwargs):
        self._data_version = 0
        self._shape: tuple[tuple, QPainterPath] | None = None
        super().__init__(*args, **kwargs)
        self._passes = passes

    def updateData(self, *args, **kwargs):  # noqa: N802 (pyqtgraph's name)
        self._data_version += 1
        super().updateData(*args, **kwargs)

    def clear(self):
        self._data_version += 1
        super().clear()

    def mouseClickEvent(self, ev) -> None:
        if self._passes is not None and self._passes(ev.scenePos()):
            return
        super().mouseClickEvent(ev)

    def mouseShape(self) -> QPainterPath:
        view = self.getViewBox()
        if view is None:
            return QPainterPath()
        # kept while the data and the view stay: hovering asks for it at every mouse move
        t = self.itemTransform(view)[0]
        key = (self._data_version, t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy())
        if self._shape is None or self._shape[0] != key:
            stroker = QPainterPathStroker()
            stroker.setWidth(CLICK_PX)
            shape = self.mapFromItem(view, stroker.createStroke(self.mapToItem(view,
                                                                               self.getPath())))
            self._shape = (key, shape)
        return self._shape[1]


class PathTrack:
    """One run's path, drawn up to a step.

    The path is simplified to the screen's resolution
    (:func:`beale_gui.core.polylines.simplify_polylines`) and drawn by three curves: a *base*
    up to the last multiple of :data:`BLOCK` kept points and a *middle* from there up to the
    last multiple of :data:`CHUNK`, both cached as pixmaps and redrawn only when their end
    moves, and a short live *tail* on to the head. So a frame redraws at most ``CHUNK``
    segments per path, the middle (at most ``BLOCK``) every ``CHUNK`` points and the whole base
    only every ``BLOCK``, however long the path is. The pixmaps pay off only over the frames of
    an animation: while none plays (:meth:`set_animating`) the curves are drawn directly, as
    building them would cost several times a plain draw on every click and every drag preview.
    """

    CHUNK = 128
    BLOCK = 1024

    def __init__(self, colour: str, style: Qt.PenStyle,
                 on_click: Callable[[PathTrack], None] | None = None) -> None:
        self._selected = False
        self._style = (colour, style)
        pen, halo = self._pens()
        self.base, self.middle, self.tail = (
            PathCurve(pen=pen, shadowPen=halo, antialias=False, skipFiniteCheck=True,
                      passes=self._on_head)
            for _ in range(3))
        self._head = -1   # the index of the point drawn last
        self._cached = True
        self._cache(False)
        if on_click is not None:
            for curve in self.items:
                curve.setClickable(True, CLICK_PX)
                curve.sigClicked.connect(lambda *_: on_click(self))
        self._shown = True
        self._set_path(np.zeros((0, 2)))

    def set_animating(self, on: bool) -> None:
        """Keep the base and the middle as pixmaps (an animation plays), or draw them
        directly."""
        self._cache(on)

    def _cache(self, on: bool) -> None:
        if on != self._cached:
            self._cached = on
            mode = (QGraphicsItem.CacheMode.DeviceCoordinateCache if on
                    else QGraphicsItem.CacheMode.NoCache)
            for curve in (self.base, self.middle):
                curve.setCacheMode(mode)

    def _pens(self) -> tuple[QPen, QPen]:
        pen, halo = path_pens(*self._style)
        if self._selected:
            pen, halo = QPen(pen), QPen(halo)
            pen.setWidthF(pen.widthF() + SELECTED_EXTRA_PX)
            halo.setWidthF(halo.widthF() + SELECTED_EXTRA_PX)
        return pen, halo

    def _apply_pens(self) -> None:
        pen, halo = self._pens()
        for curve in self.items:
            curve.setPen(pen)
            curve.setShadowPen(halo)

    def _on_head(self, scene_pos: QPointF) -> bool:
        """Whether ``scene_pos`` is on the head marker (within :data:`HEAD_PX`)."""
        view = self.tail.getViewBox()
        if view is None or not 0 <= self._head < len(self.xy):
            return False
        x, y = self.xy[self._head]
        head = view.mapViewToScene(QPointF(float(x), float(y)))
        offset = head - scene_pos
        return offset.x() ** 2 + offset.y() ** 2 <= HEAD_PX ** 2

    @property
    def selected(self) -> bool:
        return self._selected

    def set_selected(self, yes: bool) -> None:
        """Draw the path wider and above the others (the selected run), or as usual."""
        if bool(yes) == self._selected:
            return
        self._selected = bool(yes)
        self._apply_pens()
        for curve in self.items:
            curve.setZValue(Z_PATHS + 1 if yes else Z_PATHS)

    @property
    def style(self) -> tuple[str, Qt.PenStyle]:
        """The colour and pen style the path is drawn with."""
        return self._style

    @property
    def items(self) -> tuple[pg.PlotCurveItem, ...]:
        return self.base, self.middle, self.tail

    def shows(self, path: np.ndarray, colour: str, style: Qt.PenStyle,
              cell: tuple[float, float], box: Box | None) -> bool:
        """Whether the track shows this run already, drawn for ``cell`` and ``box`` (the same
        run came back: another start was added or removed)."""
        return (self._shown and (colour, style) == self._style
                and self._thinned_for == (cell, box) and np.array_equal(path, self.xy))

    def reset(self, path: np.ndarray, colour: str, style: Qt.PenStyle,
              cell: tuple[float, float] = (0.0, 0.0), box: Box | None = None,
              keep: np.ndarray | None = None) -> None:
        """Show a run, shape (T + 1, 2), on these curves (cheaper than new ones), thinned for
        boxes of size ``cell`` and cut to ``box`` (see :meth:`thin`; ``keep`` the points
        :func:`~beale_gui.core.polylines.simplify_polylines` keeps of it, when they are known
        already); nothing is drawn until :meth:`draw`. A run the track shows already
        (:meth:`shows`) stays as drawn."""
        if self.shows(path, colour, style, cell, box):
            self._head = -1
            return
        if (colour, style) != self._style:
            self._style = (colour, style)
            self._apply_pens()
        for curve in self.items:
            # pyqtgraph keeps a curve's line-segment buffer at the largest size it ever drew:
            # without this a shorter run would keep a longer earlier run's memory
            curve.clear()
        self._head = -1
        self._set_path(path, cell, box, keep)
        if not self._shown:
            self._shown = True
            for curve in self.items:
                curve.setVisible(True)

    def hide(self) -> None:
        """Hide the curves and let go of the path, keeping the curves for a later run."""
        if not self._shown:
            return
        self._shown = False
        for curve in self.items:
            curve.setVisible(False)
            curve.clear()
        self._set_path(np.zeros((0, 2)))

    def _set_path(self, path: np.ndarray, cell: tuple[float, float] = (0.0, 0.0),
                  box: Box | None = None, keep: np.ndarray | None = None) -> None:
        self.xy = np.asarray(path, dtype=np.float64).reshape(-1, 2)
        self.thin(cell, box, keep)

    def thin(self, cell: tuple[float, float], box: Box | None = None,
             keep: np.ndarray | None = None) -> None:
        """Re-thin for boxes of size ``cell`` (data units; (0, 0) keeps every point) keeping
        ``keep`` (default: what :func:`~beale_gui.core.polylines.simplify_polylines` keeps),
        and cut what leaves ``box`` (x0, x1, y0, y1) at its edges (None: nothing is cut)."""
        self._thinned_for = (cell, box)
        self.keep = polylines.simplify_polylines([self.xy], cell)[0] if keep is None else keep
        self.xt = np.ascontiguousarray(self.xy[self.keep, 0])
        self.yt = np.ascontiguousarray(self.xy[self.keep, 1])
        if box is not None:
            x0, x1, y0, y1 = box
            xt, yt = self.xt, self.yt
            if ((xt >= x0) & (xt <= x1) & (yt >= y0) & (yt <= y1)).all():
                box = None     # nothing to cut
        self._box = box
        self._ends = (-1, -1)
        self._tail_span = (-1, -1, -1)

    def _set_span(self, curve: pg.PlotCurveItem, start: int, stop: int,
                  head: int | None = None) -> None:
        """Kept points start..stop-1 on ``curve`` (then point ``head`` of the path, if
        given), cut to the box."""
        x, y = self.xt[start:stop], self.yt[start:stop]
        if head is not None:
            x, y = np.append(x, self.xy[head, 0]), np.append(y, self.xy[head, 1])
        if self._box is None:
            curve.setData(x=x, y=y, skipFiniteCheck=True, connect="all")
            return
        xy = polylines.clip_polyline(np.column_stack([x, y]), self._box)
        curve.setData(x=xy[:, 0], y=xy[:, 1], skipFiniteCheck=True, connect="finite")

    def _show(self, curve: pg.PlotCurveItem, start: int, end: int) -> None:
        """Points start..end (inclusive) on ``curve``; nothing when the span is empty."""
        self._set_span(curve, start, end + 1 if end > start else start)

    def draw(self, j: int) -> None:
        """Draw the path up to point ``j``: the kept points up to it, then ``j`` itself (the
        line reaches the head even where a long straight piece has no kept point between)."""
        self._head = int(j)
        n = int(np.searchsorted(self.keep, j, side="right"))
        last = max(n - 1, 0)
        block = (last // self.BLOCK) * self.BLOCK
        chunk = (last // self.CHUNK) * self.CHUNK
        if (block, chunk) != self._ends:
            if block != self._ends[0]:
                self._show(self.base, 0, block)
            self._show(self.middle, block, chunk)
            self._ends = (block, chunk)
        head = None if not n or self.keep[n - 1] == j else int(j)
        span = (chunk, n, -1 if head is None else head)
        if span != self._tail_span:   # setData rebuilds the curve, even for the same points
            self._tail_span = span
            self._set_span(self.tail, chunk, n, head)

    def drawn_points(self) -> int:
        """How many points the curves hold together (each shared end counted once)."""
        counts = [len(c.getData()[0]) if c.getData()[0] is not None else 0 for c in self.items]
        shown = [c for c in counts if c]
        return sum(shown) - max(len(shown) - 1, 0)
