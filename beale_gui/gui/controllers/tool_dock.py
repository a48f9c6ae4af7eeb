"""What the Search and Compare docks' controllers share: a dock with a View toggle and a Tools
entry, whose panel runs in the background, and a pick loaded into the parameter panel.

:class:`ToolDock` puts a panel (a :class:`~..forms.task_panel.TaskPanel`) in a dock tabbed
with another, adds its toggle to the View menu and an entry to the Tools menu, shows it tall
enough for its plot, and loads picked hyperparameters into the document as one edit (one undo
entry), replaying the runs from step 0 once they are drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from ...document import Document, with_hparams
from ..guarded import guarded


class ToolDock(QObject):
    """A tool's dock in the main window; a subclass names it (:data:`NAME`, :data:`KEYS`,
    :meth:`_texts`), makes its panel (:meth:`_make_panel`) and handles the panel's
    ``picked(entry_index, hparams)`` (``_on_picked``).

    Parameters
    ----------
    window : MainWindow
        The shell: its docks, status bar and ``runs_ready``.
    document : Document
        Where a pick is loaded.
    parameter_panel : ParameterPanel
        Unfolds the picked optimizer's box.
    playback : Playback
        Replays a pick from step 0.
    tab_with : QDockWidget
        The dock it is tabbed with (which stays in front).
    view_menu, view_before
        The dock's toggle goes into ``view_menu`` above ``view_before``.
    tools_menu
        Gets the entry that shows the dock (``self.action``).
    """

    NAME = ""   # the dock's key in the saved layout
    KEYS = ""   # the Tools entry's shortcut

    def __init__(self, window, document: Document, parameter_panel, playback,
                 tab_with: QDockWidget, view_menu: QMenu, view_before: QAction,
                 tools_menu: QMenu) -> None:
        super().__init__(window)
        self._window, self._document = window, document
        self._parameters, self._playback = parameter_panel, playback
        self._replay = False
        self.panel = self._make_panel(document, window)
        title, toggle_text, action_text, tip = self._texts()
        self.dock = window.add_dock(title, self.NAME, self.panel, tab_with=tab_with)
        toggle = self.dock.toggleViewAction()
        toggle.setText(toggle_text)
        view_menu.insertAction(view_before, toggle)
        self.action = QAction(action_text, window)
        self.action.setShortcut(QKeySequence(self.KEYS))
        self.action.setToolTip(tip)
        self.action.triggered.connect(self._on_show)
        tools_menu.addAction(self.action)
        self.panel.picked.connect(self._on_picked)
        window.runs_ready.connect(self._on_runs_ready)

    def _make_panel(self, document: Document, window):
        raise NotImplementedError

    def _texts(self) -> tuple[str, str, str, str]:
        """(the dock's title, its View toggle, its Tools entry, the entry's tooltip)."""
        raise NotImplementedError

    def _on_picked(self, entry_index: int, hparams: dict) -> None:
        raise NotImplementedError

    def shutdown(self) -> None:
        """Stop the panel's task and its thread (the window is closing)."""
        self.panel.shutdown()

    def report_error(self, message: str) -> None:
        self._window.report_error(message)

    def show(self, share: float = 0.45) -> None:
        """Show the dock in front, at least ``share`` of the window's height (room for the
        plot)."""
        dock, window = self.dock, self._window
        dock.show()
        dock.raise_()
        height = int(window.height() * share)
        if not dock.isFloating() and dock.height() < height:
            window.resizeDocks([dock], [height], Qt.Orientation.Vertical)
        self.panel.form.refresh()
        self.panel.run_button.setFocus()

    def _load(self, entry_index: int, hparams: dict) -> None:
        """Switch entry ``entry_index`` on with ``hparams`` (one edit) and replay the runs
        from step 0 once they are drawn."""
        document = self._document
        entry = document.entries[entry_index]
        picked = with_hparams(entry, hparams, enabled=True)   # on: the user asked to watch it
        if picked == entry:
            self._restart_playback()
        else:
            self._replay = True
            document.set_entry(entry_index, picked)     # the runs follow the document
        self._parameters.expand(entry_index)

    @guarded
    def _on_show(self, *_) -> None:
        self.show()

    @guarded
    def _on_runs_ready(self) -> None:
        self.panel.form.refresh()
        if self._replay:
            self._replay = False
            self._restart_playback()

    def _restart_playback(self) -> None:
        self._playback.set_step(0)
        self._playback.play()
