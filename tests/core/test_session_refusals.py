"""Every refusal of the session loader, one case each: the message names the problem, the
loader returns nothing and changes nothing (neither the file nor the dictionary it is given),
and every limit is checked on both sides of its edge.

``REFUSALS`` goes through the loader, ``beale_gui/core/session_load.py``, in order;
``test_every_raise_is_reached`` parses it and ``session.py`` for their ``raise
SessionError(...)`` statements and fails when one is never reached by these cases, so a new
refusal needs a case here.
"""

import ast
import copy
import json
import os
import traceback
from pathlib import Path

import numpy as np
import pytest

from beale_gui.core import session as session_module
from beale_gui.core import session_load as load_module
from beale_gui.core.engine import OptimizerConfig
from beale_gui.core.functions import get_function
from beale_gui.core.optimizers import plugins
from beale_gui.core.session import FORMAT, MIN_VIEW_SPAN, VERSION, Experiment, Session, SessionError
from beale_gui.core.session_load import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_MINIMA,
    MAX_OPTIMIZERS,
    MAX_RUNS,
    MAX_STARTS,
    MAX_TEXT,
    load_experiment,
    load_session,
    read_json,
    session_from_dict,
)

from .test_session import DELETE, change

REFUSED = "corrupt session files refused"

BASE = {
    "format": FORMAT, "version": VERSION,
    "function": {"name": "beale"},
    "optimizers": [
        {"name": "adam", "hparams": {"lr": 0.05, "beta1": 0.8},
         "schedule": {"name": "inverse_time", "params": {"decay": 0.01}},
         "stochastic": {"batch_size": 2, "noise": 0.1}, "colour": "#E69F00", "enabled": True},
        {"name": "gd", "hparams": {"lr": 0.01}},
    ],
    "starts": [[0.7, 1.4], [-1.0, 2.0]], "max_steps": 300, "tol": 1e-6, "seed": 4,
    "view": [[-4.5, 4.5], [-4.0, 4.0]], "title": "Base", "description": "every part",
}
EXPRESSION = {"expression": "x**2 + 3*y**2", "bounds": [[-3, 3], [-2, 2]], "minima": [[0, 0]]}
_DELETE = DELETE


def _with(*changes) -> dict:
    """BASE with ``(path, value)`` changes; ``_DELETE`` removes the key."""
    d = copy.deepcopy(BASE)
    for path, value in changes:
        change(d, path, value)
    return d


def _nested(depth: int, leaf=0):
    """A list nested ``depth`` deep, built without recursion."""
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


# (id, the file: a dict to write as JSON or the raw bytes, words the message must hold)
REFUSALS = [
    # -- _check_header ------------------------------------------------------------------------
    ("holds-a-list", b"[1, 2]", "holds a list, not an object"),
    ("holds-a-number", b"3", "holds a number, not an object"),
    ("holds-null", b"null", "holds null, not an object"),
    ("format-missing", _with((("format",), _DELETE)), "not a Beale GUI session (format None)"),
    ("format-other", _with((("format",), "a-drawing")), "not a Beale GUI session"),
    ("format-a-deep-list", _with((("format",), _nested(MAX_DEPTH + 10))),
     "not a Beale GUI session (format a list)"),
    ("version-missing", _with((("version",), _DELETE)), "version: expected a positive whole"),
    ("version-text", _with((("version",), "1")), "version: expected a positive whole"),
    ("version-true", _with((("version",), True)), "version: expected a positive whole"),
    ("version-0", _with((("version",), 0)), "version: expected a positive whole"),
    ("version-fraction", _with((("version",), 1.5)), "version: expected a positive whole"),
    ("version-newer", _with((("version",), VERSION + 1)), "is newer than this program reads"),
    # -- check_plugins (the cases that read or load a file: _plugin_refusals) -------------------
    ("plugins-not-object", _with((("plugins",), [])), "plugins: expected an object, got a list"),
    ("plugins-sha-not-hex", _with((("plugins",), {"p": {"path": "/p.py", "sha256": "zz"}})),
     "plugins.p.sha256: expected 64 hexadecimal digits"),
    ("plugins-not-loaded", _with((("plugins",), {"p": {"path": "/p.py", "sha256": "0" * 64}})),
     "plugins.p: the session runs the plug-in file /p.py"),
    # -- _check_depth: MAX_DEPTH ----------------------------------------------------------------
    ("unknown-key-too-deep", _with((("notes",), _nested(MAX_DEPTH + 1))),
     f"notes: nested more than {MAX_DEPTH} levels deep"),
    ("starts-too-deep", _with((("starts",), _nested(MAX_DEPTH + 1))),
     f"starts: nested more than {MAX_DEPTH} levels deep"),
    # -- function_from_dict ---------------------------------------------------------------------
    ("function-not-object", _with((("function",), "beale")),
     "function: expected an object, got a string"),
    ("function-missing", _with((("function",), _DELETE)), "function: expected an object, got null"),
    ("function-no-name", _with((("function",), {})), "function: missing 'name' (or 'expression')"),
    ("function-name-not-text", _with((("function",), {"name": 3})),
     "function.name: expected a string"),
    ("function-unknown", _with((("function",), {"name": "bale"})), "unknown function 'bale'"),
    ("expression-not-text", _with((("function",), {"expression": 42})),
     "function.expression: expected a string"),
    ("expression-bad", _with((("function",), {"expression": "x +* y"})), "function:"),
    # a model on data (issue 25)
    ("model-unknown-key", _with((("function",), {"model": "linear", "data": {"dataset":
                                                 "noisy-line"}, "name": "beale"})),
     "function: unknown key 'name' (a model takes model, data)"),
    ("model-not-text", _with((("function",), {"model": 1, "data": {}})),
     "function.model: expected a string, got a number"),
    ("model-data-missing", _with((("function",), {"model": "linear"})),
     "function.data: expected an object, got null"),
    ("model-unknown", _with((("function",), {"model": "ridge", "data": {}})),
     "function.data: unknown model 'ridge'"),
    ("model-data-set-unknown", _with((("function",), {"model": "linear",
                                                      "data": {"dataset": "nope"}})),
     "function.data: unknown data set 'nope'"),
    ("model-csv-missing", _with((("function",), {"model": "linear",
                                                 "data": {"csv": "/nonexistent/p.csv"}})),
     "function.data: cannot read p.csv"),
    ("expression-forbidden", _with((("function",), {"expression": "__import__('os')"})),
     "function:"),
    ("expression-too-long", _with((("function",), {"expression": "x+" * 3000 + "y"})),
     "too long"),
    ("bounds-not-list", _with((("function",), {**EXPRESSION, "bounds": "all"})),
     "function.bounds: expected a list, got a string"),
    ("bounds-one-pair", _with((("function",), {**EXPRESSION, "bounds": [[-3, 3]]})),
     "function.bounds: expected at least 2 point(s), got 1"),
    ("bounds-three-pairs", _with((("function",), {**EXPRESSION, "bounds": [[-3, 3]] * 3})),
     "function.bounds: 3 points; the limit is 2"),
    ("bounds-pair-not-list", _with((("function",), {**EXPRESSION, "bounds": [3, [-2, 2]]})),
     "function.bounds[0]: expected a list, got a number"),
    ("bounds-not-a-pair", _with((("function",), {**EXPRESSION, "bounds": [[-3, 0, 3], [-2, 2]]})),
     "function.bounds[0]: expected [x, y], got 3 value(s)"),
    ("bounds-value-text", _with((("function",), {**EXPRESSION, "bounds": [["-3", 3], [-2, 2]]})),
     "function.bounds[0]: expected a number, got a string"),
    ("bounds-inverted", _with((("function",), {**EXPRESSION, "bounds": [[3, -3], [-2, 2]]})),
     "function.bounds: x max must be greater than x min"),
    ("bounds-beyond-the-divergence-bound", _with(
        (("function",), {**EXPRESSION, "bounds": [[-3, 3], [-2, 2e10]]})),
     "function.bounds: y min and max must be within \u00b11e10"),
    ("bounds-span-overflows", _with(
        (("function",), {**EXPRESSION, "bounds": [[-1e308, 1e308], [-2, 2]]})),
     "function.bounds: x min and max must be within"),
    ("bounds-too-narrow", _with(
        (("function",), {**EXPRESSION, "bounds": [[0, 1e-320], [-2, 2]]})),
     f"function.bounds: x max - x min must be at least {MIN_VIEW_SPAN:g}"),
    ("minimum-beyond-the-divergence-bound", _with(
        (("function",), {**EXPRESSION, "minima": [[0, 0], [1e308, 0]]})),
     "function.minima[1]: (1e+308, 0) is beyond \u00b11e10"),
    ("minima-too-many", _with((("function",), {**EXPRESSION,
                                               "minima": [[0, 0]] * (MAX_MINIMA + 1)})),
     f"function.minima: {MAX_MINIMA + 1} points; the limit is {MAX_MINIMA}"),
    ("minima-not-a-pair", _with((("function",), {**EXPRESSION, "minima": [[0]]})),
     "function.minima[0]: expected [x, y], got 1 value(s)"),
    # -- optimizers: MAX_OPTIMIZERS, optimizer_from_dict ----------------------------------------
    ("optimizers-missing", _with((("optimizers",), _DELETE)),
     "optimizers: expected a list, got null"),
    ("optimizers-object", _with((("optimizers",), {"name": "gd"})),
     "optimizers: expected a list, got an object"),
    ("optimizers-too-many", _with((("optimizers",), [{"name": "gd"}] * (MAX_OPTIMIZERS + 1))),
     f"optimizers: {MAX_OPTIMIZERS + 1} of them; the limit is {MAX_OPTIMIZERS}"),
    ("optimizer-not-object", _with((("optimizers", 1), "gd")),
     "optimizers[1]: expected an object, got a string"),
    ("optimizer-unknown-key", _with((("optimizers", 1, "hparam"), {})),
     "optimizers[1]: unknown key 'hparam'"),
    ("optimizer-no-name", _with((("optimizers", 1, "name"), _DELETE)),
     "optimizers[1]: missing 'name'"),
    ("optimizer-name-not-text", _with((("optimizers", 0, "name"), ["adam"])),
     "optimizers[0].name: expected a string, got a list"),
    ("optimizer-unknown", _with((("optimizers", 0, "name"), "adamm")),
     "unknown optimizer 'adamm'"),
    ("hparams-not-object", _with((("optimizers", 0, "hparams"), [0.05])),
     "optimizers[0].hparams: expected an object, got a list"),
    ("hparam-text", _with((("optimizers", 0, "hparams", "lr"), "0.05")),
     "optimizers[0].hparams.lr: expected a number, got a string"),
    ("hparam-infinite", _with((("optimizers", 0, "hparams", "lr"), float("inf"))),
     "optimizers[0].hparams.lr: inf is not a finite number"),
    ("hparam-huge-whole-number", _with((("optimizers", 0, "hparams", "lr"), 10**400)),
     "is not a finite number"),
    ("hparam-empty-list", _with((("optimizers", 0, "hparams", "lr"), [])),
     "optimizers[0].hparams.lr: expected a number or a non-empty list of numbers"),
    ("hparam-list-holds-text", _with((("optimizers", 0, "hparams", "lr"), [0.1, "x"])),
     "optimizers[0].hparams.lr[1]: expected a number, got a string"),
    ("hparam-lists-differ-in-length", _with(
        (("optimizers", 0, "hparams"), {"lr": [0.1, 0.2], "beta1": [0.5, 0.8, 0.9]})),
     "optimizers[0].hparams: hyperparameter arrays of adam differ in length"),
    ("hparam-out-of-range", _with((("optimizers", 1, "hparams", "lr"), -1)), "Invalid lr"),
    ("hparam-unknown", _with((("optimizers", 1, "hparams", "beta1"), 0.9)),
     "optimizers[1]: unknown parameter 'beta1'"),
    ("schedule-not-object", _with((("optimizers", 0, "schedule"), "cosine")),
     "optimizers[0].schedule: expected an object, got a string"),
    ("schedule-unknown-key", _with((("optimizers", 0, "schedule", "rate"), 1)),
     "optimizers[0].schedule: unknown key 'rate'"),
    ("schedule-name-not-text", _with((("optimizers", 0, "schedule", "name"), 1)),
     "optimizers[0].schedule.name: expected a string"),
    ("schedule-params-not-object", _with((("optimizers", 0, "schedule", "params"), [0.01])),
     "optimizers[0].schedule.params: expected an object"),
    ("schedule-param-text", _with((("optimizers", 0, "schedule", "params", "decay"), "fast")),
     "optimizers[0].schedule.params.decay: expected a number, got a string"),
    ("schedule-unknown", _with((("optimizers", 0, "schedule", "name"), "linear")),
     "unknown schedule 'linear'"),
    ("schedule-param-out-of-range", _with((("optimizers", 0, "schedule", "params", "decay"), -1)),
     "Invalid decay"),
    ("stochastic-not-object", _with((("optimizers", 0, "stochastic"), 2)),
     "optimizers[0].stochastic: expected an object, got a number"),
    ("stochastic-value-text", _with((("optimizers", 0, "stochastic", "noise"), "loud")),
     "optimizers[0].stochastic.noise: expected a number"),
    ("stochastic-unknown-key", _with((("optimizers", 0, "stochastic", "seed"), 3)),
     "optimizers[0].stochastic: unknown key 'seed' (it takes batch_size, noise)"),
    ("stochastic-batch-0", _with((("optimizers", 0, "stochastic", "batch_size"), 0)),
     "Invalid batch_size"),
    # -- session_from_dict: colour, enabled -----------------------------------------------------
    ("colour-not-text", _with((("optimizers", 0, "colour"), 0xE69F00)),
     "optimizers[0].colour: expected a string, got a number"),
    ("colour-not-hex", _with((("optimizers", 0, "colour"), "orange")),
     "optimizers[0].colour: expected #rrggbb, got 'orange'"),
    ("colour-a-megabyte", _with((("optimizers", 0, "colour"), "#" * 2**20)),
     "optimizers[0].colour: expected #rrggbb"),
    ("enabled-not-bool", _with((("optimizers", 1, "enabled"), 1)),
     "optimizers[1].enabled: expected true or false, got a number"),
    # -- starts: MAX_STARTS ---------------------------------------------------------------------
    ("starts-missing", _with((("starts",), _DELETE)), "starts: expected a list, got null"),
    ("starts-too-many", _with((("starts",), [[0.7, 1.4]] * (MAX_STARTS + 1))),
     f"starts: {MAX_STARTS + 1} points; the limit is {MAX_STARTS}"),
    ("start-not-list", _with((("starts",), [0.7, 1.4])), "starts[0]: expected a list"),
    ("start-not-a-pair", _with((("starts", 1), [-1.0])),
     "starts[1]: expected [x, y], got 1 value(s)"),
    ("start-text", _with((("starts", 1, 0), "-1")), "starts[1]: expected a number, got a string"),
    ("start-infinite", _with((("starts", 0, 1), float("-inf"))),
     "starts[0]: -inf is not a finite number"),
    # -- MAX_RUNS: every variant from every start ----------------------------------------------
    ("runs-too-many", _with((("optimizers", 1, "hparams", "lr"), [0.01] * 1001),
                            (("starts",), [[0.5, 0.5]] * 1000)),
     f"optimizers x starts: 1,002,000 runs (every hyperparameter variant from every start); "
     f"the limit is {MAX_RUNS:,}"),
    # -- _setting: max_steps, tol, seed ---------------------------------------------------------
    ("max-steps-text", _with((("max_steps",), "300")), "max_steps: expected a number"),
    ("max-steps-negative", _with((("max_steps",), -1)), "max_steps: Invalid max_steps"),
    ("max-steps-fraction", _with((("max_steps",), 2.5)), "not a whole number"),
    ("max-steps-too-many", _with((("max_steps",), 10**8)), "max_steps: Invalid max_steps"),
    ("tol-null", _with((("tol",), None)), "tol: expected a number, got null"),
    ("tol-negative", _with((("tol",), -1e-6)), "tol: Invalid tol"),
    ("seed-true", _with((("seed",), True)), "seed: expected a number, got true/false"),
    ("seed-negative", _with((("seed",), -1)), "seed: Invalid seed"),
    ("seed-too-big", _with((("seed",), 2**32)), "seed: Invalid seed"),
    # -- _view: MIN_VIEW_SPAN -------------------------------------------------------------------
    ("view-not-list", _with((("view",), "all")), "view: expected a list, got a string"),
    ("view-one-pair", _with((("view",), [[0, 1]])), "view: expected at least 2 point(s)"),
    ("view-inverted", _with((("view",), [[4.5, -4.5], [-4, 4]])),
     "view: expected [[x min, x max], [y min, y max]] with min < max"),
    ("view-too-narrow", _with((("view",), [[0, MIN_VIEW_SPAN / 2], [-4, 4]])),
     "view: expected [[x min, x max]"),
    ("view-span-overflows", _with((("view",), [[-1e308, 1e308], [-4, 4]])),
     "view: expected [[x min, x max]"),
    # -- _text: MAX_TEXT ------------------------------------------------------------------------
    ("title-not-text", _with((("title",), 7)), "title: expected a string, got a number"),
    ("title-too-long", _with((("title",), "t" * (MAX_TEXT + 1))),
     f"title: {MAX_TEXT + 1} characters; the limit is {MAX_TEXT}"),
    ("description-too-long", _with((("description",), "d" * (MAX_TEXT + 1))),
     f"description: {MAX_TEXT + 1} characters; the limit is {MAX_TEXT}"),
    # -- read_json ------------------------------------------------------------------------------
    ("empty", b"", "is empty"),
    ("blank", b" \n\t\n", "is empty"),
    ("not-utf8", b'{"format": "\xff"}', "is not a text file (not UTF-8)"),
    ("truncated", b'{"format": "beale-gui-session", "version": 1, "functi', "is truncated"),
    ("not-json", b"format = beale-gui-session", "is not valid JSON"),
    ("nested-too-deeply-for-json", b"[" * 50_000 + b"]" * 50_000,
     "is not valid JSON for a session: nested too deeply"),
    ("number-too-many-digits", b'{"seed": 1' + b"0" * 5000 + b"}",
     "is not valid JSON for a session: a number has too many digits"),
]
IDS = [c[0] for c in REFUSALS]


def _write(folder: Path, content) -> Path:
    path = folder / "refused.json"
    path.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode())
    return path


MODULE_FILES = (session_module.__file__, load_module.__file__)


def _raise_sites(exc: BaseException) -> set[tuple[str, int]]:
    """The (file, line) of session.py or session_load.py whose ``raise`` made ``exc`` and the
    errors it replaced."""
    sites = set()
    while exc is not None:
        if isinstance(exc, SessionError):
            frames = [f for f in traceback.extract_tb(exc.__traceback__)
                      if f.filename in MODULE_FILES]
            if frames:
                sites.add((frames[-1].filename, frames[-1].lineno))
        exc = exc.__context__
    return sites


def _refuse(call, words: str) -> SessionError:
    with pytest.raises(SessionError) as info:
        call()
    message = str(info.value)
    assert words in message, message
    assert len(message) < 400, "a message is one readable line"
    assert "\n" not in message
    return info.value


def _refusals_of(content, folder: Path, words: str) -> list[SessionError]:
    """Refuse ``content`` every way the program reads it: as a file (the command line's
    load_session and load_experiment, the window's read_json then session_from_dict) and,
    for a dict, as a dict; each refusal changes nothing and returns nothing."""
    path = _write(folder, content)
    before = path.read_bytes()
    errors = [_refuse(lambda: load_session(path), words),
              _refuse(lambda: load_experiment(path), words)]
    assert path.name in str(errors[0])   # the message names the file
    if isinstance(content, dict):
        errors.append(_refuse(lambda: session_from_dict(read_json(path)), words))
        given = copy.deepcopy(content)
        errors.append(_refuse(lambda: session_from_dict(given), words))
        assert given == content, "the refused dictionary was changed"
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["refused.json"]
    return errors


def test_the_base_and_its_expression_variant_load():
    session = session_from_dict(copy.deepcopy(BASE))
    assert [c.name for c in session.experiment.optimizers] == ["adam", "gd"]
    exp = session_from_dict(_with((("function",), EXPRESSION))).experiment
    assert exp.expression == EXPRESSION["expression"]


@pytest.mark.parametrize(("content", "words"), [c[1:] for c in REFUSALS], ids=IDS)
def test_a_refused_session_says_why_and_changes_nothing(content, words, tmp_path,
                                                        reliability_figures):
    _refusals_of(content, tmp_path, words)
    reliability_figures[REFUSED] = reliability_figures.get(REFUSED, 0) + 1


# -- refusals that are not a file's content ---------------------------------------------------

def test_a_missing_file_and_a_folder_cannot_be_read(tmp_path):
    _refuse(lambda: load_session(tmp_path / "nope.json"), "cannot read")
    _refuse(lambda: load_session(tmp_path / "nope.json"), "No such file")
    _refuse(lambda: load_session(tmp_path), "cannot read")
    assert list(tmp_path.iterdir()) == []


def test_a_file_over_max_file_bytes_is_refused_unread(tmp_path):
    """The real limit: a sparse file one byte over 256 MB."""
    path = tmp_path / "huge.json"
    with open(path, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    error = _refuse(lambda: load_session(path), f"is larger than {MAX_FILE_BYTES // 2**20} MB")
    assert "not a session" in str(error)
    assert path.stat().st_size == MAX_FILE_BYTES + 1


def test_the_file_size_limit_at_its_edge(tmp_path, monkeypatch):
    """A file of exactly MAX_FILE_BYTES loads; one byte more is refused."""
    path = _write(tmp_path, BASE)
    size = path.stat().st_size
    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", size)
    assert load_session(path).title == "Base"
    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", size - 1)
    _refuse(lambda: load_session(path), "is larger than")


def test_enabled_flags_must_be_one_per_optimizer():
    exp = Experiment(get_function("beale"), [OptimizerConfig("gd"), OptimizerConfig("adam")],
                     np.array([[0.7, 1.4]]))
    _refuse(lambda: Session(exp, [True]), "enabled: one flag per optimizer expected")
    _refuse(lambda: Session(exp, [True, False, True]), "enabled: one flag per optimizer")
    assert Session(exp, [True, False]).enabled == [True, False]
    assert Session(exp).enabled == [True, True]


def test_a_recursion_while_checking_is_refused_as_nested_too_deeply(tmp_path, monkeypatch):
    """load_session's last guard: whatever recursion slips past the checks is a refusal."""
    path = _write(tmp_path, BASE)

    def recurse(d, allow_plugins=False):
        raise RecursionError

    monkeypatch.setattr(load_module, "session_from_dict", recurse)
    _refuse(lambda: load_session(path), "nested too deeply")


# -- nesting, at any depth of the caller's stack ----------------------------------------------

def _deeper(frames: int, call):
    return call() if frames == 0 else _deeper(frames - 1, call)


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 900, 20_000])
def test_deep_nesting_is_a_refusal_however_deep_the_caller(depth):
    """A structure nested beyond what repr or json.dumps can walk: the header and the depth
    check name it, from any stack depth (the window checks from inside a slot); none of it
    raises RecursionError, and nothing that deep is kept to fail a later save."""
    deep = _nested(depth)
    for d, words in ((_with((("format",), deep)), "format a list"),
                     (_with((("version",), deep)), "got a list"),
                     (_with((("notes",), deep)), "notes: nested more than"),
                     (_with((("view",), deep)), "view: nested more than")):
        _deeper(300, lambda d=d, words=words: _refuse(lambda: session_from_dict(d), words))


def test_unknown_keys_nested_up_to_max_depth_load_and_save_again():
    d = _with((("notes",), _nested(MAX_DEPTH)), (("runs",), _nested(MAX_DEPTH + 5)))
    session = session_from_dict(d)
    assert session.experiment.extra == {"notes": _nested(MAX_DEPTH)}
    assert json.loads(_deeper(300, session.to_json))["notes"] == _nested(MAX_DEPTH)


# -- every limit on both sides of its edge -----------------------------------------------------

@pytest.mark.parametrize(("path", "at_limit", "over"), [
    (("optimizers",), [{"name": "gd"}] * MAX_OPTIMIZERS, [{"name": "gd"}] * (MAX_OPTIMIZERS + 1)),
    (("starts",), [[0.5, 0.5]] * MAX_STARTS, [[0.5, 0.5]] * (MAX_STARTS + 1)),
    (("title",), "t" * MAX_TEXT, "t" * (MAX_TEXT + 1)),
    (("description",), "d" * MAX_TEXT, "d" * (MAX_TEXT + 1)),
    (("function",), {**EXPRESSION, "minima": [[0, 0]] * MAX_MINIMA},
     {**EXPRESSION, "minima": [[0, 0]] * (MAX_MINIMA + 1)}),
    (("notes",), _nested(MAX_DEPTH), _nested(MAX_DEPTH + 1)),
    (("view",), [[0, MIN_VIEW_SPAN], [0, 1]], [[0, MIN_VIEW_SPAN * 0.99], [0, 1]]),
    (("function",), {**EXPRESSION, "bounds": [[0, MIN_VIEW_SPAN], [-1e10, 1e10]]},
     {**EXPRESSION, "bounds": [[0, MIN_VIEW_SPAN * 0.99], [-1e10, 1e10]]}),
    (("function",), {**EXPRESSION, "minima": [[-1e10, 1e10]]},
     {**EXPRESSION, "minima": [[-1e10, 1.0000001e10]]}),
    (("version",), VERSION, VERSION + 1),
    (("max_steps",), 10_000_000, 10_000_001),
    (("seed",), 2**32 - 1, 2**32),
], ids=["optimizers", "starts", "title", "description", "minima", "depth", "view-span",
        "bounds-span", "minimum-within-the-bound", "version", "max_steps", "seed"])
def test_each_limit_admits_its_edge_and_refuses_one_more(path, at_limit, over):
    session_from_dict(_with((path, at_limit)))
    with pytest.raises(SessionError):
        session_from_dict(_with((path, over)))


def test_the_runs_limit_admits_its_edge_and_refuses_one_more():
    """MAX_RUNS counts every hyperparameter variant from every start: 999 + 1 variants from
    1000 starts load; 1000 + 1 do not (a 15 MB file that would take GBs to run)."""
    starts = [[0.5, 0.5]] * 1000
    at_limit = _with((("optimizers", 1, "hparams", "lr"), [0.01] * 999), (("starts",), starts))
    assert len(session_from_dict(at_limit).experiment.starts) == 1000
    over = _with((("optimizers", 1, "hparams", "lr"), [0.01] * 1000), (("starts",), starts))
    _refuse(lambda: session_from_dict(over), "1,001,000 runs")


# -- every raise is reached --------------------------------------------------------------------

def _raise_lines() -> set[tuple[str, int]]:
    """The (file, line) of session.py and session_load.py that raise SessionError. Under a
    mutation run (mutmut) a module holds each function many times over: a dispatcher under
    the original name, the code that runs as ``x_name__mutmut_orig`` and its mutants
    ``x_name__mutmut_1``, ...; only the code that runs counts."""
    lines: set[tuple[str, int]] = set()

    def visit(node, mutant: bool) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            dispatcher = any("mutmut" in ast.unparse(d) for d in node.decorator_list)
            mutant = mutant or dispatcher or ("__mutmut_" in node.name
                                              and not node.name.endswith("__mutmut_orig"))
        if (not mutant and isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
                and getattr(node.exc.func, "id", "") == "SessionError"):
            lines.add((file, node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child, mutant)

    for file in MODULE_FILES:
        visit(ast.parse(Path(file).read_text()), False)
    return lines


def _plugin_refusals(folder: Path) -> list[SessionError]:
    """A session's plug-in file missing, changed, failing to load (each with
    ``allow_plugins``) and loaded by the user but not the same file: refused, none left
    registered."""
    folder.mkdir()
    good = folder / "p.py"
    good.write_text("PARAMS = {}\ndef init(n, hp): return {}\n"
                    "def update(w, g, s, hp, lr, t): return w\n")
    bad = folder / "q.py"
    bad.write_text("raise ImportError('no')\n")

    def entry(path: Path, sha: str | None = None) -> dict:
        sha = sha or plugins.sha256_of(path)
        return _with((("plugins",), {path.stem: {"path": str(path), "sha256": sha}}))

    errors = []
    for d, allow, words in (
            (entry(folder / "none.py", "0" * 64), True, "plugins.none: cannot read"),
            (entry(good, "0" * 64), True, "is not the file the session was saved with"),
            (entry(bad), True, "plugins.q: plug-in 'q': raised on import: ImportError: no")):
        errors.append(_refuse(lambda d=d, allow=allow: session_from_dict(d, allow), words))
    plugins.load_file(good)
    try:
        errors.append(_refuse(lambda: session_from_dict(entry(good, "0" * 64)),
                              "sha256 differs"))
    finally:
        plugins.unregister("p")
    assert not plugins.plugin_specs()
    return errors


def test_every_raise_is_reached(tmp_path, monkeypatch):
    reached: set[tuple[str, int]] = set()
    for i, (_, content, words) in enumerate(REFUSALS):
        folder = tmp_path / str(i)
        folder.mkdir()
        for error in _refusals_of(content, folder, words):
            reached |= _raise_sites(error)
    for call in (lambda: load_session(tmp_path / "nope.json"),
                 lambda: load_session(str(tmp_path / "nul\0.json")),
                 lambda: load_session(os.devnull),   # not a regular file: never waited on
                 lambda: Session(Experiment(get_function("beale"), [OptimizerConfig("gd")],
                                            np.zeros((1, 2))), [True, True])):
        with pytest.raises(SessionError) as info:
            call()
        reached |= _raise_sites(info.value)
    big = tmp_path / "big.json"
    big.write_bytes(b"{}" + b" " * 100)
    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", 10)
    with pytest.raises(SessionError) as info:
        load_session(big)
    reached |= _raise_sites(info.value)
    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", MAX_FILE_BYTES)
    for error in _plugin_refusals(tmp_path / "plugins"):
        reached |= _raise_sites(error)
    monkeypatch.setattr(load_module, "session_from_dict",
                        lambda d, *more: (_ for _ in ()).throw(RecursionError()))
    with pytest.raises(SessionError) as info:
        load_session(_write(tmp_path, BASE))
    reached |= _raise_sites(info.value)
    missing = sorted(_raise_lines() - reached)
    sources = {file: Path(file).read_text().splitlines() for file in MODULE_FILES}
    assert not missing, "refusals no case reaches:\n" + "\n".join(
        f"  {Path(file).name}:{n}: {sources[file][n - 1].strip()}" for file, n in missing)


def test_the_limits_are_what_the_module_says():
    assert MAX_FILE_BYTES == 256 * 2**20
    assert (MAX_OPTIMIZERS, MAX_STARTS, MAX_TEXT, MAX_MINIMA, MAX_DEPTH) == (64, 1000, 10_000,
                                                                             1000, 32)
    assert MAX_RUNS == 1_000_000
