"""A run that settles in a listed local minimum says so, with the distance to it; one at a
global minimum, or near none, reads as before."""

import numpy as np

from beale_gui.core.engine import OptimizerConfig, run
from beale_gui.core.functions import get_function, parse_expression


def _one(fn, config, start, **kw):
    return run(fn, [config], [start], max_steps=1000, tol=1e-9, **kw)


def test_a_run_in_a_local_minimum_says_local_minimum_and_how_far():
    rastrigin = get_function("rastrigin")
    r = _one(rastrigin, OptimizerConfig("rmsprop", {"lr": 0.01}), (0.7, 1.4))
    minimum, distance = r.local_minimum(0)
    np.testing.assert_allclose(minimum, [0.9949586376523348] * 2, rtol=1e-15)
    assert distance == np.linalg.norm(r.final_xy[0] - minimum) < 1e-5
    assert r.describe(0) == (f"converged (local minimum) at step {r.event_step[0]}, "
                             f"{distance:.4g} from (0.995, 0.995)")
    assert r.describe(0, distance=False) == f"converged (local minimum) at step {r.event_step[0]}"


def test_a_run_at_a_global_minimum_reads_as_before():
    r = _one(get_function("rastrigin"), OptimizerConfig("adam", {"lr": 0.05}), (0.2, -0.1))
    assert r.local_minimum(0) is None
    assert r.describe(0) == f"converged at step {r.event_step[0]}"
    beale = _one(get_function("beale"), OptimizerConfig("nesterov", {"lr": 0.01}), (0.7, 1.4))
    assert beale.describe(0) == f"converged at step {beale.event_step[0]}"


def test_goldstein_prices_local_minimum_is_named():
    r = _one(get_function("goldstein_price"), OptimizerConfig("adam", {"lr": 0.05}), (0.7, 1.4))
    assert r.describe(0).startswith("converged (local minimum) at step ")
    assert r.describe(0).endswith(" from (1.2, 0.8)")


def test_without_listed_minima_or_far_from_them_it_is_plain_converged():
    typed = parse_expression("(x**2 - 1)**2 + y**2")
    r = _one(typed, OptimizerConfig("gd", {"lr": 0.05}), (0.5, 0.3))
    assert r.local_minimum(0) is None
    assert r.describe(0) == f"converged at step {r.event_step[0]}"
    listed = parse_expression("(x**2 - 1)**2 + y**2 + 0.1*x", minima=[(-1.0, 0.0)])
    r = _one(listed, OptimizerConfig("gd", {"lr": 0.05}), (0.5, 0.3))   # settles near x = 1
    assert r.local_minimum(0) is None
