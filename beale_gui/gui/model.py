"""Plain data passed between the panel, the task runner and the views."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from ..core import engine
from ..core.engine import OptimizerConfig, RunResult
from ..core.functions import TestFunction, get_function

# Okabe-Ito: distinguishable with every common colour-vision deficiency.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
           "#000000")

SEED_START = (0.7, 1.4)


@dataclass
class OptimizerEntry:
    """One row of the parameter panel: an optimizer, its colour, and whether it runs."""

    config: OptimizerConfig
    colour: str
    enabled: bool = True


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


def default_entries() -> list[OptimizerEntry]:
    """The seed's optimizers with settings that show each one's character on Beale."""
    configs = [
        OptimizerConfig("gd", {"lr": 0.01}),
        OptimizerConfig("momentum", {"lr": 0.01, "momentum": 0.9}),
        OptimizerConfig("nesterov", {"lr": 0.01, "momentum": 0.9}),
        OptimizerConfig("adagrad", {"lr": 0.5}),
        OptimizerConfig("rmsprop", {"lr": 0.01}),
        OptimizerConfig("adam", {"lr": 0.05}),
    ]
    return [OptimizerEntry(c, PALETTE[i]) for i, c in enumerate(configs)]


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
