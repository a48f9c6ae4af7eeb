"""The engine's record of every optimizer's full state at every step (``RunResult.state_of``)
and of the gradient each stochastic update used (``RunResult.used_grad_of``): both paths and
every split of a batch give the same bits, and what is recorded is what the steps used."""

import numpy as np
import pytest

from beale_gui.core.engine import (
    CONVERGED,
    DIVERGED,
    MAX_STEPS,
    EngineTuning,
    OptimizerConfig,
    StochasticConfig,
    estimate_bytes,
    run,
)
from beale_gui.core.engine.run import state_values
from beale_gui.core.functions import get_function
from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.core.schedules import ScheduleConfig

from .test_few_runs import DETERMINISTIC, NON_DEFAULT, STARTS, Paths, _both

BEALE = get_function("beale")


@pytest.fixture
def paths():
    return Paths()


def _assert_same_state(a, b):
    assert a.n_runs == b.n_runs
    for i in range(a.n_runs):
        sa, sb = a.state_of(i), b.state_of(i)
        assert list(sa) == list(sb)
        for k in sa:
            assert sa[k].dtype == sb[k].dtype
            np.testing.assert_array_equal(sa[k], sb[k], err_msg=f"run {i}, {k}")
        ua, ub = a.used_grad_of(i), b.used_grad_of(i)
        assert (ua is None) == (ub is None)
        if ua is not None:
            np.testing.assert_array_equal(ua, ub, err_msg=f"run {i}, used gradient")


@pytest.mark.parametrize("settings", ["default", "non-default"])
@pytest.mark.parametrize("name", DETERMINISTIC)
def test_both_paths_record_the_same_state_bit_for_bit(paths, name, settings):
    """Converged, diverged and running-on runs, on the few-runs path (the float kernels' logs)
    and the batch path (the arrays after each step)."""
    config = OptimizerConfig(name, {} if settings == "default" else NON_DEFAULT[name])
    starts = [*STARTS, (4.4, 4.4)]
    fast, slow = _both(paths, BEALE, [config], starts, max_steps=300, tol=1e-9,
                       record_state=True)
    _assert_same_state(fast, slow)
    spec = OPTIMIZERS[name]
    state = fast.state_of(0)
    assert list(state) == list(spec.state._fields)
    for k, v in state.items():
        assert v.shape == (fast.n_steps + 1, getattr(spec.init(1, config.hparams), k).shape[1])


def test_both_paths_agree_on_a_mixed_batch_with_schedules_and_early_ends(paths):
    configs = [OptimizerConfig(name, schedule=ScheduleConfig("exponential", {"gamma": 0.995}))
               for name in DETERMINISTIC]
    # every run stops early: the records end at the last step any run made
    fast, slow = _both(paths, BEALE, configs, STARTS[:2], max_steps=5000, tol=1e-3,
                       record_state=True)
    assert fast.n_steps < 5000
    _assert_same_state(fast, slow)


def test_a_split_batch_records_the_state_of_one_block_bit_for_bit():
    configs = [
        OptimizerConfig("adam", {"lr": np.geomspace(1e-3, 0.3, 7)}),
        OptimizerConfig("sgd", {"lr": 0.01}),
        OptimizerConfig("gd", {"lr": 0.01}, stochastic=StochasticConfig(batch_size=2, noise=0.1)),
        OptimizerConfig("nadam", {"lr": 0.05, "weight_decay": 0.01}),
        OptimizerConfig("adadelta"),
    ]
    starts = np.random.default_rng(3).uniform(-4.5, 4.5, (30, 2))
    starts[::7] *= 1e3
    kwargs = {"max_steps": 100, "tol": 1e-7, "seed": 5, "record_state": True}
    whole = run(BEALE, configs, starts, tuning=EngineTuning(parallel_min_rows=10**9), **kwargs)
    split = run(BEALE, configs, starts, tuning=EngineTuning(
        parallel_min_rows=0, chunk_rows=37, serial_chunk_rows=37, workers=3), **kwargs)
    assert set(np.unique(whole.status)) == {MAX_STEPS, CONVERGED, DIVERGED}
    _assert_same_state(whole, split)


@pytest.mark.parametrize("name", DETERMINISTIC)
def test_the_record_starts_at_the_initial_state_and_repeats_after_a_stop(name):
    hp = {"initial_accumulator_value": 0.3} if name == "adagrad" else {}
    if name in ("lion", "sfadamw"):      # steps of about lr that never settle: let 50 diverge
        hp = {"weight_decay": 1.0}
    configs = [OptimizerConfig(name, hp), OptimizerConfig(name, {**hp, "lr": 50.0})]
    # runs that converge (a large rate settles somewhere fast), diverge, run on, and a start
    # beyond the bound that never steps
    result = run(BEALE, configs, [(0.7, 1.4), (4.4, 4.4), (2e10, 0.0)], max_steps=2000,
                 tol=1e-5, record_state=True)
    assert (result.stop_step < result.n_steps).sum() >= 3
    spec = OPTIMIZERS[name]
    for i in range(result.n_runs):
        # the run's own: Rprop's step sizes and ASGD's eta start at its lr
        initial = spec.init(1, result.configs[result.config_index[i]].hparams)
        state = result.state_of(i)
        stop = result.stop_step[i]
        for k, v in state.items():
            np.testing.assert_array_equal(v[0], getattr(initial, k)[0], err_msg=k)
            np.testing.assert_array_equal(v[stop:], np.broadcast_to(v[stop], v[stop:].shape),
                                          err_msg=k)
            assert np.isfinite(v).all(), k
        if spec.moment:                 # the arrow is the state entry it names
            np.testing.assert_array_equal(result.moment[i], state[spec.moment])


def test_an_unrecorded_state_is_empty():
    result = run(BEALE, OptimizerConfig("adam"), [(0.7, 1.4)], max_steps=10)
    assert result.state is None
    assert result.state_of(0) == {}
    assert result.used_grad_of(0) is None
    gd = run(BEALE, OptimizerConfig("gd"), [(0.7, 1.4)], max_steps=10, record_state=True)
    assert gd.state_of(0) == {}                                    # no state
    assert gd.used_grad_of(0) is None                              # deterministic


@pytest.mark.parametrize("stochastic", [None, StochasticConfig(batch_size=1, noise=0.5)])
def test_the_used_gradient_is_what_a_stochastic_update_took(stochastic):
    """SGD's step is ``-lr * g`` for the mini-batch gradient it used, not the exact one."""
    config = OptimizerConfig("sgd", {"lr": 0.002}, stochastic=stochastic)
    result = run(BEALE, config, [(0.7, 1.4), (-1.2, 0.9), (4.4, 4.4)], max_steps=200,
                 tol=1e-12, seed=11, record_state=True)
    assert result.status[2] == DIVERGED
    for i in range(result.n_runs):
        used, stop = result.used_grad_of(i), result.stop_step[i]
        assert used.shape == (result.n_steps + 1, 2)
        assert np.isnan(used[stop:]).all()
        w = result.paths[i]
        np.testing.assert_array_equal(w[1:stop + 1], w[:stop] - used[:stop] * 0.002)
        assert not np.array_equal(used[:stop], result.grads[i, :stop])   # a mini-batch's
    assert result.state_of(0) == {}


def test_a_full_batch_without_noise_uses_the_exact_gradient():
    config = OptimizerConfig("sgd", stochastic=StochasticConfig(batch_size=1000))
    result = run(BEALE, config, [(0.7, 1.4)], max_steps=50, record_state=True)
    np.testing.assert_array_equal(result.used_grad_of(0)[:50], result.grads[0, :50])


def test_the_memory_estimate_counts_every_recorded_array():
    configs = [OptimizerConfig("nadam"), OptimizerConfig("sgd")]
    result = run(BEALE, configs, [(0.7, 1.4), (1.0, 1.0)], max_steps=100, record_state=True)
    recorded = sum(a.nbytes for a in (result.paths, result.loss, result.grads, result.lr,
                                      result.moment, result.effective_lr))
    recorded += sum(v.nbytes for i in range(4) for v in result.state_of(i).values())
    recorded += sum(result.used_grad_of(i).nbytes for i in (2, 3))
    # the widest of these runs' states, with a stochastic run's gradient (the default, None,
    # is the widest registered optimizer's: L-BFGS's memory of 100 pairs, far wider)
    widest = max(state_values(config.spec) for config in configs) + 2
    estimate = estimate_bytes(4, 100, True, True, state_width=widest)
    assert recorded <= estimate <= 2 * recorded
    assert estimate_bytes(4, 100, True, True) >= estimate
    assert estimate_bytes(4, 100, True, True) > estimate_bytes(4, 100, True, False)
    assert estimate_bytes(4, 100, True, True, state_width=0) < estimate
