"""The loss over steps: a curve per run on a log axis, a cursor at the current step, and the
learning rate on a second axis when a schedule changes it.

Curves are set once per result; :meth:`LossPlot.set_step` only moves the cursor.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QGraphicsItem, QVBoxLayout, QWidget

from ..core.engine import DIVERGED, RunResult
from ..core.inspect import loss_for_plot, loss_view_range

CURSOR_COLOUR = "#444444"


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
        self.plot_widget = pg.PlotWidget(background="w")
        self.plot_item: pg.PlotItem = self.plot_widget.getPlotItem()
        pi = self.plot_item
        pi.showGrid(x=True, y=True, alpha=0.25)
        pi.setLabel("bottom", "step")
        pi.setLabel("left", "f")
        pi.setDownsampling(auto=True, mode="peak")
        pi.setClipToView(True)
        pi.setMenuEnabled(False)
        pi.hideButtons()
        for name in ("left", "bottom", "right"):
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

        self._curves: list[pg.PlotDataItem] = []
        self._lr_curves: list[pg.PlotDataItem] = []
        self._n_steps = 0
        self.label = "f"
        self.log_y = True

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)

    # -- data ---------------------------------------------------------------------------------
    def clear(self) -> None:
        """No runs: empty plot."""
        for item in self._curves:
            self.plot_item.removeItem(item)
        for item in self._lr_curves:
            self._lr_view.removeItem(item)
        self._curves, self._lr_curves = [], []
        self.plot_item.hideAxis("right")
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
        self.clear()
        values, label, log = loss_for_plot(result)
        self.label, self.log_y = label, log
        self.plot_item.setLogMode(x=False, y=log)
        self.plot_item.setLabel("left", label)
        self._n_steps = result.n_steps
        for i in range(result.n_runs):
            end = int(result.stop_step[i]) + 1
            width = 2.0 if result.status[i] != DIVERGED else 1.5
            curve = pg.PlotDataItem(np.arange(end), values[i, :end],
                                    pen=pg.mkPen(colours[i], width=width, style=styles[i]))
            curve.setLogMode(False, log)
            # cached as a pixmap: a frame moves only the step cursor over the curves
            curve.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self.plot_item.addItem(curve)
            self._curves.append(curve)
        self._set_lr(result, colours)
        self._cursor.setBounds((0, max(self._n_steps, 1)))
        self.plot_item.setXRange(0, max(self._n_steps, 1), padding=0.02)
        self.plot_item.setYRange(*loss_view_range(result, values, log), padding=0)

    def _set_lr(self, result: RunResult, colours: Sequence[str]) -> None:
        scheduled = [c for c, config in enumerate(result.configs)
                     if not config.schedule.is_constant]
        if not scheduled:
            return
        pi = self.plot_item
        pi.showAxis("right")
        pi.setLabel("right", "lr (dotted)")
        shown = set()
        for i in range(result.n_runs):
            c = int(result.config_index[i])
            key = (c, int(result.variant_index[i]))
            if c not in scheduled or key in shown:
                continue
            shown.add(key)
            end = int(result.stop_step[i]) + 1
            curve = pg.PlotDataItem(np.arange(end), result.lr[i, :end],
                                    pen=pg.mkPen(colours[i], width=1.5,
                                                 style=Qt.PenStyle.DotLine))
            self._lr_view.addItem(curve)
            self._lr_curves.append(curve)
        self._lr_view.enableAutoRange(axis="y", enable=True)
        self._sync_lr_view()

    # -- the cursor ---------------------------------------------------------------------------
    def set_step(self, k: int) -> None:
        """Move the cursor to step ``k`` (nothing else is redrawn)."""
        self._cursor.setValue(k)

    @property
    def cursor_step(self) -> float:
        return float(self._cursor.value())

    @property
    def curves(self) -> list[pg.PlotDataItem]:
        return list(self._curves)

    @property
    def lr_curves(self) -> list[pg.PlotDataItem]:
        return list(self._lr_curves)

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
