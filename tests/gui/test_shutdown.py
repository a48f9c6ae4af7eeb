"""Closing the window while it computes: a 10^6-step run, a hyperparameter search, a basin map.
Each close ends within a second, every thread has stopped, and Qt says nothing (no "QThread:
Destroyed while thread is still running"; pytest-qt fails a test on any Qt warning)."""

import dataclasses
import gc
import time

import pytest

from beale_gui.core.engine import OptimizerConfig
from beale_gui.gui import worker_registry
from beale_gui.gui.main_window import MainWindow
from beale_gui.gui.model import OptimizerEntry

from .helpers import settings_in

WAIT = 15_000
CLOSE_LIMIT_S = 1.0


def _close_promptly(qtbot, qtlog, w, limit: float = CLOSE_LIMIT_S) -> None:
    started = time.perf_counter()
    w.close()
    elapsed = time.perf_counter() - started
    assert elapsed < limit, f"closing took {elapsed:.2f} s"
    assert not any(t.isRunning() for t in worker_registry.live_threads())
    qtbot.wait(10)     # let deferred deletions run
    gc.collect()
    assert not [r for r in qtlog.records if "QThread" in r.message]


def test_closing_during_a_million_step_run(qtbot, qtlog, window):
    state = dataclasses.replace(
        window.panel.state(), max_steps=10**6, tol=0.0,
        entries=[OptimizerEntry(OptimizerConfig("gd", {"lr": 1e-4}), "#E69F00")])
    with qtbot.waitSignal(window.worker.progress, timeout=WAIT):   # under way
        window.panel.set_state(state)
    assert window.worker.is_running()
    window.playback.play()
    _close_promptly(qtbot, qtlog, window)


def _search_field(panel, name):
    form = getattr(panel, "form", None)
    return getattr(form, name, None) or getattr(panel, name)


def test_closing_during_a_running_search(qtbot, qtlog, window):
    panel = getattr(window, "search_panel", None)
    if panel is None:
        pytest.skip("no search dock in this window")
    _search_field(panel, "budget_field").set_value(100_000)
    _search_field(panel, "max_steps_field").set_value(100_000)
    with qtbot.waitSignal(panel.runner.progress, timeout=WAIT):
        assert panel.run()
    assert panel.busy
    _close_promptly(qtbot, qtlog, window)


def test_closing_during_a_basin_map(qtbot, qtlog, window):
    basins = getattr(window, "basins", None)
    if basins is None:
        pytest.skip("no basin map in this window")
    basins.panel.grid.set_value(1000)
    basins.panel.max_steps.set_value(1000)
    with qtbot.waitSignal(basins.runner.progress, timeout=WAIT):
        assert basins.compute()
    _close_promptly(qtbot, qtlog, window)


def test_closing_during_everything_at_once(qtbot, qtlog, window):
    state = dataclasses.replace(window.panel.state(), max_steps=10**6, tol=0.0)
    with qtbot.waitSignal(window.worker.progress, timeout=WAIT):
        window.panel.set_state(state)
    panel = getattr(window, "search_panel", None)
    if panel is not None:
        _search_field(panel, "budget_field").set_value(100_000)
        _search_field(panel, "max_steps_field").set_value(100_000)
        panel.run()
    basins = getattr(window, "basins", None)
    if basins is not None:
        basins.panel.grid.set_value(1000)
        basins.compute()
    # three computations stop one after another, each sharing two cores with the others
    _close_promptly(qtbot, qtlog, window, limit=2 * CLOSE_LIMIT_S)


def test_closing_before_the_first_run_arrives(qtbot, qtlog, tmp_path):
    w = MainWindow(settings_in(tmp_path), restore=False)
    w.show()
    _close_promptly(qtbot, qtlog, w)     # the launch timers fire into a closed window
    qtbot.wait(50)
    assert w.result() is None


def test_closing_twice_is_harmless(qtbot, qtlog, window):
    _close_promptly(qtbot, qtlog, window)
    _close_promptly(qtbot, qtlog, window)
