"""The main window: canvas in the centre, docks around it, the document and run state behind.

Data flow: the parameter panel and the canvas write into the :class:`Document`; the
:class:`RunController` (runs.py) runs what it holds on a task runner and puts each result into
the :class:`RunState`; :class:`RunViews` (run_views.py) draws it in the canvas, loss plot and
results table, and moves them with the :class:`Playback` playhead. The window builds every view
and controller and shuts them down. Every slot is guarded: an exception is logged and shown in
the status bar, and the app goes on.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from ..core.engine import RunResult
from ..document import Document, RunState
from . import i18n
from .controllers.basins import BasinController
from .controllers.check import CheckController
from .controllers.compare import CompareController
from .controllers.curvature import CurvatureController
from .controllers.exports import ExportController
from .controllers.models import ModelController
from .controllers.runs import PLAY, READY, RunController
from .controllers.search import SearchController
from .controllers.sessions import SessionController
from .controllers.undo import UndoActions
from .dialogs.guide import GuideDialog
from .dialogs.help import app_icon, show_about, show_shortcuts
from .forms.parameters import ParameterPanel
from .guarded import guarded
from .memory import MemoryRelease
from .notify import MESSAGE_MS
from .task_runner import TaskRunner
from .views.canvas import ContourCanvas
from .views.explain_panel import ExplainPanel
from .views.lifetime import release_plots
from .views.loss_plot import LossPlot
from .views.note import NoteBar
from .views.playback import Playback
from .views.results_table import ResultsTable, format_number
from .views.run_views import RunViews
from .views.surface_view import SurfaceView
from .window_layout import (
    CanvasFloor,
    default_dock_sizes,
    default_size,
    restore_layout,
    save_layout,
)

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

ORGANISATION = "beale-gui"
# Once results stop arriving for this long, the memory the replaced ones freed goes back to the
# system (see beale_gui.gui.memory); while the animation plays, when it stops.
RELEASE_MS = 1000
SURFACE_SHARE = 0.3    # of the window's width: the 3-D dock when first shown

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
    launched = Signal()         # the launch timer fired (the first runs asked for, unless closed)
    language_requested = Signal(str)   # View > Language: "system", "en" or "ko"

    def __init__(self, settings: QSettings | None = None, restore: bool = True) -> None:
        super().__init__()
        self.setWindowTitle(translate("MainWindow", "{0}: gradient descent, step by step")
                            .format(APP_NAME))
        self.setWindowIcon(app_icon())
        self._settings = settings if settings is not None else QSettings()
        self._error_box: QMessageBox | None = None
        self.document = Document()
        self.run_state = RunState()

        self.canvas = ContourCanvas(document=self.document)
        self.panel = ParameterPanel(self.document)
        self.loss_plot = LossPlot()
        self.results = ResultsTable()
        self.playback = Playback(self)
        self.memory: MemoryRelease = MemoryRelease(self.playback, RELEASE_MS, self)

        self.note = NoteBar()     # what the preset on show demonstrates
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.note)
        column.addWidget(self.canvas, 1)
        self.setCentralWidget(centre)
        self._build_docks()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.playback.toolbar)
        self.addActions(self.playback.actions())   # shortcuts work with the toolbar hidden
        self._build_status_bar()
        self._build_menus()
        # the controllers, each given what it uses; closeEvent shuts them down in turn
        self.run_views = RunViews(self.run_state, self, self.canvas, self.loss_plot,
                                  self.results, self.playback, self.action_mechanics,
                                  self.action_loss_to_playhead)
        self.run_controller = RunController(self.document, self.run_state, self, self.playback,
                                            self._progress, self.memory,
                                            self.canvas.start_dragging)
        self.runs: TaskRunner = self.run_controller.runner
        self._connect()
        self.exports: ExportController = ExportController(self, self.menu_file,
                                                          before=self.action_quit)
        self.search: SearchController = SearchController(
            self, self.document, self.panel, self.playback, tab_with=self.results_dock,
            view_menu=self.menu_view, view_before=self.playback.toolbar.toggleViewAction(),
            tools_menu=self.menu_tools)
        self.sessions: SessionController = SessionController(
            self, self.document, self._settings, self.menu_file, before=self.action_quit)
        self.sessions.opened.connect(self._on_session_opened)
        self.sessions.described.connect(self.note.show_note)
        self.note.changed.connect(self._on_note_changed)
        self.sessions.preset_loaded.connect(self._on_preset_loaded)
        self.compare: CompareController = CompareController(
            self, self.document, self.panel, self.playback, tab_with=self.results_dock,
            view_menu=self.menu_view, view_before=self.playback.toolbar.toggleViewAction(),
            tools_menu=self.menu_tools)
        self.sessions.comparison_offered.connect(self.compare.offer)
        self.check: CheckController = CheckController(self, self.document, self.menu_tools)
        self.basins: BasinController = BasinController(
            self, self.document, self.canvas, tab_with=self.results_dock,
            view_menu=self.menu_view, view_before=self.action_reset_view)
        self.models: ModelController = ModelController(
            self, self.document, self.run_state, self.menu_function, self.menu_view,
            view_before=self.playback.toolbar.toggleViewAction(),
            options_before=self.action_reset_view, loss_plot=self.loss_plot)
        self.panel.model_requested.connect(self.models.open_dialog)
        self.curvature: CurvatureController = CurvatureController(
            self, self.document, self.run_state, self.canvas, self.menu_view,
            view_before=self.playback.toolbar.toggleViewAction())
        self._build_language_menu()
        self.canvas_floor = CanvasFloor(self, self.canvas,
                                        tall=(self.search.dock, self.basins.dock,
                                              self.compare.dock))

        self._layout_pending = not (restore and restore_layout(
            self, self._settings, self.action_mechanics, self.playback,
            self.action_loss_to_playhead))
        if self._layout_pending:
            default_size(self)
        self.models.sync_dock()
        # the first runs start once the event loop runs, so they do not hold up the first paint
        QTimer.singleShot(0, self, self._on_launched)
        self.statusBar().showMessage(
            translate("MainWindow",
                      "Space plays the animation; click the canvas to add a start point."),
            MESSAGE_MS)

    # -- construction -----------------------------------------------------------------------
    def add_dock(self, title: str, name: str, widget: QWidget,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea,
                 tab_with: QDockWidget | None = None) -> QDockWidget:
        """A dock holding ``widget`` (``name`` keys it in the saved layout); tabbed behind
        ``tab_with`` when given, which stays in front."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)   # movable, floatable and closable: Qt's defaults
        self.addDockWidget(area, dock)
        if tab_with is not None:
            self.tabifyDockWidget(tab_with, dock)
            tab_with.raise_()
        return dock

    def _build_docks(self) -> None:
        self.panel_dock = self.add_dock(translate("MainWindow", "Parameters"), "panel_dock",
                                        self.panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.loss_dock = self.add_dock(translate("MainWindow", "Loss"), "loss_dock",
                                       self.loss_plot, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.results_dock = self.add_dock(translate("MainWindow", "Results"), "results_dock",
                                          self.results, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.splitDockWidget(self.loss_dock, self.results_dock, Qt.Orientation.Horizontal)
        # the Explain panel (issue 17): right of the canvas, hidden until asked for (E)
        self.explain_panel = ExplainPanel(self.run_state)
        self.explain_dock = self.add_dock(translate("MainWindow", "Explain"),
                                          "explain_dock", self.explain_panel,
                                          Qt.DockWidgetArea.RightDockWidgetArea)
        self.explain_dock.hide()
        self.explain_dock.visibilityChanged.connect(self.explain_panel.set_active)
        # the 3-D view (issue 19): right of the canvas, hidden until asked for (3); its OpenGL
        # widget is made when first shown, and it does nothing while hidden
        self.surface_view = SurfaceView(self.run_state, self.document, self.canvas)
        self.surface_dock = self.add_dock(translate("MainWindow", "3-D"), "surface_dock",
                                          self.surface_view,
                                          Qt.DockWidgetArea.RightDockWidgetArea)
        self.surface_dock.hide()
        self.surface_dock.visibilityChanged.connect(self._on_surface_shown)
        self.guide: GuideDialog | None = None

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self._progress = QProgressBar(maximumWidth=160, textVisible=False, visible=False,
                                      toolTip=translate("MainWindow", "Computing the runs"))
        bar.addPermanentWidget(self._progress)
        self.cursor_label = QLabel()
        self.cursor_label.setMinimumWidth(self.cursor_label.fontMetrics().horizontalAdvance(
            "x = -0.00000  y = -0.00000  f(x, y) = -0.000e+000") + 12)
        bar.addPermanentWidget(self.cursor_label)

    def _action(self, menu, text: str, slot, keys=(), checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        # File: later issues insert Export and Sessions entries above action_quit
        # (self.menu_file.insertAction(self.action_quit, ...) and insertSeparator).
        self.menu_file = bar.addMenu(translate("MainWindow", "&File"))
        self.action_quit = self._action(self.menu_file, translate("MainWindow", "&Quit"),
                                        self.close, ["Ctrl+Q"])
        # Edit: Undo and Redo (controllers/undo.py)
        self.menu_edit = bar.addMenu(translate("MainWindow", "&Edit"))
        self.undo = UndoActions(self, self.document.history, self.menu_edit)

        self.menu_view = bar.addMenu(translate("MainWindow", "&View"))
        for dock in (self.panel_dock, self.loss_dock, self.results_dock):
            self.menu_view.addAction(dock.toggleViewAction())
        self.action_explain = self.explain_dock.toggleViewAction()
        self.action_explain.setShortcut(QKeySequence("E"))
        self.action_explain.setToolTip(translate(
            "MainWindow", "The selected run's update rule at this step, with its numbers"))
        self.menu_view.addAction(self.action_explain)
        self.action_surface = self.surface_dock.toggleViewAction()
        self.action_surface.setShortcut(QKeySequence("3"))
        self.action_surface.setToolTip(translate(
            "MainWindow", "The surface in 3-D with the paths on it; drag to turn it"))
        self.menu_view.addAction(self.action_surface)
        self.menu_view.addAction(self.playback.toolbar.toggleViewAction())
        self.menu_view.addSeparator()
        self.action_mechanics = self._action(
            self.menu_view, translate("MainWindow", "&Mechanics arrows"), None, ["M"],
            checkable=True)   # run_views.py draws them
        self.action_mechanics.setToolTip(translate(
            "MainWindow", "Arrows at each head: the descent direction (-∇f), "
            "the velocity / first moment, and the step taken"))
        self.action_loss_to_playhead = self._action(
            self.menu_view, translate("MainWindow", "&Loss curves up to the playhead"), None,
            checkable=True)
        self.action_loss_to_playhead.setToolTip(
            translate("MainWindow",
                      "Draw each loss curve only up to the current step, so the optimizers race"))
        self.action_reset_view = self._action(
            self.menu_view, translate("MainWindow", "&Reset view"), self._on_reset_view,
            ["R", "Ctrl+0"])

        # Function: Model on data… (controllers/models.py)
        self.menu_function = bar.addMenu(translate("MainWindow", "F&unction"))
        self.menu_playback = bar.addMenu(translate("MainWindow", "&Playback"))
        self.menu_playback.addActions(self.playback.actions())

        # the search adds its entry
        self.menu_tools: QMenu = bar.addMenu(translate("MainWindow", "&Tools"))

        self.menu_help = bar.addMenu(translate("MainWindow", "&Help"))
        self.action_guide = self._action(self.menu_help, translate("MainWindow", "&Guide"),
                                         self._on_show_guide, ["Shift+F1"])
        self.action_shortcuts = self._action(
            self.menu_help, translate("MainWindow", "&Keyboard shortcuts"),
            self._on_show_shortcuts, ["F1"])
        self.action_about = self._action(self.menu_help, translate("MainWindow", "&About"),
                                         self._on_about)

    def _build_language_menu(self) -> None:
        """View > Language: the system's, or each language named in itself."""
        self.menu_language = QMenu(i18n.translate("MainWindow", "&Language"), self)
        self.menu_language.setObjectName("menu_language")
        group = QActionGroup(self)
        choice = i18n.chosen(self._settings)
        system = i18n.LANGUAGES[i18n.resolve(i18n.SYSTEM)]
        names = {i18n.SYSTEM: i18n.translate("MainWindow", "System ({0})").format(system),
                 **i18n.LANGUAGES}
        self.language_actions = {}
        for key, name in names.items():
            action = QAction(name, self, checkable=True, checked=key == choice)
            action.triggered.connect(lambda _=False, key=key: self._on_language(key))
            group.addAction(action)
            self.menu_language.addAction(action)
            self.language_actions[key] = action
        self.menu_view.addSeparator()
        self.menu_view.addMenu(self.menu_language)

    def _connect(self) -> None:
        self.canvas.cursor_moved.connect(self._on_cursor_moved)
        self.panel.message.connect(self._on_panel_message)
        self.run_views.drawn.connect(self.run_controller.views_drawn)
        self.run_views.drawn.connect(self.runs_ready)
        # a swept hyperparameter's runs, previewed until the sweep ends
        self.panel.hparams_previewing.connect(self.run_controller.preview_hparams)
        self.panel.preview_ended.connect(self.run_controller.end_preview)
        self.explain_panel.guide_requested.connect(self._on_show_guide)

    # -- public ---------------------------------------------------------------------------------
    def starts(self) -> np.ndarray:
        """The start points, shape (S, 2) (a copy of the document's)."""
        return self.document.starts.copy()

    def set_starts(self, starts: np.ndarray) -> None:
        """Replace every start point (shape (S, 2), checked by the core); the runs follow."""
        self.document.set_starts(starts)

    def current_step(self) -> int:
        return self.run_state.step

    def run_colours(self) -> list[str]:
        """Each configuration's colour in the shown result, as drawn (empty without one)."""
        return self.run_state.config_colours()

    def result(self) -> RunResult | None:
        return self.run_state.result

    def error_dialog(self) -> QMessageBox | None:
        """The non-modal dialog showing the last error, None before any (do not change it)."""
        return self._error_box

    def report_error(self, message: str) -> None:
        """Show an error in the status bar and in a non-modal dialog (the guarded slots call
        this); a burst of errors updates one dialog rather than stacking many."""
        self.statusBar().showMessage(translate("MainWindow", "Error: {0}").format(message),
                                     2 * MESSAGE_MS)
        if self._error_box is None:
            self._error_box = QMessageBox(
                QMessageBox.Icon.Warning, APP_NAME,
                translate("MainWindow",
                          "Something went wrong; the app carries on. Details are in the log."),
                QMessageBox.StandardButton.Ok, self)
            self._error_box.setWindowModality(Qt.WindowModality.NonModal)
        self._error_box.setInformativeText(message)
        self._error_box.show()

    # -- slots --------------------------------------------------------------------------------
    @guarded
    def _on_launched(self) -> None:
        self.sessions.launch()   # the file given at launch, else the last session
        self.run_controller.recompute(READY)
        self.launched.emit()

    @guarded
    def _on_session_opened(self) -> None:
        self.run_controller.recompute(PLAY)

    @guarded
    def _on_preset_loaded(self, n_optimizers: int) -> None:
        # a preset that races optimizers draws the loss curves up to the playhead
        if self.action_loss_to_playhead.isChecked() != (n_optimizers > 1):
            self.action_loss_to_playhead.trigger()

    @guarded
    def _on_note_changed(self, shown: bool) -> None:
        self.canvas.set_note_room(not shown)   # one note above the map at a time

    @guarded
    def _on_language(self, choice: str) -> None:
        self.language_requested.emit(choice)

    @guarded
    def _on_surface_shown(self, visible: bool) -> None:
        first = visible and not self.surface_view.made
        self.surface_view.set_active(visible)
        if first and not self.surface_dock.isFloating():   # half the canvas's room
            self.resizeDocks([self.surface_dock], [int(self.width() * SURFACE_SHARE)],
                             Qt.Orientation.Horizontal)

    @guarded
    def _on_reset_view(self, *_) -> None:
        self.run_controller.reset_view()

    # -- panel and cursor -----------------------------------------------------------------------
    @guarded
    def _on_panel_message(self, message: str) -> None:
        if message:
            self.statusBar().showMessage(message, 2 * MESSAGE_MS)
        else:
            self.statusBar().clearMessage()

    @guarded
    def _on_cursor_moved(self, x: float, y: float) -> None:
        function = self.document.function
        f = float(function.value(np.array([x, y])))
        a, b = function.param_names   # p1, p2 for a model on data
        self.cursor_label.setText(f"{a} = {x:.5g}  {b} = {y:.5g}  "
                                  f"f({a}, {b}) = {format_number(f)}")

    # -- help -----------------------------------------------------------------------------------
    @guarded
    def _on_show_shortcuts(self, *_) -> None:
        self.shortcuts_dialog = show_shortcuts(self)

    @guarded
    def _on_show_guide(self, anchor: str | None = None) -> None:
        """Open the guide (one, non-modal) at the section with ``anchor``."""
        if self.guide is None:
            self.guide = GuideDialog(self)
        self.guide.open_at(anchor if isinstance(anchor, str) else None)

    @guarded
    def _on_about(self, *_) -> None:
        show_about(self, APP_NAME)

    # -- settings and closing -------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._layout_pending:
            self._layout_pending = False
            default_dock_sizes(self, self.panel_dock, self.loss_dock, self.results_dock)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop everything, in this order: playback and timers; an animation export; the
        session and the layout kept for the next launch; then the basin map, the search, the
        comparison and the runs, each stopped where it is and its thread ended."""
        self.playback.pause()
        self.memory.stop()
        self.exports.shutdown()
        self.sessions.shutdown()
        try:
            save_layout(self, self._settings, self.action_mechanics, self.playback,
                        self.action_loss_to_playhead)
        except Exception:
            log.exception("could not save the window layout")
        self.basins.shutdown()
        self.search.shutdown()
        self.compare.shutdown()
        self.check.shutdown()
        self.run_controller.shutdown()
        release_plots(self)
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
    from .window_host import WindowHost  # it builds MainWindows

    host = WindowHost(QSettings(), session=session)

    def excepthook(kind, value, tb):   # last resort: an unguarded slot
        log.error("uncaught exception", exc_info=(kind, value, tb))
        host.window.report_error(f"{kind.__name__}: {value}")

    sys.excepthook = excepthook
    code = app.exec()
    sys.excepthook = sys.__excepthook__
    host.close()
    return code
