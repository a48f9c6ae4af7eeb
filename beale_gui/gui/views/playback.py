"""The animation: a playhead over steps that are already computed, and its toolbar.

A QTimer ticks at about 60 fps and moves a fractional playhead by ``speed * elapsed``; the
integer part is the step shown. Speed is chosen on a log slider from 1 step/s up to a last
position, "as fast as possible", which plays the whole run in about two seconds.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QSlider, QStyle, QToolBar

FRAME_MS = 16
SPEED_POSITIONS = 31          # slider 0..30: 10 ** (p / 10) steps/s; position 31 is "max"
MAX_POSITION = SPEED_POSITIONS
DEFAULT_POSITION = 22         # about 160 steps/s: a 1000-step run plays in about 6 s
FAST_SECONDS = 2.0            # "as fast as possible" plays the whole run in this long
translate = QCoreApplication.translate


def speed_of(position: int) -> float:
    """Steps per second at a slider position; ``math.inf`` at the last one."""
    if position >= MAX_POSITION:
        return math.inf
    return 10.0 ** (max(position, 0) / 10.0)


def speed_text(position: int) -> str:
    speed = speed_of(position)
    if math.isinf(speed):
        return translate("Playback", "max")
    return translate("Playback", "{0} steps/s").format(f"{speed:.3g}")


def step_text(step: int | str, n_steps: int | str) -> str:
    """The step label: ``step 12 / 516``."""
    return translate("Playback", "step {0} / {1}").format(step, n_steps)


class Playback(QObject):
    """Play/pause, step and scrub through steps 0..T; emits ``step_changed(k)``.

    The toolbar (:attr:`toolbar`) holds the actions, the speed slider, the timeline scrubber
    and the step label; the actions carry the keyboard shortcuts.
    """

    step_changed = Signal(int)
    playing_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._n_steps = 0
        self._playhead = 0.0
        self._step = 0
        self._position = DEFAULT_POSITION
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_tick)
        self._clock = QElapsedTimer()
        self.toolbar = self._build_toolbar()
        self._shown_playing: bool | None = None   # what the play button shows
        self._sync_widgets()

    # -- state ------------------------------------------------------------------------------
    @property
    def step(self) -> int:
        return self._step

    @property
    def n_steps(self) -> int:
        return self._n_steps

    @property
    def is_playing(self) -> bool:
        return self._timer.isActive()

    @property
    def speed(self) -> float:
        """Steps per second now (``as fast as possible`` resolved for the current run)."""
        speed = speed_of(self._position)
        if math.isinf(speed):
            return max(self._n_steps / FAST_SECONDS, 1.0)
        return speed

    @property
    def speed_position(self) -> int:
        return self._position

    # -- commands ---------------------------------------------------------------------------
    def set_range(self, n_steps: int, step: int = 0) -> None:
        """A new run of ``n_steps`` steps (T): the playhead goes to ``step``."""
        self._n_steps = max(int(n_steps), 0)
        self._scrubber.setRange(0, self._n_steps)
        self.set_step(step, force=True)

    @Slot()
    def play(self) -> None:
        if self._n_steps == 0:
            return
        if self._step >= self._n_steps:     # at the end: play again from the start
            self.set_step(0)
        if not self._timer.isActive():
            self._clock.start()
            self._timer.start()
            self._sync_widgets()
            self.playing_changed.emit(True)

    @Slot()
    def pause(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._sync_widgets()
            self.playing_changed.emit(False)

    @Slot()
    def toggle(self) -> None:
        if self.is_playing:
            self.pause()
        else:
            self.play()

    @Slot()
    def step_forward(self) -> None:
        self.pause()
        self.set_step(self._step + 1)

    @Slot()
    def step_back(self) -> None:
        self.pause()
        self.set_step(self._step - 1)

    @Slot()
    def to_start(self) -> None:
        self.pause()
        self.set_step(0)

    @Slot()
    def to_end(self) -> None:
        self.pause()
        self.set_step(self._n_steps)

    def set_step(self, step: int, force: bool = False) -> None:
        """Move the playhead to ``step`` (clamped to 0..T); emits ``step_changed`` on change."""
        step = min(max(int(step), 0), self._n_steps)
        self._playhead = float(step)
        if step != self._step or force:
            self._step = step
            self._sync_widgets()
            self.step_changed.emit(step)

    def set_speed_position(self, position: int) -> None:
        """Speed slider position: 0 is 1 step/s, :data:`MAX_POSITION` is as fast as possible."""
        self._position = min(max(int(position), 0), MAX_POSITION)
        self._speed_slider.blockSignals(True)
        self._speed_slider.setValue(self._position)
        self._speed_slider.blockSignals(False)
        self._speed_label.setText(speed_text(self._position))

    @Slot()
    def faster(self) -> None:
        self.set_speed_position(self._position + 2)

    @Slot()
    def slower(self) -> None:
        self.set_speed_position(self._position - 2)

    # -- the clock --------------------------------------------------------------------------
    @Slot()
    def _on_tick(self) -> None:
        elapsed = self._clock.restart() / 1000.0
        elapsed = min(elapsed, 0.1)      # a stalled frame does not make the playhead jump
        self._playhead = min(self._playhead + self.speed * elapsed, float(self._n_steps))
        step = int(self._playhead)
        if step != self._step:
            self._step = step
            self._sync_widgets()
            self.step_changed.emit(step)
        if self._step >= self._n_steps:
            self.pause()

    # -- widgets ----------------------------------------------------------------------------
    def _action(self, bar: QToolBar, icon: QStyle.StandardPixmap, text: str, keys,
                slot) -> QAction:
        action = QAction(bar.style().standardIcon(icon), text, bar)
        shortcuts = [QKeySequence(k) for k in keys]
        action.setShortcuts(shortcuts)
        action.setToolTip(f"{text} ({', '.join(k.toString() for k in shortcuts)})")
        action.triggered.connect(slot)
        bar.addAction(action)
        return action

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(translate("Playback", "Playback"))
        bar.setObjectName("playback_toolbar")
        sp = QStyle.StandardPixmap
        self.action_start = self._action(bar, sp.SP_MediaSkipBackward,
                                         translate("Playback", "Back to step 0"),
                                         [Qt.Key.Key_Home], self.to_start)
        self.action_back = self._action(bar, sp.SP_MediaSeekBackward,
                                        translate("Playback", "Step back"),
                                        [Qt.Key.Key_Left], self.step_back)
        self.action_play = self._action(bar, sp.SP_MediaPlay, translate("Playback", "Play"),
                                        [Qt.Key.Key_Space],
                                        self.toggle)
        self.action_forward = self._action(bar, sp.SP_MediaSeekForward,
                                           translate("Playback", "Step forward"),
                                           [Qt.Key.Key_Right], self.step_forward)
        self.action_end = self._action(bar, sp.SP_MediaSkipForward,
                                       translate("Playback", "Jump to the end"),
                                       [Qt.Key.Key_End], self.to_end)
        self.action_faster = QAction(translate("Playback", "Faster"), bar)
        self.action_faster.setShortcuts([QKeySequence(Qt.Key.Key_Plus),
                                         QKeySequence(Qt.Key.Key_Equal)])
        self.action_faster.triggered.connect(self.faster)
        self.action_slower = QAction(translate("Playback", "Slower"), bar)
        self.action_slower.setShortcuts([QKeySequence(Qt.Key.Key_Minus)])
        self.action_slower.triggered.connect(self.slower)
        bar.addSeparator()

        bar.addWidget(QLabel(" " + translate("Playback", "Speed") + " "))
        self._speed_slider = QSlider(Qt.Orientation.Horizontal)
        self._speed_slider.setRange(0, MAX_POSITION)
        self._speed_slider.setValue(self._position)
        self._speed_slider.setFixedWidth(110)
        self._speed_slider.setToolTip(
            translate("Playback", "Steps per second, 1 to as fast as possible (+ / -)"))
        self._speed_slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._speed_slider.valueChanged.connect(self.set_speed_position)
        bar.addWidget(self._speed_slider)
        self._speed_label = QLabel(speed_text(self._position))
        widest = translate("Playback", "{0} steps/s").format("000")
        self._speed_label.setMinimumWidth(self._speed_label.fontMetrics()
                                          .horizontalAdvance(widest) + 6)
        bar.addWidget(self._speed_label)
        bar.addSeparator()

        self._scrubber = QSlider(Qt.Orientation.Horizontal)
        self._scrubber.setObjectName("timeline")
        self._scrubber.setToolTip(translate("Playback", "Timeline: drag to any step"))
        self._scrubber.setMinimumWidth(160)
        self._scrubber.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._scrubber.setRange(0, 0)
        self._scrubber.valueChanged.connect(self._on_scrubbed)
        self._scrubber.sliderPressed.connect(self.pause)
        bar.addWidget(self._scrubber)
        self._step_label = QLabel()
        self._step_label.setObjectName("step_label")
        self._step_label.setMinimumWidth(self._step_label.fontMetrics()
                                         .horizontalAdvance(step_text("0000000", "0000000"))
                                         + 8)
        self._step_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self._step_label)
        return bar

    @property
    def scrubber(self) -> QSlider:
        return self._scrubber

    @property
    def step_label(self) -> QLabel:
        return self._step_label

    @property
    def speed_slider(self) -> QSlider:
        return self._speed_slider

    def actions(self) -> list[QAction]:
        """Every action, for a menu and for the window (so the shortcuts work even while the
        toolbar is hidden)."""
        return [self.action_play, self.action_back, self.action_forward, self.action_start,
                self.action_end, self.action_faster, self.action_slower]

    @Slot(int)
    def _on_scrubbed(self, value: int) -> None:
        if value != self._step:
            self.set_step(value)

    def _sync_widgets(self) -> None:
        self._scrubber.blockSignals(True)
        self._scrubber.setValue(self._step)
        self._scrubber.blockSignals(False)
        self._step_label.setText(step_text(self._step, self._n_steps))
        playing = self.is_playing
        if playing != self._shown_playing:     # every frame comes here: only on a change
            self._shown_playing = playing
            sp = QStyle.StandardPixmap
            icon = sp.SP_MediaPause if playing else sp.SP_MediaPlay
            self.action_play.setIcon(self.toolbar.style().standardIcon(icon))
            text = translate("Playback", "Pause") if playing else translate("Playback", "Play")
            self.action_play.setText(text)
            self.action_play.setToolTip(text + " (Space)")
        enabled = self._n_steps > 0
        for action in (self.action_start, self.action_back, self.action_play,
                       self.action_forward, self.action_end):
            action.setEnabled(enabled)
        self._scrubber.setEnabled(enabled)
