"""Flat surfaces: a zero gradient leaves every run where it started.

Typing ``1`` or ``0*x`` as the custom function must not make a run diverge or move, whatever
the optimizer, the stop rule, the other start points in the batch, or the path the batch takes
through the engine: Python floats for a few runs (:mod:`beale_gui.core.engine.few_runs`), numpy
arrays for more (:mod:`beale_gui.core.engine.batch`), several blocks on worker threads for many.

Four optimizers move on a flat surface by design, and are checked for doing exactly that:
``sgd`` (stochastic by default; a function without terms gets Gaussian gradient noise), ``adamw``
(decoupled weight decay shrinks w by ``1 - lr * weight_decay`` a step whatever the gradient),
``yogi`` (its reference starts the first moment at initial_accumulator, 1e-6, not 0) and
``asgd``, whose weights decay by ``1 - lambd * eta`` a step (as torch's do).
"""

import numpy as np
import pytest

from beale_gui.core.engine import (
    CONVERGED,
    DIVERGED,
    MAX_STEPS,
    EngineTuning,
    OptimizerConfig,
    run,
)
from beale_gui.core.functions import parse_expression
from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.document import Document

FLAT = ["1", "0*x", "0*x + 0*y", "5", "x - x"]
GUI_TOL = Document().tol          # the stop tolerance the window starts with
MOVE_BY_DESIGN = {"sgd", "adamw", "yogi", "asgd"}
STILL = [name for name in OPTIMIZERS if name not in MOVE_BY_DESIGN]
PROBING = {name for name, spec in OPTIMIZERS.items() if spec.probe is not None}  # own block
# inside the default view, on an axis, at the origin, and near the divergence bound
STARTS = np.array([[0.7, 1.4], [-2.0, 3.0], [4.9, -4.9], [0.0, 0.0], [-3.0, 0.0], [9e9, -9e9]])
MAX = 40


@pytest.fixture
def kinds():
    """The paths each batch ran on, in order: a tuple per batch, one path a block."""
    return []


# how each path is reached: "few_runs" (floats, where the engine's own choice takes them),
# "batch" (one numpy block), "parallel" (numpy blocks on worker threads)
TUNINGS = {"few_runs": {"path": "few_runs"}, "batch": {"path": "batch"},
           "parallel": {"parallel_min_rows": 0, "chunk_rows": 8, "serial_chunk_rows": 8,
                        "workers": 2}}


def _run_on(path, kinds, function, configs, starts, tol):
    """The batch on ``path``: "few_runs", "batch" or "parallel" (see TUNINGS)."""
    tuning = EngineTuning(on_blocks=lambda blocks: kinds.append(tuple(b.path for b in blocks)),
                          **TUNINGS[path])
    return run(function, configs, starts, max_steps=MAX, tol=tol, record_state=True,
               tuning=tuning)


def _expected_status(result, tol):
    """The seed's rule on a flat surface: |f_prev - f| is |0 - f| before the first update
    (``pre_z = 0.0``) and 0 from then on, so a run stops after update 1 where |f| < tol and
    after update 2 elsewhere; with tol 0 it runs to max steps."""
    f = result.loss[:, 0]
    if tol == 0:
        return np.full(result.n_runs, MAX_STEPS), np.full(result.n_runs, MAX)
    return np.full(result.n_runs, CONVERGED), np.where(np.abs(f) < tol, 1, 2)


def _assert_stayed(result, starts, tol):
    at = starts[result.start_index]
    assert (result.status != DIVERGED).all(), [result.describe(i) for i in range(result.n_runs)]
    np.testing.assert_array_equal(result.final_xy, at)
    for i in range(result.n_runs):
        np.testing.assert_array_equal(result.paths[i],
                                      np.broadcast_to(at[i], (result.n_steps + 1, 2)))
    np.testing.assert_array_equal(result.grads, 0.0)
    status, step = _expected_status(result, tol)
    np.testing.assert_array_equal(result.status, status)
    np.testing.assert_array_equal(result.event_step, step)
    assert np.isfinite(result.final_loss).all()


@pytest.mark.parametrize("tol", [GUI_TOL, 0.0])
@pytest.mark.parametrize("text", FLAT)
@pytest.mark.parametrize("name", STILL)
def test_one_run_stays_at_its_start(kinds, name, text, tol):
    function = parse_expression(text)
    for path in ("few_runs", "batch"):
        result = _run_on(path, kinds, function, [OptimizerConfig(name)], STARTS[:1], tol)
        assert kinds[-1] == ((path,) if name not in PROBING else ("probes",))
        _assert_stayed(result, STARTS, tol)


@pytest.mark.parametrize("tol", [GUI_TOL, 0.0])
@pytest.mark.parametrize("text", FLAT)
@pytest.mark.parametrize("path", ["few_runs", "batch", "parallel"])
def test_the_default_six_from_many_starts_all_stay(kinds, path, text, tol):
    """The window's optimizers from start points inside the view and far out: no run
    diverges, none moves, and each stops as the stop rule says."""
    names = ["gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]
    assert [e.config.name for e in Document().entries] == names
    configs = [OptimizerConfig(n) for n in names]
    # the few-runs path takes at most 32 runs of six configurations
    starts = STARTS[[0, 1, 3, 4, 5]] if path == "few_runs" else np.tile(STARTS, (3, 1))
    result = _run_on(path, kinds, parse_expression(text), configs, starts, tol)
    if path == "parallel":
        assert set(kinds[-1]) == {"batch"}
        assert len(kinds[-1]) > 1               # blocks on worker threads
    else:
        assert kinds[-1] == (path,)
    _assert_stayed(result, starts, tol)


@pytest.mark.parametrize("tol", [GUI_TOL, 0.0])
@pytest.mark.parametrize("path", ["few_runs", "batch", "parallel"])
def test_every_optimizer_in_one_batch_stays(kinds, path, tol):
    off = {"adamw": {"weight_decay": 0.0}, "yogi": {"initial_accumulator": 0.0},
           "asgd": {"lambd": 0.0}}                                   # their drift off
    configs = [OptimizerConfig(name, off.get(name, {}))
               for name in STILL + ["adamw", "yogi", "asgd"]]
    starts = STARTS[[0, 5]] if path == "few_runs" else STARTS
    result = _run_on(path, kinds, parse_expression("0*x + 0*y"), configs, starts, tol)
    if path != "parallel":
        assert kinds[-1] == (path, "probes")
    _assert_stayed(result, starts, tol)


def test_runs_stay_whatever_the_other_starts_are(kinds):
    """A start the engine refuses to step (beyond the divergence bound) is flagged at step 0,
    and changes nothing for the others."""
    starts = np.vstack([STARTS, [[2e10, 0.0]]])
    configs = [OptimizerConfig(n) for n in STILL]
    for path in ("few_runs", "batch"):
        result = _run_on(path, kinds, parse_expression("1"), configs, starts, GUI_TOL)
        far = result.start_index == len(starts) - 1
        assert (result.status[far] == DIVERGED).all()
        assert result.bad_start[far].all()
        assert (result.event_step[far] == 0).all()
        near = ~far
        assert (result.status[near] == CONVERGED).all()
        np.testing.assert_array_equal(result.final_xy[near], starts[result.start_index[near]])


@pytest.mark.parametrize("text", FLAT)
def test_adamw_only_decays_the_weights(kinds, text):
    config = OptimizerConfig("adamw")
    lr, wd = config.hparams["lr"], config.hparams["weight_decay"]
    for path in ("few_runs", "batch"):
        result = _run_on(path, kinds, parse_expression(text), [config], STARTS[:3], 0.0)
        assert (result.status == MAX_STEPS).all()
        shrink = (1.0 - lr * wd) ** np.arange(MAX + 1)
        for i in range(result.n_runs):
            np.testing.assert_allclose(result.paths[i],
                                       shrink[:, None] * STARTS[result.start_index[i]],
                                       rtol=1e-12)


@pytest.mark.parametrize("text", FLAT)
def test_yogi_only_drifts_by_its_initial_first_moment(kinds, text):
    """m_t = a beta1^t with g = 0 (a = initial_accumulator), and v stays a: each step is
    lr / (1 - beta1^t) * m_t / (sqrt(a) / sqrt(1 - beta2^t) + eps), the same on both axes."""
    config = OptimizerConfig("yogi")
    hp = config.hparams
    lr, b1, b2, eps, a = (hp[k] for k in ("lr", "beta1", "beta2", "eps",
                                          "initial_accumulator"))
    t = np.arange(1, MAX + 1)
    steps = lr / (1 - b1**t) * a * b1**t / (np.sqrt(a) / np.sqrt(1 - b2**t) + eps)
    drift = np.concatenate([[0.0], np.cumsum(steps)])
    for path in ("few_runs", "batch"):
        result = _run_on(path, kinds, parse_expression(text), [config], STARTS[:3], 0.0)
        assert (result.status == MAX_STEPS).all()
        for i in range(result.n_runs):
            np.testing.assert_allclose(result.paths[i],
                                       STARTS[result.start_index[i]] - drift[:, None],
                                       rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("text", FLAT)
def test_sgd_walks_on_its_noise_and_never_diverges(text):
    result = run(parse_expression(text), [OptimizerConfig("sgd")], STARTS[:5], max_steps=MAX,
                 tol=0.0, seed=3)
    assert (result.status == MAX_STEPS).all()
    assert np.isfinite(result.paths).all()
    np.testing.assert_array_equal(result.grads, 0.0)          # the exact gradient is zero
    moved = np.abs(result.final_xy - STARTS[:5]).max(axis=1)
    lr = result.configs[0].hparams["lr"]
    assert (moved > 0).all()
    assert (moved < 10 * lr * np.sqrt(MAX)).all()   # unit-variance noise: a random walk
