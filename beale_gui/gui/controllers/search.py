"""The Search dock in the main window: building it, its menu entries, and loading a pick.

:class:`SearchController` puts :class:`~..forms.search_panel.SearchPanel` in a dock, gives it a
toggle in the View menu and Tools > Search\u2026 (Ctrl+F), and turns the panel's
``picked(entry_index, hparams)`` into ``document.set_entry`` and a replay on the canvas from
step 0.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from ...document import Document, with_hparams
from ..forms.search_panel import SearchPanel
from ..guarded import guarded

translate = QCoreApplication.translate


class SearchController(QObject):
    """The Search dock in the main window: its toggle in the View menu, Tools > Search…
    (Ctrl+F), loading a pick into the parameter panel and replaying it.

    Parameters
    ----------
    window : MainWindow
        The shell: its docks, status bar and ``runs_ready``.
    document : Document
        What is searched, and where a pick is loaded.
    parameter_panel : ParameterPanel
        Unfolds the picked optimizer's box.
    playback : Playback
        Replays a pick from step 0.
    tab_with : QDockWidget
        The dock the Search dock is tabbed with (it stays in front).
    view_menu, view_before
        The dock's toggle goes into ``view_menu`` above ``view_before``.
    tools_menu
        Gets Search hyperparameters….
    """

    def __init__(self, window, document: Document, parameter_panel, playback,
                 tab_with: QDockWidget, view_menu: QMenu, view_before: QAction,
                 tools_menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._parameters = parameter_panel
        self._playback = playback
        self._replay = False
        self.panel = SearchPanel(document, window)
        self.dock = window.add_dock(translate("SearchController", "Search"), "search_dock",
                                    self.panel, tab_with=tab_with)
        toggle = self.dock.toggleViewAction()
        toggle.setText(translate("SearchController", "&Search"))
        view_menu.insertAction(view_before, toggle)
        self.action = QAction(translate("SearchController", "&Search hyperparameters\u2026"),
                              window)
        self.action.setShortcut(QKeySequence("Ctrl+F"))
        self.action.setToolTip(translate("SearchController",
                                         "Grid, random or coarse-to-fine search of one or two "
                                         "hyperparameters"))
        self.action.triggered.connect(self._on_show)
        tools_menu.addAction(self.action)
        self.panel.picked.connect(self._on_picked)
        window.runs_ready.connect(self._on_runs_ready)

    def shutdown(self) -> None:
        """Stop any search and its thread (the window is closing)."""
        self.panel.shutdown()

    def report_error(self, message: str) -> None:
        self._window.report_error(message)

    @guarded
    def _on_show(self, *_) -> None:
        dock, window = self.dock, self._window
        dock.show()
        dock.raise_()
        height = int(window.height() * 0.45)   # room for the heatmap
        if not dock.isFloating() and dock.height() < height:
            window.resizeDocks([dock], [height], Qt.Orientation.Vertical)
        self.panel.form.refresh()
        self.panel.run_button.setFocus()

    @guarded
    def _on_picked(self, entry_index: int, hparams: dict) -> None:
        document = self._document
        entry = document.entries[entry_index]
        unchanged = entry.enabled and all(
            entry.config.hparams.get(k) == v for k, v in hparams.items())
        values = ", ".join(f"{k}={v:.6g}" for k, v in hparams.items())
        job = self.panel.outcome.job if self.panel.outcome else None
        if job is not None and job.max_steps != document.max_steps:
            message = translate("SearchController", "{0}: {1} \u2014 replaying from step 0 (the "
                                "search ran {2} steps; the canvas runs {3})")
        else:
            message = translate("SearchController", "{0}: {1} \u2014 replaying from step 0")
        self._window.statusBar().showMessage(
            message.format(entry.config.spec.title, values,
                           job.max_steps if job is not None else "", document.max_steps), 10_000)
        if unchanged:
            self._restart_playback()
            return
        picked = with_hparams(entry, hparams, enabled=True)   # on: the user asked to watch it
        self._replay = True
        document.set_entry(entry_index, picked)     # the runs follow the document
        self._parameters.expand(entry_index)

    @guarded
    def _on_runs_ready(self) -> None:
        self.panel.form.refresh()
        if self._replay:
            self._replay = False
            self._restart_playback()

    def _restart_playback(self) -> None:
        self._playback.set_step(0)
        self._playback.play()
