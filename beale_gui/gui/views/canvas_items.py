"""Graphics items and styles for :mod:`beale_gui.gui.views.canvas`.

The start points live in :class:`StartPointsItem`, a scatter that takes pyqtgraph's click and
drag events for its own points (so dragging a point never pans the view) and ignores them
elsewhere (so the view pans and empty clicks reach the canvas).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from ...core import polylines
from ...core.i18n import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

Box = tuple[float, float, float, float]   # x0, x1, y0, y1

# z order, bottom to top
Z_IMAGE, Z_ISOLINES, Z_PATHS, Z_HEADS, Z_ARROWS, Z_MINIMA, Z_STARTS = -100, -50, 10, 20, 25, 30, 40

PIXMAP_CACHE_KB = 128 * 1024
COLOUR_MAP = "viridis"
ISOLINE_PEN = pg.mkPen(255, 255, 255, 80, width=1)
PATH_WIDTH = 2.0
HALO_WIDTH = 4.5
HEAD_SIZE = 10
CROSS_SIZE = 20
CROSS_BRUSH = pg.mkBrush("#FF1F1F")
CROSS_PEN = pg.mkPen("#1A0000", width=1.2)
LEGEND_BRUSH = pg.mkBrush(255, 255, 255, 215)
LEGEND_PEN = pg.mkPen(80, 80, 80, 200)
AXIS_PEN = pg.mkPen("#202020")

START_SIZE, SELECTED_SIZE = 13, 17
START_BRUSH = pg.mkBrush("#FFFFFF")
START_PEN = pg.mkPen("#1A1A1A", width=1.5)
SELECTED_PEN = pg.mkPen("#FF2BD6", width=3.5)

MINIMUM_BRUSH = pg.mkBrush("#FFFFFF")
MINIMUM_PEN = pg.mkPen("#000000", width=1.2)
# how the canvas marks a known minimum: a global one as a large white star, a local one as a
# small hollow star (white outline, dark halo) that reads over every contour colour
GLOBAL_MINIMUM = {"kind": "global", "symbol": "star", "size": 22, "pen": MINIMUM_PEN,
                  "brush": MINIMUM_BRUSH}
LOCAL_MINIMUM = {"kind": "local", "symbol": "star", "size": 13,
                 "pen": pg.mkPen("#FFFFFF", width=1.6), "brush": pg.mkBrush(0, 0, 0, 70)}

# Mechanics arrows, drawn in each run's colour over an outline that contrasts with it, a
# fixed size on screen (the longest ARROW_PX pixels), the three kinds told apart by shape:
# descent solid with a filled head, moment an outlined (hollow) block arrow, the step dashed
# with an open head.
ARROW_PX = 64.0         # the longest arrow of a kind, in screen pixels
ARROW_HEAD_PX = 11.0    # head length in screen pixels
ARROW_DECADES = 3.0  # length follows log10 |v| over this many decades below the largest
ARROW_WIDTH = 2.4
ARROW_HALO = 5.0
ARROW_KEY_COLOUR = "#303030"    # the legend's samples show the shapes, not a run's colour
# kind -> legend label (English; the window shows translate("CanvasItems", label))
ARROW_KINDS = {
    "descent": QT_TRANSLATE_NOOP("CanvasItems", "descent \u2212\u2207f (solid)"),
    "moment": QT_TRANSLATE_NOOP("CanvasItems", "velocity / moment (outlined)"),
    "step": QT_TRANSLATE_NOOP("CanvasItems", "actual step (dashed)"),
}


def arrow_label(kind: str) -> str:
    """The legend label of a ``kind`` of mechanics arrow, in the interface language."""
    return translate("CanvasItems", ARROW_KINDS[kind])


def arrow_tooltip() -> str:
    """The mechanics arrows' tooltip, in the interface language."""
    return translate(
        "CanvasItems",
        "Arrows at each path's head, in its optimizer's colour: descent (\u2212gradient, solid), "
        "the velocity / first moment (outlined), and the step actually taken (dashed, open head). "
        "Directions are exact; lengths are on a log scale, per kind: the largest arrow is "
        "{0} pixels long at any zoom, and arrows more than {1}\u00d7 smaller than it are hidden. "
        "Magnitudes are in the table.").format(f"{ARROW_PX:.0f}", f"{10 ** ARROW_DECADES:,.0f}")


def halo_colour(colour: str) -> QColor:
    """A translucent outline colour that contrasts with ``colour``: white under dark colours
    (relative luminance below 0.2, e.g. Okabe-Ito blue and black), near-black under the rest."""
    c = QColor(colour)
    lin = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
           for v in (c.redF(), c.greenF(), c.blueF())]
    luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return QColor("#F2F2F2") if luminance < 0.2 else QColor("#141414")


def path_pens(colour: str, style: Qt.PenStyle) -> tuple[pg.QtGui.QPen, pg.QtGui.QPen]:
    """The pen of a path and of the outline drawn beneath it."""
    pen = pg.mkPen(colour, width=PATH_WIDTH, style=style)
    halo = pg.mkPen(halo_colour(colour), width=HALO_WIDTH)
    for p in (pen, halo):
        # opaque, flat-capped, not antialiased: pyqtgraph then draws the curve as separate
        # segments (drawLines), several times faster than stroking one wide path
        p.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen, halo


@lru_cache(maxsize=256)
def head_style(colour: str) -> tuple[pg.QtGui.QBrush, pg.QtGui.QPen]:
    """The brush and outline pen of a path's head marker (one pair per colour, shared)."""
    return pg.mkBrush(colour), pg.mkPen(halo_colour(colour), width=1.5)


class CachedAxisItem(pg.AxisItem):
    """An axis (with its grid, if any) kept as a pixmap between the frames that change it.

    pyqtgraph draws an axis by replaying its ``picture``, which it drops on every change
    (range, ticks, log mode, size, pens); dropping it here also invalidates the pixmap, so the
    axis is re-rendered whenever pyqtgraph would draw a new picture. Replaying the picture
    every frame cost more than the rest of a loss-plot frame. The pixmap looks the same as
    the picture (a translucent grid may blend one level off); exported figures are unchanged.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self):
        # a pixel more all round: the cached pixmap would clip an axis line on its edge
        return super().boundingRect().adjusted(-1, -1, 1, 1)

    @property
    def picture(self):
        return self._picture

    @picture.setter
    def picture(self, value) -> None:
        self._picture = value
        if value is None:
            self.update()


def cached_axes(*sides: str) -> dict[str, CachedAxisItem]:
    """Cached axes for a plot's ``axisItems``."""
    return {side: CachedAxisItem(side) for side in sides}


class LineSample(ItemSample):
    """A legend sample: a line in ``pen`` over its outline ``halo``, as drawn on the canvas.
    Clicking it does nothing (pyqtgraph's sample would hide its item)."""

    def __init__(self, pen, halo=None) -> None:
        super().__init__(None)   # no plot item behind it: paint draws the sample itself
        self.pens = [p for p in (halo, pen) if p is not None]

    def paint(self, p, *args) -> None:
        p.setRenderHint(p.RenderHint.Antialiasing)
        for pen in self.pens:
            p.setPen(pen)
            p.drawLine(1, 11, 21, 11)

    def mouseClickEvent(self, ev) -> None:
        ev.accept()


def _arrow_paths(kind: str, shapes: polylines.ArrowShapes, i: int
                 ) -> tuple[QPainterPath, QPainterPath | None]:
    """Arrow ``i`` of ``shapes`` as (lines, filled head or None) for ``kind``."""
    def point(a: np.ndarray) -> QPointF:
        return QPointF(float(a[i, 0]), float(a[i, 1]))

    lines = QPainterPath()
    if kind == "moment":    # outlined: a hollow block arrow
        ring = shapes.outline(2.5)[i]
        lines.addPolygon(QPolygonF([QPointF(float(x), float(y)) for x, y in ring]))
        return lines, None
    lines.moveTo(point(shapes.tail))
    if kind == "step":      # dashed shaft up to the point, an open head
        lines.lineTo(point(shapes.tip))
        lines.moveTo(point(shapes.left))
        lines.lineTo(point(shapes.tip))
        lines.lineTo(point(shapes.right))
        return lines, None
    lines.lineTo(point(shapes.base))  # descent: a solid shaft under a filled head
    head = QPainterPath()
    head.addPolygon(QPolygonF([point(shapes.left), point(shapes.tip), point(shapes.right),
                               point(shapes.left)]))
    return lines, head


@lru_cache(maxsize=256)
def arrow_style(kind: str, colour: str) -> tuple[QPen, QPen, QBrush]:
    """The pen, outline pen and fill of a ``kind`` arrow in ``colour`` (shared per pair)."""
    pen = pg.mkPen(colour, width=ARROW_WIDTH * (0.75 if kind == "moment" else 1.0))
    halo = pg.mkPen(halo_colour(colour), width=ARROW_HALO * (0.7 if kind == "moment" else 1.0))
    if kind == "step":
        for p in (pen, halo):
            p.setStyle(Qt.PenStyle.CustomDashLine)
            p.setDashPattern([2.2, 1.4] if p is pen else [2.2 * ARROW_WIDTH / ARROW_HALO,
                                                          1.4 * ARROW_WIDTH / ARROW_HALO])
    for p in (pen, halo):
        p.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    fill = QColor(255, 255, 255, 70) if kind == "moment" else QColor(colour)
    return pen, halo, QBrush(fill)


def _paint_arrow(p, kind: str, colour: str, lines: QPainterPath,
                 head: QPainterPath | None) -> None:
    """Paint one arrow: its outline beneath, then the arrow (an outlined one filled pale)."""
    pen, halo, fill = arrow_style(kind, colour)
    for outline in (halo, pen):
        p.setPen(outline)
        p.setBrush(fill if kind == "moment" and outline is pen else Qt.BrushStyle.NoBrush)
        p.drawPath(lines)
        if head is not None:
            p.setBrush(fill if outline is pen else Qt.BrushStyle.NoBrush)
            p.drawPath(head)


class MechanicsArrows(pg.GraphicsObject):
    """One kind of mechanics arrow at the runs' heads, each in its run's colour (see
    :data:`ARROW_KINDS`); geometry from :func:`beale_gui.core.polylines.arrow_shapes`."""

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self._drawn: list[tuple[str, QPainterPath, QPainterPath | None]] = []
        self._tips = np.zeros((0, 2))
        self._tails = np.zeros((0, 2))
        self._colours: list[str] = []
        self._rect = QRectF()

    def set_arrows(self, shapes: polylines.ArrowShapes | None, colours: list[str]) -> None:
        """Draw ``shapes`` (None: nothing), arrow ``k`` in ``colours[k]``."""
        self.prepareGeometryChange()
        self._drawn = []
        if shapes is None or not len(shapes.index):
            self._tails = self._tips = np.zeros((0, 2))
            self._colours = []
            self._rect = QRectF()
        else:
            self._tails, self._tips = shapes.tail.copy(), shapes.tip.copy()
            self._colours = list(colours)
            rect = QRectF()
            for i, colour in enumerate(colours):
                lines, head = _arrow_paths(self.kind, shapes, i)
                self._drawn.append((colour, lines, head))
                rect = rect.united(lines.boundingRect())
            # room for the pens' width (cosmetic, in pixels) around the geometry
            margin = np.abs(shapes.side).max(axis=0) * (ARROW_HALO + 2)
            self._rect = rect.adjusted(-margin[0], -margin[1], margin[0], margin[1])
        self.setVisible(bool(self._drawn))
        self.update()

    def arrows(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """What is drawn: each arrow's colour, its tails and its tips, shape (K, 2)."""
        return list(self._colours), self._tails.copy(), self._tips.copy()

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, p, *args) -> None:
        p.setRenderHint(p.RenderHint.Antialiasing)
        for colour, lines, head in self._drawn:
            _paint_arrow(p, self.kind, colour, lines, head)


class ArrowSample(ItemSample):
    """A legend sample of a mechanics arrow kind: the shape, in a neutral colour."""

    def __init__(self, kind: str) -> None:
        super().__init__(None)
        self.kind = kind

    def paint(self, p, *args) -> None:
        # a 22-pixel arrow from left to right, on a view of one data unit per pixel (y down)
        shapes = polylines.arrow_shapes(np.array([[1.0, 11.0]]), np.array([[1.0, 0.0]]),
                                       (1.0, 1.0), 22.0, head=8.0)
        p.setRenderHint(p.RenderHint.Antialiasing)
        _paint_arrow(p, self.kind, ARROW_KEY_COLOUR, *_arrow_paths(self.kind, shapes, 0))

    def mouseClickEvent(self, ev) -> None:
        ev.accept()


class Markers(pg.ScatterPlotItem):
    """Markers that take no clicks (the heads, the crosses): a click on one adds a start
    point there, as anywhere else on the surface (pyqtgraph's scatter would take it)."""

    def mouseClickEvent(self, ev) -> None:
        ev.ignore()


class StartPointsItem(pg.ScatterPlotItem):
    """Draggable start points: white circles with a dark edge, the selected one ringed.

    Signals carry point indices and positions in data coordinates.
    """

    sigDragging = Signal(int, float, float)
    sigMoved = Signal(int, float, float)
    sigRemoveRequested = Signal(int)
    sigSelected = Signal(object)  # int | None

    def __init__(self) -> None:
        super().__init__(pxMode=True, hoverable=True, tip=self._tip)
        self._xy = np.zeros((0, 2))
        self.selected: int | None = None
        self._dragging: int | None = None

    @staticmethod
    def _tip(x: float, y: float, data) -> str:
        return translate("CanvasItems",
                         "start ({0}, {1})\ndrag to move \u2022 right-click or Delete to remove"
                         ).format(f"{x:.4g}", f"{y:.4g}")

    @property
    def positions(self) -> np.ndarray:
        """Current points, shape (S, 2) (including a point being dragged)."""
        return self._xy.copy()

    def set_points(self, xy: np.ndarray, selected: int | None) -> None:
        self._xy = np.array(xy, dtype=np.float64).reshape(-1, 2)
        self.selected = selected if selected is not None and selected < len(self._xy) else None
        self._refresh()

    def select(self, index: int | None) -> None:
        if index != self.selected:
            self.selected = index
            self._refresh()
            self.sigSelected.emit(index)

    def _refresh(self) -> None:
        n = len(self._xy)
        sizes = [SELECTED_SIZE if i == self.selected else START_SIZE for i in range(n)]
        pens = [SELECTED_PEN if i == self.selected else START_PEN for i in range(n)]
        self.setData(x=self._xy[:, 0], y=self._xy[:, 1], size=sizes, pen=pens,
                     brush=START_BRUSH, symbol="o", data=np.arange(n))

    def index_at(self, pos: QPointF) -> int | None:
        """Index of the topmost point under ``pos`` (item coordinates), or None."""
        points = self.pointsAt(pos)
        return int(points[0].data()) if len(points) else None

    # -- pyqtgraph scene events ----------------------------------------------------------
    def mouseClickEvent(self, ev) -> None:
        index = self.index_at(ev.pos())
        if index is None:
            ev.ignore()
            return
        ev.accept()
        if ev.button() == Qt.MouseButton.LeftButton:
            self.select(index)
        elif ev.button() == Qt.MouseButton.RightButton:
            self.sigRemoveRequested.emit(index)

    def mouseDragEvent(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            index = self.index_at(ev.buttonDownPos())
            if index is None:
                ev.ignore()  # not on a point: let the view pan
                return
            self._dragging = index
            self.select(index)
        if self._dragging is None:
            ev.ignore()
            return
        ev.accept()
        i = self._dragging
        p = ev.pos()
        self._xy[i] = (p.x(), p.y())
        self._refresh()
        if ev.isFinish():
            self._dragging = None
            self.sigMoved.emit(i, float(p.x()), float(p.y()))
        else:
            self.sigDragging.emit(i, float(p.x()), float(p.y()))


def points_of(scatter: pg.ScatterPlotItem) -> np.ndarray:
    """A scatter's points, shape (N, 2) (a copy)."""
    x, y = scatter.getData()
    return np.column_stack([np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)])
