"""The loss over steps: a curve per run on a log axis, a cursor at the current step, and the
learning rate on a second axis when a schedule changes it.

The log axis is labelled in powers of ten only (10⁻⁶, 10⁻⁴, ...), a tick at every decade that
has room; under the plot a key says which line style is which start point. Curves are set
once per result; :meth:`LossPlot.set_step` moves the cursor, and, while the curves are drawn
up to the playhead (:meth:`LossPlot.set_up_to_playhead`), cuts them there.

On a model on data a stochastic run (batch B smaller than the n samples) counts epochs too: a
top axis numbers them (one epoch = ceil(n / B) steps), and while asked
(:meth:`LossPlot.set_batch_loss`) each stochastic run's mini-batch loss is drawn as a thin line
under its full-data loss.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QVBoxLayout, QWidget

from ...core.engine import DIVERGED, RunResult
from ...core.models.fit import epoch_length
from ...core.view_ranges import batch_loss_for_plot, loss_for_plot, loss_view_range
from .canvas_items import CachedAxisItem, cached_axes

CURSOR_COLOUR = "#444444"
# Curves kept hidden for later results, beyond the ones shown: adding and removing pyqtgraph
# items costs more than all the rest of a new result.
SPARE_CURVES = 48

PenKey = tuple[str, float, Qt.PenStyle]   # colour, width, style
DECADE_PIXELS = 22     # the least room for a labelled decade on the log axis
KEY_COLOUR = "#333333"
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
translate = QCoreApplication.translate


def power_of_ten(k: int) -> str:
    """``10⁻⁶`` for -6, ``1`` for 0, ``10`` for 1: one format for every label of a log axis."""
    return {0: "1", 1: "10"}.get(k, f"10{str(k).translate(SUPERSCRIPT)}")


def _times_ten(v: float) -> str:
    """The label of log10 value ``v`` at 2 or 5 times a decade: ``20``, ``0.5``, ``5·10⁻³``."""
    k = math.floor(v)
    m = round(10 ** (v - k))
    if -1 <= k <= 2:
        return f"{m * 10.0 ** k:g}"
    return f"{m}\u00b7{power_of_ten(k)}"


def axis_title(label: str, names: tuple[str, str] = ("x", "y")) -> str:
    """The core's loss label with f written as the function of the plane: ``f(x, y)``,
    ``f(x, y) − f*  (f* = -1)``; ``f(p1, p2)`` over a model's parameters ``names``."""
    return f"f({names[0]}, {names[1]})" + label[1:] if label.startswith("f") else label


class DecadeAxis(CachedAxisItem):
    """A log axis labelled 10ᵏ at every decade there is room for (every other, every third,
    ... when the decades are crowded), with unlabelled ticks at the decades between and at
    2..9 times each decade when only a few decades are shown; when at most one decade is in
    view, 2 and 5 times each decade are labelled too (``20``, ``5·10⁻³``)."""

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        lo, hi = math.ceil(minVal - 1e-9), math.floor(maxVal + 1e-9)
        decades = list(range(lo, hi + 1))
        if not decades:      # less than a decade: pyqtgraph's own ticks
            return super().logTickValues(minVal, maxVal, size, stdTicks)
        room = max(int(size // DECADE_PIXELS), 1)
        every = max(math.ceil(len(decades) / room), 1)
        major = [float(k) for k in decades if k % every == 0]
        minor = [float(k) for k in decades if k % every]
        if len(decades) <= 4:
            minor += [k + math.log10(m) for k in range(lo - 1, hi + 1) for m in range(2, 10)
                      if minVal < k + math.log10(m) < maxVal]
        if len(decades) <= 1:       # one label is not enough to read a value off
            halves = [v for v in minor if round(10 ** (v - math.floor(v))) in (2, 5)]
            major += halves
            minor = [v for v in minor if v not in halves]
        return [(float(every), major), (None, minor)]

    def logTickStrings(self, values, scale, spacing):
        if spacing is None:   # the unlabelled level
            return ["" for _ in values]
        return [power_of_ten(round(v)) if abs(v - round(v)) < 1e-6 else _times_ten(v)
                for v in values]


class EpochAxis(CachedAxisItem):
    """An axis of steps labelled in epochs: ticks at round numbers of epochs of
    :attr:`steps` steps each (pyqtgraph's spacing, in epochs)."""

    steps = 0

    def set_steps(self, steps: int) -> None:
        if steps != self.steps:
            self.steps = int(steps)
            self.picture = None
            self.update()

    def tickValues(self, minVal, maxVal, size):
        k = self.steps
        if not k:
            return super().tickValues(minVal, maxVal, size)
        levels = super().tickValues(minVal / k, maxVal / k, size)
        return [(spacing * k, [v * k for v in values]) for spacing, values in levels]

    def tickStrings(self, values, scale, spacing):
        k = self.steps
        if not k:
            return super().tickStrings(values, scale, spacing)
        return super().tickStrings([v / k for v in values], scale, spacing / k)


class StyleKey(QWidget):
    """A row under the plot: a line in each start point's style and that start's name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[tuple[Qt.PenStyle, str]] = []
        self.hide()

    def set_entries(self, entries: Sequence[tuple[Qt.PenStyle, str]]) -> None:
        """``(style, text)`` per start point; shown with two or more."""
        self.entries = list(entries)
        self.setVisible(len(self.entries) > 1)
        self.setToolTip(translate("LossPlot",
                                  "Line styles of the loss curves: one per start point"))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() + 6)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height() + 6)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        mid = self.height() // 2
        x = 6
        for style, text in self.entries:
            if x > self.width():
                break
            painter.setPen(QPen(QColor(KEY_COLOUR), 2, style))
            painter.drawLine(x, mid, x + 26, mid)
            painter.setPen(QColor(KEY_COLOUR))
            painter.drawText(x + 32, mid + metrics.ascent() // 2 - 1, text)
            x += 32 + metrics.horizontalAdvance(text) + 16
        painter.end()


class CurvePool:
    """The curves of one view box: shown ones first, then hidden ones kept for later results.

    Parameters
    ----------
    add, remove : callables
        Put a curve into the view box and take it out.
    cached : bool
        Cache the curves as pixmaps (for a plot whose frames move only a cursor over them).
    """

    def __init__(self, add, remove, cached: bool = False) -> None:
        self._add, self._remove, self._cached = add, remove, cached
        self._items: list[pg.PlotDataItem] = []
        self._pens: list[PenKey | None] = []
        self._n = 0

    @property
    def shown(self) -> list[pg.PlotDataItem]:
        return self._items[:self._n]

    def show(self, curves: Sequence[tuple[np.ndarray, np.ndarray, PenKey]]) -> None:
        """Show a curve per (x, y, pen) and hide the rest; x and y have the same shape (T,)."""
        for i, (x, y, pen) in enumerate(curves):
            if i == len(self._items):
                item = pg.PlotDataItem()
                if self._cached:
                    item.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                self._add(item)
                self._items.append(item)
                self._pens.append(None)
            item = self._items[i]
            # a reused curve lets go of the last result's buffers first (pyqtgraph keeps its
            # line-segment buffer at the largest size it ever drew)
            item.curve.clear()
            if pen != self._pens[i]:
                self._pens[i] = pen
                colour, width, style = pen
                item.setData(x, y, pen=pg.mkPen(colour, width=width, style=style))
            else:
                item.setData(x, y)
            if not item.isVisible():
                item.setVisible(True)
        n = len(curves)
        for item in self._items[n:]:
            if item.isVisible():
                item.setVisible(False)
                item.clear()
        for item in self._items[n + SPARE_CURVES:]:
            self._remove(item)
        del self._items[n + SPARE_CURVES:], self._pens[n + SPARE_CURVES:]
        self._n = n


class LossPlot(QWidget):
    """Loss (log y) against step, one curve per run.

    Signals
    -------
    step_requested(int)
        The user dragged the cursor to a step.
    """

    step_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # only the cursor moves between frames: the axes and grid stay pixmaps
        axes = cached_axes("bottom", "right")
        axes["left"] = DecadeAxis("left")
        axes["top"] = self.epoch_axis = EpochAxis("top")
        self.plot_widget = pg.PlotWidget(background="w", axisItems=axes)
        self.plot_item: pg.PlotItem = self.plot_widget.getPlotItem()
        pi = self.plot_item
        pi.showGrid(x=True, y=True, alpha=0.25)
        pi.setLabel("bottom", translate("LossPlot", "step"))
        pi.setLabel("left", axis_title("f"))
        pi.setDownsampling(auto=True, mode="peak")
        pi.setClipToView(True)
        pi.setMenuEnabled(False)
        pi.hideButtons()
        for name in ("left", "bottom", "right", "top"):
            axis = pi.getAxis(name)
            axis.setPen(pg.mkPen("#555555"))
            axis.setTextPen(pg.mkPen("#222222"))
            axis.enableAutoSIPrefix(False)   # no "(x1e+24)" on a log axis

        self._cursor = pg.InfiniteLine(pos=0, angle=90, movable=True,
                                       pen=pg.mkPen(CURSOR_COLOUR, width=1),
                                       hoverPen=pg.mkPen("#000000", width=2))
        self._cursor.setZValue(10)
        self._cursor.sigDragged.connect(self._on_cursor_dragged)
        pi.addItem(self._cursor, ignoreBounds=True)

        # the learning rate lives in a second view box tied to the right axis
        self._lr_view = pg.ViewBox(enableMenu=False)
        self._lr_view.setMouseEnabled(x=False, y=False)
        pi.scene().addItem(self._lr_view)
        pi.getAxis("right").linkToView(self._lr_view)
        self._lr_view.setXLink(pi)
        pi.vb.sigResized.connect(self._sync_lr_view)
        pi.hideAxis("right")
        pi.hideAxis("top")

        self._curves = CurvePool(pi.addItem, pi.removeItem, cached=True)
        self._lr_curves = CurvePool(self._lr_view.addItem, self._lr_view.removeItem)
        self._batch_curves = CurvePool(self._add_under, pi.removeItem)
        self._batch_whole: list[tuple[np.ndarray, np.ndarray, PenKey]] = []
        self._batch_on = False
        self._result: RunResult | None = None
        self._colours: list[str] = []
        self.epoch_length: int | None = None
        self._n_steps = 0
        self._whole: list[tuple[np.ndarray, np.ndarray]] = []   # each shown curve, uncut
        self._up_to_playhead = False
        self._step = 0
        self.label = "f"
        self.log_y = True
        self.key = StyleKey(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.key)

    def _add_under(self, item: pg.PlotDataItem) -> None:
        item.setZValue(-1)          # under the full-data curves
        self.plot_item.addItem(item)

    # -- data ---------------------------------------------------------------------------------
    def clear(self) -> None:
        """No runs: empty plot."""
        self._curves.show([])
        self._lr_curves.show([])
        self._result, self._colours = None, []
        self._batch_whole = []
        self._batch_curves.show([])
        self._set_epochs(None)
        self._whole = []
        self.key.set_entries([])
        self._show_right_axis(False)
        self._n_steps = 0

    def set_result(self, result: RunResult, colours: Sequence[str],
                   styles: Sequence[Qt.PenStyle]) -> None:
        """One curve per run, drawn up to its last valid step.

        Parameters
        ----------
        result : RunResult
        colours, styles : sequences of length N
            Each run's optimizer colour and its start point's pen style.
        """
        values, label, log = loss_for_plot(result)
        self.label, self.log_y = label, log
        pi = self.plot_item
        pi.setLogMode(x=False, y=log)
        self._set_axis_label("left", axis_title(
            label, result.function.param_names))
        self._n_steps = result.n_steps
        ends = [int(result.stop_step[i]) + 1 for i in range(result.n_runs)]
        steps = np.arange(max(ends, default=0))    # one array of steps, each curve a view
        self._whole = [(steps[:end], values[i, :end]) for i, end in enumerate(ends)]
        # the curves are cached as pixmaps: a frame moves only the step cursor over them
        self._curves.show([
            (*self._cut(x, y),
             (colours[i], 2.0 if result.status[i] != DIVERGED else 1.5, styles[i]))
            for i, (x, y) in enumerate(self._whole)])
        self._set_key(result, styles)
        self._set_lr(result, colours, ends, steps)
        self._result, self._colours = result, list(colours)
        self._set_epochs(result)
        self._set_batch_losses()
        self._cursor.setBounds((0, max(self._n_steps, 1)))
        # zoom and pan over the steps there are: pyqtgraph's downsampling raises on a view
        # some 1e18 steps wide (the y axis it already holds to floats' range)
        span = max(self._n_steps, 1)
        pi.setLimits(xMin=-span, xMax=2 * span, minXRange=1e-3, maxXRange=3 * span)
        pi.setXRange(0, max(self._n_steps, 1), padding=0.02)
        pi.setYRange(*loss_view_range(result, values, log), padding=0)

    def _set_key(self, result: RunResult, styles: Sequence[Qt.PenStyle]) -> None:
        first = {}
        for i, s in enumerate(result.start_index):
            first.setdefault(int(s), i)
        self.key.set_entries([
            (styles[i], translate("LossPlot", "start {0} ({1}, {2})").format(
                s + 1, f"{result.starts[s][0]:.3g}", f"{result.starts[s][1]:.3g}"))
            for s, i in sorted(first.items())])

    def _cut(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """A curve as drawn: up to the playhead's step while that option is on."""
        if not self._up_to_playhead:
            return x, y
        end = min(self._step + 1, len(x))
        return x[:end], y[:end]

    def _set_lr(self, result: RunResult, colours: Sequence[str], ends: list[int],
                steps: np.ndarray) -> None:
        """A dotted learning-rate curve per scheduled configuration and variant."""
        curves, shown = [], set()
        for i, end in enumerate(ends):
            c = int(result.config_index[i])
            key = (c, int(result.variant_index[i]))
            if result.configs[c].schedule.is_constant or key in shown:
                continue
            shown.add(key)
            curves.append((steps[:end], result.lr[i, :end],
                           (colours[i], 1.5, Qt.PenStyle.DotLine)))
        self._lr_curves.show(curves)
        self._show_right_axis(bool(curves))
        if curves:
            self._set_axis_label("right", translate("LossPlot", "lr (dotted)"))
            self._lr_view.enableAutoRange(axis="y", enable=True)
            self._sync_lr_view()

    def _set_epochs(self, result: RunResult | None) -> None:
        """The top axis in epochs of the first stochastic configuration on a model whose
        batch is smaller than the data (hidden without one)."""
        length, title = None, ""
        if result is not None:
            for config in result.configs:
                length = epoch_length(result.function, config)
                if length:
                    title = config.spec.title
                    break
        self.epoch_length = length
        show = bool(length)
        if show:
            self.epoch_axis.set_steps(length)
            self._set_axis_label("top", translate(
                "LossPlot", "epoch of {0} (1 epoch = {1} steps)").format(title, length))
        if self.plot_item.getAxis("top").isVisible() != show:
            self.plot_item.showAxis("top", show)

    def set_batch_loss(self, on: bool) -> None:
        """Draw each stochastic run's mini-batch loss as a thin line (on a model on data)."""
        if bool(on) != self._batch_on:
            self._batch_on = bool(on)
            self._set_batch_losses()

    @property
    def batch_loss(self) -> bool:
        return self._batch_on

    def _set_batch_losses(self) -> None:
        result, curves = self._result, []
        if self._batch_on and result is not None:
            for i in range(result.n_runs):
                values = batch_loss_for_plot(result, i, self.log_y)
                if values is None:
                    continue
                end = int(result.stop_step[i]) + 1
                colour = self._colours[i]   # translucent: the full-data loss stays in front
                colour = colour + "90" if len(colour) == 7 else colour
                curves.append((np.arange(end), values[:end],
                               (colour, 1.0, Qt.PenStyle.SolidLine)))
        self._batch_whole = curves
        self._batch_curves.show([(*self._cut(x, y), pen) for x, y, pen in curves])

    @property
    def batch_curves(self) -> list[pg.PlotDataItem]:
        """The mini-batch loss curves shown."""
        return self._batch_curves.shown

    def _set_axis_label(self, side: str, text: str) -> None:
        if self.plot_item.getAxis(side).labelText != text:   # a new label lays the plot out
            self.plot_item.setLabel(side, text)

    def _show_right_axis(self, show: bool) -> None:
        if self.plot_item.getAxis("right").isVisible() != show:
            self.plot_item.showAxis("right", show)

    # -- the cursor ---------------------------------------------------------------------------
    def set_step(self, k: int) -> None:
        """Move the cursor to step ``k``; the curves are cut there while they are drawn up to
        the playhead (otherwise nothing else is redrawn)."""
        self._cursor.setValue(k)
        k = int(k)
        if k != self._step:
            self._step = k
            if self._up_to_playhead:
                self._redraw_curves()

    def set_up_to_playhead(self, on: bool) -> None:
        """Draw the loss curves only up to the current step (a race), or whole."""
        if bool(on) != self._up_to_playhead:
            self._up_to_playhead = bool(on)
            self._redraw_curves()

    @property
    def up_to_playhead(self) -> bool:
        return self._up_to_playhead

    def _redraw_curves(self) -> None:
        for item, (x, y) in zip(self._curves.shown, self._whole, strict=True):
            item.setData(*self._cut(x, y))
        for item, (x, y, _pen) in zip(self._batch_curves.shown, self._batch_whole, strict=True):
            item.setData(*self._cut(x, y))

    @property
    def cursor_step(self) -> float:
        return float(self._cursor.value())

    @property
    def curves(self) -> list[pg.PlotDataItem]:
        """The loss curves shown, one per run."""
        return self._curves.shown

    @property
    def lr_curves(self) -> list[pg.PlotDataItem]:
        """The learning-rate curves shown."""
        return self._lr_curves.shown

    def lr_view_items(self) -> tuple:
        """Every item in the learning-rate view, shown or hidden (read-only)."""
        return tuple(self._lr_view.addedItems)

    def view_ranges(self) -> list[list[float]]:
        """The loss view's [[x0, x1], [y0, y1]] in plotted units (log10 of y on a log axis)."""
        return self.plot_item.viewRange()

    @Slot(object)
    def _on_cursor_dragged(self, line) -> None:
        self.step_requested.emit(int(round(line.value())))

    @Slot()
    def _sync_lr_view(self) -> None:
        vb = self.plot_item.vb
        self._lr_view.setGeometry(vb.sceneBoundingRect())
        self._lr_view.linkedViewChanged(vb, self._lr_view.XAxis)
