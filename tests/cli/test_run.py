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

from . import child_env

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


# -- a run that diverged --------------------------------------------------------------------

def test_a_diverged_run_says_where_with_its_last_finite_point_in_readable_numbers(capsys):
    """GD at lr=1 on Beale leaves at step 2: the finding printed f at step 1 as
    ``2911503400745.749023`` (19 digits); numbers from 1e6 on now carry an exponent."""
    assert cli.main(["run", "--optimizer", "gd:lr=1", "--max-steps", "50", "--every", "10"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "steps: 0  z: 26.496662  x: 0.70000  y: 1.40000",
        "Diverged at step 2; last finite point:",
        "steps: 1  z: 2.911503e+12  x: -19.74839  y: -44.20487"]


def test_a_diverged_run_s_progress_lines_are_readable_too(capsys):
    """-x runs off to the divergence bound one unit a step: every progress line on the way
    shows x in billions with an exponent, and the small numbers as the seed wrote them."""
    assert cli.main(["run", "--expr", "-x", "--optimizer", "gd:lr=10000", "--max-steps",
                     "1000000", "--every", "400000"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "steps: 0  z: -0.700000  x: 0.70000  y: 1.40000",
        "steps: 400000  z: -4.000000e+09  x: 4.00000e+09  y: 1.40000  dx: -1.00000  dy: 0.00000",
        "steps: 800000  z: -8.000000e+09  x: 8.00000e+09  y: 1.40000  dx: -1.00000  dy: 0.00000",
        "Diverged at step 1000000; last finite point:",
        "steps: 999999  z: -9.999990e+09  x: 9.99999e+09  y: 1.40000"]


def test_a_run_that_did_not_diverge_keeps_the_seed_s_fixed_digits_however_large(capsys):
    """Only a diverged run's numbers change form: the seed's lines stay bit for bit, large f
    included."""
    assert cli.main(["run", "--expr", "x**2", "--start", "3e6,0", "--optimizer", "gd:lr=1e-9",
                     "--max-steps", "1", "--every", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "steps: 0  z: 9000000000000.000000  x: 3000000.00000  y: 0.00000"
    assert lines[-2] == "Stopped at max steps"


def test_the_exit_status_of_a_diverged_run_is_0_as_run_help_and_the_readme_say(tmp_path):
    """A diverged run is a result (its lines and its JSON status say so), not a failure: the
    status is 0; 2 is kept for a bad argument. Both documents say it."""
    path = tmp_path / "r.json"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "run", "--optimizer",
                           "gd:lr=1", "--optimizer", "gd:lr=0.01", "--max-steps", "20",
                           "--json", str(path)], capture_output=True, text=True, cwd=tmp_path,
                          env=child_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Diverged at step 2" in done.stdout
    assert [r["status"] for r in json.loads(path.read_text())["runs"]] == ["diverged",
                                                                         "max steps"]
    from beale_gui.cli.arguments import RUN_EXIT_STATUS

    assert "0 when the runs were computed, also when one diverged" in RUN_EXIT_STATUS
    help_text = " ".join(subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "run", "--help"], capture_output=True,
        text=True, cwd=tmp_path, env=child_env(), timeout=120).stdout.split())
    assert " ".join(RUN_EXIT_STATUS.split()) in help_text
    readme = " ".join((ROOT / "README.md").read_text().split())
    assert "also when a run diverged" in readme


def test_output_cut_short_by_a_pipe_ends_quietly(tmp_path):
    """``run ... | head -1``: the reader goes away mid-output; no BrokenPipeError traceback,
    status 1 as the help says."""
    with subprocess.Popen([sys.executable, str(ROOT / "main.py"), "run", "--max-steps",
                           "100000", "--every", "1"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, cwd=tmp_path, env=child_env()) as proc:
        first = proc.stdout.readline()   # the rest (some 7 MB) no pipe holds
        proc.stdout.close()
        err = proc.stderr.read()
        assert proc.wait(timeout=120) == 1
    assert first == b"steps: 0  z: 26.496662  x: 0.70000  y: 1.40000\n"
    assert err == b""


def _readme_runs():
    """Each ``$ python main.py run ...`` block of the README: (arguments, the lines shown)."""
    import shlex

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for block in text.split("```")[1::2]:
        lines = block.strip("\n").splitlines()
        if lines and lines[0].startswith("$ python main.py run "):
            yield shlex.split(lines[0])[4:], lines[1:]


README_RUNS = list(_readme_runs())


@pytest.mark.parametrize(("args", "shown"), README_RUNS, ids=[" ".join(a) for a, _ in README_RUNS])
def test_the_readme_s_runs_print_what_it_shows(args, shown, capsys):
    assert cli.main(["run", *args]) == 0
    assert capsys.readouterr().out.splitlines() == shown


def test_the_readme_shows_a_plain_and_a_diverged_run():
    assert len(README_RUNS) == 3     # and one with --curvature
    assert any("κ: indefinite" in line for _, shown in README_RUNS for line in shown)
    assert any("Diverged at step 2; last finite point:" in shown for _, shown in README_RUNS)


def test_a_broken_pipe_in_process_returns_1_whatever_stdout_is(monkeypatch):
    """cli.main called by a program whose stdout has no file behind it: still no traceback."""
    import io

    from beale_gui.cli import commands

    def closed(lines, written):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(commands, "_report", closed)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert cli.main(["run", "--max-steps", "2"]) == 1
