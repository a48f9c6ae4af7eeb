"""The few-runs path (Python floats) for small batches gives the batch path's results bit for
bit."""

import math

import numpy as np
import pytest

from beale_gui.core.engine import (
    CONVERGED,
    DIVERGED,
    MAX_STEPS,
    Cancelled,
    EngineTuning,
    OptimizerConfig,
    StochasticConfig,
    run,
)
from beale_gui.core.functions import get_function, parse_expression
from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.core.schedules import SCHEDULES, ScheduleConfig

FIELDS = ("status", "stop_step", "final_xy", "final_loss", "paths", "loss", "grads", "lr",
          "moment", "effective_lr")
# stepped by the shared kernels (the probing optimizers have one kernel for every path:
# tests/core/test_probing.py)
DETERMINISTIC = [name for name, spec in OPTIMIZERS.items()
                 if not spec.stochastic and spec.probe is None]
FUNCTIONS = {name: get_function(name)
             for name in ("beale", "rosenbrock", "himmelblau", "ackley", "rastrigin")}
FUNCTIONS["expression"] = parse_expression("x**2 + 10*sin(y)")
BEALE = FUNCTIONS["beale"]
# Every hyperparameter away from its default: weight decay, dampening, momentum and the rest.
NON_DEFAULT = {
    "gd": {"lr": 0.002, "weight_decay": 0.1},
    "momentum": {"lr": 0.002, "momentum": 0.8, "dampening": 0.3, "weight_decay": 0.05},
    "nesterov": {"lr": 0.002, "momentum": 0.7, "weight_decay": 0.05},
    "adagrad": {"lr": 0.2, "eps": 1e-6, "initial_accumulator_value": 0.2, "lr_decay": 0.01,
                "weight_decay": 0.01},
    "rmsprop": {"lr": 0.005, "alpha": 0.9, "eps": 1e-6, "momentum": 0.5, "centered": 1,
                "weight_decay": 0.01},
    "adam": {"lr": 0.02, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "weight_decay": 0.01},
    "adamw": {"lr": 0.02, "beta1": 0.85, "beta2": 0.95, "eps": 1e-7, "weight_decay": 0.1},
    "nadam": {"lr": 0.01, "beta1": 0.85, "beta2": 0.99, "eps": 1e-7, "momentum_decay": 0.01,
              "weight_decay": 0.01, "decoupled_weight_decay": 1},
    "adamax": {"lr": 0.01, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "weight_decay": 0.01},
    "radam": {"lr": 0.002, "beta1": 0.85, "beta2": 0.99, "eps": 1e-7, "weight_decay": 0.01,
              "decoupled_weight_decay": 1},
    "amsgrad": {"lr": 0.02, "beta1": 0.7, "beta2": 0.9, "eps": 1e-7, "weight_decay": 0.01},
    "adadelta": {"lr": 0.5, "rho": 0.8, "eps": 1e-5, "weight_decay": 0.01},
    "lion": {"lr": 0.002, "beta1": 0.8, "beta2": 0.95, "weight_decay": 0.1},
    "adabelief": {"lr": 0.02, "beta1": 0.8, "beta2": 0.99, "eps": 1e-8, "rectify": 0,
                  "weight_decay": 0.1},
    "yogi": {"lr": 0.02, "beta1": 0.8, "beta2": 0.99, "eps": 1e-4, "initial_accumulator": 0.1,
             "weight_decay": 0.01},
    "sfsgd": {"lr": 0.002, "momentum": 0.7, "warmup_steps": 20, "weight_decay": 0.01},
    "sfadamw": {"lr": 0.02, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "warmup_steps": 10,
                "weight_decay": 0.1},
    "rprop": {"lr": 0.05, "etaminus": 0.3, "etaplus": 1.5, "step_size_min": 1e-3,
              "step_size_max": 0.2},
    "asgd": {"lr": 0.005, "lambd": 0.01, "alpha": 0.6, "t0": 20, "weight_decay": 0.05},
}
STARTS = [(0.7, 1.4), (-1.2, 0.9), (2.5, -0.6)]


class Paths(list):
    """The path each batch given ``tuning=paths.tuning(...)`` ran on, in order: "few_runs" or
    "batch"."""

    def tuning(self, **kwargs) -> EngineTuning:
        return EngineTuning(on_blocks=lambda blocks: self.append(blocks[0].path), **kwargs)


@pytest.fixture
def paths():
    return Paths()


def _both(paths, function, configs, starts, tune=None, **kwargs):
    """The batch on the few-runs path, then on the batch path; asserts each ran where meant.
    ``tune``: more of the engine's tuning, for both."""
    tune = tune or {}
    fast = run(function, configs, starts, tuning=paths.tuning(**{"path": "few_runs", **tune}),
               **kwargs)
    assert paths[-1] == "few_runs"
    slow = run(function, configs, starts, tuning=paths.tuning(path="batch", **tune), **kwargs)
    assert paths[-1] == "batch"
    return fast, slow


def _assert_same(fast, slow):
    for name in FIELDS:
        a, b = getattr(fast, name), getattr(slow, name)
        if b is None:
            assert a is None, name
        else:
            assert a.dtype == b.dtype, name
            np.testing.assert_array_equal(a, b, err_msg=name)


def test_every_optimizer_has_a_scalar_kernel_and_settings():
    assert {name for name, spec in OPTIMIZERS.items() if callable(spec.float_kernel)} == {
        name for name, spec in OPTIMIZERS.items() if spec.probe is None}
    assert set(NON_DEFAULT) == set(DETERMINISTIC)
    for name, hp in NON_DEFAULT.items():
        defaults = OPTIMIZERS[name].defaults
        # maximize: both paths, every optimizer that takes it, in tests/core/test_maximize.py
        # (here it would send the runs up these functions' walls)
        assert set(hp) == set(defaults) - {"maximize"}, name
        assert all(hp[k] != defaults[k] for k in hp), name


@pytest.mark.parametrize("function", FUNCTIONS)
@pytest.mark.parametrize("settings", ["default", "non-default"])
@pytest.mark.parametrize("name", DETERMINISTIC)
def test_every_optimizer_matches_the_numpy_path(paths, name, settings, function):
    config = OptimizerConfig(name, {} if settings == "default" else NON_DEFAULT[name])
    fast, slow = _both(paths, FUNCTIONS[function], [config], STARTS,
                       max_steps=300, tol=1e-9, record_state=True)
    _assert_same(fast, slow)


@pytest.mark.parametrize(("record", "record_state"),
                         [(True, False), (False, False), (False, True), (True, True)])
def test_a_mixed_batch_matches_whatever_is_recorded(paths, record, record_state):
    configs = [OptimizerConfig(name, NON_DEFAULT[name]) for name in DETERMINISTIC]
    fast, slow = _both(paths, BEALE, configs, STARTS[:2], max_steps=500,
                       tol=1e-7, record=record, record_state=record_state)
    _assert_same(fast, slow)
    assert (fast.paths is None) == (not record)
    assert (fast.moment is None) == (not record_state)


@pytest.mark.parametrize("schedule", [name for name in SCHEDULES if name != "constant"])
def test_scheduled_rates_match(paths, schedule):
    configs = [OptimizerConfig(name, NON_DEFAULT[name], ScheduleConfig(schedule))
               for name in ("gd", "momentum", "adam", "adamw", "nadam", "adadelta")]
    configs.append(OptimizerConfig("rmsprop"))                # a constant rate alongside
    for function in (BEALE, FUNCTIONS["expression"]):
        fast, slow = _both(paths, function, configs, STARTS[:1], max_steps=400,
                           record_state=True)
        _assert_same(fast, slow)
        assert not np.all(fast.lr[0] == fast.lr[0, 0])        # the rate did change


def test_convergence_stops_runs_at_different_steps(paths):
    configs = [OptimizerConfig("gd"), OptimizerConfig("momentum", {"lr": 0.01}),
               OptimizerConfig("adam", {"lr": 0.05}), OptimizerConfig("nadam", {"lr": 0.05})]
    fast, slow = _both(paths, BEALE, configs, STARTS[:2], max_steps=3000,
                       tol=1e-6, record_state=True)
    _assert_same(fast, slow)
    assert (fast.status == CONVERGED).sum() >= 4
    assert len(set(fast.stop_step[fast.status == CONVERGED].tolist())) >= 4


@pytest.mark.parametrize("function", ["beale", "rosenbrock", "expression"])
def test_divergent_runs_stop_where_the_numpy_path_stops_them(paths, function):
    configs = [OptimizerConfig("gd", {"lr": 10.0}), OptimizerConfig("momentum", {"lr": 5.0}),
               OptimizerConfig("nesterov", {"lr": 1e3}), OptimizerConfig("adam", {"lr": 1e5}),
               OptimizerConfig("adagrad", {"lr": 0.1}), OptimizerConfig("adadelta")]
    starts = [(0.7, 1.4), (4.0, 4.0), (2e10, 0.0)]          # the last is outside from the start
    fast, slow = _both(paths, FUNCTIONS[function], configs, starts,
                       max_steps=200, tol=1e-8, record_state=True)
    _assert_same(fast, slow)
    assert (fast.status == DIVERGED).sum() > len(configs)
    assert (fast.stop_step[fast.status == DIVERGED] > 0).any()
    assert (fast.stop_step[2::3] == 0).all()
    assert np.isfinite(fast.final_xy).all()
    assert np.isfinite(fast.paths).all()


@pytest.mark.parametrize("block", [1, 7, 64])
def test_records_written_a_block_at_a_time_match(paths, block):
    """The record and the state go to the batch record_block_steps steps at a time: runs that
    stop inside a block, at its edge and after several blocks all match the numpy path."""
    configs = [OptimizerConfig("gd", {"lr": 10.0}), OptimizerConfig("momentum", {"lr": 0.01}),
               OptimizerConfig("adam", {"lr": 0.05}), OptimizerConfig("nadam", {"lr": 0.05}),
               OptimizerConfig("rmsprop")]
    fast, slow = _both(paths, BEALE, configs, STARTS[:2], {"record_block_steps": block},
                       max_steps=700, tol=1e-6, record_state=True)
    _assert_same(fast, slow)
    assert len(set(fast.stop_step.tolist())) >= 4


def test_a_batch_that_all_stops_ends_early_alike(paths):
    configs = [OptimizerConfig("gd", {"lr": 10.0}), OptimizerConfig("adam", {"lr": 0.05})]
    fast, slow = _both(paths, BEALE, configs, STARTS[:1], max_steps=5000,
                       tol=1e-4, record_state=True)
    _assert_same(fast, slow)
    assert fast.n_steps < 5000
    assert MAX_STEPS not in fast.status


def test_zero_steps_keep_the_starts(paths):
    fast, slow = _both(paths, BEALE, [OptimizerConfig("adam")], STARTS,
                       max_steps=0, record_state=True)
    _assert_same(fast, slow)
    np.testing.assert_array_equal(fast.final_xy, STARTS)


SCALAR_FUNCTIONS = ("beale", "rosenbrock", "himmelblau", "goldstein_price")


@pytest.mark.parametrize("name", SCALAR_FUNCTIONS)
def test_float_evaluation_is_the_evaluator_bit_for_bit(name):
    function = get_function(name)
    rng = np.random.default_rng(7)
    points = np.concatenate([
        rng.uniform(-5, 5, (2000, 2)), rng.uniform(-1e4, 1e4, (200, 2)),
        10.0 ** rng.uniform(-320, 300, (200, 2)) * rng.choice([-1, 1], (200, 2)),
        [[0.0, -0.0], [3.0, 0.5], [1e200, 1e200], [-1e-310, 5e-324], [1e10, -1e10]]])
    xy, fg = np.empty((4, len(points))), np.empty((3, len(points)))
    xy[:2] = points.T
    with np.errstate(all="ignore"):
        function.evaluator(xy, fg)()
    evaluate_at = function.float_evaluator()
    values = [evaluate_at(x, y) for x, y in points.tolist()]
    assert all(type(v) is float for row in values for v in row)
    np.testing.assert_array_equal(np.array(values).T, fg)


def test_only_arithmetic_functions_evaluate_on_floats():
    # numpy's exp, cos and sin need not round as the C library's do
    assert {name for name in ("beale", "rosenbrock", "himmelblau", "goldstein_price",
                              "rastrigin", "ackley", "matyas")
            if get_function(name).float_evaluator() is not None} == set(SCALAR_FUNCTIONS)
    assert FUNCTIONS["expression"].float_evaluator() is None


def test_cancel_stops_a_scalar_run_and_progress_is_reported(paths):
    calls, seen = [], []

    def cancel():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        run(BEALE, [OptimizerConfig("adam"), OptimizerConfig("gd")], STARTS[:1],
            max_steps=10**6, cancel=cancel, progress=lambda done, total: seen.append(done),
            progress_interval=0.0, tuning=paths.tuning())
    assert paths == ["few_runs"]
    assert len(calls) == 4
    assert seen == sorted(seen)
    assert 0 < seen[-1] < 10**6


def test_progress_ends_at_max_steps(paths):
    seen = []
    run(BEALE, OptimizerConfig("adam"), STARTS, max_steps=1000,
        progress=lambda done, total: seen.append((done, total)), progress_interval=0.0,
        tuning=paths.tuning())
    assert paths == ["few_runs"]
    assert seen[-1] == (1000, 1000)
    assert len(seen) > 2


@pytest.mark.parametrize("config", [
    OptimizerConfig("sgd"),
    OptimizerConfig("adam", stochastic=StochasticConfig(batch_size=2)),
    OptimizerConfig("adam", {"lr": np.array([0.01, 0.02])}),
    OptimizerConfig("momentum", {"momentum": np.array([0.5, 0.9])}),
])
def test_stochastic_or_per_run_settings_take_the_numpy_path(paths, config):
    run(BEALE, [OptimizerConfig("gd"), config], STARTS[:1], max_steps=10,
        tuning=paths.tuning())
    assert paths == ["batch"]


def test_the_size_of_a_batch_chooses_the_path(paths):
    def kind(n_configs, n_starts):
        configs = [OptimizerConfig(name) for name in DETERMINISTIC[:n_configs]]
        run(BEALE, configs, np.tile(STARTS[:1], (n_starts, 1)), max_steps=2,
            tuning=paths.tuning())
        return paths[-1]

    tuning = EngineTuning()
    most_one = min(tuning.few_runs_max_rows,
                   tuning.few_runs_base_rows + tuning.few_runs_rows_per_config)
    assert kind(1, most_one) == "few_runs"
    assert kind(1, most_one + 1) == "batch"
    assert kind(6, 1) == "few_runs"
    assert kind(8, math.ceil((tuning.few_runs_max_rows + 1) / 8)) == "batch"


def test_many_starts_of_one_configuration_match(paths):
    starts = np.random.default_rng(1).uniform(-4, 4, (12, 2))
    configs = [OptimizerConfig("nadam", NON_DEFAULT["nadam"])]
    fast, slow = _both(paths, FUNCTIONS["himmelblau"], configs, starts,
                       max_steps=300, tol=1e-10, record_state=True)
    _assert_same(fast, slow)
