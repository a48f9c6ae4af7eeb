"""Plug-in optimizers on the command line: ``--optimizer-file`` on every command, failures
in one line, and sessions that name a plug-in (``--allow-plugins``, checksums)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from beale_gui import cli
from beale_gui.core.optimizers import plugins

from . import child_env

ROOT = Path(__file__).resolve().parents[2]
SIGN = str(ROOT / "examples" / "sign_descent.py")
VARIANT = str(ROOT / "examples" / "adam_variant.py")


# every test starts and ends with no plug-in registered (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("no_plugins")


def _one_line_error(capsys, words: str) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert words in lines[0]
    assert "Traceback" not in captured.err
    return lines[0]


def test_the_issues_done_when_command_runs():
    out = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "run", "--function", "rosenbrock",
         "--optimizer-file", "examples/sign_descent.py", "--optimizer", "sign_descent:lr=0.01",
         "--start", "-1.5,2"], capture_output=True, text=True, cwd=ROOT, env=child_env())
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "steps: 0  z: 12.500000  x: -1.50000  y: 2.00000"
    # one step of sign descent: each coordinate 0.01 against its gradient's sign
    assert "Stopped at max steps" in lines


def test_both_examples_run_beside_a_builtin(capsys):
    code = cli.main(["run", "--optimizer-file", SIGN, "--optimizer-file", VARIANT,
                     "--optimizer", "sign_descent", "--optimizer", "adam_variant:lr=0.05,beta1=0.8",
                     "--optimizer", "adam:lr=0.05", "--max-steps", "200"])
    assert code == 0
    out = capsys.readouterr().out
    assert "# run 0: sign_descent(lr=0.01)" in out
    assert "# run 1: adam_variant(lr=0.05, beta1=0.8)" in out


@pytest.mark.parametrize("command", ["search", "basins", "export"])
def test_search_basins_and_export_take_a_plugin(command, tmp_path, capsys):
    extra = {"search": ["--param", "lr=1e-3:1e-1:log", "--budget", "12", "--csv",
                        str(tmp_path / "s.csv")],
             "basins": ["--grid", "12", "--max-steps", "100", "--csv", str(tmp_path / "b.csv")],
             "export": ["--out", str(tmp_path / "paths.csv"), "--max-steps", "50"]}[command]
    code = cli.main([command, "--optimizer-file", VARIANT, "--optimizer", "adam_variant:lr=0.05",
                     *extra])
    assert code == 0, capsys.readouterr().err
    written = next(tmp_path.iterdir()).read_text()
    if command == "export":
        assert "adam_variant(lr=0.05)" in written
    else:
        assert len(written.splitlines()) > 10


def test_compare_takes_a_plugin(capsys):
    code = cli.main(["compare", "--optimizer-file", SIGN, "--optimizer", "sign_descent",
                     "--optimizer", "gd", "--budget", "4", "--tuning-starts", "4", "--starts",
                     "8", "--max-steps", "100"])
    assert code == 0, capsys.readouterr().err
    assert "Sign descent" in capsys.readouterr().out


def test_the_plugins_hyperparameters_are_checked(capsys):
    assert cli.main(["run", "--optimizer-file", SIGN, "--optimizer", "sign_descent:lr=20"]) == 2
    _one_line_error(capsys, "--optimizer sign_descent:lr=20: Invalid lr: 20 is outside")


def test_a_plugin_not_loaded_is_an_unknown_optimizer(capsys):
    assert cli.main(["run", "--optimizer", "sign_descent"]) == 2
    _one_line_error(capsys, "unknown optimizer 'sign_descent'")


@pytest.mark.parametrize(("body", "words"), [
    ("raise ValueError('nope')", "plug-in 'broken': raised on import: ValueError: nope"),
    ("PARAMS = {}", "plug-in 'broken': lacks init, update"),
])
def test_a_plugin_that_cannot_load_exits_2_in_one_line(tmp_path, capsys, body, words):
    path = tmp_path / "broken.py"
    path.write_text(body + "\n")
    assert cli.main(["run", "--optimizer-file", str(path), "--optimizer", "broken"]) == 2
    line = _one_line_error(capsys, words)
    assert line.startswith(f"beale-gui run: error: --optimizer-file {path}: ")


def test_a_missing_plugin_file_exits_2(tmp_path, capsys):
    assert cli.main(["basins", "--optimizer-file", str(tmp_path / "gone.py")]) == 2
    _one_line_error(capsys, "plug-in 'gone': cannot read")


def test_a_failing_step_is_a_diverged_run_with_its_reason(tmp_path, capsys):
    path = tmp_path / "late.py"
    path.write_text("PARAMS = {}\ndef init(n, hp): return {}\n"
                    "def update(w, g, state, hp, lr, t):\n"
                    "    if t == 7:\n        raise ArithmeticError('too late')\n"
                    "    return w - lr * g\n")
    code = cli.main(["run", "--optimizer-file", str(path), "--optimizer", "late",
                     "--optimizer", "gd", "--every", "1000"])
    assert code == 0
    out = capsys.readouterr().out
    assert ("Diverged at step 7 (plug-in 'late': update raised at step 7: ArithmeticError: "
            "too late); last finite point:") in out
    assert out.count("Diverged") == 1                  # gd's run is untouched


# -- sessions -----------------------------------------------------------------------------------

@pytest.fixture
def saved(tmp_path, capsys):
    """A plug-in file copied to tmp_path, and a run's JSON that uses it (nothing loaded)."""
    plugin = tmp_path / "sign_descent.py"
    plugin.write_text(Path(SIGN).read_text())
    data = tmp_path / "run.json"
    assert cli.main(["run", "--optimizer-file", str(plugin), "--optimizer",
                     "sign_descent:lr=0.02", "--optimizer", "adam", "--max-steps", "20",
                     "--json", str(data)]) == 0
    capsys.readouterr()
    stored = json.loads(data.read_text())["plugins"]
    assert stored == {"sign_descent": {"path": str(plugin.resolve()),
                                       "sha256": plugins.sha256_of(plugin)}}
    plugins.unregister("sign_descent")
    return plugin, data


def test_a_session_with_a_plugin_is_refused_without_the_file_or_allow_plugins(saved, capsys):
    plugin, data = saved
    assert cli.main(["run", "--session", str(data)]) == 2
    line = _one_line_error(capsys, "the session runs the plug-in file")
    assert line.endswith(f"give --optimizer-file {plugin.resolve()} again, or --allow-plugins")
    assert not plugins.plugin_specs()


@pytest.mark.parametrize("how", ["again", "allow"])
def test_a_session_with_a_plugin_runs_with_the_file_or_allow_plugins(saved, capsys, how):
    plugin, data = saved
    given = (["--optimizer-file", str(plugin)] if how == "again" else ["--allow-plugins"])
    assert cli.main(["run", "--session", str(data), *given]) == 0
    out = capsys.readouterr().out
    assert "# run 0: sign_descent(lr=0.02)" in out


@pytest.mark.parametrize("how", ["again", "allow"])
def test_a_changed_plugin_file_is_refused(saved, capsys, how):
    plugin, data = saved
    plugin.write_text(plugin.read_text() + "\n# changed\n")
    given = (["--optimizer-file", str(plugin)] if how == "again" else ["--allow-plugins"])
    assert cli.main(["run", "--session", str(data), *given]) == 2
    _one_line_error(capsys, "is not the file the session was saved with (its sha256 differs)")
