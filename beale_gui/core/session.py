"""Experiments and sessions as versioned, validated JSON.

An :class:`Experiment` is everything needed to replay runs exactly: the function (built-in by
name, or a typed expression), the optimizer configurations, the start points, max steps,
tolerance and seed, plus how they were shown (the view and each optimizer's colour). A
:class:`Session` is what the window holds: an experiment whose optimizers may be switched off,
with a title and description (presets have them). The data export embeds the experiment, so its
JSON opens as a session.

Loading is strict: every value is checked for its JSON type and its valid range, and a file that
is truncated, not JSON, of another format, of a newer version or holding a wrong value raises
:class:`SessionError` naming the problem (``optimizers[1].hparams.lr: expected a number, got a
string``). Nothing is built until the whole file has passed.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import re
from dataclasses import dataclass, field

import numpy as np

from .engine import (
    DIVERGENCE_BOUND,
    MAX_STEPS_PARAM,
    SEED_PARAM,
    TOL_PARAM,
    OptimizerConfig,
    RunResult,
    StochasticConfig,
    check_starts,
    run,
)
from .fileio import write_text_atomic
from .functions import TestFunction, get_function, parse_expression
from .schedules import ScheduleConfig

FORMAT = "beale-gui-session"
VERSION = 1
MAX_FILE_BYTES = 256 * 2**20   # a data export of long runs is big; anything larger is not ours
MAX_OPTIMIZERS = 64
MAX_STARTS = 1000
MAX_TEXT = 10_000              # title and description
MAX_MINIMA = 1000              # a typed function's listed minima
MAX_DEPTH = 32                 # lists and objects within each other under a key (a session: 4)
MIN_VIEW_SPAN = 1e-9
MAX_RUNS = 1_000_000           # optimizers x hyperparameter variants x starts, in one session
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")

Extent = tuple[tuple[float, float], tuple[float, float]]

# Top-level keys this module reads; "runs" holds the arrays a data export adds (recomputed).
_KNOWN = {"format", "version", "function", "optimizers", "starts", "max_steps", "tol", "seed",
          "view", "title", "description", "runs"}
_OPTIMIZER_KEYS = {"name", "hparams", "schedule", "stochastic", "colour", "enabled"}


class SessionError(ValueError):
    """A session file or dictionary that cannot be used; the message names the problem."""


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
        return run(self.function, self.optimizers, self.starts, max_steps=self.max_steps,
                   tol=self.tol, seed=self.seed, **kwargs)

    def colour_of(self, i: int) -> str | None:
        """Optimizer ``i``'s saved colour, or None."""
        return self.colours[i] if self.colours and i < len(self.colours) else None

    def to_dict(self) -> dict:
        fn = self.function
        if self.expression is not None:
            function = {"expression": self.expression,
                        "bounds": [list(b) for b in fn.bounds],
                        "minima": np.asarray(fn.minima).tolist()}
        else:
            function = {"name": fn.name}
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
            raise SessionError("enabled: one flag per optimizer expected")

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


# -- reading ---------------------------------------------------------------------------------

def _kind(value) -> str:
    """``value``'s JSON type in words, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _shown(value, width: int = 40) -> str:
    """``value`` for a message, at most about ``width`` characters: text and numbers as
    written, anything else by its kind (never the repr of a whole list, which may be huge or
    nested too deeply to print)."""
    if isinstance(value, str):
        return repr(value[:width]) + ("..." if len(value) > width else "")
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)[:width]
    return _kind(value)


def _depth(value, limit: int) -> int:
    """How deeply lists and objects nest in ``value`` (0 for a number or text), counted
    without recursion and only up to ``limit + 1``."""
    deepest, todo = 0, [(value, 0)]
    while todo:
        item, depth = todo.pop()
        if isinstance(item, dict):
            item = item.values()
        elif not isinstance(item, list):
            continue
        depth += 1
        deepest = max(deepest, depth)
        if depth > limit:
            break
        todo.extend((v, depth) for v in item if isinstance(v, (list, dict)))
    return deepest


def _expect(value, kind, where: str) -> None:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        wanted = {dict: "an object", list: "a list", str: "a string", bool: "true or false"}
        raise SessionError(f"{where}: expected {wanted.get(kind, kind.__name__)}, "
                           f"got {_kind(value)}")


def _number(value, where: str) -> float:
    """A finite JSON number (not true/false, not a string)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SessionError(f"{where}: expected a number, got {_kind(value)}")
    try:
        v = float(value)
    except OverflowError:
        v = math.inf
    if not math.isfinite(v):
        raise SessionError(f"{where}: {value!r:.40} is not a finite number")
    return v + 0.0   # -0.0 becomes 0.0: never shown or saved back as -0


def _points(value, where: str, least: int = 0, most: int | None = None) -> list[list[float]]:
    """A list of [x, y] number pairs."""
    _expect(value, list, where)
    if len(value) < least:
        raise SessionError(f"{where}: expected at least {least} point(s), got {len(value)}")
    if most is not None and len(value) > most:
        raise SessionError(f"{where}: {len(value)} points; the limit is {most}")
    out = []
    for i, p in enumerate(value):
        _expect(p, list, f"{where}[{i}]")
        if len(p) != 2:
            raise SessionError(f"{where}[{i}]: expected [x, y], got {len(p)} value(s)")
        out.append([_number(v, f"{where}[{i}]") for v in p])
    return out


def _numbers(value, where: str):
    """A number, or a non-empty list of numbers (hyperparameter variants)."""
    if isinstance(value, list):
        if not value:
            raise SessionError(f"{where}: expected a number or a non-empty list of numbers")
        return [_number(v, f"{where}[{i}]") for i, v in enumerate(value)]
    return _number(value, where)


def _number_map(value, where: str, variants: bool = False) -> dict:
    """An object of numbers (or, with ``variants``, lists of numbers)."""
    _expect(value, dict, where)
    one = _numbers if variants else _number
    return {k: one(v, f"{where}.{k}") for k, v in value.items()}


def _built(where: str, build):
    """Call ``build()``; the core's ValueError/TypeError becomes a SessionError at ``where``."""
    try:
        return build()
    except SessionError:
        raise
    except (TypeError, ValueError) as exc:
        raise SessionError(f"{where}: {exc}") from None


def optimizer_from_dict(d: dict, where: str) -> OptimizerConfig:
    """Check and build one optimizer entry (its ``colour``/``enabled`` are read elsewhere)."""
    _expect(d, dict, where)
    unknown = sorted(set(d) - _OPTIMIZER_KEYS)
    if unknown:
        raise SessionError(f"{where}: unknown key '{unknown[0]}' (an optimizer takes "
                           f"{', '.join(sorted(_OPTIMIZER_KEYS))})")
    if "name" not in d:
        raise SessionError(f"{where}: missing 'name'")
    _expect(d["name"], str, f"{where}.name")
    hparams = _number_map(d.get("hparams") or {}, f"{where}.hparams", variants=True)
    schedule = d.get("schedule") or {}
    _expect(schedule, dict, f"{where}.schedule")
    unknown = sorted(set(schedule) - {"name", "params"})
    if unknown:
        raise SessionError(f"{where}.schedule: unknown key '{unknown[0]}'")
    name = schedule.get("name", "constant")
    _expect(name, str, f"{where}.schedule.name")
    params = _number_map(schedule.get("params") or {}, f"{where}.schedule.params")
    schedule = _built(f"{where}.schedule", lambda: ScheduleConfig(name, params))
    stochastic = d.get("stochastic")
    if stochastic is not None:
        _expect(stochastic, dict, f"{where}.stochastic")
        values = _number_map(stochastic, f"{where}.stochastic")
        unknown = sorted(set(values) - {"batch_size", "noise"})
        if unknown:
            raise SessionError(f"{where}.stochastic: unknown key '{unknown[0]}' "
                               "(it takes batch_size, noise)")
        stochastic = _built(f"{where}.stochastic", lambda: StochasticConfig(**values))
    config = _built(where, lambda: OptimizerConfig(d["name"], hparams, schedule, stochastic))
    _built(f"{where}.hparams", lambda: config.n_variants)   # lists of one length
    return config


def function_from_dict(d: dict) -> tuple[TestFunction, str | None]:
    """A built-in function by name, or a typed expression with its bounds and minima."""
    _expect(d, dict, "function")
    if "expression" in d:
        text = d["expression"]
        _expect(text, str, "function.expression")
        bounds = d.get("bounds")
        if bounds is not None:
            bounds = _points(bounds, "function.bounds", 2, 2)
            problem = bounds_problem(bounds)
            if problem:
                raise SessionError(f"function.bounds: {problem}")
        minima = d.get("minima")
        if minima is not None:
            minima = _points(minima, "function.minima", 0, MAX_MINIMA)
            for i, point in enumerate(minima):
                problem = point_problem(point)
                if problem:
                    raise SessionError(f"function.minima[{i}]: {problem}")
        return _built("function", lambda: parse_expression(
            text, bounds=bounds, minima=np.asarray(minima or np.zeros((0, 2))))), text
    if "name" not in d:
        raise SessionError("function: missing 'name' (or 'expression')")
    _expect(d["name"], str, "function.name")
    return _built("function", lambda: get_function(d["name"])), None


def _bound_text() -> str:
    return f"{DIVERGENCE_BOUND:.0e}".replace("e+", "e")   # 1e10


def point_problem(point) -> str | None:
    """Why (x, y) cannot be a typed function's known minimum, or None: it must lie within the
    divergence bound (beyond it every run has diverged, so nothing can reach it)."""
    if max(abs(float(v)) for v in point) > DIVERGENCE_BOUND:
        return (f"({float(point[0]):g}, {float(point[1]):g}) is beyond \u00b1{_bound_text()}, "
                "where every run has diverged")
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
        return f"{axis} min and max must be finite numbers"
    if max(abs(low), abs(high)) > DIVERGENCE_BOUND:
        return (f"{axis} min and max must be within \u00b1{_bound_text()}, beyond which "
                "every run has diverged")
    if low >= high:
        return f"{axis} max must be greater than {axis} min"
    if high - low < MIN_VIEW_SPAN:
        return f"{axis} max - {axis} min must be at least {MIN_VIEW_SPAN:g}"
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


def _view(value) -> Extent | None:
    if value is None:
        return None
    view = usable_view(_points(value, "view", 2, 2))
    if view is None:
        raise SessionError(f"view: expected [[x min, x max], [y min, y max]] with min < max, "
                           f"got {value!r:.80}")
    return view


def _text(d: dict, key: str) -> str:
    value = d.get(key, "")
    _expect(value, str, key)
    if len(value) > MAX_TEXT:
        raise SessionError(f"{key}: {len(value)} characters; the limit is {MAX_TEXT}")
    return value


def _setting(d: dict, param) -> float:
    value = d.get(param.name, param.default)
    _number(value, param.name)
    message = param.problem(value)
    if message:
        raise SessionError(f"{param.name}: {message}")
    return float(value) + 0.0   # -0.0 becomes 0.0


def _strict_json(value) -> bool:
    """True when ``value`` can be written back (no NaN or infinity): unknown keys are kept
    only then, so whatever loads also saves."""
    try:
        json.dumps(value, allow_nan=False)
    except (ValueError, TypeError, RecursionError):
        return False
    return True


def _check_header(d) -> None:
    if not isinstance(d, dict):
        raise SessionError(f"not a Beale GUI session: the file holds {_kind(d)}, not an object")
    if d.get("format") != FORMAT:
        raise SessionError(f"not a Beale GUI session (format {_shown(d.get('format'), 60)})")
    version = d.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise SessionError(f"version: expected a positive whole number, got "
                           f"{_shown(version, 60)}")
    if version > VERSION:
        raise SessionError(f"version {version} is newer than this program reads ({VERSION}); "
                           "update Beale GUI to open it")


def _check_depth(d: dict) -> None:
    """SessionError naming the first key whose value nests deeper than ``MAX_DEPTH``; the
    ``runs`` a data export adds are not read, so not walked."""
    for key, value in d.items():
        if key != "runs" and _depth(value, MAX_DEPTH) > MAX_DEPTH:
            raise SessionError(f"{key[:40]}: nested more than {MAX_DEPTH} levels deep")


def session_from_dict(d: dict) -> Session:
    """Validate a dictionary and build the session; SessionError names what is wrong."""
    _check_header(d)
    _check_depth(d)
    function, expression = function_from_dict(d.get("function"))
    opts = d.get("optimizers")
    _expect(opts, list, "optimizers")
    if len(opts) > MAX_OPTIMIZERS:
        raise SessionError(f"optimizers: {len(opts)} of them; the limit is {MAX_OPTIMIZERS}")
    optimizers = [optimizer_from_dict(o, f"optimizers[{i}]") for i, o in enumerate(opts)]
    colours, enabled = [], []
    for i, o in enumerate(opts):
        colour = o.get("colour")
        if colour is not None:
            _expect(colour, str, f"optimizers[{i}].colour")
            if not _COLOUR.fullmatch(colour):
                raise SessionError(f"optimizers[{i}].colour: expected #rrggbb, got "
                                   f"{_shown(colour)}")
        colours.append(colour)
        on = o.get("enabled", True)
        _expect(on, bool, f"optimizers[{i}].enabled")
        enabled.append(on)
    starts = _points(d.get("starts"), "starts", 0, MAX_STARTS)   # none: the window may have none
    starts = _built("starts", lambda: check_starts(starts)) if starts else np.zeros((0, 2))
    n_runs = sum(c.n_variants for c in optimizers) * len(starts)
    if n_runs > MAX_RUNS:
        raise SessionError(f"optimizers x starts: {n_runs:,} runs (every hyperparameter "
                           f"variant from every start); the limit is {MAX_RUNS:,}")
    max_steps, tol, seed = (_setting(d, p) for p in (MAX_STEPS_PARAM, TOL_PARAM, SEED_PARAM))
    view = _view(d.get("view"))
    title, description = _text(d, "title"), _text(d, "description")
    extra = {k: v for k, v in d.items() if k not in _KNOWN and _strict_json(v)}
    experiment = Experiment(function, optimizers, starts, int(max_steps), tol, int(seed),
                            expression, extra, view,
                            colours if any(c is not None for c in colours) else None)
    return Session(experiment, enabled, title, description)


def experiment_from_dict(d: dict) -> Experiment:
    """Validate a dictionary and build the experiment of its enabled optimizers."""
    return session_from_dict(d).runnable()


def read_json(path: str | os.PathLike):
    """The JSON in ``path``; SessionError says why it cannot be read."""
    name = os.fspath(path)
    if "\0" in name:   # open() would raise ValueError: no file has such a name
        raise SessionError(f"cannot read {name!r}: a file name cannot hold a NUL character")
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise SessionError(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise SessionError(f"{name} is larger than {MAX_FILE_BYTES // 2**20} MB: not a session")
    if not data.strip():
        raise SessionError(f"{name} is empty")
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SessionError(f"{name} is not a text file (not UTF-8)") from None
    except json.JSONDecodeError as exc:
        ends_early = exc.pos >= len(data.rstrip()) or exc.msg.startswith("Unterminated")
        what = "is truncated" if ends_early else "is not valid JSON"
        raise SessionError(f"{name} {what} (line {exc.lineno}, column {exc.colno}: "
                           f"{exc.msg})") from None
    except RecursionError:
        raise SessionError(f"{name} is not valid JSON for a session: nested too deeply") from None
    except ValueError:   # Python's limit on the digits of a whole number
        raise SessionError(f"{name} is not valid JSON for a session: a number has too many "
                           "digits") from None


def load_session(path: str | os.PathLike) -> Session:
    """Read a session, preset or data-export JSON file; SessionError says why it cannot."""
    data = read_json(path)
    try:
        return session_from_dict(data)
    except SessionError as exc:
        raise SessionError(f"{os.path.basename(os.fspath(path))}: {exc}") from None
    except RecursionError:
        raise SessionError(f"{os.fspath(path)}: nested too deeply") from None


def load_experiment(path: str | os.PathLike) -> Experiment:
    """Read a session or data-export JSON file (its enabled optimizers); SessionError says why."""
    return load_session(path).runnable()
