"""Hyperparameter search as one engine batch per round: grid, random, coarse-to-fine.

The seed's last sections: choose a range for each hyperparameter, choose a linear or log scale,
then sample uniformly in that scale. Every configuration of a round, from every start point, is
one :func:`engine.run` call (hyperparameters may be arrays), so a search costs about as much as
one long batch.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .engine import CONVERGED, DIVERGED, MEMORY_LIMIT_BYTES, OptimizerConfig, check_starts, run
from .functions import TestFunction
from .i18n import QT_TRANSLATE_NOOP, translate
from .params import parse_number

METHODS = ("grid", "random", "coarse-to-fine")
OBJECTIVES = ("final-loss", "steps", "distance")
# shown as translate("Search", OBJECTIVE_LABELS[objective]) (the CSV and the command line:
# English)
OBJECTIVE_LABELS = {"final-loss": QT_TRANSLATE_NOOP("Search", "final loss f"),
                    "steps": QT_TRANSLATE_NOOP("Search", "steps to the tolerance"),
                    "distance": QT_TRANSLATE_NOOP("Search", "distance to the nearest minimum")}
OBJECTIVE_TITLES = {"final-loss": QT_TRANSLATE_NOOP("Search", "final loss"),
                    "steps": QT_TRANSLATE_NOOP("Search", "steps to the tolerance"),
                    "distance": QT_TRANSLATE_NOOP("Search", "distance to the nearest minimum")}
METHOD_TITLES = {"grid": QT_TRANSLATE_NOOP("Search", "grid"),
                 "random": QT_TRANSLATE_NOOP("Search", "random"),
                 "coarse-to-fine": QT_TRANSLATE_NOOP("Search", "coarse-to-fine")}
# the words of SearchResult.status, shown as translate("Search", word)
_OUTCOME_WORDS = (QT_TRANSLATE_NOOP("Search", "converged"), QT_TRANSLATE_NOOP("Search", "diverged"),
                  QT_TRANSLATE_NOOP("Search", "max steps"))
SCALES = ("linear", "log")
MAX_BUDGET = 1_000_000
MAX_AXES = 4
MAX_ROUNDS = 20
MAX_RANDOM_STARTS = 1000
# Memory one run of a search round takes while it runs (its state, hyperparameters and
# outcome; Adam's is the largest): a round of more runs than MEMORY_LIMIT_BYTES allows is
# refused before anything is computed.
BYTES_PER_RUN = 512
MAX_RUNS_PER_ROUND = MEMORY_LIMIT_BYTES // BYTES_PER_RUN


@dataclass(frozen=True)
class Axis:
    """One searched hyperparameter: its range and the scale sampled uniformly."""

    name: str
    low: float
    high: float
    scale: str = "linear"

    def check(self, config: OptimizerConfig) -> None:
        """ValueError naming the problem: unknown name, empty range, log of <= 0, out of range."""
        params = {p.name: p for p in config.spec.params}
        if self.name not in params:
            raise ValueError(translate("Search", "'{0}' is not a hyperparameter of {1} (it "
                                       "takes: {2})").format(self.name, config.name,
                                                             ", ".join(params)))
        if self.scale not in SCALES:
            raise ValueError(translate("Search", "scale of {0} must be linear or log, not '{1}'")
                             .format(self.name, self.scale))
        if not (math.isfinite(self.low) and math.isfinite(self.high) and self.low < self.high):
            raise ValueError(translate("Search", "range of {0} must have low < high, got "
                                       "{1:g}:{2:g}").format(self.name, self.low, self.high))
        if self.scale == "log" and self.low <= 0:
            raise ValueError(translate("Search", "a log scale needs {0} > 0, got low {1:g}")
                             .format(self.name, self.low))
        for end in (self.low, self.high):
            message = params[self.name].problem(end)
            if message:
                raise ValueError(message)

    def _log_span(self) -> float:
        """log(high / low); as log(high) - log(low) where the quotient overflows (a low end
        among the smallest floats, lr from 1e-320), which would make every value inf."""
        quotient = self.high / self.low
        if math.isfinite(quotient):
            return math.log(quotient)
        return math.log(self.high) - math.log(self.low)

    def to_unit(self, values: np.ndarray) -> np.ndarray:
        """Positions in [0, 1] along the axis in its scale."""
        if self.scale == "log":
            return (np.log(values) - math.log(self.low)) / self._log_span()
        return (values - self.low) / (self.high - self.low)

    def from_unit(self, u: np.ndarray) -> np.ndarray:
        if self.scale == "log":
            values = np.exp(math.log(self.low) + u * self._log_span())
        else:
            values = self.low + u * (self.high - self.low)
        # the ends exactly, not exp(log(low)) one ulp off
        return np.where(u <= 0.0, self.low, np.where(u >= 1.0, self.high, values))


@dataclass
class SearchResult:
    """Every configuration tried, with its objective (lower is better; inf = diverged)."""

    axes: tuple[Axis, ...]
    objective: str
    points: np.ndarray          # (C, D) hyperparameter values
    scores: np.ndarray          # (C,)
    rounds: np.ndarray          # (C,) 0-based round of each configuration
    converged: np.ndarray       # (C,) runs that converged, out of n_starts
    diverged: np.ndarray        # (C,)
    n_starts: int
    boxes: list = field(default_factory=list)   # per round: (D, 2) box in unit coordinates

    @property
    def best(self) -> int:
        return int(np.argmin(np.where(np.isnan(self.scores), np.inf, self.scores)))

    def hparams(self, i: int) -> dict[str, float]:
        return {a.name: float(self.points[i, d]) for d, a in enumerate(self.axes)}

    def status(self, i: int) -> str:
        """``converged``, ``diverged``, ``max steps``, or counts such as ``2 converged,
        1 diverged`` when the start points disagree."""
        present = self.outcomes(i)
        if len(present) == 1:
            return next(iter(present))
        return ", ".join(f"{v} {k}" for k, v in present.items())

    def outcomes(self, i: int) -> dict[str, int]:
        """How many start points of configuration ``i`` converged, diverged or ran out of
        steps (``max steps``), only those that did: ``{"converged": 2, "diverged": 1}``."""
        counts = {"converged": int(self.converged[i]), "diverged": int(self.diverged[i])}
        counts["max steps"] = self.n_starts - counts["converged"] - counts["diverged"]
        return {k: v for k, v in counts.items() if v}

    def order(self) -> np.ndarray:
        """Indices from best to worst."""
        return np.argsort(np.where(np.isnan(self.scores), np.inf, self.scores), kind="stable")


def grid_shape(flags: Sequence[bool], budget: int) -> list[int]:
    """Points per axis of a full grid of at most ``budget`` points: ``floor(budget ** (1/D))``
    on each of the D axes; where some axes are 0/1 switches (``flags``, a bool per axis) and
    the budget holds both values of each, 2 on those (0 and 1, never a value twice) and
    ``floor((budget / 2**k) ** (1/(D-k)))`` on the others."""
    d, k = len(flags), sum(bool(f) for f in flags)
    if not k or budget < 2 ** k:
        return [max(int(math.floor(budget ** (1.0 / d) + 1e-9)), 1)] * d
    rest = budget // 2 ** k
    per = max(int(math.floor(rest ** (1.0 / (d - k)) + 1e-9)), 1) if d > k else 1
    return [2 if f else per for f in flags]


def grid_points(axes: Sequence[Axis], budget: int,
                flags: Sequence[bool] | None = None) -> np.ndarray:
    """A full grid (:func:`grid_shape`: ``flags`` marks the axes that are 0/1 switches) in
    unit coordinates."""
    shape = grid_shape(flags if flags is not None else [False] * len(axes), budget)
    ticks = [np.linspace(0.0, 1.0, n) if n > 1 else np.array([0.5]) for n in shape]
    mesh = np.meshgrid(*ticks, indexing="ij")
    return np.stack([m.ravel() for m in mesh], axis=-1)


def score_runs(result, objective: str) -> np.ndarray:
    """Per-run objective: lower is better, a diverged run is inf."""
    if objective == "final-loss":
        score = result.final_loss.copy()
    elif objective == "steps":
        # a run that never meets the tolerance scores worse than any that does
        score = np.where(result.status == CONVERGED, result.stop_step,
                         result.max_steps + 1).astype(np.float64)
    elif objective == "distance":
        _, score = result.function.nearest_minimum(result.final_xy)
    else:
        raise ValueError(f"unknown objective '{objective}'; choose from {', '.join(OBJECTIVES)}")
    score[result.status == DIVERGED] = np.inf
    return score


def configurations(base: OptimizerConfig, axes: Sequence[Axis],
                   unit_points: np.ndarray) -> tuple[np.ndarray, OptimizerConfig]:
    """The hyperparameter values at ``unit_points`` (C, D) along ``axes``, (C, D), whole
    numbers rounded, and ``base`` with them as arrays of C variants (one batch holds them)."""
    values = np.column_stack([a.from_unit(unit_points[:, d]) for d, a in enumerate(axes)])
    whole = {p.name for p in base.spec.params if p.integer}    # a flag such as centered
    for d, a in enumerate(axes):
        if a.name in whole:
            values[:, d] = np.round(values[:, d])
    hparams = dict(base.hparams)
    for d, a in enumerate(axes):
        hparams[a.name] = values[:, d]
    return values, OptimizerConfig(base.name, hparams, base.schedule, base.stochastic)


def evaluate(function: TestFunction, base: OptimizerConfig, axes: Sequence[Axis],
             unit_points: np.ndarray, starts: np.ndarray, *, objective: str, max_steps: int,
             tol: float, seed: int, cancel=None, progress=None):
    """One engine batch: every configuration from every start. Returns values, scores and
    per-configuration counts of converged and diverged runs."""
    values, config = configurations(base, axes, unit_points)
    result = run(function, config, starts, max_steps=max_steps, tol=tol, seed=seed, record=False,
                 cancel=cancel, progress=progress)
    n_starts = len(starts)
    per_run = score_runs(result, objective).reshape(-1, n_starts)
    with np.errstate(invalid="ignore"):
        scores = per_run.mean(axis=1)
    converged = (result.status == CONVERGED).reshape(-1, n_starts).sum(axis=1)
    diverged = (result.status == DIVERGED).reshape(-1, n_starts).sum(axis=1)
    return values, scores, converged, diverged


def random_starts(function: TestFunction, k: int, seed: int) -> np.ndarray:
    """``k`` start points uniform in the function's view, seeded."""
    (x0, x1), (y0, y1) = function.bounds
    return np.random.default_rng(seed).uniform([x0, y0], [x1, y1], size=(k, 2))


def round_sizes(method: str, budget: int, rounds: int, n_axes: int) -> list[int]:
    """The configurations each round of a search evaluates (one engine batch each)."""
    n_rounds = rounds if method == "coarse-to-fine" else 1
    sizes = [budget // n_rounds + (1 if r < budget % n_rounds else 0) for r in range(n_rounds)]
    if method == "grid":
        return [max(int(math.floor(n ** (1.0 / n_axes) + 1e-9)), 1) ** n_axes for n in sizes]
    return sizes


def check_work(method: str, budget: int, rounds: int, n_axes: int, n_starts: int) -> None:
    """ValueError when a round of the search would run more configurations x start points at
    once than memory allows (``MAX_RUNS_PER_ROUND``)."""
    largest = max(round_sizes(method, budget, rounds, n_axes))
    runs = largest * n_starts
    if runs > MAX_RUNS_PER_ROUND:
        most = max(MAX_RUNS_PER_ROUND // max(n_starts, 1), 1)
        raise ValueError(translate(
            "Search", "{0:,} configurations x {1:,} start points is {2:,} runs at once, about "
            "{3:.1f} GiB; the limit is {4:.0f} GiB ({5:,} runs): lower the budget (at most "
            "{6:,} configurations a round from {1:,} start points) or the start points").format(
                largest, n_starts, runs, runs * BYTES_PER_RUN / 2**30,
                MEMORY_LIMIT_BYTES / 2**30, MAX_RUNS_PER_ROUND, most))


def search(
    function: TestFunction,
    base: OptimizerConfig,
    axes: Sequence[Axis],
    *,
    method: str = "grid",
    budget: int = 400,
    objective: str = "final-loss",
    starts=((0.7, 1.4),),
    max_steps: int = 500,
    tol: float = 0.0,
    seed: int = 0,
    rounds: int = 3,
    keep: float = 0.2,
    shrink: float = 0.5,
    cancel: Callable[[], bool] | None = None,
    progress: Callable[[float], None] | None = None,
) -> SearchResult:
    """Search ``axes`` of ``base``'s hyperparameters; the others stay at ``base``'s values.

    ``budget`` is the number of configurations in all; coarse-to-fine spreads it over
    ``rounds``, keeping the best ``keep`` fraction of each round and shrinking the box around
    them by ``shrink`` per round. ``progress(fraction)`` reports overall progress.
    """
    axes = tuple(axes)
    if not 1 <= len(axes) <= MAX_AXES:
        raise ValueError(translate("Search", "search one to {0} hyperparameters").format(
            MAX_AXES))
    if len({a.name for a in axes}) != len(axes):
        raise ValueError(translate("Search", "each hyperparameter may be searched once"))
    for a in axes:
        a.check(base)
    if method not in METHODS:
        raise ValueError(f"unknown method '{method}'; choose from {', '.join(METHODS)}")
    if objective not in OBJECTIVES:
        raise ValueError(f"unknown objective '{objective}'; choose from {', '.join(OBJECTIVES)}")
    if isinstance(budget, bool) or not isinstance(budget, int) or not 1 <= budget <= MAX_BUDGET:
        raise ValueError(translate("Search", "budget must be a whole number in [1, {0}]")
                         .format(MAX_BUDGET))
    if not (isinstance(rounds, int) and 1 <= rounds <= MAX_ROUNDS):
        raise ValueError(translate("Search", "rounds must be a whole number in [1, {0}]")
                         .format(MAX_ROUNDS))
    if not (0 < keep <= 1):
        raise ValueError(translate("Search", "keep must be a fraction in (0, 1]"))
    if not (0 < shrink <= 1):
        raise ValueError(translate("Search", "shrink must be a fraction in (0, 1]"))
    starts = check_starts(starts)
    check_work(method, budget, rounds, len(axes), len(starts))
    rng = np.random.default_rng(seed)
    n_rounds = rounds if method == "coarse-to-fine" else 1
    per_round = [budget // n_rounds + (1 if r < budget % n_rounds else 0) for r in range(n_rounds)]
    dim = len(axes)
    switches = {p.name for p in base.spec.params if p.flag}
    flags = [a.name in switches for a in axes]
    box = np.tile([0.0, 1.0], (dim, 1))
    chunks, boxes = [], []
    done = 0

    for r in range(n_rounds):
        boxes.append(box.copy())
        if method == "grid":
            unit = grid_points(axes, per_round[r], flags)
        else:
            unit = box[:, 0] + rng.random((per_round[r], dim)) * (box[:, 1] - box[:, 0])

        report = None
        if progress is not None:
            def report(steps, total, _done=done, _n=len(unit)):  # noqa: B008
                progress((_done + _n * steps / max(total, 1)) / budget)

        values, scores, conv, div = evaluate(
            function, base, axes, unit, starts, objective=objective, max_steps=max_steps,
            tol=tol, seed=seed, cancel=cancel, progress=report)
        chunks.append((unit, values, scores, conv, div, np.full(len(unit), r)))
        done += len(unit)
        if r + 1 < n_rounds:
            box = _shrunk_box(np.concatenate([c[0] for c in chunks]),
                              np.concatenate([c[2] for c in chunks]), box, keep, shrink)
    if progress is not None:
        progress(1.0)
    cat = [np.concatenate([c[i] for c in chunks]) for i in range(6)]
    return SearchResult(axes, objective, cat[1], cat[2], cat[5], cat[3], cat[4], len(starts),
                        boxes)


def _shrunk_box(unit, scores, box, keep, shrink):
    """The box for the next round: around the best ``keep`` fraction, ``shrink`` times as wide,
    centred on the best point and kept inside [0, 1]."""
    finite = np.where(np.isfinite(scores), scores, np.inf)
    order = np.argsort(finite, kind="stable")
    kept = unit[order[: max(1, int(math.ceil(keep * len(order))))]]
    width = (box[:, 1] - box[:, 0]) * shrink
    span = kept.max(axis=0) - kept.min(axis=0)
    width = np.minimum(np.maximum(span, width * 0.25), width)
    centre = unit[order[0]]
    lo = np.clip(centre - width / 2, 0.0, 1.0 - width)
    return np.column_stack([lo, lo + width])


def parse_axis(text: str) -> Axis:
    """``lr=1e-4:1e-1:log`` or ``momentum=0.5:0.99`` -> Axis (ValueError on bad text)."""
    name, eq, rest = text.partition("=")
    parts = rest.split(":")
    if not eq or not name.strip() or len(parts) not in (2, 3):
        raise ValueError(f"expected NAME=LOW:HIGH[:log|linear], got '{text}'")
    try:
        low, high = (parse_number(p, f"{name.strip()} {end}")
                     for p, end in zip(parts[:2], ("low", "high"), strict=True))
    except ValueError as exc:
        raise ValueError(f"'{text}': LOW and HIGH must be numbers ({exc})") from None
    scale = parts[2].strip().lower() if len(parts) == 3 else "linear"
    if scale not in SCALES:
        raise ValueError(f"'{text}': scale must be linear or log")
    return Axis(name.strip(), low, high, scale)


def csv_text(result: SearchResult) -> str:
    """One row per configuration: a column per searched hyperparameter (named as it), then
    ``objective``, ``status`` and ``round``."""
    lines = [",".join([*(a.name for a in result.axes), "objective", "status", "round"])]
    for i in range(len(result.scores)):
        values = [repr(float(v)) for v in result.points[i]]
        lines.append(",".join([*values, repr(float(result.scores[i])),
                               f'"{result.status(i)}"', str(int(result.rounds[i]))]))
    return "\n".join(lines) + "\n"


# -- words for the window and the command line -----------------------------------------------

def search_title(optimizer: str, function: str, objective: str, method: str) -> str:
    """``Momentum on Beale: final loss, grid``."""
    objective = OBJECTIVE_TITLES.get(objective, objective)
    return translate("Search", "{0} on {1}: {2}, {3}").format(
        optimizer, function, translate("Search", objective),
        translate("Search", METHOD_TITLES.get(method, method)))


def describe(result: SearchResult, i: int) -> str:
    """``lr = 0.00316, momentum = 0.93: final loss f = 1.2e-05 (converged)``."""
    values = ", ".join(f"{a.name} = {result.points[i, d]:.4g}" for d, a in enumerate(result.axes))
    score = float(result.scores[i])
    text = translate("Search", "diverged") if not np.isfinite(score) else f"{score:.4g}"
    label = translate("Search", OBJECTIVE_LABELS.get(result.objective, result.objective))
    status = result.status(i)
    if status == "diverged" and not np.isfinite(score):
        return translate("Search", "{0}: {1} = {2}").format(values, label, text)
    return translate("Search", "{0}: {1} = {2} ({3})").format(values, label, text,
                                                             _shown_status(result, i))


def _shown_status(result: SearchResult, i: int) -> str:
    """:meth:`SearchResult.status` in the interface language (the CSV keeps the English)."""
    present = result.outcomes(i)
    if len(present) == 1:
        return translate("Search", next(iter(present)))
    templates = {"converged": translate("Search", "{0} converged"),
                 "diverged": translate("Search", "{0} diverged"),
                 "max steps": translate("Search", "{0} max steps")}
    return ", ".join(templates[k].format(v) for k, v in present.items())
