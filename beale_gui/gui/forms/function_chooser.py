"""The function chooser of the parameter panel: the registry's functions, "Model on data…"
(which asks for the model dialog and keeps the function shown), and "Custom…", an expression
typed with its view bounds and known minima, each field validated as it is typed. A function
that is not in the registry (a model, a session's) is listed by its title once shown."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGridLayout, QLabel, QVBoxLayout, QWidget

from ...core.functions import (
    DEFAULT_BOUNDS,
    FUNCTION_NAMES,
    FUNCTIONS,
    TestFunction,
    parse_expression,
    validate_expression,
)
from ...core.i18n import QT_TRANSLATE_NOOP
from ...core.session import point_problem, span_problem
from .fields import CheckedLineEdit, format_points, number_text, optional_number, parse_points
from .form_labels import FieldWithMessage, HintLabel, MessageLabel, compact_form

translate = QCoreApplication.translate

CUSTOM = "custom"
CUSTOM_TITLE = QT_TRANSLATE_NOOP("FunctionChooser", "Custom\u2026")
MODEL = "model"
MODEL_TITLE = QT_TRANSLATE_NOOP("FunctionChooser", "Model on data\u2026")
BOUND_NAMES = ("x min", "x max", "y min", "y max")


def _check_minima(text: str) -> str | None:
    """Why the known-minima text is refused (each x, y pair within the divergence bound)."""
    for point in parse_points(text, translate("FunctionChooser", "minima")):
        problem = point_problem(point)
        if problem:
            return translate("FunctionChooser", "Invalid minima: {0}").format(problem)
    return None


def _check_expression(text: str) -> str | None:
    return validate_expression(text) if text.strip() else None  # blank: a hint, not an error


class FunctionChooser(QWidget):
    """The registry's functions and "Custom…": an expression, view bounds and known minima."""

    changed = Signal()
    model_requested = Signal()   # "Model on data…" was chosen: the window opens its dialog

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._extra: dict[str, TestFunction] = {}  # loaded functions not in the registry
        self._cache: dict[tuple, TestFunction] = {}
        self.combo = QComboBox(self)
        for key, function in FUNCTIONS.items():
            self.combo.addItem(function.title, key)
            self.combo.setItemData(self.combo.count() - 1, function.formula,
                                   Qt.ItemDataRole.ToolTipRole)
        self.combo.addItem(translate("FunctionChooser", MODEL_TITLE), MODEL)
        self.combo.setItemData(self.combo.count() - 1,
                               translate("FunctionChooser", "Fit a linear, logistic or tanh "
                                                            "model to data: the loss over its "
                                                            "parameters p1, p2"),
                               Qt.ItemDataRole.ToolTipRole)
        self.combo.addItem(translate("FunctionChooser", CUSTOM_TITLE), CUSTOM)
        self.combo.setItemData(self.combo.count() - 1,
                               translate("FunctionChooser", "Type your own f(x, y)"),
                               Qt.ItemDataRole.ToolTipRole)
        self._shown_index = 0       # the entry shown before "Model on data…" was chosen
        self.combo.currentIndexChanged.connect(self._on_combo_changed)
        self.custom = QWidget(self)
        form = compact_form(QFormLayout(self.custom))
        form.setContentsMargins(0, 4, 0, 0)
        self.expression = CheckedLineEdit(
            _check_expression, placeholder=translate("FunctionChooser", "e.g. x**2 + 10*sin(y)"),
            tooltip=translate("FunctionChooser", "f(x, y) with + - * / **, pi, e and {0}")
            .format(", ".join(FUNCTION_NAMES)))
        form.addRow("f(x, y)", FieldWithMessage(self.expression))
        self.bounds = [CheckedLineEdit(partial(self._check_bound, name),
                                       placeholder=number_text(DEFAULT_BOUNDS[i // 2][i % 2]),
                                       tooltip=translate(
                                           "FunctionChooser",
                                           "{0} of the view (blank: the placeholder)")
                                       .format(name))
                       for i, name in enumerate(BOUND_NAMES)]
        form.addRow(translate("FunctionChooser", "view"), self._bounds_grid())
        self.minima = CheckedLineEdit(
            _check_minima, placeholder=translate("FunctionChooser", "e.g. 3, 0.5; -1, 2"),
            tooltip=translate("FunctionChooser",
                              "known minima to mark, as x, y pairs split by ';'"))
        form.addRow(translate("FunctionChooser", "minima"), FieldWithMessage(self.minima))
        self.hint = HintLabel(translate("FunctionChooser", "Type f(x, y) to use it. Blank view "
                                        "fields take the grey defaults."))
        form.addRow(self.hint)
        for edit in (self.expression, *self.bounds, self.minima):
            edit.edited.connect(self._on_edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.custom)
        self._on_combo_changed()

    def _bounds_grid(self) -> QWidget:
        box = QWidget(self.custom)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        for row, axis in enumerate("xy"):
            grid.addWidget(QLabel(axis), row, 0)
            grid.addWidget(self.bounds[2 * row], row, 1)
            grid.addWidget(QLabel(translate("FunctionChooser", "to")), row, 2)
            grid.addWidget(self.bounds[2 * row + 1], row, 3)
        self.bounds_message = MessageLabel(box)
        grid.addWidget(self.bounds_message, 2, 0, 1, 4)
        return box

    @staticmethod
    def _check_bound(name: str, text: str) -> None:
        optional_number(text, name)

    def is_custom(self) -> bool:
        return self.combo.currentData() == CUSTOM

    def awaits_expression(self) -> bool:
        """"Custom…" is chosen and nothing is typed yet: nothing to apply, nothing wrong (the
        hint under the field says what to do)."""
        return self.is_custom() and not self.expression.text().strip()

    def problem(self) -> str:
        if not self.is_custom():
            return ""
        if not self.expression.text().strip():
            return translate("FunctionChooser",
                             "Type an expression f(x, y) for the custom function")
        edits = (self.expression, *self.bounds, self.minima)
        return next((e.problem() for e in edits if e.problem()), "")

    def function(self) -> tuple[TestFunction, str | None]:
        """The chosen function and its expression (None for a registry function).

        Raises ValueError (ExpressionError included) naming the problem.
        """
        key = self.combo.currentData()
        if key != CUSTOM:
            return (FUNCTIONS.get(key) or self._extra[key]), None
        problem = self.problem()
        if problem:
            raise ValueError(problem)
        text = self.expression.text().strip()
        values = [optional_number(e.text(), "bound") for e in self.bounds]
        flat = [DEFAULT_BOUNDS[i // 2][i % 2] if v is None else v for i, v in enumerate(values)]
        bounds = ((flat[0], flat[1]), (flat[2], flat[3]))
        minima = tuple(parse_points(self.minima.text()))
        key = (text, bounds, minima)
        if key not in self._cache:  # the same text gives the same function object
            self._cache = {key: parse_expression(text, bounds=bounds, minima=minima or None)}
        return self._cache[key], text

    def set_function(self, function: TestFunction, expression: str | None) -> None:
        """Show ``function`` (programmatic: ``changed`` is not emitted)."""
        self.combo.blockSignals(True)
        if expression is not None:
            self.expression.set_text(expression)
            self._update_hint()
            for i, edit in enumerate(self.bounds):
                edit.set_text(number_text(float(function.bounds[i // 2][i % 2])))
            self.minima.set_text(format_points(function.minima))
            self._check_bounds_order()
            key = CUSTOM
        elif function.name in FUNCTIONS:
            key = function.name
        else:
            key = f"loaded:{function.name}"
            if key not in self._extra:
                self.combo.insertItem(self.combo.findData(MODEL), function.title, key)
            else:   # another model of the same kind (other data): its own title
                self.combo.setItemText(self.combo.findData(key), function.title)
            self._extra[key] = function
        self.combo.setCurrentIndex(self.combo.findData(key))
        self.combo.blockSignals(False)
        self._on_combo_changed(emit=False)

    def _on_combo_changed(self, _index: int = 0, emit: bool = True) -> None:
        if self.combo.currentData() == MODEL:    # an action, not a function: back to the
            self.combo.blockSignals(True)          # one shown, and the dialog decides
            self.combo.setCurrentIndex(self._shown_index)
            self.combo.blockSignals(False)
            self.model_requested.emit()
            return
        self._shown_index = self.combo.currentIndex()
        self.custom.setVisible(self.is_custom())
        self.combo.setToolTip(self.combo.currentData(Qt.ItemDataRole.ToolTipRole) or "")
        self._update_hint()
        if emit:
            self.changed.emit()

    def _on_edited(self) -> None:
        self._check_bounds_order()
        self._update_hint()
        self.changed.emit()

    def _check_bounds_order(self) -> None:
        for edit in self.bounds:
            edit.recheck()
        for axis, (lo, hi) in zip("xy", (self.bounds[:2], self.bounds[2:]), strict=True):
            if lo.is_valid() and hi.is_valid():
                values = [optional_number(e.text(), "") for e in (lo, hi)]
                low, high = (DEFAULT_BOUNDS["xy".index(axis)][i] if v is None else v
                             for i, v in enumerate(values))
                problem = span_problem(axis, low, high)
                if problem:
                    hi.set_problem(translate("FunctionChooser", "Invalid view: {0}")
                                   .format(problem))
        self.bounds_message.show_message(next((e.problem() for e in self.bounds
                                               if e.problem()), ""))

    def _update_hint(self) -> None:
        self.hint.setVisible(not self.expression.text().strip())
