"""The compiled path (numba) gives the few-runs path's results bit for bit, and the engine
takes it only where it should."""

import numpy as np
import pytest

from beale_gui.core.engine import (
    CONVERGED,
    DIVERGED,
    Cancelled,
    EngineTuning,
    OptimizerConfig,
    compiled,
    run,
)
from beale_gui.core.functions import get_function, parse_expression
from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.core.schedules import ScheduleConfig

from .test_few_runs import FIELDS, NON_DEFAULT, STARTS, Paths, _assert_same

pytest.importorskip("numba")

SCALAR = [name for name, spec in OPTIMIZERS.items()
          if spec.scalar_kernel is not None and not spec.stochastic]
FUNCTIONS = ("beale", "rosenbrock", "himmelblau", "goldstein_price")
DEFAULT_SIX = ("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")


@pytest.fixture
def paths():
    return Paths()


def _both(paths, function, configs, starts, **kwargs):
    fast = run(function, configs, starts, tuning=paths.tuning(path="compiled"), **kwargs)
    assert paths[-1] == "compiled"
    slow = run(function, configs, starts, tuning=paths.tuning(path="few_runs"), **kwargs)
    assert paths[-1] == "few_runs"
    return fast, slow


@pytest.mark.parametrize("settings", ["default", "non-default"])
@pytest.mark.parametrize("name", SCALAR)
def test_every_scalar_kernel_compiles_to_the_same_bits(paths, name, settings):
    config = OptimizerConfig(name, {} if settings == "default" else NON_DEFAULT[name])
    fast, slow = _both(paths, get_function("beale"), [config], STARTS, max_steps=300,
                       tol=1e-9, record_state=True)
    _assert_same(fast, slow)


@pytest.mark.parametrize("function", FUNCTIONS[1:])
@pytest.mark.parametrize("name", [n for n in DEFAULT_SIX if n in SCALAR])
def test_every_float_function_compiles_to_the_same_bits(paths, name, function):
    fast, slow = _both(paths, get_function(function), [OptimizerConfig(name)], STARTS,
                       max_steps=300, tol=1e-9, record_state=True)
    _assert_same(fast, slow)


# maximize, weight decay and two schedules
MIXED = [OptimizerConfig("adam", {"lr": 0.01, "maximize": 1}),
         OptimizerConfig("momentum", {"weight_decay": 0.1, "dampening": 0.2}),
         OptimizerConfig("gd", {"lr": 0.02}, schedule=ScheduleConfig("cosine", {"period": 80})),
         OptimizerConfig("adamw", {"lr": 0.03},
                         schedule=ScheduleConfig("step", {"step_size": 25, "gamma": 0.5}))]


def cancel_after(n: int):
    """A cancel callback that says yes from its ``n + 1``-th call on."""
    asked = []

    def cancel():
        asked.append(True)
        return len(asked) > n

    return cancel


def test_maximize_weight_decay_and_schedules_match(paths):
    fast, slow = _both(paths, get_function("beale"), MIXED, STARTS, max_steps=200, tol=0.0,
                       record_state=True)
    _assert_same(fast, slow)


@pytest.mark.parametrize(("record", "record_state"), [(False, False), (True, False),
                                                      (False, True)])
def test_whatever_is_recorded_matches(paths, record, record_state):
    configs = [OptimizerConfig(n) for n in ("gd", "nesterov", "adam")]
    fast, slow = _both(paths, get_function("rosenbrock"), configs, STARTS, max_steps=500,
                       tol=1e-10, record=record, record_state=record_state)
    for name in FIELDS:
        a, b = getattr(fast, name, None), getattr(slow, name, None)
        if b is None:
            assert a is None
        else:
            np.testing.assert_array_equal(a, b, err_msg=name)


def test_divergence_convergence_and_bad_starts_stop_alike(paths):
    configs = [OptimizerConfig("gd", {"lr": 0.5}), OptimizerConfig("adam", {"lr": 0.02})]
    starts = [(0.7, 1.4), (1e11, 0.0), (3.0, 0.5), (-4.0, 4.0)]
    fast, slow = _both(paths, get_function("beale"), configs, starts, max_steps=3000,
                       tol=1e-12, record_state=True)
    _assert_same(fast, slow)
    assert {DIVERGED, CONVERGED} <= set(fast.status.tolist())
    assert (fast.stop_step[fast.status == DIVERGED] == 0).any()      # the start at 1e11


def test_a_long_run_in_chunks_is_one_run(paths):
    config = [OptimizerConfig("adam", {"lr": 0.001})]
    whole = run(get_function("beale"), config, [(0.7, 1.4)], max_steps=5000, tol=0.0,
                tuning=EngineTuning(path="compiled"))
    chunked = run(get_function("beale"), config, [(0.7, 1.4)], max_steps=5000, tol=0.0,
                  tuning=EngineTuning(path="compiled", compiled_chunk_steps=7))
    _assert_same(whole, chunked)


def test_cancel_is_asked_between_chunks():
    with pytest.raises(Cancelled):
        run(get_function("beale"), [OptimizerConfig("gd")], [(0.7, 1.4)], max_steps=100_000,
            tol=0.0, cancel=cancel_after(2), progress_interval=0.0,
            tuning=EngineTuning(path="compiled", compiled_chunk_steps=100))


def test_auto_takes_the_compiled_path_only_for_ready_pairs_when_asked(paths):
    beale = get_function("beale")
    compiled.prepare([compiled.pair_key(OPTIMIZERS["adam"], beale)])
    configs = [OptimizerConfig("adam"), OptimizerConfig("gd")]
    run(beale, configs, [(0.7, 1.4)], max_steps=50, tuning=paths.tuning())
    assert paths[-1] == "few_runs"                      # not asked: floats
    blocks = []
    tuning = EngineTuning(compiled=True, on_blocks=lambda b: blocks.extend(b))
    fast = run(beale, configs, [(0.7, 1.4)], max_steps=50, tuning=tuning)
    gd_ready = compiled.ready(compiled.pair_key(OPTIMIZERS["gd"], beale))
    assert [b.path for b in blocks] == (["compiled"] if gd_ready else ["compiled", "few_runs"])
    slow = run(beale, configs, [(0.7, 1.4)], max_steps=50, tuning=EngineTuning(path="few_runs"))
    _assert_same(fast, slow)


def test_what_cannot_be_compiled_is_refused_on_the_compiled_path():
    expression = parse_expression("x**2 + 10*sin(y)")
    assert compiled.pair_key(OPTIMIZERS["adam"], expression) is None
    assert compiled.pair_key(OPTIMIZERS["adam"], get_function("rastrigin")) is None
    with pytest.raises(ValueError, match="compiled path"):
        run(expression, [OptimizerConfig("adam")], [(0.5, 0.5)], max_steps=10,
            tuning=EngineTuning(path="compiled"))
    # and the automatic path still runs it, in floats
    result = run(expression, [OptimizerConfig("adam")], [(0.5, 0.5)], max_steps=10,
                 tuning=EngineTuning(compiled=True))
    assert result.n_steps == 10


def test_generated_modules_are_named_by_their_sources(tmp_path, monkeypatch):
    key = compiled.pair_key(OPTIMIZERS["gd"], get_function("himmelblau"))
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(compiled, "_drivers", {})
    compiled.prepare([key])
    written = sorted(p.name for p in tmp_path.glob("pair_*.py"))
    assert len(written) == 1
    assert compiled.ready(key)
    compiled._drivers.clear()
    compiled.prepare([key])                              # the same sources: the same module
    assert sorted(p.name for p in tmp_path.glob("pair_*.py")) == written
