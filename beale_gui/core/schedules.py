"""Learning-rate schedules: vectorised callables of the step number.

A schedule maps the step ``t`` (0 for the first update, an int or an integer array) and the
base learning rate ``lr0`` (a float or an array of per-run rates) to the learning rate used at
that step; the two broadcast, so ``schedule(np.arange(T)[None, :], lr0[:, None])`` is a whole
``(N, T)`` table. Schedules are kept apart from optimizers, as in torch, so any optimizer can
take any schedule.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from .i18n import QT_TRANSLATE_NOOP, translate
from .params import Param, check_params

Schedule = Callable[[np.ndarray | int, np.ndarray | float], np.ndarray]


@dataclass(frozen=True)
class ScheduleSpec:
    """One kind of schedule: its parameters and how to build it."""

    name: str
    title: str
    formula: str
    params: tuple[Param, ...]
    build: Callable[..., Schedule]


def _constant() -> Schedule:
    return lambda t, lr0: np.broadcast_to(np.asarray(lr0, dtype=np.float64),
                                          np.broadcast_shapes(np.shape(t), np.shape(lr0)))


def _inverse_time(decay: float) -> Schedule:
    # The seed prints 1/(1 - decayRate*epoch): a sign slip. Inverse-time decay is this one.
    return lambda t, lr0: lr0 / (1.0 + decay * np.asarray(t, dtype=np.float64))


def _step(step_size: float, gamma: float) -> Schedule:
    size = int(step_size)
    return lambda t, lr0: lr0 * gamma ** (np.asarray(t) // size).astype(np.float64)


def _exponential(gamma: float) -> Schedule:
    return lambda t, lr0: lr0 * gamma ** np.asarray(t, dtype=np.float64)


def _cosine(period: float, min_factor: float) -> Schedule:
    def schedule(t, lr0):
        phase = np.minimum(np.asarray(t, dtype=np.float64), period) / period
        return lr0 * (min_factor + (1.0 - min_factor) * 0.5 * (1.0 + np.cos(np.pi * phase)))

    return schedule


SCHEDULES: dict[str, ScheduleSpec] = {
    spec.name: spec
    for spec in (
        ScheduleSpec("constant", QT_TRANSLATE_NOOP("Schedules", "Constant"), "lr", (),
                     _constant),
        ScheduleSpec(
            "inverse_time", QT_TRANSLATE_NOOP("Schedules", "Inverse-time decay"),
            "lr0 / (1 + decay * t)",
            (Param("decay", 0.01, 0.0, 1e6, log=True,
                   help=QT_TRANSLATE_NOOP("Params", "decay rate per step")),),
            _inverse_time,
        ),
        ScheduleSpec(
            "step", QT_TRANSLATE_NOOP("Schedules", "Step decay"),
            "lr0 * gamma ** floor(t / step_size)",
            (Param("step_size", 100, 1, 1e9, integer=True,
                   help=QT_TRANSLATE_NOOP("Params", "steps between drops")),
             Param("gamma", 0.5, 0.0, 1.0, low_open=True,
                   help=QT_TRANSLATE_NOOP("Params", "factor at each drop"))),
            _step,
        ),
        ScheduleSpec(
            "exponential", QT_TRANSLATE_NOOP("Schedules", "Exponential decay"),
            "lr0 * gamma ** t",
            (Param("gamma", 0.995, 0.0, 1.0, low_open=True,
                   help=QT_TRANSLATE_NOOP("Params", "factor per step")),),
            _exponential,
        ),
        ScheduleSpec(
            "cosine", QT_TRANSLATE_NOOP("Schedules", "Cosine annealing"),
            "lr0 * (m + (1 - m) (1 + cos(pi t / T)) / 2)",
            (Param("period", 1000, 1, 1e9, integer=True,
                   help=QT_TRANSLATE_NOOP("Params", "T: steps to the minimum rate")),
             Param("min_factor", 0.0, 0.0, 1.0,
                   help=QT_TRANSLATE_NOOP("Params", "m: the final rate as a fraction of lr0"))),
            _cosine,
        ),
    )
}


@dataclass(frozen=True)
class ScheduleConfig:
    """A schedule by name with its parameters.

    ``ScheduleConfig("inverse_time", {"decay": 0.01})``; ValueError names a bad parameter.
    """

    name: str = "constant"
    params: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        spec = get_schedule_spec(self.name)
        object.__setattr__(self, "name", spec.name)
        params = check_params(spec.params, self.params, translate("Params", "schedule"))
        object.__setattr__(self, "params", params)

    def build(self) -> Schedule:
        spec = SCHEDULES[self.name]
        return spec.build(**{p.name: float(self.params[p.name]) for p in spec.params})

    @property
    def is_constant(self) -> bool:
        return self.name == "constant"

    def describe(self) -> str:
        if self.is_constant:
            return "constant"
        args = ", ".join(f"{k}={v:g}" for k, v in self.params.items())
        return f"{self.name}({args})"


def get_schedule_spec(name: str) -> ScheduleSpec:
    key = name.strip().lower().replace("-", "_")
    if key not in SCHEDULES:
        raise ValueError(translate("Params", "unknown schedule '{0}'; choose from {1}").format(
            name, ", ".join(SCHEDULES)))
    return SCHEDULES[key]
