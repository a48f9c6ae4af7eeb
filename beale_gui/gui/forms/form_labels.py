"""The labels around the fields of a form: messages, hints, one-line titles, and the form's layout.

:class:`MessageLabel` is a field's red problem message, :class:`FieldWithMessage` puts it under
the field, :class:`HintLabel` is grey explanatory text, :class:`ElidedLabel` a one-line label
that ends in an ellipsis; :func:`compact_form` sets a :class:`QFormLayout` the way every form
here is laid out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFormLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

MESSAGE_COLOUR = "#c62828"


def compact_form(layout: QFormLayout, spacing: int = 4,
                 margins: tuple[int, int, int, int] = (6, 6, 6, 6)) -> QFormLayout:
    """``layout`` with labels right-aligned beside fields that take the width; returned."""
    layout.setContentsMargins(*margins)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    layout.setVerticalSpacing(spacing)
    return layout


class MessageLabel(QLabel):
    """A small red, word-wrapped message; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"color: {MESSAGE_COLOUR};")
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class FieldWithMessage(QWidget):
    """A field with its message (and optionally a grey hint) underneath, for a form row."""

    def __init__(self, field: QWidget, parent: QWidget | None = None, *,
                 hint: QLabel | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.message = MessageLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(field)
        layout.addWidget(self.message)
        if hint is not None:
            layout.addWidget(hint)
        field.problem_changed.connect(self.message.show_message)
        self.message.show_message(field.problem())


class HintLabel(QLabel):
    """Grey, smaller explanatory text."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)


class ElidedLabel(QLabel):
    """A one-line label that ends in an ellipsis when it does not fit; full text as tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight,
                                        max(self.width(), 10)))
