"""Nothing Qt is left to Python's garbage collector (offscreen); and a diverged path is cut
near the view rather than handed to Qt at 1e10.

A Qt object that no widget owns lives until the cyclic collector frees it, at whatever moment it
runs: in the middle of building another window's plots, or at exit after the QApplication has
gone, where destroying a Qt object is not safe (full test runs crashed in the collector that
way). So a closed and deleted window, a rebuilt legend, a finished export figure and a stopped
task runner leave no live Qt object behind: counted over ``gc.get_objects()`` before and after,
without running the collector."""

import gc
from collections import Counter

import numpy as np
import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QGraphicsItem

from beale_gui.core.engine import DIVERGED, OptimizerConfig, run
from beale_gui.core.functions import get_function
from beale_gui.gui.render.trajectory import TrajectoryFigure
from beale_gui.gui.task_runner import TaskRunner

from .helpers import WAIT, delete_later_now, new_window, open_window, settings_in

HIMMELBLAU = get_function("himmelblau")


def _live_qt() -> dict[int, object]:
    """Every Python wrapper of a Qt object (a QObject or a graphics item) that still exists.
    ``type()``, not ``isinstance``: some modules' objects warn when asked for their class."""
    return {id(o): o for o in gc.get_objects()
            if issubclass(type(o), (QObject, QGraphicsItem)) and shiboken6.isValid(o)}


def _made_since(before: dict[int, object]) -> dict[str, int]:
    """How many Qt objects of each type exist now that did not before."""
    return dict(Counter(type(o).__name__ for k, o in _live_qt().items() if k not in before))


def test_a_closed_window_leaves_no_qt_object_to_the_collector(qtbot, tmp_path):
    settings = settings_in(tmp_path)
    gc.collect()
    before = _live_qt()
    w = open_window(qtbot, settings, size=(1300, 850))
    # rebuild the legend, show the search plot's colour bar and the basin map's legend
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.document.update(function=HIMMELBLAU, expression=None)
    w.basins.action.trigger()
    w.basins.panel.grid.set_value(32)
    with qtbot.waitSignal(w.basins.runner.finished, timeout=WAIT):
        qtbot.mouseClick(w.basins.panel.compute, Qt.MouseButton.LeftButton)
    w.search.action.trigger()
    w.search.panel.form.set_optimizer(1)    # Momentum: a grid over lr and momentum
    w.search.panel.form.budget_field.set_value(16)
    w.search.panel.form.max_steps_field.set_value(100)
    with qtbot.waitSignal(w.search.panel.runner.finished, timeout=WAIT):
        qtbot.mouseClick(w.search.panel.run_button, Qt.MouseButton.LeftButton)
    assert w.search.panel.plot._bar.isVisible()   # the heatmap's colour bar, in the layout
    w.close()
    w.deleteLater()
    delete_later_now()
    del w
    # the test's own signal blockers are gone too; the QApplication's style may be made lazily
    made = _made_since(before)
    made.pop("QCommonStyle", None)
    assert made == {}


def test_a_rebuilt_legend_keeps_none_of_its_old_entries(qtbot, tmp_path):
    others = _live_qt()   # legend entries of windows and figures other tests keep
    w = new_window(settings_in(tmp_path))
    functions = [get_function(name) for name in ("rosenbrock", "himmelblau", "beale")]
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.show()
    counts = []
    for function in functions * 2:
        with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
            w.document.update(function=function, expression=None,
                              entries=w.document.entries[:len(counts) % 3 + 1])
        counts.append(sum(type(o).__name__ == "LineSample" and k not in others
                          for k, o in _live_qt().items()))
        assert counts[-1] == len(w.canvas.legend_rows())
    assert counts == counts[:3] * 2


def test_a_closed_figure_leaves_no_qt_object(qapp):
    result = run(get_function("beale"), [OptimizerConfig("adam", {"lr": 0.1}),
                                         OptimizerConfig("sgd", {"lr": 1e-3})],
                 np.array([[1.0, 1.0], [-1.0, 2.0]]), max_steps=50)
    gc.collect()
    before = _live_qt()
    with TrajectoryFigure(result, size=(400, 300)) as figure:
        figure.png_bytes()
    assert _made_since(before) == {}


def test_a_stopped_runner_has_deleted_its_worker(qtbot):
    runner = TaskRunner(name="lifetime")
    with qtbot.waitSignal(runner.finished, timeout=WAIT):
        runner.submit(lambda cancel, progress: 42)
    worker = runner._worker
    assert shiboken6.isValid(worker)
    assert runner.shutdown()
    assert not shiboken6.isValid(worker)      # deleted by its thread as the thread finished
    assert runner.thread.parent() is runner   # and the thread goes with the runner


def test_a_diverged_path_is_cut_near_the_view_so_its_dashes_survive(qapp):
    """The README's figure: Momentum from (-2, 2) blows up at step 5 and its last segments
    reach 1e10 and more. What the curves hold stays within the view and twice its size around
    it (Qt draws a dashed line that long solid), and what is in view is the path itself."""
    result = run(get_function("beale"), [OptimizerConfig("momentum", {"lr": 0.005,
                                                                      "momentum": 0.9})],
                 np.array([[-2.0, 2.0]]), max_steps=50)
    assert result.status[0] == DIVERGED
    with TrajectoryFigure(result, size=(400, 300)) as figure:
        figure.png_bytes()
        (x0, x1), (y0, y1) = figure.view_extent()
        w, h = x1 - x0, y1 - y0
        track = figure.canvas.run_tracks()[0]
        xs, ys = (np.concatenate([np.asarray(c.getData()[k], dtype=float) for c in track.items
                                  if c.getData()[0] is not None]) for k in (0, 1))
    finite = np.isfinite(xs)
    assert finite.sum() >= 4
    assert (xs[finite] >= x0 - 2 * w - 1e-9).all()
    assert (xs[finite] <= x1 + 2 * w + 1e-9).all()
    assert (ys[finite] >= y0 - 2 * h - 1e-9).all()
    assert (ys[finite] <= y1 + 2 * h + 1e-9).all()
    np.testing.assert_array_equal(np.column_stack([xs, ys])[:3], result.paths[0][:3])
