"""Tools > Check against a reference…: the window's entry to :mod:`..dialogs.check_dialog`.

:class:`CheckController` adds the action to the Tools menu, opens one dialog (not modal, made
when first asked for, kept and raised after that), keeps its lists of optimizers in step with
the document, and stops its thread when the window closes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ...document import Document
from ..dialogs.check_dialog import CheckDialog
from ..guarded import guarded

translate = QCoreApplication.translate


class CheckController(QObject):
    """The Tools entry and its dialog (``self.dialog``, None until first opened)."""

    def __init__(self, window, document: Document, tools_menu: QMenu) -> None:
        super().__init__(window)
        self._window, self._document = window, document
        self.dialog: CheckDialog | None = None
        self.action = QAction(translate("CheckController", "C&heck against a reference\u2026"),
                              window)
        self.action.setToolTip(translate(
            "CheckController", "Run one of the panel's optimizers and a reference from the "
            "same starts and say whether their paths agree"))
        self.action.triggered.connect(self._on_action)
        tools_menu.addAction(self.action)
        document.events.changed.connect(self._on_document_changed)

    def open(self) -> CheckDialog:
        """The dialog, shown and raised."""
        if self.dialog is None:
            self.dialog = CheckDialog(self._document, self._window)
        self.dialog.set_entries()
        if self.dialog.isVisible():
            self.dialog.raise_()         # behind the window: bring it forward
            self.dialog.activateWindow()
        else:
            self.dialog.show()
        return self.dialog

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.shutdown()

    def report_error(self, message: str) -> None:
        self._window.report_error(message)

    @guarded
    def _on_action(self, *_) -> None:
        self.open()

    @guarded
    def _on_document_changed(self, parts: frozenset[str]) -> None:
        if self.dialog is not None and "optimizers" in parts:
            self.dialog.set_entries()
