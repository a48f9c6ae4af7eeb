"""One searched hyperparameter of the Search dock's form: :class:`AxisRow`.

Its name, low and high ends and scale (linear or log), validated together as the core would
(``Axis.check``); :func:`default_range` proposes a first range when the name changes.
:func:`field_row` lays out a row of widgets the way the whole form does.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.engine import OptimizerConfig
from ...core.i18n import QT_TRANSLATE_NOOP
from ...core.optimizers import OptimizerSpec
from ...core.params import Param, parse_number
from ...core.search import Axis
from .fields import CheckedLineEdit, number_text, param_title
from .form_labels import MessageLabel

translate = QCoreApplication.translate

SCALE_TITLES = {"linear": QT_TRANSLATE_NOOP("SearchAxis", "linear"),
                "log": QT_TRANSLATE_NOOP("SearchAxis", "log")}


def default_range(param: Param) -> tuple[float, float, str]:
    """A first range worth searching: lr 1e-4..1e-1 (log), decays and momenta 0.5..0.99."""
    if param.name == "lr":
        return min(1e-4, param.default / 100), max(1e-1, param.default * 10), "log"
    if param.integer and param.high - param.low <= 1:     # a flag: both values
        return param.low, param.high, "linear"
    if param.low == 0.0 and param.high == 1.0:
        return 0.5, 0.99, "linear"
    if param.log and param.default > 0:
        return param.default / 100, min(param.default * 100, param.high), "log"
    if param.default > param.low:
        return param.low, min(2 * param.default, param.high), "linear"
    return param.low, min(param.low + 1.0, param.high), "linear"


def field_row(*widgets, stretch_last: bool = False) -> QWidget:
    """Widgets side by side, top-aligned; a string becomes a label level with the fields' text."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    for w in widgets:
        if isinstance(w, str):   # a label level with the fields' text, above any message
            w = QLabel(w)
            w.setFixedHeight(QLineEdit().sizeHint().height())
        row.addWidget(w, 0, Qt.AlignmentFlag.AlignTop)
    if not stretch_last:
        row.addStretch(1)
    return box


class AxisRow(QWidget):
    """One searched hyperparameter: name, low, high and scale, validated together."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec: OptimizerSpec | None = None
        self.name_combo = QComboBox(self)
        self.name_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.name_combo.setMinimumContentsLength(9)
        self.low = CheckedLineEdit(self._end_problem, self,
                                   tooltip=translate("SearchAxis", "lowest value searched"))
        self.high = CheckedLineEdit(self._end_problem, self,
                                    tooltip=translate("SearchAxis", "highest value searched"))
        self.scale_combo = QComboBox(self)
        for scale, title in SCALE_TITLES.items():
            self.scale_combo.addItem(translate("SearchAxis", title), scale)
        self.scale_combo.setToolTip(translate(
            "SearchAxis", "Sample uniformly in this scale: log spreads the samples evenly over "
            "the decades (learning rates)"))
        for edit in (self.low, self.high):
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0.00001") + 16)
            edit.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            edit.edited.connect(self._on_edited)
        self.name_combo.currentIndexChanged.connect(self._on_name_changed)
        self.scale_combo.currentIndexChanged.connect(self._on_edited)
        self.message = MessageLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(field_row(self.name_combo, self.low, translate("SearchAxis", "to"),
                                   self.high, self.scale_combo))
        layout.addWidget(self.message)

    # -- public ---------------------------------------------------------------------------
    def set_optimizer(self, spec: OptimizerSpec, name: str | None) -> None:
        """Offer ``spec``'s hyperparameters and select ``name`` (or the first) with its
        default range."""
        self._spec = spec
        self.name_combo.blockSignals(True)
        self.name_combo.clear()
        for p in spec.params:
            self.name_combo.addItem(param_title(p.name), p.name)
            self.name_combo.setItemData(self.name_combo.count() - 1,
                                        translate("Params", p.help) if p.help else "",
                                        Qt.ItemDataRole.ToolTipRole)
        index = self.name_combo.findData(name) if name else 0
        self.name_combo.setCurrentIndex(max(index, 0))
        self.name_combo.blockSignals(False)
        self._on_name_changed()

    def names(self) -> list[str]:
        return [self.name_combo.itemData(i) for i in range(self.name_combo.count())]

    def name(self) -> str:
        return self.name_combo.currentData() or ""

    def param(self) -> Param | None:
        if self._spec is None:
            return None
        return next((p for p in self._spec.params if p.name == self.name()), None)

    def set_range(self, low: float, high: float, scale: str) -> None:
        """Show a range (programmatic: ``changed`` is not emitted)."""
        self.scale_combo.blockSignals(True)
        self.scale_combo.setCurrentIndex(self.scale_combo.findData(scale))
        self.scale_combo.blockSignals(False)
        self.low.set_text(number_text(low))
        self.high.set_text(number_text(high))

    def axis(self) -> Axis:
        """The row as an :class:`Axis` (ValueError when a field does not parse)."""
        return Axis(self.name(), parse_number(self.low.text(), f"{self.name()} low"),
                    parse_number(self.high.text(), f"{self.name()} high"),
                    self.scale_combo.currentData())

    def validate(self, base: OptimizerConfig | None) -> str:
        """Check both ends and the range as the core does; mark what is wrong and return the
        message ("" when the row is good)."""
        if self.param() is None:   # no optimizer to search yet
            return ""
        self.low.recheck()
        self.high.recheck()
        problem = self.low.problem() or self.high.problem()
        if not problem and base is not None and self.isEnabled():
            axis = self.axis()
            try:
                axis.check(base)
            except ValueError as error:
                problem = str(error)
                bad_low = axis.scale == "log" and axis.low <= 0
                (self.low if bad_low else self.high).set_problem(problem)
        if not self.isEnabled():
            problem = ""
            for edit in (self.low, self.high):
                edit.set_problem("")
        self.message.show_message(problem)
        return problem

    # -- internals --------------------------------------------------------------------------
    def _end_problem(self, text: str) -> str | None:
        param = self.param()
        if param is None:
            return None
        return param.problem(parse_number(text, param.name))

    def _on_name_changed(self, *_) -> None:
        param = self.param()
        if param is not None:
            self.set_range(*default_range(param))
        self.changed.emit()

    def _on_edited(self, *_) -> None:
        self.changed.emit()
