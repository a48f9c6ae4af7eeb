"""Hyperparameter search: grid, log-uniform random, coarse-to-fine, all as engine batches."""

import numpy as np
import pytest

from beale_gui.core.engine import Cancelled, OptimizerConfig, run
from beale_gui.core.functions import TestFunction, get_function
from beale_gui.core.search import Axis, evaluate, grid_points, parse_axis, score_runs, search


class Parabola(TestFunction):
    """f = (a x^2 + b y^2) / 2: GD from (1, 1) after T steps is at (1 - lr a)^T, (1 - lr b)^T."""

    def _value(self, x, y):
        return 0.5 * (1.0 * x**2 + 4.0 * y**2)

    def _grad(self, x, y):
        return 1.0 * x, 4.0 * y


PARABOLA = Parabola("parabola", "Parabola", "(x^2 + 4 y^2) / 2", ((-2, 2), (-2, 2)),
                    np.zeros((1, 2)))


def test_grid_search_on_a_parabola_finds_the_closed_form_lr():
    # f after T steps = 0.5 (1-lr)^(2T) + 2 (1-4 lr)^(2T): the best lr balances both axes; for
    # T = 50 the minimum is at the lr where |1 - lr| = |1 - 4 lr| (lr = 0.4), up to the grid.
    axes = [Axis("lr", 0.01, 0.49, "linear")]
    r = search(PARABOLA, OptimizerConfig("gd"), axes, method="grid", budget=49,
               starts=[(1.0, 1.0)], max_steps=50)
    lrs = r.points[:, 0]
    closed = 0.5 * (1 - lrs) ** 100 + 2 * (1 - 4 * lrs) ** 100
    np.testing.assert_allclose(r.scores, closed, rtol=1e-9, atol=1e-300)
    assert r.points[r.best, 0] == pytest.approx(0.4, abs=0.01)


def test_log_scale_random_samples_are_log_uniform():
    axes = [Axis("lr", 1e-4, 1e-1, "log")]
    r = search(PARABOLA, OptimizerConfig("gd"), axes, method="random", budget=4000, seed=1,
               max_steps=1, starts=[(1.0, 1.0)])
    decades = np.log10(r.points[:, 0])
    counts, _ = np.histogram(decades, bins=3, range=(-4, -1))
    # uniform in log: each decade holds a third; 4000 samples -> sd of a count ~ 30
    assert np.all(np.abs(counts - 4000 / 3) < 150), counts
    assert r.points.min() >= 1e-4
    assert r.points.max() <= 1e-1


def test_batched_evaluation_equals_each_configuration_alone():
    beale = get_function("beale")
    base = OptimizerConfig("momentum", {"lr": 0.01, "momentum": 0.9})
    axes = [Axis("lr", 1e-4, 1e-2, "log"), Axis("momentum", 0.5, 0.95)]
    unit = grid_points(axes, 16)
    starts = np.array([[0.7, 1.4], [-1.0, 1.0]])
    values, scores, _, _ = evaluate(beale, base, axes, unit, starts, objective="final-loss",
                                    max_steps=200, tol=0.0, seed=0)
    for (lr, m), score in zip(values, scores, strict=True):
        alone = run(beale, OptimizerConfig("momentum", {"lr": lr, "momentum": m}), starts,
                    max_steps=200, record=False)
        assert score_runs(alone, "final-loss").mean() == score


def test_coarse_to_fine_narrows_its_box_round_by_round():
    beale = get_function("beale")
    axes = [Axis("lr", 1e-4, 1e-1, "log"), Axis("momentum", 0.5, 0.99)]
    r = search(beale, OptimizerConfig("momentum"), axes, method="coarse-to-fine", budget=300,
               rounds=3, max_steps=300, seed=2)
    widths = [np.prod(b[:, 1] - b[:, 0]) for b in r.boxes]
    assert widths[0] == 1.0
    assert widths[1] < widths[0]
    assert widths[2] < widths[1]
    assert set(r.rounds) == {0, 1, 2}
    # later rounds sample inside their boxes
    for k in (1, 2):
        u = np.column_stack([a.to_unit(r.points[r.rounds == k, d]) for d, a in enumerate(axes)])
        assert np.all(u >= r.boxes[k][:, 0] - 1e-12)
        assert np.all(u <= r.boxes[k][:, 1] + 1e-12)


def test_diverged_scores_worst_and_steps_objective_orders_never_converged_last():
    beale = get_function("beale")
    axes = [Axis("lr", 1e-5, 10.0, "log")]
    r = search(beale, OptimizerConfig("gd"), axes, budget=20, objective="steps",
               max_steps=400, tol=1e-6)
    assert np.isinf(r.scores[np.argmax(r.points[:, 0])])   # lr = 10 diverges
    finite = r.scores[np.isfinite(r.scores)]
    assert finite.max() <= 401
    assert r.diverged.max() == 1


def test_cancel_stops_a_search():
    beale = get_function("beale")
    with pytest.raises(Cancelled):
        search(beale, OptimizerConfig("adam"), [Axis("lr", 1e-3, 1e-1, "log")], budget=50,
               max_steps=10**6, cancel=lambda: True)


@pytest.mark.parametrize(("axis", "word"), [
    (Axis("gamma", 0.1, 0.2), "not a hyperparameter"),
    (Axis("lr", 0.1, 0.01), "low < high"),
    (Axis("lr", 0.0, 0.1, "log"), "log scale"),
    (Axis("momentum", 0.5, 1.5), "momentum"),
    (Axis("lr", 0.01, 0.1, "cubic"), "linear or log"),
])
def test_bad_axes_are_refused(axis, word):
    with pytest.raises(ValueError, match=word):
        search(get_function("beale"), OptimizerConfig("momentum"), [axis], budget=4)


def test_parse_axis():
    assert parse_axis("lr=1e-4:1e-1:log") == Axis("lr", 1e-4, 1e-1, "log")
    assert parse_axis("momentum=0.5:0.99") == Axis("momentum", 0.5, 0.99, "linear")
    for bad in ("lr", "lr=1", "lr=a:b", "lr=1:2:cubic"):
        with pytest.raises(ValueError, match="expected|numbers|scale"):
            parse_axis(bad)
