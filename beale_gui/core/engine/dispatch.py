"""The engine's batch: split into units, run on every core, assembled (internal to
:mod:`beale_gui.core.engine`).

Small batches (the GUI's few paths) are one unit on the calling thread: for a handful of
deterministic runs one stepped in Python floats (:mod:`beale_gui.core.scalar`), else one of
numpy arrays (:mod:`beale_gui.core.units`). Large ones are cut into units of some thousands
of rows, whose working arrays stay close to a core's cache, and run on every core from a
thread pool (numpy releases the GIL inside its loops); the calling thread meanwhile polls
cancel and reports progress. Stochastic configurations stay together in one unit, so the
generator's draws come in the same order whatever the split.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence

import numpy as np

from .. import aligned
from .batch import CONVERGED, DIVERGED, MAX_STEPS, Outputs, Part, Unit
from .few_runs import ScalarUnit

__all__ = ["CONVERGED", "DIVERGED", "MAX_STEPS", "Cancelled", "Job"]

# Rows per unit of a large batch. One thread goes fastest with units whose arrays stay in its
# core's cache; two do with units four times that size, as each numpy call gives up and takes
# back the GIL, and a hand-over between two busy threads costs far more than the call (Adam on
# Beale, 100,000 runs: 1.26 s in units of 2,048 rows, 0.41 s of 16,384, 0.33 s of 32,768).
CHUNK_ROWS = 32768            # for a batch split across threads
SERIAL_CHUNK_ROWS = 8192      # for a batch run one unit after another
PARALLEL_MIN_ROWS = 8192      # smaller batches run as one unit on the calling thread
WORKERS = os.cpu_count() or 1   # threads for a large batch
# A small deterministic batch is stepped in Python when it has at most
# min(SCALAR_MAX_ROWS, SCALAR_BASE_ROWS + SCALAR_ROWS_PER_PART * configurations) runs. A numpy
# Unit costs about 14 us a step plus 3 us per configuration, almost whatever its few rows; the
# scalar path about 1.1 to 1.4 us per run and step (Adam on Beale the dearest; all measured on
# the development machine), so they break even near 12 runs of one configuration and 32 of six.
SCALAR_MAX_ROWS = 32
SCALAR_BASE_ROWS = 8
SCALAR_ROWS_PER_PART = 4


def small_unit(job, parts: list[Part]):
    """The unit for a small batch: a :class:`ScalarUnit` where it gives the same results and
    is faster, else a numpy :class:`~beale_gui.core.units.Unit`."""
    n = sum(len(p.rows0) for p in parts)
    most = min(SCALAR_MAX_ROWS, SCALAR_BASE_ROWS + SCALAR_ROWS_PER_PART * len(parts))
    if 0 < n <= most and all(_scalar_ok(p) for p in parts):
        return ScalarUnit(job, parts)
    return Unit(job, parts)


def _scalar_ok(part: Part) -> bool:
    """Deterministic, float hyperparameters and rate, a rate known for every step."""
    return (part.noise is None
            and not isinstance(part.lr0_all, np.ndarray)
            and not any(isinstance(v, np.ndarray) for v in part.hp0.values())
            and (part.constant_lr or part.lr_table is not None))


class Cancelled(Exception):
    """Raised by :func:`beale_gui.core.engine.run` when its ``cancel`` callback asks it to stop."""


class Aborted(Exception):
    """Raised in a unit on a worker thread that was told to stop."""


class Job:
    """Everything the units share: inputs, outputs, and cancel / progress."""

    def __init__(self, function, groups: Sequence, starts: np.ndarray, max_steps: int,
                 tol: float, rng, record: bool, record_state: bool,
                 cancel: Callable[[], bool] | None, progress: Callable[[int, int], None] | None,
                 progress_interval: float, bound: float, grad_bound: float,
                 no_terms_noise: float) -> None:
        self.function = function
        self.groups = groups
        self.starts = starts
        self.max_steps = max_steps
        self.tol = tol
        self.rng = rng
        self.record = record
        self.record_state = record_state
        self.cancel = cancel
        self.progress = progress
        self.interval = progress_interval
        self.bound = bound                  # on the coordinates
        self.grad_bound = grad_bound        # on the gradient's components
        self.no_terms_noise = no_terms_noise
        self.out = Outputs(len(starts), max_steps, record, record_state)
        self.aborted = False
        self._last_report = time.perf_counter()

    # -- polling ---------------------------------------------------------------------------
    def _poll_here(self, unit: Unit, s: int) -> None:
        """Cancel and progress from the unit itself (units run one by one on the calling
        thread)."""
        if self.cancel is None and self.progress is None:
            return
        now = time.perf_counter()
        if now - self._last_report >= self.interval:
            self._last_report = now
            if self.cancel is not None and self.cancel():
                raise Cancelled
            if self.progress is not None:
                self.progress(self._steps_done(), self.max_steps)

    def _steps_done(self) -> int:
        """Work done so far in steps of the whole batch (a unit's own step, for one unit)."""
        return sum(u.n0 * u.steps for u in self._units) // sum(u.n0 for u in self._units)

    def _poll_worker(self, unit: Unit, s: int) -> None:
        if self.aborted:
            raise Aborted

    # -- running -----------------------------------------------------------------------------
    def units(self) -> list[Unit]:
        """One unit for a small batch; for a large one, cache-sized ones (a multiple of the
        workers in number) and one for the stochastic configurations."""
        n = len(self.starts)
        workers = max(WORKERS, 1)
        groups = self.groups
        if n < PARALLEL_MIN_ROWS:
            return [small_unit(self, [self._part(g, g.rows.start, g.rows.stop) for g in groups])]
        units = []
        stochastic = [g for g in groups if g.noise is not None]
        if stochastic:
            units.append(Unit(self, [self._part(g, g.rows.start, g.rows.stop)
                                      for g in stochastic]))
        det = [g for g in groups if g.noise is None]
        n_det = sum(g.rows.stop - g.rows.start for g in det)
        if n_det:
            n_units = -(-n_det // (CHUNK_ROWS if workers > 1 else SERIAL_CHUNK_ROWS))
            n_units = -(-n_units // workers) * workers
            size = -(-n_det // n_units)
            size = -(-size // aligned.ROW_MULTIPLE) * aligned.ROW_MULTIPLE  # rows aligned
            pieces, room = [], size
            for g in det:
                lo = g.rows.start
                while lo < g.rows.stop:
                    hi = min(g.rows.stop, lo + room)
                    pieces.append(self._part(g, lo, hi))
                    room -= hi - lo
                    lo = hi
                    if room == 0:
                        units.append(Unit(self, pieces))
                        pieces, room = [], size
            if pieces:
                units.append(Unit(self, pieces))
        return units

    def _part(self, group, lo: int, hi: int) -> Part:
        return Part(group, lo, hi, self.max_steps, self.out)

    def execute(self) -> Outputs:
        # The units refer to the job, and the job to them and to its own poll method: those
        # references go when the run ends, however it ends, or the cycles would keep the
        # outputs (every recorded array of the run) alive until the garbage collector's next
        # full pass, which a quiet GUI may not make for many runs.
        try:
            return self._execute()
        finally:
            self._units = None
            self.poll = None

    def _execute(self) -> Outputs:
        self._units = units = self.units()
        self.parallel = len(units) > 1 and WORKERS > 1
        if self.parallel:
            self.poll = self._poll_worker
            self._run_parallel(units)
        else:
            self.poll = self._poll_here
            for unit in units:
                unit.run()
        steps = max(u.steps_done for u in units)
        if self.progress is not None:
            self.progress(self.max_steps, self.max_steps)
        out = self.out
        np.minimum(out.stop, steps, out=out.stop)
        if self.record_state:
            with np.errstate(all="ignore"):
                for u in units:
                    for p in u.all_parts:
                        p.finish(out, steps)
        self._fill_after_stops(steps)
        if steps < self.max_steps:
            end = steps + 1
            for name in ("paths", "loss", "grads", "moment", "eff"):
                arr = getattr(out, name)
                if arr is not None:
                    setattr(out, name, np.ascontiguousarray(arr[:, :end]))
        return out

    def _run_parallel(self, units: list[Unit]) -> None:
        from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait  # only here

        reported = -1
        pool = ThreadPoolExecutor(max_workers=min(WORKERS, len(units)),
                                  thread_name_prefix="beale-engine")
        futures = [pool.submit(u.run) for u in units]
        try:
            pending = futures
            while pending:
                done, pending = wait(pending, timeout=max(self.interval, 0.01),
                                     return_when=FIRST_EXCEPTION)
                for f in done:
                    f.result()                          # a unit's exception, here
                if self.cancel is not None and self.cancel():
                    raise Cancelled
                if self.progress is not None and pending:
                    steps = self._steps_done()
                    if steps > reported:
                        reported = steps
                        self.progress(steps, self.max_steps)
        finally:
            self.aborted = True                         # stops the others on an exception
            pool.shutdown(wait=True, cancel_futures=True)

    def _fill_after_stops(self, steps: int) -> None:
        """Points after a run's stop repeat its last valid one (and so on for every array)."""
        out = self.out
        arrays = [a for a in (out.paths, out.loss, out.grads, out.moment, out.eff)
                  if a is not None]
        if not arrays:
            return
        stopped = np.flatnonzero(out.stop < steps)
        if len(stopped) <= 256:
            for i in stopped.tolist():
                s = int(out.stop[i])
                for a in arrays:
                    a[i, s + 1:steps + 1] = a[i, s]
            return
        stop = out.stop[stopped]
        later = np.arange(steps + 1)[None, :] > stop[:, None]
        for a in arrays:
            sub = a[stopped, :steps + 1]
            last = sub[np.arange(len(stopped)), stop]
            mask = later if a.ndim == 2 else later[..., None]
            np.copyto(sub, last[:, None], where=mask)
            a[stopped, :steps + 1] = sub
