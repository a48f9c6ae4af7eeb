"""The main window's layout: its default size and dock proportions, and what is kept between
launches in the settings group ``main_window`` (geometry, docks and toolbar, the mechanics
arrows' toggle, the playback speed). A hostile settings file changes nothing it cannot."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow

SETTINGS_VERSION = 1
GROUP = "main_window"


def default_size(window: QMainWindow) -> None:
    """Size ``window`` to fit its screen: at most 1400 x 900, at least 800 x 560."""
    screen = window.screen().availableGeometry()
    width = min(1400, screen.width() - 40)
    height = min(900, screen.height() - 60)
    window.resize(max(width, 800), max(height, 560))


def default_dock_sizes(window: QMainWindow, panel: QDockWidget, loss: QDockWidget,
                       results: QDockWidget) -> None:
    """The default layout's proportions (the window must have its size by now)."""
    width, height = window.width(), window.height()
    window.resizeDocks([panel], [330], Qt.Orientation.Horizontal)
    window.resizeDocks([loss, results], [int(height * 0.3)] * 2, Qt.Orientation.Vertical)
    window.resizeDocks([loss, results], [int(width * 0.3), width - int(width * 0.3)],
                       Qt.Orientation.Horizontal)


def restore_layout(window: QMainWindow, settings: QSettings, mechanics: QAction,
                   playback) -> bool:
    """Bring back what :func:`save_layout` kept; True when the geometry was restored."""
    settings.beginGroup(GROUP)
    try:
        geometry, state = settings.value("geometry"), settings.value("state")
        mechanics_on = settings.value("mechanics", False, type=bool)
        speed = settings.value("speed", None)
    finally:
        settings.endGroup()
    mechanics.setChecked(bool(mechanics_on))
    # ASCII digits only: "²" and "٣" are digits to isdigit() but "²" is not to int()
    if isinstance(speed, (int, str)) and str(speed).isascii() and str(speed).isdigit():
        playback.set_speed_position(int(speed))
    restored = False
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        restored = window.restoreGeometry(geometry)
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.restoreState(state, SETTINGS_VERSION)
    return restored


def save_layout(window: QMainWindow, settings: QSettings, mechanics: QAction,
                playback) -> None:
    """Keep the window's geometry, docks, mechanics toggle and playback speed."""
    settings.beginGroup(GROUP)
    settings.setValue("geometry", window.saveGeometry())
    settings.setValue("state", window.saveState(SETTINGS_VERSION))
    settings.setValue("mechanics", mechanics.isChecked())
    settings.setValue("speed", playback.speed_position)
    settings.endGroup()
    settings.sync()
