"""The contour canvas: a test function's log-scaled contours, start points, and the runs' paths.

Given a :class:`~beale_gui.document.Document`, the canvas shows its function, start points and
view and writes what the mouse does into it: a left click on empty space adds a start point
(which becomes the selected one), one on a drawn path selects its run (``run_clicked``);
dragging a start point moves it (the view pans only when the drag starts off the points;
``start_dragging`` tells where it is meanwhile); right-click on a start point, or Delete /
Backspace with one selected, removes it; panning and zooming set the document's view. Without a
document (the offscreen figures) it only shows what it is given. The view is framed on the
function's domain (``fit_view``; Reset view returns there) and fills the plot (the aspect ratio
is not locked, so a square domain is not padded out to the widget's shape). Pan, zoom and
resize recompute the contours for the visible region after the view settles, one sample per
pixel, with colours and levels made from what is visible.

Zoom and pan stop at limits set per function from its bounds (:func:`view_limits`): in to a
millionth of the bounds, out to ten thousand times them, and never so far in that the contour
grid's samples stop being distinct floats; the view's centre stays within that widest view of
the bounds, so the function's domain is always a Reset view (R) away (see zoom_limits.py).

The run legend floats in the corner of the view where it covers no path, start point or minimum
(chosen again when the runs or the view change) and hides while another legend is shown
(:meth:`ContourCanvas.hide_run_legend_while`).

The contours live in a :class:`~.contour_layer.ContourLayer` and the runs (paths, heads,
crosses, arrows, legend) in a :class:`~.run_layer.RunLayer`; the canvas owns both and forwards
its drawing and read-only methods to them.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QGraphicsObject, QVBoxLayout, QWidget

from ...core import contours
from ...core.functions import TestFunction
from ...document import Document, function_key
from ..forms.form_labels import ElidedLabel
from . import canvas_items as ci
from .contour_layer import ContourLayer
from .path_track import PathTrack
from .run_layer import RunLayer
from .zoom_limits import Extent, LimitedViewBox, view_limits

DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
# pyqtgraph drops a mouse move that comes within 10 ms of the last one it took, so the last
# small move of a drag (where the mouse comes to rest) could be lost and the paths drawn from
# a point the start no longer is at; Qt already folds the moves a busy window has no time for.
pg.setConfigOption("mouseRateLimit", -1)
translate = QCoreApplication.translate


class _Released:
    """What pyqtgraph's hover pass reads of a mouse release, kept after Qt deletes the
    event."""

    Type = QEvent.Type

    def __init__(self, ev) -> None:
        self._type, self._buttons, self._modifiers = ev.type(), ev.buttons(), ev.modifiers()
        self._pos = (ev.scenePos(), ev.screenPos(), ev.lastScenePos(), ev.lastScreenPos())

    def type(self):  # noqa: A003 (Qt's name)
        return self._type

    def buttons(self):
        return self._buttons

    def modifiers(self):
        return self._modifiers

    def scenePos(self):  # noqa: N802 (Qt's names)
        return self._pos[0]

    def screenPos(self):  # noqa: N802
        return self._pos[1]

    def lastScenePos(self):  # noqa: N802
        return self._pos[2]

    def lastScreenPos(self):  # noqa: N802
        return self._pos[3]


def _hover_after_release_later(scene: pg.GraphicsScene) -> None:
    """Make ``scene`` send the hover events that follow a mouse release from the event loop,
    after the release's own work has been painted, instead of inside the release.

    pyqtgraph re-runs hit-testing on every item near the pointer after each release so that
    items can change their look for the next click; after a click that adds a start point that
    pass (a few milliseconds over the new paths) would delay the paint of the new paths. Its
    result is not what a later press is routed by (a release leaves pyqtgraph's last hover
    event alone), so a pass a moment later changes nothing but when hover looks update.
    """
    send = scene.sendHoverEvents

    def send_hover_events(ev, exitOnly=False):  # noqa: N803 (pyqtgraph's name)
        if exitOnly or ev.type() != QEvent.Type.GraphicsSceneMouseRelease:
            return send(ev, exitOnly)
        released = _Released(ev)
        QTimer.singleShot(0, scene, lambda: send(released))
        return False

    scene.sendHoverEvents = send_hover_events


class ContourCanvas(QWidget):
    """Filled log contours with isolines, known minima, start points, paths and arrows.

    Attributes
    ----------
    layout_widget : pg.GraphicsLayoutWidget
    plot_item : pg.PlotItem
        The plot (its scene renders everything, for export).
    grid_size : int
        Samples per axis of the contour grid at least (one per pixel where there are more,
        :func:`~beale_gui.core.contours.grid_shape`).
    n_levels : int
        Number of isolines.
    """

    start_dragging = Signal(int, float, float)   # a start point is being dragged to (x, y)
    run_clicked = Signal(int)    # a left click on this run's drawn path (it adds no start)
    cursor_moved = Signal(float, float)
    view_changed = Signal()      # the contours were recomputed for a new view

    def __init__(self, parent: QWidget | None = None, *,
                 document: Document | None = None) -> None:
        super().__init__(parent)
        # item pixmap caches (contours, path prefixes) must fit, or every frame re-renders
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), ci.PIXMAP_CACHE_KB))
        self.grid_size = 400
        self.n_levels = 20
        self._function: TestFunction | None = None
        self._limits: dict[str, float] | None = None    # the view's, set per function
        self._document = document
        self._function_key: tuple | None = None   # of the document's function shown

        self.layout_widget = pg.GraphicsLayoutWidget(self)
        self.layout_widget.setBackground("w")
        # what a model says of its map (no minimum, contours from a subset): one line above
        # it, the whole text as its tooltip; out of the way while a preset's note says more
        self.note_label = ElidedLabel("", self)
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.note_label.setStyleSheet("background: white; color: #8a4b00; padding: 2px;")
        self.note_label.hide()
        self._note_room = True
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.note_label)
        box.addWidget(self.layout_widget)
        self._plot = self.layout_widget.addPlot(viewBox=LimitedViewBox(),
                                                axisItems=ci.cached_axes("left", "bottom"))
        self._build_plot()
        self._build_items()

        self._contours.due.connect(self._recompute)
        self._vb.sigRangeChanged.connect(self._on_range_changed)
        self._vb.sigResized.connect(self._on_resized)
        scene = self.layout_widget.scene()
        _hover_after_release_later(scene)
        scene.sigMouseClicked.connect(self._on_scene_clicked)
        scene.sigMouseMoved.connect(self._on_scene_moved)
        self.layout_widget.installEventFilter(self)
        if document is not None:
            events = document.events
            events.function_changed.connect(self._on_function_changed)
            events.starts_changed.connect(self.set_starts)
            events.view_changed.connect(self._on_view_changed)
            self._on_function_changed(document.function, document.expression)
            self.set_starts(document.starts)

    # -- construction ----------------------------------------------------------------------
    def _build_plot(self) -> None:
        plot = self._plot
        self._vb = plot.getViewBox()
        self._vb.disableAutoRange()
        self._vb.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        for side, text in (("bottom", "x"), ("left", "y")):
            axis = plot.getAxis(side)
            axis.setPen(ci.AXIS_PEN)
            axis.setTextPen(ci.AXIS_PEN)
            plot.setLabel(side, text)
        # the contour image, its colour bar and the isolines, under everything else
        self._contours = ContourLayer(plot, self)

    def _add(self, item, z: float):
        item.setZValue(z)
        self._plot.addItem(item, ignoreBounds=True)
        return item

    def _build_items(self) -> None:
        # the paths, heads, crosses, arrows and legend
        self._runs = RunLayer(self._plot, None if self._document is None
                              else self.run_clicked.emit, lazy_legend=self._document is not None)
        self._minima = self._add(
            pg.ScatterPlotItem(symbol="star", size=22, pen=ci.MINIMUM_PEN,
                               brush=ci.MINIMUM_BRUSH, hoverable=True, tip=self._minimum_tip),
            ci.Z_MINIMA)
        self._starts = self._add(ci.StartPointsItem(), ci.Z_STARTS)
        self._starts.sigDragging.connect(self.start_dragging)
        self._starts.sigMoved.connect(self._on_start_moved)
        self._starts.sigRemoveRequested.connect(self._on_start_removed)

    @staticmethod
    def _minimum_tip(x: float, y: float, data) -> str:
        kind, f = str(data).split("|")
        tip = (translate("Canvas", "global minimum ({0}, {1})\nf = {2}") if kind == "global"
               else translate("Canvas", "local minimum ({0}, {1})\nf = {2}"))
        return tip.format(f"{x:.6g}", f"{y:.6g}", f)

    # -- public API --------------------------------------------------------------------------
    @property
    def plot_item(self) -> pg.PlotItem:
        return self._plot

    @property
    def function(self) -> TestFunction | None:
        return self._function

    @property
    def document(self) -> Document | None:
        """The document the canvas shows and writes into (None for an offscreen figure)."""
        return self._document

    @property
    def zoom_limits(self) -> dict[str, float] | None:
        """The view's limits for the current function (:func:`view_limits`), None before one."""
        return None if self._limits is None else dict(self._limits)

    @property
    def scale(self) -> contours.LogScale | None:
        """The colour scale and isoline levels of the contours drawn (made from their view)."""
        return self._contours.scale

    def set_function(self, function: TestFunction) -> None:
        """Show ``function``: contours over its bounds, its minima; resets the view to the
        bounds."""
        self._function = function
        self._limits = view_limits(function.bounds)
        self._vb.setLimits(**self._limits)
        self._plot.setTitle(f"<span style='color:#202020'>{html.escape(function.title)}</span>")
        self._label_axes(function)
        self._contours.set_function(function, self._within_limits(function.bounds),
                                    self._grid_shape(), self.n_levels)
        minima = np.asarray(function.minima, dtype=np.float64).reshape(-1, 2)
        known = [ci.GLOBAL_MINIMUM if is_global else ci.LOCAL_MINIMUM
                 for is_global in function.global_mask]    # local ones: small and hollow
        self._minima.setData(
            x=minima[:, 0], y=minima[:, 1], symbol=[k["symbol"] for k in known],
            size=[k["size"] for k in known], pen=[k["pen"] for k in known],
            brush=[k["brush"] for k in known],
            data=[f"{k['kind']}|{f:.6g}" for k, f in zip(known, function.minimum_values,
                                                          strict=True)])
        self._avoid_in_legend()
        self.fit_view()
        self._contours.schedule()   # the view may not move (same bounds): fill it all the same

    def _label_axes(self, function: TestFunction) -> None:
        """x and y, or a model's parameters p1 and p2; a model's notes (why no minimum is
        marked, contours from a subset of the samples) as the title's tooltip."""
        names = function.param_names
        for side, text in zip(("bottom", "left"), names, strict=True):
            if self._plot.getAxis(side).labelText != text:
                self._plot.setLabel(side, text)
        notes = [n for n in (getattr(function, "minimum_note", None),
                             getattr(function, "surface_note", None)) if n]
        self._plot.titleLabel.setToolTip("\n".join(notes))
        self.note_label.set_full_text("; ".join(notes))
        self._show_note()

    def set_note_room(self, room: bool) -> None:
        """Whether the model's note may take a line above the map (not while a preset's note
        stands above the canvas: it says more, and the canvas keeps its height)."""
        self._note_room = bool(room)
        self._show_note()

    def _show_note(self) -> None:
        self.note_label.setVisible(bool(self.note_label.full_text()) and self._note_room
                                   and self._document is not None)

    def settle(self) -> None:
        """Compute the contours of the visible region now, without waiting for the debounce
        (for offscreen figures, which have no event loop to wait in)."""
        self._contours.settle()

    def set_starts(self, starts: np.ndarray) -> None:
        """Show the start points, shape (S, 2); the selection is kept while their number
        stays the same."""
        starts = np.asarray(starts, dtype=np.float64).reshape(-1, 2)
        same = len(starts) == len(self._starts.positions)
        self._starts.set_points(starts, self._starts.selected if same else None)
        self._avoid_in_legend()

    def _avoid_in_legend(self) -> None:
        self._runs.set_fixed_points(np.concatenate([self._starts.positions,
                                                    ci.points_of(self._minima)]))

    def hide_run_legend_while(self, legend: QGraphicsObject) -> None:
        """Hide the run legend whenever ``legend`` (another legend over the plot, as the basin
        map's) is shown: one legend at a time."""
        legend.visibleChanged.connect(lambda: self._runs.give_way(legend.isVisible()))
        self._runs.give_way(legend.isVisible())

    def legend_spot(self) -> str:
        """Where the run legend is: ``"top-left"``, ``"bottom-right"``, ... (it goes where
        it covers no path, start point or minimum)."""
        return self._runs.legend_spot()

    def selected_start(self) -> int | None:
        return self._starts.selected

    def set_runs(self, paths: list[np.ndarray], stops: list[int], colours: list[str],
                 styles: list[Qt.PenStyle], flags: list[str],
                 legend: list[tuple[str, str]], step: int | None = None) -> None:
        """Show one path per run, drawn up to ``step`` (see :meth:`RunLayer.set_runs`)."""
        self._runs.set_runs(paths, stops, colours, styles, flags, legend, step)

    def replace_runs(self, rows: list[int], paths: list[np.ndarray], stops: list[int],
                     flags: list[str], legend: list[tuple[str, str]] | None = None) -> None:
        """Show ``paths`` whole in place of runs ``rows`` (see :meth:`RunLayer.replace_runs`)."""
        self._runs.replace_runs(rows, paths, stops, flags, legend)

    def set_step(self, k: int) -> None:
        """Draw every path up to ``min(k, stops[i])`` with its head marker there."""
        self._runs.set_step(k)

    def set_animating(self, on: bool) -> None:
        """Whether an animation plays (the paths keep pixmaps for its frames)."""
        self._runs.set_animating(on)

    def clear_runs(self) -> None:
        """Remove every path, head, arrow and legend entry."""
        self._runs.clear_runs()

    def select_run(self, run: int | None) -> None:
        """Draw run ``run``'s path wider and above the others (None: none)."""
        self._runs.select_run(run)

    def selected_run(self) -> int | None:
        """The run drawn as selected (None: none)."""
        return self._runs.selected_run()

    def set_mechanics(self, mech: dict | None) -> None:
        """Arrows at the heads from :func:`beale_gui.core.playhead.mechanics_at` (``heads``,
        ``descent``, ``moment``, ``step``, each (N, 2)); None hides them."""
        self._runs.set_mechanics(mech)

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
        return self._contours.isoline_data()

    def computed_extent(self) -> Extent | None:
        """The range the current contour image was computed for."""
        return self._contours.computed_extent()

    # -- what is drawn, read-only (for tests and export) --------------------------------------
    def run_tracks(self) -> tuple[PathTrack, ...]:
        """The tracks drawing the current runs, one per run in order (do not draw on them)."""
        return self._runs.run_tracks()

    def head_points(self) -> np.ndarray:
        """Where the runs' heads are drawn, shape (N, 2) (a copy)."""
        return self._runs.head_points()

    def cross_points(self) -> np.ndarray:
        """Where the red crosses of diverged runs are, shape (M, 2) (a copy)."""
        return self._runs.cross_points()

    def crosses_shown(self) -> bool:
        """Whether the crosses of diverged runs are visible."""
        return self._runs.crosses_shown()

    def arrow_items(self) -> dict[str, ci.MechanicsArrows]:
        """The mechanics arrows by kind (a new dict; do not draw on them)."""
        return self._runs.arrow_items()

    def legend_rows(self) -> tuple[tuple[ci.LineSample, str], ...]:
        """The legend's rows, each as (sample item, label text)."""
        return self._runs.legend_rows()

    def legend_shown(self) -> bool:
        """Whether the legend is visible."""
        return self._runs.legend_shown()

    def legend_rect(self) -> QRectF:
        """The legend's bounding rectangle in scene coordinates."""
        return self._runs.legend_rect()

    def contour_image(self) -> np.ndarray | None:
        """The contour image as drawn, shape (ny, nx) of log values (a copy)."""
        return self._contours.contour_image()

    def contour_levels(self) -> tuple[float, float]:
        """The contour image's colour levels (low, high)."""
        return self._contours.contour_levels()

    def contour_rect(self) -> QRectF:
        """Where the contour image lies, in data coordinates."""
        return self._contours.contour_rect()

    def minima_points(self) -> np.ndarray:
        """The known minima as drawn, shape (K, 2) (a copy)."""
        return ci.points_of(self._minima)

    # -- drawing -----------------------------------------------------------------------------
    def _recompute(self) -> None:
        """The view settled: thin the paths to its pixels and recompute the contours."""
        self._runs.thin()
        if self._contours.recompute(self.view_extent(), self._grid_shape()):
            self.view_changed.emit()

    def _grid_shape(self) -> tuple[int, int]:
        """Contour samples along x and y: one per device pixel of the view, at least
        ``grid_size`` a side."""
        ratio = self.layout_widget.devicePixelRatioF()
        return contours.grid_shape((self._vb.width() * ratio, self._vb.height() * ratio),
                                   self.grid_size)

    # -- the document ----------------------------------------------------------------------
    def _on_function_changed(self, function: TestFunction, expression: str | None) -> None:
        key = function_key(function, expression)
        if key != self._function_key:   # the same contours for the same name and bounds
            self._function_key = key
            self.set_function(function)

    def _on_view_changed(self, view: Extent | None) -> None:
        if view is not None and view == self.view_extent():
            return
        self.fit_view(view)
        self._publish_view()    # what the view became (the aspect ratio is locked)

    def _publish_view(self) -> None:
        if self._document is not None:
            self._document.set_view(self.view_extent())

    def _on_start_moved(self, i: int, x: float, y: float) -> None:
        if self._document is not None and 0 <= i < len(self._document.starts):
            self._document.move_start(i, x, y)

    def _on_start_removed(self, i: int) -> None:
        if self._document is not None and 0 <= i < len(self._document.starts):
            self._document.remove_start(i)

    # -- events ------------------------------------------------------------------------------
    def _on_range_changed(self, *_args) -> None:
        self._runs.view_moved()
        self._publish_view()
        self._contours.schedule()

    def _on_resized(self, *_args) -> None:
        self._runs.view_moved()
        self._contours.schedule()

    def _in_view(self, scene_pos) -> bool:
        if not self._vb.sceneBoundingRect().contains(scene_pos):
            return False
        return not (self._runs.legend_shown()
                    and self._runs.legend_rect().contains(scene_pos))

    def _on_scene_clicked(self, ev) -> None:
        if (ev.isAccepted() or ev.double() or ev.button() != Qt.MouseButton.LeftButton
                or not self._in_view(ev.scenePos()) or self._document is None):
            return
        p = self._vb.mapSceneToView(ev.scenePos())
        self._starts.select(None)
        # the document redraws the points before add_start returns: the new one is selected
        self._starts.select(self._document.add_start(float(p.x()), float(p.y())))

    def _on_scene_moved(self, scene_pos) -> None:
        if self._vb.sceneBoundingRect().contains(scene_pos):
            p = self._vb.mapSceneToView(scene_pos)
            self.cursor_moved.emit(float(p.x()), float(p.y()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.layout_widget and event.type() == QEvent.Type.KeyPress
                and event.key() in DELETE_KEYS and self._starts.selected is not None):
            self._on_start_removed(self._starts.selected)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:
        if event.key() in DELETE_KEYS and self._starts.selected is not None:
            self._on_start_removed(self._starts.selected)
            event.accept()
            return
        super().keyPressEvent(event)
