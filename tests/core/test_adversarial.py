"""A hostile user against the core: every number the app reads, typed or loaded, with NaN,
infinities, -0, the largest and the subnormal floats, blanks, padded text, digits of other
scripts, look-alike and invisible characters and huge counts; every file the core writes,
interrupted midway. Each value is refused with one line naming the problem, or accepted and
harmless (finite, in range, the runs replay); each finding of the sweep has a test here that
names it.

``HOSTILE`` is shared with tests/cli/test_adversarial.py and tests/gui/test_adversarial.py.
"""

import errno
import json
import math
import os
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from beale_gui.core import fileio
from beale_gui.core.basins import GRID_PARAM
from beale_gui.core.engine import (
    BATCH_SIZE,
    DIVERGED,
    MAX_STEPS_PARAM,
    NOISE,
    SEED_PARAM,
    TOL_PARAM,
    OptimizerConfig,
    run,
)
from beale_gui.core.fileio import check_writable, write_atomic, write_text_atomic
from beale_gui.core.functions import get_function, parse_expression
from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.core.params import odd_character, parse_number
from beale_gui.core.schedules import SCHEDULES
from beale_gui.core.search import (
    BYTES_PER_RUN,
    MAX_RUNS_PER_ROUND,
    Axis,
    check_work,
    parse_axis,
    search,
)
from beale_gui.core.session import Experiment, Session, SessionError, save_session
from beale_gui.core.session_load import load_experiment, load_session
from beale_gui.export.data import csv_text, json_dict, write_csv, write_json

TRIED = "adversarial inputs tried"
REFUSED = "adversarial inputs refused cleanly"
ACCEPTED = "adversarial inputs accepted and harmless"
FIXED = "adversarial findings fixed"
KEPT = "failed writes with the old file intact"

# (id, text): what a hostile user types or pastes where a number goes
HOSTILE = [
    ("nan", "nan"), ("NaN", "NaN"), ("inf", "inf"), ("minus-inf", "-inf"),
    ("Infinity", "Infinity"), ("minus-zero", "-0"), ("largest", "1e308"),
    ("overflows", "1e309"), ("subnormal", "1e-320"), ("smallest", "5e-324"), ("empty", ""),
    ("blank", "   "), ("tab", "\t"), ("padded", " 1 "), ("arabic-indic", "\u0663"),
    ("arabic-indic-10", "\u0661\u0660"), ("fullwidth", "\uff11"), ("superscript", "\u00b2"),
    ("minus-sign", "\u22121"), ("cyrillic-e", "1\u04355"), ("nbsp-after", "1\u00a0"),
    ("nbsp-before", "\u00a01"), ("zero-width-space", "1\u200b"), ("rtl-mark", "\u200f1"),
    ("rtl-override", "1\u202e"), ("power", "10**12"), ("trillion", "1000000000000"),
    ("1e12", "1e12"), ("hex", "0x10"), ("underscore", "1_0"), ("negative", "-1"),
    ("zero", "0"), ("comma", "1,2"), ("nul", "\x00"), ("emoji", "\U0001f642"),
    ("5000-digits", "9" * 5000), ("million", "1000000"), ("half", "0.5"),
]
HOSTILE_IDS = [h[0] for h in HOSTILE]
# the look-alikes and invisibles: a refusal names the character that spoils the number
NAMED = {"superscript": "U+00B2", "minus-sign": "U+2212", "cyrillic-e": "U+0435",
         "zero-width-space": "U+200B", "rtl-mark": "U+200F", "rtl-override": "U+202E",
         "emoji": "U+1F642"}


def count(figures, accepted: bool, n: int = 1) -> None:
    figures[TRIED] = figures.get(TRIED, 0) + n
    key = ACCEPTED if accepted else REFUSED
    figures[key] = figures.get(key, 0) + n


def fixed(figures) -> None:
    figures[FIXED] = figures.get(FIXED, 0) + 1


def every_param():
    """Every parameter a user can set: each optimizer's and schedule's, the stochastic
    settings, max steps, tolerance, seed and the basin grid."""
    seen = {}
    for spec in (*OPTIMIZERS.values(), *SCHEDULES.values()):
        for p in spec.params:
            seen.setdefault((p.name, p.low, p.high, p.integer), p)
    for p in (BATCH_SIZE, NOISE, MAX_STEPS_PARAM, TOL_PARAM, SEED_PARAM, GRID_PARAM):
        seen.setdefault((p.name, p.low, p.high, p.integer), p)
    return list(seen.values())


# -- typed numbers: parse_number, then the parameter's range ----------------------------------

@pytest.mark.parametrize("text", [h[1] for h in HOSTILE], ids=HOSTILE_IDS)
def test_a_typed_number_is_refused_with_one_line_or_accepted_in_range(text,
                                                                      reliability_figures):
    """As the panel, the search form and the command line judge a typed value: parse_number
    then Param.problem, for every parameter there is."""
    for param in every_param():
        try:
            value = parse_number(text, param.name)
        except ValueError as error:
            message = str(error)
            assert message.startswith(f"Invalid {param.name}: ")
            assert "\n" not in message
            count(reliability_figures, accepted=False)
            continue
        problem = param.problem(value)
        if problem:
            assert problem.startswith(f"Invalid {param.name}: ")
            assert "\n" not in problem
            count(reliability_figures, accepted=False)
            continue
        assert math.isfinite(value)
        assert math.copysign(1.0, value) == 1.0 or value != 0, "-0 is taken as 0"
        count(reliability_figures, accepted=True)


@pytest.mark.parametrize(("key", "code"), NAMED.items())
def test_a_look_alike_or_invisible_character_is_named(key, code, reliability_figures):
    """Finding: '1е5' (Cyrillic е), '−1' (U+2212), '1\\u200b' were refused as "'1е5' is not a
    number", which reads as a number to whoever typed it. The message names the character."""
    text = dict(HOSTILE)[key]
    with pytest.raises(ValueError, match=re.escape(code)) as info:
        parse_number(text, "lr")
    assert str(info.value).startswith("Invalid lr: ")
    assert code in odd_character(text)
    if key == "minus-sign":
        assert "type - instead" in str(info.value)
    if key == "cyrillic-e":
        assert "type e instead" in str(info.value)
        fixed(reliability_figures)   # one finding, whichever character


def test_digits_of_other_scripts_and_padding_are_the_numbers_they_show():
    """Python reads '٣' and '１' as 3 and 1: accepted, and harmless (the number shown)."""
    assert parse_number("\u0663", "x") == 3.0
    assert parse_number("\uff11", "x") == 1.0
    assert parse_number(" 1 ", "x") == parse_number("1\u00a0", "x") == 1.0
    assert odd_character("\u0663\uff11 \u00a0") == ""


def test_minus_zero_is_zero(reliability_figures):
    """Finding: '-0' was kept as -0.0, shown back as '-0' and saved as "tol": -0.0."""
    for text in ("-0", "-0.0", " -0 ", "-0e5"):
        value = parse_number(text, "tol")
        assert value == 0.0
        assert math.copysign(1.0, value) == 1.0
    fixed(reliability_figures)


def test_an_empty_value_says_so():
    with pytest.raises(ValueError, match="Invalid lr: the value is empty"):
        parse_number("  ", "lr")


# -- session files: every number of a session, hostile ----------------------------------------

def _session_text() -> str:
    """A session whose numbers are all placeholders ``@0@``, ``@1@``... (see ``_NUMBERS``)."""
    return json.dumps({
        "format": "beale-gui-session", "version": 1,
        "function": {"expression": "x**2 + 3*y**2", "bounds": ["@0@", [-2, 2]],
                     "minima": [["@1@", 0]]},
        "optimizers": [{"name": "adam", "hparams": {"lr": "@2@", "beta1": "@3@", "eps": "@4@"},
                        "schedule": {"name": "step", "params": {"step_size": "@5@"}},
                        "stochastic": {"batch_size": "@6@", "noise": "@7@"}},
                       {"name": "gd", "hparams": {"lr": "@8@"}}],
        "starts": [["@9@", 1.0]], "max_steps": "@10@", "tol": "@11@", "seed": "@12@",
        "view": [["@13@", 3.0], [-2.0, 2.0]]})


# what each placeholder holds in the valid session, and how a hostile value goes in
_NUMBERS = ["[-3, 3]", "0", "0.05", "0.8", "1e-8", "10", "1", "0", "0.01", "0.7", "20", "0",
            "0", "-3.0"]
_PAIRS = {0}   # placeholders that hold a pair: the hostile value goes first
# hostile JSON values (as written in the file): Python's json reads NaN and Infinity
HOSTILE_JSON = ["NaN", "Infinity", "-Infinity", "-0.0", "1e308", "1e309", "1e-320", "5e-324",
                "1" + "0" * 400, "-1", "0", "1e12", "\"\u0663\"", "\"1\u04355\"",
                "\"\u22121\"", "\"\"", "\" 1 \"", "true", "null", "[]", "{}"]


def _with_value(i: int, value: str) -> str:
    text = _session_text()
    for j, default in enumerate(_NUMBERS):
        if j == i:
            default = f"[{value}, 3]" if j in _PAIRS else value
        text = text.replace(f'"@{j}@"', default)
    return text


def _numbers(value):
    """Every number in a JSON-like value."""
    if isinstance(value, dict):
        for v in value.values():
            yield from _numbers(v)
    elif isinstance(value, list):
        for v in value:
            yield from _numbers(v)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield value


def test_the_session_template_loads():
    exp = load_experiment_from_text(_with_value(-1, ""))
    assert exp.max_steps == 20
    assert exp.optimizers[0].hparams["lr"] == 0.05


def load_experiment_from_text(text: str, folder: Path | None = None):
    import tempfile

    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        path = Path(tmp) / "s.json"
        path.write_text(text, encoding="utf-8")
        return load_experiment(path)


@pytest.mark.parametrize("value", HOSTILE_JSON)
def test_a_hostile_number_in_a_session_file_is_refused_or_harmless(value, tmp_path,
                                                                   reliability_figures):
    """Each number of a session file (bounds, minima, hyperparameters, schedule, stochastic
    settings, start, max steps, tolerance, seed, view) in turn: refused with one line naming
    where, or loaded with every number finite, no -0, and runs that go and save again."""
    for i in range(len(_NUMBERS)):
        path = tmp_path / f"s{i}.json"
        path.write_text(_with_value(i, value), encoding="utf-8")
        before = path.read_bytes()
        try:
            session = load_session(path)
        except SessionError as error:
            message = str(error)
        else:
            message = None
        if message is not None:
            assert "\n" not in message
            assert len(message) < 400
            assert path.read_bytes() == before
            count(reliability_figures, accepted=False)
            continue
        saved = session.to_json()   # strict JSON: no NaN, no Infinity
        numbers = list(_numbers(json.loads(saved)))
        assert all(math.isfinite(v) for v in numbers)
        assert "-0.0" not in saved, "-0 is saved as 0"
        exp = session.runnable()
        result = run(exp.function, exp.optimizers, exp.starts,
                     max_steps=min(exp.max_steps, 20), tol=exp.tol, seed=exp.seed)
        assert np.isfinite(result.paths[np.isfinite(result.loss)]).all()
        again = tmp_path / f"again{i}.json"
        save_session(session, again)
        assert load_session(again).to_json() == saved
        count(reliability_figures, accepted=True)


def test_a_session_path_holding_a_nul_is_refused(tmp_path, reliability_figures):
    """Finding: run --session 'a\\0b' raised ValueError (embedded null byte) out of read_json:
    a traceback instead of one line."""
    for name in ("\x00", "a\x00.json", str(tmp_path / "x\x00.json")):
        with pytest.raises(SessionError, match="cannot hold a NUL character"):
            load_session(name)
    fixed(reliability_figures)


def test_a_typed_function_view_overflowing_or_beyond_the_bound_is_refused():
    """Finding: bounds [-1e308, 1e308] loaded (each end finite), and the canvas's grid over a
    span of 2e308 overflowed; bounds at 1e300 drew a view where every run diverged at its
    start. Ends beyond ±1e10 and spans under MIN_VIEW_SPAN are refused; ±1e10 loads."""
    from beale_gui.core.session import bounds_problem, point_problem

    assert "within \u00b11e10" in bounds_problem(((-1e308, 1e308), (-2, 2)))
    assert "within \u00b11e10" in bounds_problem(((1e300, 1.0000001e300), (-2, 2)))
    assert "at least 1e-09" in bounds_problem(((0, 1e-320), (-2, 2)))
    assert "greater than" in bounds_problem(((0, 1), (2, 2)))
    assert bounds_problem(((-1e10, 1e10), (-1e10, 1e10))) is None
    assert point_problem((0, 1e308))
    assert point_problem((-1e10, 1e10)) is None   # the finding is counted by the GUI's test


def test_a_session_of_more_runs_than_the_limit_is_refused_unread(tmp_path, reliability_figures):
    """Finding: a 15 MB session with one million learning rates in a list and eight starts
    took 10 GB of memory in ``run --session`` (and 30 million runs would have fitted the
    engine's 4 GiB estimate, which counts only the recorded steps). Refused when loaded."""
    d = json.loads(_with_value(-1, ""))
    d["optimizers"][1]["hparams"]["lr"] = [0.01] * 1_000_000
    d["starts"] = [[0.5, 0.5]] * 8
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(d))
    with pytest.raises(SessionError, match="9,000,001 runs|8,000,008 runs"):
        load_session(path)
    fixed(reliability_figures)


# -- search -----------------------------------------------------------------------------------

def test_a_log_axis_from_a_subnormal_low_end_gives_finite_values(reliability_figures):
    """Finding: lr from 1e-320 to 0.1 on a log scale made every value between the ends inf
    (log(0.1 / 1e-320) overflows), so the search failed with 'Invalid lr: inf is not finite'
    (and a RuntimeWarning). The span is log(high) - log(low) where the quotient overflows."""
    axis = Axis("lr", 1e-320, 0.1, "log")
    axis.check(OptimizerConfig("gd"))
    values = axis.from_unit(np.linspace(0, 1, 11))
    assert np.isfinite(values).all()
    assert values[0] == 1e-320
    assert values[-1] == 0.1
    assert np.all(np.diff(values) > 0)
    assert np.allclose(axis.to_unit(values), np.linspace(0, 1, 11))
    with np.errstate(over="raise", invalid="raise"):   # the values underflow, by design
        result = search(get_function("beale"), OptimizerConfig("gd"), [axis], budget=9,
                        max_steps=5)
    assert np.isfinite(result.points).all()
    # the usual ranges keep their exact values
    assert Axis("lr", 1e-4, 1e-1, "log").from_unit(np.array([0.5]))[0] == np.exp(
        math.log(1e-4) + 0.5 * math.log(1e-1 / 1e-4))
    fixed(reliability_figures)


@pytest.mark.parametrize(("method", "budget", "rounds", "axes", "starts", "ok"), [
    ("grid", 1_000_000, 3, 1, 8, True),
    ("grid", 1_000_000, 3, 1, 9, False),
    ("random", 1_000_000, 3, 2, 44, False),
    ("coarse-to-fine", 1_000_000, 3, 2, 24, True),
    ("coarse-to-fine", 1_000_000, 3, 2, 26, False),
    ("grid", 1_000_000, 1, 4, 8, True),
    ("random", 1, 1, 1, 1000, True),
])
def test_a_search_too_large_for_memory_is_refused_before_it_runs(method, budget, rounds, axes,
                                                                 starts, ok,
                                                                 reliability_figures):
    """Finding: 1,000,000 configurations x 44 random starts (a search the form and the
    command line allowed) peaked at 18 GB. A round may hold MAX_RUNS_PER_ROUND runs."""
    assert MAX_RUNS_PER_ROUND * BYTES_PER_RUN == 4 * 2**30
    if ok:
        check_work(method, budget, rounds, axes, starts)
        return
    with pytest.raises(ValueError, match="lower the budget") as info:
        check_work(method, budget, rounds, axes, starts)
    assert "GiB" in str(info.value)
    assert "\n" not in str(info.value)
    # search() itself refuses at once, before any run
    names = ["lr", "beta1", "beta2", "eps"][:axes]
    with pytest.raises(ValueError, match="lower the budget"):
        search(get_function("beale"), OptimizerConfig("adam"),
               [Axis(n, 0.1, 0.2) for n in names], method=method, budget=budget,
               rounds=rounds, starts=np.full((starts, 2), 0.5), max_steps=1)
    if method == "random":
        fixed(reliability_figures)


@pytest.mark.parametrize("text", ["lr=\u22121:1", "lr=1e-3:1\u200b", "lr=1\u04355:2"])
def test_a_search_range_with_a_look_alike_names_it(text):
    with pytest.raises(ValueError, match="U\\+"):
        parse_axis(text)


def test_a_search_range_of_minus_zero_is_zero():
    assert math.copysign(1.0, parse_axis("momentum=-0:0.5").low) == 1.0


# -- the first point of the issue: a run that diverged at step 0, written and read back -------

def _diverged_at_start():
    function = parse_expression("log(x)")
    return run(function, [OptimizerConfig("gd")], [[0.0, 1.0], [1.0, 1.0], [-1.0, 1.0]],
               max_steps=5), function


def test_the_csv_spells_non_finite_values_as_documented():
    """log(x) at (0, 1) is -inf with gradient inf, at (-1, 1) NaN: the CSV writes them as
    ``-inf``, ``inf`` and ``nan`` (README, Command line), which float(), numpy and pandas
    read back."""
    result, _ = _diverged_at_start()
    assert [int(s) for s in result.status[[0, 2]]] == [DIVERGED, DIVERGED]
    rows = [line.split(",") for line in csv_text(result).splitlines()]
    header, first = rows[0], rows[1]
    assert first[header.index("loss")] == "-inf"
    assert first[header.index("grad_x")] == "inf"
    third = next(r for r in rows[1:] if r[header.index("run")] == "2")
    assert third[header.index("loss")] == "nan"
    cells = {c for r in rows[1:] for c in r[4:]}
    assert cells & {"-inf", "inf", "nan"} == {"-inf", "inf", "nan"}
    assert not cells & {"NaN", "Infinity", "-Infinity", "None", "null", ""}
    for r in rows[1:]:
        [float(c) for c in r[4:]]   # noqa: B018 - each reads back as a float


def test_the_json_holds_null_and_reopens_with_the_same_statuses(tmp_path):
    result, function = _diverged_at_start()
    exp = Experiment(function, list(result.configs), np.array(result.starts), 5, 0.0, 0,
                     "log(x)")
    path = tmp_path / "d.json"
    write_json(exp, result, path)

    def refuse(constant):
        raise AssertionError(f"the JSON holds {constant}")

    data = json.loads(path.read_text(), parse_constant=refuse)
    assert [r["status"] for r in data["runs"]] == ["diverged", "max steps", "diverged"]
    assert data["runs"][0]["loss"] == [None]
    assert data["runs"][0]["grad_x"] == [None]
    again = load_experiment(path).run()
    assert [again.describe(i) for i in range(3)] == [result.describe(i) for i in range(3)]
    assert json_dict(exp, again)["runs"] == data["runs"]


# -- interrupted writes -----------------------------------------------------------------------

class DiskFills:
    """A file object whose writes stop with ENOSPC after ``room`` bytes."""

    def __init__(self, fh, room: int) -> None:
        self._fh, self._room = fh, room

    def write(self, data) -> int:
        if len(data) > self._room:
            self._fh.write(data[: self._room])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= len(data)
        return self._fh.write(data)

    def __getattr__(self, name):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self._fh.__exit__(*exc)


def _writers(tmp_path):
    result, function = _diverged_at_start()
    exp = Experiment(function, list(result.configs), np.array(result.starts), 5, 0.0, 0,
                     "log(x)")
    return {
        "csv": lambda p: write_csv(result, p),
        "json": lambda p: write_json(exp, result, p),
        "session": lambda p: save_session(Session(exp), p),
        "text": lambda p: write_text_atomic(p, "new " * 10_000),
    }


@pytest.mark.parametrize("kind", ["csv", "json", "session", "text"])
@pytest.mark.parametrize("room", [0, 10, 100])
def test_a_disk_that_fills_midway_keeps_the_old_file(kind, room, tmp_path, monkeypatch,
                                                     reliability_figures):
    target = tmp_path / "out.dat"
    target.write_text("old")
    real = os.fdopen
    monkeypatch.setattr(fileio.os, "fdopen", lambda *a, **k: DiskFills(real(*a, **k), room))
    with pytest.raises(OSError, match="No space left on device") as info:
        _writers(tmp_path)[kind](target)
    assert str(target) in str(info.value)
    monkeypatch.undo()
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.dat"], "no temporary file is left"
    reliability_figures[KEPT] = reliability_figures.get(KEPT, 0) + 1


@pytest.mark.parametrize("kind", ["csv", "json", "session", "text"])
def test_a_folder_that_disappears_before_the_write_is_reported(kind, tmp_path, monkeypatch):
    folder = tmp_path / "gone"
    folder.mkdir()
    real = fileio.tempfile.mkstemp

    def vanish(*args, **kwargs):
        shutil.rmtree(folder)
        return real(*args, **kwargs)

    monkeypatch.setattr(fileio.tempfile, "mkstemp", vanish)
    with pytest.raises(OSError, match="cannot write .*gone"):
        _writers(tmp_path)[kind](folder / "out.dat")
    assert not folder.exists()


@pytest.mark.parametrize("kind", ["csv", "json", "session", "text"])
def test_a_file_replaced_by_a_folder_before_the_rename_is_reported(kind, tmp_path, monkeypatch):
    target = tmp_path / "out.dat"
    target.write_text("old")
    real = os.replace

    def swap(src, dst):
        Path(dst).unlink()
        Path(dst).mkdir()
        return real(src, dst)

    monkeypatch.setattr(fileio.os, "replace", swap)
    with pytest.raises(OSError, match="cannot write"):
        _writers(tmp_path)[kind](target)
    monkeypatch.undo()
    assert target.is_dir()
    assert [p.name for p in tmp_path.iterdir()] == ["out.dat"], "no temporary file is left"


def test_a_path_holding_a_nul_is_refused_before_anything_is_written(tmp_path,
                                                                    reliability_figures):
    """Finding: --csv 'a\\0.csv' passed the early path check, so the runs were computed
    before the write failed (the README promises paths are checked first)."""
    for name in ("a\x00.csv", str(tmp_path / "b\x00.csv")):
        with pytest.raises(OSError, match="cannot hold a NUL character"):
            check_writable(name)
        with pytest.raises(OSError, match="cannot hold a NUL character"):
            write_atomic(name, lambda fh: fh.write(b"x"))
    assert list(tmp_path.iterdir()) == []
    fixed(reliability_figures)


def test_a_diverged_run_loaded_from_its_own_export_needs_nothing_else(tmp_path):
    """``run --session out.json`` with nothing else given replays the same runs."""
    result, function = _diverged_at_start()
    exp = Experiment(function, list(result.configs), np.array(result.starts), 5, 0.0, 0,
                     "log(x)")
    path = tmp_path / "out.json"
    write_json(exp, result, path)
    exp2 = load_experiment(path)
    assert exp2.expression == "log(x)"
    assert exp2.max_steps == 5
    assert np.array_equal(exp2.run().status, result.status)
    get_function("beale")   # the registry is untouched by a typed function
