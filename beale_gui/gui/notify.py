"""Messages from a window's controllers: a line in the status bar, or a warning box as well."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

MESSAGE_MS = 8000


class WindowMessages:
    """Mixin for a controller of ``self.window`` (a :class:`QMainWindow`): ``_status`` shows a
    line in its status bar, ``_warn`` also opens one non-blocking message box, reused, whose
    text ``last_message`` reads back (for tests). Warnings are logged under the controller's
    own module."""

    window: QMainWindow
    _box: QMessageBox | None = None

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, MESSAGE_MS)

    def _warn(self, title: str, message: str) -> None:
        """Say why in the status bar and in a (non-blocking) message box."""
        logging.getLogger(type(self).__module__).warning("%s", message)
        self.window.statusBar().showMessage(message, 2 * MESSAGE_MS)
        if self._box is None:
            self._box = QMessageBox(QMessageBox.Icon.Warning, title, message,
                                    QMessageBox.StandardButton.Ok, self.window)
            self._box.setWindowModality(Qt.WindowModality.NonModal)
        self._box.setWindowTitle(title)
        self._box.setText(message)
        self._box.show()

    @property
    def last_message(self) -> str:
        """The last warning's text (for tests)."""
        return self._box.text() if self._box is not None else ""
