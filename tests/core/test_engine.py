"""The engine: the seed's published runs, stop rules, schedules, cancel and limits."""

import subprocess
import sys
import textwrap

import numpy as np
import pytest

from beale_gui.core import engine
from beale_gui.core.engine import (
    CONVERGED,
    DIVERGED,
    MAX_STEPS,
    Cancelled,
    OptimizerConfig,
    run,
)
from beale_gui.core.functions import get_function
from beale_gui.core.schedules import SCHEDULES, ScheduleConfig

BEALE = get_function("beale")

# The seed's printed lines: (step, z, x, y, dx, dy), dx/dy being the gradient that made the step.
SEED_GD = [(100, 0.096636, 2.44472, 0.32327, -0.41345, -0.16275),
           (200, 0.021728, 2.69244, 0.41208, -0.15311, -0.04974),
           (300, 0.007734, 2.80373, 0.44659, -0.08138, -0.02408),
           (400, 0.003281, 2.86728, 0.46488, -0.04962, -0.01390),
           (500, 0.001523, 2.90744, 0.47594, -0.03243, -0.00878)]
SEED_MOMENTUM = [(100, 0.099510, 4.46410, 0.71417, 0.09680, -0.29558),
                 (200, 0.039972, 3.70210, 0.63209, 0.07884, 0.01149),
                 (300, 0.001087, 3.08637, 0.52077, 0.02342, 0.00558)]


def _check_seed_lines(result, lines):
    for step, z, x, y, dx, dy in lines:
        assert f"{result.loss[0, step]:.6f}" == f"{z:.6f}"
        assert f"{result.paths[0, step, 0]:.5f}" == f"{x:.5f}"
        assert f"{result.paths[0, step, 1]:.5f}" == f"{y:.5f}"
        assert f"{result.grads[0, step - 1, 0]:.5f}" == f"{dx:.5f}"
        assert f"{result.grads[0, step - 1, 1]:.5f}" == f"{dy:.5f}"


def test_seed_gradient_descent_run_digit_for_digit():
    r = run(BEALE, OptimizerConfig("gd", {"lr": 0.01}), [[0.7, 1.4]], max_steps=1000, tol=1e-5)
    assert f"{r.loss[0, 0]:.6f}" == "26.496662"
    _check_seed_lines(r, SEED_GD)
    assert r.status[0] == CONVERGED
    assert r.stop_step[0] == 516
    assert (f"{r.final_loss[0]:.6f}", f"{r.final_xy[0, 0]:.5f}", f"{r.final_xy[0, 1]:.5f}") == (
        "0.001355", "2.91246", "0.47730")
    assert r.describe(0) == "converged at step 516"


def test_seed_momentum_run_digit_for_digit():
    config = OptimizerConfig("momentum", {"lr": 0.01, "momentum": 0.9})
    r = run(BEALE, config, [[0.7, 1.4]], max_steps=1000, tol=1e-7)
    _check_seed_lines(r, SEED_MOMENTUM)
    assert r.status[0] == CONVERGED
    assert r.stop_step[0] == 379
    assert (f"{r.final_loss[0]:.6f}", f"{r.final_xy[0, 0]:.5f}", f"{r.final_xy[0, 1]:.5f}") == (
        "0.000001", "3.00194", "0.50048")


def test_seed_loop_itself_agrees():
    """The seed's own loop, transcribed, stops at the same step as the engine."""
    f = lambda x, y: (1.5 - x + x*y)**2 + (2.25 - x + x*y**2)**2 + (2.625 - x + x*y**3)**2  # noqa
    x, y, pre_z, stop = 0.7, 1.4, 0.0, None
    for step in range(1000):
        z = f(x, y)
        dx, dy = BEALE.grad(np.array([x, y]))
        x, y = x - 0.01 * dx, y - 0.01 * dy
        if abs(pre_z - z) < 1e-5:
            stop = step + 1
            break
        pre_z = z
    r = run(BEALE, OptimizerConfig("gd", {"lr": 0.01}), [[0.7, 1.4]], max_steps=1000, tol=1e-5)
    assert stop == r.stop_step[0]
    assert (x, y) == tuple(r.final_xy[0])


def test_tol_zero_runs_to_max_steps():
    r = run(BEALE, OptimizerConfig("gd", {"lr": 0.01}), [[0.7, 1.4]], max_steps=700, tol=0)
    assert r.status[0] == MAX_STEPS
    assert r.stop_step[0] == 700
    assert r.paths.shape == (1, 701, 2)
    assert r.describe(0) == "stopped at max steps (700)"


def test_zero_max_steps_keeps_the_start():
    r = run(BEALE, OptimizerConfig("adam"), [[0.7, 1.4]], max_steps=0)
    assert r.paths.shape == (1, 1, 2)
    assert r.stop_step[0] == 0


def test_paths_after_a_stop_repeat_the_last_point():
    starts = [[0.7, 1.4], [2.9, 0.45]]
    r = run(BEALE, OptimizerConfig("gd", {"lr": 0.01}), starts, max_steps=2000, tol=1e-6)
    i = int(np.argmin(r.stop_step))
    assert r.stop_step[i] < r.n_steps
    assert (r.paths[i, r.stop_step[i]:] == r.final_xy[i]).all()


def test_record_false_gives_the_same_outcome():
    config = OptimizerConfig("adam", {"lr": 0.05})
    starts = [[0.7, 1.4], [-3, 3], [4, 4]]
    full = run(BEALE, config, starts, max_steps=500, tol=1e-9)
    lean = run(BEALE, config, starts, max_steps=500, tol=1e-9, record=False)
    assert lean.paths is None
    np.testing.assert_array_equal(full.final_xy, lean.final_xy)
    np.testing.assert_array_equal(full.status, lean.status)
    np.testing.assert_array_equal(full.stop_step, lean.stop_step)


@pytest.mark.parametrize("name", list(SCHEDULES))
def test_schedules_set_the_recorded_learning_rate(name):
    schedule = ScheduleConfig(name)
    r = run(BEALE, OptimizerConfig("gd", {"lr": 0.01}, schedule), [[0.7, 1.4]], max_steps=300)
    t = np.arange(301)
    lr = r.lr[0]
    assert lr[0] == pytest.approx(0.01)
    expected = {
        "constant": np.full(301, 0.01),
        "inverse_time": 0.01 / (1 + 0.01 * t),
        "step": 0.01 * 0.5 ** (t // 100),
        "exponential": 0.01 * 0.995 ** t,
        "cosine": 0.01 * 0.5 * (1 + np.cos(np.pi * t / 1000)),
    }[name]
    np.testing.assert_allclose(lr, expected, rtol=1e-12)


def test_inverse_time_decay_moves_as_its_rate_says():
    decayed = OptimizerConfig("gd", {"lr": 0.01}, ScheduleConfig("inverse_time", {"decay": 0.1}))
    r = run(BEALE, decayed, [[0.7, 1.4]], max_steps=3)
    w = np.array([0.7, 1.4])
    for t in range(3):
        w = w - 0.01 / (1 + 0.1 * t) * BEALE.grad(w)
    np.testing.assert_allclose(r.paths[0, 3], w, rtol=1e-14)


def test_bad_schedule_is_refused():
    with pytest.raises(ValueError, match="decay"):
        ScheduleConfig("inverse_time", {"decay": -1})
    with pytest.raises(ValueError, match="unknown schedule"):
        ScheduleConfig("linear")


def test_cancel_stops_a_long_run():
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        run(BEALE, OptimizerConfig("adam"), [[0.7, 1.4]], max_steps=10**6, cancel=cancel,
            progress_interval=0.0)


def test_progress_is_reported():
    seen = []
    run(BEALE, OptimizerConfig("adam"), [[0.7, 1.4]], max_steps=5000,
        progress=lambda done, total: seen.append((done, total)), progress_interval=0.0)
    assert seen[-1] == (5000, 5000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_memory_limit_is_refused_up_front(monkeypatch):
    monkeypatch.setattr(engine, "MEMORY_LIMIT_BYTES", 10 * 2**20)
    with pytest.raises(ValueError, match="limit is"):
        run(BEALE, OptimizerConfig("adam"), [[0.7, 1.4]] * 100, max_steps=100_000)


@pytest.mark.parametrize(("starts", "word"), [
    ([[np.nan, 1.0]], "finite"), ([[1.0, 2.0, 3.0]], "shape"), ("abc", "pairs"), ([], "shape")])
def test_bad_starts_are_refused(starts, word):
    with pytest.raises(ValueError, match=word):
        run(BEALE, OptimizerConfig("gd"), starts)


def test_bad_max_steps_and_tol_are_refused():
    with pytest.raises(ValueError, match="max_steps"):
        run(BEALE, OptimizerConfig("gd"), [[0, 0]], max_steps=-1)
    with pytest.raises(ValueError, match="tol"):
        run(BEALE, OptimizerConfig("gd"), [[0, 0]], tol=-1.0)


def test_core_imports_with_qt_blocked():
    code = textwrap.dedent("""
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6', 'PyQt5', 'PyQt6'):
                    raise ImportError('blocked: ' + name)
        sys.meta_path.insert(0, Block())
        import beale_gui.core.engine, beale_gui.core.functions, beale_gui.core.optimizers
        import beale_gui.core.schedules, beale_gui.core.session, beale_gui.core.records
        import beale_gui.core.inspect, beale_gui.core.expression
        import beale_gui.cli
        print('ok')
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


@pytest.mark.parametrize("n_starts", [2, 40])       # the scalar path, and a numpy unit
def test_a_start_outside_the_bound_diverges_at_step_0(n_starts):
    """A start beyond the bound is never stepped: its run diverged at step 0, while one that
    blows up in its first update diverged at step 1."""
    starts = np.tile([[0.7, 1.4]], (n_starts, 1))
    starts[0] = [2e10, 0.0]
    r = run(get_function("beale"), OptimizerConfig("gd", {"lr": 0.01}), starts, max_steps=5)
    assert r.status[0] == DIVERGED
    assert r.event_step[0] == 0
    assert r.describe(0) == "diverged at step 0"
    np.testing.assert_array_equal(r.final_xy[0], [2e10, 0.0])
    assert (r.status[1:] == MAX_STEPS).all()
    blown = run(get_function("beale"), OptimizerConfig("gd", {"lr": 0.01}), [[1e3, 1e3]],
                max_steps=5)
    assert blown.status[0] == DIVERGED
    assert blown.event_step[0] == 1
