"""The engine's dispatch: results do not depend on how a batch is split into blocks or
threaded."""

import threading

import numpy as np
import pytest

from beale_gui.core.engine import (
    DIVERGED,
    Cancelled,
    EngineTuning,
    OptimizerConfig,
    StochasticConfig,
    run,
)
from beale_gui.core.functions import get_function
from beale_gui.core.schedules import ScheduleConfig

BEALE = get_function("beale")
FIELDS = ("status", "stop_step", "final_xy", "final_loss", "paths", "loss", "grads", "lr",
          "moment", "effective_lr")


def _configs():
    return [
        OptimizerConfig("adam", {"lr": np.geomspace(1e-3, 0.3, 7)},
                        ScheduleConfig("inverse_time", {"decay": 0.01})),
        OptimizerConfig("sgd", {"lr": 0.01}),
        OptimizerConfig("momentum", {"lr": np.array([0.001, 0.03]),
                                     "momentum": np.array([0.5, 0.95])}),
        OptimizerConfig("gd", {"lr": 0.01}, stochastic=StochasticConfig(batch_size=2, noise=0.1)),
        OptimizerConfig("rmsprop", {"lr": 0.02, "momentum": 0.3}),
        OptimizerConfig("nadam", {"lr": 0.05, "weight_decay": 0.01}),
    ]


def _starts(n):
    starts = np.random.default_rng(3).uniform(-4.5, 4.5, (n, 2))
    starts[::17] *= 1e3       # some blow up at once or soon
    return starts


ONE_BLOCK = EngineTuning(parallel_min_rows=10**9)


def _many_blocks(workers=3, **kwargs):
    return EngineTuning(parallel_min_rows=0, chunk_rows=37, serial_chunk_rows=37,
                        workers=workers, **kwargs)


@pytest.mark.parametrize(("record_state", "workers"), [(False, 3), (True, 3), (True, 1)])
def test_a_split_batch_equals_one_block_bit_for_bit(record_state, workers):
    kwargs = {"max_steps": 120, "tol": 1e-7, "seed": 5, "record_state": record_state}
    starts = _starts(40)
    whole = run(BEALE, _configs(), starts, tuning=ONE_BLOCK, **kwargs)
    split = run(BEALE, _configs(), starts, tuning=_many_blocks(workers), **kwargs)
    assert set(np.unique(whole.status)) == {0, 1, 2}          # every status occurs
    for name in FIELDS:
        a, b = getattr(whole, name), getattr(split, name)
        if a is None:
            assert b is None
        else:
            np.testing.assert_array_equal(a, b, err_msg=name)


def test_unrecorded_split_batch_ends_where_the_recorded_one_does():
    starts = _starts(300)
    full = run(BEALE, _configs()[:3], starts, max_steps=80, tol=1e-9, tuning=_many_blocks())
    lean = run(BEALE, _configs()[:3], starts, max_steps=80, tol=1e-9, record=False,
               tuning=_many_blocks())
    for name in ("status", "stop_step", "final_xy", "final_loss"):
        np.testing.assert_array_equal(getattr(full, name), getattr(lean, name), err_msg=name)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_split_batch_reports_progress_in_order_and_cancels(workers):
    seen = []
    run(BEALE, OptimizerConfig("adam"), _starts(500), max_steps=3000, record=False,
        progress=lambda done, total: seen.append((done, total)), progress_interval=0.0,
        tuning=_many_blocks(workers))
    assert seen[-1] == (3000, 3000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    threads = threading.active_count()
    calls = []
    with pytest.raises(Cancelled):
        run(BEALE, OptimizerConfig("adam"), _starts(500), max_steps=10**6, record=False,
            cancel=lambda: calls.append(1) or len(calls) > 2, progress_interval=0.0,
            tuning=_many_blocks(workers))
    assert threading.active_count() == threads      # the pool's threads have ended


def test_an_error_in_a_block_reaches_the_caller():

    class Broken(type(BEALE)):
        def evaluator(self, xy, fg, value=True):
            raise RuntimeError("broken on purpose")

    broken = Broken("broken", "Broken", "", BEALE.bounds, BEALE.minima)
    with pytest.raises(RuntimeError, match="on purpose"):
        run(broken, OptimizerConfig("gd"), _starts(200), max_steps=10, record=False,
            tuning=_many_blocks(workers=2))


@pytest.mark.parametrize("n", [1, 5, 64, 65, 3000])
def test_in_place_evaluators_equal_value_and_grad_bit_for_bit(n):
    from beale_gui.core.functions import FUNCTIONS

    rng = np.random.default_rng(n)
    special = np.array([[1e200, -1e200], [np.inf, 0.0], [np.nan, 1.0], [0.0, 0.0], [-3.0, -0.5]])
    for name, fn in FUNCTIONS.items():
        (x0, x1), (y0, y1) = fn.bounds
        xy = rng.uniform([x0, y0], [x1, y1], size=(n, 2))
        xy[: min(n, len(special))] = special[: min(n, len(special))]
        buf, fg = np.empty((4, n)), np.empty((3, n))
        buf[:2] = xy.T
        with np.errstate(all="ignore"):
            fn.evaluator(buf, fg)()
        f, g = fn.value_and_grad(xy)
        np.testing.assert_array_equal(fg[0], f, err_msg=name)
        np.testing.assert_array_equal(fg[1:].T, g, err_msg=name)


@pytest.mark.parametrize("split", ["one block", "many blocks"])
def test_beale_without_f_each_step_gives_the_same_results(monkeypatch, split):
    """With no stop rule and no record, Beale's f (finite wherever the bound lets a run go) is
    computed once at the end: every result is what computing it each step gives, divergent
    runs and starts outside the bound included."""
    tuning = ONE_BLOCK if split == "one block" else _many_blocks()
    configs = [c for c in _configs() if c.noise is None]
    configs.append(OptimizerConfig("gd", {"lr": 0.5}))                  # diverges
    kwargs = dict(max_steps=300, tol=0.0, record=False, tuning=tuning)
    ours = run(BEALE, configs, _starts(60), **kwargs)
    with monkeypatch.context() as m:
        m.setattr(type(BEALE), "value_finite_within", 0.0)             # f every step
        every_step = run(BEALE, configs, _starts(60), **kwargs)
    for name in ("status", "stop_step", "final_xy", "final_loss"):
        np.testing.assert_array_equal(getattr(ours, name), getattr(every_step, name), name)
    assert (ours.status == DIVERGED).any()
    assert (ours.stop_step == 0).any()                                  # outside at once
    np.testing.assert_array_equal(ours.final_loss, BEALE.value(ours.final_xy))


def test_blocks_work_in_cache_line_aligned_rows():
    """Each block of a split batch holds a multiple of 8 rows (the last one: what is left), so
    every row of its (k, n) working arrays starts on a 64-byte boundary, as its first does."""
    from beale_gui.core import aligned

    blocks = []
    tuning = EngineTuning(path="batch", parallel_min_rows=0, chunk_rows=100, workers=2,
                          on_blocks=blocks.extend)
    run(BEALE, OptimizerConfig("adam", {"lr": 0.05}), _starts(1003), max_steps=3, tol=0.0,
        record=False, tuning=tuning)
    seen = []
    for block in blocks:                         # their working arrays after the run
        pts = block.points[0]
        seen.append((block.n0, [a[i].ctypes.data % aligned.ALIGNMENT
                                for a in (pts.xy, pts.fg) for i in range(len(a))]))
    sizes = [n for n, _ in seen]
    assert sum(sizes) == 1003
    assert len(sizes) >= 10
    full = sorted(sizes)[1:]                                      # the last one: the rest
    assert full[0] % aligned.ROW_MULTIPLE == 0
    assert full == [full[0]] * len(full)
    assert all(offset == 0 for n, offsets in seen if n % 8 == 0 for offset in offsets)


@pytest.mark.parametrize("shape", [0, 1, 7, (3, 5), (2, 16384), (0, 4)])
@pytest.mark.parametrize("dtype", [np.float64, bool])
def test_aligned_arrays_are_contiguous_and_start_on_a_cache_line(shape, dtype):
    from beale_gui.core import aligned

    a = aligned.empty(shape, dtype)
    assert a.shape == ((shape,) if isinstance(shape, int) else shape)
    assert a.dtype == dtype
    assert a.flags.c_contiguous
    assert a.flags.writeable
    b = aligned.full(shape, 1.5)
    assert (b == 1.5).all()
    values = np.arange(a.size, dtype=np.float64).reshape(a.shape)
    c = aligned.array(values.T)
    np.testing.assert_array_equal(c, values.T)
    assert c.flags.c_contiguous
    if a.size:                              # an empty array's address means nothing
        for arr in (a, b, c):
            assert arr.ctypes.data % aligned.ALIGNMENT == 0


def test_the_few_runs_path_can_be_forced_and_refuses_what_it_cannot_take():
    """80 runs, more than the engine's own choice steps in floats: forced onto the few-runs
    path they give the batch path's results bit for bit."""
    configs = [OptimizerConfig("adam", {"lr": 0.05}),
               OptimizerConfig("nesterov", {}, ScheduleConfig("exponential", {"gamma": 0.99}))]
    seen = []

    def tuning(path):
        return EngineTuning(path=path, on_blocks=lambda blocks: seen.extend(b.path for b in blocks))

    kwargs = {"max_steps": 100, "tol": 1e-9, "record_state": True}
    floats = run(BEALE, configs, _starts(40), tuning=tuning("few_runs"), **kwargs)
    arrays = run(BEALE, configs, _starts(40), tuning=tuning("batch"), **kwargs)
    assert seen == ["few_runs", "batch"]
    for name in FIELDS:
        np.testing.assert_array_equal(getattr(floats, name), getattr(arrays, name), name)
    with pytest.raises(ValueError, match="^the few-runs path cannot take sgd: "):
        run(BEALE, [OptimizerConfig("gd"), OptimizerConfig("sgd")], _starts(1),
            tuning=EngineTuning(path="few_runs"))
    with pytest.raises(ValueError, match="^path must be 'auto', 'batch', 'few_runs' or 'compiled'"):
        EngineTuning(path="threads")
