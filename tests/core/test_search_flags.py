"""A search over a 0/1 switch (RMSprop's centered, maximize) tries exactly its two values: the
grid gives it two points, 0 and 1, and the budget's rest to the other axes."""

import numpy as np

from beale_gui.core.engine import OptimizerConfig
from beale_gui.core.functions import get_function
from beale_gui.core.search import Axis, grid_points, grid_shape, search

BEALE = get_function("beale")


def test_the_grid_gives_a_flag_two_points_and_the_rest_to_the_others():
    assert grid_shape([False, False], 100) == [10, 10]
    assert grid_shape([True, False], 100) == [2, 50]
    assert grid_shape([False, True], 20) == [10, 2]
    assert grid_shape([True, True], 10) == [2, 2]
    assert grid_shape([True], 400) == [2]
    assert grid_shape([True, True], 3) == [1, 1]        # too small a budget for both values
    unit = grid_points([None, None], 20, [True, False])
    assert sorted(set(unit[:, 0])) == [0.0, 1.0]
    assert len(set(unit[:, 1])) == 10
    np.testing.assert_array_equal(grid_points([None, None], 16), grid_points([None] * 2, 16,
                                                                              [False, False]))


def test_a_grid_search_over_centered_tries_0_and_1_once_with_each_rate():
    axes = [Axis("centered", 0.0, 1.0), Axis("lr", 1e-3, 1e-1, "log")]
    r = search(BEALE, OptimizerConfig("rmsprop"), axes, method="grid", budget=20, max_steps=50)
    centered, lr = r.points[:, 0], r.points[:, 1]
    assert sorted(set(centered)) == [0.0, 1.0]
    assert len(r.points) == 20
    assert len({(c, v) for c, v in zip(centered, lr, strict=True)}) == 20   # no repeats
    assert (centered == 0).sum() == (centered == 1).sum() == 10


def test_random_and_coarse_to_fine_searches_over_a_switch_give_only_0_and_1():
    axes = [Axis("maximize", 0.0, 1.0), Axis("lr", 1e-3, 1e-1, "log")]
    for method in ("random", "coarse-to-fine"):
        r = search(BEALE, OptimizerConfig("adam"), axes, method=method, budget=30, max_steps=30,
                   seed=3)
        assert set(r.points[:, 0]) <= {0.0, 1.0}, method
