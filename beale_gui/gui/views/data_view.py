"""The Data view: a model's samples, and the selected run's fit at the playhead.

When the document's function is a model on data (:class:`~beale_gui.core.models.ModelFunction`)
the view shows its samples as a scatter (at most :data:`~beale_gui.core.models.fit.
MAX_SHOWN_SAMPLES`, evenly chosen; the title says so when fewer than all are drawn) and the
model's prediction at the selected run's parameters at the playhead step, in the run's colour:
the regression line, the probability curve of logistic regression (labels at 0 and 1), the tanh
neuron's curve. It follows the playhead, the selected run and each new result, and a start point
being dragged (the run state's previews), at most about 30 times a second, and does nothing
while its dock is hidden (:meth:`set_active`). Every number comes from the core
(:mod:`beale_gui.core.models.fit`).
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...core.engine import RunResult
from ...core.functions import TestFunction
from ...core.models import ModelFunction
from ...core.models.fit import data_view_range, fit_curve, params_at, shown_samples
from ...document import Document, RunState
from .results_table import format_point
from .run_styles import optimizer_label
from .throttled import ThrottledRefresh

translate = QCoreApplication.translate

REFRESH_MS = 33                       # ~30 Hz while the playhead moves
SAMPLE_BRUSH = (70, 70, 70, 110)
CLASS_BRUSHES = ((230, 159, 0, 150), (0, 114, 178, 150))   # labels 0 and 1 (Okabe-Ito)
GUIDE_PEN = pg.mkPen("#9a9a9a", width=1, style=pg.QtCore.Qt.PenStyle.DashLine)


class DataView(QWidget):
    """Samples and the fitted curve of the selected run (see the module's description).

    Parameters
    ----------
    run_state : RunState
        Followed for its result, step, selection and previews.
    document : Document
        Followed for its function: a model shows its data, anything else an empty view.

    Signals
    -------
    refreshed()
        The view shows the current model, run and step (tests wait on it).
    """

    refreshed = Signal()

    def __init__(self, run_state: RunState, document: Document,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run_state = run_state
        self.document = document
        self._model: ModelFunction | None = None
        self._x_range = (0.0, 1.0)
        self._preview: tuple[list[int], RunResult] | None = None
        self.plot_widget = pg.PlotWidget(background="w")
        plot = self.plot_item = self.plot_widget.getPlotItem()
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            axis.setPen(pg.mkPen("#555555"))
            axis.setTextPen(pg.mkPen("#222222"))
            axis.enableAutoSIPrefix(False)
        plot.setLabel("bottom", "x")
        plot.setLabel("left", "y")
        self._guides = [pg.InfiniteLine(pos=v, angle=0, pen=GUIDE_PEN) for v in (0.0, 1.0)]
        for line in self._guides:
            line.setVisible(False)
            plot.addItem(line, ignoreBounds=True)
        self._samples = pg.ScatterPlotItem(size=6, pen=None, brush=pg.mkBrush(*SAMPLE_BRUSH))
        plot.addItem(self._samples)
        self._curve = pg.PlotDataItem(connect="finite")
        self._curve.setZValue(5)
        plot.addItem(self._curve)
        # the fit at the run's start, dashed: it swings as a start point is dragged
        self._start_curve = pg.PlotDataItem(connect="finite")
        self._start_curve.setZValue(4)
        plot.addItem(self._start_curve)
        self._title = ""
        # the title above the plot, wrapped: in the plot it would widen it past a narrow dock
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored,
                                       QSizePolicy.Policy.Preferred)
        self.title_label.setStyleSheet("background: white; color: #202020; padding: 3px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.plot_widget, 1)
        self._updates = ThrottledRefresh(self._show, REFRESH_MS, self)
        events = run_state.events
        events.result_changed.connect(self._on_result_changed)
        events.step_changed.connect(self._on_changed)
        events.selection_changed.connect(self._on_changed)
        events.runs_previewed.connect(self._on_runs_previewed)
        document.events.function_changed.connect(self._on_function_changed)
        self._on_function_changed(document.function, document.expression)

    def sizeHint(self) -> QSize:
        return QSize(420, 360)

    # -- public ------------------------------------------------------------------------------
    def set_active(self, active: bool) -> None:
        """Work only while shown (the dock's ``visibilityChanged``); catch up when shown."""
        self._updates.set_active(active)

    @property
    def active(self) -> bool:
        return self._updates.active

    @property
    def model(self) -> ModelFunction | None:
        """The model whose data are shown (None for any other function)."""
        return self._model

    def refresh(self) -> None:
        """Show the selected run's fit at the current step now."""
        self._updates.refresh()

    def _show(self) -> None:
        self._draw_fit()
        self.refreshed.emit()

    def samples_shown(self) -> tuple[np.ndarray, np.ndarray]:
        """The samples drawn (x and y, copies)."""
        x, y = self._samples.getData()
        return np.array(x, dtype=float), np.array(y, dtype=float)

    def start_curve_data(self) -> tuple[np.ndarray, np.ndarray] | None:
        """The dashed fit at the selected run's start (x and y, copies), None when hidden."""
        curve = self._start_curve
        if not curve.isVisible() or curve.xData is None:
            return None
        return np.array(curve.xData, dtype=float), np.array(curve.yData, dtype=float)

    def curve_data(self) -> tuple[np.ndarray, np.ndarray] | None:
        """The fitted curve drawn (x and y, copies), None when none is drawn."""
        if not self._curve.isVisible() or self._curve.xData is None:
            return None
        return np.array(self._curve.xData, dtype=float), np.array(self._curve.yData, dtype=float)

    def title(self) -> str:
        """The plot's title as plain text."""
        return self._title

    # -- the model ---------------------------------------------------------------------------
    @Slot(object, object)
    def _on_function_changed(self, function: TestFunction, _expression=None) -> None:
        model = function if isinstance(function, ModelFunction) else None
        if model is self._model:
            return
        self._model = model
        self._preview = None
        plot = self.plot_item
        if model is None:
            self._samples.clear()
            self._curve.setVisible(False)
            for line in self._guides:
                line.setVisible(False)
            self._set_title("")
            return
        x, y = shown_samples(model)
        self._samples.setSize(6 if len(x) <= 500 else 4 if len(x) <= 2000 else 3)
        if model.model == "logistic":
            zero, one = (pg.mkBrush(*c) for c in CLASS_BRUSHES)
            self._samples.setData(x=x, y=y, brush=[one if v == 1.0 else zero for v in y])
            plot.setLabel("left", translate("DataView", "y (label) and P(y = 1)"))
        else:
            self._samples.setData(x=x, y=y, brush=pg.mkBrush(*SAMPLE_BRUSH))
            plot.setLabel("left", "y")
        for line in self._guides:
            line.setVisible(model.model == "logistic")
        (x0, x1), (y0, y1) = data_view_range(model)
        self._x_range = (x0, x1)
        plot.setXRange(x0, x1, padding=0)
        plot.setYRange(y0, y1, padding=0)
        self._updates.stale = True
        self._draw_fit()

    # -- the run -----------------------------------------------------------------------------
    def _run_shown(self) -> tuple[RunResult, int, np.ndarray, int] | None:
        """The selected run: its result, index, points (T+1, 2) and stop step, taken from a
        preview while one stands for it; None when there is none on this model."""
        state = self.run_state
        result, run, model = state.result, state.selected_run, self._model
        if result is None or run is None or model is None:
            return None
        if not isinstance(result.function, ModelFunction) or \
                result.function.key() != model.key():
            return None                 # the runs of the function before; new ones come
        shown = result.shown()
        if shown is None:
            return None
        paths, stop = shown[0][run], int(result.stop_step[run])
        if self._preview is not None:
            rows, preview = self._preview
            if run in rows:
                j = rows.index(run)
                p_shown = preview.shown()
                if p_shown is not None:
                    paths, stop = p_shown[0][j], int(preview.stop_step[j])
                    return preview, j, paths, stop
        return result, run, paths, stop

    def _draw_fit(self) -> None:
        model = self._model
        if model is None:
            return
        run = self._run_shown()
        title = model.data.describe()
        m = len(self._samples.data)
        if m < model.data.n:
            title += " \u00b7 " + translate("DataView", "{0:,} of {1:,} samples drawn").format(
                m, model.data.n)
        if run is None:
            self._curve.setVisible(False)
            self._start_curve.setVisible(False)
            self._set_title(title)
            return
        result, i, paths, stop = run
        state = self.run_state
        step = min(state.step, stop)
        params = params_at(paths, stop, state.step)
        xs, ys = fit_curve(model, params, self._x_range)
        colour = state.run_colours()[state.selected_run]
        self._curve.setData(xs, ys, pen=pg.mkPen(colour, width=3))
        self._curve.setVisible(True)
        xs0, ys0 = fit_curve(model, paths[0], self._x_range)
        self._start_curve.setData(xs0, ys0, pen=pg.mkPen(colour, width=1.5,
                                                         style=Qt.PenStyle.DashLine))
        self._start_curve.setVisible(step > 0)
        config = result.configs[int(result.config_index[i])]
        fit = translate("DataView", "{0} at step {1}: (p1, p2) = {2}").format(
            optimizer_label(config), step, format_point(*params))
        if step > 0:
            fit += " · " + translate("DataView", "dashed: at its start {0}").format(
                format_point(*paths[0]))
        self._set_title(title, fit, colour)

    def _set_title(self, text: str, fit: str = "", colour: str = "#202020") -> None:
        self._title = text + (f"\n{fit}" if fit else "")
        rich = html.escape(text)
        if fit:
            rich += (f"<br><span style='color:{colour}; font-weight:bold'>\u25ac</span> "
                     f"{html.escape(fit)}")
        self.title_label.setText(rich)
        self.title_label.setVisible(bool(text))

    # -- slots -------------------------------------------------------------------------------
    def _on_result_changed(self, _result) -> None:
        self._preview = None
        self._on_changed()

    def _on_runs_previewed(self, rows: list[int], result: RunResult) -> None:
        self._preview = (list(rows), result)
        self._on_changed()

    def _on_changed(self, *_) -> None:
        self._updates.changed()
