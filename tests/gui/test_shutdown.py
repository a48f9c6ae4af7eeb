"""Closing the window while it computes: a 10^6-step run, a hyperparameter search, a basin map.
Closing stops each computation where it is (it does not wait for it to finish: each says it was
cancelled, none delivers a result), every thread has stopped when close() returns, and Qt says
nothing (no "QThread: Destroyed while thread is still running"; pytest-qt fails a test on any Qt
warning). Nothing here measures time: a slow machine is slow, a close that waits for the work to
finish is wrong."""

import gc

from beale_gui.core.engine import OptimizerConfig
from beale_gui.document import OptimizerEntry
from beale_gui.gui.task_runner import live_threads

from .helpers import close_window, new_window, settings_in, task_cancelled

WAIT = 15_000
MILLION = 10**6
LONG = 5 * MILLION   # one GD run: some 8 s here, so a stalled CI machine cannot finish it first


def _stopped_and_silent(qtlog, w) -> None:
    """Every thread has stopped; deleting the window (now, not in some later event loop) and
    collecting its wrappers makes Qt say nothing about threads."""
    assert not any(t.isRunning() for t in live_threads())
    close_window(w)
    gc.collect()
    assert not [r for r in qtlog.records if "QThread" in r.message]


def _run_cancelled(qtbot, w):
    """A blocker: the run computing now says it was cancelled (the worker emits that instead of
    a result when it stops midway; its generation tells it from older requests)."""
    generation = w.runs.generation
    return qtbot.waitSignal(w.runs.stopped, timeout=WAIT,
                            check_params_cb=lambda g: g == generation)


def _start_run(qtbot, w, **values) -> list[tuple[int, int]]:
    """Put ``values`` into the document and wait until its run is under way; returns the
    progress seen so far and from then on, as (steps done, steps in all)."""
    seen = []
    w.runs.progress.connect(lambda _generation, done, total: seen.append((done, total)))
    with qtbot.waitSignal(w.runs.progress, timeout=WAIT):
        w.document.update(**values)
    assert w.runs.thread.isRunning()
    return seen


def _start_search(qtbot, w) -> None:
    panel = w.search.panel
    panel.form.budget_field.set_value(100_000)
    panel.form.max_steps_field.set_value(100_000)
    with qtbot.waitSignal(panel.runner.progress, timeout=WAIT):   # under way
        assert panel.run()
    assert panel.busy


def _start_basins(qtbot, w) -> None:
    basins = w.basins
    basins.panel.grid.set_value(1000)
    basins.panel.max_steps.set_value(1000)
    with qtbot.waitSignal(basins.runner.progress, timeout=WAIT):  # under way
        assert basins.compute()
    assert basins.runner.busy


def test_closing_during_a_million_step_run(qtbot, qtlog, window):
    seen = _start_run(qtbot, window, max_steps=LONG, tol=0.0,
                      entries=[OptimizerEntry(OptimizerConfig("gd", {"lr": 1e-4}), "#E69F00")])
    window.playback.play()
    with _run_cancelled(qtbot, window):
        window.close()
    done, total = seen[-1]
    assert done < total
    assert window.result().n_steps < LONG     # still the launch's result: none arrived
    _stopped_and_silent(qtlog, window)


def test_closing_during_a_running_search(qtbot, qtlog, window):
    panel = window.search.panel
    _start_search(qtbot, window)
    with task_cancelled(qtbot, panel.runner):
        window.close()
    assert panel.outcome is None
    assert panel.runner.is_closed
    _stopped_and_silent(qtlog, window)


def test_closing_during_a_basin_map(qtbot, qtlog, window):
    basins = window.basins
    _start_basins(qtbot, window)
    with task_cancelled(qtbot, basins.runner):
        window.close()
    assert basins.overlay.bmap is None
    assert basins.runner.is_closed
    _stopped_and_silent(qtlog, window)


def test_closing_during_everything_at_once(qtbot, qtlog, window):
    # the six optimizers for 10^6 steps, a search and a basin map share two cores
    seen = _start_run(qtbot, window, max_steps=MILLION, tol=0.0)
    _start_search(qtbot, window)
    _start_basins(qtbot, window)
    with (_run_cancelled(qtbot, window), task_cancelled(qtbot, window.search.panel.runner),
          task_cancelled(qtbot, window.basins.runner)):
        window.close()
    done, total = seen[-1]
    assert done < total
    assert window.result().n_steps < MILLION
    assert window.search.panel.outcome is None
    assert window.basins.overlay.bmap is None
    _stopped_and_silent(qtlog, window)


def test_closing_before_the_first_run_arrives(qtbot, qtlog, tmp_path):
    launched = []
    w = new_window(settings_in(tmp_path))
    w.launched.connect(lambda: launched.append(True))
    w.show()
    w.close()
    assert not launched
    # the launch timers fire into the closed window, and it asks for nothing
    qtbot.waitUntil(lambda: bool(launched), timeout=WAIT)
    assert w.result() is None
    assert w.runs.generation == 0
    _stopped_and_silent(qtlog, w)


def test_closing_twice_is_harmless(qtbot, qtlog, window):
    window.close()
    assert not any(t.isRunning() for t in live_threads())
    window.close()
    _stopped_and_silent(qtlog, window)
