"""Odd values the command line accepts, checked to be harmless: at the edges of every range
(one step, no steps, a tolerance of 0, the smallest and largest learning rate, a batch of every
term, the smallest grid and budget, a start on a minimum or on the divergence bound), each
exits 0, prints finite numbers and sensible statuses, and writes files that read back."""

import csv
import json
import math

import numpy as np
import pytest

from beale_gui import cli
from beale_gui.core.engine import CONVERGED, DIVERGED, MAX_STEPS, OptimizerConfig, run
from beale_gui.core.functions import get_function
from beale_gui.core.session_load import load_experiment

BEALE = get_function("beale")


def _run(capsys, tmp_path, *args) -> tuple[str, list[dict], dict]:
    """``run ARGS --csv --json``: stdout, the CSV rows and the JSON, each checked valid."""
    csv_path, json_path = tmp_path / "r.csv", tmp_path / "r.json"
    code = cli.main(["run", *args, "--csv", str(csv_path), "--json", str(json_path)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Traceback" not in captured.err
    out = captured.out
    for word in ("nan", "inf"):
        assert word not in out.lower(), out
    rows = list(csv.DictReader(csv_path.read_text().splitlines()))
    for row in rows:
        for key in ("x", "y", "loss", "grad_x", "grad_y", "lr"):
            assert math.isfinite(float(row[key])), row
    data = json.loads(json_path.read_text(),
                      parse_constant=lambda c: pytest.fail(f"JSON holds {c}"))
    load_experiment(json_path)   # and it opens as a session
    return out, rows, data


def test_one_step(capsys, tmp_path):
    out, rows, data = _run(capsys, tmp_path, "--max-steps", "1", "--optimizer", "adam:lr=0.05",
                           "--start", "0.7,1.4", "--start", "-1,2")
    assert [r["step"] for r in rows] == ["0", "1", "0", "1"]
    assert [r["status"] for r in data["runs"]] == ["max steps", "max steps"]
    assert out.count("Stopped at max steps") == 2


def test_no_steps_at_all(capsys, tmp_path):
    out, rows, data = _run(capsys, tmp_path, "--max-steps", "0", "--start", "0.7,1.4")
    assert [(r["step"], float(r["x"]), float(r["y"])) for r in rows] == [("0", 0.7, 1.4)]
    assert data["runs"][0]["stop_step"] == 0
    assert out.splitlines() == ["steps: 0  z: 26.496662  x: 0.70000  y: 1.40000",
                                "Stopped at max steps",
                                "steps: 0  z: 26.496662  x: 0.70000  y: 1.40000"]


def test_tolerance_0_runs_every_step(capsys, tmp_path):
    out, rows, data = _run(capsys, tmp_path, "--tol", "0", "--max-steps", "300",
                           "--optimizer", "momentum:lr=0.01,momentum=0.9")
    assert data["runs"][0]["status"] == "max steps"
    assert len(rows) == 301


def test_the_largest_tolerance_stops_at_once(capsys, tmp_path):
    out, rows, data = _run(capsys, tmp_path, "--tol", "1e6", "--max-steps", "300")
    assert data["runs"][0]["status"] == "converged"
    assert data["runs"][0]["stop_step"] == 1
    assert "Enough convergence" in out


def test_the_smallest_learning_rate_moves_nothing_and_stays_finite(capsys, tmp_path):
    out, rows, data = _run(capsys, tmp_path, "--optimizer", "gd:lr=1e-300", "--max-steps", "5")
    assert {(float(r["x"]), float(r["y"])) for r in rows} == {(0.7, 1.4)}
    assert {float(r["lr"]) for r in rows} == {1e-300}
    assert data["runs"][0]["status"] == "max steps"


def test_the_largest_learning_rate_diverges_and_reports_a_finite_last_point(capsys, tmp_path):
    out, rows, data = _run(capsys, tmp_path, "--optimizer", "gd:lr=1e6", "--max-steps", "50")
    entry = data["runs"][0]
    assert entry["status"] == "diverged"
    assert out.splitlines()[-2].startswith(f"Diverged at step {entry['event_step']}")
    assert len(rows) == entry["stop_step"] + 1 < 51
    assert all(math.isfinite(v) for v in entry["final"].values())


def test_a_batch_of_every_term_is_the_full_gradient(capsys, tmp_path):
    """Beale is a sum of three terms: --batch-size 3, or more (clipped), is plain gd."""
    _, exact, _ = _run(capsys, tmp_path, "--optimizer", "gd:lr=0.01", "--max-steps", "40")
    for size in ("3", "1000"):
        _, rows, data = _run(capsys, tmp_path, "--optimizer", "gd:lr=0.01", "--max-steps", "40",
                             "--batch-size", size)
        assert len(rows) == len(exact)
        for key in ("x", "y", "loss", "grad_x", "grad_y"):
            np.testing.assert_allclose([float(r[key]) for r in rows],
                                       [float(r[key]) for r in exact], rtol=1e-12, atol=1e-15)
        assert data["optimizers"][0]["stochastic"]["batch_size"] == int(size)


def test_a_start_on_the_minimum_stays_there(capsys, tmp_path):
    out, rows, data = _run(capsys, tmp_path, "--start", "3,0.5", "--optimizer", "adam:lr=0.05",
                           "--max-steps", "20")
    assert {(float(r["x"]), float(r["y"]), float(r["loss"])) for r in rows} == {(3.0, 0.5, 0.0)}
    assert data["runs"][0]["status"] == "max steps"
    out, rows, data = _run(capsys, tmp_path, "--start", "3,0.5", "--tol", "1e-12")
    assert data["runs"][0]["status"] == "converged"
    assert data["runs"][0]["final"] == {"x": 3.0, "y": 0.5, "loss": 0.0}


@pytest.mark.parametrize("start", ["1e10,0", "-1e10,-1e10", "0,1e10"])
def test_a_start_on_the_divergence_bound_is_accepted_and_ends_finite(start, capsys, tmp_path):
    out, rows, data = _run(capsys, tmp_path, "--start", start, "--max-steps", "10")
    entry = data["runs"][0]
    assert entry["status"] in ("diverged", "max steps")
    assert rows[0]["x"] == repr(float(start.split(",")[0]))
    assert all(math.isfinite(v) for v in entry["final"].values())


def test_the_seed_at_both_ends_of_its_range(capsys, tmp_path):
    for seed in ("0", str(2**32 - 1)):
        _, _, data = _run(capsys, tmp_path, "--optimizer", "sgd:lr=0.005", "--max-steps", "20",
                          "--seed", seed)
        assert data["seed"] == int(seed)


def test_every_longer_than_the_run_prints_start_and_end_only(capsys, tmp_path):
    out, _, _ = _run(capsys, tmp_path, "--max-steps", "30", "--every", "1000000")
    assert len(out.splitlines()) == 3


def test_an_expression_that_starts_with_a_minus_is_not_taken_for_an_option(capsys, tmp_path):
    out, rows, data = _run(capsys, tmp_path, "--expr", "-x**2+y**2", "--max-steps", "3",
                           "--start", "0.7,1.4")
    assert float(rows[0]["loss"]) == pytest.approx(-0.49 + 1.96)
    assert data["function"]["expression"] == "-x**2+y**2"


def test_a_step_schedule_that_drops_every_step(capsys, tmp_path):
    _, rows, _ = _run(capsys, tmp_path, "--schedule", "step:step_size=1,gamma=0.5",
                      "--max-steps", "5")
    assert [float(r["lr"]) for r in rows] == [0.01 * 0.5**k for k in range(6)]


# -- search and basins at their edges ----------------------------------------------------------

def test_a_search_of_budget_1_tries_the_middle(capsys, tmp_path):
    path = tmp_path / "s.csv"
    assert cli.main(["search", "--param", "lr=0.001:0.1", "--budget", "1", "--max-steps", "50",
                     "--csv", str(path)]) == 0
    rows = list(csv.DictReader(path.read_text().splitlines()))
    assert [float(r["lr"]) for r in rows] == [pytest.approx(0.0505)]
    expected = run(BEALE, OptimizerConfig("gd", {"lr": float(rows[0]["lr"])}), [[0.7, 1.4]],
                   max_steps=50, record=False)
    assert float(rows[0]["objective"]) == expected.final_loss[0]
    assert "best: lr=0.0505" in capsys.readouterr().out


def test_a_search_table_of_no_rows_prints_its_header(capsys):
    assert cli.main(["search", "--param", "lr=0.001:0.1", "--budget", "3", "--top", "0",
                     "--max-steps", "10"]) == 0
    assert capsys.readouterr().out.rstrip().splitlines()[-1].split() == [
        "rank", "lr", "objective", "status", "round"]


def test_one_round_of_coarse_to_fine_and_one_random_start(capsys, tmp_path):
    path = tmp_path / "s.csv"
    assert cli.main(["search", "--param", "lr=0.001:0.1", "--budget", "2", "--method",
                     "coarse-to-fine", "--rounds", "1", "--random-starts", "1", "--max-steps",
                     "50", "--csv", str(path)]) == 0
    rows = list(csv.DictReader(path.read_text().splitlines()))
    assert len(rows) == 2
    assert {r["round"] for r in rows} == {"0"}
    assert "x 1 start(s)" in capsys.readouterr().out


def test_the_smallest_basin_grid(capsys, tmp_path):
    path = tmp_path / "b.csv"
    assert cli.main(["basins", "--grid", "2", "--max-steps", "200", "--optimizer",
                     "adam:lr=0.1", "--csv", str(path)]) == 0
    rows = list(csv.DictReader(path.read_text().splitlines()))
    assert [(float(r["x0"]), float(r["y0"])) for r in rows] == [
        (-2.25, -2.25), (2.25, -2.25), (-2.25, 2.25), (2.25, 2.25)]
    out = capsys.readouterr().out
    assert "from 2 x 2 start points" in out
    assert sum(int(line.split()[-2]) for line in out.splitlines()[1:]) == 4


def test_a_basin_map_at_the_work_limit_is_accepted():
    from beale_gui.core.basins import MAX_CELL_STEPS, check_grid

    assert check_grid(1024, 1000) == 1024
    assert MAX_CELL_STEPS == 1024 * 1024 * 1000


# -- export at its edges -----------------------------------------------------------------------

def test_export_at_step_0_and_beyond_the_end(capsys, tmp_path):
    from PIL import Image

    for step in ("0", "30"):
        path = tmp_path / f"s{step}.png"
        assert cli.main(["export", "--out", str(path), "--max-steps", "30", "--step", step,
                         "--size", "160x120"]) == 0
        with Image.open(path) as image:
            assert image.size == (160, 120)
    capsys.readouterr()
    # past the runs' end is refused with one line (issue 16), no longer drawn as the end
    path = tmp_path / "late.png"
    assert cli.main(["export", "--out", str(path), "--max-steps", "30", "--step",
                     "1000000000", "--size", "160x120"]) == 2
    assert "--step 1000000000: beyond --max-steps 30" in capsys.readouterr().err
    assert not path.exists()


def test_export_of_one_pixel_and_of_one_frame(capsys, tmp_path):
    from PIL import Image

    png, gif = tmp_path / "one.png", tmp_path / "one.gif"
    assert cli.main(["export", "--out", str(png), "--size", "1x1", "--max-steps", "5"]) == 0
    assert cli.main(["export", "--out", str(gif), "--frames", "1", "--fps", "1", "--size",
                     "64x48", "--max-steps", "5"]) == 0
    with Image.open(png) as image:
        assert image.size == (1, 1)
    with Image.open(gif) as image:
        assert image.size == (64, 48)
        assert image.n_frames == 1
    capsys.readouterr()


def test_statuses_in_the_data_export_match_the_engine(tmp_path, capsys):
    """A run that stops at max steps and one that diverges, in one file, as the engine says."""
    path = tmp_path / "d.json"
    assert cli.main(["export", "--out", str(path), "--optimizer", "gd:lr=0.01", "--optimizer",
                     "gd:lr=1e6", "--start", "0.7,1.4", "--tol", "1e-5", "--max-steps",
                     "400"]) == 0
    data = json.loads(path.read_text())
    statuses = [r["status"] for r in data["runs"]]
    result = run(BEALE, [OptimizerConfig("gd", {"lr": 0.01}), OptimizerConfig("gd", {"lr": 1e6})],
                 [[0.7, 1.4]], max_steps=400, tol=1e-5)
    names = {MAX_STEPS: "max steps", CONVERGED: "converged", DIVERGED: "diverged"}
    assert statuses == [names[int(s)] for s in result.status] == ["max steps", "diverged"]
    capsys.readouterr()


def test_a_start_where_f_is_not_finite_diverges_at_step_0_without_a_last_finite_point(
        capsys, tmp_path):
    """log(x) at x = -1 is NaN: the run never steps. The step-0 line shows f as it is; there
    is no 'last finite point' to repeat; the other run goes on; the JSON holds null, not NaN."""
    path = tmp_path / "r.json"
    assert cli.main(["run", "--expr", "log(x)", "--start", "-1,1", "--start", "1,1",
                     "--max-steps", "3", "--json", str(path)]) == 0
    out = capsys.readouterr().out
    first, second = out.split("\n\n")
    assert first.splitlines()[1:] == [
        "steps: 0  z: nan  x: -1.00000  y: 1.00000",
        "Diverged at step 0: f or its gradient is not finite at the start, or the start is "
        "beyond ±1e10"]
    assert "last finite point" not in out
    assert second.splitlines()[-2] == "Stopped at max steps"
    data = json.loads(path.read_text(), parse_constant=lambda c: pytest.fail(f"JSON holds {c}"))
    bad = data["runs"][0]
    assert (bad["status"], bad["event_step"], bad["stop_step"]) == ("diverged", 0, 0)
    assert bad["loss"] == [None]
    assert bad["final"] == {"x": -1.0, "y": 1.0, "loss": None}
    assert load_experiment(path).expression == "log(x)"
    # the data export writes the same
    again = tmp_path / "d.json"
    assert cli.main(["export", "--expr", "log(x)", "--start", "-1,1", "--start", "1,1",
                     "--max-steps", "3", "--out", str(again)]) == 0
    assert json.loads(again.read_text())["runs"] == data["runs"]
