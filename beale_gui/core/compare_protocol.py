"""The protocol of a fair comparison (:class:`Protocol`) and the start points it draws.

:mod:`.compare` states the protocol and runs it; this module holds what the protocol is and
derives from itself (its checks, f*, the ranges, the configurations' unit points, the starts).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .engine import OptimizerConfig
from .functions import TestFunction
from .i18n import translate
from .search import MAX_RUNS_PER_ROUND, Axis, grid_points

OUTCOMES = ("global", "local", "diverged", "not_converged")
GLOBAL, LOCAL, DIVERGED_RUN, NOT_CONVERGED = range(4)
METHODS = ("grid", "random")
DESIGNS = ("uniform", "sobol")
DEFAULT_TARGETS = tuple(10.0 ** -k for k in range(1, 9))
LR_SPAN = 100.0               # the default lr range: the optimizer's lr / LR_SPAN .. * LR_SPAN
SIGNIFICANT = 4               # tuned values are rounded to this many digits, then evaluated
MAX_BUDGET = 4096
MAX_STARTS = 100_000
MAX_SEEDS_PER_START = 100
RECORD_CHUNK_BYTES = 256 * 2**20   # a recorded run of the evaluation holds at most this at once
PROFILE_POINTS = 200          # steps on the profile's log axis (fewer where steps repeat)


def round_significant(value: float, digits: int = SIGNIFICANT) -> float:
    """``value`` to ``digits`` significant digits (as ``f"{value:.4g}"`` prints it)."""
    return float(f"{value:.{digits}g}") if math.isfinite(value) and value else float(value)


@dataclass(frozen=True, eq=False)
class Protocol:
    """Everything a comparison does, stated in full (every output repeats it).

    Attributes
    ----------
    function : TestFunction
        It must list a minimum (f* is the lowest listed value).
    optimizers : tuple of OptimizerConfig
        Each with its fixed values; scalars only.
    expression : str or None
        The text a typed function was parsed from (None for a built-in).
    axes : tuple of Axis
        Ranges of the tuned hyperparameters; lr is always tuned, over :func:`default_lr_axis`
        unless an axis names it. Every optimizer must have every hyperparameter named.
    method : {"grid", "random"}; budget : int
        Configurations per optimizer, the same points (in unit coordinates) for each.
    tuning_starts, evaluation_starts : int; design : {"uniform", "sobol"}
    tol : float
        Success: a final f within ``tol`` of f*.
    max_steps : int; seed : int
    targets : tuple of float
        The ladder of the runtime profile, above f*.
    seeds_per_start : int
        Runs of a stochastic optimizer from each start (a deterministic one runs once).
    """

    function: TestFunction
    optimizers: tuple[OptimizerConfig, ...]
    expression: str | None = None
    axes: tuple[Axis, ...] = ()
    method: str = "grid"
    budget: int = 32
    tuning_starts: int = 32
    evaluation_starts: int = 256
    design: str = "sobol"
    tol: float = 1e-6
    max_steps: int = 2000
    seed: int = 0
    targets: tuple[float, ...] = DEFAULT_TARGETS
    seeds_per_start: int = 4

    def __post_init__(self) -> None:
        object.__setattr__(self, "optimizers", tuple(self.optimizers))
        object.__setattr__(self, "axes", tuple(self.axes))
        object.__setattr__(self, "targets", tuple(float(t) for t in self.targets))
        self.check()

    def __eq__(self, other) -> bool:
        """Equal when every setting is: a built-in function by name, a typed one by its text,
        view and minima, a model by its data's source (two parses of one text are different
        objects)."""
        return isinstance(other, Protocol) and self._key() == other._key()

    __hash__ = None

    def _key(self) -> tuple:
        fn = self.function
        if callable(getattr(fn, "key", None)):   # a model on data: the model and its data
            function = fn.key()
        else:
            function = (fn.name if self.expression is None else
                        (self.expression, tuple(map(tuple, fn.bounds)), fn.minima.tolist()))
        return (function, self.optimizers, self.axes, self.method, self.budget,
                self.tuning_starts, self.evaluation_starts, self.design, self.tol,
                self.max_steps, self.seed, self.targets, self.seeds_per_start)

    # -- checks ------------------------------------------------------------------------------
    def check(self) -> None:
        """ValueError with one clear sentence for anything the comparison cannot do."""
        fn = self.function
        if not len(fn.minima):
            raise ValueError(translate(
                "Compare", "{0} lists no minimum, so there is no f* to reach: compare on a "
                "function with a known global minimum (a typed function can list its "
                "minima)").format(fn.title))
        if not self.optimizers:
            raise ValueError(translate("Compare", "compare at least one optimizer"))
        names = [c.label() for c in self.optimizers]
        if len(set(names)) != len(names):
            raise ValueError(translate("Compare", "each optimizer may be compared once"))
        for config in self.optimizers:
            if config.n_variants != 1:
                raise ValueError(translate("Compare", "{0}: give one value per hyperparameter "
                                           "(the comparison tunes them)").format(config.name))
            for axis in self.axes_for(config):
                axis.check(config)
        if len({a.name for a in self.axes}) != len(self.axes):
            raise ValueError(translate("Compare", "each hyperparameter may be tuned once"))
        for name, value, choices in (("method", self.method, METHODS),
                                     ("design", self.design, DESIGNS)):
            if value not in choices:
                raise ValueError(translate("Compare", "unknown {0} '{1}'; choose from {2}")
                                 .format(name, value, ", ".join(choices)))
        for name, value, low, high in (
                ("budget", self.budget, 1, MAX_BUDGET),
                ("tuning starts", self.tuning_starts, 1, MAX_STARTS),
                ("evaluation starts", self.evaluation_starts, 1, MAX_STARTS),
                ("max steps", self.max_steps, 1, 1_000_000),
                ("seed", self.seed, 0, 2**32 - 1),
                ("seeds per start", self.seeds_per_start, 1, MAX_SEEDS_PER_START)):
            if isinstance(value, bool) or not isinstance(value, int | np.integer) \
                    or not low <= value <= high:
                raise ValueError(translate("Compare", "{0} must be a whole number in [{1}, {2}]")
                                 .format(name, low, high))
        if not (math.isfinite(self.tol) and self.tol > 0):
            raise ValueError(translate("Compare", "tol must be a number above 0 (success is a "
                                       "final f within tol of f*)"))
        if not self.targets or not all(math.isfinite(t) and t > 0 for t in self.targets):
            raise ValueError(translate("Compare", "targets must be numbers above 0"))
        runs = self.budget * self.tuning_starts * self.replicates_max
        if runs > MAX_RUNS_PER_ROUND:
            raise ValueError(translate(
                "Compare", "{0:,} configurations x {1:,} tuning starts is {2:,} runs at once; "
                "the limit is {3:,}: lower the budget or the tuning starts").format(
                    self.budget, self.tuning_starts, runs, MAX_RUNS_PER_ROUND))

    # -- what it derives ---------------------------------------------------------------------
    @property
    def f_star(self) -> float:
        """The global minimum's value: the lowest value at a listed minimum."""
        return float(self.function.minimum_values.min())

    @property
    def replicates_max(self) -> int:
        return self.seeds_per_start if any(c.noise is not None for c in self.optimizers) else 1

    def replicates(self, config: OptimizerConfig) -> int:
        """Runs of ``config`` from each start: ``seeds_per_start`` when stochastic, else 1."""
        return self.seeds_per_start if config.noise is not None else 1

    def axes_for(self, config: OptimizerConfig) -> tuple[Axis, ...]:
        """The ranges ``config`` is tuned over: lr first (given, else the default), then the
        other given axes in their order."""
        given = {a.name: a for a in self.axes}
        lr = given.pop("lr", None) or default_lr_axis(config)
        return (lr, *given.values())

    def unit_points(self) -> np.ndarray:
        """The configurations in unit coordinates, (budget, D): the same for every optimizer
        (a grid of ``search.grid_points``, or uniform points from the seed)."""
        dim = 1 + sum(a.name != "lr" for a in self.axes)
        if self.method == "grid":
            axes = self.axes_for(self.optimizers[0])
            switches = {p.name for p in self.optimizers[0].spec.params if p.flag}
            return grid_points(axes, self.budget, [a.name in switches for a in axes])
        return np.random.default_rng([self.seed, 1]).random((self.budget, dim))

    def starts(self) -> tuple[np.ndarray, np.ndarray]:
        """(tuning starts (St, 2), evaluation starts (Se, 2)): the first and the next points
        of one design over the function's view, so they are disjoint."""
        n = self.tuning_starts + self.evaluation_starts
        rng = np.random.default_rng([self.seed, 0])
        unit = sobol_points(n, rng) if self.design == "sobol" else rng.random((n, 2))
        (x0, x1), (y0, y1) = self.function.bounds
        points = np.column_stack([x0 + unit[:, 0] * (x1 - x0), y0 + unit[:, 1] * (y1 - y0)])
        return points[: self.tuning_starts], points[self.tuning_starts:]

    def describe(self) -> str:
        """The protocol in one line, for a figure's title."""
        tuned = ", ".join(a.name for a in self.axes_for(self.optimizers[0]))
        return translate(
            "Compare", "{0}: {1} tuned ({2}, {3} configurations x {4} starts), judged on {5} "
            "other starts; success: f - f* \u2264 {6:g} in {7} steps").format(
                self.function.title, tuned, self.method, self.budget, self.tuning_starts,
                self.evaluation_starts, self.tol, self.max_steps)


def default_lr_axis(config: OptimizerConfig) -> Axis:
    """A log range around ``config``'s lr: lr / LR_SPAN .. lr * LR_SPAN, inside lr's valid
    range."""
    param = next((p for p in config.spec.params if p.name == "lr"), None)
    if param is None:
        raise ValueError(translate("Compare", "{0} has no learning rate to tune").format(
            config.name))
    lr = float(config.hparams["lr"])
    low = max(lr / LR_SPAN, param.low) if param.low > 0 else lr / LR_SPAN
    return Axis("lr", low, min(lr * LR_SPAN, param.high), "log")


def sobol_points(n: int, rng: np.random.Generator, bits: int = 32) -> np.ndarray:
    """The first ``n`` points of the 2-D Sobol sequence (van der Corput in base 2, and the
    direction numbers of the polynomial x + 1), randomly digitally shifted: XOR with a
    random ``bits``-bit integer per dimension, which keeps the sequence's balance. (n, 2) in
    [0, 1)."""
    m = [1]
    for _ in range(1, bits):
        m.append(m[-1] ^ (m[-1] << 1))
    directions = np.array([[1 << (bits - 1 - k), m[k] << (bits - 1 - k)] for k in range(bits)],
                          dtype=np.uint64)
    index = np.arange(n, dtype=np.uint64)
    acc = np.zeros((n, 2), dtype=np.uint64)
    for k in range(bits):
        acc ^= ((index >> np.uint64(k)) & np.uint64(1))[:, None] * directions[k]
    acc ^= rng.integers(0, 2**bits, size=2, dtype=np.uint64)
    return (acc.astype(np.float64) + 0.5) / 2.0**bits
