"""Plug-in optimizers: a file's PARAMS, init and update beside the built-ins (issue 27).

A plug-in that reimplements gradient descent must give gd's paths bit for bit, on every path
the engine would take for gd (the plug-in itself always takes numpy blocks); every way a
plug-in can fail is one line naming it, and fails its own runs only.
"""

from __future__ import annotations

import importlib.metadata
import json
import textwrap
import types
from pathlib import Path

import numpy as np
import pytest

from beale_gui.core import engine
from beale_gui.core.basins import basin_map
from beale_gui.core.engine import DIVERGED, Cancelled, EngineTuning, OptimizerConfig
from beale_gui.core.explain import explain
from beale_gui.core.functions import get_function
from beale_gui.core.optimizers import OPTIMIZERS, PluginError, get_optimizer, plugins
from beale_gui.core.params import Param
from beale_gui.core.schedules import ScheduleConfig
from beale_gui.core.search import Axis, search
from beale_gui.core.session import Experiment, PluginRefused, SessionError
from beale_gui.core.session_load import pending_plugins, session_from_dict

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

GD = """
PARAMS = {"lr": (0.01, 0.0, 1e6)}

def init(n, hp):
    return {}

def update(w, g, state, hp, lr, t):
    return w - g * lr
"""

STARTS = np.array([[0.7, 1.4], [-2.0, 2.0], [1.0, 1.0], [3.5, -1.0], [0.0, 0.0]])


# every test starts and ends with no plug-in registered (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("no_plugins")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.py"
    path.write_text(textwrap.dedent(text))
    return path


# -- loading ------------------------------------------------------------------------------------

def test_the_sign_descent_example_loads_and_steps_by_the_sign():
    spec = plugins.load_file(EXAMPLES / "sign_descent.py")
    assert spec.name == "sign_descent"
    assert spec.title == "Sign descent"
    assert spec.numpy_only
    assert get_optimizer("sign-descent") is spec
    assert "sign_descent" not in OPTIMIZERS
    assert plugins.plugin_specs() == {"sign_descent": spec}
    fn = get_function("beale")
    result = engine.run(fn, OptimizerConfig("sign_descent", {"lr": 0.01}), STARTS, max_steps=3)
    g0 = fn.grad(STARTS)
    assert np.array_equal(result.paths[:, 1], STARTS - 0.01 * np.sign(g0))


def test_the_adam_variant_example_records_its_moment_and_rate():
    plugins.load_file(EXAMPLES / "adam_variant.py")
    result = engine.run(get_function("beale"), OptimizerConfig("adam_variant", {"lr": 0.05}),
                        STARTS[:2], max_steps=20, record_state=True)
    m = result.state_of(0)["m"]
    assert np.array_equal(result.moment[0, 1:], m[1:])
    dw = result.paths[0, 1:] - result.paths[0, :-1]
    # the step is minus the effective rate times the moment it declares
    np.testing.assert_allclose(dw, -result.effective_lr[0, 1:] * m[1:], rtol=1e-12)


def test_hyperparameters_are_declared_with_ranges_and_checked(tmp_path):
    write(tmp_path, "listed", """
        from beale_gui.core.params import Param
        PARAMS = [Param("lr", 0.1, 0.0, 1.0, low_open=True), Param("beta", 0.5, 0.0, 1.0)]
        def init(n, hp): return {"v": [[0.0, 0.0]] * n}
        def update(w, g, state, hp, lr, t): return w - lr * hp["beta"] * g
    """)
    write(tmp_path, "no_lr", """
        PARAMS = {"beta": (0.5, 0.0, 1.0)}
        def init(n, hp): return {}
        def update(w, g, state, hp, lr, t): return w - lr * g
    """)
    listed = plugins.load_file(tmp_path / "listed.py")
    assert listed.defaults == {"lr": 0.1, "beta": 0.5}
    assert OptimizerConfig("listed", {"beta": 0.25}).hparams == {"lr": 0.1, "beta": 0.25}
    with pytest.raises(ValueError, match="beta"):
        OptimizerConfig("listed", {"beta": 2.0})
    with pytest.raises(ValueError, match="lr"):
        OptimizerConfig("listed", {"lr": 0.0})
    with pytest.raises(ValueError, match="gamma"):
        OptimizerConfig("listed", {"gamma": 0.1})
    # no lr declared: the usual one is added
    assert plugins.load_file(tmp_path / "no_lr.py").defaults == {"lr": 0.01, "beta": 0.5}


def test_a_plugin_may_not_take_a_builtin_name(tmp_path):
    with pytest.raises(PluginError, match="built-in"):
        plugins.load_file(write(tmp_path, "adam", GD))
    with pytest.raises(PluginError, match="built-in"):
        plugins.register(get_optimizer("gd"))
    assert get_optimizer("adam") is OPTIMIZERS["adam"]


# -- the same numbers as gd ---------------------------------------------------------------------

@pytest.mark.parametrize("path", ["auto", "batch", "few_runs"])
def test_a_plugin_that_is_gd_gives_gds_paths_bit_for_bit(tmp_path, path):
    plugins.load_file(write(tmp_path, "mygd", GD))
    fn = get_function("beale")
    tuning = EngineTuning(path=path)
    schedule = ScheduleConfig("inverse_time", {"decay": 0.01})
    for hp, sch in (({"lr": 0.01}, ScheduleConfig()), ({"lr": 0.02}, schedule),
                    ({"lr": 0.5}, ScheduleConfig())):        # the last diverges
        # a mixed batch: gd goes down ``path``, its plug-in twin down numpy blocks
        result = engine.run(fn, [OptimizerConfig("gd", hp, sch), OptimizerConfig("mygd", hp, sch)],
                            STARTS, max_steps=300, tol=1e-9, tuning=tuning)
        n = len(STARTS)
        assert np.array_equal(result.paths[:n], result.paths[n:])
        assert np.array_equal(result.status[:n], result.status[n:])
        assert np.array_equal(result.stop_step[:n], result.stop_step[n:])
        assert np.array_equal(result.final_xy[:n], result.final_xy[n:])
    assert (result.status == DIVERGED).any()             # the last batch's divergence too


def test_numpy_only_groups_take_numpy_blocks_whatever_the_path(tmp_path):
    plugins.load_file(write(tmp_path, "mygd", GD))
    seen = []
    lrs = np.geomspace(1e-4, 1e-2, 600)
    for path in ("auto", "few_runs", "compiled", "batch"):
        tuning = EngineTuning(path=path, parallel_min_rows=256, on_blocks=seen.append)
        for configs in ([OptimizerConfig("mygd")],                         # small
                        [OptimizerConfig("mygd", {"lr": lrs})]):            # large, cut
            seen.clear()
            engine.run(get_function("beale"), configs, STARTS[:1], max_steps=5, tuning=tuning)
            blocks = seen[0]
            assert blocks
            assert all(type(b).__name__ == "Block" for b in blocks)


def test_a_large_plugin_batch_across_blocks_equals_gd(tmp_path):
    plugins.load_file(write(tmp_path, "mygd", GD))
    lrs = np.geomspace(1e-4, 2e-2, 3000)
    tuning = EngineTuning(path="batch", parallel_min_rows=256, workers=2)
    ours = engine.run(get_function("rosenbrock"), OptimizerConfig("mygd", {"lr": lrs}),
                      STARTS[:2], max_steps=200, tol=1e-12, record=False, tuning=tuning)
    gd = engine.run(get_function("rosenbrock"), OptimizerConfig("gd", {"lr": lrs}),
                    STARTS[:2], max_steps=200, tol=1e-12, record=False, tuning=tuning)
    assert np.array_equal(ours.final_xy, gd.final_xy)
    assert np.array_equal(ours.status, gd.status)
    assert np.array_equal(ours.stop_step, gd.stop_step)
    assert (ours.status == DIVERGED).any()
    assert not ours.failures


def test_search_and_basin_map_with_a_plugin(tmp_path):
    plugins.load_file(write(tmp_path, "mygd", GD))
    fn = get_function("beale")
    axes = [Axis("lr", 1e-4, 0.05, "log")]
    ours = search(fn, OptimizerConfig("mygd"), axes, budget=40, max_steps=200, tol=1e-7,
                  objective="steps")
    gd = search(fn, OptimizerConfig("gd"), axes, budget=40, max_steps=200, tol=1e-7,
                objective="steps")
    assert np.array_equal(ours.points, gd.points)
    assert np.array_equal(ours.scores, gd.scores)
    ours = basin_map(fn, OptimizerConfig("mygd", {"lr": 0.005}), grid=24, max_steps=300)
    gd = basin_map(fn, OptimizerConfig("gd", {"lr": 0.005}), grid=24, max_steps=300)
    assert np.array_equal(ours.outcome, gd.outcome)
    assert np.array_equal(ours.final_xy, gd.final_xy)


def test_a_plugin_step_is_explained_as_a_plugin(tmp_path):
    plugins.load_file(write(tmp_path, "mygd", GD))
    result = engine.run(get_function("beale"), OptimizerConfig("mygd"), STARTS[:1],
                        max_steps=3, record_state=True)
    text = explain(result, 0, 2)
    assert "mygd" in " ".join(text.rule)


# -- failures, one line each --------------------------------------------------------------------

LOAD_FAILURES = {
    "raises": ("raise RuntimeError('no\\nway')", "raised on import: RuntimeError: no way"),
    "syntax": ("def update(:", "raised on import: SyntaxError"),
    "exits": ("import sys; sys.exit(3)", "raised on import: SystemExit"),
    "no_update": ("PARAMS = {}\ndef init(n, hp): return {}", "lacks update"),
    "no_anything": ("x = 1", "lacks PARAMS, init, update"),
    "bad_params": ("PARAMS = {'lr': 0.1}\ndef init(n, hp): return {}\n"
                   "def update(w, g, s, hp, lr, t): return w", "PARAMS['lr'] is not"),
    "bad_default": ("PARAMS = {'lr': (5.0, 0.0, 1.0)}\ndef init(n, hp): return {}\n"
                    "def update(w, g, s, hp, lr, t): return w", "the default of"),
    "bad_init": ("PARAMS = {}\ndef init(n, hp): return 3\n"
                 "def update(w, g, s, hp, lr, t): return w", "init returned int"),
    "bad_state": ("import numpy as np\nPARAMS = {}\ndef init(n, hp): return {'v': np.zeros(3)}\n"
                  "def update(w, g, s, hp, lr, t): return w", "has shape (3,)"),
    "init_raises": ("PARAMS = {}\ndef init(n, hp): return 1 / 0\n"
                    "def update(w, g, s, hp, lr, t): return w", "init raised: ZeroDivision"),
    "bad_moment": ("PARAMS = {}\nMOMENT = 'v'\ndef init(n, hp): return {}\n"
                   "def update(w, g, s, hp, lr, t): return w", "MOMENT 'v'"),
}


@pytest.mark.parametrize("name", sorted(LOAD_FAILURES))
def test_a_plugin_that_cannot_load_is_one_line_naming_it(tmp_path, name):
    body, words = LOAD_FAILURES[name]
    with pytest.raises(PluginError) as caught:
        plugins.load_file(write(tmp_path, name, body))
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"plug-in '{name}'")
    assert words in message
    assert name not in plugins.plugin_specs()


def test_a_missing_file_is_one_line(tmp_path):
    with pytest.raises(PluginError, match="plug-in 'nowhere': cannot read"):
        plugins.load_file(tmp_path / "nowhere.py")


STEP_FAILURES = {
    "step_raises": ("    if t == 4:\n        raise KeyError('beta')\n    return w - lr * g",
                    "update raised at step 4: KeyError: 'beta'", 4),
    "step_shape": ("    return (w - lr * g)[:1]", "returned shape (1, 2), not", 1),
    "step_type": ("    return (w - lr * g).tolist()", "returned list, not a numeric array", 1),
    "step_none": ("    w -= lr * g", "returned NoneType", 1),
    "step_nan": ("    return np.where(t >= 3, np.nan, w - lr * g)",
                 "non-finite values at step 3", 3),
}


@pytest.mark.parametrize("name", sorted(STEP_FAILURES))
def test_a_failing_step_fails_its_own_runs_only(tmp_path, name):
    body, words, step = STEP_FAILURES[name]
    write(tmp_path, name, "import numpy as np\nPARAMS = {}\ndef init(n, hp): return {}\n"
          f"def update(w, g, state, hp, lr, t):\n{body}\n")
    plugins.load_file(tmp_path / f"{name}.py")
    fn = get_function("beale")
    adam = OptimizerConfig("adam", {"lr": 0.05})
    result = engine.run(fn, [OptimizerConfig(name), adam], STARTS, max_steps=50)
    alone = engine.run(fn, adam, STARTS, max_steps=50)
    n = len(STARTS)
    assert (result.status[:n] == DIVERGED).all()
    assert (result.event_step[:n] == step).all()
    assert np.isfinite(result.final_xy[:n]).all()                 # the last finite point
    for i in range(n):
        message = result.failure(i)
        assert "\n" not in message
        assert message.startswith(f"plug-in '{name}'")
        assert words in message
        assert message in result.describe(i)
    assert np.array_equal(result.paths[n:], alone.paths)           # Adam's runs unharmed
    assert np.array_equal(result.status[n:], alone.status)
    assert all(result.failure(i) is None for i in range(n, 2 * n))


def test_non_finite_values_fail_only_the_runs_that_have_them(tmp_path):
    write(tmp_path, "some_nan", """
        import numpy as np
        PARAMS = {}
        def init(n, hp): return {}
        def update(w, g, state, hp, lr, t):
            new = w - lr * g
            new[w[:, 0] < 0] = np.nan     # the runs left of the axis break
            return new
    """)
    plugins.load_file(tmp_path / "some_nan.py")
    result = engine.run(get_function("beale"), OptimizerConfig("some_nan"), STARTS,
                        max_steps=20)
    left = STARTS[:, 0] < 0
    assert (result.status[left] == DIVERGED).all()
    assert (result.status[~left] != DIVERGED).all()
    assert sorted(result.failures) == np.flatnonzero(left).tolist()


def test_a_long_plugin_run_is_cancelled_between_steps(tmp_path):
    write(tmp_path, "counted", """
        PARAMS = {"lr": (1e-9, 0.0, 1.0)}
        CALLS = []
        def init(n, hp): return {}
        def update(w, g, state, hp, lr, t):
            CALLS.append(t)
            return w - lr * g
    """)
    plugins.load_file(tmp_path / "counted.py")
    polls = []

    def cancel():
        polls.append(1)
        return len(polls) > 2

    with pytest.raises(Cancelled):
        engine.run(get_function("beale"), OptimizerConfig("counted"), STARTS,
                   max_steps=1_000_000, record=False, cancel=cancel)
    assert len(polls) == 3


def test_the_state_may_be_updated_in_place_or_rebound(tmp_path):
    write(tmp_path, "heavy", """
        import numpy as np
        PARAMS = {"lr": (0.01, 0.0, 1.0), "momentum": (0.9, 0.0, 1.0)}
        MOMENT = "v"
        def init(n, hp): return {"v": np.zeros((n, 2)), "k": np.zeros(n)}
        def update(w, g, state, hp, lr, t):
            if t == 1:
                state["v"][...] = g
            else:
                state["v"] = state["v"] * hp["momentum"] + g
            state["k"] += 1
            return w - state["v"] * lr
    """)
    plugins.load_file(tmp_path / "heavy.py")
    fn = get_function("beale")
    hp = {"lr": 0.01, "momentum": np.array([0.5, 0.9])}
    ours = engine.run(fn, OptimizerConfig("heavy", hp), STARTS, max_steps=200,
                      record_state=True)
    torch_like = engine.run(fn, OptimizerConfig("momentum", hp), STARTS, max_steps=200)
    assert np.array_equal(ours.paths, torch_like.paths)
    assert np.array_equal(ours.state_of(0)["k"][:, 0], np.arange(201.0))


# -- sessions -----------------------------------------------------------------------------------

def _saved(tmp_path) -> tuple[dict, Path]:
    path = write(tmp_path, "mygd", GD)
    plugins.load_file(path)
    exp = Experiment(get_function("beale"), [OptimizerConfig("mygd", {"lr": 0.02}),
                                             OptimizerConfig("adam")], STARTS[:1])
    return json.loads(json.dumps(exp.to_dict())), path


def test_a_session_stores_the_plugins_path_and_checksum_and_loads_with_it(tmp_path):
    d, path = _saved(tmp_path)
    assert d["plugins"] == {"mygd": {"path": str(path.resolve()),
                                     "sha256": plugins.sha256_of(path)}}
    back = session_from_dict(d).experiment        # loaded in this process: it runs
    assert [c.name for c in back.optimizers] == ["mygd", "adam"]
    assert back.optimizers[0].hparams == {"lr": 0.02}


def test_a_session_does_not_run_a_plugin_the_user_did_not_load(tmp_path):
    d, path = _saved(tmp_path)
    plugins.unregister("mygd")
    with pytest.raises(PluginRefused) as caught:
        session_from_dict(d)
    assert caught.value.path == str(path.resolve())
    assert "\n" not in str(caught.value)
    assert "mygd" not in plugins.plugin_specs()
    assert session_from_dict(d, allow_plugins=True).experiment.optimizers[0].name == "mygd"


def test_a_changed_plugin_file_is_refused(tmp_path):
    d, path = _saved(tmp_path)
    path.write_text(GD.replace("w - g * lr", "w + g * lr"))
    plugins.unregister("mygd")
    with pytest.raises(SessionError, match="sha256 differs"):
        session_from_dict(d, allow_plugins=True)
    assert "mygd" not in plugins.plugin_specs()
    plugins.load_file(path)                        # given again, but not the same file
    with pytest.raises(SessionError, match="sha256 differs"):
        session_from_dict(d)


def test_a_sessions_plugins_entry_is_checked(tmp_path):
    d, _ = _saved(tmp_path)
    d["plugins"]["mygd"]["sha256"] = "xyz"
    with pytest.raises(SessionError, match="plugins.mygd.sha256"):
        session_from_dict(d)


def test_pending_plugins_lists_what_to_ask_about_and_runs_nothing(tmp_path):
    d, path = _saved(tmp_path)
    assert pending_plugins(d["plugins"]) == []                  # loaded by the user already
    plugins.unregister("mygd")
    assert pending_plugins(d["plugins"]) == [("mygd", str(path.resolve()),
                                              plugins.sha256_of(path))]
    assert "mygd" not in plugins.plugin_specs()
    path.write_text(GD.replace("w - g * lr", "w + g * lr"))
    with pytest.raises(SessionError, match="sha256 differs"):
        pending_plugins(d["plugins"])
    path.unlink()
    with pytest.raises(SessionError, match="cannot read"):
        pending_plugins(d["plugins"])
    assert pending_plugins(None) == []


# -- entry points -------------------------------------------------------------------------------

class _EntryPoint:
    def __init__(self, name: str, module, loads: list) -> None:
        self.name, self.value, self._module, self._loads = name, f"pkg.{name}", module, loads

    def load(self):
        self._loads.append(self.name)
        if isinstance(self._module, Exception):
            raise self._module
        return self._module


def test_entry_points_are_listed_by_name_and_imported_when_chosen(monkeypatch):
    module = types.ModuleType("pkg.installed_gd")
    exec(GD, module.__dict__)
    loads = []
    points = [_EntryPoint("installed_gd", module, loads),
              _EntryPoint("broken_one", ImportError("no module"), loads)]

    def entry_points(group=None):
        return [p for p in points if group == plugins.ENTRY_POINT_GROUP]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    assert plugins.entry_point_names() == ["broken_one", "installed_gd"]
    assert loads == []
    with pytest.raises(ValueError, match="installed_gd"):          # listed among the choices
        get_optimizer("nothing_of_the_kind")
    assert loads == []
    spec = get_optimizer("installed_gd")
    assert loads == ["installed_gd"]
    assert spec.numpy_only
    assert plugins.source_of("installed_gd") is None
    result = engine.run(get_function("beale"), [OptimizerConfig("installed_gd"),
                                                OptimizerConfig("gd")], STARTS, max_steps=50)
    assert np.array_equal(result.paths[:5], result.paths[5:])
    with pytest.raises(PluginError, match="plug-in 'broken_one': entry point pkg.broken_one "
                                          "raised on import: ImportError: no module"):
        get_optimizer("broken_one")


def test_param_objects_are_accepted_as_the_projects_own():
    module = types.SimpleNamespace(PARAMS=[Param("lr", 0.1, 0.0, 1.0)],
                                   init=lambda n, hp: {}, update=lambda w, *a: w)
    spec = plugins.spec_from_module("direct", module)
    assert spec.params == (Param("lr", 0.1, 0.0, 1.0),)
