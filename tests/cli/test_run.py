"""``python main.py run``: the seed's lines, files, and one clear line for bad arguments."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from beale_gui import cli
from beale_gui.core.session_load import load_experiment

ROOT = Path(__file__).resolve().parents[2]

SEED_GD_OUTPUT = """\
steps: 0  z: 26.496662  x: 0.70000  y: 1.40000
steps: 100  z: 0.096636  x: 2.44472  y: 0.32327  dx: -0.41345  dy: -0.16275
steps: 200  z: 0.021728  x: 2.69244  y: 0.41208  dx: -0.15311  dy: -0.04974
steps: 300  z: 0.007734  x: 2.80373  y: 0.44659  dx: -0.08138  dy: -0.02408
steps: 400  z: 0.003281  x: 2.86728  y: 0.46488  dx: -0.04962  dy: -0.01390
steps: 500  z: 0.001523  x: 2.90744  y: 0.47594  dx: -0.03243  dy: -0.00878
Enough convergence
steps: 516  z: 0.001355  x: 2.91246  y: 0.47730
"""

SEED_MOMENTUM_OUTPUT = """\
steps: 0  z: 26.496662  x: 0.70000  y: 1.40000
steps: 100  z: 0.099510  x: 4.46410  y: 0.71417  dx: 0.09680  dy: -0.29558
steps: 200  z: 0.039972  x: 3.70210  y: 0.63209  dx: 0.07884  dy: 0.01149
steps: 300  z: 0.001087  x: 3.08637  y: 0.52077  dx: 0.02342  dy: 0.00558
Enough convergence
steps: 379  z: 0.000001  x: 3.00194  y: 0.50048
"""


def test_seed_gd_run_through_main_py():
    out = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "run", "--function", "beale", "--optimizer",
         "gd:lr=0.01", "--start", "0.7,1.4", "--tol", "1e-5"],
        capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout == SEED_GD_OUTPUT


def test_seed_momentum_run(capsys):
    code = cli.main(["run", "--optimizer", "momentum:lr=0.01,momentum=0.9", "--start", "0.7,1.4",
                     "--tol", "1e-7"])
    assert code == 0
    assert capsys.readouterr().out == SEED_MOMENTUM_OUTPUT


def test_repeated_options_and_negative_starts(capsys):
    code = cli.main(["run", "--optimizer", "adam:lr=0.05", "--optimizer", "gd", "--start",
                     "-2,2", "--start", "0.7,1.4", "--max-steps", "50"])
    assert code == 0
    out = capsys.readouterr().out
    assert out.count("# run") == 4
    assert "from (-2, 2)" in out


def test_csv_and_json(tmp_path, capsys):
    csv_path, json_path = tmp_path / "runs.csv", tmp_path / "runs.json"
    code = cli.main(["run", "--optimizer", "gd:lr=0.01", "--optimizer", "adam:lr=0.05",
                     "--start", "0.7,1.4", "--start", "-1,1", "--tol", "1e-5",
                     "--schedule", "inverse_time:decay=0.001",
                     "--csv", str(csv_path), "--json", str(json_path)])
    assert code == 0
    rows = list(csv.DictReader(csv_path.read_text().splitlines()))
    assert list(rows[0]) == ["function", "optimizer", "run", "step", "x", "y", "loss", "grad_x",
                             "grad_y", "lr"]
    first = [r for r in rows if r["run"] == "0"]
    assert first[0]["step"] == "0"
    assert float(first[0]["x"]) == 0.7
    assert first[0]["optimizer"] == "gd(lr=0.01, inverse_time(decay=0.001))"
    assert {r["run"] for r in rows} == {"0", "1", "2", "3"}
    data = json.loads(json_path.read_text())
    assert len(data["runs"]) == 4
    # the JSON opens as a session and replays the same runs exactly
    exp = load_experiment(json_path)
    replay = exp.run()
    for i, entry in enumerate(data["runs"]):
        assert entry["stop_step"] == replay.stop_step[i]
        np.testing.assert_array_equal(entry["x"], replay.paths[i, :entry["stop_step"] + 1, 0])
        got = [float(r["loss"]) for r in rows if r["run"] == str(i)]
        np.testing.assert_array_equal(got, replay.loss[i, :entry["stop_step"] + 1])


def test_stochastic_run_replays_from_the_command_line(capsys):
    args = ["run", "--optimizer", "sgd:lr=0.005", "--max-steps", "200", "--seed", "5"]
    cli.main(args)
    first = capsys.readouterr().out
    cli.main(args)
    assert capsys.readouterr().out == first
    cli.main([*args[:-1], "6"])
    assert capsys.readouterr().out != first


def test_diverged_run_is_reported(capsys):
    assert cli.main(["run", "--optimizer", "gd:lr=1000"]) == 0
    out = capsys.readouterr().out
    assert "Diverged at step" in out
    assert "nan" not in out


@pytest.mark.parametrize(("args", "word"), [
    (["--optimizer", "adamm"], "unknown optimizer 'adamm'"),
    (["--optimizer", "gd:lr=-1"], "Invalid lr"),
    (["--optimizer", "gd:lr=abc"], "Invalid lr"),
    (["--optimizer", "adam:beta1=1"], "Invalid beta1"),
    (["--optimizer", "gd:lr"], "key=value"),
    (["--start", "1"], "--start"),
    (["--start", "a,b"], "--start"),
    (["--start", "nan,1"], "finite"),
    (["--start", "inf,1"], "finite"),
    (["--start", "1e11,0"], "within ±1e10"),
    (["--function", "bale"], "unknown function 'bale'"),
    (["--max-steps", "-5"], "--max-steps"),
    (["--max-steps", "x"], "max-steps"),
    (["--tol", "-1"], "--tol"),
    (["--schedule", "linear"], "unknown schedule"),
    (["--bogus"], "unrecognized arguments"),
    (["--session", "/nonexistent/s.json"], "--session"),
])
def test_bad_arguments_exit_2_with_one_line(args, word, capsys):
    assert cli.main(["run", *args]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert word in lines[0]
    assert "Traceback" not in captured.err


def test_bad_argument_through_main_py_has_no_traceback():
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "run", "--optimizer", "gd:lr=-1"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1
    assert "Invalid lr" in out.stderr


def test_unwritable_csv_path_exits_2_and_keeps_nothing_half_written(tmp_path, capsys):
    target = tmp_path / "missing" / "x.csv"
    assert cli.main(["run", "--max-steps", "5", "--csv", str(target)]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert not target.exists()
