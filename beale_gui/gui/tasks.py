"""A background task runner for long computations other than the main runs (search, basins).

``TaskRunner.submit(fn)`` runs ``fn(cancel, progress)`` on a QThread, where ``cancel()`` says
whether to stop (a newer task was submitted, :meth:`TaskRunner.cancel` was called, or the
runner is shutting down) and ``progress(fraction)`` reports progress in [0, 1]. The core's long
functions take exactly these callbacks and raise :class:`engine.Cancelled` when asked to stop.
Only the newest task's signals reach the window. The thread is never terminated.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..core.engine import Cancelled
from . import worker_registry

log = logging.getLogger(__name__)

Task = Callable[[Callable[[], bool], Callable[[float], None]], object]


class _TaskWorker(QObject):
    finished = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)
    progress = Signal(int, float)

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__()
        self._runner = runner

    @Slot(int, object)
    def execute(self, generation: int, fn: Task) -> None:
        stale = lambda: self._runner.is_stale(generation)  # noqa: E731
        if stale():
            self.cancelled.emit(generation)
            return
        try:
            result = fn(stale, lambda fraction: self.progress.emit(generation, float(fraction)))
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

    Signals carry only the newest task's news: ``finished(result)``, ``failed(message)``,
    ``cancelled()``, ``progress(fraction)``. ``stopped(generation)`` says that a task stopped
    midway because it was asked to (it raised ``Cancelled``), for every task, even after
    :meth:`shutdown`.
    """

    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    progress = Signal(float)
    stopped = Signal(int)
    _execute = Signal(int, object)

    def __init__(self, parent: QObject | None = None, name: str = "task") -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._generation = 0
        self._closing = False
        self._busy = False
        self._thread = worker_registry.register(QThread())
        self._thread.setObjectName(f"beale-{name}")
        self._worker = _TaskWorker(self)
        self._worker.moveToThread(self._thread)
        self._execute.connect(self._worker.execute)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.cancelled.connect(self._on_cancelled)
        self._worker.progress.connect(self._on_progress)
        self._worker.cancelled.connect(self.stopped)
        self._thread.start()

    # -- called from the worker thread ------------------------------------------------------
    def is_stale(self, generation: int) -> bool:
        with self._lock:
            return self._closing or generation != self._generation

    # -- GUI thread -------------------------------------------------------------------------
    @property
    def thread(self) -> QThread:
        """The thread the tasks run on (read-only)."""
        return self._thread

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def is_closed(self) -> bool:
        return self._closing

    def submit(self, fn: Task) -> int:
        """Start ``fn`` (cancelling any older task); returns its generation."""
        if self._closing:
            raise RuntimeError("the task runner has been shut down")
        with self._lock:
            self._generation += 1
            generation = self._generation
        self._busy = True
        self._execute.emit(generation, fn)
        return generation

    def cancel(self) -> None:
        """Ask the running task to stop; ``cancelled`` follows."""
        with self._lock:
            self._generation += 1
        if self._busy:
            self._busy = False
            self.cancelled.emit()

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Stop the task, quit the thread and wait for it; True when it ended in time."""
        with self._lock:
            self._closing = True
        self._busy = False
        self._thread.quit()
        return self._thread.wait(timeout_ms)

    def _current(self, generation: int) -> bool:
        with self._lock:
            return generation == self._generation and not self._closing

    def _on_finished(self, generation: int, result: object) -> None:
        if self._current(generation):
            self._busy = False
            self.finished.emit(result)

    def _on_failed(self, generation: int, message: str) -> None:
        if self._current(generation):
            self._busy = False
            self.failed.emit(message)

    def _on_cancelled(self, generation: int) -> None:
        if self._current(generation):
            self._busy = False
            self.cancelled.emit()

    def _on_progress(self, generation: int, fraction: float) -> None:
        if self._current(generation):
            self.progress.emit(fraction)
