"""Reading sessions back: a strict check of every value before anything is built.

Loading is strict: every value is checked for its JSON type and its valid range, and a file that
is truncated, not JSON, of another format, of a newer version or holding a wrong value raises
:class:`~beale_gui.core.session.SessionError` naming the problem (``optimizers[1].hparams.lr:
expected a number, got a string``). Nothing is built until the whole file has passed.
"""

from __future__ import annotations

import json
import math
import os
import re

import numpy as np

from .engine import (
    MAX_STEPS_PARAM,
    SEED_PARAM,
    TOL_PARAM,
    OptimizerConfig,
    StochasticConfig,
    check_starts,
)
from .fileio import FileTooLarge, read_user_file
from .functions import TestFunction, get_function, parse_expression
from .i18n import translate
from .models import DataError, model_from_dict
from .optimizers import plugins, torch_adapter
from .schedules import ScheduleConfig
from .session import (
    FORMAT,
    VERSION,
    Experiment,
    Extent,
    PluginRefused,
    Session,
    SessionError,
    bounds_problem,
    point_problem,
    usable_view,
)

MAX_FILE_BYTES = 256 * 2**20   # a data export of long runs is big; anything larger is not ours
MAX_OPTIMIZERS = 64
MAX_STARTS = 1000
MAX_TEXT = 10_000              # title and description
MAX_MINIMA = 1000              # a typed function's listed minima
MAX_DEPTH = 32                 # lists and objects within each other under a key (a session: 4)
MAX_RUNS = 1_000_000           # optimizers x hyperparameter variants x starts, in one session
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")

# Top-level keys this module reads; "runs" holds the arrays a data export adds (recomputed).
_KNOWN = {"format", "version", "function", "optimizers", "starts", "max_steps", "tol", "seed",
          "view", "title", "description", "runs", "plugins"}
_SHA256 = re.compile(r"[0-9a-f]{64}")
_OPTIMIZER_KEYS = {"name", "hparams", "schedule", "stochastic", "colour", "enabled"}


def _kind(value) -> str:
    """``value``'s JSON type in words, for messages."""
    if value is None:
        return translate("Session", "null")
    if isinstance(value, bool):
        return translate("Session", "true/false")
    if isinstance(value, (int, float)):
        return translate("Session", "a number")
    if isinstance(value, str):
        return translate("Session", "a string")
    if isinstance(value, list):
        return translate("Session", "a list")
    if isinstance(value, dict):
        return translate("Session", "an object")
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
        wanted = {dict: translate("Session", "an object"), list: translate("Session", "a list"),
                  str: translate("Session", "a string"),
                  bool: translate("Session", "true or false")}
        raise SessionError(translate("Session", "{0}: expected {1}, got {2}").format(
            where, wanted.get(kind, kind.__name__), _kind(value)))


def _number(value, where: str) -> float:
    """A finite JSON number (not true/false, not a string)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SessionError(translate("Session", "{0}: expected {1}, got {2}").format(
            where, translate("Session", "a number"), _kind(value)))
    try:
        v = float(value)
    except OverflowError:
        v = math.inf
    if not math.isfinite(v):
        raise SessionError(translate("Session", "{0}: {1:.40} is not a finite number").format(
            where, repr(value)))
    return v + 0.0   # -0.0 becomes 0.0: never shown or saved back as -0


def _points(value, where: str, least: int = 0, most: int | None = None) -> list[list[float]]:
    """A list of [x, y] number pairs."""
    _expect(value, list, where)
    if len(value) < least:
        raise SessionError(translate("Session", "{0}: expected at least {1} point(s), got {2}")
                           .format(where, least, len(value)))
    if most is not None and len(value) > most:
        raise SessionError(translate("Session", "{0}: {1} points; the limit is {2}").format(
            where, len(value), most))
    out = []
    for i, p in enumerate(value):
        _expect(p, list, f"{where}[{i}]")
        if len(p) != 2:
            raise SessionError(translate("Session", "{0}[{1}]: expected [x, y], got {2} value(s)")
                               .format(where, i, len(p)))
        out.append([_number(v, f"{where}[{i}]") for v in p])
    return out


def _numbers(value, where: str):
    """A number, or a non-empty list of numbers (hyperparameter variants)."""
    if isinstance(value, list):
        if not value:
            raise SessionError(translate("Session", "{0}: expected a number or a non-empty list "
                                         "of numbers").format(where))
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
        raise SessionError(translate("Session", "{0}: unknown key '{1}' (an optimizer takes {2})")
                           .format(where, unknown[0], ", ".join(sorted(_OPTIMIZER_KEYS))))
    if "name" not in d:
        raise SessionError(translate("Session", "{0}: missing 'name'").format(where))
    _expect(d["name"], str, f"{where}.name")
    hparams = _number_map(d.get("hparams") or {}, f"{where}.hparams", variants=True)
    schedule = d.get("schedule") or {}
    _expect(schedule, dict, f"{where}.schedule")
    unknown = sorted(set(schedule) - {"name", "params"})
    if unknown:
        raise SessionError(translate("Session", "{0}.schedule: unknown key '{1}'").format(
            where, unknown[0]))
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
            raise SessionError(translate("Session", "{0}.stochastic: unknown key '{1}' (it takes "
                                         "batch_size, noise)").format(where, unknown[0]))
        stochastic = _built(f"{where}.stochastic", lambda: StochasticConfig(**values))
    config = _built(where, lambda: OptimizerConfig(d["name"], hparams, schedule, stochastic))
    _built(f"{where}.hparams", lambda: config.n_variants)   # lists of one length
    return config


def function_from_dict(d: dict) -> tuple[TestFunction, str | None]:
    """A built-in function by name, a typed expression with its bounds and minima, or a model
    on data (a CSV file is read again: a missing or changed one is refused, its reason said)."""
    _expect(d, dict, "function")
    if "model" in d:
        return _model(d), None
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
        raise SessionError(translate("Session", "function: missing 'name' (or 'expression')"))
    _expect(d["name"], str, "function.name")
    return _built("function", lambda: get_function(d["name"])), None


def _model(d: dict) -> TestFunction:
    """``{"model": kind, "data": {...}}`` as the model it describes; SessionError otherwise."""
    unknown = sorted(set(d) - {"model", "data"})
    if unknown:
        raise SessionError(translate("Session", "function: unknown key '{0}' (a model takes "
                                     "model, data)").format(unknown[0]))
    _expect(d["model"], str, "function.model")
    _expect(d.get("data"), dict, "function.data")
    try:
        return model_from_dict(d)
    except DataError as exc:
        raise SessionError(f"function.data: {exc}") from None


def _view(value) -> Extent | None:
    if value is None:
        return None
    view = usable_view(_points(value, "view", 2, 2))
    if view is None:
        raise SessionError(translate("Session", "view: expected [[x min, x max], [y min, y max]] "
                                     "with min < max, got {0:.80}").format(repr(value)))
    return view


def _text(d: dict, key: str) -> str:
    value = d.get(key, "")
    _expect(value, str, key)
    if len(value) > MAX_TEXT:
        raise SessionError(translate("Session", "{0}: {1} characters; the limit is {2}").format(
            key, len(value), MAX_TEXT))
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
        raise SessionError(translate("Session", "not a Beale GUI session: the file holds {0}, "
                                     "not an object").format(_kind(d)))
    if d.get("format") != FORMAT:
        raise SessionError(translate("Session", "not a Beale GUI session (format {0})").format(
            _shown(d.get("format"), 60)))
    version = d.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise SessionError(translate("Session", "version: expected a positive whole number, "
                                     "got {0}").format(_shown(version, 60)))
    if version > VERSION:
        raise SessionError(translate("Session", "version {0} is newer than this program reads "
                                     "({1}); update Beale GUI to open it").format(version, VERSION))


def _check_depth(d: dict) -> None:
    """SessionError naming the first key whose value nests deeper than ``MAX_DEPTH``; the
    ``runs`` a data export adds are not read, so not walked."""
    for key, value in d.items():
        if key != "runs" and _depth(value, MAX_DEPTH) > MAX_DEPTH:
            raise SessionError(translate("Session", "{0}: nested more than {1} levels deep")
                               .format(key[:40], MAX_DEPTH))


def check_plugins(value, allow: bool = False) -> None:
    """The session's plug-in files (``{name: {"path", "sha256"}}``) ready to use: each one
    already loaded by the user with that checksum or, with ``allow``, loaded now from its
    path after its checksum is checked; :class:`PluginRefused` when one is not loaded and
    not allowed, SessionError when a file changed, is missing or fails to load."""
    for name, where, path, sha in _unloaded(value):
        if not allow:
            raise PluginRefused(translate(
                "Session", "{0}: the session runs the plug-in file {1}, which is code; "
                "it is not run unless you load it").format(where, path), name, path)
        _check_file(where, path, sha)
        try:
            plugins.load_file(path)
        except plugins.PluginError as exc:
            raise SessionError(f"{where}: {exc}") from None


def pending_imports(data) -> list[str]:
    """The modules a session's torch optimizers (``torch:<module>.<Class>``) would import that
    are neither torch.optim nor imported yet, each once, in order: what to ask about before
    :func:`session_from_dict` imports them. Nothing is imported; a malformed entry is left to
    :func:`session_from_dict` to refuse."""
    optimizers = data.get("optimizers") if isinstance(data, dict) else None
    names = [o.get("name") for o in optimizers if isinstance(o, dict)] \
        if isinstance(optimizers, list) else []
    return list(dict.fromkeys(torch_adapter.module_of(n) for n in names
                              if isinstance(n, str) and torch_adapter.imports_code(n)))


def pending_plugins(value) -> list[tuple[str, str, str]]:
    """The session's plug-in files (its ``"plugins"`` entry) not loaded yet, as (name, path,
    sha256), each file there and unchanged: what to ask about before :func:`check_plugins`
    with ``allow`` runs them. Nothing is run; SessionError when an entry is malformed, a file
    is missing or changed, or a plug-in of that name was loaded from another file."""
    pending = []
    for name, where, path, sha in _unloaded(value):
        _check_file(where, path, sha)
        pending.append((name, path, sha))
    return pending


def _unloaded(value):
    """(name, where, path, sha256) of each plug-in of a session's ``"plugins"`` entry that is
    not loaded yet; SessionError for a malformed entry or one loaded from another file."""
    if value is None:
        return
    _expect(value, dict, "plugins")
    for name, entry in value.items():
        where = f"plugins.{name}"
        _expect(entry, dict, where)
        path, sha = entry.get("path"), entry.get("sha256")
        _expect(path, str, f"{where}.path")
        _expect(sha, str, f"{where}.sha256")
        if not _SHA256.fullmatch(sha):
            raise SessionError(translate("Session", "{0}.sha256: expected 64 hexadecimal "
                                         "digits").format(where))
        loaded = plugins.source_of(name)
        if loaded is None:
            yield str(name), where, path, sha
        elif loaded[1] != sha:
            raise SessionError(_changed(where, loaded[0]))


def _check_file(where: str, path: str, sha: str) -> None:
    """SessionError when the plug-in file ``path`` cannot be read or its sha256 is not
    ``sha``."""
    try:
        now = plugins.sha256_of(path)
    except OSError as exc:              # its message names the file and says why
        raise SessionError(f"{where}: {exc}") from None
    if now != sha:
        raise SessionError(_changed(where, path))


def _changed(where: str, path: str) -> str:
    return translate("Session", "{0}: {1} is not the file the session was saved with (its "
                     "sha256 differs): refused").format(where, path)


def session_from_dict(d: dict, allow_plugins: bool = False) -> Session:
    """Validate a dictionary and build the session; SessionError names what is wrong. Its
    plug-in files are checked first (:func:`check_plugins`)."""
    _check_header(d)
    _check_depth(d)
    check_plugins(d.get("plugins"), allow_plugins)
    function, expression = function_from_dict(d.get("function"))
    opts = d.get("optimizers")
    _expect(opts, list, "optimizers")
    if len(opts) > MAX_OPTIMIZERS:
        raise SessionError(translate("Session", "optimizers: {0} of them; the limit is {1}")
                           .format(len(opts), MAX_OPTIMIZERS))
    optimizers = [optimizer_from_dict(o, f"optimizers[{i}]") for i, o in enumerate(opts)]
    colours, enabled = [], []
    for i, o in enumerate(opts):
        colour = o.get("colour")
        if colour is not None:
            _expect(colour, str, f"optimizers[{i}].colour")
            if not _COLOUR.fullmatch(colour):
                raise SessionError(translate("Session", "optimizers[{0}].colour: expected "
                                             "#rrggbb, got {1}").format(i, _shown(colour)))
        colours.append(colour)
        on = o.get("enabled", True)
        _expect(on, bool, f"optimizers[{i}].enabled")
        enabled.append(on)
    starts = _points(d.get("starts"), "starts", 0, MAX_STARTS)   # none: the window may have none
    starts = _built("starts", lambda: check_starts(starts)) if starts else np.zeros((0, 2))
    n_runs = sum(c.n_variants for c in optimizers) * len(starts)
    if n_runs > MAX_RUNS:
        raise SessionError(translate("Session", "optimizers x starts: {0:,} runs (every "
                                     "hyperparameter variant from every start); the limit is "
                                     "{1:,}").format(n_runs, MAX_RUNS))
    max_steps, tol, seed = (_setting(d, p) for p in (MAX_STEPS_PARAM, TOL_PARAM, SEED_PARAM))
    view = _view(d.get("view"))
    title, description = _text(d, "title"), _text(d, "description")
    extra = {k: v for k, v in d.items() if k not in _KNOWN and _strict_json(v)}
    experiment = Experiment(function, optimizers, starts, int(max_steps), tol, int(seed),
                            expression, extra, view,
                            colours if any(c is not None for c in colours) else None)
    return Session(experiment, enabled, title, description)


def experiment_from_dict(d: dict, allow_plugins: bool = False) -> Experiment:
    """Validate a dictionary and build the experiment of its enabled optimizers."""
    return session_from_dict(d, allow_plugins).runnable()


def read_json(path: str | os.PathLike):
    """The JSON in ``path``; SessionError says why it cannot be read."""
    name = os.fspath(path)
    try:
        data = read_user_file(name, MAX_FILE_BYTES)
    except FileTooLarge:
        raise SessionError(translate("Session", "{0} is larger than {1} MB: not a session")
                           .format(name, MAX_FILE_BYTES // 2**20)) from None
    except OSError as exc:              # its message names the file and says why
        raise SessionError(str(exc)) from None
    if not data.strip():
        raise SessionError(translate("Session", "{0} is empty").format(name))
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SessionError(translate("Session", "{0} is not a text file (not UTF-8)")
                           .format(name)) from None
    except json.JSONDecodeError as exc:
        ends_early = exc.pos >= len(data.rstrip()) or exc.msg.startswith("Unterminated")
        what = (translate("Session", "{0} is truncated (line {1}, column {2}: {3})")
                if ends_early else
                translate("Session", "{0} is not valid JSON (line {1}, column {2}: {3})"))
        raise SessionError(what.format(name, exc.lineno, exc.colno, exc.msg)) from None
    except RecursionError:
        raise SessionError(translate("Session", "{0} is not valid JSON for a session: nested "
                                     "too deeply").format(name)) from None
    except ValueError:   # Python's limit on the digits of a whole number
        raise SessionError(translate("Session", "{0} is not valid JSON for a session: a number "
                                     "has too many digits").format(name)) from None


def load_session(path: str | os.PathLike, allow_plugins: bool = False) -> Session:
    """Read a session, preset or data-export JSON file; SessionError says why it cannot
    (``allow_plugins``: :func:`check_plugins`)."""
    data = read_json(path)
    try:
        return session_from_dict(data, allow_plugins)
    except PluginRefused as exc:
        raise PluginRefused(f"{os.path.basename(os.fspath(path))}: {exc}", exc.name,
                            exc.path) from None
    except SessionError as exc:
        raise SessionError(f"{os.path.basename(os.fspath(path))}: {exc}") from None
    except RecursionError:
        raise SessionError(translate("Session", "{0}: nested too deeply").format(
            os.fspath(path))) from None


def load_experiment(path: str | os.PathLike, allow_plugins: bool = False) -> Experiment:
    """Read a session or data-export JSON file (its enabled optimizers); SessionError says why."""
    return load_session(path, allow_plugins).runnable()
