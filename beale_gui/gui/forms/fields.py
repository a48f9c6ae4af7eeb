"""Input fields for the parameter panel: numbers and text that are validated as you type.

A field accepts any text, so a user can type garbage; it never raises. A bad value marks the
field red and reports the problem through ``problem_changed(str)`` ("" when the value is good),
which :class:`~.form_labels.FieldWithMessage` shows under the field. The last valid value stays
in force.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from ...core.i18n import QT_TRANSLATE_NOOP
from ...core.params import Param, parse_number
from .scrub import Scrub, ScrubLineEdit, scrub_help

translate = QCoreApplication.translate

# Renard's R10 preferred numbers: ten steps per decade, each about 10**0.1 = 1.26 times the last.
R10 = (1.0, 1.25, 1.6, 2.0, 2.5, 3.15, 4.0, 5.0, 6.3, 8.0)
INVALID_BASE = QColor("#fde7e7")
INVALID_TEXT = QColor("#9f1515")


def number_text(value: float, integer: bool = False) -> str:
    """``%g``-like text for a field that reads back as exactly ``value``: 1e-10, 0.999,
    0.0125, 1e6 (the table shows numbers compactly: ``results_table.format_number``)."""
    if integer and float(value).is_integer():
        return str(int(value))
    text = f"{value:.12g}"
    if float(text) != value:
        text = repr(float(value))
    mantissa, _, exponent = text.partition("e")
    if exponent:
        text = f"{mantissa}e{int(exponent)}"
    return text


def r10_neighbour(value: float, up: bool) -> float:
    """The next R10 value above (or below) a positive ``value``."""
    decade = math.floor(math.log10(value))
    grid = [float(f"{m * 10.0 ** e:.3g}") for e in (decade - 1, decade, decade + 1) for m in R10]
    if up:
        return min(g for g in grid if g > value * (1 + 1e-9))
    return max(g for g in grid if g < value * (1 - 1e-9))


class ParamField(QAbstractSpinBox):
    """A number field for one :class:`Param`: free typing, validation, linear or log stepping.

    Log fields (``param.log``, and whole-number fields spanning decades such as max steps) step
    along the R10 series, i.e. multiply or divide by about 10**0.1; Shift (or Page Up/Down)
    steps a decade. Linear fields step by 1 (whole numbers), 0.01 (ranges within [0, 1]) or
    0.1, ten times that with Shift. The mouse wheel only steps a field that has focus, so it
    still scrolls the panel.

    With ``scrub=True`` the field can also be swept with the mouse (:mod:`.scrub`): a drag or
    a wheel scrub emits ``scrubbed`` for each value instead of ``edited``, and
    ``scrub_ended(changed)`` once at its end.
    """

    edited = Signal()             # the user typed or stepped; the value may be invalid
    problem_changed = Signal(str)  # the message, or "" when the value is valid
    scrub_started = Signal()      # a drag or a wheel sweep began
    scrubbed = Signal()           # a sweep changed the value (nothing is applied yet)
    scrub_ended = Signal(bool)    # the sweep is over; True when it left a new value

    def __init__(self, param: Param, parent: QWidget | None = None, *,
                 log: bool | None = None, log_floor: float | None = None,
                 scrub: bool = False) -> None:
        super().__init__(parent)
        self.param = param
        if log is None:
            log = param.log or (param.integer and param.low >= 1 and param.high >= 1e6)
        self.log = log
        default = float(param.default)
        self.log_floor = log_floor if log_floor is not None else min(1e-8, default * 1e-4 or 1e-8)
        self._value = default
        self._problem = ""
        self._shift = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccelerated(True)
        self.scrub = Scrub(self) if scrub else None
        if self.scrub is not None:
            self.setLineEdit(ScrubLineEdit(self.scrub, self))
        self.lineEdit().textEdited.connect(self._on_text_edited)
        self.editingFinished.connect(self._on_editing_finished)
        self._show(default)

    # -- public ---------------------------------------------------------------------------
    def value(self) -> float:
        """The last valid value (what is in force while the text is bad)."""
        return int(self._value) if self.param.integer else self._value

    def set_value(self, value: float) -> None:
        """Show ``value`` (programmatic: ``edited`` is not emitted); a bad one is marked."""
        problem = self.param.problem(value)
        if problem is None:
            self._value = float(value)
            self._show(float(value))
        else:
            self.lineEdit().setText(str(value))
        self._set_problem(problem or "")

    def problem(self) -> str:
        return self._problem

    def is_valid(self) -> bool:
        return not self._problem

    def step_by(self, steps: int) -> None:
        """Step as the arrows do, Shift or not (``steps`` counts single steps)."""
        self.stepBy(steps)

    def scrub_to(self, value: float, announce: bool = True) -> None:
        """Show a valid ``value`` during a sweep; ``scrubbed`` when it changed (and
        ``announce``)."""
        if value != self._value:
            self._value = float(value)
            self._show(self._value)
            if announce:
                self.scrubbed.emit()

    # -- QAbstractSpinBox -----------------------------------------------------------------
    def validate(self, text: str, pos: int) -> QValidator.State:
        return QValidator.State.Acceptable  # any text may be typed; it is judged, not blocked

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.isReadOnly() or not self.is_valid():
            return flags
        if self._stepped(1) is not None:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if self._stepped(-1) is not None:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags

    def stepBy(self, steps: int) -> None:  # noqa: N802
        if not self.is_valid():
            return
        if self._shift:
            steps *= 10
        value = self._value
        for _ in range(abs(steps)):
            nxt = self._stepped(1 if steps > 0 else -1, value)
            if nxt is None:
                break
            value = nxt
        if value != self._value:
            self._value = value
            self._show(value)
            (self.scrubbed if self.scrub is not None and self.scrub.active else self.edited).emit()

    # Shift is read from the event that steps (not the application's last-known modifiers).
    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.scrub is not None and self.scrub.active:
            self.scrub.finish(False)   # the value before the sweep, nothing applied
            event.accept()
            return
        self._shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        try:
            super().keyPressEvent(event)
        finally:
            self._shift = False

    def wheelEvent(self, event) -> None:  # noqa: N802
        if self.scrub is not None:
            if not self.scrub.wheel(event):
                event.ignore()  # let the panel scroll
            return
        if not self.hasFocus():
            event.ignore()  # let the panel scroll
            return
        self._shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        try:
            super().wheelEvent(event)
        finally:
            self._shift = False

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        super().mousePressEvent(event)  # the arrows auto-repeat until the release

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        self._shift = False

    def focusOutEvent(self, event) -> None:  # noqa: N802
        if self.scrub is not None and not self.scrub.dragging:
            self.scrub.finish(True)
        super().focusOutEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        width = self.fontMetrics().horizontalAdvance("0.000000001") + 36
        return QSize(max(hint.width(), width), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        width = self.fontMetrics().horizontalAdvance("0.00001") + 30
        return QSize(max(hint.width(), width), hint.height())

    # -- internals ------------------------------------------------------------------------
    def _stepped(self, direction: int, value: float | None = None) -> float | None:
        """The value one step away, or None when that would leave the valid range."""
        p = self.param
        v = self._value if value is None else value
        if self.log:
            if v <= 0:  # from 0 (allowed for, e.g., the tolerance) up to the floor
                if direction < 0:
                    return None
                nxt = self.log_floor
            else:
                nxt = r10_neighbour(v, direction > 0)
                if nxt < self.log_floor * (1 - 1e-9):
                    nxt = p.low
        else:
            step = 1.0 if p.integer else 0.01 if p.high - p.low <= 1 else 0.1
            nxt = float(f"{v + direction * step:.12g}")
        if p.integer:  # round away from v, and always move by at least 1
            nxt = float(math.ceil(nxt - 1e-9) if direction > 0 else math.floor(nxt + 1e-9))
            if nxt == v:
                nxt = v + direction
        if p.problem(nxt) is not None:
            bound = p.high if direction > 0 else p.low
            closed = not (p.high_open if direction > 0 else p.low_open)
            nxt = bound if closed and (bound - v) * direction > 0 else None
        return nxt

    def _show(self, value: float) -> None:
        self.lineEdit().setText(number_text(value, self.param.integer))

    def _parse(self, text: str) -> tuple[float | None, str]:
        try:
            value = parse_number(text, self.param.name)
        except ValueError as error:
            return None, str(error)
        return value, self.param.problem(value) or ""

    def _on_text_edited(self, text: str) -> None:
        if self.scrub is not None:
            self.scrub.finish(True)   # typing over a wheel sweep: the sweep ends first
        value, problem = self._parse(text)
        if not problem:
            self._value = float(value)
        self._set_problem(problem)
        self.edited.emit()

    def _on_editing_finished(self) -> None:
        if self.is_valid():  # tidy the text: "1e-2" reads back as "0.01"
            self._show(self._value)

    def _set_problem(self, problem: str) -> None:
        changed = problem != self._problem
        self._problem = problem
        mark_invalid(self, bool(problem))
        tip = describe_param(self.param, self.log, scrub=self.scrub is not None)
        self.setToolTip(f"<b>{html.escape(problem)}</b><br>{tip}" if problem else tip)
        if changed:
            self.problem_changed.emit(problem)


class FlagField(QCheckBox):
    """A check box for a 0/1 :class:`Param` (``param.flag``: RMSprop's centered, maximize),
    with :class:`ParamField`'s interface: ticked is 1, unticked 0."""

    edited = Signal()             # the user ticked or unticked it
    problem_changed = Signal(str)  # a value other than 0 or 1 was set; "" once it is valid

    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.param = param
        self._problem = ""
        self._setting = False
        self.setChecked(bool(param.default))
        self.setToolTip(describe_param(param))
        self.toggled.connect(self._on_toggled)

    def value(self) -> int:
        return int(self.isChecked())

    def set_value(self, value: float) -> None:
        """Show ``value`` (programmatic: ``edited`` is not emitted); a bad one is marked."""
        problem = self.param.problem(value)
        if problem is None:
            self._setting = True
            try:
                self.setChecked(bool(value))
            finally:
                self._setting = False
        self._set_problem(problem or "")

    def problem(self) -> str:
        return self._problem

    def is_valid(self) -> bool:
        return not self._problem

    def _on_toggled(self, _checked: bool) -> None:
        if not self._setting:
            self._set_problem("")
            self.edited.emit()

    def _set_problem(self, problem: str) -> None:
        changed = problem != self._problem
        self._problem = problem
        tip = describe_param(self.param)
        self.setToolTip(f"<b>{html.escape(problem)}</b><br>{tip}" if problem else tip)
        if changed:
            self.problem_changed.emit(problem)


def param_field(param: Param, parent: QWidget | None = None, *,
                scrub: bool = False) -> ParamField | FlagField:
    """The field a form shows for ``param``: a check box for a 0/1 switch, else a number
    (one the mouse can sweep with ``scrub``)."""
    return FlagField(param, parent) if param.flag else ParamField(param, parent, scrub=scrub)


# Each parameter's form label: a word where it has one (translated), its symbol where that is
# how it is written (lr, the betas, eps, alpha, rho, gamma stay as they are in Korean too).
PARAM_LABELS = {
    "lr": QT_TRANSLATE_NOOP("ParamLabels", "lr"),
    "momentum": QT_TRANSLATE_NOOP("ParamLabels", "momentum"),
    "dampening": QT_TRANSLATE_NOOP("ParamLabels", "dampening"),
    "weight_decay": QT_TRANSLATE_NOOP("ParamLabels", "weight decay"),
    "momentum_decay": QT_TRANSLATE_NOOP("ParamLabels", "momentum decay"),
    "decoupled_weight_decay": QT_TRANSLATE_NOOP("ParamLabels", "decoupled decay"),
    "initial_accumulator_value": QT_TRANSLATE_NOOP("ParamLabels", "initial acc."),
    "initial_accumulator": QT_TRANSLATE_NOOP("ParamLabels", "initial acc."),
    "rectify": QT_TRANSLATE_NOOP("ParamLabels", "rectify"),
    "warmup_steps": QT_TRANSLATE_NOOP("ParamLabels", "warm-up steps"),
    "decay": QT_TRANSLATE_NOOP("ParamLabels", "decay"),
    "step_size": QT_TRANSLATE_NOOP("ParamLabels", "step size"),
    "period": QT_TRANSLATE_NOOP("ParamLabels", "period"),
    "min_factor": QT_TRANSLATE_NOOP("ParamLabels", "min factor"),
    "batch_size": QT_TRANSLATE_NOOP("ParamLabels", "batch size"),
    "noise": QT_TRANSLATE_NOOP("ParamLabels", "noise"),
    "centered": QT_TRANSLATE_NOOP("ParamLabels", "centered"),
    "lr_decay": QT_TRANSLATE_NOOP("ParamLabels", "lr decay"),
    "etaminus": QT_TRANSLATE_NOOP("ParamLabels", "shrink factor"),
    "etaplus": QT_TRANSLATE_NOOP("ParamLabels", "growth factor"),
    "step_size_min": QT_TRANSLATE_NOOP("ParamLabels", "min step size"),
    "step_size_max": QT_TRANSLATE_NOOP("ParamLabels", "max step size"),
    "lambd": QT_TRANSLATE_NOOP("ParamLabels", "decay λ"),
    "damping": QT_TRANSLATE_NOOP("ParamLabels", "damping"),
    "maximize": QT_TRANSLATE_NOOP("ParamLabels", "maximize"),
    "history_size": QT_TRANSLATE_NOOP("ParamLabels", "history size"),
    "tolerance_grad": QT_TRANSLATE_NOOP("ParamLabels", "gradient tolerance"),
    "tolerance_change": QT_TRANSLATE_NOOP("ParamLabels", "change tolerance"),
    "line_search": QT_TRANSLATE_NOOP("ParamLabels", "line search"),
    "beta_rule": QT_TRANSLATE_NOOP("ParamLabels", "use Polak–Ribière+"),
    "restart": QT_TRANSLATE_NOOP("ParamLabels", "restart every"),
}


def param_title(name: str) -> str:
    """A parameter's name as a form or a list shows it, in the interface language."""
    text = PARAM_LABELS.get(name)
    return translate("ParamLabels", text) if text else name.replace("_", " ")


def describe_param(param: Param, log: bool = False, scrub: bool = False) -> str:
    """Tooltip text: what the parameter does, its valid range, how the arrows step and (with
    ``scrub``) how the mouse sweeps it."""
    help_text = translate("Params", param.help) if param.help else ""
    if param.flag:
        return "<br>".join([f"<b>{param.name}</b>" + (f": {help_text}" if help_text else ""),
                            translate("Fields", "ticked: 1 (on); unticked: 0 (off)")])
    valid = (translate("Fields", "valid range {0}, whole numbers") if param.integer
             else translate("Fields", "valid range {0}"))
    lines = [f"<b>{param.name}</b>" + (f": {help_text}" if help_text else ""),
             valid.format(param.describe_range())]
    lines.append(translate("Fields", "arrows and wheel: \u00d71.26 per step, Shift: \u00d710")
                 if log else translate("Fields", "arrows and wheel step it; Shift: ten steps"))
    if scrub:
        lines.append(scrub_help())
    return "<br>".join(lines)


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Tint a field red (and set its ``invalid`` property) or restore its normal colours."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    palette = QPalette()  # only the roles set here; the rest is inherited
    if invalid:
        palette.setColor(QPalette.ColorRole.Base, INVALID_BASE)
        palette.setColor(QPalette.ColorRole.Text, INVALID_TEXT)
    widget.setPalette(palette)


class CheckedLineEdit(QLineEdit):
    """A text field validated as you type by ``check(text) -> message or None``."""

    edited = Signal()
    problem_changed = Signal(str)

    def __init__(self, check: Callable[[str], str | None], parent: QWidget | None = None, *,
                 placeholder: str = "", tooltip: str = "") -> None:
        super().__init__(parent)
        self._check = check
        self._problem = ""
        self._tooltip = tooltip
        self.setPlaceholderText(placeholder)
        self.setToolTip(tooltip)
        self.setClearButtonEnabled(False)
        self.textEdited.connect(self._on_text_edited)

    def problem(self) -> str:
        return self._problem

    def is_valid(self) -> bool:
        return not self._problem

    def set_text(self, text: str) -> None:
        """Programmatic: validated and marked, but ``edited`` is not emitted."""
        self.setText(text)
        self.recheck()

    def recheck(self) -> None:
        try:
            problem = self._check(self.text()) or ""
        except ValueError as error:  # a checker may raise instead of returning
            problem = str(error)
        self.set_problem(problem)

    def set_problem(self, problem: str) -> None:
        changed = problem != self._problem
        self._problem = problem
        mark_invalid(self, bool(problem))
        tip = self._tooltip
        self.setToolTip(f"<b>{html.escape(problem)}</b><br>{tip}" if problem else tip)
        if changed:
            self.problem_changed.emit(problem)

    def _on_text_edited(self, _text: str) -> None:
        self.recheck()
        self.edited.emit()


def optional_number(text: str, name: str) -> float | None:
    """An optional finite number: None for blank text; ValueError naming ``name`` otherwise."""
    if not text.strip():
        return None
    value = parse_number(text, name)
    if not math.isfinite(value):
        raise ValueError(translate("Fields", "Invalid {0}: {1} is not finite")
                         .format(name, text.strip()))
    return value


_POINT_SEPARATOR = re.compile(r"[;\n]")


def parse_points(text: str, name: str = "minima") -> list[tuple[float, float]]:
    """``"3,0.5; -1,2"`` -> ``[(3.0, 0.5), (-1.0, 2.0)]``; blank text gives ``[]``."""
    points = []
    for chunk in _POINT_SEPARATOR.split(text):
        chunk = chunk.strip().strip("()").strip()
        if not chunk:
            continue
        parts = [p for p in re.split(r"[,\s]+", chunk) if p]
        if len(parts) != 2:
            raise ValueError(translate("Fields", "Invalid {0}: expected 'x, y' pairs "
                                       "separated by ';', got {1}").format(name, repr(chunk)))
        x, y = (optional_number(p, name) for p in parts)
        points.append((x, y))
    return points


def format_points(points) -> str:
    return "; ".join(f"{number_text(float(x))}, {number_text(float(y))}" for x, y in points)
