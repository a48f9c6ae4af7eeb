"""The views that follow the run state: canvas paths, loss plot, results table and playback.

:class:`RunViews` draws each result the run state announces in every view at the run state's
step, and moves them all with the playhead; the playback writes its step into the run state.
The mechanics arrows (View > Mechanics arrows) are drawn at the heads while they are on. The
selected run follows a click on its row or its path into the run state, and is highlighted in
both.

A new result is drawn on the canvas at once and in the loss plot and the table just after the
canvas has been painted (a zero-interval timer fires after Qt's paint requests): a click's
paths show without waiting for the views beside them. ``drawn`` says when every view shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from ...core.engine import DIVERGED, RunResult
from ...core.playhead import mechanics_at
from ...document import RunState
from ..guarded import guarded
from .canvas import ContourCanvas
from .loss_plot import LossPlot
from .playback import Playback
from .results_table import ResultsTable
from .run_styles import optimizer_label, start_style


class RunViews(QObject):
    """Keeps ``canvas``, ``loss_plot``, ``results`` and ``playback`` on ``run_state``;
    ``mechanics`` is the action that shows the arrows, ``loss_to_playhead`` the one that draws
    the loss curves only up to the playhead. Errors go to ``window.report_error``.

    Signals
    -------
    drawn()
        Every view shows the newest result (the loss plot and the table follow the canvas).
    """

    drawn = Signal()

    def __init__(self, run_state: RunState, window: QMainWindow, canvas: ContourCanvas,
                 loss_plot: LossPlot, results: ResultsTable, playback: Playback,
                 mechanics: QAction, loss_to_playhead: QAction | None = None) -> None:
        super().__init__(window)
        self.run_state = run_state
        self.window = window
        self.canvas = canvas
        self.loss_plot = loss_plot
        self.results = results
        self.playback = playback
        self.mechanics = mechanics
        self._pending = False            # the loss plot and the table show an older result
        self._later = QTimer(self, singleShot=True, interval=0)
        self._later.timeout.connect(self._finish)
        run_state.events.result_changed.connect(self._on_result_changed)
        run_state.events.step_changed.connect(self._on_step_changed)
        run_state.events.selection_changed.connect(self._on_selection_changed)
        run_state.events.runs_previewed.connect(self._on_runs_previewed)
        results.run_selected.connect(self._on_run_picked)
        canvas.run_clicked.connect(self._on_run_picked)
        playback.step_changed.connect(self._on_playhead_moved)
        playback.playing_changed.connect(canvas.set_animating)
        loss_plot.step_requested.connect(self._on_step_requested)
        mechanics.triggered.connect(self._on_mechanics_toggled)
        if loss_to_playhead is not None:
            loss_to_playhead.toggled.connect(self._on_loss_to_playhead)
            loss_plot.set_up_to_playhead(loss_to_playhead.isChecked())

    def report_error(self, message: str) -> None:
        self.window.report_error(message)

    @guarded
    def _on_result_changed(self, result: RunResult | None) -> None:
        if result is None:
            self._later.stop()
            self._pending = False
            self.playback.set_range(0)
            self.canvas.clear_runs()
            self.canvas.set_mechanics(None)
            self.loss_plot.clear()
            self.results.clear()
            return
        state = self.run_state
        entries, step, n = state.entries, state.step, result.n_runs
        colours = state.run_colours()
        styles = [start_style(result.start_index[i]) for i in range(n)]
        flags = ["diverged" if result.status[i] == DIVERGED else "" for i in range(n)]
        legend = [(optimizer_label(e.config), e.colour) for e in entries]
        paths = result.shown()[0]            # Schedule-Free's average, not its gradient point
        self.canvas.set_runs([paths[i] for i in range(n)],
                             [int(s) for s in result.stop_step], colours, styles, flags, legend,
                             step=step)
        self._pending = True
        self.playback.set_range(result.n_steps, step)
        self._show_canvas_step(step)
        self.canvas.select_run(state.selected_run)
        self._later.start()

    @guarded
    def _finish(self) -> None:
        """The loss plot and the table follow the shown result."""
        if not self._pending:
            return
        self._pending = False
        state = self.run_state
        result = state.result
        if result is None:
            return
        n = result.n_runs
        colours = state.run_colours()
        styles = [start_style(result.start_index[i]) for i in range(n)]
        labels = [optimizer_label(result.configs[int(result.config_index[i])])
                  for i in range(n)]
        self.loss_plot.set_result(result, colours, styles)
        self.results.set_result(result, labels, colours, step=state.step)
        self._show_step(state.step)
        self._on_selection_changed(state.selected_run)
        self.drawn.emit()

    @guarded
    def _on_runs_previewed(self, rows: list[int], result: RunResult) -> None:
        # only the canvas follows a drag or a scrub, with every path whole; the loss plot, the
        # table and the arrows wait for the result that comes when it ends
        self.playback.pause()
        self.canvas.set_mechanics(None)
        paths = result.shown()[0]
        self.canvas.replace_runs(rows, [paths[i] for i in range(result.n_runs)],
                                 [int(s) for s in result.stop_step],
                                 ["diverged" if s == DIVERGED else "" for s in result.status],
                                 self._preview_legend(rows, result))

    def _preview_legend(self, rows: list[int], result: RunResult) -> list[tuple[str, str]]:
        """The legend with the previewed configurations' labels (a scrubbed learning rate is
        named as it goes)."""
        shown = self.run_state.result
        legend = [(optimizer_label(e.config), e.colour) for e in self.run_state.entries]
        for row, k in zip(rows, result.config_index.tolist(), strict=True):
            index = int(shown.config_index[row])
            if index < len(legend):
                legend[index] = (optimizer_label(result.configs[k]), legend[index][1])
        return legend

    @guarded
    def _on_step_changed(self, step: int) -> None:
        self._show_step(step)

    def _show_step(self, k: int) -> None:
        if self.run_state.result is None:
            return
        self._show_canvas_step(k)
        if not self._pending:
            self.loss_plot.set_step(k)
            self.results.set_step(k)

    def _show_canvas_step(self, k: int) -> None:
        self.canvas.set_step(k)
        if self.mechanics.isChecked():
            self.canvas.set_mechanics(mechanics_at(self.run_state.result, k))

    @guarded
    def _on_selection_changed(self, run: int | None) -> None:
        self.canvas.select_run(run)
        if not self._pending:
            self.results.select_run(run)

    @guarded
    def _on_run_picked(self, run: int) -> None:
        result = self.run_state.result
        if result is not None and 0 <= run < result.n_runs:
            self.run_state.select(run)

    @guarded
    def _on_playhead_moved(self, k: int) -> None:
        self.run_state.set_step(k)

    @guarded
    def _on_step_requested(self, k: int) -> None:
        self.playback.pause()
        self.playback.set_step(k)

    @guarded
    def _on_loss_to_playhead(self, on: bool) -> None:
        self.loss_plot.set_up_to_playhead(on)

    @guarded
    def _on_mechanics_toggled(self, *_) -> None:
        result = self.run_state.result
        if self.mechanics.isChecked() and result is not None:
            self.canvas.set_mechanics(mechanics_at(result, self.run_state.step))
        else:
            self.canvas.set_mechanics(None)
