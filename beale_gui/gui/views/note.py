"""A short note above the canvas: what the preset on show demonstrates, in plain words.

The sessions controller shows a preset's title and description here when it opens one, and
clears it once the user changes something (the note would no longer describe what is shown);
the × hides it at once.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

BACKGROUND = "#FFF8E1"
BORDER = "#E0C97A"
translate = QCoreApplication.translate


class NoteBar(QFrame):
    """A title in bold and a description, wrapped, with a close button; hidden when empty.

    ``changed(shown)`` follows each note shown or cleared."""

    changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("note_bar")
        self.setStyleSheet(f"#note_bar {{ background: {BACKGROUND}; "
                           f"border-bottom: 1px solid {BORDER}; }}")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("\u00d7")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(translate("NoteBar", "Hide this note"))
        self.close_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.title, self.text = "", ""
        self.hide()

    def show_note(self, title: str, text: str) -> None:
        """Show ``title`` and ``text`` (plain text); both empty hides the note."""
        self.title, self.text = title, text
        if not (title or text):
            self.hide()
            self.changed.emit(False)
            return
        head = f"<b>{html.escape(title)}.</b> " if title else ""
        self.label.setText(head + html.escape(text))
        self.show()
        self.changed.emit(True)

    def clear(self) -> None:
        self.show_note("", "")
