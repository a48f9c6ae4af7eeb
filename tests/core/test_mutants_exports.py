"""What the exporters and the search's parsing promise, beyond the column checks of
test_export_columns.py: the label of each run of a batch of hyperparameter variants, every key
of a run in the JSON, the JSON file's layout and its refusal of values JSON cannot hold, the
basin CSV's line endings, the grid a search tries and the messages that name a bad axis.

Every test calls the function it checks itself (no module-scoped fixture computes an export):
a mutation run (mutmut) attributes a function to the tests that call it, and a fixture shared
by a module is charged to its first test only.
"""

import csv
import io
import json

import numpy as np
import pytest

from beale_gui.core.basins import BASIN_CSV_COLUMNS, basin_map, basins_csv_text
from beale_gui.core.engine import STATUS_NAMES, OptimizerConfig, run
from beale_gui.core.functions import get_function
from beale_gui.core.search import Axis, parse_axis, search
from beale_gui.core.session import Experiment
from beale_gui.core.session_load import load_session
from beale_gui.export.data import csv_text, json_dict, run_labels, write_json

BEALE = get_function("beale")
STARTS = [[0.7, 1.4], [-1.0, 2.0]]

# two variants of momentum (hyperparameters as arrays: one run per variant and start) and one
# plain configuration
VARIANTS = OptimizerConfig("momentum", {"lr": np.array([0.001, 0.0025]),
                                        "momentum": np.array([0.9, 0.5])})
PLAIN = OptimizerConfig("gd", {"lr": 0.01})
VARIANT_LABELS = ["momentum(lr=0.001, momentum=0.9, dampening=0, weight_decay=0, maximize=0)",
                  "momentum(lr=0.0025, momentum=0.5, dampening=0, weight_decay=0, maximize=0)"]
RUN_KEYS = {"run", "optimizer", "config", "start", "status", "stop_step", "event_step",
            "evaluations", "final", "x", "y", "loss", "grad_x", "grad_y", "lr"}


def _batch():
    return run(BEALE, [VARIANTS, PLAIN], STARTS, max_steps=30, tol=0.0, seed=0)


def _expected_labels(result) -> list[str]:
    """Per run: each variant named by its own hyperparameters; the plain one by its label."""
    out = []
    for i in range(result.n_runs):
        if result.config_index[i] == 0:
            out.append(VARIANT_LABELS[result.variant_index[i]])
        else:
            out.append("gd(lr=0.01)")
    return out


# -- run labels: in the CSV, the JSON and the command line's headings ---------------------------

def test_each_variant_of_a_batch_is_labelled_with_its_own_hyperparameters():
    r = _batch()
    assert r.n_runs == 6
    labels = run_labels(r)
    assert labels == _expected_labels(r)
    # the two variants are told apart, the runs of one variant from two starts are not
    assert len(set(labels)) == 3


def test_the_run_csv_names_each_variant_in_its_optimizer_column():
    r = _batch()
    rows = list(csv.DictReader(io.StringIO(csv_text(r))))
    expected = _expected_labels(r)
    assert len(rows) == sum(int(s) + 1 for s in r.stop_step)
    for row in rows:
        assert row["function"] == "beale"
        assert row["optimizer"] == expected[int(row["run"])]


def test_every_key_of_every_run_in_the_json():
    r = _batch()
    exp = Experiment(BEALE, [VARIANTS, PLAIN], np.array(STARTS), 30, 0.0, 0)
    data = json_dict(exp, r)
    labels = _expected_labels(r)
    assert len(data["runs"]) == r.n_runs
    for i, entry in enumerate(data["runs"]):
        assert set(entry) == RUN_KEYS
        end = int(r.stop_step[i]) + 1
        assert entry["run"] == i
        assert entry["optimizer"] == labels[i]
        assert entry["config"] == int(r.config_index[i])
        assert entry["start"] == STARTS[r.start_index[i]]
        assert entry["status"] == STATUS_NAMES[int(r.status[i])]
        assert entry["stop_step"] == int(r.stop_step[i])
        assert entry["event_step"] == int(r.event_step[i])
        assert entry["evaluations"] == int(r.stop_step[i]) + 1     # one a step, the start's too
        arrays = {"x": r.paths[i, :end, 0], "y": r.paths[i, :end, 1], "loss": r.loss[i, :end],
                  "grad_x": r.grads[i, :end, 0], "grad_y": r.grads[i, :end, 1],
                  "lr": r.lr[i, :end]}
        for name, values in arrays.items():
            assert isinstance(entry[name], list), name
            np.testing.assert_array_equal(entry[name], values, err_msg=f"run {i} {name}")
    # runs of the same configuration hold the same config index, the two configurations differ
    assert {e["config"] for e in data["runs"]} == {0, 1}


# -- the JSON file ------------------------------------------------------------------------------

def _small_export(tmp_path, **extra):
    result = run(BEALE, PLAIN, STARTS[:1], max_steps=3, tol=0.0, seed=0)
    exp = Experiment(BEALE, [PLAIN], np.array(STARTS[:1]), 3, 0.0, 0, extra=dict(extra))
    path = tmp_path / "runs.json"
    write_json(exp, result, path)
    return exp, result, path


def test_the_json_file_has_one_value_a_line_indented_one_space_a_level(tmp_path):
    """The data export is laid out as a saved session is: line by line (it diffs and opens in
    an editor however long the runs), one space per level of nesting."""
    exp, result, path = _small_export(tmp_path)
    text = path.read_text()
    assert json.loads(text) == json_dict(exp, result)
    lines = text.splitlines()
    values = len(result.paths[0]) * 6   # x, y, loss, grad_x, grad_y, lr: 4 points each
    assert len(lines) > values
    depth = 0
    for line in lines:
        stripped = line.lstrip(" ")
        assert stripped, "no empty line"
        if stripped[0] in "]}":
            depth -= 1
        assert len(line) - len(stripped) == depth, line
        if stripped.rstrip(",")[-1] in "[{":
            depth += 1
    assert depth == 0


def test_a_value_json_cannot_hold_is_refused_not_written(tmp_path):
    """A NaN anywhere in what would be written (here a kept key of the experiment) raises
    ValueError and leaves no file: the export never holds the non-standard token NaN, which
    other JSON readers and the session loader refuse."""
    path = tmp_path / "runs.json"
    result = run(BEALE, PLAIN, STARTS[:1], max_steps=3, tol=0.0, seed=0)
    exp = Experiment(BEALE, [PLAIN], np.array(STARTS[:1]), 3, 0.0, 0,
                     extra={"note": float("nan")})
    with pytest.raises(ValueError, match="JSON"):
        write_json(exp, result, path)
    assert not path.exists()
    # a finite extra key is written, and the file reopens as a session
    _, _, path = _small_export(tmp_path, note=1.5)
    assert json.loads(path.read_text())["note"] == 1.5
    assert load_session(path).experiment.starts.tolist() == STARTS[:1]


# -- the basin CSV ------------------------------------------------------------------------------

def test_the_basin_csv_ends_its_lines_with_a_newline_only():
    """As the run and search CSVs do: a line feed, not a carriage return and line feed."""
    bmap = basin_map(get_function("himmelblau"), OptimizerConfig("gd", {"lr": 0.01}), grid=3,
                     max_steps=50)
    text = basins_csv_text(bmap)
    assert "\r" not in text
    lines = text.split("\n")
    assert lines[-1] == ""
    assert lines[0] == ",".join(BASIN_CSV_COLUMNS)
    assert len(lines) == 1 + 9 + 1
    assert "\r" not in csv_text(run(BEALE, PLAIN, STARTS, max_steps=3))


# -- the search's grid and axes -----------------------------------------------------------------

def test_a_grid_of_two_points_an_axis_tries_both_ends_of_each_range():
    result = search(BEALE, OptimizerConfig("momentum"), [Axis("lr", 1e-3, 1e-2)],
                    method="grid", budget=2, starts=STARTS[:1], max_steps=5)
    assert result.points[:, 0].tolist() == [1e-3, 1e-2]
    # two axes, a budget of 4 to 8: a 2 x 2 grid of the corners
    result = search(BEALE, OptimizerConfig("momentum"),
                    [Axis("lr", 1e-3, 1e-2), Axis("momentum", 0.5, 0.9)], method="grid",
                    budget=7, starts=STARTS[:1], max_steps=5)
    assert sorted(map(tuple, result.points.tolist())) == [(1e-3, 0.5), (1e-3, 0.9),
                                                          (1e-2, 0.5), (1e-2, 0.9)]


def test_a_grid_of_one_point_tries_the_middle():
    result = search(BEALE, OptimizerConfig("momentum"), [Axis("lr", 1e-3, 3e-3)],
                    method="grid", budget=1, starts=STARTS[:1], max_steps=5)
    assert result.points[:, 0].tolist() == pytest.approx([2e-3], rel=1e-12)


def test_a_grid_search_lists_its_points_with_the_first_hyperparameter_outermost():
    """Rows come as nested loops over the axes in the order given: the first hyperparameter
    varies slowest (the CSV and the table read in that order; ties for best go to the first)."""
    axes = [Axis("lr", 1e-3, 3e-3), Axis("momentum", 0.5, 0.9)]
    result = search(BEALE, OptimizerConfig("momentum"), axes, method="grid", budget=9,
                    starts=STARTS[:1], max_steps=5)
    lrs, moms = [1e-3, 2e-3, 3e-3], [0.5, 0.7, 0.9]
    expected = [(a, b) for a in lrs for b in moms]
    np.testing.assert_allclose(result.points, expected, rtol=1e-12)

    three = search(BEALE, OptimizerConfig("momentum"),
                   [*axes, Axis("dampening", 0.0, 0.5)], method="grid", budget=8,
                   starts=STARTS[:1], max_steps=5)
    expected = [(a, b, c) for a in (1e-3, 3e-3) for b in (0.5, 0.9) for c in (0.0, 0.5)]
    np.testing.assert_allclose(three.points, expected, rtol=1e-12)


def test_an_unknown_hyperparameter_is_refused_with_the_list_of_those_the_optimizer_takes():
    config = OptimizerConfig("momentum")
    with pytest.raises(ValueError, match="not a hyperparameter of momentum") as info:
        Axis("gamma", 0.1, 0.2).check(config)
    message = str(info.value)
    assert "'gamma'" in message
    listed = message.split("(it takes: ", 1)[1].rstrip(")").split(", ")
    assert listed == [p.name for p in config.spec.params]
    assert listed[:2] == ["lr", "momentum"]


@pytest.mark.parametrize("text", ["=1:2", " =1:2", "lr=1=2:3", "lr==1:2", "lr=1:2=3"])
def test_an_axis_without_a_name_or_with_a_second_equals_sign_is_refused(text):
    with pytest.raises(ValueError, match="expected NAME=LOW:HIGH|LOW and HIGH must be numbers"):
        parse_axis(text)


@pytest.mark.parametrize(("text", "named", "not_named"), [
    ("lr=abc:0.1", "lr low", "lr high"),
    ("lr=0.1:abc", "lr high", "lr low"),
    (" momentum = 0.5 : x ", "momentum high", "momentum low"),
])
def test_a_bad_end_of_an_axis_is_named_in_the_message(text, named, not_named):
    with pytest.raises(ValueError, match="LOW and HIGH must be numbers") as info:
        parse_axis(text)
    message = str(info.value)
    assert named in message
    assert not_named not in message
