"""A dock's form that scrolls: :class:`ScrolledForm`, the base of the Search and Compare forms.

Its rows are laid out as every form here (:func:`~.form_labels.compact_form`) on a content
widget that scrolls vertically; :meth:`ScrolledForm._field` makes a number field that
revalidates the form on every edit (``_on_edited``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QScrollArea, QSizePolicy, QWidget

from ...core.params import Param
from ...document import Document
from .fields import ParamField
from .form_labels import FieldWithMessage, compact_form


class ScrolledForm(QScrollArea):
    """A form on ``self.content`` (``self.form``, a :class:`QFormLayout`), scrolled
    vertically; a subclass adds its rows, then calls :meth:`_finish`.

    Parameters
    ----------
    document : Document
        What the form's job is made from.

    Signals
    -------
    changed(str)
        After every edit: the first problem, or "" when the job may run.
    """

    changed = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content = QWidget(self)
        self.form = compact_form(QFormLayout(self.content), spacing=5)

    def _finish(self) -> None:
        """Scroll the content, never narrower than its rows."""
        self.setWidget(self.content)
        self.setMinimumWidth(self.content.minimumSizeHint().width()
                             + self.verticalScrollBar().sizeHint().width())
        self.setMinimumHeight(80)

    def _field(self, param: Param, parent: QWidget) -> ParamField:
        field = ParamField(param, parent)
        field.setMinimumWidth(field.fontMetrics().horizontalAdvance("0.0001") + 30)
        field.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        field.edited.connect(self._on_edited)
        return field

    @staticmethod
    def _wrap(field: ParamField) -> FieldWithMessage:
        return FieldWithMessage(field)

    def report_error(self, message: str) -> None:
        self.changed.emit(message)

    def _on_edited(self, *_) -> None:
        raise NotImplementedError
