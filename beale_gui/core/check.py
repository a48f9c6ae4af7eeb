"""An optimizer checked against a reference: both run from the same starts on several surfaces.

A user's optimizer (a torch class by its import path, a plug-in) and a reference (a built-in, or
another torch class) are run with the engine, each with its own hyperparameters (defaults
differ), from the same start points on each surface. Per surface, the runs are compared first
by what the engine concluded, each start's status and the step it stopped at, then by their
paths up to that step (every point, both coordinates, to ``rtol`` and ``atol`` as
:func:`numpy.isclose` judges). The verdict is "agree" when the statuses, the stop steps and the
paths all agree. No Qt here: the command line prints :func:`describe`'s lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .engine import STATUS_NAMES, OptimizerConfig, RunResult, run

DEFAULT_FUNCTIONS = ("beale", "rosenbrock", "himmelblau")
# inside every default surface's view: the seed's start and three more around it
DEFAULT_STARTS = ((0.7, 1.4), (-1.5, 2.0), (1.5, -0.5), (-0.5, -0.8))
DEFAULT_MAX_STEPS = 500
RTOL, ATOL = 1e-9, 1e-12


@dataclass(frozen=True)
class StartCheck:
    """One start's comparison: each side's status and stop step, the largest difference of
    their points up to the earlier stop, and the first step where the points part (None when
    they never do)."""

    start: tuple[float, float]
    status: tuple[int, int]
    stop: tuple[int, int]
    largest: float
    parts_at: int | None

    @property
    def same_end(self) -> bool:
        return self.status[0] == self.status[1] and self.stop[0] == self.stop[1]

    @property
    def agree(self) -> bool:
        return self.same_end and self.parts_at is None


@dataclass(frozen=True)
class SurfaceCheck:
    """Every start's comparison on one surface."""

    function: str
    starts: list[StartCheck] = field(default_factory=list)

    @property
    def agree(self) -> bool:
        return all(s.agree for s in self.starts)

    @property
    def largest(self) -> float:
        return max((s.largest for s in self.starts), default=0.0)

    @property
    def parts_at(self) -> int | None:
        steps = [s.parts_at for s in self.starts if s.parts_at is not None]
        return min(steps) if steps else None

    @property
    def verdict(self) -> str:
        return "agree" if self.agree else "disagree"


def compare_runs(a: RunResult, b: RunResult, function: str, rtol: float = RTOL,
                 atol: float = ATOL) -> SurfaceCheck:
    """The comparison of runs ``a`` (the candidate) and ``b`` (the reference), one
    configuration each from the same starts, recorded."""
    checks = []
    for i, start in enumerate(a.starts):
        stop = (int(a.stop_step[i]), int(b.stop_step[i]))
        k = min(stop)
        pa, pb = a.paths[i, :k + 1], b.paths[i, :k + 1]
        with np.errstate(invalid="ignore"):
            diff = np.abs(pa - pb)
            close = np.isclose(pa, pb, rtol=rtol, atol=atol).all(axis=1)
        parted = np.flatnonzero(~close)
        finite = diff[np.isfinite(diff)]
        checks.append(StartCheck((float(start[0]), float(start[1])),
                                 (int(a.status[i]), int(b.status[i])), stop,
                                 float(finite.max()) if finite.size else 0.0,
                                 int(parted[0]) if parted.size else None))
    return SurfaceCheck(function, checks)


def check_optimizer(candidate: OptimizerConfig, reference: OptimizerConfig,
                    functions: Sequence = DEFAULT_FUNCTIONS, starts=DEFAULT_STARTS,
                    max_steps: int = DEFAULT_MAX_STEPS, tol: float = 0.0,
                    rtol: float = RTOL, atol: float = ATOL) -> list[SurfaceCheck]:
    """``candidate`` against ``reference`` on each of ``functions`` (names or
    :class:`TestFunction` objects) from ``starts`` (S, 2), ``max_steps`` steps with the
    engine's stop tolerance ``tol``: one :class:`SurfaceCheck` per function."""
    from .functions import get_function

    starts = np.asarray(starts, dtype=np.float64).reshape(-1, 2)
    checks = []
    for f in functions:
        fn = get_function(f) if isinstance(f, str) else f
        a = run(fn, candidate, starts, max_steps=max_steps, tol=tol)
        b = run(fn, reference, starts, max_steps=max_steps, tol=tol)
        checks.append(compare_runs(a, b, fn.name, rtol, atol))
    return checks


def _status(check: StartCheck, side: int) -> str:
    name = STATUS_NAMES[check.status[side]]
    return f"{name} at step {check.stop[side]}"


def describe(check: SurfaceCheck, rtol: float = RTOL, atol: float = ATOL) -> list[str]:
    """The lines the command prints for one surface: the verdict first, then each start whose
    status or stop step differs."""
    n = len(check.starts)
    ends = sum(s.same_end for s in check.starts)
    parts = ("the paths never part" if check.parts_at is None
             else f"the paths first part at step {check.parts_at}")
    lines = [f"{check.function}: {check.verdict} — status and stop step the same for {ends} of "
             f"{n} starts; largest difference {check.largest:.3g}; {parts} (rtol {rtol:g}, "
             f"atol {atol:g})"]
    for s in check.starts:
        if not s.same_end:
            lines.append(f"  start ({s.start[0]:g}, {s.start[1]:g}): {_status(s, 0)}, the "
                         f"reference {_status(s, 1)}")
        elif s.parts_at is not None:
            lines.append(f"  start ({s.start[0]:g}, {s.start[1]:g}): parts at step "
                         f"{s.parts_at}, largest difference {s.largest:.3g}")
    return lines
