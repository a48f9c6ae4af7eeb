"""Helpers shared by the GUI tests: the window on a settings file of its own, data points mapped
to pixels of the canvas, and rendered images as numpy arrays."""

import numpy as np
from PySide6.QtCore import QPoint, QPointF, QSettings
from PySide6.QtGui import QImage

from beale_gui.gui.main_window import MainWindow

WAIT = 15_000


def settings_in(tmp_path, name: str = "layout.ini") -> QSettings:
    """An ini settings file in the test's folder (layout, recent files, the autosave)."""
    return QSettings(str(tmp_path / name), QSettings.Format.IniFormat)


def open_window(qtbot, settings: QSettings, *, size: tuple[int, int] | None = None,
                timeout: int = WAIT) -> MainWindow:
    """A window on ``settings`` in the default layout (resized to ``size`` first), shown, with
    the runs computed at launch drawn."""
    w = MainWindow(settings, restore=False)
    if size is not None:
        w.resize(*size)
    with qtbot.waitSignal(w.runs_ready, timeout=timeout):   # computed in the worker at launch
        w.show()
    qtbot.waitExposed(w)
    return w


def shown(qtbot, widget, size: tuple[int, int]):
    """``widget`` at ``size``, shown and exposed, closed with the test."""
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
