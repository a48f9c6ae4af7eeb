"""The background computation: a QObject on a QThread runs the engine for each request.

Every request gets a generation number. The engine polls a cancel callback between chunks of
steps; the callback says stop as soon as a newer request was submitted or the controller is
shutting down, so an old 10^6-step run gives way to a new one promptly. The thread is never
terminated: :meth:`WorkerController.shutdown` raises the cancel flag, quits the thread's event
loop and waits for it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..core import engine
from . import worker_registry
from .model import PanelState, RunOutcome, RunRequest

log = logging.getLogger(__name__)


class RunWorker(QObject):
    """Lives on the worker thread; computes one :class:`RunRequest` at a time.

    Parameters
    ----------
    controller : WorkerController
        Asked (from this thread) whether a generation is still wanted.
    """

    finished = Signal(object)           # RunOutcome
    failed = Signal(int, str)           # generation, message
    cancelled = Signal(int)             # generation
    progress = Signal(int, int, int)    # generation, steps done, total steps

    def __init__(self, controller: WorkerController) -> None:
        super().__init__()
        self._controller = controller

    @Slot(object)
    def compute(self, request: RunRequest) -> None:
        generation = request.generation
        if self._controller.is_stale(generation):   # superseded while queued
            self.cancelled.emit(generation)
            return
        state = request.state
        entries = request.entries or state.enabled
        try:
            result = engine.run(
                state.function, [e.config for e in entries], request.starts,
                max_steps=state.max_steps, tol=state.tol, seed=state.seed,
                record=True, record_state=True,
                cancel=lambda: self._controller.is_stale(generation),
                progress=lambda done, total: self.progress.emit(generation, done, total),
            )
        except engine.Cancelled:
            self.cancelled.emit(generation)
            return
        except ValueError as exc:   # the engine's refusals: memory limit, bad start points
            self.failed.emit(generation, str(exc))
            return
        except Exception as exc:    # a bug: keep the thread alive and say what happened
            log.exception("run %d failed", generation)
            self.failed.emit(generation, f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit(RunOutcome(generation, request, result))


class WorkerController(QObject):
    """Owns the worker thread; hands it requests and relays only the newest answers.

    Signals
    -------
    finished(RunOutcome)
        The result of the newest request (older ones are dropped).
    failed(generation, message)
    progress(generation, done, total)
    """

    finished = Signal(object)
    failed = Signal(int, str)
    cancelled = Signal(int)
    progress = Signal(int, int, int)
    _submit = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._closing = False
        # No Qt parent: the thread lives exactly as long as this Python object refers to it,
        # so it is never deleted under a test's (or the registry's) feet.
        self.thread = worker_registry.register(QThread())
        self.thread.setObjectName("beale-run-worker")
        self._worker = RunWorker(self)
        self._worker.moveToThread(self.thread)
        self.thread.finished.connect(self._worker.deleteLater)
        self._submit.connect(self._worker.compute)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.cancelled.connect(self.cancelled)
        self._worker.progress.connect(self._on_progress)
        self.thread.start()

    @property
    def generation(self) -> int:
        """The newest request's generation."""
        return self._generation

    def is_stale(self, generation: int) -> bool:
        """True once ``generation`` was superseded or the controller is shutting down.

        Called from the worker thread: it only reads two attributes.
        """
        return self._closing or generation != self._generation

    def request(self, state: PanelState, starts) -> RunRequest:
        """Submit the panel's enabled optimizers from every start point; returns the request."""
        request = RunRequest(0, state, starts, list(state.enabled))
        self.submit(request)
        return request

    def submit(self, request: RunRequest) -> int:
        """Queue ``request`` under a new generation, cancelling any older one; returns it."""
        if self._closing:
            raise RuntimeError("the worker has been shut down")
        self._generation += 1
        request.generation = self._generation
        self._submit.emit(request)
        return self._generation

    def cancel(self) -> None:
        """Drop whatever is computing or queued (a new generation nobody asked for)."""
        self._generation += 1

    @property
    def is_closed(self) -> bool:
        """True once :meth:`shutdown` was called: no more requests are taken."""
        return self._closing

    def is_running(self) -> bool:
        return self.thread.isRunning()

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel, stop the thread's event loop and wait for it; True when it has ended."""
        self._closing = True
        if not self.thread.isRunning():
            return True
        self.thread.quit()
        ended = self.thread.wait(timeout_ms)
        if not ended:
            log.error("the worker thread did not stop within %d ms", timeout_ms)
        return ended

    # -- relays (main thread) -------------------------------------------------------------
    @Slot(object)
    def _on_finished(self, outcome: RunOutcome) -> None:
        if not self.is_stale(outcome.generation):
            self.finished.emit(outcome)

    @Slot(int, str)
    def _on_failed(self, generation: int, message: str) -> None:
        if not self.is_stale(generation):
            self.failed.emit(generation, message)

    @Slot(int, int, int)
    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if not self.is_stale(generation):
            self.progress.emit(generation, done, total)
