"""L-BFGS against torch.optim.LBFGS itself, and nonlinear conjugate gradients against the
formulas (Nocedal & Wright, Numerical Optimization, 2nd ed., ch. 5.2) worked out by hand.

One engine step of ``lbfgs`` is one torch ``step()`` with ``max_iter=1``; the closure sets
``.grad`` to the engine's exact gradient (never autograd). torch gives its line search
``max_eval - 1`` trials after the first, and with ``max_iter=1`` its default ``max_eval`` is 1:
the comparison passes ``max_eval=26`` (torch's own ``max_ls`` of 25, which the engine keeps).
"""

from __future__ import annotations

import numpy as np
import pytest

from beale_gui.core.engine import CONVERGED, OptimizerConfig, run
from beale_gui.core.functions import get_function, parse_expression
from beale_gui.core.optimizers import get_optimizer
from beale_gui.core.optimizers.lbfgs import HISTORY_MAX
from beale_gui.core.optimizers.line_search import cubic_interpolate, strong_wolfe

STEPS = 300
STARTS = {
    # (not (-1.2, 0.9): from there the run leaves along Beale's flat valley toward x = -7000,
    # where torch's sqrt, which is not correctly rounded (1 ulp off for about 1% of numbers),
    # moves its line search's cubic step by an ulp that grows to 1e-9 after 145 steps)
    "beale": [(0.7, 1.4), (-1.0, -1.0), (2.5, -0.6)],
    "rosenbrock": [(-1.5, 2.0), (-1.2, 1.0), (0.5, -0.5)],
    "himmelblau": [(0.0, 0.0), (-1.0, 2.5), (1.5, -3.0)],
}
LBFGS_SETTINGS = [{}, {"line_search": 1}, {"lr": 0.1, "history_size": 3},
                  {"lr": 0.5, "history_size": 2, "line_search": 1}]
CASES = [(f, s) for f in STARTS for s in range(len(LBFGS_SETTINGS))]


def _torch_lbfgs(torch, fn, start, hp, steps):
    """torch's points, state (d, t, n_iter) and evaluations after each of ``steps`` steps."""
    w = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([w], lr=hp["lr"], max_iter=1, max_eval=26,
                            tolerance_grad=hp["tolerance_grad"],
                            tolerance_change=hp["tolerance_change"],
                            history_size=int(hp["history_size"]),
                            line_search_fn="strong_wolfe" if hp["line_search"] else None)

    def closure():
        point = w.detach().numpy()[None, :]
        f, g = fn.value_and_grad(point)
        w.grad = torch.tensor(g[0], dtype=torch.float64)
        return torch.tensor(float(f[0]), dtype=torch.float64)

    points, evals = [w.detach().numpy().copy()], []
    for _ in range(steps):
        opt.step(closure)
        points.append(w.detach().numpy().copy())
        evals.append(opt.state[w]["func_evals"])
    return np.array(points), np.array(evals), opt.state[w]


@pytest.mark.parametrize(("fname", "setting"), CASES)
def test_lbfgs_matches_torch(fname, setting, torch64, torch_tally):
    fn = get_function(fname)
    spec = get_optimizer("lbfgs")
    hp = spec.check(LBFGS_SETTINGS[setting])
    starts = STARTS[fname]
    result = run(fn, OptimizerConfig("lbfgs", hp), starts, max_steps=STEPS,
                 record_state=True)
    for i, start in enumerate(starts):
        points, func_evals, state = _torch_lbfgs(torch64, fn, start, hp, STEPS)
        ok = np.all(np.isfinite(points), axis=1)
        last = STEPS if ok.all() else int(np.argmin(ok)) - 1
        np.testing.assert_allclose(result.paths[i, :last + 1], points[:last + 1], rtol=1e-9,
                                   atol=1e-12, err_msg=f"{fname} {start} {hp}")
        # the engine counts each point evaluated once: the start, a fixed step's new point,
        # a line search's trial points; torch evaluates the point of every step() again (its
        # first closure call) and a fixed step's new point only at the next step()
        made = np.diff(result.evals_of(i)[:last + 1])
        torch_made = np.diff(func_evals[:last], prepend=0)
        if hp["line_search"]:
            np.testing.assert_array_equal(made, torch_made - 1)
        else:
            assert (torch_made == 1).all()
            stepped = result.state_of(i)["case"][1:last + 1, 0] == 1.0
            np.testing.assert_array_equal(made, stepped.astype(int))
        if last == STEPS:
            mine = result.state_of(i)
            np.testing.assert_allclose(mine["direction"][STEPS], state["d"].numpy(),
                                       rtol=1e-9, atol=1e-14)
            assert mine["n_iter"][STEPS, 0] == state["n_iter"]
            assert mine["length"][STEPS, 0] == len(state["old_dirs"])
            k = len(state["old_dirs"])
            if k:
                np.testing.assert_allclose(
                    mine["old_dirs"][STEPS, :2 * k].reshape(k, 2),
                    np.array([y.numpy() for y in state["old_dirs"]]), rtol=1e-9, atol=1e-14)
                np.testing.assert_allclose(
                    mine["ro"][STEPS, :k], [float(r) for r in state["ro"]], rtol=1e-9)
        torch_tally.add(runs=1, steps=last)


def test_lbfgs_converges_on_rosenbrock_and_the_line_search_counts_its_trials():
    rosen = get_function("rosenbrock")
    fixed = run(rosen, OptimizerConfig("lbfgs"), [(-1.5, 2.0)], max_steps=1000, tol=1e-12)
    wolfe = run(rosen, OptimizerConfig("lbfgs", {"line_search": 1}), [(-1.5, 2.0)],
                max_steps=1000, tol=1e-12)
    for result in (fixed, wolfe):
        assert result.status[0] == CONVERGED
        np.testing.assert_allclose(result.final_xy[0], [1.0, 1.0], atol=1e-5)
    # a fixed step evaluates its new point only; the search more than once on some step
    stop = fixed.stop_step[0]
    assert fixed.final_evals[0] <= stop + 1
    made = np.diff(wolfe.evals_of(0)[:wolfe.stop_step[0] + 1])
    assert made.max() > 1
    assert made.min() >= 0


def test_the_history_is_capped_and_kept_oldest_first():
    assert get_optimizer("lbfgs").check({"history_size": HISTORY_MAX})
    with pytest.raises(ValueError, match="history_size"):
        get_optimizer("lbfgs").check({"history_size": HISTORY_MAX + 1})
    result = run(get_function("beale"), OptimizerConfig("lbfgs", {"lr": 0.05,
                                                                  "history_size": 2}),
                 [(0.7, 1.4)], max_steps=12, record_state=True)
    state = result.state_of(0)
    assert state["length"][:, 0].max() == 2
    assert (state["old_dirs"][:, 4:] == 0).all()


# -- the line search ------------------------------------------------------------------------

def test_cubic_interpolation_is_exact_on_a_quadratic_and_bounded():
    # f(t) = (t - 0.3)**2: from (0, 0.09, -0.6) and (1, 0.49, 1.4) the minimiser 0.3
    got = cubic_interpolate(np.array([0.0]), np.array([0.09]), np.array([-0.6]),
                            np.array([1.0]), np.array([0.49]), np.array([1.4]))
    np.testing.assert_allclose(got, [0.3], rtol=1e-14)
    clipped = cubic_interpolate(np.array([0.0]), np.array([0.09]), np.array([-0.6]),
                                np.array([1.0]), np.array([0.49]), np.array([1.4]),
                                bounds=(np.array([0.5]), np.array([10.0])))
    assert clipped[0] == 0.5


def test_the_line_search_rows_are_independent():
    fn = get_function("rosenbrock")
    x = np.array([[-1.5, 2.0], [0.5, -0.5], [1.3, 1.9]])
    f, g = fn.value_and_grad(x)
    d = -g
    gtd = (g * d).sum(axis=1)
    t0 = np.array([1.0, 1e-3, 0.01])
    t_all, e_all = strong_wolfe(fn, x, t0, d, f, g, gtd)
    for i in range(3):
        t_one, e_one = strong_wolfe(fn, x[i:i + 1], t0[i:i + 1], d[i:i + 1], f[i:i + 1],
                                    g[i:i + 1], gtd[i:i + 1])
        assert t_one[0] == t_all[i]
        assert e_one[0] == e_all[i]
    f_new, g_new = fn.value_and_grad(x + t_all[:, None] * d)
    assert (f_new <= f + 1e-4 * t_all * gtd).all()                    # sufficient decrease
    assert (np.abs((g_new * d).sum(axis=1)) <= -0.9 * gtd).all()     # curvature


# -- conjugate gradients --------------------------------------------------------------------

QUADRATIC = "3*x**2 + 2*x*y + 5*y**2 - 4*x + y"


@pytest.mark.parametrize("rule", [0, 1])
def test_cg_finishes_a_quadratic_in_two_updates(rule):
    fn = parse_expression(QUADRATIC)
    minimum = np.linalg.solve([[6.0, 2.0], [2.0, 10.0]], [4.0, -1.0])
    for start in [(1.0, 1.0), (-2.0, 3.0), (4.0, -1.5)]:
        result = run(fn, OptimizerConfig("cg", {"beta_rule": rule}), [start], max_steps=2,
                     record_state=True)
        np.testing.assert_allclose(result.paths[0, 2], minimum, rtol=1e-10, atol=1e-12)
        assert not np.allclose(result.paths[0, 1], minimum, atol=1e-3)
        assert result.state_of(0)["case"][1:, 0].tolist() == [0.0, 1.0]


def test_cgs_first_steps_are_the_formulas():
    """Step 1: steepest descent with the exact minimising step of the quadratic; step 2: β by
    each rule from the recorded gradients, d = -g + β d'."""
    fn = parse_expression(QUADRATIC)
    hess = np.array([[6.0, 2.0], [2.0, 10.0]])
    w0 = np.array([1.0, 1.0])
    g0 = hess @ w0 - [4.0, -1.0]
    alpha0 = (g0 @ g0) / (g0 @ hess @ g0)                         # exact along -g0 on a quadratic
    for rule in (0, 1):
        result = run(fn, OptimizerConfig("cg", {"beta_rule": rule, "restart": 0}), [w0],
                     max_steps=3, record_state=True)
        state = result.state_of(0)
        np.testing.assert_allclose(result.paths[0, 1], w0 - alpha0 * g0, rtol=1e-12)
        np.testing.assert_allclose(state["step_size"][1, 0], alpha0, rtol=1e-12)
        g1 = result.grads[0, 1]
        fr = (g1 @ g1) / (g0 @ g0)
        pr = max(0.0, g1 @ (g1 - g0) / (g0 @ g0))
        beta = fr if rule == 0 else pr
        np.testing.assert_allclose(state["beta"][2, 0], beta, rtol=1e-12)
        np.testing.assert_allclose(state["direction"][2], -g1 + beta * (-g0), rtol=1e-12)
    # on a quadratic with exact steps g1·g0 = 0, so the two rules agree
    np.testing.assert_allclose(fr, pr, rtol=1e-9)


def test_cg_restarts_periodically_and_on_rosenbrock_converges():
    rosen = get_function("rosenbrock")
    result = run(rosen, OptimizerConfig("cg", {"restart": 3}), [(-1.5, 2.0)], max_steps=9,
                 record_state=True)
    case = result.state_of(0)["case"][1:, 0]
    steepest = np.flatnonzero(case != 1.0)
    assert {0, 3, 6} <= set(steepest.tolist())
    for rule in (0, 1):
        done = run(rosen, OptimizerConfig("cg", {"beta_rule": rule, "restart": 0}),
                   [(-1.5, 2.0)], max_steps=5000, tol=1e-14)
        assert done.status[0] == CONVERGED
        np.testing.assert_allclose(done.final_xy[0], [1.0, 1.0], atol=1e-4)
