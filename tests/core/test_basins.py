"""Basin maps: outcomes over a grid of start points, clusters, orientation, CSV, limits."""

import csv
import io

import numpy as np
import pytest

from beale_gui.core.basins import (
    BASIN_CSV_COLUMNS,
    MAX_CLUSTERS,
    BasinOutcome,
    basin_map,
    basins_csv_text,
)
from beale_gui.core.engine import Cancelled, OptimizerConfig
from beale_gui.core.functions import FUNCTIONS, TestFunction, get_function
from beale_gui.core.optimizers import OPTIMIZERS

HIMMELBLAU = get_function("himmelblau")
ADAM = OptimizerConfig("adam", {"lr": 0.05})


class DoubleWell(TestFunction):
    """(x^2 - 1)^2 + y^2: minima at (+-1, 0), none listed, so a basin map must cluster."""

    def _value(self, x, y):
        return (x**2 - 1.0) ** 2 + y**2

    def _grad(self, x, y):
        return 4.0 * x * (x**2 - 1.0), 2.0 * y


class DoubleWellInY(TestFunction):
    """x^2 + (y^2 - 1)^2: minima at (0, +-1), none listed; which one a run reaches is sign(y0)."""

    def _value(self, x, y):
        return x**2 + (y**2 - 1.0) ** 2

    def _grad(self, x, y):
        return 2.0 * x, 4.0 * y * (y**2 - 1.0)


DOUBLE_WELL = DoubleWell("double_well", "Double well", "(x^2 - 1)^2 + y^2", ((-2, 2), (-2, 2)))
WELL_IN_Y = DoubleWellInY("well_in_y", "Double well in y", "x^2 + (y^2 - 1)^2",
                          ((-1, 1), (-2, 2)))


@pytest.fixture(scope="module")
def himmelblau_map():
    return basin_map(HIMMELBLAU, ADAM, grid=40, max_steps=2000)


def test_himmelblau_with_adam_has_four_basins(himmelblau_map):
    b = himmelblau_map
    assert not b.clustered
    np.testing.assert_array_equal(b.targets, HIMMELBLAU.minima)
    assert set(np.unique(b.outcome)) == {0, 1, 2, 3}
    assert b.labels[0] == "(3, 2)"
    counts = b.counts()
    assert list(counts) == ["min 1 (3, 2)", "min 2 (-2.805, 3.131)", "min 3 (-3.779, -3.283)",
                            "min 4 (3.584, -1.848)", "not converged", "diverged"]
    assert sum(counts.values()) == 40 * 40
    assert all(counts[b.outcome_label(k)] > 100 for k in range(4))


def test_the_cell_nearest_each_minimum_reaches_it(himmelblau_map):
    b = himmelblau_map
    for k, m in enumerate(HIMMELBLAU.minima):
        i = int(np.argmin(np.linalg.norm(b.starts - m, axis=1)))
        iy, ix = divmod(i, b.grid)
        assert b.outcome[iy, ix] == k
        assert np.linalg.norm(b.final_xy[iy, ix] - m) <= b.reach_tol


def test_reached_cells_end_near_their_minimum_and_steps_are_event_steps(himmelblau_map):
    b = himmelblau_map
    reached = b.outcome >= 0
    d = np.linalg.norm(b.final_xy - b.targets[np.where(reached, b.outcome, 0)], axis=-1)
    assert np.all(d[reached] <= b.reach_tol)
    # default reach_tol: 1% of the view's diagonal
    assert b.reach_tol == pytest.approx(0.01 * np.hypot(10, 10))
    assert b.steps.min() >= 1
    assert b.steps.max() <= 2000
    np.testing.assert_allclose(b.final_loss, HIMMELBLAU.value(b.final_xy))


def test_steps_are_max_steps_for_runs_that_reach_a_minimum_without_converging():
    b = basin_map(HIMMELBLAU, ADAM, grid=10, max_steps=50, tol=0.0, reach_tol=1.0)
    assert np.all(b.steps == 50)
    assert (b.outcome >= 0).any()


def test_a_diverging_setting_marks_cells_diverged():
    b = basin_map(HIMMELBLAU, OptimizerConfig("gd", {"lr": 1.0}), grid=20, max_steps=200)
    assert (b.outcome == BasinOutcome.DIVERGED).all()
    assert b.counts()["diverged"] == 400
    assert np.isfinite(b.final_xy).all()
    assert np.all(b.steps <= 200)
    text = basins_csv_text(b)
    assert text.count(",diverged,") == 400


def test_a_mixed_setting_has_every_kind_of_outcome():
    # gd at lr 0.025 blows up from the steepest cells, oscillates for ever around the sharper
    # minima (its step is too long for their curvature) and settles in the widest one
    b = basin_map(HIMMELBLAU, OptimizerConfig("gd", {"lr": 0.025}), grid=30, max_steps=500)
    codes = set(np.unique(b.outcome))
    assert {BasinOutcome.DIVERGED, BasinOutcome.NOT_CONVERGED} <= codes
    assert codes & {0, 1, 2, 3}
    stuck = b.outcome == BasinOutcome.NOT_CONVERGED
    _, distance = HIMMELBLAU.nearest_minimum(b.final_xy[stuck])
    assert np.all(distance > b.reach_tol)
    assert np.isfinite(b.final_xy).all()


def test_a_function_without_minima_clusters_end_points():
    b = basin_map(DOUBLE_WELL, ADAM, grid=30, max_steps=2000)
    assert b.clustered
    assert len(b.targets) == 2
    np.testing.assert_allclose(np.sort(b.targets[:, 0]), [-1.0, 1.0], atol=1e-3)
    np.testing.assert_allclose(b.targets[:, 1], 0.0, atol=1e-3)
    # equally deep: ordered by x
    assert b.labels == ["(-1, 0)", "(1, 0)"]
    assert (b.outcome[:, b.xs < 0] == 0).all()
    assert (b.outcome[:, b.xs > 0] == 1).all()
    assert b.outcome_label(1) == "cluster 2 (1, 0)"
    assert b.counts() == {"cluster 1 (-1, 0)": 450, "cluster 2 (1, 0)": 450,
                          "not converged": 0, "diverged": 0}


def test_the_saddle_has_no_basins_and_never_crashes():
    saddle = get_function("saddle")
    for config in (OptimizerConfig("gd", {"lr": 0.01}), OptimizerConfig("adam"),
                   OptimizerConfig("momentum", {"lr": 0.01})):
        b = basin_map(saddle, config, grid=40)
        assert b.clustered
        # runs that stop on the saddle or slide off it are not a basin
        assert len(b.targets) == 0
        assert set(np.unique(b.outcome)) <= {BasinOutcome.DIVERGED, BasinOutcome.NOT_CONVERGED}


def test_clusters_are_capped():
    # f = sin(x)^2 + y^2 has a minimum every pi along x: a long view holds more than the cap
    class Ripple(TestFunction):
        def _value(self, x, y):
            return np.sin(x) ** 2 + y**2

        def _grad(self, x, y):
            return np.sin(2.0 * x), 2.0 * y

    ripple = Ripple("ripple", "Ripple", "sin(x)^2 + y^2", ((0.0, 30 * np.pi), (-1.0, 1.0)))
    b = basin_map(ripple, OptimizerConfig("adam", {"lr": 0.1}), grid=120, max_steps=1000)
    assert len(b.targets) == MAX_CLUSTERS
    np.testing.assert_allclose(b.targets[:, 0] / np.pi, np.round(b.targets[:, 0] / np.pi),
                               atol=0.02)
    assert (b.outcome == BasinOutcome.NOT_CONVERGED).any()


def test_orientation_rows_are_y_and_columns_are_x():
    b = basin_map(WELL_IN_Y, ADAM, grid=6, xrange=(-1.0, 3.0), yrange=(-2.0, 2.0),
                  max_steps=2000)
    np.testing.assert_allclose(b.xs, [-2 / 3, 0, 2 / 3, 4 / 3, 2, 8 / 3], atol=1e-12)
    np.testing.assert_allclose(b.ys, [-5 / 3, -1, -1 / 3, 1 / 3, 1, 5 / 3], atol=1e-12)
    for iy in range(6):
        for ix in range(6):
            np.testing.assert_array_equal(b.starts[iy * 6 + ix], (b.xs[ix], b.ys[iy]))
            target = b.targets[b.outcome[iy, ix]]
            assert target[1] == pytest.approx(np.sign(b.ys[iy]), abs=1e-3)
            assert b.cell_at(b.xs[ix], b.ys[iy]) == (iy, ix)
    # one outcome per row: the basins are split along y
    assert all(len(set(row)) == 1 for row in b.outcome.tolist())
    assert b.outcome[0, 0] != b.outcome[-1, 0]
    assert b.cell_at(3.5, 0.0) is None


def test_csv_has_the_columns_and_one_row_per_cell(himmelblau_map):
    b = himmelblau_map
    rows = list(csv.reader(io.StringIO(basins_csv_text(b))))
    assert tuple(rows[0]) == BASIN_CSV_COLUMNS == (
        "x0", "y0", "outcome", "steps", "final_x", "final_y", "final_loss")
    body = rows[1:]
    assert len(body) == 40 * 40
    allowed = set(b.counts())
    assert {r[2] for r in body} <= allowed
    first = body[0]
    assert (float(first[0]), float(first[1])) == (b.xs[0], b.ys[0])
    assert int(first[3]) == b.steps[0, 0]
    assert float(first[6]) == b.final_loss[0, 0]
    second = body[1]     # row by row: x varies fastest
    assert (float(second[0]), float(second[1])) == (b.xs[1], b.ys[0])
    assert first[2] == b.outcome_label(b.outcome[0, 0])


@pytest.mark.parametrize(("grid", "word"), [
    (1, "grid"), (1025, "grid"), (2.5, "whole number"), (True, "grid"), ("10", "grid"),
    (np.nan, "grid")])
def test_bad_grid_sizes_are_refused(grid, word):
    with pytest.raises(ValueError, match=word):
        basin_map(HIMMELBLAU, ADAM, grid=grid, max_steps=10)


def test_too_much_work_is_refused_with_the_limit():
    with pytest.raises(ValueError, match=r"limit is 1\.05e\+09"):
        basin_map(HIMMELBLAU, ADAM, grid=1024, max_steps=2000)


@pytest.mark.parametrize(("kwargs", "word"), [
    ({"xrange": (1.0, 1.0)}, "xrange"),
    ({"yrange": (0.0, np.inf)}, "yrange"),
    ({"xrange": "ab"}, "xrange"),
    ({"reach_tol": 0.0}, "reach_tol"),
    ({"reach_tol": -1.0}, "reach_tol"),
    ({"max_steps": -1}, "max_steps"),
    ({"tol": -1.0}, "tol"),
])
def test_bad_settings_are_refused(kwargs, word):
    with pytest.raises(ValueError, match=word):
        basin_map(HIMMELBLAU, ADAM, **{"grid": 4, **kwargs})


def test_arrays_of_hyperparameters_are_refused():
    config = OptimizerConfig("adam", {"lr": np.array([0.01, 0.1])})
    with pytest.raises(ValueError, match="one configuration"):
        basin_map(HIMMELBLAU, config, grid=4)


def test_cancel_raises_cancelled():
    with pytest.raises(Cancelled):
        basin_map(HIMMELBLAU, ADAM, grid=8, max_steps=10**6, tol=0.0, cancel=lambda: True)


def test_progress_reports_fractions_up_to_one():
    seen = []
    basin_map(HIMMELBLAU, ADAM, grid=4, max_steps=100, progress=seen.append)
    assert seen
    assert seen[-1] == 1.0
    assert all(0.0 <= f <= 1.0 for f in seen)


def test_a_seeded_stochastic_map_replays_exactly():
    config = OptimizerConfig("sgd", {"lr": 0.01})
    a = basin_map(HIMMELBLAU, config, grid=8, max_steps=200, seed=3)
    b = basin_map(HIMMELBLAU, config, grid=8, max_steps=200, seed=3)
    np.testing.assert_array_equal(a.final_xy, b.final_xy)
    np.testing.assert_array_equal(a.outcome, b.outcome)


def test_describe_a_cell(himmelblau_map):
    b = himmelblau_map
    iy, ix = b.cell_at(3.0, 2.0)
    text = b.describe(iy, ix)
    assert text.startswith(f"start ({b.xs[ix]:.4g}, {b.ys[iy]:.4g}): min 1 (3, 2), ")
    assert "converged at step" in text


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_every_optimizer_makes_a_map(name):
    b = basin_map(get_function("beale"), OptimizerConfig(name), grid=6, max_steps=100)
    assert b.outcome.shape == b.steps.shape == b.final_loss.shape == (6, 6)
    assert b.final_xy.shape == (6, 6, 2)
    assert sum(b.counts().values()) == 36
    assert np.all((b.outcome >= BasinOutcome.NOT_CONVERGED) & (b.outcome < len(b.targets)))


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_function_makes_a_map(name):
    function = get_function(name)
    b = basin_map(function, ADAM, grid=12, max_steps=300)
    assert sum(b.counts().values()) == 144
    assert b.clustered == (len(function.minima) == 0)
    assert len(b.labels) == len(b.targets)
    assert np.all((b.outcome >= BasinOutcome.NOT_CONVERGED) & (b.outcome < len(b.targets)))


# -- local minima as basins (issue 15) ------------------------------------------------------
def test_a_rastrigin_map_colours_local_minima_as_basins():
    """Once every local minimum is listed, the cells that settled in one are its basin, not
    "not converged" (91 % of the map before)."""
    rastrigin = get_function("rastrigin")
    b = basin_map(rastrigin, OptimizerConfig("gd", {"lr": 0.002}), grid=48)
    counts = b.counts()
    assert counts["not converged"] == 0
    assert counts["diverged"] == 0
    assert b.n_reached > 100
    assert b.is_global.tolist() == rastrigin.global_mask.tolist()
    # the key: the global minimum, the local ones most reached, then the rest as one row
    codes, rest = b.key()
    assert codes[0] == 0
    assert len(codes) - 2 <= 8
    assert len(rest) == 121 - (len(codes) - 2)
    rows = b.summary()
    assert [label for _, label, _ in rows][:2] == ["min 1 (0, 0)", b.key_label(codes[1])]
    assert b.key_label(codes[1]).startswith("local min ")
    assert rows[-3][0] is None
    assert rows[-3][1] == f"{len(rest)} other local minima"     # all reached
    assert sum(count for _, _, count in rows) == b.outcome.size


def test_touching_basins_get_different_colours():
    b = basin_map(get_function("rastrigin"), OptimizerConfig("adam", {"lr": 0.05}), grid=48)
    slots = b.colour_slots(12)
    assert slots.min() == 0
    assert slots.max() == 11                     # every colour in use
    colour = slots[b.outcome]
    for a, c, oa, oc in ((colour[:, 1:], colour[:, :-1], b.outcome[:, 1:], b.outcome[:, :-1]),
                         (colour[1:], colour[:-1], b.outcome[1:], b.outcome[:-1]),
                         (colour[1:, 1:], colour[:-1, :-1], b.outcome[1:, 1:],
                          b.outcome[:-1, :-1])):
        assert not ((a == c) & (oa != oc)).any()
    few = basin_map(get_function("himmelblau"), OptimizerConfig("adam", {"lr": 0.05}), grid=8)
    assert few.colour_slots(12).tolist() == [0, 1, 2, 3]


def test_outcome_rects_tile_the_cells_of_an_outcome():
    b = basin_map(get_function("six_hump_camel"), OptimizerConfig("gd", {"lr": 0.05}),
                  grid=30, max_steps=300)
    rects = b.outcome_rects(BasinOutcome.DIVERGED)
    (x0, x1), (y0, y1) = b.xrange, b.yrange
    cell = (x1 - x0) / b.grid * (y1 - y0) / b.grid
    diverged = np.count_nonzero(b.outcome == BasinOutcome.DIVERGED)
    assert diverged > 0
    assert np.sum(rects[:, 2] * rects[:, 3]) == pytest.approx(diverged * cell)
    centres = rects[:, :2] + rects[:, 2:] / 2
    for x, y in centres:
        assert b.outcome[b.cell_at(x, y)] == BasinOutcome.DIVERGED
