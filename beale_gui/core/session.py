"""Experiments and sessions: what is saved, as versioned JSON, and the values it may hold.

An :class:`Experiment` is everything needed to replay runs exactly: the function (built-in by
name, or a typed expression), the optimizer configurations, the start points, max steps,
tolerance and seed, plus how they were shown (the view and each optimizer's colour). A
:class:`Session` is what the window holds: an experiment whose optimizers may be switched off,
with a title and description (presets have them). The data export embeds the experiment, so its
JSON opens as a session. A session using a plug-in optimizer stores its file's path and sha256
(``"plugins"``); loading it runs that file only when the user allows it, and never a changed
one. :mod:`.session_load` reads them back, strictly.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
from dataclasses import dataclass, field

import numpy as np

from .engine import DIVERGENCE_BOUND, OptimizerConfig, RunResult, run
from .fileio import write_text_atomic
from .functions import TestFunction
from .i18n import translate
from .models import ModelFunction
from .optimizers import plugins

FORMAT = "beale-gui-session"
VERSION = 1
MIN_VIEW_SPAN = 1e-9

Extent = tuple[tuple[float, float], tuple[float, float]]


class SessionError(ValueError):
    """A session file or dictionary that cannot be used; the message names the problem."""


class PluginRefused(SessionError):
    """A session whose plug-in file was not loaded by the user: its code is not run
    unasked. ``name`` and ``path`` say which."""

    def __init__(self, message: str, name: str, path: str) -> None:
        super().__init__(message)
        self.name, self.path = name, path


def plugins_of(configs) -> dict[str, dict[str, str]]:
    """``{name: {"path", "sha256"}}`` of the plug-in files ``configs`` use
    (:mod:`beale_gui.core.optimizers.plugins`): what a session stores to load them again."""
    used = {}
    for config in configs:
        source = plugins.source_of(config.name)
        if source is not None:
            used[config.name] = {"path": source[0], "sha256": source[1]}
    return used


@dataclass
class Experiment:
    """Function, optimizers and start points: one replayable batch of runs.

    ``view`` ((x0, x1), (y0, y1)) and ``colours`` (one ``#rrggbb`` or None per optimizer) say
    how the runs were shown; they do not change the runs.
    """

    function: TestFunction
    optimizers: list[OptimizerConfig]
    starts: np.ndarray
    max_steps: int = 1000
    tol: float = 0.0
    seed: int = 0
    expression: str | None = None
    extra: dict = field(default_factory=dict)
    view: Extent | None = None
    colours: list[str | None] | None = None

    def run(self, **kwargs) -> RunResult:
        """The engine's run of the experiment; a recorded one keeps the state of an optimizer
        whose drawn point is not its gradient's (Schedule-Free), so figures draw the average
        as the window does (``RunResult.shown``)."""
        if kwargs.get("record", True) and "record_state" not in kwargs:
            kwargs["record_state"] = any(c.spec.shown_point is not None for c in self.optimizers)
        return run(self.function, self.optimizers, self.starts, max_steps=self.max_steps,
                   tol=self.tol, seed=self.seed, **kwargs)

    def colour_of(self, i: int) -> str | None:
        """Optimizer ``i``'s saved colour, or None."""
        return self.colours[i] if self.colours and i < len(self.colours) else None

    def to_dict(self) -> dict:
        function = function_to_dict(self.function, self.expression)
        optimizers = []
        for i, config in enumerate(self.optimizers):
            d = optimizer_to_dict(config)
            if self.colour_of(i):
                d["colour"] = self.colour_of(i)
            optimizers.append(d)
        d = {
            "format": FORMAT,
            "version": VERSION,
            "function": function,
            "optimizers": optimizers,
            "starts": np.asarray(self.starts).tolist(),
            "max_steps": int(self.max_steps),
            "tol": float(self.tol),
            "seed": int(self.seed),
            **self.extra,
        }
        if self.view is not None:
            d["view"] = [list(self.view[0]), list(self.view[1])]
        used = plugins_of(self.optimizers)
        if used:
            d["plugins"] = used
        return d


@dataclass
class Session:
    """What the window holds: every optimizer (enabled or not), the view and colours.

    Attributes
    ----------
    experiment : Experiment
        All optimizers, switched off ones included.
    enabled : list of bool
        One per optimizer.
    title, description : str
        Shown for presets; empty for the user's own sessions.
    """

    experiment: Experiment
    enabled: list[bool] = field(default_factory=list)
    title: str = ""
    description: str = ""

    def __post_init__(self) -> None:
        if not self.enabled:
            self.enabled = [True] * len(self.experiment.optimizers)
        if len(self.enabled) != len(self.experiment.optimizers):
            raise SessionError(translate("Session", "enabled: one flag per optimizer expected"))

    def runnable(self) -> Experiment:
        """The experiment of the enabled optimizers only (what the window runs)."""
        exp = self.experiment
        keep = [i for i, on in enumerate(self.enabled) if on]
        colours = [exp.colour_of(i) for i in keep] if exp.colours else None
        extra = dict(exp.extra)
        for key in ("title", "description"):
            if getattr(self, key):
                extra[key] = getattr(self, key)
        return dataclasses.replace(exp, optimizers=[exp.optimizers[i] for i in keep],
                                   colours=colours, extra=extra)

    def to_dict(self) -> dict:
        d = self.experiment.to_dict()
        for entry, on in zip(d["optimizers"], self.enabled, strict=True):
            entry["enabled"] = bool(on)
        for key in ("title", "description"):
            if getattr(self, key):
                d[key] = getattr(self, key)
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=1, allow_nan=False)


# -- writing ---------------------------------------------------------------------------------

def function_to_dict(function: TestFunction, expression: str | None) -> dict:
    """``{"name": "beale"}``, a typed ``expression`` with its bounds and minima, or a model on
    data: ``{"model": "linear", "data": {"dataset": ..., "n": ..., "seed": ..., "noise": ...}}``
    (``"data": {"csv": path, "sha256": ...}`` for a file)."""
    if isinstance(function, ModelFunction):
        return function.to_dict()
    if expression is None:
        return {"name": function.name}
    return {"expression": expression, "bounds": [list(b) for b in function.bounds],
            "minima": np.asarray(function.minima).tolist()}


def optimizer_to_dict(config: OptimizerConfig) -> dict:
    return {
        "name": config.name,
        "hparams": {k: (v.tolist() if isinstance(v, np.ndarray) else v)
                    for k, v in config.hparams.items()},
        "schedule": {"name": config.schedule.name, "params": dict(config.schedule.params)},
        "stochastic": (None if config.stochastic is None else
                       {"batch_size": config.stochastic.batch_size,
                        "noise": config.stochastic.noise}),
    }


def save_session(session: Session, path: str | os.PathLike) -> None:
    """Write ``session`` atomically; OSError (naming the path and why) keeps the old file."""
    text = session.to_json()   # serialise first: a bad value fails before the file is touched
    write_text_atomic(path, text + "\n")


# -- the values a session may hold ------------------------------------------------------------

def bound_text() -> str:
    """The divergence bound as typed, for messages: ``1e10``."""
    return f"{DIVERGENCE_BOUND:.0e}".replace("e+", "e")


def point_problem(point) -> str | None:
    """Why (x, y) cannot be a typed function's known minimum, or None: it must lie within the
    divergence bound (beyond it every run has diverged, so nothing can reach it)."""
    if max(abs(float(v)) for v in point) > DIVERGENCE_BOUND:
        return translate("Session", "({0:g}, {1:g}) is beyond \u00b1{2}, where every run has "
                         "diverged").format(float(point[0]), float(point[1]), bound_text())
    return None


def bounds_problem(bounds) -> str | None:
    """Why ((x min, x max), (y min, y max)) cannot be a typed function's view, or None. Each
    end must be finite and within the divergence bound (beyond it every run has diverged at
    its start), and each span at least ``MIN_VIEW_SPAN`` (a narrower one cannot be shown)."""
    for axis, (low, high) in zip("xy", bounds, strict=True):
        problem = span_problem(axis, low, high)
        if problem:
            return problem
    return None


def span_problem(axis: str, low: float, high: float) -> str | None:
    """Why ``low`` to ``high`` cannot be the ``axis`` ("x" or "y") range of a typed function's
    view, or None (see :func:`bounds_problem`)."""
    low, high = float(low), float(high)
    if not (math.isfinite(low) and math.isfinite(high)):
        return translate("Session", "{0} min and max must be finite numbers").format(axis)
    if max(abs(low), abs(high)) > DIVERGENCE_BOUND:
        return translate("Session", "{0} min and max must be within \u00b1{1}, beyond which "
                         "every run has diverged").format(axis, bound_text())
    if low >= high:
        return translate("Session", "{0} max must be greater than {0} min").format(axis)
    if high - low < MIN_VIEW_SPAN:
        return translate("Session", "{0} max - {0} min must be at least {1:g}").format(
            axis, MIN_VIEW_SPAN)
    return None


def usable_view(extent) -> Extent | None:
    """``extent`` ((x0, x1), (y0, y1)) as floats when it is finite and not degenerate (each
    span at least ``MIN_VIEW_SPAN``), else None. Writers store only views this accepts."""
    try:
        (x0, x1), (y0, y1) = ((float(a), float(b)) for a, b in extent)
    except (TypeError, ValueError):
        return None
    spans = (x1 - x0, y1 - y0)
    if not all(math.isfinite(v) for v in (x0, x1, y0, y1, *spans)):
        return None
    if min(spans) < MIN_VIEW_SPAN:
        return None
    return (x0, x1), (y0, y1)
