"""Plain data passed between the panel, the task runner and the views."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from ..core import engine
from ..core.engine import RunResult
from ..core.functions import TestFunction, get_function
from ..document.document import OptimizerEntry, default_entries


@dataclass
class PanelState:
    """Everything the parameter panel holds; the worker turns it into runs."""

    function: TestFunction
    entries: list[OptimizerEntry]
    max_steps: int = 1000
    tol: float = 0.0
    seed: int = 0
    expression: str | None = None

    @property
    def enabled(self) -> list[OptimizerEntry]:
        return [e for e in self.entries if e.enabled]


def default_state() -> PanelState:
    return PanelState(get_function("beale"), default_entries(), max_steps=1000, tol=1e-9)


@dataclass
class RunRequest:
    """What the runs' task computes: the panel's enabled optimizers from every start point.

    Calling it (on the task runner's thread) runs the engine, recording every step and the
    optimizers' state, and returns a :class:`RunOutcome`.
    """

    state: PanelState
    starts: np.ndarray
    entries: list[OptimizerEntry] = field(default_factory=list)

    def __call__(self, cancel: Callable[[], bool],
                 progress: Callable[[int, int], None]) -> RunOutcome:
        state = self.state
        entries = self.entries or state.enabled
        result = engine.run(
            state.function, [e.config for e in entries], self.starts,
            max_steps=state.max_steps, tol=state.tol, seed=state.seed,
            record=True, record_state=True, cancel=cancel, progress=progress)
        return RunOutcome(self, result)


@dataclass
class RunOutcome:
    """The answer to a :class:`RunRequest`."""

    request: RunRequest
    result: RunResult
