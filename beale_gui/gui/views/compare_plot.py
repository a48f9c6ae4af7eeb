"""A fair comparison drawn: runtime profiles, and a map of the evaluation starts per optimizer.

The profile (COCO style) is one curve per optimizer, in its panel colour: the fraction of
(start, target) pairs reached by each step, on a log axis of steps; the legend names each
optimizer with its tuned values. Below, a small map per optimizer shows every evaluation start
coloured by where its run ended (global minimum, local minimum, diverged, not converged), with
the function's global minima as stars. The title states the protocol in one line.

The window's Compare dock and ``python main.py compare --out`` draw through the same
:class:`ComparePlot`; :mod:`beale_gui.gui.render.compare` draws one offscreen. No arithmetic
on runs here: every number comes from :class:`~beale_gui.core.compare.Comparison`.
"""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QResizeEvent, QTextOption
from PySide6.QtWidgets import QGraphicsRectItem, QVBoxLayout, QWidget

from ...core import polylines
from ...core.compare import OUTCOMES, Comparison
from ...core.i18n import QT_TRANSLATE_NOOP
from ...document.convert import named_colours
from .search_scales import let_shrink

TEXT_COLOUR = "#202020"
AXIS_PEN = pg.mkPen("#202020")
# outcome -> colour of a start on the maps (red and green also differ in lightness)
OUTCOME_COLOURS = {"global": "#1A9850", "local": "#4575B4", "diverged": "#D73027",
                   "not_converged": "#B8B8B8"}
# English; shown as translate("ComparePlot", text)
OUTCOME_LABELS = {"global": QT_TRANSLATE_NOOP("ComparePlot", "global minimum"),
                  "local": QT_TRANSLATE_NOOP("ComparePlot", "local minimum"),
                  "diverged": QT_TRANSLATE_NOOP("ComparePlot", "diverged"),
                  "not_converged": QT_TRANSLATE_NOOP("ComparePlot", "not converged")}
EMPTY = QT_TRANSLATE_NOOP("ComparePlot", "Choose the optimizers and press Compare: the "
                          "runtime profiles appear here.")
START_SIZE = 5.0
PICK_RADIUS_PX = 8.0
CURVE_WIDTH = 2.5
MAP_ROWS = 3
MAX_MAP_COLUMNS = 4
LABEL_MARGIN = 12             # pixels either side of the title and the note in the window
translate = QCoreApplication.translate


class ComparePlot(QWidget):
    """Runtime profiles and outcome maps of a :class:`~beale_gui.core.compare.Comparison`.

    Signals
    -------
    optimizer_clicked(int)
        The user clicked optimizer ``i``'s profile curve or its map (not on a start).
    start_clicked(float, float)
        The user clicked an evaluation start (x, y) on a map.
    """

    optimizer_clicked = Signal(int)
    start_clicked = Signal(float, float)

    def __init__(self, parent: QWidget | None = None, compact: bool = False) -> None:
        super().__init__(parent)
        # in a dock the plot is small: the legend names the optimizers only (their tuned
        # values are over their maps and in the table), so it covers less of the curves
        self._compact = compact
        self._comparison: Comparison | None = None
        self._colours: list[str] = []
        self._selected: int | None = None
        self.curves: list[pg.PlotDataItem] = []
        self.maps: list[pg.PlotItem] = []
        self._starts: list[pg.ScatterPlotItem] = []

        self.layout_widget = pg.GraphicsLayoutWidget(self)
        self.layout_widget.setBackground("w")
        root = self.layout_widget.ci
        self._title = root.addLabel("", row=0, col=0, colspan=2, size="9pt", color=TEXT_COLOUR)
        self.profile_item: pg.PlotItem = root.addPlot(row=1, col=0)
        self._maps_layout = root.addLayout(row=1, col=1)
        self._note = root.addLabel("", row=2, col=0, colspan=2, size="8pt", color=TEXT_COLOUR)
        for label in (self._title, self._note):
            let_shrink(label)
            label.item.document().setDefaultTextOption(
                QTextOption(Qt.AlignmentFlag.AlignHCenter))
        root.layout.setColumnStretchFactor(0, 3)
        root.layout.setColumnStretchFactor(1, 2)
        self._build_profile()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.layout_widget)
        self.layout_widget.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.clear()

    def _build_profile(self) -> None:
        plot = self.profile_item
        _quiet(plot)
        plot.setLogMode(x=True, y=False)
        plot.showGrid(x=True, y=True, alpha=0.15)
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            axis.setPen(AXIS_PEN)
            axis.setTextPen(AXIS_PEN)
        plot.setLabel("bottom", translate("ComparePlot", "steps (log scale)"))
        plot.setLabel("left", translate("ComparePlot", "fraction of (start, target) pairs "
                                                        "reached"))
        self.legend = pg.LegendItem(offset=(8, 8), brush=pg.mkBrush(255, 255, 255, 220),
                                    pen=pg.mkPen("#808080"), labelTextColor="#101010",
                                    labelTextSize="9pt")
        self.legend.setParentItem(plot.getViewBox())
        plot.getViewBox().sigResized.connect(self._fit_legend)

    # -- contents ---------------------------------------------------------------------------
    @property
    def comparison(self) -> Comparison | None:
        return self._comparison

    @property
    def selected(self) -> int | None:
        return self._selected

    def clear(self) -> None:
        """No comparison: an empty plot with a line saying what to do."""
        self._comparison = None
        self._selected = None
        self._clear_items()
        self._title.setText(translate("ComparePlot", EMPTY))
        self._note.setText("")

    def _clear_items(self) -> None:
        for curve in self.curves:
            self.profile_item.removeItem(curve)
        self.legend.clear()
        self.legend.hide()      # no empty box before a comparison
        self._maps_layout.clear()
        self.curves, self.maps, self._starts = [], [], []

    def set_comparison(self, comparison: Comparison, colours: list[str] | None = None,
                       title: str | None = None) -> None:
        """Draw ``comparison``, each optimizer in ``colours[i]`` (the panel's; by default
        the colour the window's default set gives its name) under ``title`` (by default the
        protocol in one line)."""
        self._clear_items()
        self._comparison = comparison
        self._selected = None
        outcomes = comparison.outcomes
        self._colours = list(colours) if colours else named_colours([o.name for o in outcomes])
        protocol = comparison.protocol
        self._title.setText(html.escape(title if title is not None else protocol.describe()))
        steps = comparison.profile_steps
        for i, outcome in enumerate(outcomes):
            share = outcome.success()["global"]
            name = translate("ComparePlot", "{0}: {1:.0%} global").format(
                outcome.config.spec.title if self._compact else outcome.config.title(), share)
            curve = pg.PlotDataItem(steps, outcome.profile(steps),
                                    pen=pg.mkPen(self._colours[i], width=CURVE_WIDTH),
                                    name=name)
            self.profile_item.addItem(curve)
            self.legend.addItem(curve, html.escape(name))
            self.curves.append(curve)
        self._fit_legend()
        top = math.log10(max(protocol.max_steps, 2))
        self.profile_item.getAxis("bottom").setTicks(_log_ticks(protocol.max_steps))
        self.profile_item.setXRange(0.0, top, padding=0.02)
        self.profile_item.setYRange(0.0, 1.0, padding=0.03)
        columns = _map_columns(len(outcomes))
        for i, outcome in enumerate(outcomes):
            self._add_map(i, outcome, comparison, row=i // columns, col=i % columns)
        targets = ", ".join(f"{t:g}" for t in protocol.targets)
        swatches = "&nbsp;&nbsp;".join(
            f'<span style="color:{OUTCOME_COLOURS[k]}">\u25cf</span>&nbsp;'
            f"{html.escape(translate('ComparePlot', OUTCOME_LABELS[k]))}" for k in OUTCOMES)
        self._note.setText(translate(
            "ComparePlot", "Maps: each evaluation start coloured by where its run ended: "
            "{0}.<br>Profile: a pair counts once the run from that start is within the "
            "target of f*; targets f - f* \u2264 {1}.").format(swatches, html.escape(targets)))

    def _add_map(self, i: int, outcome, comparison: Comparison, row: int, col: int) -> None:
        plot = self._maps_layout.addPlot(row=row, col=col)
        _quiet(plot)
        for side in ("left", "bottom"):
            plot.hideAxis(side)
        vb = plot.getViewBox()
        vb.setAspectLocked(True)
        (x0, x1), (y0, y1) = comparison.protocol.function.bounds
        frame = QGraphicsRectItem(QRectF(x0, y0, x1 - x0, y1 - y0))
        frame.setPen(pg.mkPen(self._colours[i], width=1.5))
        plot.addItem(frame)
        vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.04)
        tuned = ", ".join(f"{k}={v:.4g}" for k, v in outcome.tuned.items())
        plot.setTitle(f'<span style="color:{self._colours[i]}">\u25a0</span> '
                      f"{html.escape(outcome.base.spec.title)} ({html.escape(tuned)})",
                      size="8pt", color=TEXT_COLOUR)
        where = outcome.start_outcomes(len(comparison.evaluation_starts))
        brushes = [pg.mkBrush(OUTCOME_COLOURS[OUTCOMES[k]]) for k in range(len(OUTCOMES))]
        xy = comparison.evaluation_starts
        starts = pg.ScatterPlotItem(xy[:, 0], xy[:, 1], size=START_SIZE, pen=None,
                                    brush=[brushes[k] for k in where])
        plot.addItem(starts)
        minima = comparison.protocol.function.global_minima
        if len(minima):
            plot.addItem(pg.ScatterPlotItem(minima[:, 0], minima[:, 1], symbol="star",
                                            size=13, pen=pg.mkPen("#000000", width=1),
                                            brush=pg.mkBrush("#FFD21F")))
        self.maps.append(plot)
        self._starts.append(starts)

    def set_selected(self, i: int | None) -> None:
        """Draw optimizer ``i``'s curve thicker (None: none)."""
        self._selected = i
        for k, curve in enumerate(self.curves):
            curve.setPen(pg.mkPen(self._colours[k], width=CURVE_WIDTH * (2 if k == i else 1)))

    def _fit_legend(self, *_) -> None:
        """Show the legend when there are curves to name; a compact plot only while it covers
        at most a third of the curves' box (in a small dock the maps' titles and the table
        name the colours, and the curves stay in sight)."""
        shown = bool(self.curves)
        if shown and self._compact:
            legend = self.legend.boundingRect()
            view = self.profile_item.getViewBox().boundingRect()
            shown = 3 * legend.width() * legend.height() <= view.width() * view.height()
        self.legend.setVisible(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """In the window the title and the note wrap at the widget's width rather than
        being clipped (an offscreen figure, never shown, keeps each line whole)."""
        super().resizeEvent(event)
        width = max(self.width() - 2 * LABEL_MARGIN, 100)
        for label in (self._title, self._note):
            label.item.setTextWidth(width)
            label.updateMin()
            label.resizeEvent(None)

    # -- picking ----------------------------------------------------------------------------
    def start_widget_pos(self, i: int, start: int) -> QPoint:
        """Where evaluation start ``start`` is drawn on optimizer ``i``'s map, in the layout
        widget's viewport's pixels."""
        x, y = self._comparison.evaluation_starts[start]
        scene = self.maps[i].getViewBox().mapViewToScene(QPointF(float(x), float(y)))
        return self.layout_widget.mapFromScene(scene)

    def curve_widget_pos(self, i: int) -> QPoint:
        """A point on optimizer ``i``'s profile curve, in the viewport's pixels."""
        x, y = self.curves[i].getData()
        k = len(x) // 2
        scene = self.profile_item.getViewBox().mapViewToScene(QPointF(float(x[k]),
                                                                     float(y[k])))
        return self.layout_widget.mapFromScene(scene)

    def pick(self, scene_pos: QPointF) -> tuple[str, int, tuple[float, float] | None] | None:
        """What is at ``scene_pos``: ``("start", i, (x, y))`` for an evaluation start on map
        ``i``, ``("optimizer", i, None)`` for map ``i`` elsewhere or the curve of optimizer
        ``i``, or None."""
        if self._comparison is None:
            return None
        for i, plot in enumerate(self.maps):
            vb = plot.getViewBox()
            if not vb.sceneBoundingRect().contains(scene_pos):
                continue
            xy = self._comparison.evaluation_starts
            pixels = _scene_points(vb, xy)
            d = np.hypot(pixels[:, 0] - scene_pos.x(), pixels[:, 1] - scene_pos.y())
            k = int(np.argmin(d))
            if d[k] <= PICK_RADIUS_PX:
                return "start", i, (float(xy[k, 0]), float(xy[k, 1]))
            return "optimizer", i, None
        vb = self.profile_item.getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        best, nearest = None, PICK_RADIUS_PX
        for i, curve in enumerate(self.curves):
            x, y = curve.getData()
            pixels = _scene_points(vb, np.column_stack([x, y]))
            d = float(np.min(polylines.segment_distances(pixels,
                                                         (scene_pos.x(), scene_pos.y()))))
            if d <= nearest:
                best, nearest = i, d
        return None if best is None else ("optimizer", best, None)

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        picked = self.pick(event.scenePos())
        if picked is None:
            return
        event.accept()
        kind, i, xy = picked
        if kind == "start":
            self.start_clicked.emit(*xy)
        else:
            self.set_selected(i)
            self.optimizer_clicked.emit(i)


def _quiet(plot: pg.PlotItem) -> None:
    """No buttons, menus or mouse panning: a click picks, nothing drags away."""
    plot.hideButtons()
    plot.setMenuEnabled(False)
    vb = plot.getViewBox()
    vb.setMenuEnabled(False)
    vb.setMouseEnabled(x=False, y=False)


def _map_columns(n: int) -> int:
    """Maps per row beside the profile: one column of up to MAP_ROWS, then more columns."""
    return max(1, min(math.ceil(n / MAP_ROWS), MAX_MAP_COLUMNS))


def _log_ticks(max_steps: int) -> list[list[tuple[float, str]]]:
    """The steps axis's ticks (in log10 of steps): powers of ten labelled plainly (1, 10,
    100, 1000), 2..9 times them unlabelled."""
    major, minor = [], []
    for power in range(int(math.log10(max(max_steps, 1))) + 1):
        major.append((float(power), f"{10 ** power:g}"))
        minor += [(math.log10(k * 10 ** power), "") for k in range(2, 10)
                  if k * 10 ** power <= max_steps]
    return [major, minor]


def _scene_points(vb: pg.ViewBox, xy: np.ndarray) -> np.ndarray:
    """View coordinates (N, 2) as scene coordinates (N, 2)."""
    t = vb.childGroup.sceneTransform()
    return np.array([[p.x(), p.y()] for p in (t.map(QPointF(float(a), float(b)))
                                              for a, b in xy)])
