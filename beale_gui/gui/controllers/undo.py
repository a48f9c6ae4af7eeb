"""Edit > Undo and Redo: the document's history (``document/history.py``) in the window.

:class:`UndoActions` puts the two entries into the Edit menu, names in each what it would undo
or redo ("Undo Add start point"), and enables each only when there is something to do. Ctrl+Z
and Ctrl+Shift+Z or Ctrl+Y are window shortcuts; a focused text
field claims them first (Qt's ShortcutOverride), so they undo its typing there, not the document.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ...document import History
from ..guarded import guarded
from .menu_actions import menu_action

translate = QCoreApplication.translate


class UndoActions(QObject):
    """The Edit menu's Undo and Redo for ``history``, added to ``menu`` of ``window``."""

    def __init__(self, window: QMainWindow, history: History, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.history = history
        # the keys every platform's Undo and Redo include (the full lists add others, such as
        # Alt+Backspace, that some platforms have and the shortcuts list would not name)
        self.action_undo = menu_action(
            window, translate("UndoActions", "&Undo"), self._on_undo, "Ctrl+Z",
            translate("UndoActions", "Take back the last change"))
        self.action_redo = menu_action(
            window, translate("UndoActions", "&Redo"), self._on_redo, "Ctrl+Shift+Z",
            translate("UndoActions", "Make the change taken back again"))
        self.action_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        menu.addAction(self.action_undo)
        menu.addAction(self.action_redo)
        history.events.changed.connect(self._on_history_changed)
        self._on_history_changed()

    @guarded
    def _on_undo(self, *_) -> None:
        self.history.undo()

    @guarded
    def _on_redo(self, *_) -> None:
        self.history.redo()

    @guarded
    def _on_history_changed(self) -> None:
        undo, redo = self.history.undo_name(), self.history.redo_name()
        self.action_undo.setEnabled(bool(undo))
        self.action_redo.setEnabled(bool(redo))
        self.action_undo.setText(translate("UndoActions", "&Undo {0}").format(undo) if undo
                                 else translate("UndoActions", "&Undo"))
        self.action_redo.setText(translate("UndoActions", "&Redo {0}").format(redo) if redo
                                 else translate("UndoActions", "&Redo"))

    def report_error(self, message: str) -> None:
        self.window.report_error(message)
