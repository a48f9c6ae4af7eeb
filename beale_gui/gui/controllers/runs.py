"""The runs: what the document holds, computed on the task runner and put into the run state.

:class:`RunController` listens to the document: a change of the function, the optimizers, the
settings or the start points submits a :class:`RunRequest` (the enabled optimizers from every
start point) to its :class:`TaskRunner`; a newer request cancels an older one. A finished run
goes into the :class:`RunState` with the entries it was computed for and the step to show, and
the views, which follow the run state, draw it. While a start point is dragged, or a
hyperparameter scrubbed (:meth:`RunController.preview_hparams`), the whole paths from what it is
now are previewed for each move.

A request whose optimizers are all compiled already (:mod:`beale_gui.core.engine.compiled`, with
numba) and that is small (at most ``IMMEDIATE_RUN_STEPS`` steps of all its runs together, a few
milliseconds) is computed at once on this thread: its paths are drawn before the next mouse move
is read, and Qt folds the moves that came meanwhile into one, so only the newest position is
ever computed. Anything else goes to the task runner, where a newer request cancels the older;
a long one shows its first steps first (a request of ``prefix_steps`` steps, at once when it
can be) and the rest when it arrives, so a run of 100,000 steps starts to play at once.
The pairs the document's function and optimizers need are compiled in the background (a task
runner of their own) whenever those change, and kept on disk for the next start.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QProgressBar

from ...core import engine
from ...core.engine import DIVERGED, EngineTuning, RunResult, compiled
from ...core.functions import TestFunction
from ...core.view_ranges import fit_extent
from ...document import Document, OptimizerEntry, RunState
from ..guarded import guarded
from ..memory import MemoryRelease
from ..notify import MESSAGE_MS
from ..task_runner import TaskRunner
from ..views.playback import Playback

IMMEDIATE_RUN_STEPS = 100_000
MIN_PREFIX_STEPS = 500
# What a finished request is shown as. PLAY restarts the animation from step 0 and plays; when
# the animation was paused, READY shows every path whole (Space then plays it from the start);
# PREVIEW is the whole path while a start point is dragged; CONTINUE is the rest of a long run
# whose first steps are shown already (the animation plays on where it is, or every path is
# shown whole as READY).
PLAY, READY, PREVIEW, CONTINUE = "play", "ready", "preview", "continue"
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
    record_state: bool = True
    reports: bool = True        # progress (a long request's first steps report none)

    @classmethod
    def of(cls, document: Document, starts: np.ndarray | None = None,
           entries: list[OptimizerEntry] | None = None) -> RunRequest:
        """The document's enabled optimizers from its start points (or ``entries``' enabled
        ones from ``starts``)."""
        entries = document.enabled if entries is None else [e for e in entries if e.enabled]
        return cls(document.function, tuple(entries),
                   np.array(document.starts if starts is None else starts, dtype=float),
                   document.max_steps, document.tol, document.seed, document.expression)

    def prefix(self) -> RunRequest | None:
        """The same runs' first steps, as many as can be computed at once (at least
        ``MIN_PREFIX_STEPS``), when there are more steps than that; else None."""
        runs = max(len(self.starts) * len(self.entries), 1)
        steps = max(MIN_PREFIX_STEPS, IMMEDIATE_RUN_STEPS // runs)
        if self.max_steps <= steps:
            return None
        return dataclasses.replace(self, max_steps=steps, reports=False)

    def immediate(self) -> bool:
        """Whether this is computed at once: small, and every optimizer compiled already."""
        return (len(self.starts) * len(self.entries) * self.max_steps <= IMMEDIATE_RUN_STEPS
                and compiled.all_ready(self.function, [e.config for e in self.entries]))

    def __call__(self, cancel: Callable[[], bool],
                 progress: Callable[[int, int], None]) -> RunOutcome:
        result = engine.run(
            self.function, [e.config for e in self.entries], self.starts,
            max_steps=self.max_steps, tol=self.tol, seed=self.seed,
            record=True, record_state=self.record_state, cancel=cancel,
            progress=progress if self.reports else None,
            tuning=EngineTuning(compiled=True))
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
    """

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
        self._previewing = False
        self._play_when_drawn = False
        # a long request's first steps, by generation: the whole request and how to show it
        self._then: dict[int, tuple[RunRequest, str]] = {}
        self.compiler: TaskRunner = TaskRunner(self, name="compile")
        self._compiled_for: tuple | None = None
        self.runner.finished.connect(self._on_run_finished)
        self.runner.failed.connect(self._on_run_failed)
        self.runner.progress.connect(self._on_run_progress)
        start_dragging.connect(self._on_start_dragging)
        document.events.changed.connect(self._on_document_changed)
        QTimer.singleShot(0, self, self._compile)      # once the window is up

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
        run (benchmarks time it). ``mode``: PLAY, READY, PREVIEW or CONTINUE."""
        playing = mode == PLAY or (mode == CONTINUE and self.playback.is_playing)
        self.playback.pause()
        # every view starts at the playhead's new step, so nothing is drawn twice
        if mode == PLAY:
            step = 0
        elif mode == CONTINUE and playing:
            step = min(self.run_state.step, result.n_steps)
        else:
            step = result.n_steps
        if mode != PREVIEW:        # framed first: the paths are then cut and thinned for it
            extent = fit_extent(result, result.function.bounds)
            if extent != self._fitted:
                self._fitted = extent
                self.document.set_view(extent)
        self.run_state.set_result(result, entries, expression, step)
        self._play_when_drawn = playing     # the animation starts once every view shows it
        self.memory.schedule()   # the replaced result is freed by now (the views' `drawn`
        # says when every view shows the new one)
        diverged = int(np.count_nonzero(result.status == DIVERGED))
        bar = self.window.statusBar()
        failed = [f for f in map(result.failure, range(result.n_runs)) if f]
        if failed:     # each names its plug-in and why; the table has every run's
            self._diverged_message = translate(
                "RunController", "{0} of {1} runs failed in a plug-in optimizer and are "
                "marked diverged: {2}").format(len(failed), result.n_runs, failed[0])
            bar.showMessage(self._diverged_message, 2 * MESSAGE_MS)
        elif diverged:
            self._diverged_message = translate(
                "RunController",
                "{0} of {1} runs diverged: each is drawn up to where it blew up.").format(
                diverged, result.n_runs)
            bar.showMessage(self._diverged_message, MESSAGE_MS)
        elif self._diverged_message and bar.currentMessage() == self._diverged_message:
            bar.clearMessage()     # the last result's news, not this one's

    def views_drawn(self) -> None:
        """Every view shows the newest result (the run views' ``drawn``): its animation, if
        asked for, starts now."""
        if self._play_when_drawn:
            self._play_when_drawn = False
            self.playback.play()

    def reset_view(self) -> None:
        """Show the view fitted to the last result (the function's bounds before one)."""
        self.document.set_view(self._fitted)

    def preview_hparams(self, index: int, hparams: dict) -> None:
        """Show the runs with entry ``index``'s hyperparameters set to ``hparams`` (all of
        them), without changing the document: a hyperparameter being scrubbed. Values its
        optimizer refuses are ignored (the last preview stays)."""
        entries = self.document.entries
        if self.runner.is_closed or not 0 <= index < len(entries) or not self.document.starts.size:
            return
        entry = entries[index]
        try:
            config = dataclasses.replace(entry.config, hparams=dict(hparams))
        except ValueError:
            return
        entries[index] = dataclasses.replace(entry, config=config)
        self._previewing = True
        shown = self._shown_matches()
        if entry.enabled and shown:
            c = [e for e in entries if e.enabled].index(entries[index])
            part = dataclasses.replace(RunRequest.of(self.document, None, [entries[index]]),
                                       record_state=_state_shown([entries[index]]))
            if self._preview_part(part, self.run_state.rows_of(config=c)):
                return
        self._submit(None, PREVIEW, entries)

    def end_preview(self) -> None:
        """A scrub ended without a change: show the document's runs again."""
        if self._previewing:
            self._previewing = False
            self.recompute(READY)

    def shutdown(self) -> None:
        """Stop any run and compiling, and end the threads (the window is closing)."""
        self.compiler.shutdown()
        self.runner.shutdown()

    def report_error(self, message: str) -> None:
        self.window.report_error(message)

    # -- internals ----------------------------------------------------------------------------
    def _submit(self, starts: np.ndarray | None, mode: str,
                entries: list[OptimizerEntry] | None = None) -> None:
        self._then.clear()
        request = RunRequest.of(self.document, starts, entries)
        if request.immediate():
            self._compute_now(request, mode)
            return
        prefix = request.prefix()
        if prefix is None:
            self._modes = {self.runner.submit(request): mode}
            return
        then = PREVIEW if mode == PREVIEW else CONTINUE
        if prefix.immediate():
            if self._compute_now(prefix, mode):
                self._modes = {self.runner.submit(request): then}
            return
        generation = self.runner.submit(prefix)
        self._modes = {generation: mode}
        self._then[generation] = (request, then)

    def _compute_now(self, request: RunRequest, mode: str) -> bool:
        """Compute ``request`` on this thread and show it; False when it failed."""
        self._modes.clear()
        self.progress.hide()
        outcome = self._run_now(request)
        if outcome is None:
            return False
        self.show_result(outcome.result, list(request.entries), request.expression, mode)
        return True

    def _run_now(self, request: RunRequest) -> RunOutcome | None:
        """``request`` computed on this thread (any older one dropped: its result would come
        after); None, with the reason in the status bar, when the engine refused it."""
        self.runner.cancel()
        try:
            return request(lambda: False, lambda done, total: None)
        except ValueError as exc:
            self._show_failure(str(exc))
            return None

    def _shown_matches(self) -> bool:
        """Whether the shown result is the document's runs (what a preview replaces part of):
        its enabled optimizers from its start points, with nothing newer on the way."""
        result = self.run_state.result
        return (result is not None and not self._modes
                and self.run_state.entries == tuple(self.document.enabled)
                and np.array_equal(result.starts, self.document.starts))

    def _preview_part(self, request: RunRequest, rows: list[int]) -> bool:
        """Compute ``request`` at once, when it can be, and draw its runs in place of the shown
        result's ``rows``; False when it cannot be computed at once."""
        if not request.immediate():
            return False
        outcome = self._run_now(request)
        if outcome is None:
            return True                      # refused: said in the status bar
        if outcome.result.n_runs != len(rows):
            return False
        self.run_state.preview(rows, outcome.result)
        return True

    def _compile(self) -> None:
        """Compile, in the background, what the document's runs need and is not ready."""
        if self.runner.is_closed:
            return
        document = self.document
        configs = tuple(e.config for e in document.entries)
        key = (document.function_key(), configs)
        if key == self._compiled_for:
            return
        self._compiled_for = key
        keys = compiled.pair_keys(document.function, configs)
        if any(k is not None and not compiled.ready(k) for k in keys):
            self.compiler.submit(lambda cancel, progress: compiled.prepare(keys, cancel))

    def _show_failure(self, message: str) -> None:
        self.progress.hide()
        self.window.statusBar().showMessage(
            translate("RunController", "Could not run: {0}").format(message), 2 * MESSAGE_MS)

    def _clear_result(self, message: str) -> None:
        self.runner.cancel()
        self._modes.clear()
        self._then.clear()
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
        if parts & {"function", "optimizers"}:
            self._compile()
        if parts & RUN_PARTS:
            self._previewing = False         # a drop or a scrub's release: its preview is over
            self.recompute(PLAY)

    @guarded
    def _on_run_finished(self, generation: int, outcome: RunOutcome) -> None:
        mode = self._modes.pop(generation, READY)
        self.progress.hide()
        request = outcome.request
        self.show_result(outcome.result, list(request.entries), request.expression, mode)
        then = self._then.pop(generation, None)
        if then is not None and not self.runner.is_closed:
            self._modes = {self.runner.submit(then[0]): then[1]}

    @guarded
    def _on_run_failed(self, generation: int, message: str) -> None:
        self._modes.pop(generation, None)
        self._then.pop(generation, None)
        self._show_failure(message)

    @guarded
    def _on_run_progress(self, generation: int, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.show()

    @guarded
    def _on_start_dragging(self, i: int, x: float, y: float) -> None:
        starts = self.document.starts.copy()
        if not self.document.enabled or not 0 <= i < len(starts):
            return
        starts[i] = (x, y)
        self._previewing = True
        if self._shown_matches():               # only the dragged start's runs change
            part = dataclasses.replace(RunRequest.of(self.document, starts[i:i + 1]),
                                       record_state=_state_shown(self.document.enabled))
            if self._preview_part(part, self.run_state.rows_of(start=i)):
                return
        self._submit(starts, PREVIEW)


def _state_shown(entries) -> bool:
    """Whether drawing these entries' paths needs their state (Schedule-Free's shown point)."""
    return any(e.config.spec.shown_point is not None for e in entries)
