"""The background task runner: results, cancel, supersede, failure messages, shutdown."""

import time

import pytest

from beale_gui.core.engine import Cancelled
from beale_gui.gui.task_runner import TaskRunner, fraction_progress


@pytest.fixture
def runner(qtbot):
    r = TaskRunner()
    yield r
    assert r.shutdown(5000)


def _slow(cancel, progress):
    for i in range(10_000):
        if cancel():
            raise Cancelled
        progress(i, 10_000)
        time.sleep(0.001)
    return "done"


def test_a_task_returns_its_result_with_progress(qtbot, runner):
    seen = []
    runner.progress.connect(lambda _generation, done, total: seen.append(done / total))

    def task(cancel, progress):
        fraction_progress(progress)(0.5)
        return 42

    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        generation = runner.submit(task)
    assert blocker.args == [generation, 42]
    qtbot.waitUntil(lambda: seen == [0.5], timeout=5000)
    assert not runner.busy


def test_a_newer_task_supersedes_a_slow_one(qtbot, runner):
    results = []
    runner.finished.connect(lambda _generation, result: results.append(result))
    runner.submit(_slow)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.submit(lambda cancel, progress: "second")
    assert results == ["second"]


def test_cancel_stops_a_slow_task(qtbot, runner):
    runner.submit(_slow)
    with qtbot.waitSignal(runner.cancelled, timeout=5000):
        runner.cancel()
    assert not runner.busy
    # the thread is free again
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.submit(lambda cancel, progress: 1)


def test_value_errors_become_messages_and_bugs_are_reported(qtbot, runner, caplog):
    def refuse(cancel, progress):
        raise ValueError("grid too large")

    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        generation = runner.submit(refuse)
    assert blocker.args == [generation, "grid too large"]

    def bug(cancel, progress):
        raise ZeroDivisionError("oops")

    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        generation = runner.submit(bug)
    assert blocker.args == [generation, "ZeroDivisionError: oops"]


def test_shutdown_during_a_long_task_stops_it(qtbot):
    r = TaskRunner()
    ended = []

    def task(cancel, progress):
        try:
            result = _slow(cancel, progress)
        except Cancelled:
            ended.append("cancelled")
            raise
        ended.append("finished")
        return result

    with qtbot.waitSignal(r.progress, timeout=5000):   # under way
        r.submit(task)
    assert r.shutdown(5000)
    assert ended == ["cancelled"]      # stopped where it was, not run to its end
    with pytest.raises(RuntimeError, match="shut down"):
        r.submit(_slow)
