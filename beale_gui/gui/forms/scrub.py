"""Sweeping a number field with the mouse ("scrubbing"), as in Photoshop's scrubby sliders and
Blender's number fields.

A :class:`Scrub` belongs to one :class:`~.fields.ParamField`. It is driven by

* a sideways drag on the field's name (a :class:`ScrubLabel`, whose cursor says it can be
  dragged) or on the field itself with Ctrl held (a plain press still places the text cursor,
  so the keyboard types exact values as before);
* the wheel over the field when it has focus, or with Ctrl held over any field (the wheel alone
  over a field the pointer merely passes keeps scrolling the panel, as Qt Creator's and
  Blender's forms do).

The scale follows the parameter: a log field (``Param.log``: learning rates, epsilons, and
whole numbers spanning decades) moves a decade per :data:`PX_PER_DECADE` pixels; a linear one
moves one of its arrow steps per :data:`PX_PER_STEP` pixels (0.01 for momentum-like values in
[0, 1)); whole numbers move by 1 per :data:`PX_PER_WHOLE` pixels. Shift is ten times finer for a
drag (ten times coarser for the wheel, as for the arrows). Values are kept inside the
parameter's range and rounded to four significant digits (:meth:`Param.readable`), so what is
shown is what is applied.

While it lasts the field emits ``scrubbed`` on each change (not ``edited``: nothing is written
into the document); it ends with ``scrub_ended(changed)`` when the mouse is released, the wheel
rests for :data:`WHEEL_IDLE_MS`, or the field loses focus. Escape ends it with the value it had
before, and ``changed`` False.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

if TYPE_CHECKING:
    from .fields import ParamField

translate = QCoreApplication.translate

PX_PER_DECADE = 120    # a log field: ten times larger per 120 pixels to the right
PX_PER_STEP = 4        # a linear field: one arrow step (0.01 in [0, 1)) per 4 pixels
PX_PER_WHOLE = 8       # whole numbers: 1 per 8 pixels
DRAG_THRESHOLD = 3     # pixels before a press becomes a drag (a click stays a click)
FINE = 10              # Shift during a drag: ten times finer
WHEEL_IDLE_MS = 400    # the wheel at rest this long ends a wheel scrub
WRAP_MARGIN = 2       # pixels from the screen's edge where a drag's pointer wraps around
NOTCH = 120            # angleDelta of one wheel notch
DIGITS = 4             # significant digits of a scrubbed value


def scrubbed_value(field: ParamField, start: float, pixels: float) -> float:
    """The value ``pixels`` to the right of ``start`` (negative: left) on ``field``'s scale,
    inside its parameter's range and rounded to :data:`DIGITS` significant digits."""
    p = field.param
    if field.log:
        floor = max(field.log_floor, p.low)
        base = start if start > 0 else floor
        decades = max(-300.0, min(300.0, pixels / PX_PER_DECADE))   # a far drag: no overflow
        value = base * 10.0 ** decades
        if start <= 0 and pixels <= 0:
            value = start
        elif value < floor * (1 - 1e-9):   # below the floor: the closed low end (0) or the floor
            value = p.low if not p.low_open and p.low < floor else floor
    elif p.integer:
        value = start + round(pixels / PX_PER_WHOLE)
    else:
        value = start + pixels / PX_PER_STEP * _linear_step(field, start)
    value = _inside(field, value, start)
    if p.integer:
        value = float(round(value))
        if p.problem(value) is not None:
            value = float(math.ceil(value) if value < start else math.floor(value))
    else:
        value = p.readable(value, DIGITS)
    return value if p.problem(value) is None else start


def _linear_step(field: ParamField, start: float) -> float:
    """The arrows' step, or a hundredth of ``start``'s decade when that is larger (so t0 = 1e6
    moves by 1e4 rather than by 0.1, which four digits would not even show)."""
    p = field.param
    step = 0.01 if p.high - p.low <= 1 else 0.1
    if start:
        step = max(step, 10.0 ** (math.floor(math.log10(abs(start))) - 2))
    return step


def _inside(field: ParamField, value: float, start: float) -> float:
    """``value`` moved inside the range: to a closed end, or short of an open end (never
    behind ``start`` when that is already closer to the end)."""
    p = field.param
    span = p.high - p.low if math.isfinite(p.high - p.low) else 1.0
    margin = (field.log_floor if field.log else min(span * 1e-4, 1e-4)) if not p.integer else 1
    if value > p.high or (p.high_open and value >= p.high):
        value = p.high if not p.high_open else max(start, p.high - margin)
    if value < p.low or (p.low_open and value <= p.low):
        value = p.low if not p.low_open else min(start, p.low + margin)
    return value


class Scrub(QObject):
    """The drag and wheel sweep of one field (see the module's docstring)."""

    def __init__(self, field: ParamField) -> None:
        super().__init__(field)
        self.field = field
        self.origin: float | None = None   # the value before the scrub; None when none runs
        self._press_x: float | None = None  # where a press that may become a drag was
        self._anchor = 0.0                  # the value the drag measures from
        self._dragging = False
        self._fine = False
        self._from_label = False
        self._wheel_rest = 0
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(WHEEL_IDLE_MS)
        self._idle.timeout.connect(self._on_idle)

    @property
    def active(self) -> bool:
        return self.origin is not None

    @property
    def dragging(self) -> bool:
        return self._dragging

    @property
    def pressed(self) -> bool:
        """A press that is (or may become) a drag is down."""
        return self._press_x is not None

    # -- the drag ---------------------------------------------------------------------------
    def press(self, x: float, from_label: bool = False) -> None:
        """A left press at global x: a drag starts once it moves :data:`DRAG_THRESHOLD`."""
        if not self.field.is_valid() or self.field.isReadOnly():
            return
        self._press_x, self._from_label, self._dragging = x, from_label, False

    def move(self, x: float, fine: bool) -> None:
        if self._press_x is None:
            return
        if not self._dragging:
            if abs(x - self._press_x) < DRAG_THRESHOLD:
                return
            self._dragging = True
            self._begin()
            self._press_x, self._anchor, self._fine = x, self.field.value(), fine
            QCoreApplication.instance().installEventFilter(self)   # Escape, wherever the focus
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.SizeHorCursor))
        if fine != self._fine:   # Shift pressed or let go: carry on from here, no jump
            self._press_x, self._anchor, self._fine = x, self.field.value(), fine
        pixels = (x - self._press_x) / (FINE if fine else 1)
        self.field.scrub_to(scrubbed_value(self.field, self._anchor, pixels))
        self._wrap(x)

    def _wrap(self, x: float) -> None:
        """At the screen's left or right edge, put the pointer at the other edge (as Blender
        does) so that a drag from a field near the edge goes on; the drag's origin moves with
        it, so the value carries on from where it is."""
        if QGuiApplication.platformName() in ("offscreen", "minimal"):   # no pointer to move
            return
        pos = QCursor.pos()
        screen = QGuiApplication.screenAt(pos)
        if screen is None:
            return
        edges = screen.geometry()
        left, right = edges.left() + WRAP_MARGIN, edges.right() - WRAP_MARGIN
        if left < x < right:
            return
        target = right - 1 if x <= left else left + 1
        QCursor.setPos(target, pos.y())
        if QCursor.pos().x() == target:   # (Wayland does not let a program move the pointer)
            self._press_x += target - x

    def release(self) -> None:
        if self._press_x is None:   # no press, or Escape ended the drag: nothing to do
            return
        dragged, from_label = self._dragging, self._from_label
        self._press_x = None
        if dragged:
            self.finish(True)
        elif from_label:   # a click on the name goes to the field, as a buddy label's does
            self.field.setFocus(Qt.FocusReason.MouseFocusReason)
            self.field.lineEdit().selectAll()

    # -- the wheel --------------------------------------------------------------------------
    def wheel(self, event) -> bool:
        """Step the field for a wheel event over it; False when the wheel is not for it (the
        panel scrolls)."""
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if not (self.field.hasFocus() or ctrl) or not self.field.is_valid():
            return False
        delta = event.angleDelta()
        self._wheel_rest += delta.y() or delta.x()   # Alt turns the wheel sideways on some systems
        steps = int(self._wheel_rest / NOTCH)
        self._wheel_rest -= steps * NOTCH
        self._begin()
        self._idle.start()
        if steps:
            coarse = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.field.step_by(steps * (10 if coarse else 1))
        event.accept()
        return True

    # -- the end ----------------------------------------------------------------------------
    def finish(self, keep: bool) -> None:
        """End the scrub: keep the value (``scrub_ended(changed)``) or restore the one before."""
        if self.origin is None:
            return
        origin, self.origin = self.origin, None
        self._idle.stop()
        self._wheel_rest = 0
        self._press_x = None
        if self._dragging:
            self._dragging = False
            QCoreApplication.instance().removeEventFilter(self)
            QGuiApplication.restoreOverrideCursor()
        if not keep:
            self.field.scrub_to(origin, announce=False)
        self.field.scrub_ended.emit(keep and self.field.value() != origin)

    def _on_idle(self) -> None:
        self.finish(True)

    def _begin(self) -> None:
        if self.origin is None:
            self.origin = self.field.value()
            self.field.scrub_started.emit()

    # -- Escape during a drag (the application's filter while one runs) -------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if (kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
                or not self._dragging or event.key() != Qt.Key.Key_Escape):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()   # the Escape is the drag's, not a shortcut's
            return False
        self.finish(False)
        return True


class ScrubLineEdit(QLineEdit):
    """The text of a sweepable field: a Ctrl+drag sweeps it, anything else edits the text."""

    def __init__(self, scrub: Scrub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scrub = scrub

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if (event.button() == Qt.MouseButton.LeftButton
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.scrub.press(event.globalPosition().x())
            event.accept()   # no text cursor, no selection: this press is a sweep's
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self.scrub.pressed:
            self.scrub.move(event.globalPosition().x(),
                            bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self.scrub.pressed:
            self.scrub.release()
        else:
            super().mouseReleaseEvent(event)


class ScrubLabel(QLabel):
    """A field's name that sweeps the field when dragged sideways (a click focuses the field)."""

    def __init__(self, text: str, field: ParamField, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.field = field
        self.setCursor(Qt.CursorShape.SizeHorCursor)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.field.scrub.press(event.globalPosition().x(), from_label=True)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        self.field.scrub.move(event.globalPosition().x(),
                              bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.field.scrub.release()


def scrub_help() -> str:
    """The tooltip line that says how to scrub."""
    return translate("Scrub", "drag the name sideways (or Ctrl+drag the field) to sweep the "
                     "value, Shift for finer; Ctrl+wheel over the field; Esc cancels")
