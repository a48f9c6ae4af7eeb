"""The compiled batch path: blocks of many runs stepped by numba-compiled code, rows innermost.

:mod:`.compiled` steps a few runs, one after another: each run's steps form one chain of
dependent operations, so a core waits on every division and square root in turn (about 90 ns
a step of Adam on Beale). Here a block's rows are the inner loop: one step of every row, then
the next step. The rows are independent, so the compiler turns the loop into SIMD code (eight
rows at a time with AVX-512; about 5 ns a step) once nothing in it stands in the way:

- the scalar kernel is rewritten (:mod:`.row_kernel`) to take its state as separate floats
  and return them with the point, instead of indexing a state array (a row's state is then
  loaded from and stored to a (width, n) array);
- the rows of one hyperparameter combination are contiguous and stepped with the
  combination's values as a tuple, so that what the kernel derives from them alone (Adam's
  ``math.pow(beta1, t)`` and bias corrections) is the same for every row of the loop and
  computed once per step, not per row; the learning rate is each row's own;
- the loop touches few arrays (the compiler checks each pair of them for overlap before it
  vectorises, and gives up past a few dozen checks): the point, f one step back, the state and
  the rate; f and the gradient are evaluated again at the point rather than kept, and at the
  new point only where the function does not promise them finite and inside their bound
  wherever the point is inside its own (``value_finite_within``, as the numpy blocks);
- the stop rules are the few-runs path's, without branches: a row that stops keeps its point
  and its code (1 converged, 2 diverged), and is computed on but not written.

The operations are the scalar kernel's and the evaluator's, in their order, without fast-math:
the results are the bits of each run stepped alone (the few-runs and compiled paths'), and so
the numpy blocks' wherever the hyperparameters but the rate are shared, or the kernel takes no
power (:func:`.row_kernel.exact_per_run`); otherwise numpy's vectorised power of per-run
values (Adam's ``beta1 ** t`` of an array) may differ from the C library's in the last bit, so
:mod:`.dispatch` takes this path for them only when asked (``EngineTuning(path="compiled")``).
Per-run values want some rows per combination, as each combination's powers and loop cost
their own. Tests: tests/core/test_compiled_batch.py. The path keeps no record: ``record`` and
``record_state`` batches take the numpy blocks.
"""

from __future__ import annotations

import contextlib
import functools
import sys
import threading
from collections.abc import Callable

import numpy as np

from ..optimizers import OPTIMIZERS, gradient_terms
from . import compiled
from .result import CONVERGED, DIVERGED, MAX_STEPS
from .row_kernel import row_kernel
from .rows import Group, PartsBlock

TILE_ROWS = 1024        # rows stepped together through a call's steps (their arrays stay in L2)
_STATUS = np.array([MAX_STEPS, CONVERGED, DIVERGED], dtype=np.int8)

_drivers: dict[tuple[str, str], tuple[Callable, Callable]] = {}
_lock = threading.Lock()


def _shape(key: tuple[str, str]) -> tuple[int, int, bool]:
    """How many state values and hyperparameter values the pair's kernel takes, the most of
    the optimizers it serves (Schedule-Free SGD keeps fewer than Schedule-Free AdamW; each
    reads its own), and whether one of them pauses."""
    shapes = [(sum(v.shape[1] for v in spec.init(1, spec.defaults)) + spec.scalar_scratch,
               len(spec.scalar_hp(spec.defaults)), spec.pauses)
              for spec in OPTIMIZERS.values()
              if spec.scalar_kernel is not None and compiled._named(spec.scalar_kernel) == key[0]]
    return tuple(max(values) for values in zip(*shapes, strict=True))


# -- the loop ----------------------------------------------------------------------------------

_LOOP = '''
def {name}(X, Y, PF, S, LR, code, stop, table, bounds, negate, decay, rate_of, rates, s0, s1,
             tile, tol, bound, grad_bound):
    """Steps s0..s1 of every row still running; combination c's rows are bounds[c]..bounds[c+1]
    (see compiled_batch.py).{doc}"""
    check_tol = tol > 0.0
    for c in range(len(bounds) - 1):
        hp = ({hp})
        neg, wd, r = negate[c], decay[c], rate_of[c]
        for a in range(bounds[c], bounds[c + 1], tile):
            b = min(a + tile, bounds[c + 1])
            for s in range(s0, s1):
                t = s + 1
                lr_s = rates[r, s] if r >= 0 else 0.0
                alive = 0
                for i in range(np.uint64(a), np.uint64(b)):    # unsigned: no wraparound
                    x, y = X[i], Y[i]
                    f, gx, gy = evaluate(x, y)
                    # the seed's stop rule: f here against f one step back, before the update
                    conv = check_tol & (abs(PF[i] - f) < tol)
{pause}                    ux = -gx if neg else gx
                    uy = -gy if neg else gy
                    if wd != 0.0:
                        ux, uy = ux + x * wd, uy + y * wd
                    lr = lr_s if r >= 0 else LR[i]
                    xn, yn, {names} = kernel(x, y, ux, uy, lr, t, hp, {loads})
                    ok = (-bound <= xn) & (xn <= bound) & (-bound <= yn) & (yn <= bound)
{check}                    was = code[i]
                    moved = (was == 0) & ok
                    going = moved & (not conv)
                    # without branches (they would keep the loop from being vectorised): a
                    # running row that blew up becomes 2 at s, one that converged 1 at t
                    blew, settled = (was == 0) & (not ok), moved & conv
                    code[i] = was + 2 * blew + settled
                    stop[i] = stop[i] + (s - stop[i]) * blew + (t - stop[i]) * settled
                    X[i] = xn if moved else x
                    Y[i] = yn if moved else y
                    PF[i] = f
{stores}
                    alive += going
                if alive == 0:
                    break
'''

# Where the function does not promise f and the gradient finite and inside their bound wherever
# the point is inside its own (``value_finite_within``), they are looked at.
_CHECK = '''                    fn, gxn, gyn = evaluate(xn, yn)
                    ok = (ok & (abs(fn) < math.inf) & (-grad_bound <= gxn) & (gxn <= grad_bound)
                          & (-grad_bound <= gyn) & (gyn <= grad_bound))
'''

# An optimizer that pauses (Rprop) stops on the rule only where its last update moved the point
# or the gradient there was zero; its rows keep the point one step back in S's last two rows.
_PAUSE = '''                    px, py = S[{w}, i], S[{w1}, i]
                    _, pgx, pgy = evaluate(px, py)
                    if s > 0:
                        conv = conv & (not ((x == px) & (y == py)
                                            & ((pgx != 0.0) | (pgy != 0.0))))
                    S[{w}, i], S[{w1}, i] = x, y
'''


def _source(key: tuple[str, str]) -> str:
    width, n_hp, pauses = _shape(key)
    f_module, f_name = key[1].split(":")
    names = ", ".join(f"n_{k}" for k in range(width))
    loads = ", ".join(f"S[{k}, i]" for k in range(width))
    stores = "\n".join(f"{' ' * 20}S[{k}, i] = n_{k}" for k in range(width))
    loops = "\n".join(
        _LOOP.format(name=name, doc=doc, check=check,
                     hp=" ".join(f"table[c, {j}]," for j in range(n_hp)), names=names,
                     loads=loads, stores=stores,
                     pause=_PAUSE.format(w=width, w1=width + 1) if pauses else "")
        for name, doc, check in (("run_rows", "", _CHECK),
                                 ("run_rows_inside", " f and the gradient finite inside the "
                                  "bound.", "")))
    return (f'"""{key[0]} on {key[1]}, rows innermost: written by {__name__}, compiled by '
            'numba."""\n\nimport math\n\nimport numba\nimport numpy as np\n\n'
            f"from {row_kernel.__module__} import row_kernel\n"
            f"from {f_module} import {f_name} as _evaluate\n\n"
            f'kernel = numba.njit(error_model="numpy")(row_kernel("{key[0]}", {width}))\n'
            'evaluate = numba.njit(error_model="numpy")(_evaluate)\n\n'
            f"{loops}\n\n"
            'run_rows = numba.njit(error_model="numpy", nogil=True, cache=True)(run_rows)\n'
            'run_rows_inside = numba.njit(error_model="numpy", nogil=True, cache=True)('
            'run_rows_inside)\n')


# -- compiling it ------------------------------------------------------------------------------

def ready(key: tuple[str, str] | None) -> bool:
    return key is not None and key in _drivers


def _marker(key: tuple[str, str]):
    """The file that says the pair's machine code is in the cache folder (written once it
    is)."""
    return compiled.cache_dir() / (compiled.module_name("rows", _source(key), key) + ".ready")


def loadable(key: tuple[str, str]) -> bool:
    """Whether the pair is ready, or its machine code is in the cache (a load of some ms)."""
    if ready(key):
        return True
    try:
        return _marker(key).exists()
    except OSError:
        return False


def worth(key: tuple[str, str], row_steps: int, tuning) -> bool:
    """Whether ``"auto"`` should step ``row_steps`` runs x steps of the pair here: at once
    when it is ready; when it is in the cache, if numba runs in this process already (a load
    of some ms) or the work pays for starting it (about half a second:
    ``compiled_batch_load_row_steps``); else if it pays for compiling the pair
    (``compiled_batch_compile_row_steps``). Nothing imports numba for less work than that."""
    if ready(key):
        return True
    started = "numba" in sys.modules and (bool(_drivers) or compiled.started())
    if not (started or row_steps >= min(tuning.compiled_batch_load_row_steps,
                                        tuning.compiled_batch_compile_row_steps)):
        return False
    return compiled.available() and (loadable(key)
                                     or row_steps >= tuning.compiled_batch_compile_row_steps)


def prepare(keys) -> None:
    """Compile (or load from the cache) the batch loop of every pair in ``keys`` not ready
    yet (None entries skipped; nothing without numba)."""
    keys = [key for key in keys if key is not None and key not in _drivers]
    if not keys or not compiled.available():
        return
    for key in keys:
        with _lock:
            if key not in _drivers:
                module = compiled.load_module("rows", _source(key), key)
                steps = module.run_rows, module.run_rows_inside
                for step in steps:
                    _warm(step, _shape(key))
                with contextlib.suppress(OSError):
                    _marker(key).touch()
                _drivers[key] = steps


def _warm(step: Callable, shape: tuple[int, int, bool]) -> None:
    """Compile ``step`` for the one signature the engine calls it with (or load it)."""
    width, n_hp, pauses = shape
    f1, i1 = np.zeros(1), np.zeros(1, dtype=np.int64)
    step(f1, f1, f1, np.zeros((width + 2 * pauses, 1)), f1, np.ones(1, dtype=np.int8), i1,
         np.zeros((1, n_hp)), np.zeros(2, dtype=np.int64), np.zeros(1, dtype=bool), f1, i1 - 1,
         np.zeros((1, 1)), 0, 0, 1, 0.0, 1.0, 1.0)


def pair_key(group: Group, function) -> tuple[str, str] | None:
    """The compiled pair that can step ``group``'s runs in a batch, or None: deterministic
    runs, a rate that is constant (one per run) or tabulated, a kernel and a function that
    compile."""
    if group.noise is not None or not (group.constant_schedule or group.rates is not None):
        return None
    return compiled.pair_key(group.spec, function)


# -- the combinations of a group's hyperparameters ---------------------------------------------

class Combinations:
    """The distinct hyperparameter combinations of a group's runs (the learning rate aside: it
    is each row's own) and each row's, ``of_row`` (n,); made on first use, ``table`` (K, H)
    the kernel's values of each (``scalar_hp``), ``negate`` and ``decay`` (K,) the gradient
    terms (:func:`~beale_gui.core.optimizers.gradient_terms`)."""

    def __init__(self, group: Group) -> None:
        self.group, n = group, group.rows.stop - group.rows.start
        self.varied = [k for k, v in group.hp.items() if isinstance(v, np.ndarray) and k != "lr"]
        if self.varied:
            values = np.column_stack([np.ravel(group.hp[k]) for k in self.varied])
            # by their bits: -0.0 and 0.0 stay apart, as the runs' results may
            distinct, of_row = np.unique(values.view(np.int64), axis=0, return_inverse=True)
            self.distinct, self.of_row = distinct.view(np.float64), of_row.ravel()
        else:
            self.distinct, self.of_row = np.zeros((1, 0)), np.zeros(n, dtype=np.int64)
        self.rows_per_combination = n / len(self.distinct)

    @functools.cached_property
    def made(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``table``, ``negate`` and ``decay``."""
        group, spec = self.group, self.group.spec
        rows, negate, decay = [], [], []
        for combo in self.distinct.tolist():
            hp = {k: v for k, v in group.hp.items() if not isinstance(v, np.ndarray)}
            hp.update(zip(self.varied, combo, strict=True))
            rows.append(spec.scalar_hp(hp))
            neg, wd = gradient_terms(spec.name, hp)
            negate.append(neg)
            decay.append(wd)
        return (np.array(rows, dtype=np.float64).reshape(len(rows), -1),
                np.array(negate, dtype=bool), np.array(decay, dtype=np.float64))


# -- the block ---------------------------------------------------------------------------------

class CompiledBatch(PartsBlock):
    """Rows of a large batch stepped by their pairs' compiled loops (one call per pair, each
    ``chunk`` steps, between which cancel and progress are polled). ``combinations`` maps a
    group's id to its :class:`Combinations`."""

    path = "compiled_batch"

    def __init__(self, dispatch, parts, combinations: dict[int, Combinations],
                 row_steps: int) -> None:
        super().__init__(dispatch, parts)
        self.combinations = combinations
        self.chunk = max(1, row_steps // max(self.n0, 1))

    def _run(self) -> None:
        settings = self.settings
        by_pair: dict[tuple[str, str], list] = {}
        for p in self.all_parts:
            by_pair.setdefault(pair_key(p.group, settings.function), []).append(p)
        runs = [_PairRows(settings, key, parts, self.combinations)
                for key, parts in by_pair.items()]
        max_steps, s = settings.max_steps, 0
        while s < max_steps and any(r.running for r in runs):
            s1 = min(s + self.chunk, max_steps)
            for r in runs:
                if r.running:
                    r.step(s, s1)
            s = self.steps = s1
            if s < max_steps:
                self.dispatch.poll(self, s)
        for r in runs:
            r.finish(self.dispatch.out, s)
            self.steps_done = max(self.steps_done, r.steps_done(s))
        self.steps = max_steps


class _PairRows:
    """The rows of one compiled pair in a block, ordered by hyperparameter combination, and
    their working arrays."""

    def __init__(self, settings, key, parts, combinations: dict[int, Combinations]) -> None:
        # the loop that looks at f and the gradient, or the one that need not
        inside = settings.function.value_finite_within >= settings.bound
        self.settings, self.step_fn = settings, _drivers[key][inside]
        width, n_hp, _ = _shape(key)
        order, tables, negate, decay, rate_of, rates, lrs, states, sizes = ([] for _ in range(9))
        for p in parts:
            combos = combinations[id(p.group)]
            g0 = p.group.rows.start
            of_row = combos.of_row[p.rows0 - g0]
            local = np.argsort(of_row, kind="stable")
            order.append(p.rows0[local])
            used, counts = np.unique(of_row, return_counts=True)
            sizes.extend(counts.tolist())
            table, negates, decays = combos.made
            tables.append(_padded(table[used], n_hp))
            negate.append(negates[used])
            decay.append(decays[used])
            if p.constant_lr:
                rate_of.append(np.full(len(used), -1))
                lrs.append(np.broadcast_to(np.ravel(p.lr0_all), (len(local),))[local])
            else:
                rate_of.append(np.full(len(used), len(rates)))
                rates.append(p.lr_table)
                lrs.append(np.zeros(len(local)))
            states.append(_padded(np.concatenate([np.zeros((len(local), 0)), *p.state_rows],
                                                 axis=1)[local], width))
        self.rows = np.concatenate(order)
        n = len(self.rows)
        self.table = np.ascontiguousarray(np.concatenate(tables), dtype=np.float64)
        self.bounds = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        self.negate, self.decay = np.concatenate(negate), np.concatenate(decay)
        self.rate_of = np.concatenate(rate_of).astype(np.int64)
        self.rates = (np.ascontiguousarray(rates, dtype=np.float64) if rates
                      else np.zeros((1, 1)))
        # the starts, the point one step back of an optimizer that pauses after the state
        xy = settings.starts[self.rows].T
        self.x, self.y = xy[0].copy(), xy[1].copy()
        pauses = [xy] if _shape(key)[2] else []
        self.state = np.ascontiguousarray(np.concatenate([np.concatenate(states).T, *pauses]))
        self.prev_f = np.zeros(n)
        self.lr = np.ascontiguousarray(np.concatenate(lrs), dtype=np.float64)
        f, gx, gy = _evaluated(settings.function, xy)
        bound, grad_bound = settings.bound, settings.grad_bound
        ok = (np.isfinite(f) & (np.abs(xy[0]) <= bound) & (np.abs(xy[1]) <= bound)
              & (np.abs(gx) <= grad_bound) & (np.abs(gy) <= grad_bound))
        self.bad_start = ~ok
        self.code = np.where(ok, 0, 2).astype(np.int8)
        self.stop = np.where(ok, settings.max_steps, 0).astype(np.int64)
        self.running = bool(ok.any())

    def step(self, s0: int, s1: int) -> None:
        st = self.settings
        self.step_fn(self.x, self.y, self.prev_f, self.state, self.lr, self.code, self.stop,
                     self.table, self.bounds, self.negate, self.decay, self.rate_of, self.rates,
                     s0, s1, TILE_ROWS, st.tol, st.bound, st.grad_bound)
        self.running = bool((self.code == 0).any())

    def steps_done(self, s: int) -> int:
        """The last step any of the rows made (a diverged run made its stop step)."""
        made = np.where(self.code == 0, s, self.stop + (self.code == 2))
        made[self.bad_start] = 0
        return int(made.max(initial=0))

    def finish(self, out, s: int) -> None:
        rows = self.rows
        out.status[rows] = _STATUS[self.code]
        out.stop[rows] = self.stop
        out.bad_start[rows] = self.bad_start
        out.final_xy[rows, 0], out.final_xy[rows, 1] = self.x, self.y
        out.final_loss[rows] = _evaluated(self.settings.function, (self.x, self.y))[0]


def _evaluated(function, xy) -> np.ndarray:
    """f and the gradient, (3, n), at the points ``xy`` (2, n) by the function's evaluator (the
    numbers the compiled evaluator gives)."""
    points, fg = np.empty((4, len(xy[0]))), np.empty((3, len(xy[0])))
    points[0], points[1] = xy
    function.evaluator(points, fg)()
    return fg


def _padded(values: np.ndarray, width: int) -> np.ndarray:
    """(n, k) values as (n, width), zeros after them (a kernel's scratch, or what another
    optimizer of the same kernel keeps)."""
    out = np.zeros((len(values), width))
    out[:, :values.shape[1]] = values
    return out
