"""The runs: what the document holds, computed on the task runner and put into the run state.

:class:`RunController` listens to the document: a change of the function, the optimizers, the
settings or the start points submits a :class:`RunRequest` (the enabled optimizers from every
start point) to its :class:`TaskRunner`; a newer request cancels an older one. A finished run
goes into the :class:`RunState` with the entries it was computed for and the step to show, and
the views, which follow the run state, draw it. While a start point is dragged, the whole paths
from where it is now are previewed (the newest position only, every ``DRAG_PREVIEW_MS``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QProgressBar

from ...core import engine
from ...core.engine import DIVERGED, RunResult
from ...core.functions import TestFunction
from ...core.view_ranges import fit_extent
from ...document import Document, OptimizerEntry, RunState
from ..guarded import guarded
from ..memory import MemoryRelease
from ..notify import MESSAGE_MS
from ..task_runner import TaskRunner
from ..views.playback import Playback

DRAG_PREVIEW_MS = 60
# What a finished request is shown as. PLAY restarts the animation from step 0 and plays; when
# the animation was paused, READY shows every path whole (Space then plays it from the start);
# PREVIEW is the whole path while a start point is dragged.
PLAY, READY, PREVIEW = "play", "ready", "preview"
RUN_PARTS = frozenset({"function", "optimizers", "settings", "starts"})
# the end of the status message when runs diverged (in English)
DIVERGED_NOTE = "runs diverged: each is drawn up to where it blew up."
translate = QCoreApplication.translate


@dataclass(frozen=True, eq=False)
class RunRequest:
    """What the runs' task computes: ``entries`` (the enabled optimizers) from every start.

    Calling it (on the task runner's thread) runs the engine, recording every step and the
    optimizers' state, and returns a :class:`RunOutcome`.
    """

    function: TestFunction
    entries: tuple[OptimizerEntry, ...]
    starts: np.ndarray
    max_steps: int
    tol: float
    seed: int
    expression: str | None = None

    @classmethod
    def of(cls, document: Document, starts: np.ndarray | None = None) -> RunRequest:
        """The document's enabled optimizers from its start points (or from ``starts``)."""
        return cls(document.function, tuple(document.enabled),
                   np.array(document.starts if starts is None else starts, dtype=float),
                   document.max_steps, document.tol, document.seed, document.expression)

    def __call__(self, cancel: Callable[[], bool],
                 progress: Callable[[int, int], None]) -> RunOutcome:
        result = engine.run(
            self.function, [e.config for e in self.entries], self.starts,
            max_steps=self.max_steps, tol=self.tol, seed=self.seed,
            record=True, record_state=True, cancel=cancel, progress=progress)
        return RunOutcome(self, result)


@dataclass
class RunOutcome:
    """The answer to a :class:`RunRequest`."""

    request: RunRequest
    result: RunResult


class RunController(QObject):
    """Runs what the document holds and shows each result through the run state.

    Parameters
    ----------
    document, run_state
        What is run, and where its result goes.
    window : QMainWindow
        The shell: its status bar shows what happened.
    playback : Playback
        Paused for a new result, played from step 0 for one asked to play.
    progress : QProgressBar
        Shown while a run computes.
    memory : MemoryRelease
        Told when a result was replaced.
    start_dragging
        A signal ``(index, x, y)`` emitted while a start point is dragged (the canvas's).

    Signals
    -------
    ready()
        A new result has been drawn everywhere.
    """

    ready = Signal()

    def __init__(self, document: Document, run_state: RunState, window: QMainWindow,
                 playback: Playback, progress: QProgressBar, memory: MemoryRelease,
                 start_dragging) -> None:
        super().__init__(window)
        self.document = document
        self.run_state = run_state
        self.window = window
        self.playback = playback
        self.progress = progress
        self.memory = memory
        self.runner: TaskRunner = TaskRunner(self, name="runs")
        self._modes: dict[int, str] = {}
        self._fitted = None
        self._diverged_message = ""    # the status message saying runs diverged, as shown
        self._function_key = document.function_key()
        self._drag: tuple[int, float, float] | None = None
        self._drag_timer = QTimer(self, singleShot=True, interval=DRAG_PREVIEW_MS)
        self._drag_timer.timeout.connect(self._on_drag_preview)
        self.runner.finished.connect(self._on_run_finished)
        self.runner.failed.connect(self._on_run_failed)
        self.runner.progress.connect(self._on_run_progress)
        start_dragging.connect(self._on_start_dragging)
        document.events.changed.connect(self._on_document_changed)

    # -- public -------------------------------------------------------------------------------
    def recompute(self, mode: str = PLAY) -> None:
        """Run the document's enabled optimizers from its start points, to be shown in
        ``mode``; with no start point or no optimizer, clear the result and say why."""
        if self.runner.is_closed:     # closing: a late timer or edit changes nothing
            return
        if len(self.document.starts) == 0:
            self._clear_result(translate("RunController", "Click the canvas to add a start point."))
            return
        if not self.document.enabled:
            self._clear_result(translate("RunController",
                                         "No optimizer is enabled: tick one in the parameter "
                                         "panel."))
            return
        if mode == PLAY and not self.playback.is_playing:
            mode = READY
        self._submit(None, mode)

    def show_result(self, result: RunResult, entries: list[OptimizerEntry],
                    expression: str | None = None, mode: str = READY) -> None:
        """Show ``result`` (computed for ``entries``) in every view; called for each finished
        run (benchmarks time it). ``mode``: PLAY, READY or PREVIEW."""
        self.playback.pause()
        # every view starts at the playhead's new step, so nothing is drawn twice
        step = 0 if mode == PLAY else result.n_steps
        self.run_state.set_result(result, entries, expression, step)
        if mode != PREVIEW:
            extent = fit_extent(result, result.function.bounds)
            if extent != self._fitted:
                self._fitted = extent
                self.document.set_view(extent)
        if mode == PLAY:
            self.playback.play()
        self.memory.schedule()   # the replaced result is freed by now
        diverged = int(np.count_nonzero(result.status == DIVERGED))
        bar = self.window.statusBar()
        if diverged:
            self._diverged_message = translate(
                "RunController",
                "{0} of {1} runs diverged: each is drawn up to where it blew up.").format(
                diverged, result.n_runs)
            bar.showMessage(self._diverged_message, MESSAGE_MS)
        elif self._diverged_message and bar.currentMessage() == self._diverged_message:
            bar.clearMessage()     # the last result's news, not this one's
        self.ready.emit()

    def reset_view(self) -> None:
        """Show the view fitted to the last result (the function's bounds before one)."""
        self.document.set_view(self._fitted)

    def shutdown(self) -> None:
        """Stop the drag preview and any run, and end the thread (the window is closing)."""
        self._drag_timer.stop()
        self.runner.shutdown()

    def report_error(self, message: str) -> None:
        self.window.report_error(message)

    # -- internals ----------------------------------------------------------------------------
    def _submit(self, starts: np.ndarray | None, mode: str) -> None:
        self._modes = {self.runner.submit(RunRequest.of(self.document, starts)): mode}

    def _clear_result(self, message: str) -> None:
        self.runner.cancel()
        self._modes.clear()
        self.progress.hide()
        self.run_state.clear()
        self.memory.schedule()
        self.window.statusBar().showMessage(message, MESSAGE_MS)

    # -- slots --------------------------------------------------------------------------------
    @guarded
    def _on_document_changed(self, parts: frozenset[str]) -> None:
        if "function" in parts:
            key = self.document.function_key()
            if key != self._function_key:
                self._function_key, self._fitted = key, None
        if "starts" in parts:            # a start point was dropped: the preview is over
            self._drag_timer.stop()
            self._drag = None
        if parts & RUN_PARTS:
            self.recompute(PLAY)

    @guarded
    def _on_run_finished(self, generation: int, outcome: RunOutcome) -> None:
        mode = self._modes.pop(generation, READY)
        self.progress.hide()
        request = outcome.request
        self.show_result(outcome.result, list(request.entries), request.expression, mode)

    @guarded
    def _on_run_failed(self, generation: int, message: str) -> None:
        self._modes.pop(generation, None)
        self.progress.hide()
        self.window.statusBar().showMessage(
            translate("RunController", "Could not run: {0}").format(message), 2 * MESSAGE_MS)

    @guarded
    def _on_run_progress(self, generation: int, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.show()

    @guarded
    def _on_start_dragging(self, i: int, x: float, y: float) -> None:
        self._drag = (i, x, y)
        if not self._drag_timer.isActive():
            self._drag_timer.start()

    @guarded
    def _on_drag_preview(self) -> None:
        if self._drag is None or not self.document.enabled:
            return
        i, x, y = self._drag
        starts = self.document.starts.copy()
        if not 0 <= i < len(starts):
            return
        starts[i] = (x, y)
        self._submit(starts, PREVIEW)
