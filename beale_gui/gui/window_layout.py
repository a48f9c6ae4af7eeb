"""The main window's layout: its default size and dock proportions, :class:`CanvasFloor` (the
canvas keeps half the window's height), and what is kept between launches in the settings
group ``main_window`` (geometry, docks and toolbar, the mechanics arrows' toggle, the loss
curves drawn up to the playhead, the playback speed). A hostile settings file changes nothing
it cannot."""

from __future__ import annotations

import math

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

SETTINGS_VERSION = 1
GROUP = "main_window"
BOTTOM_SHARE = 0.3          # of the window's height: the loss plot and results table


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
    window.resizeDocks([loss, results], [int(height * BOTTOM_SHARE)] * 2,
                       Qt.Orientation.Vertical)
    # the table's ten columns fit beside the loss plot at 1280 wide
    window.resizeDocks([loss, results], [int(width * 0.27), width - int(width * 0.27)],
                       Qt.Orientation.Horizontal)


def restore_layout(window: QMainWindow, settings: QSettings, mechanics: QAction,
                   playback, loss_to_playhead: QAction | None = None) -> bool:
    """Bring back what :func:`save_layout` kept; True when the geometry was restored."""
    settings.beginGroup(GROUP)
    try:
        geometry, state = settings.value("geometry"), settings.value("state")
        mechanics_on = settings.value("mechanics", False, type=bool)
        racing = settings.value("loss_to_playhead", False, type=bool)
        speed = settings.value("speed", None)
    finally:
        settings.endGroup()
    mechanics.setChecked(bool(mechanics_on))
    if loss_to_playhead is not None and loss_to_playhead.isChecked() != bool(racing):
        loss_to_playhead.trigger()
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
                playback, loss_to_playhead: QAction | None = None) -> None:
    """Keep the window's geometry, docks, mechanics toggle, loss curves drawn up to the
    playhead and playback speed."""
    settings.beginGroup(GROUP)
    settings.setValue("geometry", window.saveGeometry())
    settings.setValue("state", window.saveState(SETTINGS_VERSION))
    settings.setValue("mechanics", mechanics.isChecked())
    if loss_to_playhead is not None:
        settings.setValue("loss_to_playhead", loss_to_playhead.isChecked())
    settings.setValue("speed", playback.speed_position)
    settings.endGroup()
    settings.sync()


class CanvasFloor(QObject):
    """Keeps the canvas at least half the window's height, and gives the bottom area back.

    The canvas's minimum height follows half the window's height (so the main window's layout
    squeezes the docks above and below it, whatever docks are open, and a note above the
    canvas does not eat into it). When a dock closes or another tab comes to the front, the
    docks above and below the canvas take the height the front dock wants: ``tall`` docks (the
    search and the basin map) all the room there is, the others :data:`BOTTOM_SHARE` of the
    window.

    Parameters
    ----------
    window : QMainWindow
    canvas : QWidget
        The widget that keeps half the height.
    tall : iterable of QDockWidget
        Docks that want all the height they may have when they come to the front.
    """

    def __init__(self, window: QMainWindow, canvas: QWidget, tall=()) -> None:
        super().__init__(window)
        self.window, self.canvas = window, canvas
        self._tall = set(tall)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._on_apply)
        self._give_back = False
        # a tab behind another is still isVisible(); visibilityChanged tells which is in front
        self._in_front: dict[QDockWidget, bool] = {}
        for dock in window.findChildren(QDockWidget):
            behind = any(window.tabifiedDockWidgets(dock)) and dock.visibleRegion().isEmpty()
            self._in_front[dock] = dock.isVisible() and not behind
            dock.visibilityChanged.connect(self._on_dock_changed)
            dock.topLevelChanged.connect(self._timer.start)
            dock.dockLocationChanged.connect(self._timer.start)
        window.installEventFilter(self)
        self._follow(window.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self._follow(event.size().height())
            self._timer.start()
        return False

    def apply(self) -> None:
        """Do now what waits for the event loop (tests call this)."""
        self._timer.stop()
        self._on_apply()

    def _follow(self, height: int) -> None:
        floor = math.ceil(height / 2)
        if self.canvas.minimumHeight() != floor:
            self.canvas.setMinimumHeight(floor)

    def _stacked(self) -> list[QDockWidget]:
        """The docks sharing the canvas's column: shown in front, docked above or below it."""
        areas = (Qt.DockWidgetArea.BottomDockWidgetArea, Qt.DockWidgetArea.TopDockWidgetArea)
        return [d for d in self.window.findChildren(QDockWidget)
                if d.isVisible() and self._in_front.get(d, True) and not d.isFloating()
                and self.window.dockWidgetArea(d) in areas]

    def _on_dock_changed(self, visible: bool) -> None:
        dock = self.sender()
        if isinstance(dock, QDockWidget):
            self._in_front[dock] = visible
        self._give_back = True   # a dock closed, or a tab came to the front
        self.apply()             # at once: what the user does next sees the final layout

    def _on_apply(self) -> None:
        window = self.window
        self._follow(window.height())
        docks = self._stacked()
        if not self._give_back or not docks or not window.isVisible():
            return
        self._give_back = False
        height = window.height()
        tall = any(d in self._tall for d in docks)
        # a tall dock asks for the whole window: the canvas's minimum holds it to the rest
        wanted = height if tall else int(height * BOTTOM_SHARE)
        window.resizeDocks(docks, [wanted] * len(docks), Qt.Orientation.Vertical)
