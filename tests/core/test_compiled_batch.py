"""The compiled batch path (numba, rows innermost) gives the numpy blocks' results bit for bit,
and the engine's "auto" takes it only where it should."""

import numpy as np
import pytest

from beale_gui.core.engine import (
    Cancelled,
    EngineTuning,
    OptimizerConfig,
    compiled,
    compiled_batch,
    run,
)
from beale_gui.core.engine.result import CONVERGED, DIVERGED
from beale_gui.core.engine.row_kernel import exact_per_run
from beale_gui.core.functions import get_function
from beale_gui.core.optimizers import OPTIMIZERS

from .test_compiled import DEFAULT_SIX, FUNCTIONS, MIXED, SCALAR, cancel_after
from .test_few_runs import NON_DEFAULT

pytest.importorskip("numba")

FIELDS = ("status", "stop_step", "final_xy", "final_loss", "final_evals", "bad_start")
BEALE = get_function("beale")
# Small batches cut like large ones: several blocks of a few rows, on two threads.
SMALL = {"parallel_min_rows": 8, "chunk_rows": 16, "serial_chunk_rows": 16, "workers": 2}


def _starts(n: int, seed: int = 0) -> np.ndarray:
    (x0, x1), (y0, y1) = BEALE.bounds
    return np.random.default_rng(seed).uniform([x0, y0], [x1, y1], size=(n, 2))


STARTS = _starts(40)


class Paths(list):
    """The paths of the blocks of each batch run with ``tuning=paths.tuning(...)``."""

    def tuning(self, **kwargs) -> EngineTuning:
        return EngineTuning(on_blocks=lambda blocks: self.append({b.path for b in blocks}),
                            **{**SMALL, **kwargs})


@pytest.fixture
def paths():
    return Paths()


def _both(paths, function, configs, starts=STARTS, tune=None, **kwargs):
    """The batch in compiled batch blocks, then in numpy blocks (each checked to have run
    there)."""
    tune = tune or {}
    kwargs = {"record": False, "max_steps": 300, "tol": 0.0, **kwargs}
    fast = run(function, configs, starts, tuning=paths.tuning(path="compiled", **tune),
               **kwargs)
    assert paths[-1] == {"compiled_batch"}
    slow = run(function, configs, starts, tuning=paths.tuning(path="batch", **tune), **kwargs)
    assert paths[-1] == {"batch"}
    return fast, slow


def _assert_same(fast, slow):
    for name in FIELDS:
        a, b = getattr(fast, name), getattr(slow, name)
        assert a.dtype == b.dtype, name
        np.testing.assert_array_equal(a, b, err_msg=name)


@pytest.mark.parametrize("settings", ["default", "non-default"])
@pytest.mark.parametrize("name", SCALAR)
def test_every_scalar_kernel_steps_rows_to_the_same_bits(paths, name, settings):
    config = OptimizerConfig(name, {} if settings == "default" else NON_DEFAULT[name])
    fast, slow = _both(paths, BEALE, [config], tol=1e-9)
    _assert_same(fast, slow)


@pytest.mark.parametrize("function", FUNCTIONS[1:])
@pytest.mark.parametrize("name", DEFAULT_SIX)
def test_every_float_function_steps_rows_to_the_same_bits(paths, name, function):
    fast, slow = _both(paths, get_function(function), [OptimizerConfig(name)], tol=1e-9)
    _assert_same(fast, slow)


@pytest.mark.parametrize("name", SCALAR)
def test_per_run_rates_match(paths, name):
    config = OptimizerConfig(name, {"lr": np.geomspace(1e-3, 0.05, 5)})
    fast, slow = _both(paths, BEALE, [config], starts=STARTS[:8], tol=1e-10)
    _assert_same(fast, slow)


def test_per_run_hyperparameters_give_each_run_its_own_bits(paths):
    """Runs of many combinations in one batch, each as it runs alone (the few-runs path);
    and the numpy blocks' bits where no power of the step is taken of them."""
    betas = np.linspace(0.5, 0.95, 4)
    lrs = np.array([0.01, 0.02, 0.05])
    grid_lr, grid_b1 = (a.ravel() for a in np.meshgrid(lrs, betas))
    configs = [OptimizerConfig("adam", {"lr": grid_lr, "beta1": grid_b1, "weight_decay": 0.01}),
               OptimizerConfig("momentum", {"momentum": np.linspace(0.5, 0.9, 4),
                                            "maximize": np.array([0, 0, 0, 1])})]
    starts = STARTS[:3]
    fast = run(BEALE, configs, starts, max_steps=200, tol=1e-10, record=False,
               tuning=paths.tuning(path="compiled"))
    assert paths[-1] == {"compiled_batch"}
    for i, (c, v, s) in enumerate(zip(fast.config_index, fast.variant_index, fast.start_index,
                                      strict=True)):
        config = configs[c]
        alone = OptimizerConfig(config.name, {
            k: float(val[v]) if isinstance(val, np.ndarray) else val
            for k, val in config.hparams.items()})
        one = run(BEALE, alone, starts[s:s + 1], max_steps=200, tol=1e-10, record=False,
                  tuning=EngineTuning(path="few_runs"))
        for name in ("status", "stop_step", "final_xy", "final_loss"):
            np.testing.assert_array_equal(getattr(fast, name)[i], getattr(one, name)[0],
                                          err_msg=f"{name} of run {i}")
    momentum = fast.config_index == 1
    slow = run(BEALE, configs, starts, max_steps=200, tol=1e-10, record=False,
               tuning=paths.tuning(path="batch"))
    for name in ("status", "stop_step", "final_xy", "final_loss"):
        np.testing.assert_array_equal(getattr(fast, name)[momentum],
                                      getattr(slow, name)[momentum], err_msg=name)


EXACT = [name for name in SCALAR if exact_per_run(OPTIMIZERS[name].scalar_kernel)]


def test_kernels_with_powers_are_told_apart():
    assert {"gd", "momentum", "rmsprop", "adagrad", "rprop"} <= set(EXACT)
    assert not {"adam", "nadam", "asgd", "yogi"} & set(EXACT)


@pytest.mark.parametrize("name", EXACT)
def test_per_run_hyperparameters_of_kernels_without_powers_match(paths, name):
    """Every hyperparameter per run, default or not (the k-th by bit k of the variant)."""
    spec = OPTIMIZERS[name]
    variants = 8
    hp = {k: np.where((np.arange(variants) >> j) & 1, v, spec.defaults[k])
          for j, (k, v) in enumerate(NON_DEFAULT[name].items())}
    fast, slow = _both(paths, BEALE, [OptimizerConfig(name, hp)], starts=STARTS[:6],
                       tol=1e-10)
    _assert_same(fast, slow)


def test_maximize_weight_decay_and_schedules_match(paths):
    fast, slow = _both(paths, BEALE, MIXED, starts=STARTS[:12], max_steps=200)
    _assert_same(fast, slow)


def test_divergence_convergence_and_bad_starts_stop_alike(paths):
    configs = [OptimizerConfig("gd", {"lr": 0.5}), OptimizerConfig("adam", {"lr": 0.02}),
               OptimizerConfig("rprop")]
    starts = np.concatenate([[(0.7, 1.4), (1e11, 0.0), (3.0, 0.5), (-4.0, 4.0)], STARTS[:12]])
    fast, slow = _both(paths, BEALE, configs, starts=starts, max_steps=3000, tol=1e-12)
    _assert_same(fast, slow)
    assert {DIVERGED, CONVERGED} <= set(fast.status.tolist())
    assert (fast.stop_step[fast.status == DIVERGED] == 0).any()      # the start at 1e11
    assert (fast.stop_step[fast.status == DIVERGED] > 0).any()


def test_steps_in_chunks_are_one_run(paths):
    configs = [OptimizerConfig("adam", {"lr": 0.01}), OptimizerConfig("nesterov")]
    whole = run(BEALE, configs, STARTS, max_steps=500, tol=1e-9, record=False,
                tuning=paths.tuning(path="compiled"))
    chunked = run(BEALE, configs, STARTS, max_steps=500, tol=1e-9, record=False,
                  tuning=paths.tuning(path="compiled", compiled_batch_row_steps=100))
    assert paths == [{"compiled_batch"}] * 2
    _assert_same(whole, chunked)


@pytest.mark.parametrize("workers", [1, 2])
def test_cancel_is_asked_between_chunks(workers):
    with pytest.raises(Cancelled):
        run(BEALE, [OptimizerConfig("gd")], STARTS, max_steps=10_000_000, tol=0.0, record=False,
            cancel=cancel_after(2), progress_interval=0.0,
            tuning=EngineTuning(path="compiled", compiled_batch_row_steps=4000,
                                **{**SMALL, "workers": workers}))


def test_auto_takes_the_path_where_it_should(paths, tmp_path, monkeypatch):
    adam = OptimizerConfig("adam", {"lr": 0.02})
    key = compiled.pair_key(OPTIMIZERS["adam"], BEALE)
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(compiled_batch, "_drivers", {})

    def path_of(config=adam, starts=STARTS, **kwargs):
        tune = {k: kwargs.pop(k) for k in list(kwargs) if k.startswith("compiled_")}
        run(BEALE, config, starts, max_steps=50, **{"record": False, **kwargs},
            tuning=paths.tuning(**tune))
        return paths[-1]

    # neither compiled nor in the cache, and too little work to pay for compiling
    assert path_of() == {"batch"}
    assert not compiled_batch.ready(key)
    # work enough: compiled (and kept in the cache)
    assert path_of(compiled_batch_compile_row_steps=1) == {"compiled_batch"}
    assert compiled_batch.ready(key)
    # in the cache: loaded where numba runs already, or the work pays for starting it
    monkeypatch.setattr(compiled_batch, "_drivers", {})
    monkeypatch.setattr(compiled, "_drivers", {})
    assert compiled_batch.loadable(key)
    assert path_of() == {"batch"}
    assert path_of(compiled_batch_load_row_steps=1) == {"compiled_batch"}
    monkeypatch.setattr(compiled_batch, "_drivers", {})
    compiled.prepare([compiled.pair_key(OPTIMIZERS["gd"], BEALE)])
    assert path_of() == {"compiled_batch"}
    # what it does not take: a record, per-run hyperparameters but the rate, few runs,
    # stochastic runs
    assert path_of(record=True) == {"batch"}
    assert path_of(record_state=True) == {"batch"}
    assert path_of(OptimizerConfig("adam", {"lr": np.array([0.01, 0.02])})) == {
        "compiled_batch"}
    assert path_of(OptimizerConfig("adam", {"beta1": np.array([0.8, 0.9])})) == {"batch"}
    # per-run values of a kernel without powers, many runs of each, or few
    compiled_batch.prepare([compiled.pair_key(OPTIMIZERS["momentum"], BEALE)])
    assert path_of(OptimizerConfig("momentum", {"momentum": np.array([0.8, 0.9])})) == {
        "compiled_batch"}
    assert path_of(OptimizerConfig("momentum", {"momentum": np.linspace(0.5, 0.9, 10)}),
                   starts=STARTS[:4]) == {"batch"}
    assert path_of(starts=STARTS[:3]) == {"few_runs"}
    assert path_of(OptimizerConfig("sgd")) == {"batch"}
    monkeypatch.setattr(compiled, "_available", False)           # numba missing
    monkeypatch.setattr(compiled_batch, "_drivers", {})
    assert path_of(compiled_batch_load_row_steps=1, compiled_batch_compile_row_steps=1) == {
        "batch"}


def test_a_batch_compiled_and_a_numpy_configuration_share_it(paths):
    compiled_batch.prepare([compiled.pair_key(OPTIMIZERS["adam"], BEALE)])
    configs = [OptimizerConfig("adam"), OptimizerConfig("adam", {"beta2": np.array([0.9, 0.99])})]
    fast = run(BEALE, configs, STARTS, max_steps=100, record=False, tuning=paths.tuning())
    assert paths[-1] == {"compiled_batch", "batch"}
    slow = run(BEALE, configs, STARTS, max_steps=100, record=False,
               tuning=paths.tuning(path="batch"))
    _assert_same(fast, slow)
