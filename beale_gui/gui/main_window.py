"""The main window: canvas in the centre, docks around it, a worker behind it.

Data flow: panel state + start points -> :class:`WorkerController` (engine on a QThread) ->
:class:`RunResult` -> canvas, loss plot and results table; the :class:`Playback` playhead then
moves all three through the computed steps. Every slot is guarded: an exception is logged and
shown in the status bar, and the app goes on.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import numpy as np
from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QWidget,
)

from .. import __version__
from ..core.engine import DIVERGED, RunResult, check_starts
from ..core.playhead import mechanics_at
from ..core.view_ranges import fit_extent
from .basin_overlay import install_basins
from .canvas import ContourCanvas
from .export_actions import install_export_actions
from .help import app_icon, show_about, show_shortcuts
from .labels import optimizer_label, start_style
from .loss_plot import LossPlot
from .memory import release_free_memory
from .model import SEED_START, OptimizerEntry, PanelState, RunOutcome, default_state
from .notify import MESSAGE_MS
from .panel import ParameterPanel
from .playback import Playback
from .results_table import ResultsTable, format_number
from .safety import guarded
from .search_panel import install_search
from .session_actions import install_sessions
from .worker import WorkerController

log = logging.getLogger(__name__)

APP_NAME = "Beale GUI"
ORGANISATION = "beale-gui"
SETTINGS_VERSION = 1
DRAG_PREVIEW_MS = 60
# Once results stop arriving for this long, the memory the replaced ones freed goes back to the
# system (see beale_gui.gui.memory); while the animation plays, when it stops.
RELEASE_MS = 1000

# What a finished request is shown as. PLAY restarts the animation from step 0 and plays; when
# the animation was paused, READY shows every path whole (Space then plays it from the start);
# PREVIEW is the whole path while a start point is dragged.
PLAY, READY, PREVIEW = "play", "ready", "preview"


def _function_key(state: PanelState) -> tuple:
    return (state.function.name, state.expression, state.function.bounds)


class MainWindow(QMainWindow):
    """The application window.

    Parameters
    ----------
    settings : QSettings, optional
        Where the window geometry and dock layout are kept (tests pass a temporary ini file).
    restore : bool
        Restore the saved layout (False starts from the default one).
    """

    runs_ready = Signal()       # a new result has been drawn everywhere

    def __init__(self, settings: QSettings | None = None, restore: bool = True) -> None:
        super().__init__()
        self.setWindowTitle(f"{APP_NAME}: gradient descent, step by step")
        self.setWindowIcon(app_icon())
        self._settings = settings if settings is not None else QSettings()
        self._state = default_state()
        self._starts = np.array([SEED_START], dtype=np.float64)
        self._result: RunResult | None = None
        self._entries: list[OptimizerEntry] = []
        self._modes: dict[int, str] = {}
        self._fitted = None
        self._drag: tuple[int, float, float] | None = None
        self._error_box: QMessageBox | None = None

        self.canvas = ContourCanvas()
        self.panel = ParameterPanel()        # opens on default_state()
        self._state = self.panel.state()
        self.loss_plot = LossPlot()
        self.results = ResultsTable()
        self.worker = WorkerController(self)
        self.playback = Playback(self)
        self._drag_timer = QTimer(self, singleShot=True, interval=DRAG_PREVIEW_MS)
        self._release_timer = QTimer(self, singleShot=True, interval=RELEASE_MS)
        self._release_pending = False

        self.setCentralWidget(self.canvas)
        self._build_docks()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.playback.toolbar)
        self.addActions(self.playback.actions())   # shortcuts work with the toolbar hidden
        self._build_status_bar()
        self._build_menus()
        self._connect()
        install_export_actions(self, self.menu_file)
        install_search(self)
        install_sessions(self)
        install_basins(self)

        self.canvas.set_function(self._state.function)
        self.canvas.set_starts(self._starts)
        self._layout_pending = not (restore and self._restore_settings())
        if self._layout_pending:
            self._default_size()
        # the first runs start once the event loop runs, so they do not hold up the first paint
        QTimer.singleShot(0, self, self._on_launched)
        self.statusBar().showMessage(
            "Space plays the animation; click the canvas to add a start point.", MESSAGE_MS)

    # -- construction -----------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea
              ) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)   # movable, floatable and closable: Qt's defaults
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.panel_dock = self._dock("Parameters", "panel_dock", self.panel,
                                     Qt.DockWidgetArea.LeftDockWidgetArea)
        self.loss_dock = self._dock("Loss", "loss_dock", self.loss_plot,
                                    Qt.DockWidgetArea.BottomDockWidgetArea)
        self.results_dock = self._dock("Results", "results_dock", self.results,
                                       Qt.DockWidgetArea.BottomDockWidgetArea)
        self.splitDockWidget(self.loss_dock, self.results_dock, Qt.Orientation.Horizontal)

    def _default_dock_sizes(self) -> None:
        """The default layout's proportions (the window must have its size by now)."""
        width, height = self.width(), self.height()
        self.resizeDocks([self.panel_dock], [330], Qt.Orientation.Horizontal)
        self.resizeDocks([self.loss_dock, self.results_dock], [int(height * 0.3)] * 2,
                         Qt.Orientation.Vertical)
        self.resizeDocks([self.loss_dock, self.results_dock],
                         [int(width * 0.3), width - int(width * 0.3)], Qt.Orientation.Horizontal)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self._progress = QProgressBar(maximumWidth=160, textVisible=False,
                                      toolTip="Computing the runs", visible=False)
        bar.addPermanentWidget(self._progress)
        self.cursor_label = QLabel()
        self.cursor_label.setMinimumWidth(self.cursor_label.fontMetrics().horizontalAdvance(
            "x = -0.00000  y = -0.00000  f(x, y) = -0.000e+000") + 12)
        bar.addPermanentWidget(self.cursor_label)

    def _action(self, menu, text: str, slot, keys=(), checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        # File: later issues insert Export and Sessions entries above action_quit
        # (self.menu_file.insertAction(self.action_quit, ...) and insertSeparator).
        self.menu_file = bar.addMenu("&File")
        self.action_quit = self._action(self.menu_file, "&Quit", self.close, ["Ctrl+Q"])

        self.menu_view = bar.addMenu("&View")
        for dock in (self.panel_dock, self.loss_dock, self.results_dock):
            self.menu_view.addAction(dock.toggleViewAction())
        self.menu_view.addAction(self.playback.toolbar.toggleViewAction())
        self.menu_view.addSeparator()
        self.action_mechanics = self._action(self.menu_view, "&Mechanics arrows",
                                             self._on_mechanics_toggled, ["M"], checkable=True)
        self.action_mechanics.setToolTip("Arrows at each head: the descent direction (-∇f), "
                                         "the velocity / first moment, and the step taken")
        self.action_reset_view = self._action(self.menu_view, "&Reset view",
                                              self._on_reset_view, ["R", "Ctrl+0"])

        self.menu_playback = bar.addMenu("&Playback")
        self.menu_playback.addActions(self.playback.actions())

        self.menu_help = bar.addMenu("&Help")
        self.action_shortcuts = self._action(self.menu_help, "&Keyboard shortcuts",
                                             self._on_show_shortcuts, ["F1"])
        self.action_about = self._action(self.menu_help, "&About", self._on_about)

    def _connect(self) -> None:
        c = self.canvas
        c.start_added.connect(self._on_start_added)
        c.start_moved.connect(self._on_start_moved)
        c.start_dragging.connect(self._on_start_dragging)
        c.start_removed.connect(self._on_start_removed)
        c.cursor_moved.connect(self._on_cursor_moved)
        self.panel.state_changed.connect(self._on_state_changed)
        self.panel.message.connect(self._on_panel_message)
        self.worker.finished.connect(self._on_run_finished)
        self.worker.failed.connect(self._on_run_failed)
        self.worker.progress.connect(self._on_run_progress)
        self.playback.step_changed.connect(self._on_step)
        self.loss_plot.step_requested.connect(self._on_step_requested)
        self._drag_timer.timeout.connect(self._on_drag_preview)
        self._release_timer.timeout.connect(self._on_release_due)
        self.playback.playing_changed.connect(self._on_playing_changed)

    def _default_size(self) -> None:
        screen = self.screen().availableGeometry()
        width = min(1400, screen.width() - 40)
        height = min(900, screen.height() - 60)
        self.resize(max(width, 800), max(height, 560))

    # -- public ---------------------------------------------------------------------------------
    def starts(self) -> np.ndarray:
        """The start points, shape (S, 2)."""
        return self._starts.copy()

    def set_starts(self, starts: np.ndarray) -> None:
        """Replace every start point (shape (S, 2), checked by the core) and recompute."""
        self._starts = check_starts(starts) if len(starts) else np.zeros((0, 2))
        self.canvas.set_starts(self._starts)
        self._recompute(PLAY)

    def current_step(self) -> int:
        return self.playback.step

    def result(self) -> RunResult | None:
        return self._result

    def report_error(self, message: str) -> None:
        """Show an error in the status bar and in a non-modal dialog (the guarded slots call
        this); a burst of errors updates one dialog rather than stacking many."""
        self.statusBar().showMessage(f"Error: {message}", 2 * MESSAGE_MS)
        if self._error_box is None:
            self._error_box = QMessageBox(
                QMessageBox.Icon.Warning, APP_NAME,
                "Something went wrong; the app carries on. Details are in the log.",
                QMessageBox.StandardButton.Ok, self)
            self._error_box.setWindowModality(Qt.WindowModality.NonModal)
        self._error_box.setInformativeText(message)
        self._error_box.show()

    # -- computing ----------------------------------------------------------------------------
    def _recompute(self, mode: str = PLAY) -> None:
        if self.worker.is_closed:       # closing: a late timer or panel edit changes nothing
            return
        if len(self._starts) == 0:
            self._clear_result("Click the canvas to add a start point.")
            return
        if not self._state.enabled:
            self._clear_result("No optimizer is enabled: tick one in the parameter panel.")
            return
        if mode == PLAY and not self.playback.is_playing:
            mode = READY
        request = self.worker.request(self._state, self._starts.copy())
        self._modes = {request.generation: mode}

    def _clear_result(self, message: str) -> None:
        self.worker.cancel()
        self._modes.clear()
        self._progress.hide()
        self._result, self._entries = None, []
        self.playback.set_range(0)
        self.canvas.clear_runs()
        self.canvas.set_mechanics(None)
        self.loss_plot.clear()
        self.results.clear()
        self._release_timer.start()
        self.statusBar().showMessage(message, MESSAGE_MS)

    @guarded
    def _on_launched(self) -> None:
        self._recompute(READY)

    @guarded
    def _on_run_finished(self, outcome: RunOutcome) -> None:
        mode = self._modes.pop(outcome.generation, READY)
        self._progress.hide()
        self._show_result(outcome.result, outcome.request.entries, mode)

    def _show_result(self, result: RunResult, entries: list[OptimizerEntry], mode: str) -> None:
        self.playback.pause()
        self._result, self._entries = result, list(entries)
        n = result.n_runs
        colours = [entries[int(result.config_index[i])].colour for i in range(n)]
        styles = [start_style(result.start_index[i]) for i in range(n)]
        labels = [optimizer_label(result.configs[int(result.config_index[i])]) for i in range(n)]
        flags = ["diverged" if result.status[i] == DIVERGED else "" for i in range(n)]
        legend = [(optimizer_label(e.config), e.colour) for e in entries]
        # every view starts at the playhead's new step, so moving the playhead there below
        # redraws nothing twice
        step = 0 if mode == PLAY else result.n_steps
        self.canvas.set_runs([result.paths[i] for i in range(n)],
                             [int(s) for s in result.stop_step], colours, styles, flags, legend,
                             step=step)
        if mode != PREVIEW:
            extent = fit_extent(result, result.function.bounds)
            if extent != self._fitted:
                self._fitted = extent
                self.canvas.fit_view(extent)
        self.loss_plot.set_result(result, colours, styles)
        self.results.set_result(result, labels, colours, step=step)
        self.playback.set_range(result.n_steps, step)
        if mode == PLAY:
            self.playback.play()
        self._release_timer.start()   # the replaced result is freed by now
        diverged = int(np.count_nonzero(result.status == DIVERGED))
        note = "runs diverged: each is drawn up to where it blew up."
        if diverged:
            self.statusBar().showMessage(f"{diverged} of {n} {note}", MESSAGE_MS)
        elif self.statusBar().currentMessage().endswith(note):
            self.statusBar().clearMessage()     # the last result's news, not this one's
        self.runs_ready.emit()

    @guarded
    def _on_run_failed(self, generation: int, message: str) -> None:
        self._modes.pop(generation, None)
        self._progress.hide()
        self.statusBar().showMessage(f"Could not run: {message}", 2 * MESSAGE_MS)

    @guarded
    def _on_run_progress(self, generation: int, done: int, total: int) -> None:
        self._progress.setRange(0, max(total, 1))
        self._progress.setValue(done)
        self._progress.show()

    # -- memory -------------------------------------------------------------------------------
    @guarded
    def _on_release_due(self) -> None:
        if self.playback.is_playing:   # a few ms: not in the middle of an animation
            self._release_pending = True
            return
        self._release_pending = False
        release_free_memory()

    @guarded
    def _on_playing_changed(self, playing: bool) -> None:
        if not playing and self._release_pending and not self._release_timer.isActive():
            self._on_release_due()

    # -- the playhead ---------------------------------------------------------------------------
    @guarded
    def _on_step(self, k: int) -> None:
        if self._result is None:
            return
        self.canvas.set_step(k)
        if self.action_mechanics.isChecked():
            self.canvas.set_mechanics(mechanics_at(self._result, k))
        self.loss_plot.set_step(k)
        self.results.set_step(k)

    @guarded
    def _on_step_requested(self, k: int) -> None:
        self.playback.pause()
        self.playback.set_step(k)

    @guarded
    def _on_mechanics_toggled(self, *_) -> None:
        if self.action_mechanics.isChecked() and self._result is not None:
            self.canvas.set_mechanics(mechanics_at(self._result, self.playback.step))
        else:
            self.canvas.set_mechanics(None)

    @guarded
    def _on_reset_view(self, *_) -> None:
        self.canvas.fit_view(self._fitted)

    # -- start points ---------------------------------------------------------------------------
    @guarded
    def _on_start_added(self, x: float, y: float) -> None:
        self._starts = np.vstack([self._starts, [[x, y]]])
        self.canvas.set_starts(self._starts)
        self._recompute(PLAY)

    @guarded
    def _on_start_moved(self, i: int, x: float, y: float) -> None:
        self._drag_timer.stop()
        self._drag = None
        if not 0 <= i < len(self._starts):
            return
        self._starts = self._starts.copy()
        self._starts[i] = (x, y)
        self.canvas.set_starts(self._starts)
        self._recompute(PLAY)

    @guarded
    def _on_start_dragging(self, i: int, x: float, y: float) -> None:
        self._drag = (i, x, y)
        if not self._drag_timer.isActive():
            self._drag_timer.start()

    @guarded
    def _on_drag_preview(self) -> None:
        if self._drag is None or not self._state.enabled:
            return
        i, x, y = self._drag
        if not 0 <= i < len(self._starts):
            return
        starts = self._starts.copy()
        starts[i] = (x, y)
        request = self.worker.request(self._state, starts)
        self._modes = {request.generation: PREVIEW}

    @guarded
    def _on_start_removed(self, i: int) -> None:
        if not 0 <= i < len(self._starts):
            return
        self._starts = np.delete(self._starts, i, axis=0)
        self.canvas.set_starts(self._starts)
        self._recompute(PLAY)

    # -- panel and cursor -----------------------------------------------------------------------
    @guarded
    def _on_state_changed(self, state: PanelState) -> None:
        if state == self._state:
            return
        if _function_key(state) != _function_key(self._state):
            self.canvas.set_function(state.function)
            self._fitted = None
        self._state = state
        self._recompute(PLAY)

    @guarded
    def _on_panel_message(self, message: str) -> None:
        if message:
            self.statusBar().showMessage(message, 2 * MESSAGE_MS)
        else:
            self.statusBar().clearMessage()

    @guarded
    def _on_cursor_moved(self, x: float, y: float) -> None:
        f = float(self._state.function.value(np.array([x, y])))
        self.cursor_label.setText(f"x = {x:.5g}  y = {y:.5g}  f(x, y) = {format_number(f)}")

    # -- help -----------------------------------------------------------------------------------
    @guarded
    def _on_show_shortcuts(self, *_) -> None:
        self.shortcuts_dialog = show_shortcuts(self)

    @guarded
    def _on_about(self, *_) -> None:
        show_about(self, APP_NAME)

    # -- settings and closing -------------------------------------------------------------------
    def _restore_settings(self) -> bool:
        s = self._settings
        s.beginGroup("main_window")
        try:
            geometry, state = s.value("geometry"), s.value("state")
            mechanics = s.value("mechanics", False, type=bool)
            speed = s.value("speed", None)
        finally:
            s.endGroup()
        self.action_mechanics.setChecked(bool(mechanics))
        # ASCII digits only: "²" and "٣" are digits to isdigit() but "²" is not to int()
        if isinstance(speed, (int, str)) and str(speed).isascii() and str(speed).isdigit():
            self.playback.set_speed_position(int(speed))
        restored = False
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            restored = self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state, SETTINGS_VERSION)
        return restored

    def save_settings(self) -> None:
        s = self._settings
        s.beginGroup("main_window")
        s.setValue("geometry", self.saveGeometry())
        s.setValue("state", self.saveState(SETTINGS_VERSION))
        s.setValue("mechanics", self.action_mechanics.isChecked())
        s.setValue("speed", self.playback.speed_position)
        s.endGroup()
        s.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._layout_pending:
            self._layout_pending = False
            self._default_dock_sizes()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.playback.pause()
        self._drag_timer.stop()
        self._release_timer.stop()
        try:
            self.save_settings()
        except Exception:
            log.exception("could not save the window layout")
        self.worker.shutdown()
        super().closeEvent(event)


def run_app(argv: list[str] | None = None, session: Path | None = None) -> int:
    """Create the application, show the window (on ``session`` when given, else where the
    last launch left off), and run the event loop. ``argv`` are options for Qt."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("beale-gui")   # matches resources/beale-gui.desktop
    window = MainWindow()
    if session is not None:
        window.sessions.open_at_launch(session)

    def excepthook(kind, value, tb):   # last resort: an unguarded slot
        log.error("uncaught exception", exc_info=(kind, value, tb))
        window.report_error(f"{kind.__name__}: {value}")

    sys.excepthook = excepthook
    window.show()
    return app.exec()
