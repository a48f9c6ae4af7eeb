"""Experiments and sessions as versioned, validated JSON.

An :class:`Experiment` is everything needed to replay runs exactly: the function (built-in by
name, or a typed expression), the optimizer configurations, the start points, max steps,
tolerance and seed. A session adds what the window shows (the view, colours, which optimizers
are enabled); the data export embeds the experiment, so its JSON opens as a session.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np

from .engine import (
    MAX_STEPS_PARAM,
    SEED_PARAM,
    TOL_PARAM,
    OptimizerConfig,
    RunResult,
    StochasticConfig,
    check_starts,
    run,
)
from .functions import TestFunction, get_function
from .schedules import ScheduleConfig

FORMAT = "beale-gui-session"
VERSION = 1


class SessionError(ValueError):
    """A session file or dictionary that cannot be used; the message names the problem."""


@dataclass
class Experiment:
    """Function, optimizers and start points: one replayable batch of runs."""

    function: TestFunction
    optimizers: list[OptimizerConfig]
    starts: np.ndarray
    max_steps: int = 1000
    tol: float = 0.0
    seed: int = 0
    expression: str | None = None
    extra: dict = field(default_factory=dict)

    def run(self, **kwargs) -> RunResult:
        return run(self.function, self.optimizers, self.starts, max_steps=self.max_steps,
                   tol=self.tol, seed=self.seed, **kwargs)

    def to_dict(self) -> dict:
        fn = self.function
        if self.expression is not None:
            function = {"expression": self.expression,
                        "bounds": [list(b) for b in fn.bounds],
                        "minima": np.asarray(fn.minima).tolist()}
        else:
            function = {"name": fn.name}
        return {
            "format": FORMAT,
            "version": VERSION,
            "function": function,
            "optimizers": [optimizer_to_dict(c) for c in self.optimizers],
            "starts": np.asarray(self.starts).tolist(),
            "max_steps": int(self.max_steps),
            "tol": float(self.tol),
            "seed": int(self.seed),
            **self.extra,
        }


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


def optimizer_from_dict(d: dict, where: str) -> OptimizerConfig:
    _expect(d, dict, where)
    try:
        schedule = d.get("schedule") or {}
        _expect(schedule, dict, f"{where}.schedule")
        stochastic = d.get("stochastic")
        if stochastic is not None:
            _expect(stochastic, dict, f"{where}.stochastic")
            stochastic = StochasticConfig(**stochastic)
        hparams = d.get("hparams") or {}
        _expect(hparams, dict, f"{where}.hparams")
        return OptimizerConfig(
            str(d["name"]), hparams,
            ScheduleConfig(str(schedule.get("name", "constant")), schedule.get("params") or {}),
            stochastic)
    except KeyError as exc:
        raise SessionError(f"{where}: missing {exc}") from None
    except (TypeError, ValueError) as exc:
        raise SessionError(f"{where}: {exc}") from None


def _expect(value, kind, where: str) -> None:
    if not isinstance(value, kind):
        raise SessionError(f"{where}: expected {kind.__name__}, got {type(value).__name__}")


def function_from_dict(d: dict) -> tuple[TestFunction, str | None]:
    """A built-in function by name, or a typed expression with its bounds and minima."""
    _expect(d, dict, "function")
    try:
        if "expression" in d:
            from .expression import parse_expression

            text = d["expression"]
            _expect(text, str, "function.expression")
            return parse_expression(text, bounds=d.get("bounds"), minima=d.get("minima")), text
        return get_function(str(d["name"])), None
    except KeyError as exc:
        raise SessionError(f"function: missing {exc}") from None
    except (TypeError, ValueError) as exc:
        raise SessionError(f"function: {exc}") from None


def experiment_from_dict(d: dict) -> Experiment:
    """Validate a dictionary and build the experiment; SessionError names what is wrong."""
    _expect(d, dict, "session")
    if d.get("format") != FORMAT:
        raise SessionError(f"not a Beale GUI session (format {d.get('format')!r})")
    version = d.get("version")
    if not isinstance(version, int) or version < 1:
        raise SessionError(f"version: expected a positive whole number, got {version!r}")
    if version > VERSION:
        raise SessionError(f"version {version} is newer than this program reads ({VERSION})")
    function, expression = function_from_dict(d.get("function"))
    opts = d.get("optimizers")
    _expect(opts, list, "optimizers")
    optimizers = [optimizer_from_dict(o, f"optimizers[{i}]") for i, o in enumerate(opts)]
    try:
        starts = check_starts(d.get("starts"))
    except ValueError as exc:
        raise SessionError(f"starts: {exc}") from None
    max_steps, tol, seed = (_setting(d, p) for p in (MAX_STEPS_PARAM, TOL_PARAM, SEED_PARAM))
    known = {"format", "version", "function", "optimizers", "starts", "max_steps", "tol", "seed",
             "runs"}  # "runs": the arrays a data export adds; they are recomputed
    extra = {k: v for k, v in d.items() if k not in known}
    return Experiment(function, optimizers, starts, int(max_steps), tol, int(seed), expression,
                      extra)


def _setting(d: dict, param) -> float:
    value = d.get(param.name, param.default)
    message = param.problem(value)
    if message:
        raise SessionError(f"{param.name}: {message}")
    return float(value)


def load_experiment(path) -> Experiment:
    """Read a session or data-export JSON file; SessionError says why it cannot be used."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise SessionError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SessionError(f"{path} is not valid JSON ({exc})") from None
    return experiment_from_dict(data)
