"""The one background task runner: the window's runs, the search and the basin map each own one.

``TaskRunner.submit(fn)`` runs ``fn(cancel, progress)`` on the runner's QThread and returns the
task's generation. ``cancel()`` says whether to stop: a newer task was submitted,
:meth:`TaskRunner.cancel` was called, or the runner is shutting down (one lock guards the
generation and that flag, read from both threads). ``progress(done, total)`` reports progress
(:func:`fraction_progress` adapts the core's functions that report a fraction). The core's
long functions take exactly these callbacks and raise ``Cancelled`` when asked to stop.

Only the newest task's news reaches the window: ``finished(generation, result)``,
``failed(generation, message)``, ``progress(generation, done, total)`` and
``cancelled(generation)``; ``stopped(generation)`` says, for every task, that it ended without
a result because it was asked to. The thread is never terminated: :meth:`TaskRunner.shutdown`
raises the cancel flag, quits the thread's event loop and waits for it.

Every thread started here is registered (:func:`live_threads`), so tests can prove none is left
running.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..core.engine import Cancelled

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Task = Callable[[Callable[[], bool], Progress], object]
FRACTION_STEPS = 1000   # what a fraction of progress is reported in

_threads: weakref.WeakSet[QThread] = weakref.WeakSet()


def live_threads() -> list[QThread]:
    """Every QThread a :class:`TaskRunner` started that still exists (a deleted runner's
    thread was deleted with it)."""
    return [thread for thread in _threads if shiboken6.isValid(thread)]


def fraction_progress(progress: Progress) -> Callable[[float], None]:
    """``progress(done, total)`` as the callback of a core function that reports a fraction in
    [0, 1] (search, basin maps): in steps of 1/``FRACTION_STEPS``."""
    return lambda fraction: progress(round(float(fraction) * FRACTION_STEPS), FRACTION_STEPS)


class _Worker(QObject):
    """Lives on the runner's thread; runs one task at a time."""

    finished = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)
    progress = Signal(int, int, int)

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__()
        self._runner = runner

    @Slot(int, object)
    def execute(self, generation: int, fn: Task) -> None:
        stale = lambda: self._runner.is_stale(generation)  # noqa: E731
        if stale():   # superseded while queued
            self.cancelled.emit(generation)
            return
        try:
            result = fn(stale, lambda done, total: self.progress.emit(generation, int(done),
                                                                      int(total)))
        except Cancelled:
            self.cancelled.emit(generation)
        except ValueError as exc:   # the core's refusals carry a message for the user
            self.failed.emit(generation, str(exc))
        except Exception as exc:    # a bug: keep the thread alive and say what happened
            log.exception("background task %d failed", generation)
            self.failed.emit(generation, f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(generation, result)


class TaskRunner(QObject):
    """One background thread running one task at a time; a newer task cancels the older.

    Signals
    -------
    finished(generation, result), failed(generation, message),
    progress(generation, done, total)
        The newest task's news (older tasks' is dropped).
    cancelled(generation)
        The newest task will bring no result: :meth:`cancel` was called (said at once).
    stopped(generation)
        A task ended without a result because it was asked to (it raised ``Cancelled``, or was
        superseded before it started); said for every task, even after :meth:`shutdown`.
    """

    finished = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)
    progress = Signal(int, int, int)
    stopped = Signal(int)
    _execute = Signal(int, object)

    def __init__(self, parent: QObject | None = None, name: str = "task") -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._generation = 0
        self._closing = False
        self._busy = False
        # The runner owns the thread (deleted with it, after shutdown has ended it); the worker
        # is deleted by its own thread as it finishes: neither is left to the garbage collector.
        self._thread = QThread(self)
        _threads.add(self._thread)
        self._thread.setObjectName(f"beale-{name}")
        self._worker = _Worker(self)
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        self._execute.connect(self._worker.execute)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.cancelled.connect(self._on_cancelled)
        self._worker.progress.connect(self._on_progress)
        self._thread.start()

    # -- called from the worker thread ------------------------------------------------------
    def is_stale(self, generation: int) -> bool:
        """True once ``generation`` was superseded or cancelled, or the runner is closing."""
        with self._lock:
            return self._closing or generation != self._generation

    # -- GUI thread -------------------------------------------------------------------------
    @property
    def generation(self) -> int:
        """The newest task's generation (0 before any)."""
        with self._lock:
            return self._generation

    @property
    def thread(self) -> QThread:
        """The thread the tasks run on (read-only)."""
        return self._thread

    @property
    def busy(self) -> bool:
        """True from :meth:`submit` until the newest task's news arrives or it is cancelled."""
        return self._busy

    @property
    def is_closed(self) -> bool:
        """True once :meth:`shutdown` was called: no more tasks are taken."""
        with self._lock:
            return self._closing

    def submit(self, fn: Task) -> int:
        """Start ``fn`` (cancelling any older task); returns its generation."""
        with self._lock:
            if self._closing:
                raise RuntimeError("the task runner has been shut down")
            self._generation += 1
            generation = self._generation
        self._busy = True
        self._execute.emit(generation, fn)
        return generation

    def cancel(self) -> None:
        """Drop the task computing or queued; ``cancelled`` follows at once if one was."""
        with self._lock:
            self._generation += 1
            generation = self._generation - 1
        if self._busy:
            self._busy = False
            self.cancelled.emit(generation)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Stop the task, quit the thread and wait for it; True when it has ended."""
        with self._lock:
            self._closing = True
        self._busy = False
        if not self._thread.isRunning():
            return True
        self._thread.quit()
        ended = self._thread.wait(timeout_ms)
        if not ended:
            log.error("the %s thread did not stop within %d ms", self._thread.objectName(),
                      timeout_ms)
        return ended

    # -- relays (GUI thread) ----------------------------------------------------------------
    def _current(self, generation: int) -> bool:
        with self._lock:
            return generation == self._generation and not self._closing

    @Slot(int, object)
    def _on_finished(self, generation: int, result: object) -> None:
        if self._current(generation):
            self._busy = False
            self.finished.emit(generation, result)

    @Slot(int, str)
    def _on_failed(self, generation: int, message: str) -> None:
        if self._current(generation):
            self._busy = False
            self.failed.emit(generation, message)

    @Slot(int)
    def _on_cancelled(self, generation: int) -> None:
        self.stopped.emit(generation)
        if self._current(generation):   # it stopped of itself: nobody asked
            self._busy = False
            self.cancelled.emit(generation)

    @Slot(int, int, int)
    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if self._current(generation):
            self.progress.emit(generation, done, total)
