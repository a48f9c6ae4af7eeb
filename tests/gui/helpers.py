"""Helpers shared by the GUI tests: windows that are closed and deleted with the test, waits on
the app's own signals, data points mapped to pixels of the canvas, and rendered images as numpy
arrays."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import shiboken6
from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt, QThread
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from beale_gui.gui.main_window import MainWindow
from beale_gui.gui.task_runner import TaskRunner

WAIT = 15_000

# Every window a test makes (through new_window or open_window) until the test ends: the autouse
# fixture in conftest.py closes and deletes what is left (close_all_windows). Not
# qtbot.addWidget: pytest-qt calls close() on its widgets without asking whether they still
# exist, and never runs the deleteLater it posts, so the window would die in the next test.
_windows: list[MainWindow] = []
# Windows whose threads did not stop when closed: a running QThread must never be destroyed
# (Qt aborts the process), so these are never deleted; tests/conftest.py stops the threads
# and fails the test.
_kept: list[MainWindow] = []


def settings_in(tmp_path, name: str = "layout.ini") -> QSettings:
    """An ini settings file in the test's folder (layout, recent files, the autosave)."""
    return QSettings(str(tmp_path / name), QSettings.Format.IniFormat)


def new_window(settings: QSettings, *, restore: bool = False) -> MainWindow:
    """A new window on ``settings`` (not shown), closed and deleted when the test ends."""
    w = MainWindow(settings, restore=restore)
    _windows.append(w)
    return w


def open_window(qtbot, settings: QSettings, *, size: tuple[int, int] | None = None,
                timeout: int = WAIT) -> MainWindow:
    """A window on ``settings`` in the default layout (resized to ``size`` first), shown, with
    the runs computed at launch drawn; closed and deleted when the test ends."""
    w = new_window(settings)
    if size is not None:
        w.resize(*size)
    with qtbot.waitSignal(w.runs_ready, timeout=timeout):   # computed in the worker at launch
        w.show()
    qtbot.waitExposed(w)
    return w


def window_threads(w: MainWindow) -> list[QThread]:
    """The threads of ``w``: the runs', the search's, the comparison's and the basin map's."""
    return [w.runs.thread, w.search.panel.runner.thread, w.compare.panel.runner.thread,
            w.basins.runner.thread]


def delete_later_now() -> None:
    """Run the deletions that deleteLater posted. Safe from the test itself or a fixture (no
    slot of the deleted objects is on the stack then); processEvents() alone would leave them
    to whatever event loop runs next, in the next test."""
    if QApplication.instance() is not None:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def close_window(w: MainWindow) -> None:
    """Close ``w`` unless the test did, check that closing stopped its threads, and delete it
    now. Harmless on a window already deleted: nothing of it is touched."""
    _windows[:] = [x for x in _windows if x is not w]
    if not shiboken6.isValid(w):
        return
    if not w.runs.is_closed:   # closed already: closing again would save it all again
        w.close()
    running = [t.objectName() for t in window_threads(w) if t.isRunning()]
    if running:
        _kept.append(w)
        raise AssertionError(f"closing the window left threads running: {running}")
    w.deleteLater()
    delete_later_now()
    # The window leaves no Qt object to the collector (gui/views/lifetime.py, checked in
    # test_lifetime.py); its pure-Python cycles (controllers, results) go now rather than in
    # a later test, so a long run's memory stays flat.
    gc.collect()


def close_all_windows() -> None:
    """Close and delete every window the test made and left open (the autouse fixture's
    teardown), then run every deleteLater still pending (qtbot.addWidget's too)."""
    failures = []
    while _windows:
        try:
            close_window(_windows[-1])     # takes it off the list whatever happens
        except Exception as error:
            failures.append(f"{type(error).__name__}: {error}")
    delete_later_now()
    gc.collect()   # what the test's own widgets and figures left, as close_window does
    assert not failures, failures


# -- waits on the app's signals ---------------------------------------------------------------
def debounce_settled(qtbot, panel) -> None:
    """Let the parameter panel's debounce fire if an edit started it: its timer's timeout is
    what writes into the document and emits ``applied`` (or the "Not applied" message), so
    afterwards nothing more is emitted until the next edit."""
    if panel.edit_pending:
        with qtbot.waitSignal(panel.settled, timeout=WAIT):
            pass
    assert not panel.edit_pending


@contextmanager
def nothing_applied(qtbot, panel) -> Iterator[None]:
    """The edits in the block apply nothing (no ``applied``), neither at once nor when the
    debounce they started fires (no fixed wait: the wait ends when the debounce has decided)."""
    with qtbot.assertNotEmitted(panel.applied):
        yield
        debounce_settled(qtbot, panel)


@contextmanager
def task_cancelled(qtbot, runner: TaskRunner, timeout: int = WAIT) -> Iterator[object]:
    """Waits, at the end of the block, until the task running on ``runner`` stops because it was
    asked to (it raised ``Cancelled``) rather than finishing. ``runner`` says "cancelled" at once
    when asked and nothing once it is shut down; its ``stopped`` signal tells."""
    with qtbot.waitSignal(runner.stopped, timeout=timeout) as blocker:
        yield blocker


def start_then_cancel(qtbot, panel, timeout: int = WAIT) -> None:
    """Press ``panel``'s Run (a :class:`~beale_gui.gui.forms.task_panel.TaskPanel`), wait for
    its first progress, press Cancel: the panel is idle at once (its runner says "cancelled"
    from the click) and the task itself stops rather than running to its end."""
    with qtbot.waitSignal(panel.runner.progress, timeout=timeout):
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert panel.busy
    assert panel.cancel_button.isEnabled()
    with (task_cancelled(qtbot, panel.runner, timeout),
          qtbot.waitSignal(panel.runner.cancelled, timeout=timeout)):
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
        assert not panel.busy
        assert panel.run_button.isEnabled()
    assert "cancelled" in panel.status.text()


# -- widgets, pixels and images --------------------------------------------------------------
def shown(qtbot, widget, size: tuple[int, int]):
    """``widget`` at ``size``, shown and exposed; closed and deleted when the test ends
    (pytest-qt closes it and posts its deleteLater, the autouse fixture runs that)."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def viewport_point(canvas, x: float, y: float) -> QPoint:
    """Where data point (x, y) is on the canvas's layout widget's viewport."""
    scene_pos = canvas.plot_item.getViewBox().mapViewToScene(QPointF(x, y))
    return canvas.layout_widget.mapFromScene(scene_pos)


def canvas_pixel(canvas, x: float, y: float) -> tuple[int, int]:
    """Where data point (x, y) is in :func:`grab_array` of the canvas, as (column, row)."""
    p = canvas.layout_widget.viewport().mapTo(canvas, viewport_point(canvas, x, y))
    return p.x(), p.y()


def rgb_array(image: QImage) -> np.ndarray:
    """``image`` as an (H, W, 3) uint8 array."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w = image.height(), image.width()
    data = np.frombuffer(image.constBits(), np.uint8, count=h * image.bytesPerLine())
    return data.reshape(h, image.bytesPerLine())[:, :w * 3].reshape(h, w, 3).copy()


def grab_array(widget) -> np.ndarray:
    """The rendered widget as an (H, W, 3) uint8 array."""
    return rgb_array(widget.grab().toImage())
