"""Sessions as versioned, validated JSON: round trips, presets, data exports that replay, files
that are refused with a message naming the problem, and atomic saves that keep the old file."""

import copy
import json
import os

import numpy as np
import pytest

from beale_gui.core import engine
from beale_gui.core.engine import OptimizerConfig, StochasticConfig
from beale_gui.core.functions import get_function, parse_expression
from beale_gui.core.schedules import ScheduleConfig
from beale_gui.core.session import (
    FORMAT,
    VERSION,
    Experiment,
    Session,
    SessionError,
    save_session,
    usable_view,
)
from beale_gui.core.session_load import (
    experiment_from_dict,
    load_experiment,
    load_session,
    session_from_dict,
)
from beale_gui.export.data import json_dict
from beale_gui.resources import preset_paths

PRESETS = preset_paths()
REFUSED = "corrupt session files refused"
WRONG = "wrong-typed session values refused"
KEPT = "failed writes with the old file intact"


def full_session() -> Session:
    """A session using every feature: expression, schedules, noise, colours, a switched-off
    optimizer, several starts, a view and a title."""
    function = parse_expression("x**2 + 10*sin(y)", bounds=((-3, 3), (-2, 4)),
                                minima=[[0, -np.pi / 2]])
    configs = [
        OptimizerConfig("gd", {"lr": 0.01}),
        OptimizerConfig("adam", {"lr": 0.05, "beta1": 0.8},
                        ScheduleConfig("inverse_time", {"decay": 0.01}), StochasticConfig(2, 0.3)),
        OptimizerConfig("momentum", {"lr": 0.002, "momentum": 0.95},
                        ScheduleConfig("cosine", {"period": 300, "min_factor": 0.1})),
    ]
    exp = Experiment(function, configs, np.array([[0.5, 1.0], [-2.0, 2.5]]), 400, 1e-9, 17,
                     "x**2 + 10*sin(y)", view=((-1.0, 2.0), (0.0, 3.0)),
                     colours=["#E69F00", "#56b4e9", None])
    return Session(exp, [True, True, False], title="Everything", description="All of it")


def base_dict() -> dict:
    return json.loads(full_session().to_json())


# -- round trips -------------------------------------------------------------------------------

def test_a_session_round_trips_through_json():
    session = full_session()
    again = session_from_dict(json.loads(session.to_json()))
    assert again.to_dict() == session.to_dict()
    exp = again.experiment
    assert exp.expression == "x**2 + 10*sin(y)"
    assert exp.function.bounds == ((-3.0, 3.0), (-2.0, 4.0))
    assert exp.view == ((-1.0, 2.0), (0.0, 3.0))
    assert exp.colours == ["#E69F00", "#56b4e9", None]
    assert again.enabled == [True, True, False]
    assert exp.optimizers[1].stochastic == StochasticConfig(2, 0.3)
    assert exp.optimizers[2].schedule == ScheduleConfig("cosine", {"period": 300,
                                                                   "min_factor": 0.1})
    assert (again.title, again.description) == ("Everything", "All of it")


def test_the_runnable_experiment_holds_the_enabled_optimizers_only():
    exp = experiment_from_dict(base_dict())
    assert [c.name for c in exp.optimizers] == ["gd", "adam"]
    assert exp.colours == ["#E69F00", "#56b4e9"]
    result = exp.run()
    assert result.n_runs == 4


def test_a_session_without_the_window_parts_still_loads():
    d = base_dict()
    for o in d["optimizers"]:
        o.pop("colour", None)
        o.pop("enabled", None)
    for key in ("view", "title", "description"):
        d.pop(key)
    session = session_from_dict(d)
    assert session.enabled == [True] * 3
    assert session.experiment.view is None
    assert session.experiment.colours is None


def test_a_session_without_start_points_loads_as_the_window_saved_it():
    d = base_dict()
    d["starts"] = []
    session = session_from_dict(d)
    assert session.experiment.starts.shape == (0, 2)
    assert session_from_dict(session.to_dict()).experiment.starts.shape == (0, 2)
    with pytest.raises(ValueError, match="start points"):
        session.runnable().run()


def test_only_a_usable_view_is_kept():
    assert usable_view(((0, 1), (2, 3))) == ((0.0, 1.0), (2.0, 3.0))
    for bad in (((0, 0), (2, 3)), ((0, 1), (3, 2)), ((0, np.inf), (2, 3)),
                ((0, 1e-12), (0, 1)), ((-1e308, 1e308), (0, 1)), None, "view"):
        assert usable_view(bad) is None


def test_unknown_top_level_keys_are_kept():
    d = base_dict()
    d["note"] = {"by": "a student"}
    session = session_from_dict(d)
    assert session.to_dict()["note"] == {"by": "a student"}


def test_variants_of_a_hyperparameter_load_for_the_command_line():
    d = base_dict()
    d["optimizers"][0]["hparams"]["lr"] = [0.01, 0.02, 0.03]
    exp = experiment_from_dict(d)
    assert exp.optimizers[0].n_variants == 3


@pytest.mark.parametrize("path", PRESETS, ids=[p.stem for p in PRESETS])
def test_every_preset_is_a_valid_titled_session_that_runs(path):
    session = load_session(path)
    assert session.title
    assert session.description
    assert all(session.enabled)
    assert session.experiment.colours
    assert all(session.experiment.colours)
    result = session.runnable().run()
    assert np.isfinite(result.final_loss).all()
    assert (result.status != engine.DIVERGED).all()


def test_there_are_the_presets_the_issue_asks_for():
    titles = " | ".join(load_session(p).title.lower() for p in PRESETS)
    # the seed's two runs and all its optimizers, titled in plain words (issue 15)
    for words in ("gradient descent on beale", "momentum overshoots", "six optimizers race",
                  "saddle", "rosenbrock", "himmelblau", "noisy sgd", "decay"):
        assert words in titles


@pytest.mark.parametrize(("stem", "last_step", "xy"), [
    ("01-seed-gd", 516, (2.91246, 0.47730)),
    ("02-seed-momentum", 379, (3.00194, 0.50048)),
])
def test_the_seed_presets_reproduce_the_published_runs(stem, last_step, xy):
    result = load_experiment(next(p for p in PRESETS if p.stem == stem)).run()
    assert result.status[0] == engine.CONVERGED
    assert result.stop_step[0] == last_step
    np.testing.assert_array_equal(np.round(result.final_xy[0], 5), xy)


def test_a_data_export_opens_as_a_session_and_replays_the_same_runs(tmp_path):
    exp = full_session().runnable()
    result = exp.run()
    path = tmp_path / "runs.json"
    path.write_text(json.dumps(json_dict(exp, result), allow_nan=False))
    replay = load_experiment(path).run()
    np.testing.assert_array_equal(replay.paths, result.paths)   # stochastic runs too
    np.testing.assert_array_equal(replay.stop_step, result.stop_step)
    session = load_session(path)
    assert session.experiment.view == exp.view
    assert session.title == "Everything"


# -- refusals ----------------------------------------------------------------------------------

def change(d: dict, path: tuple, value) -> dict:
    """``d`` with the item at ``path`` set to ``value``, or removed for ``DELETE``; in place."""
    target = d
    for key in path[:-1]:
        target = target[key]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return d


def _mutated(path: tuple, value) -> dict:
    return change(base_dict(), path, value)


DELETE = object()   # change(): remove the key
BAD_VALUES = [
    # (where, value, words the message must contain)
    (("format",), "something-else", "not a Beale GUI session"),
    (("format",), DELETE, "not a Beale GUI session"),
    (("version",), VERSION + 1, "newer than this program reads"),
    (("version",), 99, "update Beale GUI"),
    (("version",), "1", "version"),
    (("version",), True, "version"),
    (("version",), 0, "version"),
    (("version",), 1.5, "version"),
    (("function",), "beale", "function: expected an object, got a string"),
    (("function",), {"name": "bale"}, "unknown function 'bale'"),
    (("function",), {"name": 3}, "function.name: expected a string"),
    (("function",), {}, "function: missing 'name'"),
    (("function", "expression"), "__import__('os')", "function"),
    (("function", "expression"), 42, "function.expression: expected a string"),
    (("function", "expression"), "x" * 5000, "too long"),
    (("function", "bounds"), [[3, -3], [-2, 4]], "bounds"),
    (("function", "bounds"), [[-3, 3]], "function.bounds: expected at least 2"),
    (("function", "bounds"), [["-3", 3], [-2, 4]], "function.bounds[0]: expected a number"),
    (("function", "minima"), [[0]], "function.minima[0]: expected [x, y]"),
    (("optimizers",), {}, "optimizers: expected a list, got an object"),
    (("optimizers",), None, "optimizers: expected a list, got null"),
    (("optimizers",), [{"name": "gd"}] * 65, "the limit is 64"),
    (("optimizers", 0), "gd", "optimizers[0]: expected an object"),
    (("optimizers", 0, "name"), "adamm", "unknown optimizer 'adamm'"),
    (("optimizers", 0, "name"), DELETE, "optimizers[0]: missing 'name'"),
    (("optimizers", 0, "hparams"), [0.01], "optimizers[0].hparams: expected an object"),
    (("optimizers", 0, "hparams", "lr"), "0.01", "optimizers[0].hparams.lr: expected a number"),
    (("optimizers", 0, "hparams", "lr"), -1, "Invalid lr"),
    (("optimizers", 0, "hparams", "lr"), 0, "Invalid lr"),
    (("optimizers", 0, "hparams", "lr"), True, "expected a number, got true/false"),
    (("optimizers", 0, "hparams", "lr"), None, "expected a number, got null"),
    (("optimizers", 0, "hparams", "lr"), 10**400, "not a finite number"),
    (("optimizers", 0, "hparams", "lr"), [], "non-empty list"),
    (("optimizers", 0, "hparams", "beta1"), 0.9, "unknown parameter 'beta1'"),
    (("optimizers", 1, "hparams", "beta1"), 1.0, "Invalid beta1"),
    (("optimizers", 0, "hparam"), {}, "unknown key 'hparam'"),
    (("optimizers", 1, "schedule"), "cosine", "schedule: expected an object"),
    (("optimizers", 1, "schedule", "name"), "linear", "unknown schedule 'linear'"),
    (("optimizers", 1, "schedule", "params", "decay"), -1, "Invalid decay"),
    (("optimizers", 1, "schedule", "params", "period"), 5, "unknown parameter 'period'"),
    (("optimizers", 1, "stochastic"), 2, "stochastic: expected an object"),
    (("optimizers", 1, "stochastic", "batch_size"), 0, "Invalid batch_size"),
    (("optimizers", 1, "stochastic", "batch_size"), 1.5, "whole number"),
    (("optimizers", 1, "stochastic", "noise"), "loud", "expected a number"),
    (("optimizers", 1, "stochastic", "seed"), 3, "unknown key 'seed'"),
    (("optimizers", 0, "colour"), "red", "expected #rrggbb"),
    (("optimizers", 0, "colour"), 0xFF0000, "colour: expected a string"),
    (("optimizers", 0, "enabled"), "yes", "enabled: expected true or false"),
    (("optimizers", 0, "enabled"), 1, "enabled: expected true or false"),
    (("starts",), [0.7, 1.4], "starts[0]: expected a list"),
    (("starts",), [[0.7]], "starts[0]: expected [x, y]"),
    (("starts",), [[0.7, "1.4"]], "starts[0]: expected a number, got a string"),
    (("starts",), [[0.7, 1e999]], "not a finite number"),
    (("starts",), [[0, 0]] * 1001, "the limit is 1000"),
    (("starts",), DELETE, "starts: expected a list, got null"),
    (("max_steps",), -5, "Invalid max_steps"),
    (("max_steps",), 2.5, "whole number"),
    (("max_steps",), 10**9, "Invalid max_steps"),
    (("max_steps",), "1000", "max_steps: expected a number"),
    (("tol",), -1e-5, "Invalid tol"),
    (("tol",), None, "tol: expected a number, got null"),
    (("seed",), -1, "Invalid seed"),
    (("seed",), 2**40, "Invalid seed"),
    (("view",), [[2, 1], [0, 3]], "view: expected [[x min, x max], [y min, y max]]"),
    (("view",), [[0, 1]], "view: expected at least 2"),
    (("view",), "all", "view: expected a list"),
    (("title",), 7, "title: expected a string"),
    (("description",), "x" * 10_001, "the limit is 10000"),
]


@pytest.mark.parametrize(("where", "value", "words"), BAD_VALUES,
                         ids=[".".join(map(str, w)) + f"={str(v)[:12]}" for w, v, _ in BAD_VALUES])
def test_a_wrong_value_is_refused_with_a_message_naming_it(where, value, words, tmp_path,
                                                           reliability_figures):
    d = _mutated(where, value)
    with pytest.raises(SessionError, match=None) as info:
        session_from_dict(d)
    assert words in str(info.value), str(info.value)
    # the same through a file: the message also names the file
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(d))
    with pytest.raises(SessionError) as info:
        load_session(path)
    assert "bad.json" in str(info.value)
    assert words in str(info.value)
    reliability_figures[REFUSED] = reliability_figures.get(REFUSED, 0) + 1


BAD_FILES = [
    (b"", "is empty"),
    (b"   \n", "is empty"),
    (b"{", "is truncated"),
    (b'{"format": "beale-gui-session", "version": 1, "function": {"na', "is truncated"),
    (b"not json at all", "is not valid JSON"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    (b"\xff\xfe{\x00}\x00", "not a text file"),
    (b"[1, 2, 3]", "holds a list, not an object"),
    (b'"a session"', "holds a string"),
    (b"null", "holds null"),
    (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
    (b'{"max_steps": 1' + b"0" * 5000 + b"}", "not valid JSON"),
    (b'{"format": "beale-gui-session", "version": NaN}', "version"),
]


@pytest.mark.parametrize(("content", "words"), BAD_FILES,
                         ids=[w.replace(" ", "-") + str(i) for i, (_, w) in enumerate(BAD_FILES)])
def test_a_garbage_file_is_refused_with_a_message(content, words, tmp_path, reliability_figures):
    path = tmp_path / "garbage.json"
    path.write_bytes(content)
    with pytest.raises(SessionError) as info:
        load_session(path)
    assert words in str(info.value), str(info.value)
    assert "Traceback" not in str(info.value)
    reliability_figures[REFUSED] = reliability_figures.get(REFUSED, 0) + 1


def test_a_missing_or_unreadable_file_says_why(tmp_path):
    with pytest.raises(SessionError, match="cannot read .*No such file"):
        load_session(tmp_path / "nope.json")
    with pytest.raises(SessionError, match="cannot read"):
        load_session(tmp_path)   # a folder


def test_every_truncation_of_every_preset_is_refused(reliability_figures):
    refused = 0
    for path in PRESETS:
        data = path.read_bytes().rstrip()
        for cut in range(0, len(data), max(1, len(data) // 40)):
            with pytest.raises(SessionError, match="truncated|empty|not valid JSON"):
                session_from_text(data[:cut])
            refused += 1
    reliability_figures[REFUSED] = reliability_figures.get(REFUSED, 0) + refused


def session_from_text(data: bytes):
    import tempfile

    with tempfile.NamedTemporaryFile("wb", suffix=".json", delete=False) as fh:
        fh.write(data)
    try:
        return load_session(fh.name)
    finally:
        os.unlink(fh.name)


def _leaves(d, path=()):
    if isinstance(d, dict):
        for k, v in d.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(d, list):
        for i, v in enumerate(d):
            yield from _leaves(v, (*path, i))
    yield path


WRONG_TYPES = ["text", 3.5, -7, True, None, [], [1, 2], {}, {"a": 1}]


def test_every_value_of_every_preset_replaced_by_a_wrong_type_is_refused_or_harmless(
        reliability_figures):
    """Each value in each preset swapped for each wrong type: either a SessionError naming
    where, or a session that still builds (e.g. ``"schedule": null`` means constant)."""
    refused = 0
    for path in PRESETS:
        original = json.loads(path.read_text())
        for where in _leaves(original):
            if not where:
                continue
            for value in WRONG_TYPES:
                d = copy.deepcopy(original)
                target = d
                for key in where[:-1]:
                    target = target[key]
                target[where[-1]] = value
                try:
                    session_from_dict(d)
                    continue
                except SessionError as exc:
                    message = str(exc)
                assert str(where[0]) in message or "session" in message, (where, value)
                refused += 1
    assert refused > 1000
    reliability_figures[WRONG] = reliability_figures.get(WRONG, 0) + refused


def test_a_refused_file_changes_nothing_it_is_given(tmp_path):
    d = _mutated(("starts",), [[0.7, "x"]])
    before = copy.deepcopy(d)
    with pytest.raises(SessionError):
        session_from_dict(d)
    assert d == before


# -- atomic saves ------------------------------------------------------------------------------

def _failing_writes(tmp_path, monkeypatch):
    """Ways a save can fail after the target already exists; each yields a callable."""
    import beale_gui.core.fileio as fileio

    def replace_fails():
        monkeypatch.setattr(fileio.os, "replace",
                            lambda *a: (_ for _ in ()).throw(OSError(13, "Permission denied")))

    def disk_full():
        monkeypatch.setattr(fileio.os, "fsync",
                            lambda fd: (_ for _ in ()).throw(OSError(28, "No space left on "
                                                                          "device")))

    def no_temporary():
        monkeypatch.setattr(fileio.tempfile, "mkstemp",
                            lambda **k: (_ for _ in ()).throw(OSError(30, "Read-only file "
                                                                          "system")))

    return {"replace fails": (replace_fails, "Permission denied"),
            "disk full": (disk_full, "No space left"),
            "read-only folder": (no_temporary, "Read-only file system")}


@pytest.mark.parametrize("failure", ["replace fails", "disk full", "read-only folder"])
def test_a_failed_save_keeps_the_old_file_and_says_why(failure, tmp_path, monkeypatch,
                                                       reliability_figures):
    target = tmp_path / "s.json"
    save_session(full_session(), target)
    old = target.read_bytes()
    breaker, words = _failing_writes(tmp_path, monkeypatch)[failure]
    breaker()
    with pytest.raises(OSError, match=words) as info:
        save_session(full_session(), target)
    assert "s.json" in str(info.value)
    monkeypatch.undo()
    assert target.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.json"]   # no temporary left
    assert load_session(target).to_dict() == full_session().to_dict()
    reliability_figures[KEPT] = reliability_figures.get(KEPT, 0) + 1


def test_a_value_json_cannot_hold_fails_before_the_file_is_touched(tmp_path,
                                                                   reliability_figures):
    target = tmp_path / "s.json"
    save_session(full_session(), target)
    old = target.read_bytes()
    session = full_session()
    session.experiment.extra["bad"] = float("nan")
    with pytest.raises(ValueError, match="JSON"):
        save_session(session, target)
    assert target.read_bytes() == old
    reliability_figures[KEPT] = reliability_figures.get(KEPT, 0) + 1


def test_saving_into_a_missing_folder_says_so(tmp_path):
    with pytest.raises(OSError, match="does not exist"):
        save_session(full_session(), tmp_path / "nope" / "s.json")


# -- bounds ------------------------------------------------------------------------------------

def test_a_run_too_big_for_memory_is_refused_up_front_naming_the_limit():
    exp = Experiment(get_function("beale"), [OptimizerConfig("adam")] * 8,
                     np.zeros((1000, 2)), max_steps=1_000_000)
    with pytest.raises(ValueError, match=r"the limit is 4 GiB"):
        exp.run()


def test_the_format_header_is_what_the_files_say():
    d = base_dict()
    assert d["format"] == FORMAT
    assert d["version"] == VERSION == 1


def test_the_second_order_preset_says_what_it_shows():
    """Its description's numbers: Newton 9 steps, CG 26, L-BFGS 42 (with more evaluations
    than steps), Adam 1877, GD not there after 3000."""
    result = load_experiment(next(p for p in PRESETS
                                  if p.stem == "09-second-order-for-contrast")).run()
    names = [result.configs[c].name for c in result.config_index]
    steps = dict(zip(names, result.stop_step.tolist(), strict=True))
    assert steps == {"gd": 3000, "adam": 1877, "newton": 9, "lbfgs": 42, "cg": 26}
    assert result.status[names.index("gd")] == engine.MAX_STEPS
    for name in ("lbfgs", "cg"):
        i = names.index(name)
        assert result.final_evals[i] > result.stop_step[i] + 1
        np.testing.assert_allclose(result.final_xy[i], [1.0, 1.0], atol=1e-5)
