"""The parameter panel: the function, the optimizers and the run settings.

Every field is validated as it is typed (see :mod:`.fields`); a bad value is marked with its
message and nothing is applied. Edits restart a short single-shot timer; when it fires and
everything is valid the panel emits ``state_changed(PanelState)``. The panel parses numbers and
asks the core registries whether values are valid; it computes nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.engine import MAX_STEPS_PARAM, SEED_PARAM, TOL_PARAM, OptimizerConfig
from ..core.functions import (
    DEFAULT_BOUNDS,
    FUNCTION_NAMES,
    FUNCTIONS,
    TestFunction,
    parse_expression,
    validate_expression,
)
from ..core.optimizers import OPTIMIZERS
from ..core.session import point_problem, span_problem
from .fields import (
    CheckedLineEdit,
    FieldWithMessage,
    HintLabel,
    MessageLabel,
    ParamField,
    compact_form,
    format_number,
    format_points,
    optional_number,
    parse_points,
)
from .model import PALETTE, OptimizerEntry, PanelState, default_state
from .optimizer_box import OptimizerBox

DEBOUNCE_MS = 200
CUSTOM = "custom"
CUSTOM_TITLE = "Custom\u2026"
MAX_STEPS, TOLERANCE, SEED = MAX_STEPS_PARAM, TOL_PARAM, SEED_PARAM


def _check_minima(text: str) -> str | None:
    """Why the known-minima text is refused (each x, y pair within the divergence bound)."""
    for point in parse_points(text):
        problem = point_problem(point)
        if problem:
            return f"Invalid minima: {problem}"
    return None


def _check_expression(text: str) -> str | None:
    return validate_expression(text) if text.strip() else None  # blank: a hint, not an error


class FunctionChooser(QWidget):
    """The registry's functions and "Custom…": an expression, view bounds and known minima."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._extra: dict[str, TestFunction] = {}  # loaded functions not in the registry
        self._cache: dict[tuple, TestFunction] = {}
        self.combo = QComboBox(self)
        for key, function in FUNCTIONS.items():
            self.combo.addItem(function.title, key)
            self.combo.setItemData(self.combo.count() - 1, function.formula,
                                   Qt.ItemDataRole.ToolTipRole)
        self.combo.addItem(CUSTOM_TITLE, CUSTOM)
        self.combo.setItemData(self.combo.count() - 1, "Type your own f(x, y)",
                               Qt.ItemDataRole.ToolTipRole)
        self.combo.currentIndexChanged.connect(self._on_combo_changed)
        self.custom = QWidget(self)
        form = compact_form(QFormLayout(self.custom))
        form.setContentsMargins(0, 4, 0, 0)
        self.expression = CheckedLineEdit(
            _check_expression, placeholder="e.g. x**2 + 10*sin(y)",
            tooltip="f(x, y) with + - * / **, pi, e and " + ", ".join(FUNCTION_NAMES))
        form.addRow("f(x, y)", FieldWithMessage(self.expression))
        self.bounds = [CheckedLineEdit(partial(self._check_bound, name),
                                       placeholder=format_number(DEFAULT_BOUNDS[i // 2][i % 2]),
                                       tooltip=f"{name} of the view (blank: the placeholder)")
                       for i, name in enumerate(("x min", "x max", "y min", "y max"))]
        form.addRow("view", self._bounds_grid())
        self.minima = CheckedLineEdit(_check_minima,
                                      placeholder="e.g. 3, 0.5; -1, 2",
                                      tooltip="known minima to mark, as x, y pairs split by ';'")
        form.addRow("minima", FieldWithMessage(self.minima))
        self.hint = HintLabel("Type f(x, y) to use it. Blank view fields take the grey "
                              "defaults.")
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
            grid.addWidget(QLabel("to"), row, 2)
            grid.addWidget(self.bounds[2 * row + 1], row, 3)
        self.bounds_message = MessageLabel(box)
        grid.addWidget(self.bounds_message, 2, 0, 1, 4)
        return box

    @staticmethod
    def _check_bound(name: str, text: str) -> None:
        optional_number(text, name)

    def is_custom(self) -> bool:
        return self.combo.currentData() == CUSTOM

    def problem(self) -> str:
        if not self.is_custom():
            return ""
        if not self.expression.text().strip():
            return "Type an expression f(x, y) for the custom function"
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
                edit.set_text(format_number(float(function.bounds[i // 2][i % 2])))
            self.minima.set_text(format_points(function.minima))
            self._check_bounds_order()
            key = CUSTOM
        elif function.name in FUNCTIONS:
            key = function.name
        else:
            key = f"loaded:{function.name}"
            if key not in self._extra:
                self.combo.insertItem(self.combo.count() - 1, function.title, key)
            self._extra[key] = function
        self.combo.setCurrentIndex(self.combo.findData(key))
        self.combo.blockSignals(False)
        self._on_combo_changed(emit=False)

    def _on_combo_changed(self, _index: int = 0, emit: bool = True) -> None:
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
                    hi.set_problem(f"Invalid view: {problem}")
        self.bounds_message.show_message(next((e.problem() for e in self.bounds
                                               if e.problem()), ""))

    def _update_hint(self) -> None:
        self.hint.setVisible(not self.expression.text().strip())


class ParameterPanel(QWidget):
    """Function chooser, one collapsible box per optimizer, and max steps, tolerance, seed."""

    state_changed = Signal(object)  # a valid PanelState, debounced after edits
    message = Signal(str)           # for the status bar; "" clears

    def __init__(self, parent: QWidget | None = None, *, state: PanelState | None = None) -> None:
        super().__init__(parent)
        self.boxes: list[OptimizerBox] = []
        self._complained = False  # a "Not applied" message is showing
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._commit)
        self.scroll = QScrollArea(self)  # one scroll for all: docks are often short
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        content = QWidget(self.scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(6)
        group = QGroupBox("Function", content)
        QVBoxLayout(group).addWidget(self._function_part(group))
        layout.addWidget(group)
        layout.addLayout(self._optimizers_header())
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(4)
        self.empty_hint = HintLabel("No optimizers. Use \u201cAdd optimizer\u201d to add one.")
        self.list_layout.addWidget(self.empty_hint)
        layout.addLayout(self.list_layout)
        layout.addWidget(self._run_part())
        layout.addStretch(1)
        self.scroll.setWidget(content)
        self._last = state or default_state()
        self._load(self._last)

    # -- building -------------------------------------------------------------------------
    def _function_part(self, parent: QWidget) -> QWidget:
        self.function_chooser = FunctionChooser(parent)
        self.function_chooser.changed.connect(self._on_edited)
        return self.function_chooser

    def _optimizers_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(4, 4, 0, 0)
        row.addWidget(QLabel("<b>Optimizers</b>"))
        row.addStretch(1)
        self.add_button = QPushButton("Add optimizer", self)
        self.add_button.setToolTip("Add an optimizer with the registry's default settings")
        self.add_menu = QMenu(self.add_button)
        self.add_menu.setToolTipsVisible(True)
        for spec in OPTIMIZERS.values():
            action = self.add_menu.addAction(spec.title)
            action.setToolTip(spec.description)
            action.triggered.connect(lambda _=False, name=spec.name: self.add_optimizer(name))
        self.add_button.setMenu(self.add_menu)
        row.addWidget(self.add_button)
        return row

    def _run_part(self) -> QGroupBox:
        group = QGroupBox("Run", self)
        form = compact_form(QFormLayout(group))
        self.max_steps_field = ParamField(MAX_STEPS, group)
        self.tol_field = ParamField(TOLERANCE, group, log_floor=1e-12)
        self.seed_field = ParamField(SEED, group)
        self.tol_hint = HintLabel()
        for label, field in (("max steps", self.max_steps_field), ("tolerance", self.tol_field),
                             ("seed", self.seed_field)):
            field.edited.connect(self._on_edited)
            hint = self.tol_hint if field is self.tol_field else None
            form.addRow(label, FieldWithMessage(field, hint=hint))
        self.tol_field.edited.connect(self._update_tol_hint)
        return group

    def _update_tol_hint(self) -> None:
        off = self.tol_field.is_valid() and self.tol_field.value() == 0
        self.tol_hint.setText("0 = off: every run goes to max steps" if off else
                              "stop when |\u0394f| < tol; 0 = off")

    # -- public API -----------------------------------------------------------------------
    def state(self) -> PanelState:
        """A new PanelState from the fields, or the last valid one while anything is invalid."""
        try:
            return self._build()
        except ValueError:
            last = self._last
            return dataclasses.replace(
                last, entries=[dataclasses.replace(e) for e in last.entries])

    def set_state(self, state: PanelState) -> None:
        """Show ``state`` (a session or a preset) and emit ``state_changed`` once."""
        self._timer.stop()
        self._load(state)
        self._last = state
        self._commit()

    def set_hparams(self, entry_index: int, hparams: Mapping[str, float]) -> None:
        """Put new hyperparameters into entry ``entry_index`` and emit once (when valid)."""
        try:
            box = self.boxes[entry_index]
            box.set_hparams(hparams)
        except (IndexError, KeyError) as error:
            self.message.emit(f"Cannot set hyperparameters: {error}")
            return
        box.set_expanded(True)
        self._timer.stop()
        self._commit()

    def is_valid(self) -> bool:
        return not self.problem()

    def problem(self) -> str:
        """What is wrong, e.g. "Adam: Invalid lr: -1 is outside (0, 1e+06]", or ""."""
        try:
            self._build()
        except ValueError as error:
            return str(error)
        return ""

    def add_optimizer(self, name: str) -> OptimizerBox:
        """Append ``name`` with the registry defaults and the next unused palette colour."""
        used = {b.colour().upper() for b in self.boxes}
        colour = next((c for c in PALETTE if c.upper() not in used),
                      PALETTE[len(self.boxes) % len(PALETTE)])
        box = self._add_box(OptimizerEntry(OptimizerConfig(name), colour), expanded=True)
        QTimer.singleShot(0, box, lambda: self.scroll.ensureWidgetVisible(box))
        self._on_edited()
        return box

    def remove_optimizer(self, box: OptimizerBox) -> None:
        self.boxes.remove(box)
        self.list_layout.removeWidget(box)
        box.hide()
        box.deleteLater()
        self.empty_hint.setVisible(not self.boxes)
        self._on_edited()

    # -- internals ------------------------------------------------------------------------
    def _add_box(self, entry: OptimizerEntry, expanded: bool = False) -> OptimizerBox:
        box = OptimizerBox(entry, self.scroll.widget(), expanded=expanded)
        box.changed.connect(self._on_edited)
        box.remove_requested.connect(self.remove_optimizer)
        self.list_layout.insertWidget(len(self.boxes) + 1, box)  # after the empty hint
        self.boxes.append(box)
        self.empty_hint.setVisible(False)
        return box

    def _load(self, state: PanelState) -> None:
        self.function_chooser.set_function(state.function, state.expression)
        for box in self.boxes:
            self.list_layout.removeWidget(box)
            box.hide()
            box.deleteLater()
        self.boxes = []
        for entry in state.entries:
            self._add_box(entry)
        self.empty_hint.setVisible(not self.boxes)
        self.max_steps_field.set_value(state.max_steps)
        self.tol_field.set_value(state.tol)
        self.seed_field.set_value(state.seed)
        self._update_tol_hint()

    def _build(self) -> PanelState:
        """A new PanelState from the fields; ValueError naming the first problem."""
        problem = self.function_chooser.problem()
        for box in self.boxes:
            problem = problem or (box.problem() and f"{box.spec.title}: {box.problem()}")
        for field in (self.max_steps_field, self.tol_field, self.seed_field):
            problem = problem or field.problem()
        if problem:
            raise ValueError(problem)
        function, expression = self.function_chooser.function()
        entries = [box.entry() for box in self.boxes]
        return PanelState(function, entries, max_steps=int(self.max_steps_field.value()),
                          tol=float(self.tol_field.value()), seed=int(self.seed_field.value()),
                          expression=expression)

    def _on_edited(self) -> None:
        self._timer.start()  # restarts a running timer: one emission after a burst of edits

    def _commit(self) -> None:
        try:
            state = self._build()
        except ValueError as error:  # ExpressionError and OptimizerConfig's refusals included
            self.message.emit(f"Not applied: {error}")
            self._complained = True
            return
        self._last = state
        if self._complained:
            self._complained = False
            self.message.emit("")
        self.state_changed.emit(state)
