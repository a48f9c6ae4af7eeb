"""The results of a hyperparameter search: a heatmap (two parameters) or a curve (one).

A grid over two hyperparameters is a heatmap; random and coarse-to-fine samples are points
coloured by the objective, one symbol per round, with each later round's box drawn dashed; one
hyperparameter is a curve of the objective against it. Log-scale hyperparameters are plotted
at log10 of their values on axes labelled in powers of ten; the objective is coloured (and, on
a curve, plotted) on a log scale. Diverged configurations show through as grey hatching under
the heatmap, or as red crosses. The best is a star.

The window's search panel and ``python main.py search --out`` draw through the same
:class:`SearchPlot`; :mod:`beale_gui.gui.render.search` draws one offscreen.
"""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QLabel, QVBoxLayout, QWidget

from ...core.i18n import QT_TRANSLATE_NOOP
from ...core.search import OBJECTIVE_LABELS, Axis, SearchResult, describe
from .search_scales import colour_values, display_values, grid_shape, let_shrink, log_ticks

COLOUR_MAP = "viridis"          # as the canvas: dark is low (good), so good settings are a valley
ROUND_SYMBOLS = ("o", "s", "t", "d", "h", "p", "t1", "t2", "t3", "+")
ROUND_GLYPHS = ("\u25cf", "\u25a0", "\u25bc", "\u25c6", "\u2b22", "\u2b1f", "\u25b2", "\u25b6",
                "\u25c0", "+")
POINT_SIZE = 10.0
PICK_RADIUS_PX = 12.0
TEXT_COLOUR = "#202020"
AXIS_PEN = pg.mkPen("#202020")
POINT_PEN = pg.mkPen(30, 30, 30, 160, width=0.8)
CURVE_PEN = pg.mkPen("#606060", width=1.5)
BOX_PEN = pg.mkPen("#303030", width=1.2, style=Qt.PenStyle.DashLine)
BEST_BRUSH = pg.mkBrush("#FFD21F")
BEST_PEN = pg.mkPen("#000000", width=1.5)
SELECTED_PEN = pg.mkPen("#FF2BD6", width=3)
DIVERGED_BRUSH = pg.mkBrush("#E0201B")
DIVERGED_PEN = pg.mkPen("#5A0000", width=1)
HATCH_FILL = QColor("#DADADA")
HATCH_LINES = QColor("#8A8A8A")
# English; shown as translate("SearchPlot", text)
EMPTY = QT_TRANSLATE_NOOP("SearchPlot", "Choose what to search and press Run:\nthe results "
                          "appear here.")
HINT = QT_TRANSLATE_NOOP("SearchPlot", "Hover over a result to read it; click one to load it "
                         "into the parameter panel.")
translate = QCoreApplication.translate


def log_scale(label: str) -> str:
    """An axis label with its scale said: ``lr (log scale)``."""
    return translate("SearchPlot", "{0} (log scale)").format(label)


def objective_label(objective: str) -> str:
    """The objective's label (the core's, shown in the interface language)."""
    label = OBJECTIVE_LABELS.get(objective)
    return translate("Search", label) if label is not None else objective


class SearchPlot(QWidget):
    """A search result as a heatmap or a curve, with hover read-out and click to pick.

    Signals
    -------
    picked(int)
        The user clicked configuration ``i`` of the result.
    """

    picked = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, show_hint: bool = True) -> None:
        super().__init__(parent)
        self._result: SearchResult | None = None
        self._shape: tuple[int, int] | None = None
        self._xy = np.zeros((0, 2))
        self._cell = (1.0, 1.0)
        self._origin = (0.0, 0.0)
        self._one_d = False
        self._log_objective = True
        self._selected: int | None = None
        self._show_hint = show_hint

        self.layout_widget = pg.GraphicsLayoutWidget(self)
        self.layout_widget.setBackground("w")
        self.plot_item: pg.PlotItem = self.layout_widget.addPlot(row=0, col=0)
        self._vb = self.plot_item.getViewBox()
        self._build_plot()
        self._build_items()
        self._note = self.layout_widget.addLabel("", row=1, col=0, colspan=2, size="9pt",
                                                 color=TEXT_COLOUR)
        for label in (self.plot_item.titleLabel, self._note):
            let_shrink(label)
        self.info = QLabel(translate("SearchPlot", HINT) if show_hint else "", self)
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setVisible(show_hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.layout_widget, 1)
        layout.addWidget(self.info)
        scene = self.layout_widget.scene()
        scene.sigMouseMoved.connect(self._on_mouse_moved)
        scene.sigMouseClicked.connect(self._on_mouse_clicked)
        self.clear()

    # -- construction -----------------------------------------------------------------------
    def _build_plot(self) -> None:
        plot = self.plot_item
        plot.hideButtons()
        plot.setMenuEnabled(False)
        self._vb.setMenuEnabled(False)
        self._vb.setMouseEnabled(x=False, y=False)   # a click picks; nothing drags away
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            axis.setPen(AXIS_PEN)
            axis.setTextPen(AXIS_PEN)
            axis.enableAutoSIPrefix(False)
        self._bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=pg.colormap.get(COLOUR_MAP),
                                    interactive=False, colorMapMenu=False, width=18)
        for side in ("left", "right", "top", "bottom"):
            self._bar.getAxis(side).setPen(AXIS_PEN)
            self._bar.getAxis(side).setTextPen(AXIS_PEN)
        self._bar_shown = False
        self._park_bar()

    def _add(self, item, z: float):
        item.setZValue(z)
        self.plot_item.addItem(item)
        return item

    def _build_items(self) -> None:
        self._hatch_fill = self._add(QGraphicsRectItem(), -3)
        self._hatch_fill.setBrush(QBrush(HATCH_FILL))
        self._hatch_fill.setPen(QPen(Qt.PenStyle.NoPen))
        self._hatch = self._add(QGraphicsRectItem(), -2)
        self._hatch.setBrush(QBrush(HATCH_LINES, Qt.BrushStyle.BDiagPattern))
        self._hatch.setPen(QPen(Qt.PenStyle.NoPen))
        self.image = self._add(pg.ImageItem(axisOrder="row-major"), -1)
        self._bar.setImageItem(self.image)
        self._boxes = self._add(pg.PlotCurveItem(pen=BOX_PEN, connect="finite"), 1)
        self._curve = self._add(pg.PlotCurveItem(pen=CURVE_PEN, antialias=True), 1)
        self._diverged_line = pg.InfiniteLine(
            angle=0, pen=pg.mkPen("#B0B0B0", style=Qt.PenStyle.DashLine),
            label=translate("SearchPlot", "diverged"),
            labelOpts={"position": 0.03, "color": "#8B0000", "anchors": [(0, 1), (0, 1)]})
        self._add(self._diverged_line, 0)
        self.points = self._add(pg.ScatterPlotItem(pen=POINT_PEN, antialias=True), 2)
        self.diverged = self._add(pg.ScatterPlotItem(symbol="x", size=11, pen=DIVERGED_PEN,
                                                     brush=DIVERGED_BRUSH), 3)
        self.best = self._add(pg.ScatterPlotItem(symbol="star", size=22, pen=BEST_PEN,
                                                 brush=BEST_BRUSH), 4)
        self._ring = self._add(pg.ScatterPlotItem(symbol="o", size=22, pen=SELECTED_PEN,
                                                  brush=pg.mkBrush(None)), 5)
        self._placeholder = self._add(pg.TextItem(translate("SearchPlot", EMPTY), color="#707070",
                                                  anchor=(0.5, 0.5)), 6)
        self._placeholder.setPos(0.5, 0.5)

    def _show_bar(self, show: bool) -> None:
        if show != self._bar_shown:
            if show:
                self._bar.show()
                self.layout_widget.ci.addItem(self._bar, row=0, col=1)
            else:
                self.layout_widget.ci.removeItem(self._bar)
                self._park_bar()
            self._bar_shown = show

    def _park_bar(self) -> None:
        """Keep the colour bar, out of the layout, hidden in the scene: the scene owns it and
        deletes it with the plot (free-standing, it would be left to the garbage collector)."""
        self.layout_widget.scene().addItem(self._bar)
        self._bar.hide()

    # -- public -----------------------------------------------------------------------------
    @property
    def result(self) -> SearchResult | None:
        return self._result

    @property
    def shape(self) -> tuple[int, int] | None:
        """(n0, n1) of the heatmap, or None when the result is drawn as points or a curve."""
        return self._shape

    @property
    def is_curve(self) -> bool:
        return self._result is not None and self._one_d

    def curve_data(self) -> tuple[np.ndarray, np.ndarray]:
        """The one-parameter curve as drawn, (x, y) copies (empty when there is none)."""
        x, y = self._curve.getData()
        return (np.zeros(0), np.zeros(0)) if x is None else (np.array(x), np.array(y))

    def clear(self, title: str = "") -> None:
        """No result: an empty plot with ``title``."""
        self._result, self._shape, self._selected = None, None, None
        self._xy = np.zeros((0, 2))
        self.image.clear()
        self.image.setVisible(False)
        for item in (self._hatch_fill, self._hatch):
            item.setVisible(False)
        for item in (self.points, self.diverged, self.best, self._ring):
            item.setData([], [])
        self._curve.setData([], [])
        self._boxes.setData([], [])
        self._diverged_line.setVisible(False)
        self._show_bar(False)
        self._placeholder.setVisible(True)
        for side in ("left", "bottom"):
            self.plot_item.getAxis(side).setTicks(None)
            self.plot_item.setLabel(side, "")
        self._vb.setRange(xRange=(0, 1), yRange=(0, 1), padding=0.05)
        self.plot_item.setTitle(html.escape(title) if title else None, color=TEXT_COLOUR,
                                size="10pt")
        self._note.setText("")
        self.info.setText(translate("SearchPlot", HINT) if self._show_hint else "")

    def set_result(self, result: SearchResult, title: str = "") -> None:
        """Draw ``result`` (one or two searched hyperparameters)."""
        if not 1 <= len(result.axes) <= 2:
            raise ValueError("a search plot draws one or two hyperparameters")
        self.clear(title)
        self._placeholder.setVisible(False)
        self._result = result
        self._one_d = len(result.axes) == 1
        c, levels, self._log_objective = colour_values(result.scores)
        if self._one_d:
            self._draw_curve(result, c, levels)
        else:
            self._shape = grid_shape(result)
            if self._shape is not None:
                self._draw_heatmap(result, c, levels)
            else:
                self._draw_samples(result, c, levels)
        finite = np.isfinite(result.scores)
        if finite.any():
            best = result.best
            self.best.setData([self._xy[best, 0]], [self._xy[best, 1]])
        self._note.setText(self._legend_text(result))

    def set_selected(self, i: int | None) -> None:
        """Ring configuration ``i`` (None removes the ring)."""
        self._selected = i
        if i is None or self._result is None:
            self._ring.setData([], [])
        else:
            self._ring.setData([self._xy[i, 0]], [self._xy[i, 1]])

    @property
    def selected(self) -> int | None:
        return self._selected

    def view_pos(self, i: int) -> tuple[float, float]:
        """Where configuration ``i`` is drawn, in plot coordinates."""
        return float(self._xy[i, 0]), float(self._xy[i, 1])

    def widget_pos(self, i: int) -> QPoint:
        """Where configuration ``i`` is drawn, in the graphics view's viewport pixels."""
        scene = self._vb.mapViewToScene(QPointF(*self.view_pos(i)))
        return self.layout_widget.mapFromScene(scene)

    def index_at(self, x: float, y: float) -> int | None:
        """The configuration drawn at plot coordinates (x, y), or None."""
        if self._result is None or not len(self._xy):
            return None
        if self._shape is not None:
            n0, n1 = self._shape
            i0 = math.floor((x - self._origin[0]) / self._cell[0])
            i1 = math.floor((y - self._origin[1]) / self._cell[1])
            return i0 * n1 + i1 if 0 <= i0 < n0 and 0 <= i1 < n1 else None
        px, py = self._vb.viewPixelSize()
        dx = (self._xy[:, 0] - x) / max(px, 1e-300)
        if self._one_d:   # anywhere above or below a point picks it
            d2 = dx * dx
        else:
            dy = (self._xy[:, 1] - y) / max(py, 1e-300)
            d2 = dx * dx + dy * dy
        i = int(np.argmin(d2))
        return i if d2[i] <= PICK_RADIUS_PX**2 else None

    # -- drawing ----------------------------------------------------------------------------
    def _label_axis(self, side: str, axis: Axis | None, text: str) -> None:
        """Label a hyperparameter axis; a log one gets ticks in powers of ten over its range."""
        log = axis is not None and axis.scale == "log"
        ticks = log_ticks(*display_values(axis, np.array([axis.low, axis.high]))) if log else None
        self.plot_item.getAxis(side).setTicks(ticks)
        self.plot_item.setLabel(side, log_scale(text) if log else text)

    def _objective_ticks(self, levels):
        """Powers of ten for a log objective; pyqtgraph's own ticks for a linear one."""
        return log_ticks(*levels) if self._log_objective else None

    def _set_levels(self, result: SearchResult, levels) -> None:
        """The colour bar over the objective's range (ticked in powers of ten when log)."""
        self._bar.setLevels(levels)
        self._bar.axis.setTicks(self._objective_ticks(levels))
        self._bar.getAxis("left").setLabel(self._objective_label(result))
        self._show_bar(True)

    def _draw_heatmap(self, result: SearchResult, c: np.ndarray, levels) -> None:
        a0, a1 = result.axes
        n0, n1 = self._shape
        d0 = display_values(a0, result.points[:, 0])
        d1 = display_values(a1, result.points[:, 1])
        self._xy = np.column_stack([d0, d1])
        lo = (float(d0.min()), float(d1.min()))
        span = (float(d0.max()) - lo[0], float(d1.max()) - lo[1])
        self._cell = (span[0] / (n0 - 1) or 1.0, span[1] / (n1 - 1) or 1.0)
        self._origin = (lo[0] - self._cell[0] / 2, lo[1] - self._cell[1] / 2)
        rect = QRectF(self._origin[0], self._origin[1], n0 * self._cell[0], n1 * self._cell[1])
        # row-major: image[row = axis 1 index, column = axis 0 index]; NaN (diverged) is
        # transparent, so the hatching under the image shows through
        self.image.setImage(c.reshape(n0, n1).T, levels=levels, autoLevels=False)
        self.image.setRect(rect)
        self.image.setVisible(True)
        self._set_levels(result, levels)
        diverged = ~np.isfinite(c)
        for item in (self._hatch_fill, self._hatch):
            item.setRect(rect)
            item.setVisible(bool(diverged.any()))
        self._label_axis("bottom", a0, a0.name)
        self._label_axis("left", a1, a1.name)
        self._vb.setRange(rect=rect, padding=0.0)

    def _draw_samples(self, result: SearchResult, c: np.ndarray, levels) -> None:
        a0, a1 = result.axes
        self._xy = np.column_stack([display_values(a0, result.points[:, 0]),
                                    display_values(a1, result.points[:, 1])])
        self._draw_points(result, c, levels, self._xy)
        self._set_levels(result, levels)
        self._draw_boxes(result)
        self._label_axis("bottom", a0, a0.name)
        self._label_axis("left", a1, a1.name)
        full = [display_values(a, np.array([a.low, a.high])) for a in (a0, a1)]
        self._vb.setRange(xRange=full[0], yRange=full[1], padding=0.04)

    def _draw_curve(self, result: SearchResult, c: np.ndarray, levels) -> None:
        (axis,) = result.axes
        x = display_values(axis, result.points[:, 0])
        finite = np.isfinite(c)
        low, high = levels
        top = high + 0.12 * (high - low)   # the diverged ones sit on a line above the rest
        self._xy = np.column_stack([x, np.where(finite, c, top)])
        order = np.argsort(x[finite], kind="stable")
        self._curve.setData(x[finite][order], c[finite][order])
        self._draw_points(result, c, levels, self._xy)
        self._diverged_line.setPos(top)
        self._diverged_line.setVisible(bool((~finite).any()))
        self._label_axis("bottom", axis, axis.name)
        y_high = top if (~finite).any() else high
        self.plot_item.getAxis("left").setTicks(self._objective_ticks(levels))
        self.plot_item.setLabel("left", self._objective_label(result))
        full = display_values(axis, np.array([axis.low, axis.high]))
        self._vb.setRange(xRange=full, yRange=(low, y_high), padding=0.06)

    def _draw_points(self, result: SearchResult, c: np.ndarray, levels, xy: np.ndarray) -> None:
        finite = np.isfinite(c)
        low, high = levels
        cmap = self._bar.colorMap()
        colours = cmap.map(np.clip((c[finite] - low) / (high - low), 0.0, 1.0), mode="qcolor")
        rounds = result.rounds[finite].astype(int)
        symbols = [ROUND_SYMBOLS[r % len(ROUND_SYMBOLS)] for r in rounds]
        sizes = np.maximum(POINT_SIZE - 1.5 * rounds, 5.0)
        self.points.setData(x=xy[finite, 0], y=xy[finite, 1], symbol=symbols, size=sizes,
                            brush=[pg.mkBrush(q) for q in colours])
        self.diverged.setData(x=xy[~finite, 0], y=xy[~finite, 1])

    def _draw_boxes(self, result: SearchResult) -> None:
        """Each later coarse-to-fine round's box, dashed."""
        xs, ys = [], []
        for box in result.boxes[1:]:
            corners = [display_values(a, a.from_unit(box[d])) for d, a in enumerate(result.axes)]
            (x0, x1), (y0, y1) = corners
            xs += [x0, x1, x1, x0, x0, np.nan]
            ys += [y0, y0, y1, y1, y0, np.nan]
        self._boxes.setData(np.array(xs, dtype=float), np.array(ys, dtype=float))

    def _objective_label(self, result: SearchResult) -> str:
        label = objective_label(result.objective)
        return log_scale(label) if self._log_objective else label

    def _legend_text(self, result: SearchResult) -> str:
        parts, rounds = [], []
        if np.isfinite(result.scores).any():
            parts.append("<span style='color:#B08A00'>\u2605</span> "
                         + translate("SearchPlot", "best"))
        n_diverged = int((~np.isfinite(result.scores)).sum())
        if n_diverged:
            mark = translate("SearchPlot", "grey hatched") if self._shape is not None else (
                "<span style='color:#E0201B'>\u2715</span>")
            parts.append(translate("SearchPlot", "{0}: diverged ({1} of {2})")
                         .format(mark, n_diverged, len(result.scores)))
        n_rounds = int(result.rounds.max()) + 1 if len(result.rounds) else 1
        if n_rounds > 1:
            rounds = [translate("SearchPlot", "{0} round {1}")
                      .format(ROUND_GLYPHS[r % len(ROUND_GLYPHS)], r + 1)
                      for r in range(n_rounds)]
            if not self._one_d:
                rounds.append(translate("SearchPlot", "dashed: each next round's box"))
        gap = "&nbsp;&nbsp;&nbsp;"
        return "<br>".join(gap.join(line) for line in (parts, rounds) if line)

    # -- mouse ------------------------------------------------------------------------------
    def _index_at_scene(self, scene_pos) -> int | None:
        if self._result is None or not self._vb.sceneBoundingRect().contains(scene_pos):
            return None
        p = self._vb.mapSceneToView(scene_pos)
        return self.index_at(p.x(), p.y())

    def _on_mouse_moved(self, scene_pos) -> None:
        i = self._index_at_scene(scene_pos)
        text = describe(self._result, i) if i is not None else ""
        self.layout_widget.setToolTip(text)
        if self._show_hint:
            self.info.setText(text or HINT)

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        i = self._index_at_scene(event.scenePos())
        if i is not None:
            event.accept()
            self.set_selected(i)
            self.picked.emit(i)
