"""What the window's Curvature view is given (issue 28): the reading at a run's head, the
ellipse sized to the view, and the sharpness along the path with the optimizer's own edge."""

import numpy as np
import pytest

from beale_gui.core import curvature as cv
from beale_gui.core import curvature_playhead as cp
from beale_gui.core.engine import OptimizerConfig, run
from beale_gui.core.functions import get_function, parse_expression
from beale_gui.core.schedules import ScheduleConfig

QUADRATIC = parse_expression("x**2 + 100*y**2")


def test_the_reading_is_at_the_head_shown_and_past_the_stop_stays_there():
    result = run(QUADRATIC, [OptimizerConfig("gd", {"lr": 0.0099})], [[1.0, 1.0]],
                 max_steps=40)
    reading = cp.reading_at(result, 0, 7)
    np.testing.assert_array_equal(reading.head, result.paths[0, 7])
    assert (reading.step, reading.lr, reading.gauge.verdict) == (7, 0.0099, cv.OSCILLATING)
    assert cp.reading_at(result, 0, 10_000).step == int(result.stop_step[0])


@pytest.mark.parametrize(("name", "hparams", "edge", "label"), [
    ("gd", {"lr": 0.01}, 200.0, "2/lr"),
    ("momentum", {"lr": 0.01, "momentum": 0.9}, 380.0, "2(1+β)/lr"),
    ("nesterov", {"lr": 0.01, "momentum": 0.9}, 2 * 1.9 / (2.8 * 0.01), "2(1+β)/((1+2β)lr)"),
    ("momentum", {"lr": 0.01, "momentum": 0.0}, 200.0, "2/lr"),
])
def test_the_edge_is_the_gauges_bound_on_lambda_max(name, hparams, edge, label):
    result = run(QUADRATIC, [OptimizerConfig(name, hparams)], [[1.0, 1.0]], max_steps=20)
    sharpness = cp.sharpness_of(result, 0)
    np.testing.assert_allclose(sharpness.edge, edge)
    assert sharpness.edge_label == label
    np.testing.assert_allclose(sharpness.lambda_max, 200.0)
    assert len(sharpness.steps) == int(result.stop_step[0]) + 1


def test_adam_has_no_edge():
    result = run(QUADRATIC, [OptimizerConfig("adam")], [[1.0, 1.0]], max_steps=20)
    assert cp.sharpness_of(result, 0).edge is None


def test_a_schedule_moves_the_edge_step_by_step():
    config = OptimizerConfig("gd", {"lr": 0.003}, ScheduleConfig("inverse_time",
                                                                  {"decay": 0.01}))
    result = run(get_function("rosenbrock"), [config], [[0.0, 0.0]], max_steps=50)
    sharpness = cp.sharpness_of(result, 0)
    np.testing.assert_allclose(sharpness.edge, 2.0 / result.lr[0, :51])
    assert sharpness.edge[-1] > sharpness.edge[0]


def test_the_ellipse_is_a_share_of_the_view_and_a_saddle_its_dashed_axes():
    outline, closed = cp.ellipse_at(QUADRATIC, (1.0, 1.0), 10.0)
    assert closed
    assert np.ptp(outline[:, 0]) / 2 == pytest.approx(0.6)
    assert np.ptp(outline[:, 1]) / 2 == pytest.approx(0.06)
    axes, closed = cp.ellipse_at(parse_expression("x**2 - y**2"), (0.0, 0.0), 10.0)
    assert not closed
    assert np.isnan(axes).any()


def test_the_plot_range_starts_at_zero_and_cuts_spikes_far_above_the_edge():
    steps = np.arange(4)
    assert cp.Sharpness(steps, np.array([1.0, 2, 3, 1e9]), np.full(4, 10.0)).y_range == (0.0,
                                                                                          40.0)
    assert cp.Sharpness(steps, np.array([5.0, 6, 7, 8]), None).y_range == (0.0, 8.0)
    low, high = cp.Sharpness(steps, np.array([-50.0, 1, 2, 3]), np.full(4, 10.0)).y_range
    assert (low, high) == (-11.0, 11.0)
