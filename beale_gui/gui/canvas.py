"""The contour canvas: a test function's log-scaled contours, start points, and the runs' paths.

Mouse: a left click on empty space adds a start point; dragging a start point moves it (the view
pans only when the drag starts off the points); right-click on a start point, or Delete /
Backspace with one selected, removes it. Pan and zoom recompute the contours for the visible
region after the view settles, with colours and levels fixed per function.

Zoom and pan stop at limits set per function from its bounds (:func:`view_limits`): in to a
millionth of the bounds, out to ten thousand times them, and never so far in that the contour
grid's samples stop being distinct floats; the view's centre stays within that widest view of
the bounds, so the function's domain is always a Reset view (R) away.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QGraphicsItem, QVBoxLayout, QWidget

from ..core import contours
from ..core.functions import TestFunction
from . import canvas_items as ci

Extent = tuple[tuple[float, float], tuple[float, float]]

RECOMPUTE_DELAY_MS = 60
# Path curves kept hidden for later results, beyond the ones shown: adding and removing
# pyqtgraph items costs more than all the rest of a new result.
SPARE_TRACKS = 48
DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
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


class ContourCanvas(QWidget):
    """Filled log contours with isolines, known minima, start points, paths and arrows.

    Attributes
    ----------
    layout_widget : pg.GraphicsLayoutWidget
    plot_item : pg.PlotItem
        The plot (its scene renders everything, for export).
    grid_size : int
        Samples per axis of the contour grid.
    n_levels : int
        Number of isolines.
    """

    start_added = Signal(float, float)
    start_moved = Signal(int, float, float)
    start_dragging = Signal(int, float, float)
    start_removed = Signal(int)
    cursor_moved = Signal(float, float)
    view_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # item pixmap caches (contours, path prefixes) must fit, or every frame re-renders
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), ci.PIXMAP_CACHE_KB))
        self.grid_size = 400
        self.n_levels = 20
        self._function: TestFunction | None = None
        self._scale: contours.LogScale | None = None
        self._limits: dict[str, float] | None = None    # the view's, set per function
        self._computed: Extent | None = None
        self._tracks: list[ci.PathTrack] = []   # in the plot; the first len(_runs) shown
        self._runs: list[ci.PathTrack] = []
        self._head_style: dict = {}
        self._stops = np.zeros(0, dtype=int)
        self._diverged = np.zeros(0, dtype=bool)
        self._step = 0
        self._drawn_step: int | None = None   # what the paths and heads show, None if stale
        self._mechanics: dict | None = None
        self._legend_entries: list[tuple[str, str]] = []
        self._legend_key: tuple | None = None   # what the legend item holds
        self._adding = False  # a click emitted start_added; select the point when it arrives

        self.layout_widget = pg.GraphicsLayoutWidget(self)
        self.layout_widget.setBackground("w")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.layout_widget)
        self._plot = self.layout_widget.addPlot(viewBox=LimitedViewBox(),
                                                axisItems=ci.cached_axes("left", "bottom"))
        self._build_plot()
        self._build_items()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOMPUTE_DELAY_MS)
        self._timer.timeout.connect(self._recompute)
        self._vb.sigRangeChanged.connect(self._on_range_changed)
        scene = self.layout_widget.scene()
        scene.sigMouseClicked.connect(self._on_scene_clicked)
        scene.sigMouseMoved.connect(self._on_scene_moved)
        self.layout_widget.installEventFilter(self)

    # -- construction ----------------------------------------------------------------------
    def _build_plot(self) -> None:
        plot = self._plot
        self._vb = plot.getViewBox()
        self._vb.setAspectLocked(True, ratio=1.0)
        self._vb.disableAutoRange()
        self._vb.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        for side, text in (("bottom", "x"), ("left", "y")):
            axis = plot.getAxis(side)
            axis.setPen(ci.AXIS_PEN)
            axis.setTextPen(ci.AXIS_PEN)
            plot.setLabel(side, text)
        self._image = pg.ImageItem(axisOrder="row-major")
        self._image.setZValue(ci.Z_IMAGE)
        # the contours change only when the view does: keep them as pixmaps between frames
        self._image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.addItem(self._image, ignoreBounds=True)
        self._bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=pg.colormap.get(ci.COLOUR_MAP),
                                    label="log\u2081\u2080 f", interactive=False,
                                    colorMapMenu=False)
        self._bar.setImageItem(self._image, insert_in=plot)
        for side in ("left", "right", "top", "bottom"):
            self._bar.getAxis(side).setPen(ci.AXIS_PEN)
            self._bar.getAxis(side).setTextPen(ci.AXIS_PEN)

    def _add(self, item, z: float):
        item.setZValue(z)
        self._plot.addItem(item, ignoreBounds=True)
        return item

    def _build_items(self) -> None:
        self._isolines = self._add(pg.PlotCurveItem(pen=ci.ISOLINE_PEN), ci.Z_ISOLINES)
        self._isolines.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._heads = self._add(pg.ScatterPlotItem(size=ci.HEAD_SIZE, symbol="o"), ci.Z_HEADS)
        self._crosses = self._add(
            pg.ScatterPlotItem(size=ci.CROSS_SIZE, symbol="x", pen=ci.CROSS_PEN,
                               brush=ci.CROSS_BRUSH),
            ci.Z_HEADS + 1)
        self._arrows = {}
        for kind, (_label, pen, halo) in ci.ARROW_KINDS.items():
            curve = pg.PlotCurveItem(pen=pen, shadowPen=halo, antialias=True)
            curve.setToolTip(ci.ARROW_TOOLTIP)
            curve.setVisible(False)
            self._arrows[kind] = self._add(curve, ci.Z_ARROWS)
        self._minima = self._add(
            pg.ScatterPlotItem(symbol="star", size=22, pen=ci.MINIMUM_PEN,
                               brush=ci.MINIMUM_BRUSH, hoverable=True, tip=self._minimum_tip),
            ci.Z_MINIMA)
        self._starts = self._add(ci.StartPointsItem(), ci.Z_STARTS)
        self._starts.sigDragging.connect(self.start_dragging)
        self._starts.sigMoved.connect(self.start_moved)
        self._starts.sigRemoveRequested.connect(self.start_removed)
        self._legend = pg.LegendItem(offset=(8, 8), brush=ci.LEGEND_BRUSH, pen=ci.LEGEND_PEN,
                                     labelTextColor="#101010", labelTextSize="10pt")
        self._legend.setParentItem(self._vb)
        self._legend.setZValue(1000)
        self._legend.setVisible(False)

    @staticmethod
    def _minimum_tip(x: float, y: float, data) -> str:
        return f"known minimum ({x:.6g}, {y:.6g})\nf = {float(data):.6g}"

    # -- public API --------------------------------------------------------------------------
    @property
    def plot_item(self) -> pg.PlotItem:
        return self._plot

    @property
    def function(self) -> TestFunction | None:
        return self._function

    @property
    def zoom_limits(self) -> dict[str, float] | None:
        """The view's limits for the current function (:func:`view_limits`), None before one."""
        return None if self._limits is None else dict(self._limits)

    @property
    def scale(self) -> contours.LogScale | None:
        """The function's colour scale and isoline levels (fixed until the next function)."""
        return self._scale

    def set_function(self, function: TestFunction) -> None:
        """Show ``function``: contours over its bounds (which fix the levels), its minima;
        resets the view to the bounds."""
        self._function = function
        self._limits = view_limits(function.bounds)
        self._vb.setLimits(**self._limits)
        (x0, x1), (y0, y1) = self._within_limits(function.bounds)
        xs, ys, Z = contours.sample_grid(function, (x0, x1), (y0, y1), self.grid_size)
        self._scale = contours.log_scale(Z, self.n_levels)
        self._bar.setLevels(values=self._scale.colour_range)
        self._bar.getAxis("left").setLabel(self._scale.label)
        self._plot.setTitle(f"<span style='color:#202020'>{html.escape(function.title)}</span>")
        self._draw_contours(xs, ys, Z)
        minima = np.asarray(function.minima, dtype=np.float64).reshape(-1, 2)
        self._minima.setData(x=minima[:, 0], y=minima[:, 1], data=function.minimum_values)
        self.fit_view()
        self._timer.start()   # the view may not move (same bounds): fill it all the same

    def settle(self) -> None:
        """Compute the contours of the visible region now, without waiting for the debounce
        (for offscreen figures, which have no event loop to wait in)."""
        self._timer.stop()
        self._recompute()

    def set_starts(self, starts: np.ndarray) -> None:
        """Show the start points, shape (S, 2). A point appended in answer to a click becomes
        the selected one; otherwise the selection is kept while the points stay the same."""
        starts = np.asarray(starts, dtype=np.float64).reshape(-1, 2)
        old = self._starts.positions
        selected = self._starts.selected
        if self._adding and len(starts) == len(old) + 1:
            selected = len(starts) - 1
        elif len(starts) != len(old):
            selected = None
        self._adding = False
        self._starts.set_points(starts, selected)

    def selected_start(self) -> int | None:
        return self._starts.selected

    def set_runs(self, paths: list[np.ndarray], stops: list[int], colours: list[str],
                 styles: list[Qt.PenStyle], flags: list[str],
                 legend: list[tuple[str, str]], step: int | None = None) -> None:
        """Show one path per run (on the curves of earlier runs where there are some) and draw
        each up to ``step`` (None: the current step).

        ``paths[i]`` has shape (T_i + 1, 2); ``stops[i]`` is its last valid index; ``flags[i]``
        is ``"diverged"`` for a run that blew up (its head becomes a red X once it gets there).
        ``legend`` lists (label, colour) per optimizer.
        """
        self._use_tracks(list(zip(colours, styles, strict=True)))
        cell = self._thin_cell()
        for track, path, colour, style in zip(self._runs, paths, colours, styles, strict=True):
            track.reset(path, colour, style, cell)
        self._stops = np.array([max(int(s), 0) for s in stops], dtype=int)
        self._diverged = np.array([f == "diverged" for f in flags], dtype=bool)
        # the same pen and brush objects for a colour: the heads' symbols render only once
        head_styles = [ci.head_style(c) for c in colours]
        self._head_style = {"brush": [brush for brush, _ in head_styles],
                            "pen": [pen for _, pen in head_styles]}
        self._legend_entries = list(legend)
        self._rebuild_legend()
        if not self._runs:
            self._heads.setData(x=[], y=[])
            self._crosses.setData(x=[], y=[])
        if step is not None:
            self._step = max(int(step), 0)
        self._draw_step()

    def set_step(self, k: int) -> None:
        """Draw every path up to ``min(k, stops[i])`` with its head marker there."""
        self._step = max(int(k), 0)
        if self._step != self._drawn_step:   # the playhead is set again after a new result
            self._draw_step()

    def _draw_step(self) -> None:
        k = self._step
        self._drawn_step = k if self._runs else None
        if not self._runs:
            return
        idx = np.minimum(k, self._stops)
        hx = np.empty(len(self._runs))
        hy = np.empty(len(self._runs))
        for i, track in enumerate(self._runs):
            j = min(int(idx[i]), len(track.xy) - 1)
            track.draw(j)
            hx[i], hy[i] = track.xy[j]
        self._heads.setData(x=hx, y=hy, **self._head_style)
        crossed = self._diverged & (k >= self._stops)
        self._crosses.setData(x=hx[crossed], y=hy[crossed])
        self._crosses.setVisible(bool(crossed.any()))   # an empty scatter still costs a paint

    def clear_runs(self) -> None:
        """Remove every path, head, arrow and legend entry."""
        self._remove_runs()
        self._legend_entries = []
        self.set_mechanics(None)

    def set_mechanics(self, mech: dict | None) -> None:
        """Arrows at the heads from :func:`beale_gui.core.playhead.mechanics_at` (``heads``,
        ``descent``, ``moment``, ``step``, each (N, 2)); None hides them."""
        self._mechanics = mech
        self._draw_arrows()
        self._rebuild_legend()

    def fit_view(self, extent: Extent | None = None) -> None:
        """Show ``extent`` ((x0, x1), (y0, y1)), or the function's bounds when None (or when
        ``extent`` is not a finite, non-empty range)."""
        if extent is not None:
            e = np.asarray(extent, dtype=np.float64)
            if not (e.shape == (2, 2) and np.isfinite(e).all() and (e[:, 1] > e[:, 0]).all()):
                extent = None
        if extent is None:
            if self._function is None:
                return
            extent = self._function.bounds
        (x0, x1), (y0, y1) = self._within_limits(extent)
        self._vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.0)

    def _within_limits(self, extent: Extent) -> Extent:
        """``extent`` narrowed, where it is wider than the zoom limits allow, to the widest view
        centred on the function's bounds (a far start point or a far view must not push the
        domain out of sight)."""
        if self._limits is None:
            return extent
        widest = self._limits["maxXRange"]
        (bx0, bx1), (by0, by1) = self._function.bounds
        out = []
        for (lo, hi), centre in zip(extent, (bx0 / 2 + bx1 / 2, by0 / 2 + by1 / 2),
                                    strict=True):
            lo, hi = float(lo), float(hi)
            if not hi - lo <= widest:
                lo, hi = centre - widest / 4, centre + widest / 4   # room for the aspect ratio
            out.append((lo, hi))
        return out[0], out[1]

    def view_extent(self) -> Extent:
        """The visible range ((x0, x1), (y0, y1))."""
        (x0, x1), (y0, y1) = self._vb.viewRange()
        return (float(x0), float(x1)), (float(y0), float(y1))

    def isoline_data(self) -> tuple[np.ndarray, np.ndarray]:
        """The isolines as drawn (x, y with NaN separators); for tests and export."""
        x, y = self._isolines.getData()
        return (np.zeros(0), np.zeros(0)) if x is None else (x, y)

    def computed_extent(self) -> Extent | None:
        """The range the current contour image was computed for."""
        return self._computed

    # -- drawing -----------------------------------------------------------------------------
    def _draw_contours(self, xs: np.ndarray, ys: np.ndarray, Z: np.ndarray) -> None:
        scale = self._scale
        self._image.setImage(scale.image(Z), autoLevels=False, levels=scale.colour_range)
        dx = (xs[-1] - xs[0]) / max(len(xs) - 1, 1)
        dy = (ys[-1] - ys[0]) / max(len(ys) - 1, 1)
        self._image.setRect(QRectF(xs[0] - dx / 2, ys[0] - dy / 2,
                                   xs[-1] - xs[0] + dx, ys[-1] - ys[0] + dy))
        lines = contours.join_polylines(contours.isolines(xs, ys, Z, scale.levels))
        self._isolines.setData(x=lines[:, 0], y=lines[:, 1], connect="finite")
        self._computed = ((float(xs[0]), float(xs[-1])), (float(ys[0]), float(ys[-1])))

    def _thin_cell(self) -> tuple[float, float]:
        """Half a screen pixel of the current view, in data units: what paths are thinned to."""
        px, py = self._vb.viewPixelSize()
        return px / 2, py / 2

    def _thin_paths(self) -> None:
        cell = self._thin_cell()
        for track in self._runs:
            track.thin(cell)

    def _recompute(self) -> None:
        if self._runs:
            self._thin_paths()
            self._draw_step()
        if self._function is None:
            return
        extent = self.view_extent()
        if extent != self._computed:
            xs, ys, Z = contours.sample_grid(self._function, *extent, self.grid_size)
            self._draw_contours(xs, ys, Z)
        self.view_changed.emit()

    def _draw_arrows(self) -> None:
        mech = self._mechanics
        (x0, x1), _ = self._vb.viewRange()
        length = ci.ARROW_FRACTION * (x1 - x0)
        for kind, curve in self._arrows.items():
            vectors = None if mech is None else mech.get(kind)
            if vectors is None:
                curve.setVisible(False)
                continue
            lines = contours.arrow_polylines(mech["heads"], vectors, length, ci.ARROW_DECADES)
            curve.setData(x=lines[:, 0], y=lines[:, 1], connect="finite")
            curve.setVisible(len(lines) > 0)

    def _rebuild_legend(self) -> None:
        arrows = () if self._mechanics is None else tuple(
            kind for kind, curve in self._arrows.items() if curve.isVisible())
        key = (tuple(self._legend_entries), arrows)
        shown = bool(self._legend_entries or arrows)
        # set_mechanics runs every frame, and a click clears the runs and brings the same
        # optimizers back: refill the legend only when its entries change (hidden, it keeps
        # the old ones)
        if shown and key != self._legend_key:
            self._legend_key = key
            self._legend.clear()
            for label, colour in self._legend_entries:
                self._legend.addItem(ci.LineSample(*ci.path_pens(colour, Qt.PenStyle.SolidLine)),
                                     label)
            for kind in arrows:
                label, pen, halo = ci.ARROW_KINDS[kind]
                self._legend.addItem(ci.LineSample(pen, halo), label)
        tip = ci.ARROW_TOOLTIP if self._mechanics is not None else ""
        if self._legend.toolTip() != tip:
            self._legend.setToolTip(tip)
        if self._legend.isVisible() != shown:
            self._legend.setVisible(shown)

    def _use_tracks(self, styles: list[tuple[str, Qt.PenStyle]]) -> None:
        """Keep a track per (colour, pen style) in ``styles`` for the runs (adding what is
        missing) and hide the rest."""
        n = len(styles)
        while len(self._tracks) < n:
            track = ci.PathTrack(*styles[len(self._tracks)])
            for item in track.items:
                self._add(item, ci.Z_PATHS)
            self._tracks.append(track)
        for track in self._tracks[n:]:
            track.hide()
        for track in self._tracks[n + SPARE_TRACKS:]:
            for item in track.items:
                self._plot.removeItem(item)
        del self._tracks[n + SPARE_TRACKS:]
        self._runs = self._tracks[:n]

    def _remove_runs(self) -> None:
        self._use_tracks([])
        self._drawn_step = None
        self._stops = np.zeros(0, dtype=int)
        self._diverged = np.zeros(0, dtype=bool)
        self._heads.setData(x=[], y=[])
        self._crosses.setData(x=[], y=[])
        self._rebuild_legend()

    # -- events ------------------------------------------------------------------------------
    def _on_range_changed(self, *_args) -> None:
        if self._mechanics is not None:
            self._draw_arrows()
        self._timer.start()

    def _in_view(self, scene_pos) -> bool:
        if not self._vb.sceneBoundingRect().contains(scene_pos):
            return False
        return not (self._legend.isVisible()
                    and self._legend.sceneBoundingRect().contains(scene_pos))

    def _on_scene_clicked(self, ev) -> None:
        if (ev.isAccepted() or ev.double() or ev.button() != Qt.MouseButton.LeftButton
                or not self._in_view(ev.scenePos())):
            return
        p = self._vb.mapSceneToView(ev.scenePos())
        self._starts.select(None)
        self._adding = True
        self.start_added.emit(float(p.x()), float(p.y()))

    def _on_scene_moved(self, scene_pos) -> None:
        if self._vb.sceneBoundingRect().contains(scene_pos):
            p = self._vb.mapSceneToView(scene_pos)
            self.cursor_moved.emit(float(p.x()), float(p.y()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.layout_widget and event.type() == QEvent.Type.KeyPress
                and event.key() in DELETE_KEYS and self._starts.selected is not None):
            self.start_removed.emit(self._starts.selected)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:
        if event.key() in DELETE_KEYS and self._starts.selected is not None:
            self.start_removed.emit(self._starts.selected)
            event.accept()
            return
        super().keyPressEvent(event)
