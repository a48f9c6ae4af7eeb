"""The few-runs path: a small deterministic batch stepped in plain Python floats.

The GUI's usual batch is a handful of runs (six optimizers from one start). Stepped as numpy
arrays of a few elements, nearly all of its time is the overhead of numpy's calls; here each
run's update is Python arithmetic on floats. The function is evaluated by its in-place numpy
evaluator, once per step for the whole batch, or, where the function has one (Beale), by its
float evaluator, which does the evaluator's operations in its order.

Results are those of the batch path (:class:`~.batch.Block`), bit for bit: each run is stepped
by its optimizer's scalar kernel, which gives its batch kernel's bits (see
:mod:`beale_gui.core.optimizers.base`). The shared :class:`~.rows.Part` holds the rate tables,
the recorded-state stacks and computes the effective learning rates at the end; the
dispatcher fills in what a stopped run would have recorded afterwards, as for a numpy block.
"""

from __future__ import annotations

import math
from array import array

import numpy as np

from ..optimizers import scalar_step
from .result import CONVERGED, DIVERGED, MAX_STEPS
from .rows import Outputs, PartsBlock
from .settings import POLL_STEPS


class FewRuns(PartsBlock):
    """The runs of a small batch, each stepped in Python floats."""

    path = "few_runs"

    def _runs(self) -> tuple[list[tuple], list[array | None]]:
        """Per run, in the block's order: (position, step, constant rate or None, rate table or
        None, its kernel's hyperparameters, its state), and its state log (None unless the
        state is recorded). ``step(x, y, gx, gy, lr, t, hp, st)`` is the optimizer's scalar
        kernel."""
        runs, logs = [], []
        keep_state = self.settings.record_state
        for p in self.all_parts:
            table = None if p.constant_lr else p.lr_table.tolist()
            lr = p.lr0_all if p.constant_lr else None
            spec = p.spec
            values = spec.scalar_hp(p.hp0)
            for j in range(len(p.rows0)):
                log = array("d") if keep_state else None        # raw doubles, not floats
                st = [v for entry in p.state_rows for v in entry[j].tolist()]
                step = scalar_step(spec.name, p.hp0, len(st), None if log is None else log.extend)
                st += [0.0] * spec.scalar_scratch
                runs.append((len(runs), step, lr, table, values, st))
                logs.append(log)
        return runs, logs

    def _run(self) -> None:
        settings, out = self.settings, self.dispatch.out
        n, idx = self.n0, self.idx
        n2 = 2 * n
        xy, fg = np.empty((4, n)), np.empty((3, n))
        evaluate = settings.function.evaluator(xy, fg)
        evaluate_at = settings.function.float_evaluator()
        # flat views: x0 .. x(n-1) y0 .. y(n-1), and f .. gx .. gy ..; as bytes to record them
        points_bytes, values_bytes = memoryview(xy[:2]).cast("B"), memoryview(fg).cast("B")
        points, values = points_bytes.cast("d"), values_bytes.cast("d")
        xy[:2] = settings.starts[idx].T
        evaluate()
        w, v = points.tolist(), values.tolist()
        block_steps = settings.tuning.record_block_steps
        history = (_History(out, idx, points_bytes, values_bytes, block_steps)
                   if settings.record else None)
        if history is not None:
            history.add()
        bound, grad_bound, tol = settings.bound, settings.grad_bound, settings.tol
        check_tol = tol > 0.0
        isfinite, hypot = math.isfinite, math.hypot

        def healthy(w, v, i):
            return (-bound <= w[i] <= bound and -bound <= w[n + i] <= bound and isfinite(v[i])
                    and -grad_bound <= v[n + i] <= grad_bound
                    and -grad_bound <= v[n2 + i] <= grad_bound)

        runs, logs = self._runs()
        keep_state = settings.record_state
        logged = [0] * n                          # steps of each run's state in its stacks
        live = []
        for run in runs:
            i = run[0]
            if healthy(w, v, i):
                live.append(run)
            else:
                self._stop(i, DIVERGED, 0, w[i], w[n + i], v[i])
                out.bad_start[self.idx[i]] = True
        prev = [0.0] * n                          # the seed's pre_z = 0.0
        w_prev = w                                # the points one step back
        pausing = {i for i, spec in enumerate(p.spec for p in self.all_parts for _ in p.rows0)
                   if spec.pauses}
        poll = self.dispatch.poll
        mask = 0 if self.dispatch.parallel else POLL_STEPS - 1
        steps_done = 0
        for s in range(settings.max_steps):
            if not live:
                break
            if s and not s & mask:
                poll(self, s)
            t = s + 1
            conv = None
            outside = False
            for i, step, lr, table, hp, st in live:
                if table is not None:
                    lr = table[s]
                # the seed's stop rule compares f here with f one step back, before the update
                if (check_tol and abs(prev[i] - v[i]) < tol
                        and not (s and i in pausing and w[i] == w_prev[i]
                                 and w[n + i] == w_prev[n + i]
                                 and (prev[n + i] != 0.0 or prev[n2 + i] != 0.0))):
                    conv = [i] if conv is None else [*conv, i]
                x, y = step(w[i], w[n + i], v[n + i], v[n2 + i], lr, t, hp, st)
                points[i] = x
                points[n + i] = y
                if evaluate_at is not None:
                    values[i], values[n + i], values[n2 + i] = evaluate_at(x, y)
                if not (-bound <= x <= bound and -bound <= y <= bound):
                    outside = True
            if evaluate_at is None:
                evaluate()
            if history is not None:
                history.add()
            if keep_state and not t % block_steps:
                self._write_state(logs, logged)
            w_new, v_new = points.tolist(), values.tolist()
            # the values' norm is NaN or inf where one is, and beyond the gradient's bound
            # where one is (an f beyond it, or many values near it, call the exact test too)
            if outside or not hypot(*v_new) <= grad_bound:
                diverged = [r[0] for r in live if not healthy(w_new, v_new, r[0])]
                for i in diverged:
                    self._stop(i, DIVERGED, s, w[i], w[n + i], v[i])   # the last finite point
                    # which is evaluated from now on (or its values kept), all finite
                    points[i], points[n + i] = w[i], w[n + i]
                    values[i], values[n + i], values[n2 + i] = v[i], v[n + i], v[n2 + i]
                if diverged:
                    conv = [i for i in conv or () if i not in diverged]
                    live = [r for r in live if r[0] not in diverged]
            if conv:
                for i in conv:
                    self._stop(i, CONVERGED, t, w_new[i], w_new[n + i], v_new[i])
                live = [r for r in live if r[0] not in conv]
            prev, w_prev, w, v = v, w, w_new, v_new
            steps_done = self.steps = t
        self.steps_done = steps_done
        self.steps = settings.max_steps
        for i, *_ in live:
            self._stop(i, MAX_STEPS, settings.max_steps, w[i], w[n + i], v[i])
        if history is not None:
            history.flush()
        if keep_state:
            self._write_state(logs, logged)

    def _stop(self, i: int, status: int, step: int, x: float, y: float, f: float) -> None:
        out, row = self.dispatch.out, self.idx[i]
        out.status[row], out.stop[row] = status, step
        out.final_xy[row], out.final_loss[row] = (x, y), f

    def _write_state(self, logs: list[array | None], logged: list[int]) -> None:
        """Each run's state logged since the last call into its part's stacks (the moment and
        what the effective learning rates are computed from at the end); ``logged`` counts
        each run's steps written so far."""
        r = 0
        for p in self.all_parts:
            offsets, width = {}, 0
            for k, w in p.widths.items():
                offsets[k] = width
                width += w
            for j in range(len(p.rows0)):
                log = logs[r]
                if log:
                    values = np.frombuffer(log, np.float64).reshape(-1, width)
                    a, b = logged[r] + 1, logged[r] + 1 + len(values)
                    for k, stack in p.stacks.items():
                        o = offsets[k]
                        stack[a:b, j] = values[:, o:o + p.widths[k]]
                    logged[r] = b - 1
                    del values                   # a view of the log: then it can shrink
                    del log[:]
                r += 1


class _History:
    """Every step's points and values, staged as bytes (a copy per step, no numpy call)
    ``block_steps`` steps at a time, then written into the batch's arrays: a long run needs
    no second copy of its whole record."""

    def __init__(self, out: Outputs, rows: np.ndarray, points: memoryview, values: memoryview,
                 block_steps: int) -> None:
        n = len(rows)
        self.out, self.rows, self.block_steps = out, rows, block_steps
        self.points, self.values = points, values
        self.w, self.v = np.empty((block_steps, 2, n)), np.empty((block_steps, 3, n))
        self.w_into, self.v_into = memoryview(self.w).cast("B"), memoryview(self.v).cast("B")
        self.w_size, self.v_size = len(points), len(values)
        self.base = self.j = 0

    def add(self) -> None:
        """Stage the current points and values as the next step."""
        if self.j == self.block_steps:
            self.flush()
        j, ws, vs = self.j, self.w_size, self.v_size
        self.w_into[j * ws:(j + 1) * ws] = self.points
        self.v_into[j * vs:(j + 1) * vs] = self.values
        self.j = j + 1

    def flush(self) -> None:
        """Write the staged steps into the batch's paths, loss and gradients."""
        out, rows, m = self.out, self.rows, self.j
        a, b = self.base, self.base + m
        out.paths[rows, a:b] = self.w[:m].transpose(2, 0, 1)
        out.loss[rows, a:b] = self.v[:m, 0].T
        out.grads[rows, a:b] = self.v[:m, 1:].transpose(2, 0, 1)
        self.base, self.j = b, 0
