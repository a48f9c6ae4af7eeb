"""The engine's entry point: :func:`run`, a batch of runs in lock-step, with the seed's stop rule.

Every optimizer configuration runs from every start point. A configuration's hyperparameters
may be arrays of shape (V,), each entry a variant, so one batch holds a whole search; the runs
are laid out configuration-major, then variant, then start (one :class:`~.rows.Group` of rows
per configuration). There is no per-run Python loop: each step is a handful of in-place
whole-array operations per configuration, and a large batch is cut into cache-sized blocks run
on every core (:mod:`.dispatch`, :mod:`.batch`); a few deterministic runs are stepped in
Python floats (:mod:`.few_runs`). Results do not depend on the path or the split, bit for bit.

Stop rules, as in the seed's loop: before each update the loss ``z`` is compared with the
previous one, and once ``|z_prev - z| < tol`` the run stops *after* that update (``tol`` 0
turns the rule off; the first comparison is against 0, as the seed's ``pre_z = 0.0``), except
after a *pause*, an update of an optimizer that pauses (``OptimizerSpec.pauses``: Rprop) that
left the point exactly where it was while the gradient there was not zero. A run
diverges when its point, f or the gradient stops being finite, a coordinate leaves
``DIVERGENCE_BOUND`` or a component of the gradient leaves ``GRADIENT_BOUND``; it keeps its
last finite point. (Past that gradient its square, which the adaptive methods accumulate,
overflows: the run would stall where it is with a state of inf and, its f no longer changing,
be called converged.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from ..functions import TestFunction
from ..optimizers import OPTIMIZERS, OptimizerSpec
from .dispatch import Dispatch
from .result import RunResult
from .rows import Group
from .settings import (
    MAX_STEPS_PARAM,
    TOL_PARAM,
    EngineTuning,
    OptimizerConfig,
    RunSettings,
    check_starts,
)
from .stochastic import SampleOrder, n_samples_of


def state_values(spec: OptimizerSpec) -> int:
    """How many values the state of one run of ``spec`` holds."""
    return sum(v.shape[1] for v in spec.init(1, spec.defaults))


# the widest state, a stochastic update's gradient and, on a model, its mini-batch loss
MOST_STATE_VALUES = max(state_values(spec) for spec in OPTIMIZERS.values()) + 3


def _expand(value, n_variants: int, n_starts: int):
    """A scalar stays a float; an array of variants becomes (V * S, 1), variant-major."""
    if isinstance(value, np.ndarray):
        return np.repeat(value, n_starts)[:, None]
    return value


def estimate_bytes(n_runs: int, max_steps: int, record: bool, record_state: bool,
                   state_width: int | None = None) -> int:
    """Memory the recorded arrays of a run would take.

    With ``record_state``, each run's point also keeps its moment and effective learning rate
    (4 values) and ``state_width`` values of its optimizer's state and used gradient (None: the
    most any registered optimizer keeps, with a stochastic run's gradient and mini-batch loss).
    """
    per_point = (2 + 1 + 2 + 1) if record else 0
    if record_state:
        per_point += 4 + (MOST_STATE_VALUES if state_width is None else state_width)
    return n_runs * ((max_steps + 1) * per_point * 8 + 12 * 8)


def _state_width(group: Group, sampled: bool = False) -> int:
    """The values a run of ``group`` records per point with ``record_state``: every state
    entry, and the gradient a stochastic update used (and on a model on data, ``sampled``,
    the loss of its mini-batch)."""
    if group.noise is None:
        return state_values(group.spec)
    return state_values(group.spec) + (3 if sampled else 2)


def run(
    function: TestFunction,
    configs: Sequence[OptimizerConfig] | OptimizerConfig,
    starts,
    *,
    max_steps: int = 1000,
    tol: float = 0.0,
    seed: int | None = 0,
    record: bool = True,
    record_state: bool = False,
    cancel: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    progress_interval: float = 0.05,
    tuning: EngineTuning | None = None,
) -> RunResult:
    """Run every configuration from every start point, all in lock-step.

    Parameters
    ----------
    function : TestFunction
    configs : OptimizerConfig or sequence of them
    starts : array_like, shape (S, 2)
    max_steps : int
        T, the most updates a run makes.
    tol : float
        The seed's stop rule on |delta f|; 0 turns it off.
    seed : int or None
        Seeds the generator of stochastic gradients, so a run replays exactly; on a model on
        data, with the epoch, the order of its samples, shared by every run of the batch
        (:class:`~.stochastic.SampleOrder`).
    record : bool
        Keep every step (paths, loss, gradients, lr); False keeps only the final state, for
        searches and basin maps.
    record_state : bool
        Also keep the moment and effective learning rate of every step (mechanics arrows),
        every state entry of each optimizer at every step (``RunResult.state_of``) and the
        gradient each stochastic update used (``RunResult.used_grad_of``; on a model on data,
        also its mini-batch loss, ``RunResult.batch_loss_of``).
    cancel : callable, optional
        Polled between chunks of steps; when it returns True, :class:`Cancelled` is raised.
    progress : callable, optional
        ``progress(steps_done, max_steps)``, at most every ``progress_interval`` seconds.
    tuning : EngineTuning, optional
        How the batch is cut and which path steps it (tests choose; results never depend on
        it); the measured defaults when None.
    """
    tuning = EngineTuning() if tuning is None else tuning
    if isinstance(configs, OptimizerConfig):
        configs = [configs]
    configs = tuple(configs)
    if not configs:
        raise ValueError("no optimizer to run")
    starts = check_starts(starts)
    max_steps = int(MAX_STEPS_PARAM.check(max_steps))
    tol = TOL_PARAM.check(tol)

    n_starts = len(starts)
    groups, config_index, variant_index, start_index = [], [], [], []
    row = 0
    for c, config in enumerate(configs):
        n_var = config.n_variants
        n = n_var * n_starts
        hp = {k: _expand(v, n_var, n_starts) for k, v in config.hparams.items()}
        group = Group(config.spec, slice(row, row + n), hp, hp.get("lr", 1.0),
                      config.schedule.build(), config.schedule.is_constant, config.noise)
        group.tabulate(max_steps)
        groups.append(group)
        config_index.append(np.full(n, c))
        variant_index.append(np.repeat(np.arange(n_var), n_starts))
        start_index.append(np.tile(np.arange(n_starts), n_var))
        row += n
    n_runs = row
    sampled = n_samples_of(function) > 0
    need = sum(estimate_bytes(g.rows.stop - g.rows.start, max_steps, record, record_state,
                              _state_width(g, sampled)) for g in groups)
    if record and any(g.spec.probe is not None for g in groups):
        need += n_runs * (max_steps + 1) * 8            # every run's evaluation counts

    if need > tuning.memory_limit_bytes:
        raise ValueError(
            f"{n_runs} runs x {max_steps} steps would need {need / 2**30:.1f} GiB; the limit is "
            f"{tuning.memory_limit_bytes / 2**30:.0f} GiB: lower max steps or the number of "
            "runs")

    start_index = np.concatenate(start_index)
    settings = RunSettings(function, groups, starts[start_index], max_steps, tol,
                           np.random.default_rng(seed), record, record_state, cancel=cancel,
                           progress=progress, progress_interval=progress_interval,
                           samples=(SampleOrder(n_samples_of(function), seed)
                                    if sampled and any(g.noise is not None for g in groups)
                                    else None),
                           tuning=tuning)
    with np.errstate(all="ignore"):
        out = Dispatch(settings).execute()
    result = RunResult(function, configs, starts, max_steps, tol, seed,
                       np.concatenate(config_index), np.concatenate(variant_index),
                       start_index, status=out.status, stop_step=out.stop,
                       final_xy=out.final_xy, final_loss=out.final_loss, paths=out.paths,
                       loss=out.loss, grads=out.grads, moment=out.moment,
                       effective_lr=out.eff, bad_start=out.bad_start,
                       final_evals=out.final_evals, evals=out.evals, failures=out.failures)
    if record_state:
        result.state = tuple(_unchanging_as_views(out.states.get(g.rows.start))
                             for g in groups)
        result.used_grads = tuple(out.used.get(g.rows.start) for g in groups)
        if out.batch_losses is not None:
            result.batch_losses = tuple(out.batch_losses.get(g.rows.start) for g in groups)
    if record:
        steps = np.arange(result.n_steps + 1, dtype=np.float64)
        if all(g.constant_schedule for g in groups):
            # each run's one rate at every step: a read-only view of a column (a 100,000-step
            # run's rates would be 0.8 MB of one number)
            rates = np.empty((n_runs, 1))
            for g in groups:
                rates[g.rows] = g.schedule(steps[None, :1], g.lr0)
            result.lr = np.broadcast_to(rates, (n_runs, len(steps)))
        else:
            result.lr = np.empty((n_runs, len(steps)))
            for g in groups:
                result.lr[g.rows] = (g.schedule(steps[None, :], g.lr0) if g.rates is None
                                     else g.rates[:len(steps)])
    return result


def _unchanging_as_views(record: dict[str, np.ndarray] | None
                         ) -> dict[str, np.ndarray] | None:
    """``record`` with each entry that holds the same bits at every step (a state entry an
    optimizer's settings leave unused: RMSprop's velocity without momentum, Adam's maximum
    without amsgrad) as a read-only view of its first step: 1.6 MB less for each such entry
    of a 100,000-step run."""
    if not record:
        return record
    for k, arr in record.items():
        if arr.shape[1] > 1 and _same_bits_every_step(arr):
            record[k] = np.broadcast_to(arr[:, :1].copy(), arr.shape)
    return record


def _same_bits_every_step(arr: np.ndarray) -> bool:
    """Whether ``arr`` (n, T+1, width) of floats holds the same bits at every step."""
    bits = arr.view(np.int64)
    first = bits[:, :1]
    return all(np.array_equal(bits[:, a:a + 4096], np.broadcast_to(
        first, (len(bits), min(4096, bits.shape[1] - a), bits.shape[2])))
        for a in range(1, bits.shape[1], 4096))

