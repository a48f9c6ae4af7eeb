"""Every column of every export, read back by its header name and compared row by row with
the engine's own arrays, computed here: the run CSV and JSON (``run --csv/--json``,
``export --out paths.csv|paths.json``), the basin CSV (``basins --csv``) and the search CSV
(``search --csv``).

The cases are asymmetric on purpose, so that no two columns hold the same numbers and a
writer that swaps or mis-scales a column fails: start points with x != y, optimizers with
different learning rates, a decaying schedule (lr changes every step), runs that converge,
stop at max steps and diverge, a basin map over a view that is wider than it is tall, a search
of two hyperparameters with different ranges. ``_assert_distinct`` checks that premise.
"""

import csv
import itertools
import json
import math

import numpy as np
import pytest

from beale_gui import cli
from beale_gui.core import search as searching
from beale_gui.core.basins import BASIN_CSV_COLUMNS, REACH_FRACTION, basin_map
from beale_gui.core.engine import (
    CONVERGED,
    DIVERGED,
    MAX_STEPS,
    STATUS_NAMES,
    OptimizerConfig,
    run,
)
from beale_gui.core.functions import get_function
from beale_gui.core.schedules import ScheduleConfig
from beale_gui.export.data import CSV_COLUMNS

BEALE = get_function("beale")
SCHEDULE = ScheduleConfig("inverse_time", {"decay": 0.002})
# three optimizers, four learning rates; from (-1.5, 2.5) all but adam diverge
RUN_OPTIMIZERS = ["gd:lr=0.01", "adam:lr=0.05,beta1=0.8", "momentum:lr=0.003,momentum=0.9",
                  "gd:lr=0.03"]
RUN_STARTS = ["0.7,1.4", "-1.5,2.5", "2,-1"]
RUN_STEPS, RUN_TOL = 400, 1e-5
NUMERIC = ("x", "y", "loss", "grad_x", "grad_y", "lr")


def _config(text: str, schedule: ScheduleConfig | None = None) -> OptimizerConfig:
    name, _, rest = text.partition(":")
    hparams = {k: float(v) for k, v in (kv.split("=") for kv in rest.split(",") if kv)}
    return OptimizerConfig(name, hparams, schedule or ScheduleConfig())


def _assert_distinct(columns: dict[str, np.ndarray]) -> None:
    """No two columns are equal (or equal up to a constant factor): a swap or a scaling
    could not pass by coincidence."""
    for (a, u), (b, v) in itertools.combinations(columns.items(), 2):
        u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
        assert not np.array_equal(u, v), f"columns {a} and {b} are the same"
        ok = np.isfinite(u) & np.isfinite(v) & (v != 0)
        ratio = u[ok] / v[ok]
        assert not np.allclose(ratio, ratio[0]), f"{a} is a multiple of {b}"


# -- the run CSV and JSON ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def engine_runs():
    """The runs the command line is asked for, computed by the engine directly."""
    configs = [_config(t, SCHEDULE) for t in RUN_OPTIMIZERS]
    starts = [[float(v) for v in s.split(",")] for s in RUN_STARTS]
    result = run(BEALE, configs, starts, max_steps=RUN_STEPS, tol=RUN_TOL, seed=0)
    statuses = set(result.status.tolist())
    assert statuses == {CONVERGED, MAX_STEPS, DIVERGED}, "the case must have every status"
    assert len(set(result.stop_step.tolist())) > 3
    return result


def _run_args() -> list[str]:
    args = ["--function", "beale", "--schedule", "inverse_time:decay=0.002", "--max-steps",
            str(RUN_STEPS), "--tol", str(RUN_TOL)]
    for text in RUN_OPTIMIZERS:
        args += ["--optimizer", text]
    for text in RUN_STARTS:
        args += ["--start", text]
    return args


@pytest.fixture(scope="module")
def run_files(tmp_path_factory):
    """The same runs written by ``run --csv --json`` and ``export --out .csv|.json``."""
    folder = tmp_path_factory.mktemp("runs")
    files = {"run": (folder / "run.csv", folder / "run.json"),
             "export": (folder / "paths.csv", folder / "paths.json")}
    assert cli.main(["run", *_run_args(), "--every", "1000", "--csv", str(files["run"][0]),
                     "--json", str(files["run"][1])]) == 0
    for path in files["export"]:
        assert cli.main(["export", *_run_args(), "--out", str(path)]) == 0
    return files


def _csv_columns(path) -> tuple[list[str], dict[str, list[str]]]:
    rows = list(csv.DictReader(path.read_text().splitlines()))
    header = list(rows[0])
    return header, {name: [r[name] for r in rows] for name in header}


@pytest.mark.parametrize("source", ["run", "export"])
def test_every_column_of_the_run_csv_is_the_engines(source, run_files, engine_runs):
    header, columns = _csv_columns(run_files[source][0])
    assert header == list(CSV_COLUMNS)
    r = engine_runs
    # the rows the file must hold: run by run, step 0 to the last valid point
    run_of = np.concatenate([np.full(s + 1, i) for i, s in enumerate(r.stop_step)])
    step_of = np.concatenate([np.arange(s + 1) for s in r.stop_step])
    assert len(columns["run"]) == len(run_of)
    expected = {
        "x": r.paths[run_of, step_of, 0], "y": r.paths[run_of, step_of, 1],
        "loss": r.loss[run_of, step_of],
        "grad_x": r.grads[run_of, step_of, 0], "grad_y": r.grads[run_of, step_of, 1],
        "lr": r.lr[run_of, step_of],
    }
    _assert_distinct(expected)
    assert columns["function"] == ["beale"] * len(run_of)
    labels = [r.configs[c].label() for c in r.config_index]
    assert columns["optimizer"] == [labels[i] for i in run_of]
    np.testing.assert_array_equal([int(v) for v in columns["run"]], run_of)
    np.testing.assert_array_equal([int(v) for v in columns["step"]], step_of)
    for name, values in expected.items():
        got = np.array([float(v) for v in columns[name]])
        np.testing.assert_array_equal(got, values, err_msg=f"column {name}")


@pytest.mark.parametrize("source", ["run", "export"])
def test_every_field_of_the_run_json_is_the_engines(source, run_files, engine_runs):
    data = json.loads(run_files[source][1].read_text())
    r = engine_runs
    assert len(data["runs"]) == r.n_runs
    assert [o["name"] for o in data["optimizers"]] == [c.name for c in r.configs]
    assert [o["hparams"] for o in data["optimizers"]] == [dict(c.hparams) for c in r.configs]
    assert data["starts"] == r.starts.tolist()
    assert (data["max_steps"], data["tol"], data["seed"]) == (RUN_STEPS, RUN_TOL, 0)
    for i, entry in enumerate(data["runs"]):
        end = int(r.stop_step[i]) + 1
        arrays = {"x": r.paths[i, :end, 0], "y": r.paths[i, :end, 1], "loss": r.loss[i, :end],
                  "grad_x": r.grads[i, :end, 0], "grad_y": r.grads[i, :end, 1],
                  "lr": r.lr[i, :end]}
        if end > 3:
            _assert_distinct(arrays)
        for name, values in arrays.items():
            np.testing.assert_array_equal(entry[name], values, err_msg=f"run {i} {name}")
        assert entry["run"] == i
        assert entry["optimizer"] == r.configs[r.config_index[i]].label()
        assert entry["config"] == r.config_index[i]
        assert entry["start"] == r.starts[r.start_index[i]].tolist()
        assert entry["status"] == STATUS_NAMES[int(r.status[i])]
        assert entry["stop_step"] == r.stop_step[i]
        assert entry["event_step"] == r.event_step[i]
        assert entry["evaluations"] == r.final_evals[i]
        assert entry["final"] == {"x": r.final_xy[i, 0], "y": r.final_xy[i, 1],
                                  "loss": r.final_loss[i]}


# -- the basin CSV -----------------------------------------------------------------------------

CAMEL = get_function("six_hump_camel")   # view (-3, 3) x (-2, 2): wider than tall
BASIN_GRID, BASIN_STEPS = 9, 300
BASIN_OPTIMIZER = "gd:lr=0.05"           # every outcome: six minima, not converged, diverged


def _cell_centres(lo, hi, n):
    return lo + (np.arange(n) + 0.5) * ((hi - lo) / n)


def test_every_column_of_the_basin_csv_is_the_engines(tmp_path, capsys):
    path = tmp_path / "basins.csv"
    assert cli.main(["basins", "--function", "six_hump_camel", "--optimizer", BASIN_OPTIMIZER,
                     "--grid", str(BASIN_GRID), "--max-steps", str(BASIN_STEPS), "--csv",
                     str(path)]) == 0
    capsys.readouterr()
    header, columns = _csv_columns(path)
    assert header == list(BASIN_CSV_COLUMNS)

    # the start points, row by row with x fastest (bottom row first), worked out here
    (x0, x1), (y0, y1) = CAMEL.bounds
    xs, ys = _cell_centres(x0, x1, BASIN_GRID), _cell_centres(y0, y1, BASIN_GRID)
    starts = np.array([(x, y) for y in ys for x in xs])
    r = run(CAMEL, _config(BASIN_OPTIMIZER), starts, max_steps=BASIN_STEPS, tol=1e-9,
            record=False)
    expected = {"x0": starts[:, 0], "y0": starts[:, 1], "steps": r.event_step,
                "final_x": r.final_xy[:, 0], "final_y": r.final_xy[:, 1],
                "final_loss": r.final_loss}
    _assert_distinct(expected)
    assert len(columns["x0"]) == BASIN_GRID**2
    for name, values in expected.items():
        got = np.array([float(v) for v in columns[name]])
        np.testing.assert_array_equal(got, values, err_msg=f"column {name}")

    # the outcome: the nearest listed minimum within 1% of the view's diagonal
    reach = REACH_FRACTION * math.hypot(x1 - x0, y1 - y0)
    outcomes = []
    for xy, status in zip(r.final_xy, r.status, strict=True):
        distance = np.hypot(*(CAMEL.minima - xy).T)
        k = int(np.argmin(distance))
        if status == DIVERGED:
            outcomes.append("diverged")
        elif distance[k] <= reach:
            mx, my = CAMEL.minima[k]
            outcomes.append(f"min {k + 1} ({mx:.4g}, {my:.4g})")
        else:
            outcomes.append("not converged")
    assert columns["outcome"] == outcomes
    assert len(set(outcomes)) == len(CAMEL.minima) + 2, "the case must have every outcome"


def test_the_basin_csv_of_a_typed_function_names_its_clusters(tmp_path, capsys):
    """A function without listed minima: the outcome column names the clusters the map
    found; every other column is the engine's."""
    from beale_gui.core.functions import parse_expression

    expr = "(x**2 - 4)**2 + 3*(y - 1)**2"   # minima at (-2, 1) and (2, 1)
    path = tmp_path / "b.csv"
    assert cli.main(["basins", "--expr", expr, "--optimizer", "adam:lr=0.05", "--grid", "8",
                     "--max-steps", "400", "--csv", str(path)]) == 0
    capsys.readouterr()
    _, columns = _csv_columns(path)
    function = parse_expression(expr)
    bmap = basin_map(function, OptimizerConfig("adam", {"lr": 0.05}), grid=8, max_steps=400)
    r = run(function, OptimizerConfig("adam", {"lr": 0.05}), bmap.starts, max_steps=400,
            tol=1e-9, record=False)
    for name, values in {"x0": bmap.starts[:, 0], "y0": bmap.starts[:, 1],
                         "final_x": r.final_xy[:, 0], "final_y": r.final_xy[:, 1],
                         "final_loss": r.final_loss, "steps": r.event_step}.items():
        np.testing.assert_array_equal([float(v) for v in columns[name]], values, err_msg=name)
    assert bmap.clustered
    np.testing.assert_allclose(bmap.targets, [[-2, 1], [2, 1]], atol=0.05)
    # each cell's cluster is the one its end point lies by
    for xy, outcome in zip(r.final_xy, columns["outcome"], strict=True):
        k = int(np.argmin(np.hypot(*(bmap.targets - xy).T)))
        assert outcome == bmap.outcome_label(k)
        assert outcome.startswith(f"cluster {k + 1} (")


# -- the search CSV ----------------------------------------------------------------------------

SEARCH_STARTS = [[0.7, 1.4], [-1.0, 2.0]]
SEARCH_STEPS, SEARCH_TOL = 200, 1e-9


@pytest.mark.parametrize("objective", searching.OBJECTIVES)
def test_every_column_of_the_search_csv_is_the_engines(objective, tmp_path, capsys):
    path = tmp_path / "search.csv"
    assert cli.main(["search", "--function", "beale", "--optimizer", "momentum", "--param",
                     "lr=1e-4:0.2:log", "--param", "momentum=0.5:0.99", "--method",
                     "coarse-to-fine", "--budget", "60", "--rounds", "3", "--objective",
                     objective, "--start", "0.7,1.4", "--start", "-1,2", "--max-steps",
                     str(SEARCH_STEPS), "--tol", str(SEARCH_TOL), "--seed", "3", "--csv",
                     str(path)]) == 0
    capsys.readouterr()
    header, columns = _csv_columns(path)
    assert header == ["lr", "momentum", "objective", "status", "round"]
    lr = np.array([float(v) for v in columns["lr"]])
    momentum = np.array([float(v) for v in columns["momentum"]])
    assert lr.min() >= 1e-4
    assert lr.max() <= 0.2
    assert momentum.min() >= 0.5
    assert momentum.max() <= 0.99

    # the search itself, as the core runs it
    result = searching.search(
        BEALE, OptimizerConfig("momentum"),
        [searching.Axis("lr", 1e-4, 0.2, "log"), searching.Axis("momentum", 0.5, 0.99)],
        method="coarse-to-fine", budget=60, rounds=3, objective=objective,
        starts=SEARCH_STARTS, max_steps=SEARCH_STEPS, tol=SEARCH_TOL, seed=3)
    np.testing.assert_array_equal(lr, result.points[:, 0])
    np.testing.assert_array_equal(momentum, result.points[:, 1])
    np.testing.assert_array_equal([float(v) for v in columns["objective"]], result.scores)
    np.testing.assert_array_equal([int(v) for v in columns["round"]], result.rounds)
    assert columns["status"] == [result.status(i) for i in range(len(lr))]

    # and every row again from the engine: each configuration from both starts, scored here
    r = run(BEALE, OptimizerConfig("momentum", {"lr": lr, "momentum": momentum}),
            SEARCH_STARTS, max_steps=SEARCH_STEPS, tol=SEARCH_TOL, seed=3, record=False)
    per_run = {
        "final-loss": r.final_loss,
        "steps": np.where(r.status == CONVERGED, r.stop_step, SEARCH_STEPS + 1).astype(float),
        "distance": np.hypot(*(r.final_xy - BEALE.minima[0]).T),
    }[objective]
    per_run = np.where(r.status == DIVERGED, np.inf, per_run)
    scores = np.zeros(len(lr))
    converged, diverged = np.zeros(len(lr), int), np.zeros(len(lr), int)
    for i in range(r.n_runs):
        v = r.variant_index[i]
        scores[v] += per_run[i] / len(SEARCH_STARTS)
        converged[v] += r.status[i] == CONVERGED
        diverged[v] += r.status[i] == DIVERGED
    np.testing.assert_allclose([float(v) for v in columns["objective"]], scores, rtol=1e-12)
    statuses = []
    for c, d in zip(converged, diverged, strict=True):
        counts = {"converged": c, "diverged": d, "max steps": len(SEARCH_STARTS) - c - d}
        present = [f"{n} {k}" for k, n in counts.items() if n]
        statuses.append(present[0].split(" ", 1)[1] if len(present) == 1 else ", ".join(present))
    assert columns["status"] == statuses
    assert len(set(statuses)) >= 3, "the case must have several statuses"
    assert set(columns["round"]) == {"0", "1", "2"}
    finite = np.isfinite(scores)
    _assert_distinct({"lr": lr[finite], "momentum": momentum[finite],
                      "objective": scores[finite]})
