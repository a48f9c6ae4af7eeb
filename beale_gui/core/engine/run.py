"""The engine: a batch of runs in lock-step, with the seed's stop rule.

Every optimizer configuration runs from every start point. A configuration's hyperparameters
may be arrays of shape (V,), each entry a variant, so one batch holds a whole search; the runs
are laid out configuration-major, then variant, then start. There is no per-run Python loop:
each step is a handful of in-place whole-array operations per configuration, and a large batch
is cut into cache-sized pieces run on every core (:mod:`beale_gui.core.lockstep`,
:mod:`beale_gui.core.units`); results do not depend on the split, bit for bit.

Stop rules, as in the seed's loop: before each update the loss ``z`` is compared with the
previous one, and once ``|z_prev - z| < tol`` the run stops *after* that update (``tol`` 0
turns the rule off; the first comparison is against 0, as the seed's ``pre_z = 0.0``). A run
diverges when its point, f or the gradient stops being finite, a coordinate leaves
``DIVERGENCE_BOUND`` or a component of the gradient leaves ``GRADIENT_BOUND``; it keeps its
last finite point. (Past that gradient its square, which the adaptive methods accumulate,
overflows: the run would stall where it is with a state of inf and, its f no longer changing,
be called converged.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..functions import TestFunction
from ..optimizers import OptimizerSpec, get_optimizer
from ..params import Param
from ..schedules import ScheduleConfig
from . import dispatch
from .dispatch import CONVERGED, DIVERGED, MAX_STEPS, Cancelled

__all__ = ["CONVERGED", "DIVERGED", "MAX_STEPS", "Cancelled", "OptimizerConfig", "RunResult",
           "StochasticConfig", "check_starts", "estimate_bytes", "run"]

STATUS_NAMES = {MAX_STEPS: "max steps", CONVERGED: "converged", DIVERGED: "diverged"}

DIVERGENCE_BOUND = 1e10
# A gradient component beyond this ends a run: squares of gradients stay below 1e300, and a sum
# of MAX_STEPS_PARAM.high of them (Adagrad's) stays finite.
GRADIENT_BOUND = 1e150
MEMORY_LIMIT_BYTES = 4 * 2**30
NOISE_WITHOUT_TERMS = 1.0  # gradient-noise scale for stochastic runs on functions without terms

BATCH_SIZE = Param("batch_size", 1, 1, 1000, integer=True,
                   help="terms per mini-batch (clipped to the function's number of terms)")
NOISE = Param("noise", 0.0, 0.0, 1e6, help="standard deviation of Gaussian noise added to g")
# Settings of a whole batch; the panel, the command line and the session loader all check these.
MAX_STEPS_PARAM = Param("max_steps", 1000, 0, 10_000_000, integer=True,
                        help="the most updates a run makes")
TOL_PARAM = Param("tol", 0.0, 0.0, 1e6, log=True,
                  help="stop a run once |f(previous) - f| < tol (the seed's rule); 0 = off")
SEED_PARAM = Param("seed", 0, 0, 2**32 - 1, integer=True, help="random seed of stochastic runs")


@dataclass(frozen=True)
class StochasticConfig:
    """Mini-batch gradients of the function's terms, scaled to be unbiased, plus noise.

    Functions that are not sums of terms get Gaussian noise only; when ``noise`` is 0 they get
    ``NOISE_WITHOUT_TERMS``.
    """

    batch_size: int = 1
    noise: float = 0.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "batch_size", int(BATCH_SIZE.check(self.batch_size)))
        object.__setattr__(self, "noise", NOISE.check(self.noise))


@dataclass(frozen=True)
class OptimizerConfig:
    """An optimizer with its hyperparameters, schedule and gradient noise.

    ``hparams`` are checked against the registry on construction (ValueError names a bad one);
    missing ones take the registry's defaults. ``stochastic`` None means the optimizer's own
    default (on for ``sgd`` only).
    """

    name: str
    hparams: Mapping[str, object] = field(default_factory=dict)
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig)
    stochastic: StochasticConfig | None = None

    def __post_init__(self) -> None:
        spec = get_optimizer(self.name)
        object.__setattr__(self, "name", spec.name)
        object.__setattr__(self, "hparams", spec.check(self.hparams))

    @property
    def spec(self) -> OptimizerSpec:
        return get_optimizer(self.name)

    @property
    def noise(self) -> StochasticConfig | None:
        if self.stochastic is None and self.spec.stochastic:
            return StochasticConfig()
        return self.stochastic

    @property
    def n_variants(self) -> int:
        sizes = {len(v) for v in self.hparams.values() if isinstance(v, np.ndarray)}
        if len(sizes) > 1:
            raise ValueError(f"hyperparameter arrays of {self.name} differ in length: {sizes}")
        return sizes.pop() if sizes else 1

    def label(self) -> str:
        """``adam(lr=0.05)``: the name, lr and the hyperparameters that differ from defaults."""
        defaults = self.spec.defaults
        parts = [f"{k}={v:g}" for k, v in self.hparams.items()
                 if not isinstance(v, np.ndarray) and (k == "lr" or v != defaults[k])]
        if not self.schedule.is_constant:
            parts.append(self.schedule.describe())
        if self.noise is not None:
            parts.append(f"batch={self.noise.batch_size}" + (
                f", noise={self.noise.noise:g}" if self.noise.noise else ""))
        return f"{self.name}({', '.join(parts)})" if parts else self.name


@dataclass
class RunResult:
    """What :func:`run` returns: plain arrays, one row per run.

    Attributes
    ----------
    config_index, variant_index, start_index : ndarray, shape (N,)
        Which configuration, hyperparameter variant and start point each run is.
    status : ndarray of int8, shape (N,)
        ``MAX_STEPS``, ``CONVERGED`` or ``DIVERGED``.
    stop_step : ndarray of int, shape (N,)
        Index of the run's last valid point. A converged run stopped at that step; a diverged
        run blew up at ``stop_step + 1``, or at its start (``bad_start``); points after it
        repeat the last one.
    final_xy : ndarray, shape (N, 2); final_loss : ndarray, shape (N,)
    paths : ndarray, shape (N, T+1, 2), or None when not recorded; step 0 is the start.
    loss : ndarray, shape (N, T+1); grads : ndarray, shape (N, T+1, 2)
        f and its exact gradient at every point.
    lr : ndarray, shape (N, T+1)
        The learning rate of the update made from each step.
    moment, effective_lr : ndarray, shape (N, T+1, 2), or None
        Recorded on request, at index ``t`` for the update from point ``t - 1`` to ``t`` (0
        and NaN at index 0): the velocity / first moment after that update, and the per-axis
        effective learning rate of adaptive methods, defined by that update's step
        (``paths[:, t] - paths[:, t-1]`` is minus the rate times the gradient or moment it
        scales; the table in :class:`~beale_gui.core.optimizers.OptimizerSpec`). NaN where
        an optimizer has no moment or rate.
    """

    function: TestFunction
    configs: tuple[OptimizerConfig, ...]
    starts: np.ndarray
    max_steps: int
    tol: float
    seed: int | None
    config_index: np.ndarray
    variant_index: np.ndarray
    start_index: np.ndarray
    status: np.ndarray
    stop_step: np.ndarray
    final_xy: np.ndarray
    final_loss: np.ndarray
    paths: np.ndarray | None = None
    loss: np.ndarray | None = None
    grads: np.ndarray | None = None
    lr: np.ndarray | None = None
    moment: np.ndarray | None = None
    effective_lr: np.ndarray | None = None
    bad_start: np.ndarray | None = None     # (N,) bool: diverged at the start, never stepped

    @property
    def n_runs(self) -> int:
        return len(self.status)

    @property
    def n_steps(self) -> int:
        """T: the number of steps recorded (the longest run's)."""
        return 0 if self.paths is None else self.paths.shape[1] - 1

    @property
    def event_step(self) -> np.ndarray:
        """The step each run's status refers to: where it converged, blew up (0 for a start
        that was not finite or inside the bound) or stopped."""
        blew_up = self.status == DIVERGED
        if self.bad_start is not None:
            blew_up = blew_up & ~self.bad_start
        return self.stop_step + blew_up

    def describe(self, i: int) -> str:
        """``converged at step 516``, ``diverged at step 12`` or ``stopped at max steps``."""
        if self.status[i] == MAX_STEPS:
            return f"stopped at max steps ({self.stop_step[i]})"
        return f"{STATUS_NAMES[int(self.status[i])]} at step {self.event_step[i]}"

    def hparams_of(self, i: int) -> dict[str, float]:
        """The scalar hyperparameters of run ``i``."""
        config = self.configs[self.config_index[i]]
        v = self.variant_index[i]
        return {k: float(val[v]) if isinstance(val, np.ndarray) else float(val)
                for k, val in config.hparams.items()}


@dataclass
class _Group:
    """One configuration's rows of the batch and everything its update needs."""

    spec: OptimizerSpec
    rows: slice
    hp: dict
    lr0: object
    schedule: Callable
    constant_schedule: bool
    noise: StochasticConfig | None


def _expand(value, n_variants: int, n_starts: int):
    """A scalar stays a float; an array of variants becomes (V * S, 1), variant-major."""
    if isinstance(value, np.ndarray):
        return np.repeat(value, n_starts)[:, None]
    return value


def check_starts(starts) -> np.ndarray:
    """Start points as an (S, 2) float array; ValueError when malformed or not finite."""
    try:
        arr = np.asarray(starts, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError("start points must be pairs of numbers") from None
    if arr.ndim == 1 and arr.shape == (2,):
        arr = arr[None, :]
    if arr.ndim != 2 or arr.shape[1] != 2 or len(arr) == 0:
        raise ValueError(f"start points must have shape (S, 2), got {arr.shape}")
    if not np.isfinite(arr).all():
        raise ValueError("start points must be finite")
    return arr


def estimate_bytes(n_runs: int, max_steps: int, record: bool, record_state: bool) -> int:
    """Memory the recorded arrays of a run would take."""
    per_point = (2 + 1 + 2 + 1 + (4 if record_state else 0)) * 8 if record else 0
    return n_runs * ((max_steps + 1) * per_point + 12 * 8)


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
        Seeds the generator of stochastic gradients, so a run replays exactly.
    record : bool
        Keep every step (paths, loss, gradients, lr); False keeps only the final state, for
        searches and basin maps.
    record_state : bool
        Also keep the moment and effective learning rate of every step (mechanics arrows).
    cancel : callable, optional
        Polled between chunks of steps; when it returns True, :class:`Cancelled` is raised.
    progress : callable, optional
        ``progress(steps_done, max_steps)``, at most every ``progress_interval`` seconds.
    """
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
        groups.append(_Group(config.spec, slice(row, row + n), hp, hp.get("lr", 1.0),
                             config.schedule.build(), config.schedule.is_constant,
                             config.noise))
        config_index.append(np.full(n, c))
        variant_index.append(np.repeat(np.arange(n_var), n_starts))
        start_index.append(np.tile(np.arange(n_starts), n_var))
        row += n
    n_runs = row
    need = estimate_bytes(n_runs, max_steps, record, record_state)
    if need > MEMORY_LIMIT_BYTES:
        raise ValueError(
            f"{n_runs} runs x {max_steps} steps would need {need / 2**30:.1f} GiB; the limit is "
            f"{MEMORY_LIMIT_BYTES / 2**30:.0f} GiB: lower max steps or the number of runs")

    start_index = np.concatenate(start_index)
    job = dispatch.Job(function, groups, starts[start_index], max_steps, tol,
                       np.random.default_rng(seed), record, record_state, cancel, progress,
                       progress_interval, DIVERGENCE_BOUND, GRADIENT_BOUND,
                       NOISE_WITHOUT_TERMS)
    with np.errstate(all="ignore"):
        out = job.execute()
    result = RunResult(function, configs, starts, max_steps, tol, seed,
                       np.concatenate(config_index), np.concatenate(variant_index),
                       start_index, status=out.status, stop_step=out.stop,
                       final_xy=out.final_xy, final_loss=out.final_loss, paths=out.paths,
                       loss=out.loss, grads=out.grads, moment=out.moment,
                       effective_lr=out.eff, bad_start=out.bad_start)
    if record:
        steps = np.arange(result.n_steps + 1, dtype=np.float64)
        result.lr = np.empty((n_runs, len(steps)))
        for g in groups:
            result.lr[g.rows] = g.schedule(steps[None, :], g.lr0)
    return result
