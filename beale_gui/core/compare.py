"""A fair comparison of optimizers: the same tuning budget for each, judged on other starts.

The protocol (:class:`Protocol`), as COCO/BBOB and Moré and Wild's data profiles judge
optimizers:

1. Start points are drawn from the function's view with the protocol's seed, uniformly or as a
   randomly shifted 2-D Sobol sequence; the first ``tuning_starts`` tune, the next
   ``evaluation_starts`` judge, so nothing is judged on a start it was tuned on.
2. Each optimizer tries the same number of configurations (``budget``) by the same method
   (a grid or random points in unit coordinates, the same points for every optimizer) over
   its tuned hyperparameters: the learning rate always, over ``lr / 100 .. lr * 100`` on a log
   scale around its own value unless a range is given, and any other given with a range.
   Every configuration runs from every tuning start in one engine batch (``record=False``).
3. A run succeeds when its final f is within ``tol`` of f*, the global minimum's value. The
   configuration with the highest success rate wins; ties go to the lowest median number of
   steps to first reach that target among the successes, then to the lowest median final gap.
4. The winner's values, rounded to 4 significant digits, run from every evaluation start
   (deterministic runs once, stochastic ones ``seeds_per_start`` times). Each run ends
   ``global`` (final f within tol of f*), ``local`` (nearest a listed local minimum, within
   tol of its value), ``diverged`` or ``not_converged``, and for each target of a ladder
   (1e-1 .. 1e-8 above f*) the first step it reached it is kept: the runtime profile is the
   fraction of (run, target) pairs reached by each step.

The engine's |delta f| stop rule is off (runs take every step), so that a run from the
command line (``python main.py run --tol 0 --max-steps T``) with the tuned values from one of
the evaluation starts ends where the comparison says. JSON and CSV are in :mod:`.compare_io`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from .compare_protocol import (
    DEFAULT_TARGETS,
    DESIGNS,
    DIVERGED_RUN,
    GLOBAL,
    LOCAL,
    LR_SPAN,
    MAX_BUDGET,
    MAX_SEEDS_PER_START,
    MAX_STARTS,
    METHODS,
    NOT_CONVERGED,
    OUTCOMES,
    PROFILE_POINTS,
    RECORD_CHUNK_BYTES,
    SIGNIFICANT,
    Protocol,
    default_lr_axis,
    round_significant,
    sobol_points,
)
from .engine import DIVERGED, OptimizerConfig, estimate_bytes, run
from .functions import TestFunction
from .search import Axis, configurations

__all__ = ["DEFAULT_TARGETS", "DESIGNS", "LR_SPAN", "MAX_BUDGET", "MAX_SEEDS_PER_START",
           "MAX_STARTS", "METHODS", "OUTCOMES", "SIGNIFICANT", "Comparison",
           "OptimizerOutcome", "Protocol", "classify", "default_lr_axis", "first_hits",
           "round_significant", "run_comparison", "run_count", "sobol_points"]


@dataclass
class OptimizerOutcome:
    """One optimizer's tuning and evaluation.

    Attributes
    ----------
    base : OptimizerConfig
        As the protocol gives it (fixed values); ``config`` is it with the tuned values.
    axes : tuple of Axis
        The ranges tuned over.
    tried : ndarray, shape (C, D)
        Every configuration tried; ``tuning_success`` (C,) the fraction of its tuning runs
        that succeeded; ``best`` the one chosen.
    tuned : dict
        The chosen values, to 4 significant digits (what the evaluation ran).
    start_index : ndarray of int, shape (R,)
        Each evaluation run's start (several runs per start for a stochastic optimizer).
    outcome : ndarray of int8, shape (R,)
        An index into :data:`OUTCOMES`.
    final_loss : ndarray, shape (R,); final_xy : ndarray, shape (R, 2)
    first_hit : ndarray of int, shape (R, K)
        The first step each run came within each target of f* (-1: never).
    to_tol : ndarray of int, shape (R,)
        The first step within ``tol`` of f* (-1: never).
    evals_to_tol : ndarray of int, shape (R,), or None
        Function evaluations by then, for an optimizer whose line search makes several a step.
    seconds : float
        Tuning and evaluation time (not part of what a rerun reproduces).
    """

    base: OptimizerConfig
    axes: tuple[Axis, ...]
    tried: np.ndarray
    tuning_success: np.ndarray
    best: int
    tuned: dict[str, float]
    start_index: np.ndarray
    outcome: np.ndarray
    final_loss: np.ndarray
    final_xy: np.ndarray
    first_hit: np.ndarray
    to_tol: np.ndarray
    evals_to_tol: np.ndarray | None = None
    seconds: float = 0.0

    @property
    def name(self) -> str:
        return self.base.name

    @property
    def config(self) -> OptimizerConfig:
        """The tuned configuration (4 significant digits), as evaluated."""
        return replace(self.base, hparams={**self.base.hparams, **self.tuned})

    def at_range_end(self) -> dict[str, float]:
        """The tuned values that are the lowest or highest tried along their axis, ``{name:
        value}``: nothing beyond them was tried, so a wider range may do better."""
        ends = {}
        for d, axis in enumerate(self.axes):
            column = self.tried[:, d]
            if len(np.unique(column)) > 1 and column[self.best] in (column.min(), column.max()):
                ends[axis.name] = self.tuned[axis.name]
        return ends

    def success(self) -> dict[str, float]:
        """Fractions of the evaluation runs by outcome, ``{"global": .., "local": ..,
        "diverged": .., "not_converged": ..}``."""
        counts = np.bincount(self.outcome, minlength=len(OUTCOMES))
        return {k: float(counts[i] / len(self.outcome)) for i, k in enumerate(OUTCOMES)}

    def steps_to_target(self) -> tuple[float, float, float] | None:
        """Median, first and third quartile of the steps to within tol of f* among the runs
        that ended there; None when none did."""
        return _quartiles(self.to_tol[self.outcome == GLOBAL])

    def evaluations_to_target(self) -> tuple[float, float, float] | None:
        """As :meth:`steps_to_target`, in function evaluations (None for an optimizer that
        makes one a step)."""
        if self.evals_to_tol is None:
            return None
        return _quartiles(self.evals_to_tol[self.outcome == GLOBAL])

    def profile(self, steps: np.ndarray) -> np.ndarray:
        """The fraction of (run, target) pairs reached by each of ``steps``, (S,)."""
        hits = self.first_hit[self.first_hit >= 0]
        return np.searchsorted(np.sort(hits), steps, side="right") / self.first_hit.size

    def start_outcomes(self, n_starts: int) -> np.ndarray:
        """Each evaluation start's outcome, (n_starts,): its runs' most common one (the first
        listed among equals), as the outcome maps colour it."""
        counts = np.zeros((n_starts, len(OUTCOMES)), dtype=np.int64)
        np.add.at(counts, (self.start_index, self.outcome), 1)
        return np.argmax(counts, axis=1).astype(np.int8)


def _quartiles(values: np.ndarray) -> tuple[float, float, float] | None:
    if not len(values):
        return None
    q1, median, q3 = np.percentile(values, [25, 50, 75])
    return float(median), float(q1), float(q3)


@dataclass
class Comparison:
    """What :func:`run_comparison` returns: the protocol, its starts and each optimizer's
    :class:`OptimizerOutcome`, in the protocol's order."""

    protocol: Protocol
    tuning_starts: np.ndarray
    evaluation_starts: np.ndarray
    outcomes: list[OptimizerOutcome] = field(default_factory=list)

    @property
    def profile_steps(self) -> np.ndarray:
        """The steps of the runtime profile: 1 to max steps, log-spaced, whole."""
        return np.unique(np.round(np.geomspace(1, self.protocol.max_steps, PROFILE_POINTS))
                         ).astype(np.int64)


def run_comparison(protocol: Protocol, *, cancel: Callable[[], bool] | None = None,
                   progress: Callable[[float], None] | None = None,
                   on_outcome: Callable[[int, OptimizerOutcome], None] | None = None
                   ) -> Comparison:
    """Tune, then judge, every optimizer of ``protocol``.

    ``cancel`` is polled by the engine (:class:`~beale_gui.core.engine.Cancelled` is raised);
    ``progress(fraction)`` reports overall progress; ``on_outcome(i, outcome)`` hands over each
    optimizer's outcome as soon as it is known, so a cancelled comparison loses none of them.
    """
    tuning_xy, evaluation_xy = protocol.starts()
    comparison = Comparison(protocol, tuning_xy, evaluation_xy)
    unit = protocol.unit_points()
    work = [len(unit) * len(tuning_xy) * protocol.replicates(c)
            + len(evaluation_xy) * protocol.replicates(c) for c in protocol.optimizers]
    total, done = float(sum(work)), 0.0
    for i, base in enumerate(protocol.optimizers):
        report = None
        if progress is not None:
            def report(share, _done=done, _work=work[i]):  # noqa: B008
                progress((_done + _work * min(share, 1.0)) / total)
        began = time.perf_counter()
        outcome = _compare_one(protocol, base, unit, tuning_xy, evaluation_xy, cancel, report)
        outcome.seconds = time.perf_counter() - began
        comparison.outcomes.append(outcome)
        done += work[i]
        if on_outcome is not None:
            on_outcome(i, outcome)
    if progress is not None:
        progress(1.0)
    return comparison


def _compare_one(protocol: Protocol, base: OptimizerConfig, unit: np.ndarray,
                 tuning_xy: np.ndarray, evaluation_xy: np.ndarray, cancel, report
                 ) -> OptimizerOutcome:
    """Tune ``base`` on the tuning starts, then run its tuned values from the evaluation
    starts; ``report(share)`` with the share of this optimizer's work done."""
    fn, f_star, tol, reps = protocol.function, protocol.f_star, protocol.tol, \
        protocol.replicates(base)
    axes = protocol.axes_for(base)
    values, batch = configurations(base, axes, unit)
    tune_starts = np.repeat(tuning_xy, reps, axis=0)
    n_tune = len(unit) * len(tune_starts)
    share_tune = n_tune / (n_tune + len(evaluation_xy) * reps)
    steps = protocol.max_steps

    def tune_progress(done, total):
        if report is not None:
            report(share_tune * done / max(total, 1))

    result = run(fn, batch, tune_starts, max_steps=steps, tol=0.0, seed=protocol.seed,
                 record=False, cancel=cancel, progress=tune_progress)
    gap = (result.final_loss - f_star).reshape(len(unit), -1)
    ok = (gap <= tol) & (result.status != DIVERGED).reshape(len(unit), -1)
    rate = ok.mean(axis=1)
    best = _pick(protocol, base, axes, values, rate, gap, tune_starts, cancel)
    tuned = {a.name: round_significant(float(values[best, d])) for d, a in enumerate(axes)}

    config = replace(base, hparams={**base.hparams, **tuned})
    starts = np.repeat(evaluation_xy, reps, axis=0)

    def evaluation_progress(share):
        if report is not None:
            report(share_tune + (1 - share_tune) * share)

    record = _recorded(protocol, config, starts, cancel, evaluation_progress)
    return OptimizerOutcome(base, axes, values, rate, best, tuned,
                            np.repeat(np.arange(len(evaluation_xy)), reps), *record)


def _pick(protocol: Protocol, base: OptimizerConfig, axes, values: np.ndarray,
          rate: np.ndarray, gap: np.ndarray, starts: np.ndarray, cancel) -> int:
    """The configuration with the highest success rate; among equals, the lowest median
    steps to target of the successes (those runs again, recorded), then the lowest median
    final gap, then the first."""
    with np.errstate(invalid="ignore"):
        median_gap = np.nanmedian(np.where(np.isfinite(gap), gap, np.inf), axis=1)
    tied = np.flatnonzero(rate == rate.max())
    if len(tied) == 1:
        return int(tied[0])
    median_steps = np.full(len(rate), np.inf)
    if rate.max() > 0:
        hparams = dict(base.hparams)
        for d, a in enumerate(axes):
            hparams[a.name] = values[tied, d]
        config = replace(base, hparams=hparams)
        first = _recorded(protocol, config, starts, cancel)[4].reshape(len(tied), -1)
        with np.errstate(invalid="ignore"):
            median_steps[tied] = [np.median(row[row >= 0]) if (row >= 0).any() else np.inf
                                  for row in first]
    order = np.lexsort((np.arange(len(rate)), median_gap, median_steps, -rate))
    return int(order[0])


def _recorded(protocol: Protocol, config: OptimizerConfig, starts: np.ndarray, cancel,
              report: Callable[[float], None] | None = None):
    """``config`` run from every one of ``starts`` with every step recorded, in chunks of at
    most ``RECORD_CHUNK_BYTES``, reduced at once to what the comparison keeps: (outcome,
    final_loss, final_xy, first_hit, to_tol, evals_to_tol)."""
    fn, f_star, tol, steps = protocol.function, protocol.f_star, protocol.tol, \
        protocol.max_steps
    variants = config.n_variants
    per_run = estimate_bytes(1, steps, True, False) + (steps + 1) * 8
    rows = max(1, RECORD_CHUNK_BYTES // (per_run * variants))
    ladder = np.array([*protocol.targets, tol])
    parts, order = [], []
    for lo in range(0, len(starts), rows):
        chunk = starts[lo: lo + rows]

        def chunk_progress(done, total, _lo=lo, _n=len(chunk)):  # noqa: B008
            if report is not None:
                report((_lo + _n * done / max(total, 1)) / len(starts))

        result = run(fn, config, chunk, max_steps=steps, tol=0.0, seed=protocol.seed,
                     record=True, cancel=cancel, progress=chunk_progress)
        # variant-major over all of ``starts``, whatever the chunks
        order.append(result.variant_index * len(starts) + lo + result.start_index)
        hits = first_hits(result.loss - f_star, ladder)
        evals = None
        if config.spec.probe is not None:
            counts = np.array([result.evals_of(i) for i in range(result.n_runs)])
            evals = np.where(hits[:, -1] >= 0,
                             np.take_along_axis(counts, np.maximum(hits[:, -1:], 0), 1)[:, 0],
                             -1)
        parts.append((classify(fn, result.status, result.final_loss, result.final_xy, tol),
                      result.final_loss, result.final_xy, hits[:, :-1], hits[:, -1], evals))
        del result
    if report is not None:
        report(1.0)
    rank = np.argsort(np.concatenate(order), kind="stable")
    joined = [np.concatenate([p[k] for p in parts])[rank] for k in range(5)]
    evals = None if parts[0][5] is None else np.concatenate([p[5] for p in parts])[rank]
    return (*joined, evals)


def first_hits(gap: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """The first step at which each row of ``gap`` (N, T+1) is at most each target (K,),
    (N, K) int; -1 where it never is."""
    out = np.empty((len(gap), len(targets)), dtype=np.int64)
    for k, target in enumerate(targets):
        reached = gap <= target
        out[:, k] = np.where(reached.any(axis=1), np.argmax(reached, axis=1), -1)
    return out


def classify(fn: TestFunction, status: np.ndarray, final_loss: np.ndarray,
             final_xy: np.ndarray, tol: float) -> np.ndarray:
    """Each run's outcome (an index into :data:`OUTCOMES`), (N,) int8: diverged; global (f
    within ``tol`` of f*); local (nearest a listed local minimum and within ``tol`` of its
    value); else not converged."""
    values = fn.minimum_values
    f_star = float(values.min())
    index, _ = fn.nearest_minimum(final_xy)
    near_local = ~fn.global_mask[index] & (np.abs(final_loss - values[index]) <= tol)
    out = np.full(len(status), NOT_CONVERGED, dtype=np.int8)
    out[near_local] = LOCAL
    out[final_loss - f_star <= tol] = GLOBAL
    out[status == DIVERGED] = DIVERGED_RUN
    return out


def run_count(protocol: Protocol) -> list[tuple[int, int]]:
    """Runs each optimizer makes (tuning, evaluation), for a caller that shows the work."""
    n = len(protocol.unit_points())
    return [(n * protocol.tuning_starts * protocol.replicates(c),
             protocol.evaluation_starts * protocol.replicates(c)) for c in protocol.optimizers]
