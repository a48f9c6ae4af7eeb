"""What a run is asked to do: optimizer configurations, the settings of a whole batch, and
how the engine may cut it up (:class:`EngineTuning`)."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..optimizers import OptimizerSpec, get_optimizer
from ..params import Param
from ..schedules import ScheduleConfig

DIVERGENCE_BOUND = 1e10
# A gradient component beyond this ends a run: squares of gradients stay below 1e300, and a sum
# of MAX_STEPS_PARAM.high of them (Adagrad's) stays finite.
GRADIENT_BOUND = 1e150
MEMORY_LIMIT_BYTES = 4 * 2**30
NOISE_WITHOUT_TERMS = 1.0  # gradient-noise scale for stochastic runs on functions without terms
POLL_STEPS = 64            # a block on the calling thread polls cancel and progress this often;
                           # one on a worker thread looks at its stop flag every step

# a model on data may have 10**6 samples and more
BATCH_SIZE = Param("batch_size", 1, 1, 10_000_000, integer=True,
                   help=QT_TRANSLATE_NOOP("Params",
                                          "terms or samples per mini-batch (clipped to their "
                                          "number)"))
NOISE = Param("noise", 0.0, 0.0, 1e6,
              help=QT_TRANSLATE_NOOP("Params", "standard deviation of Gaussian noise added to g"))
# Settings of a whole batch; the panel, the command line and the session loader all check these.
MAX_STEPS_PARAM = Param("max_steps", 1000, 0, 10_000_000, integer=True,
                        help=QT_TRANSLATE_NOOP("Params", "the most updates a run makes"))
TOL_PARAM = Param("tol", 0.0, 0.0, 1e6, log=True,
                  help=QT_TRANSLATE_NOOP("Params",
                                         "stop a run once |f(previous) - f| < tol (the seed's "
                                         "rule); 0 = off"))
SEED_PARAM = Param("seed", 0, 0, 2**32 - 1, integer=True,
                   help=QT_TRANSLATE_NOOP("Params", "random seed of stochastic runs"))


@dataclass(frozen=True)
class StochasticConfig:
    """Mini-batch gradients of the function's terms, scaled to be unbiased, plus noise.

    Functions that are not sums of terms get Gaussian noise only; when ``noise`` is 0 they get
    ``NOISE_WITHOUT_TERMS``. On a model on data the mini-batch is of its samples, drawn
    through shuffled epochs (:class:`~.stochastic.SampleOrder`), and a noise of 0 adds none.
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
        if self.stochastic is not None and spec.probe is not None:
            raise ValueError(translate("Params", "{0} takes the exact gradient: mini-batches "
                                                 "and gradient noise are not available")
                             .format(spec.title))

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
            raise ValueError(translate("Params", "hyperparameter arrays of {0} differ in length: "
                                       "{1}").format(self.name, sizes))
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

    def title(self) -> str:
        """``Adam (lr=0.05)``: the optimizer's title and the settings :meth:`label` lists, as
        every view and figure names the configuration (``label`` is the data files' name)."""
        rest = self.label()[len(self.name):]
        return self.spec.title + (f" {rest}" if rest else "")


def check_starts(starts) -> np.ndarray:
    """Start points as an (S, 2) float array; ValueError when malformed or not finite."""
    try:
        arr = np.asarray(starts, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(translate("Params", "start points must be pairs of numbers")) from None
    if arr.ndim == 1 and arr.shape == (2,):
        arr = arr[None, :]
    if arr.ndim != 2 or arr.shape[1] != 2 or len(arr) == 0:
        raise ValueError(translate("Params", "start points must have shape (S, 2), got {0}")
                         .format(arr.shape))
    if not np.isfinite(arr).all():
        raise ValueError(translate("Params", "start points must be finite"))
    return arr


@dataclass(frozen=True)
class EngineTuning:
    """How the engine cuts a batch and which path steps it; never what it computes.

    Results are the same bit for bit whatever these are: tests pass other values to
    :func:`~beale_gui.core.engine.run` (``tuning=``) to drive small batches down every path.
    The defaults are measured (tests/benchmarks/bench.py's engine and click rows).

    Attributes
    ----------
    path : {"auto", "batch", "few_runs", "compiled"}
        ``"auto"``: a few deterministic runs in Python floats (:mod:`.few_runs`), many in
        compiled batch blocks where ``compiled_batch_*`` below say so, everything else in
        numpy blocks (:mod:`.batch`); ``"batch"``: numpy blocks always;
        ``"few_runs"``: floats always, ValueError for a batch they cannot take (stochastic
        runs, per-run hyperparameters or rates, a schedule too long to tabulate);
        ``"compiled"``: compiled code always (``compiled`` below), a large batch that records
        nothing in compiled batch blocks, which take per-run hyperparameters too.
    few_runs_max_rows, few_runs_base_rows, few_runs_rows_per_config : int
        ``"auto"`` steps a deterministic batch in floats when it has at most
        ``min(few_runs_max_rows, few_runs_base_rows + few_runs_rows_per_config *
        configurations)`` runs: a numpy block's cost per step hardly depends on its few rows,
        floats cost per run, and these are where they break even (bench.py's "click to new paths"
        row).
    parallel_min_rows : int
        A batch with fewer rows is one block on the calling thread.
    chunk_rows, serial_chunk_rows : int
        Rows per block of a larger batch, split across threads or run one after another: one
        thread is fastest with blocks that stay in its core's cache, threads with larger ones
        (each numpy call gives up and takes back the GIL); bench.py's "engine: Adam on Beale,
        100,000 runs" rows.
    workers : int
        Threads for a large batch.
    compact_fraction : int
        Converged runs leave a numpy block's working arrays once they are this fraction
        (1 / compact_fraction) of its rows.
    compiled : bool
        ``"auto"`` steps the runs of a small deterministic batch whose optimizer and function
        are compiled already (:mod:`.compiled`) by the compiled code, the rest in floats.
        ``path="compiled"`` compiles what the batch needs first and steps every run so (a
        ValueError when numba is missing or a run cannot be compiled).
    compiled_chunk_steps : int
        Steps of one compiled run between two polls of cancel and progress.
    compiled_batch_row_steps, compiled_batch_min_rows, compiled_batch_load_row_steps : int
        A large deterministic batch that records nothing is stepped by compiled batch blocks
        (:mod:`.compiled_batch`, numba installed; bench.py's engine rows) with
        ``path="compiled"``, and with ``"auto"`` where its runs share their hyperparameters
        but the rate (or, for a kernel without powers, each combination
        ``compiled_batch_min_rows`` times at least: fewer, and numpy's blocks are faster) and
        its pair is compiled, or worth loading or compiling (:func:`.compiled_batch.worth`):
        runs x steps of ``compiled_batch_load_row_steps`` (about a second of numpy's work)
        pay for starting numba in a process that has not (half a second) and loading the
        pair from the cache, those of ``compiled_batch_compile_row_steps`` (some seconds)
        for compiling it (a second or two). A block polls cancel and progress every
        ``compiled_batch_row_steps`` runs x steps.
    compiled_batch_compile_row_steps : int
        See above.
    record_block_steps : int
        Steps of record and state the float path keeps before writing them to the result.
    rate_block_steps : int
        Steps of effective learning rates computed at a time at the end.
    memory_limit_bytes : int
        A run whose recorded arrays would take more is refused (ValueError) before it starts.
    on_blocks : callable, optional
        ``on_blocks(blocks)`` with the blocks the batch was cut into, before they run; each
        has ``path`` (``"few_runs"``, ``"compiled"`` or ``"batch"``) and ``n0`` (its rows). For
        tests.
    """

    path: Literal["auto", "batch", "few_runs", "compiled"] = "auto"
    compiled: bool = False
    compiled_chunk_steps: int = 4096
    compiled_batch_row_steps: int = 1 << 22
    compiled_batch_min_rows: int = 16
    compiled_batch_load_row_steps: int = 10**8
    compiled_batch_compile_row_steps: int = 10**9
    few_runs_max_rows: int = 32
    few_runs_base_rows: int = 8
    few_runs_rows_per_config: int = 4
    parallel_min_rows: int = 8192
    chunk_rows: int = 32768
    serial_chunk_rows: int = 8192
    workers: int = os.cpu_count() or 1
    compact_fraction: int = 8
    record_block_steps: int = 4096
    rate_block_steps: int = 4096
    memory_limit_bytes: int = MEMORY_LIMIT_BYTES
    on_blocks: Callable[[list], None] | None = None

    def __post_init__(self) -> None:
        if self.path not in ("auto", "batch", "few_runs", "compiled"):
            raise ValueError("path must be 'auto', 'batch', 'few_runs' or 'compiled', not "
                             f"{self.path!r}")


@dataclass(frozen=True)
class RunSettings:
    """Everything one run of the engine is given, checked, one row per run.

    Attributes
    ----------
    starts : ndarray, shape (N, 2)
        Each run's start point.
    groups : sequence of :class:`~beale_gui.core.engine.rows.Group`
        Each configuration's rows and what its update needs.
    bound, grad_bound : float
        The bounds on the coordinates and on the gradient's components.
    no_terms_noise : float
        The gradient noise of stochastic runs on functions without terms (not models).
    samples : SampleOrder or None
        On a model on data, the samples each stochastic update takes
        (:class:`~.stochastic.SampleOrder`); None on every other function.
    """

    function: object
    groups: Sequence
    starts: np.ndarray
    max_steps: int
    tol: float
    rng: np.random.Generator
    record: bool
    record_state: bool
    cancel: Callable[[], bool] | None = None
    progress: Callable[[int, int], None] | None = None
    progress_interval: float = 0.05
    bound: float = DIVERGENCE_BOUND
    grad_bound: float = GRADIENT_BOUND
    no_terms_noise: float = NOISE_WITHOUT_TERMS
    samples: object | None = None
    tuning: EngineTuning = field(default_factory=EngineTuning)
