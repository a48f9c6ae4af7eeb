"""Small deterministic batches stepped in plain Python floats (internal to
:mod:`beale_gui.core.lockstep`).

The GUI's usual batch is a handful of runs (six optimizers from one start). Stepped as numpy
arrays of a few elements, nearly all of its time is the overhead of numpy's calls; here each
run's update is Python arithmetic on floats. The function is evaluated by its in-place numpy
evaluator, once per step for the whole batch, or, where the function has one (Beale), by its
float evaluator, which does the evaluator's operations in its order.

Results are those of :class:`beale_gui.core.units.Unit`, bit for bit: every scalar kernel
below does the operations of its numpy kernel (:mod:`beale_gui.core.optimizers`) in the same
order (``(g * rest) * g`` is not ``(g * g) * rest``), IEEE ``+``, ``-``, ``*``, ``/`` and the
square root round alike in both, and powers are Python's in both. The unit reuses
:class:`~beale_gui.core.units.Part` for learning-rate tables, the recorded-state stacks and the
effective learning rates at the end; the batch fills in what a stopped run would have recorded
afterwards, as for a numpy unit.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Mapping

import numpy as np

from .optimizers import adam_folds_root
from .units import CONVERGED, DIVERGED, MAX_STEPS, POLL_STEPS, Part, Unit

# A small deterministic batch is stepped in Python when it has at most
# min(SCALAR_MAX_ROWS, SCALAR_BASE_ROWS + SCALAR_ROWS_PER_PART * configurations) runs. A numpy
# Unit costs about 14 us a step plus 3 us per configuration, almost whatever its few rows; the
# scalar path about 1.1 to 1.4 us per run and step (Adam on Beale the dearest; all measured on
# the development machine), so they break even near 12 runs of one configuration and 32 of six.
SCALAR_MAX_ROWS = 32
SCALAR_BASE_ROWS = 8
SCALAR_ROWS_PER_PART = 4
BLOCK_STEPS = 4096            # steps of a record or state kept before they go to the batch

ScalarStep = Callable[[float, float, float, float, float, int], tuple[float, float]]
Log = Callable[[tuple], None] | None

_sqrt = math.sqrt


# -- scalar kernels -----------------------------------------------------------------------------
# ``kernel(hp, state, log) -> step(x, y, gx, gy, lr, t) -> (x, y)``: ``state`` maps each entry
# of the optimizer's ``init`` to its starting [x, y] (or [value]), and ``log``, when not None,
# is called with a tuple of every state value after each update, entries in ``init``'s order
# (``list.extend`` of a flat log).

def _gd(hp: Mapping, state: dict, log: Log) -> ScalarStep:
    def step(x, y, gx, gy, lr, t):
        return x - gx * lr, y - gy * lr

    return step


def _momentum(hp: Mapping, state: dict, log: Log, nesterov: bool = False) -> ScalarStep:
    momentum = hp["momentum"]
    dampening = hp.get("dampening", 0.0)
    keep = 1.0 - dampening if dampening != 0.0 else None
    bx, by = state["velocity"]

    def step(x, y, gx, gy, lr, t):
        nonlocal bx, by
        if t == 1:
            bx, by = gx, gy
        elif keep is None:
            bx, by = bx * momentum + gx, by * momentum + gy
        else:
            bx, by = bx * momentum + gx * keep, by * momentum + gy * keep
        if log is not None:
            log((bx, by))
        if nesterov:
            return x - (gx + bx * momentum) * lr, y - (gy + by * momentum) * lr
        return x - bx * lr, y - by * lr

    return step


def _nesterov(hp: Mapping, state: dict, log: Log) -> ScalarStep:
    return _momentum(hp, state, log, nesterov=True)


def _adagrad(hp: Mapping, state: dict, log: Log) -> ScalarStep:
    eps = hp["eps"]
    ax, ay = state["sum"]

    def step(x, y, gx, gy, lr, t):
        nonlocal ax, ay
        ax, ay = ax + gx * gx, ay + gy * gy
        if log is not None:
            log((ax, ay))
        return x - (gx / (_sqrt(ax) + eps)) * lr, y - (gy / (_sqrt(ay) + eps)) * lr

    return step


def _rmsprop(hp: Mapping, state: dict, log: Log) -> ScalarStep:
    alpha, eps, momentum = hp["alpha"], hp["eps"], hp["momentum"]
    rest = 1.0 - alpha
    sx, sy = state["square_avg"]
    bx, by = state["velocity"]

    def step(x, y, gx, gy, lr, t):
        nonlocal sx, sy, bx, by
        sx, sy = sx * alpha + (gx * rest) * gx, sy * alpha + (gy * rest) * gy
        if momentum != 0.0:
            bx = bx * momentum + gx / (_sqrt(sx) + eps)
            by = by * momentum + gy / (_sqrt(sy) + eps)
        else:
            bx, by = gx / (_sqrt(sx) + eps), gy / (_sqrt(sy) + eps)
        if log is not None:
            log((sx, sy, bx, by))
        return x - bx * lr, y - by * lr

    return step


def _adam(hp: Mapping, state: dict, log: Log, amsgrad: bool = False,
          decoupled: bool = False) -> ScalarStep:
    beta1, beta2, eps, wd = hp["beta1"], hp["beta2"], hp["eps"], hp.get("weight_decay", 0.0)
    rest1, rest2 = 1.0 - beta1, 1.0 - beta2
    mx, my = state["exp_avg"]
    vx, vy = state["exp_avg_sq"]
    ux, uy = state["max_exp_avg_sq"]
    folds = adam_folds_root(hp)

    def step(x, y, gx, gy, lr, t):
        nonlocal mx, my, vx, vy, ux, uy
        if decoupled:
            x, y = x * (1.0 - lr * wd), y * (1.0 - lr * wd)
        mx, my = mx + (gx - mx) * rest1, my + (gy - my) * rest1
        vx, vy = vx * beta2 + (gx * gx) * rest2, vy * beta2 + (gy * gy) * rest2
        step_size = lr / (1.0 - beta1 ** t)
        root = _sqrt(1.0 - beta2 ** t)
        if amsgrad:                            # np.maximum: NaN when either is NaN
            if vx > ux or vx != vx:
                ux = vx
            if vy > uy or vy != vy:
                uy = vy
            sx, sy = _sqrt(ux), _sqrt(uy)
        else:
            sx, sy = _sqrt(vx), _sqrt(vy)
        if folds:
            tiny = eps * root
            dx, dy = sx + tiny, sy + tiny
            step_size = step_size * root
        else:
            dx, dy = sx / root + eps, sy / root + eps
        if log is not None:
            log((mx, my, vx, vy, ux, uy))
        return x - (mx / dx) * step_size, y - (my / dy) * step_size

    return step


def _amsgrad(hp: Mapping, state: dict, log: Log) -> ScalarStep:
    return _adam(hp, state, log, amsgrad=True)


def _adamw(hp: Mapping, state: dict, log: Log) -> ScalarStep:
    return _adam(hp, state, log, decoupled=True)


def _nadam(hp: Mapping, state: dict, log: Log) -> ScalarStep:
    beta1, beta2, eps, psi = hp["beta1"], hp["beta2"], hp["eps"], hp["momentum_decay"]
    rest1, rest2 = 1.0 - beta1, 1.0 - beta2
    mx, my = state["exp_avg"]
    vx, vy = state["exp_avg_sq"]
    ux, uy = state["max_exp_avg_sq"]
    (product,) = state["mu_product"]

    def step(x, y, gx, gy, lr, t):
        nonlocal mx, my, vx, vy, product
        mu = beta1 * (1.0 - 0.5 * 0.96 ** (t * psi))
        mu_next = beta1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * psi))
        product = product * mu
        mx, my = mx + (gx - mx) * rest1, my + (gy - my) * rest1
        vx, vy = vx * beta2 + (gx * gx) * rest2, vy * beta2 + (gy * gy) * rest2
        correction = 1.0 - beta2 ** t
        dx, dy = _sqrt(vx / correction) + eps, _sqrt(vy / correction) + eps
        kept, done, done_next = 1.0 - mu, 1.0 - product, 1.0 - product * mu_next
        a = lr * kept / done
        b = lr * mu_next / done_next
        if log is not None:                    # the bias-corrected Nesterov moment, shown
            c, d = kept / done, mu_next / done_next
            nx, ny = gx * c + mx * d, gy * c + my * d
            log((mx, my, vx, vy, ux, uy, product, nx, ny))
        return (x - a * (gx / dx)) - b * (mx / dx), (y - a * (gy / dy)) - b * (my / dy)

    return step


def _adadelta(hp: Mapping, state: dict, log: Log) -> ScalarStep:
    rho, eps = hp["rho"], hp["eps"]
    rest = 1.0 - rho
    sx, sy = state["square_avg"]
    ax, ay = state["acc_delta"]

    def step(x, y, gx, gy, lr, t):
        nonlocal sx, sy, ax, ay
        sx, sy = sx * rho + rest * (gx * gx), sy * rho + rest * (gy * gy)
        dx = _sqrt(ax + eps) / _sqrt(sx + eps) * gx
        dy = _sqrt(ay + eps) / _sqrt(sy + eps) * gy
        ax, ay = ax * rho + rest * (dx * dx), ay * rho + rest * (dy * dy)
        if log is not None:
            log((sx, sy, ax, ay))
        return x - lr * dx, y - lr * dy

    return step


# name -> (scalar kernel, whether torch's coupled weight decay g + weight_decay * w applies)
SCALAR_KERNELS: dict[str, tuple[Callable[..., ScalarStep], bool]] = {
    "gd": (_gd, True), "sgd": (_gd, True), "momentum": (_momentum, True),
    "nesterov": (_nesterov, True), "adagrad": (_adagrad, True), "rmsprop": (_rmsprop, True),
    "adam": (_adam, True), "adamw": (_adamw, False), "nadam": (_nadam, True),
    "amsgrad": (_amsgrad, True), "adadelta": (_adadelta, True),
}


def scalar_step(name: str, hp: Mapping, state: dict, log: Log) -> ScalarStep:
    """The scalar update of optimizer ``name`` for one run with float hyperparameters ``hp``."""
    kernel, coupled_decay = SCALAR_KERNELS[name]
    step = kernel(hp, state, log)
    wd = hp.get("weight_decay", 0.0)
    if not coupled_decay or wd == 0.0:
        return step

    def decayed(x, y, gx, gy, lr, t):
        return step(x, y, gx + x * wd, gy + y * wd, lr, t)

    return decayed


# -- the unit -----------------------------------------------------------------------------------

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
    return (part.noise is None and part.spec.name in SCALAR_KERNELS
            and not isinstance(part.lr0_all, np.ndarray)
            and not any(isinstance(v, np.ndarray) for v in part.hp0.values())
            and (part.constant_lr or part.lr_table is not None))


class ScalarUnit:
    """The runs of a small batch, each stepped in Python floats; the unit interface of
    :class:`~beale_gui.core.units.Unit` (``run``, ``n0``, ``steps``, ``steps_done``,
    ``all_parts``)."""

    def __init__(self, job, parts: list[Part]) -> None:
        self.job = job
        self.all_parts = list(parts)
        self.idx = np.concatenate([p.rows0 for p in parts])
        self.n0 = len(self.idx)
        self.steps = 0
        self.steps_done = 0

    def run(self) -> None:
        with np.errstate(all="ignore"):
            self._run()

    def _runs(self) -> tuple[list[tuple], list[array | None]]:
        """Per run, in the unit's order: (position, step, constant rate or None, rate table or
        None), and its state log (None unless the state is recorded)."""
        runs, logs = [], []
        keep_state = self.job.out.moment is not None
        for p in self.all_parts:
            table = None if p.constant_lr else p.lr_table.tolist()
            lr = p.lr0_all if p.constant_lr else None
            for j in range(len(p.rows0)):
                state = {k: v[j].tolist() for k, v in p.state_rows.items()}
                log = array("d") if keep_state else None        # raw doubles, not floats
                step = scalar_step(p.spec.name, p.hp0, state, None if log is None else log.extend)
                runs.append((len(runs), step, lr, table))
                logs.append(log)
        return runs, logs

    def _run(self) -> None:
        job, out = self.job, self.job.out
        n, idx = self.n0, self.idx
        n2 = 2 * n
        xy, fg = np.empty((4, n)), np.empty((3, n))
        evaluate = job.function.evaluator(xy, fg)
        evaluate_at = job.function.float_evaluator()
        # flat views: x0 .. x(n-1) y0 .. y(n-1), and f .. gx .. gy ..; as bytes to record them
        points_bytes, values_bytes = memoryview(xy[:2]).cast("B"), memoryview(fg).cast("B")
        points, values = points_bytes.cast("d"), values_bytes.cast("d")
        xy[:2] = job.starts[idx].T
        evaluate()
        w, v = points.tolist(), values.tolist()
        record = out.paths is not None
        history = _History(out, idx, points_bytes, values_bytes) if record else None
        if history is not None:
            history.add()
        bound, grad_bound, tol = job.bound, job.grad_bound, job.tol
        check_tol = tol > 0.0
        isfinite, hypot = math.isfinite, math.hypot

        def healthy(w, v, i):
            return (-bound <= w[i] <= bound and -bound <= w[n + i] <= bound and isfinite(v[i])
                    and -grad_bound <= v[n + i] <= grad_bound
                    and -grad_bound <= v[n2 + i] <= grad_bound)

        runs, logs = self._runs()
        keep_state = out.moment is not None
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
        poll = job.poll
        mask = 0 if job.parallel else POLL_STEPS - 1
        steps_done = 0
        for s in range(job.max_steps):
            if not live:
                break
            if s and not s & mask:
                poll(self, s)
            t = s + 1
            conv = None
            outside = False
            for i, step, lr, table in live:
                if table is not None:
                    lr = table[s]
                # the seed's stop rule compares f here with f one step back, before the update
                if check_tol and abs(prev[i] - v[i]) < tol:
                    conv = [i] if conv is None else [*conv, i]
                x, y = step(w[i], w[n + i], v[n + i], v[n2 + i], lr, t)
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
            if keep_state and not t % BLOCK_STEPS:
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
            prev, w, v = v, w_new, v_new
            steps_done = self.steps = t
        self.steps_done = steps_done
        self.steps = job.max_steps
        for i, *_ in live:
            self._stop(i, MAX_STEPS, job.max_steps, w[i], w[n + i], v[i])
        if history is not None:
            history.flush()
        if keep_state:
            self._write_state(logs, logged)

    def _stop(self, i: int, status: int, step: int, x: float, y: float, f: float) -> None:
        out, row = self.job.out, self.idx[i]
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
    """Every step's points and values, staged as bytes (a copy per step, no numpy call) for
    BLOCK_STEPS steps at a time, then written into the batch's arrays: a long run needs no
    second copy of its whole record."""

    def __init__(self, out, rows: np.ndarray, points: memoryview, values: memoryview) -> None:
        n = len(rows)
        self.out, self.rows = out, rows
        self.points, self.values = points, values
        self.w, self.v = np.empty((BLOCK_STEPS, 2, n)), np.empty((BLOCK_STEPS, 3, n))
        self.w_into, self.v_into = memoryview(self.w).cast("B"), memoryview(self.v).cast("B")
        self.w_size, self.v_size = len(points), len(values)
        self.base = self.j = 0

    def add(self) -> None:
        """Stage the current points and values as the next step."""
        if self.j == BLOCK_STEPS:
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
