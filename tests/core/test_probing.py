"""The probing optimizers (those that evaluate the function themselves: Newton's method, and
the line-search methods) run in their own block (beale_gui/core/engine/probing.py): a run's
numbers are the same alone, beside other optimizers, among many starts and variants, on every
path; the stop rules are the engine's; and each run counts its function evaluations."""

import numpy as np
import pytest

from beale_gui.core.engine import (
    CONVERGED,
    DIVERGED,
    MAX_STEPS,
    EngineTuning,
    OptimizerConfig,
    StochasticConfig,
    run,
)
from beale_gui.core.functions import get_function, parse_expression
from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.core.optimizers.newton import (
    INDEFINITE,
    NEGATIVE,
    POSITIVE,
    SINGULAR_CODE,
    newton_step,
)

PROBING = [name for name, spec in OPTIMIZERS.items() if spec.probe is not None]
ROSENBROCK = get_function("rosenbrock")
BEALE = get_function("beale")
STARTS = np.array([(-1.5, 2.0), (0.7, 1.4), (-1.2, 1.0), (1.3, 1.9), (0.5, -0.5)])
FIELDS = ("status", "stop_step", "final_xy", "final_loss", "paths", "loss", "grads",
          "final_evals", "evals")


def _same(a, b, rows_a=slice(None), rows_b=slice(None)):
    """The runs' results alike; of records of different lengths (a batch records up to its
    longest run), the common steps alike and the longer's rest its last repeated."""
    def field(result, name):
        if name == "evals":
            return np.array([result.evals_of(i) for i in range(result.n_runs)])
        return getattr(result, name)

    for name in FIELDS:
        x, y = field(a, name)[rows_a], field(b, name)[rows_b]
        if x.ndim > 1 and x.shape[1] != y.shape[1]:
            x, y = (x, y) if x.shape[1] < y.shape[1] else (y, x)
            n = x.shape[1]
            np.testing.assert_array_equal(y[:, n:], np.repeat(y[:, n - 1:n], y.shape[1] - n,
                                                              axis=1), err_msg=name)
            y = y[:, :n]
        np.testing.assert_array_equal(x, y, err_msg=name)


def test_newton_converges_on_rosenbrock_from_the_issues_start_in_under_30_steps():
    result = run(ROSENBROCK, OptimizerConfig("newton"), [(-1.5, 2.0)], max_steps=1000,
                 tol=1e-9)
    assert result.status[0] == CONVERGED
    assert result.stop_step[0] < 30
    np.testing.assert_allclose(result.final_xy[0], [1.0, 1.0], atol=1e-8)
    assert result.final_evals[0] == result.stop_step[0] + 1       # one evaluation a step


def test_the_first_newton_step_is_the_hessians_solve():
    w = np.array([-1.5, 2.0])
    h = ROSENBROCK.hessian(w)
    g = ROSENBROCK.grad(w)
    result = run(ROSENBROCK, OptimizerConfig("newton"), [w], max_steps=1)
    np.testing.assert_allclose(result.paths[0, 1], w - np.linalg.solve(h, g), rtol=1e-12)
    damped = run(ROSENBROCK, OptimizerConfig("newton", {"lr": 0.5, "damping": 10.0}), [w],
                 max_steps=1)
    np.testing.assert_allclose(damped.paths[0, 1],
                               w - 0.5 * np.linalg.solve(h + 10.0 * np.eye(2), g), rtol=1e-12)


@pytest.mark.parametrize("name", PROBING)
def test_a_run_is_the_same_alone_beside_others_and_among_many(name):
    alone = run(BEALE, OptimizerConfig(name), STARTS[:1], max_steps=200, tol=1e-12)
    configs = [OptimizerConfig("adam", {"lr": 0.05}), OptimizerConfig(name),
               OptimizerConfig("gd")]
    mixed = run(BEALE, configs, STARTS, max_steps=200, tol=1e-12)
    rows = np.flatnonzero((mixed.config_index == 1) & (mixed.start_index == 0))
    _same(alone, mixed, slice(0, 1), rows)
    for path in ("few_runs", "batch"):
        other = run(BEALE, configs, STARTS, max_steps=200, tol=1e-12,
                    tuning=EngineTuning(path=path))
        _same(mixed, other)
    many = run(BEALE, OptimizerConfig(name), np.tile(STARTS, (40, 1)), max_steps=200,
               tol=1e-12)
    ours = np.flatnonzero(mixed.config_index == 1)
    for k in range(40):
        _same(many, mixed, slice(5 * k, 5 * k + 5), ours)
    # the first-order runs beside it are those of a batch without it
    without = run(BEALE, [configs[0], configs[2]], STARTS, max_steps=200, tol=1e-12)
    _same(mixed, without, mixed.config_index != 1)


def test_per_run_variants_are_each_their_own_run():
    lrs = np.array([1.0, 0.5, 0.25])
    batch = run(ROSENBROCK, OptimizerConfig("newton", {"lr": lrs, "damping": 0.1}),
                STARTS[:2], max_steps=60, tol=1e-12)
    for v, lr in enumerate(lrs):
        one = run(ROSENBROCK, OptimizerConfig("newton", {"lr": float(lr), "damping": 0.1}),
                  STARTS[:2], max_steps=60, tol=1e-12)
        rows = batch.variant_index == v
        np.testing.assert_array_equal(batch.final_xy[rows], one.final_xy)
        np.testing.assert_array_equal(batch.stop_step[rows], one.stop_step)


def test_the_stop_rules_and_a_bad_start():
    # x**3 has no minimum: Newton halves x each step toward the inflection at 0 (f'' = 0 there)
    cubic = parse_expression("x**3 + y**2")
    result = run(cubic, OptimizerConfig("newton"), [(1.0, 1.0), (2e10, 0.0)], max_steps=100,
                 tol=1e-9)
    assert result.status[0] == CONVERGED
    np.testing.assert_allclose(result.paths[0, 1], [0.5, 0.0])
    assert result.status[1] == DIVERGED
    assert result.bad_start[1]
    assert result.stop_step[1] == 0
    # -x**2 - y**2 sends the step to its maximum at once; exp(x) has no curvature to stop at
    up = run(parse_expression("-(x**2) - y**2"), OptimizerConfig("newton"), [(1.0, 2.0)],
             max_steps=5, record_state=True)
    np.testing.assert_array_equal(up.paths[0, 1], [0.0, 0.0])
    assert up.state_of(0)["curvature"][1, 0] == NEGATIVE
    far = run(parse_expression("1e-30*x**2 + 1e-30*y**2 - 1e-10*x"), OptimizerConfig("newton"),
              [(0.0, 0.0)], max_steps=3)
    assert far.status[0] == DIVERGED                                # a step to x = 5e19
    assert far.stop_step[0] == 0
    np.testing.assert_array_equal(far.final_xy[0], [0.0, 0.0])       # its last finite point
    assert (far.paths[0] == 0.0).all()
    plain = run(ROSENBROCK, OptimizerConfig("newton"), [(-1.5, 2.0)], max_steps=50)
    assert plain.status[0] == MAX_STEPS
    assert plain.n_steps == 50


def test_the_curvature_cases():
    h = np.array([[2.0, 0.0, 3.0], [1.0, 2.0, 1.0], [-2.0, 0.0, -1.0], [1.0, 1.0, 1.0]])
    g = np.array([[1.0, 1.0]] * 4)
    p, code = newton_step(h, g, 0.0)
    assert code.tolist() == [POSITIVE, INDEFINITE, NEGATIVE, SINGULAR_CODE]
    np.testing.assert_allclose(p[0], [0.5, 1 / 3])
    np.testing.assert_array_equal(p[3], [1.0, 1.0])                  # the gradient itself
    p, code = newton_step(h[3:], g[3:], 1.0)                         # damping lifts it
    assert code.tolist() == [POSITIVE]


def test_evaluations_are_recorded_and_stop_with_the_run():
    result = run(ROSENBROCK, [OptimizerConfig("newton"), OptimizerConfig("adam")],
                 [(-1.5, 2.0)], max_steps=100, tol=1e-9)
    for i in range(2):
        evals = result.evals_of(i)
        stop = result.stop_step[i]
        assert evals[0] == 1
        assert evals[stop] == result.final_evals[i]
        assert (evals[stop:] == evals[stop]).all()
    unrecorded = run(ROSENBROCK, OptimizerConfig("newton"), [(-1.5, 2.0)], max_steps=100,
                     tol=1e-9, record=False)
    assert unrecorded.final_evals[0] == result.final_evals[0]
    assert unrecorded.evals is None


def test_probing_optimizers_take_no_mini_batches():
    for name in PROBING:
        with pytest.raises(ValueError, match="takes the exact gradient"):
            OptimizerConfig(name, stochastic=StochasticConfig(batch_size=2))

