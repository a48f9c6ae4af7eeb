"""The worker thread: results arrive as signals, newer requests supersede older ones, and
shutdown stops even a long run midway and ends the thread."""

import dataclasses

import numpy as np
import pytest

from beale_gui.core.engine import OptimizerConfig
from beale_gui.gui.model import OptimizerEntry, RunOutcome, default_state
from beale_gui.gui.worker import WorkerController

LONG = 10**6


@pytest.fixture
def controller(qtbot):
    c = WorkerController()
    yield c
    assert c.shutdown(5000)


def _state(max_steps=200, entries=None, **kw):
    state = default_state()
    if entries is not None:
        state = dataclasses.replace(state, entries=entries)
    return dataclasses.replace(state, max_steps=max_steps, **kw)


def _gd(lr=0.01):
    return [OptimizerEntry(OptimizerConfig("gd", {"lr": lr}), "#E69F00")]


def test_result_arrives_as_a_signal(qtbot, controller):
    state = _state()
    with qtbot.waitSignal(controller.finished, timeout=10_000) as blocker:
        request = controller.request(state, np.array([[0.7, 1.4], [-1.0, 1.0]]))
    outcome = blocker.args[0]
    assert isinstance(outcome, RunOutcome)
    assert outcome.generation == request.generation == controller.generation
    result = outcome.result
    assert result.n_runs == 6 * 2
    assert result.paths.shape == (12, result.n_steps + 1, 2)
    assert result.moment is not None
    assert result.effective_lr is not None
    np.testing.assert_array_equal(result.paths[:, 0], result.starts[result.start_index])


def test_engine_refusal_becomes_a_failed_message(qtbot, controller):
    # 10^7 steps x 6 runs would need more memory than the engine allows
    state = _state(max_steps=10**7)
    with qtbot.waitSignal(controller.failed, timeout=10_000) as blocker:
        controller.request(state, np.array([[0.7, 1.4]] * 10))
    generation, message = blocker.args
    assert generation == controller.generation
    assert "limit" in message


def test_newer_request_supersedes_a_long_one(qtbot, controller):
    cancelled, finished = [], []
    controller.cancelled.connect(cancelled.append)
    controller.finished.connect(finished.append)
    long_state = _state(max_steps=LONG, entries=_gd(), tol=0.0)
    with qtbot.waitSignal(controller.progress, timeout=10_000):   # the long run is under way
        old = controller.request(long_state, np.array([[0.7, 1.4]]))
    with qtbot.waitSignal(controller.finished, timeout=10_000):
        new = controller.request(_state(max_steps=50), np.array([[0.7, 1.4]]))
    # the old run was cancelled, never finished; the new one's result is the one relayed
    assert cancelled == [old.generation]
    assert [o.generation for o in finished] == [new.generation]
    assert finished[0].result.n_steps == 50


def test_stale_results_are_not_relayed(qtbot, controller):
    received = []
    controller.finished.connect(lambda o: received.append(o.generation))
    controller.request(_state(max_steps=20), np.array([[0.7, 1.4]]))
    with qtbot.waitSignal(controller.finished, timeout=10_000):
        last = controller.request(_state(max_steps=30), np.array([[0.7, 1.4]]))
    assert received == [last.generation]


def test_shutdown_during_a_long_run_stops_it(qtbot):
    c = WorkerController()
    finished = []
    c.finished.connect(finished.append)
    with qtbot.waitSignal(c.progress, timeout=10_000):   # the long run is under way
        long = c.request(_state(max_steps=LONG, entries=_gd(), tol=0.0), np.array([[0.7, 1.4]]))
    assert c.is_running()
    # the run stops where it is (the worker says it was cancelled) rather than running to its end
    with qtbot.waitSignal(c.cancelled, timeout=10_000,
                          check_params_cb=lambda generation: generation == long.generation):
        assert c.shutdown()
    assert not c.thread.isRunning()
    assert not finished
    assert c.shutdown()   # idempotent
    with pytest.raises(RuntimeError):
        c.request(_state(), np.array([[0.7, 1.4]]))
