"""Runs a batch: picks the few-runs or the batch path, cuts blocks, runs them, polls cancel.

Small batches (the GUI's few paths) are one block on the calling thread: for a handful of
deterministic runs one stepped in Python floats (:mod:`.few_runs`), else one of numpy arrays
(:mod:`.batch`); the runs of ``numpy_only`` optimizers (plug-ins, torch classes: no scalar
kernel) always take numpy blocks. Large ones are cut into blocks of some thousands of rows,
whose working arrays stay close to a core's cache, and run on every core from a thread pool
(numpy releases the GIL inside its loops, compiled code all through); the calling thread
meanwhile polls cancel and reports progress. The blocks of a large batch are numpy's, or
compiled batch blocks (:mod:`.compiled_batch`) for the configurations
:meth:`Dispatch._compiled_batch_groups` picks. Stochastic configurations stay together in one
block, so the generator's draws come in the same order whatever the split. How the batch is
cut is :class:`~.settings.EngineTuning`'s to say.
"""

from __future__ import annotations

import time

import numpy as np

from .. import aligned
from . import compiled, compiled_batch
from .batch import BatchPart, Block
from .few_runs import FewRuns
from .probing import Probes, is_probing
from .result import Cancelled
from .row_kernel import exact_per_run
from .rows import Group, Outputs, Part
from .settings import RunSettings


class Aborted(Exception):
    """Raised in a block on a worker thread that was told to stop."""


def few_runs_can_take(group: Group) -> bool:
    """Deterministic, float hyperparameters and rate, a rate known for every step."""
    return (group.noise is None and not group.spec.numpy_only
            and not isinstance(group.lr0, np.ndarray)
            and not any(isinstance(v, np.ndarray) for v in group.hp.values())
            and (group.constant_schedule or group.rates is not None))


class Dispatch:
    """One run of a batch: its settings, the result arrays every block writes into (``out``),
    and cancel / progress."""

    def __init__(self, settings: RunSettings) -> None:
        self.settings = settings
        self.tuning = settings.tuning
        self.out = Outputs(len(settings.starts), settings.max_steps, settings.record,
                           settings.record_state, any(is_probing(g) for g in settings.groups),
                           settings.samples is not None)
        self.aborted = False
        self._last_report = time.perf_counter()

    # -- polling ---------------------------------------------------------------------------
    def _poll_here(self, block, s: int) -> None:
        """Cancel (at every poll) and progress (every ``progress_interval``) from the block
        itself (blocks run one by one on the calling thread)."""
        cancel, progress = self.settings.cancel, self.settings.progress
        if cancel is not None and cancel():        # at every poll: a newer request waits
            raise Cancelled
        if progress is None:
            return
        now = time.perf_counter()
        if now - self._last_report >= self.settings.progress_interval:
            self._last_report = now
            progress(self._steps_done(), self.settings.max_steps)

    def _steps_done(self) -> int:
        """Work done so far in steps of the whole batch (a block's own step, for one block)."""
        return sum(b.n0 * b.steps for b in self._blocks) // sum(b.n0 for b in self._blocks)

    def _poll_worker(self, block, s: int) -> None:
        if self.aborted:
            raise Aborted

    # -- cutting -------------------------------------------------------------------------------
    def blocks(self) -> list:
        """The path's blocks: for a small batch one, in floats where the tuning's path lets
        it; for a large one, cache-sized numpy blocks (a multiple of the workers in number)
        and one for the stochastic configurations; last, one for the probing configurations
        (:mod:`.probing`, whatever the path and size)."""
        probing = [g for g in self.settings.groups if is_probing(g)]
        groups = [g for g in self.settings.groups if not is_probing(g)]
        last = [Probes(self, [self._part(Part, g, g.rows.start, g.rows.stop)
                              for g in probing])] if probing else []
        return (self._blocks_of(groups) if groups else []) + last

    def _blocks_of(self, groups: list[Group]) -> list:
        numpy_only = [g for g in groups if g.spec.numpy_only]
        if numpy_only:                  # plug-ins: numpy blocks, whatever the path and size
            rest = [g for g in groups if not g.spec.numpy_only]
            return (self._blocks_of(rest) if rest else []) + self._numpy_blocks(numpy_only)
        tuning = self.tuning
        n = sum(g.rows.stop - g.rows.start for g in groups)
        function = self.settings.function
        large = n >= tuning.parallel_min_rows
        fast = self._compiled_batch_groups(groups) if large else []
        if tuning.path in ("few_runs", "compiled") and len(fast) < len(groups):
            bad = [g.spec.name for g in groups if not few_runs_can_take(g)]
            if bad:
                raise ValueError(f"the {tuning.path.replace('_', '-')} path cannot take "
                                 f"{', '.join(bad)}: stochastic runs, per-run settings or an "
                                 "untabulated schedule")
            if tuning.path == "few_runs":
                return [self._whole(FewRuns, groups)]
            keys = [compiled.pair_key(g.spec, function) for g in groups]
            if not compiled.available() or None in keys:
                raise ValueError("the compiled path needs numba, scalar kernels and a function "
                                 "that evaluates on floats")
            compiled.prepare(keys)
            return [self._compiled(groups)]
        if not large:
            most = min(tuning.few_runs_max_rows,
                       tuning.few_runs_base_rows + tuning.few_runs_rows_per_config * len(groups))
            if (tuning.path == "auto" and 0 < n <= most
                    and all(few_runs_can_take(g) for g in groups)):
                fast = [g for g in groups if tuning.compiled
                        and compiled.ready(compiled.pair_key(g.spec, function))]
                rest = [g for g in groups if g not in fast]
                return (([self._compiled(fast)] if fast else [])
                        + ([self._whole(FewRuns, rest)] if rest else []))
            return [self._whole(Block, groups)]
        blocks = []
        stochastic = [g for g in groups if g.noise is not None]
        if stochastic:
            blocks.append(self._whole(Block, stochastic))
        det = [g for g in groups if g.noise is None and g not in fast]
        if fast:
            prepared = self._combinations
            row_steps = tuning.compiled_batch_row_steps
            blocks += self._cut(fast, Part, lambda parts: compiled_batch.CompiledBatch(
                self, parts, prepared, row_steps))
        return blocks + self._cut(det, BatchPart, lambda parts: Block(self, parts))

    def _numpy_blocks(self, groups: list[Group]) -> list:
        """Numpy blocks only, for groups whose optimizer has no other form: one for a small
        batch; for a large one, one for the stochastic groups and cache-sized ones for the
        rest."""
        n = sum(g.rows.stop - g.rows.start for g in groups)
        if n < self.tuning.parallel_min_rows:
            return [self._whole(Block, groups)]
        stochastic = [g for g in groups if g.noise is not None]
        det = [g for g in groups if g.noise is None]
        return (([self._whole(Block, stochastic)] if stochastic else [])
                + self._cut(det, BatchPart, lambda parts: Block(self, parts)))

    def _cut(self, groups: list[Group], part, block) -> list:
        """Blocks (made by ``block(parts)``) of the rows of ``groups``, about ``chunk_rows``
        each (``serial_chunk_rows`` on one thread), as many as a multiple of the workers."""
        n = sum(g.rows.stop - g.rows.start for g in groups)
        if not n:
            return []
        tuning = self.tuning
        workers = max(tuning.workers, 1)
        chunk = tuning.chunk_rows if workers > 1 else tuning.serial_chunk_rows
        n_blocks = -(-n // chunk)
        n_blocks = -(-n_blocks // workers) * workers
        size = -(-n // n_blocks)
        size = -(-size // aligned.ROW_MULTIPLE) * aligned.ROW_MULTIPLE  # rows aligned
        blocks, pieces, room = [], [], size
        for g in groups:
            lo = g.rows.start
            while lo < g.rows.stop:
                hi = min(g.rows.stop, lo + room)
                pieces.append(self._part(part, g, lo, hi))
                room -= hi - lo
                lo = hi
                if room == 0:
                    blocks.append(block(pieces))
                    pieces, room = [], size
        if pieces:
            blocks.append(block(pieces))
        return blocks

    def _compiled_batch_groups(self, groups: list[Group]) -> list[Group]:
        """The groups of a large batch that compiled batch blocks step (:mod:`.compiled_batch`),
        their pairs prepared: none when something is recorded; with ``path="compiled"`` every
        one they can take (all or none); with ``"auto"`` those whose hyperparameters but the
        rate are shared by their runs, or whose kernel takes no power and whose runs share
        each combination ``compiled_batch_min_rows`` times (per-run values give the bits of
        each run alone, which the numpy blocks' vectorised powers may not), and whose pair is
        worth taking (:func:`.compiled_batch.worth`: ready, or loaded or compiled at a cost
        the work pays)."""
        settings, tuning = self.settings, self.tuning
        self._combinations = {}
        if (settings.record or settings.record_state or tuning.path not in ("auto", "compiled")
                or (tuning.path == "compiled" and not compiled.available())):
            return []
        taken, keys = [], []
        for g in groups:
            key = compiled_batch.pair_key(g, settings.function)
            if key is None:
                continue
            varied = any(isinstance(v, np.ndarray) for k, v in g.hp.items() if k != "lr")
            if tuning.path == "auto" and not (
                    (not varied or exact_per_run(g.spec.scalar_kernel))
                    and compiled_batch.worth(key, (g.rows.stop - g.rows.start)
                                             * settings.max_steps, tuning)):
                continue
            combos = compiled_batch.Combinations(g)
            if (tuning.path == "auto"
                    and combos.rows_per_combination < tuning.compiled_batch_min_rows):
                continue
            self._combinations[id(g)] = combos
            taken.append(g)
            keys.append(key)
        if tuning.path == "compiled" and len(taken) < len(groups):
            return []                       # one compiled block steps them all, as for a few
        compiled_batch.prepare(keys)
        return taken

    def _whole(self, kind, groups: list[Group]):
        """One block of ``kind`` holding every row of ``groups``."""
        part = Part if kind is FewRuns else BatchPart
        return kind(self, [self._part(part, g, g.rows.start, g.rows.stop) for g in groups])

    def _compiled(self, groups: list[Group]) -> compiled.CompiledRuns:
        return compiled.CompiledRuns(
            self, [self._part(Part, g, g.rows.start, g.rows.stop) for g in groups],
            self.tuning.compiled_chunk_steps)

    def _part(self, kind, group: Group, lo: int, hi: int) -> Part:
        return kind(group, lo, hi, self.settings.max_steps, self.out)

    # -- running -----------------------------------------------------------------------------
    def execute(self) -> Outputs:
        # The blocks refer to the dispatcher, and it to them and to its own poll method: those
        # references go when the run ends, however it ends, or the cycles would keep the
        # outputs (every recorded array of the run) alive until the garbage collector's next
        # full pass, which a quiet GUI may not make for many runs.
        try:
            return self._execute()
        finally:
            self._blocks = None
            self.poll = None

    def _execute(self) -> Outputs:
        settings = self.settings
        self._blocks = blocks = self.blocks()
        if self.tuning.on_blocks is not None:
            self.tuning.on_blocks(blocks)
        self.parallel = len(blocks) > 1 and self.tuning.workers > 1
        if self.parallel:
            self.poll = self._poll_worker
            self._run_parallel(blocks)
        else:
            self.poll = self._poll_here
            for block in blocks:
                block.run()
        steps = max(block.steps_done for block in blocks)
        out = self.out
        ordinary = out.final_evals < 0                  # one evaluation per point
        out.final_evals[ordinary] = np.minimum(out.stop[ordinary], steps) + 1
        if out.evals is not None:
            out.evals[ordinary] = np.arange(settings.max_steps + 1) + 1
        if settings.progress is not None:
            settings.progress(settings.max_steps, settings.max_steps)
        np.minimum(out.stop, steps, out=out.stop)
        if settings.record_state:
            with np.errstate(all="ignore"):
                for block in blocks:
                    for p in block.all_parts:
                        p.finish(out, steps, self.tuning.rate_block_steps)
        self._fill_after_stops(steps)
        if steps < settings.max_steps:
            end = steps + 1
            for name in ("paths", "loss", "grads", "moment", "eff", "evals"):
                arr = getattr(out, name)
                if arr is not None:
                    setattr(out, name, np.ascontiguousarray(arr[:, :end]))
            for record in (out.states or {}).values():
                for k, arr in record.items():
                    record[k] = np.ascontiguousarray(arr[:, :end])
            for first, arr in (out.used or {}).items():
                out.used[first] = np.ascontiguousarray(arr[:, :end])
            for first, arr in (out.batch_losses or {}).items():
                out.batch_losses[first] = np.ascontiguousarray(arr[:, :end])
        return out

    def _run_parallel(self, blocks: list) -> None:
        from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait  # only here

        cancel, progress = self.settings.cancel, self.settings.progress
        reported = -1
        pool = ThreadPoolExecutor(max_workers=min(self.tuning.workers, len(blocks)),
                                  thread_name_prefix="beale-engine")
        futures = [pool.submit(block.run) for block in blocks]
        try:
            pending = futures
            while pending:
                done, pending = wait(pending, timeout=max(self.settings.progress_interval, 0.01),
                                     return_when=FIRST_EXCEPTION)
                for f in done:
                    f.result()                          # a block's exception, here
                if cancel is not None and cancel():
                    raise Cancelled
                if progress is not None and pending:
                    steps = self._steps_done()
                    if steps > reported:
                        reported = steps
                        progress(steps, self.settings.max_steps)
        finally:
            self.aborted = True                         # stops the others on an exception
            pool.shutdown(wait=True, cancel_futures=True)

    def _fill_after_stops(self, steps: int) -> None:
        """Points after a run's stop repeat its last valid one (and so on for every array, the
        recorded state included); a gradient an update used, and a model's mini-batch loss,
        is NaN from the stop on, where no update was made (or the one made blew up)."""
        out = self.out
        _repeat_after(out.recorded(), out.stop, steps)
        for first, record in (out.states or {}).items():
            if record:
                _repeat_after(list(record.values()), out.stop[first:first + _rows_of(record)],
                              steps)
        for records in (out.used, out.batch_losses):
            for first, used in (records or {}).items():
                stop = out.stop[first:first + len(used)]
                used[:, :steps + 1][np.arange(steps + 1)[None, :] >= stop[:, None]] = np.nan


def _rows_of(record: dict[str, np.ndarray]) -> int:
    return len(next(iter(record.values())))


def _repeat_after(arrays: list[np.ndarray], stop: np.ndarray, steps: int) -> None:
    """In each array (n, T+1, ...), the entries of row ``i`` after ``stop[i]`` (up to
    ``steps``) repeat its entry at ``stop[i]``."""
    if not arrays:
        return
    stopped = np.flatnonzero(stop < steps)
    if len(stopped) <= 256:
        for i in stopped.tolist():
            s = int(stop[i])
            for a in arrays:
                a[i, s + 1:steps + 1] = a[i, s]
        return
    stop = stop[stopped]
    later = np.arange(steps + 1)[None, :] > stop[:, None]
    for a in arrays:
        sub = a[stopped, :steps + 1]
        last = sub[np.arange(len(stopped)), stop]
        mask = later if a.ndim == 2 else later.reshape(later.shape + (1,) * (a.ndim - 2))
        np.copyto(sub, last[:, None], where=mask)
        a[stopped, :steps + 1] = sub
