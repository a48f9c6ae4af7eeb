"""The window's runs on the task runner: results arrive as signals, newer requests supersede
older ones, and shutdown stops even a long run midway and ends the thread."""

import numpy as np
import pytest

from beale_gui.core.engine import OptimizerConfig
from beale_gui.document import Document, OptimizerEntry
from beale_gui.gui.controllers.runs import RunOutcome, RunRequest
from beale_gui.gui.task_runner import TaskRunner

LONG = 10**6


@pytest.fixture
def controller(qtbot):
    c = TaskRunner(name="runs")
    yield c
    assert c.shutdown(5000)


def _request(runner: TaskRunner, state, starts) -> tuple[RunRequest, int]:
    """Submit the document's enabled optimizers from every start point, as the window does;
    returns the request and its generation."""
    request = RunRequest.of(state, starts)
    return request, runner.submit(request)


def _state(max_steps=200, entries=None, **kw):
    return Document(entries=entries, max_steps=max_steps, **kw)


def _gd(lr=0.01):
    # stochastic GD: the batch path, a numpy step at a time, so a million steps take seconds
    # (the compiled path would run deterministic GD's in a blink)
    return [OptimizerEntry(OptimizerConfig("sgd", {"lr": lr}), "#E69F00")]


def test_result_arrives_as_a_signal(qtbot, controller):
    state = _state()
    with qtbot.waitSignal(controller.finished, timeout=10_000) as blocker:
        request, submitted = _request(controller, state, np.array([[0.7, 1.4], [-1.0, 1.0]]))
    generation, outcome = blocker.args
    assert isinstance(outcome, RunOutcome)
    assert generation == submitted == controller.generation
    assert outcome.request is request
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
        _request(controller, state, np.array([[0.7, 1.4]] * 10))
    generation, message = blocker.args
    assert generation == controller.generation
    assert "limit" in message


def test_newer_request_supersedes_a_long_one(qtbot, controller):
    cancelled, finished = [], []
    controller.stopped.connect(cancelled.append)
    controller.finished.connect(lambda generation, outcome: finished.append((generation, outcome)))
    long_state = _state(max_steps=LONG, entries=_gd(), tol=0.0)
    with qtbot.waitSignal(controller.progress, timeout=10_000):   # the long run is under way
        _, old = _request(controller, long_state, np.array([[0.7, 1.4]]))
    with qtbot.waitSignal(controller.finished, timeout=10_000):
        _, new = _request(controller, _state(max_steps=50), np.array([[0.7, 1.4]]))
    # the old run was cancelled, never finished; the new one's result is the one relayed
    assert cancelled == [old]
    assert [g for g, _ in finished] == [new]
    assert finished[0][1].result.n_steps == 50


def test_stale_results_are_not_relayed(qtbot, controller):
    received = []
    controller.finished.connect(lambda generation, _outcome: received.append(generation))
    _request(controller, _state(max_steps=20), np.array([[0.7, 1.4]]))
    with qtbot.waitSignal(controller.finished, timeout=10_000):
        _, last = _request(controller, _state(max_steps=30), np.array([[0.7, 1.4]]))
    assert received == [last]


def test_shutdown_during_a_long_run_stops_it(qtbot):
    c = TaskRunner(name="runs")
    finished = []
    c.finished.connect(lambda *args: finished.append(args))
    with qtbot.waitSignal(c.progress, timeout=10_000):   # the long run is under way
        _, long = _request(c, _state(max_steps=LONG, entries=_gd(), tol=0.0),
                           np.array([[0.7, 1.4]]))
    assert c.thread.isRunning()
    # the run stops where it is (the worker says it was cancelled) rather than running to its end
    with qtbot.waitSignal(c.stopped, timeout=10_000,
                          check_params_cb=lambda generation: generation == long):
        assert c.shutdown()
    assert not c.thread.isRunning()
    assert not finished
    assert c.shutdown()   # idempotent
    with pytest.raises(RuntimeError):
        _request(c, _state(), np.array([[0.7, 1.4]]))
