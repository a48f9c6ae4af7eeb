"""A seeded monkey in the real window (offscreen): hundreds of random user actions — clicks and
drags on the canvas, key presses, garbage typed into the panel's fields, function and preset
switches, play, pause and scrubbing, exports to a temporary folder, sessions saved and opened,
searches and basin maps started and cancelled — with no uncaught exception, no error caught by
a guarded slot, no error logged and no Qt warning (pytest-qt's ``qt_log_level_fail``)."""

import logging
import random
import sys
from collections import Counter

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.gui.dialogs.export_dialog import ExportOptions
from beale_gui.gui.forms.fields import ParamField
from beale_gui.gui.main_window import MainWindow

from .helpers import close_window, new_window, settings_in, viewport_point

SEED = 20240607
ACTIONS = 320
SURVIVED = "monkey actions survived"

GARBAGE = ["", "abc", "-1", "0", "1e999", "-1e999", "nan", "inf", "1e-400", "\u0669", "\U0001f4a5",
           "1,5", " 3 ", "0x10", "2**10", "1e6", "1e-12", "0.5", "0.999999", "1" * 40, "--2",
           "1e", ".", "-0", "3.14159", "1000", "7", "0.01", "1e-3", "99999999999"]
EXPRESSIONS = ["x**2 + y**2", "x**", "__import__('os').system('ls')", "sin(", "x/0",
               "exp(exp(exp(x)))", "log(x) + sqrt(y)", "x" * 1200, "(" * 80 + "x" + ")" * 80,
               "x**2 + 10*sin(y)", "y**1e9", "abs(x) + abs(y)", ""]
KEYS = [Qt.Key.Key_Space, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End,
        Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_Delete, Qt.Key.Key_M, Qt.Key.Key_R,
        Qt.Key.Key_B, Qt.Key.Key_Equal, Qt.Key.Key_Backspace]


def type_text(widget, text: str) -> None:
    """Type ``text`` key by key; characters QTest cannot name arrive as text-only key events
    (as from an input method)."""
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                         ch))


class Monkey:
    """Random actions on one window; each method is one user action."""

    def __init__(self, qtbot, window: MainWindow, rng: random.Random, folder) -> None:
        self.qtbot, self.w, self.rng, self.folder = qtbot, window, rng, folder
        self.saved: list = []
        self.done: Counter = Counter()
        self.corrupt = folder / "corrupt.json"
        self.corrupt.write_text('{"format": "beale-gui-session", "version": 1, "optimizers": [')

    # -- the canvas ----------------------------------------------------------------------------
    def _viewport_point(self, x: float, y: float) -> QPoint:
        return viewport_point(self.w.canvas, x, y)

    def _random_point(self) -> tuple[float, float]:
        (x0, x1), (y0, y1) = self.w.canvas.view_extent()
        return self.rng.uniform(x0, x1), self.rng.uniform(y0, y1)

    def click(self):
        vp = self.w.canvas.layout_widget.viewport()
        QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         self._viewport_point(*self._random_point()))

    def right_click(self):
        starts = self.w.starts()
        target = tuple(starts[self.rng.randrange(len(starts))]) if len(starts) else \
            self._random_point()
        vp = self.w.canvas.layout_widget.viewport()
        QTest.mouseClick(vp, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier,
                         self._viewport_point(*target))
        # The canvas turns pyqtgraph's context menus off, so none should open; should one, it
        # is the active popup (never walk the top-level widgets: one may be mid-deletion).
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()

    def drag(self):
        starts = self.w.starts()
        begin = (tuple(starts[self.rng.randrange(len(starts))])
                 if len(starts) and self.rng.random() < 0.7 else self._random_point())
        end = self._random_point()
        vp = self.w.canvas.layout_widget.viewport()
        p0, p1 = self._viewport_point(*begin), self._viewport_point(*end)
        QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p0)
        for t in np.linspace(0, 1, 6)[1:]:
            QTest.mouseMove(vp, QPoint(round(p0.x() + t * (p1.x() - p0.x())),
                                       round(p0.y() + t * (p1.y() - p0.y()))))
            self.qtbot.wait(self.rng.choice([0, 1, 5]))
        QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p1)

    def hover(self):
        QTest.mouseMove(self.w.canvas.layout_widget.viewport(),
                        self._viewport_point(*self._random_point()))

    def wheel(self):
        vp = self.w.canvas.layout_widget.viewport()
        pos = QPointF(self._viewport_point(*self._random_point()))
        delta = QPoint(0, self.rng.choice([-720, -120, 120, 720]))
        event = QWheelEvent(pos, QPointF(vp.mapToGlobal(pos.toPoint())), QPoint(), delta,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(vp, event)

    def view_menu(self):
        actions = [a for a in self.w.menu_view.actions() if not a.isSeparator()]
        self.rng.choice(actions).trigger()

    def key(self):
        self.w.activateWindow()
        QTest.keyClick(self.w.canvas.layout_widget, self.rng.choice(KEYS))

    # -- the panel -----------------------------------------------------------------------------
    def _fields(self) -> list[ParamField]:
        return [f for f in self.w.panel.findChildren(ParamField) if f.isVisibleTo(self.w.panel)]

    def type_garbage(self):
        fields = self._fields()
        if not fields:
            return
        field = self.rng.choice(fields)
        edit = field.lineEdit()
        edit.setFocus()
        edit.selectAll()
        text = self.rng.choice(GARBAGE)
        if field.param.name == "max_steps" and text in ("1e6", "1" * 40):
            text = "20000"    # valid and quick; "99999999999" stays as the too-big value
        type_text(edit, text)
        if self.rng.random() < 0.5:
            QTest.keyClick(edit, self.rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Tab,
                                                  Qt.Key.Key_Up, Qt.Key.Key_PageDown]))

    def type_expression(self):
        chooser = self.w.panel.function_chooser
        combo = chooser.combo
        combo.setCurrentIndex(combo.findData("custom"))
        edit = chooser.expression
        edit.setFocus()
        edit.selectAll()
        type_text(edit, self.rng.choice(EXPRESSIONS))

    def switch_function(self):
        combo = self.w.panel.function_chooser.combo
        combo.setCurrentIndex(self.rng.randrange(combo.count()))

    def toggle_optimizer(self):
        boxes = self.w.panel.boxes
        if boxes:
            box = self.rng.choice(boxes)
            self.qtbot.mouseClick(box.enable_box, Qt.MouseButton.LeftButton)

    def fold_optimizer(self):
        boxes = self.w.panel.boxes
        if boxes:
            self.qtbot.mouseClick(self.rng.choice(boxes).fold, Qt.MouseButton.LeftButton)

    def change_schedule(self):
        boxes = self.w.panel.boxes
        if boxes:
            combo = self.rng.choice(boxes).schedule_combo
            combo.setCurrentIndex(self.rng.randrange(combo.count()))

    def toggle_stochastic(self):
        boxes = [b for b in self.w.panel.boxes if b.stochastic_box.isEnabled()]
        if boxes:
            box = self.rng.choice(boxes).stochastic_box
            box.setChecked(not box.isChecked())

    def add_optimizer(self):
        if len(self.w.panel.boxes) < 8:
            self.w.panel.add_optimizer(self.rng.choice(list(OPTIMIZERS)))

    def remove_optimizer(self):
        boxes = self.w.panel.boxes
        if len(boxes) > 1:
            self.qtbot.mouseClick(self.rng.choice(boxes).remove_button,
                                  Qt.MouseButton.LeftButton)

    # -- playback ------------------------------------------------------------------------------
    def play_pause(self):
        self.w.playback.action_play.trigger()

    def scrub(self):
        scrubber = self.w.playback.scrubber
        scrubber.setValue(self.rng.randint(scrubber.minimum(), max(scrubber.maximum(), 0)))

    def click_loss_plot(self):
        widget = self.w.loss_plot.plot_widget
        pos = QPoint(self.rng.randrange(max(widget.width(), 1)),
                     self.rng.randrange(max(widget.height(), 1)))
        QTest.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, pos)

    # -- files ---------------------------------------------------------------------------------
    def preset(self):
        sessions = self.w.sessions
        sessions.menu_presets.actions()[self.rng.randrange(len(sessions.presets))].trigger()

    def save(self):
        path = self.folder / f"session-{self.rng.randrange(4)}.json"
        self.w.sessions.save_to(path)
        self.saved.append(path)

    def open(self):
        choices = [*self.saved, self.corrupt, self.folder / "missing.json"]
        self.w.sessions.open_path(self.rng.choice(choices))

    def shortcut(self):
        self.w.activateWindow()
        keys = self.rng.choice(["Ctrl+S", "Ctrl+Shift+S", "Ctrl+O", "Ctrl+N", "Ctrl+0"])
        seq = keys.split("+")
        modifiers = Qt.KeyboardModifier.ControlModifier
        if "Shift" in seq:
            modifiers |= Qt.KeyboardModifier.ShiftModifier
        QTest.keyClick(self.w.canvas.layout_widget, getattr(Qt.Key, f"Key_{seq[-1]}"),
                       modifiers)

    def export(self):
        kind = self.rng.choice(["png", "svg", "csv", "json"])
        path = self.folder / f"export.{kind}"
        if kind in ("png", "svg"):
            self.w.exports.export_image(ExportOptions(str(path), (320, 240)))
        else:
            self.w.exports.export_data(str(path))

    def export_animation(self):
        self.w.exports.export_animation(ExportOptions(str(self.folder / "anim.gif"), (160, 120),
                                                      frames=6, fps=10), show_progress=False)

    # -- background tasks ----------------------------------------------------------------------
    def search(self):
        panel = self.w.search.panel
        if panel.busy and self.rng.random() < 0.5:
            panel.cancel()
            return
        panel.form.budget_field.set_value(16)
        panel.form.max_steps_field.set_value(100)
        panel.run()

    def pick_search_result(self):
        table = self.w.search.panel.table
        if table.rowCount():
            rect = table.visualItemRect(table.item(self.rng.randrange(table.rowCount()), 0))
            self.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                                  pos=rect.center())

    def basins(self):
        basins = self.w.basins
        if basins.runner.busy and self.rng.random() < 0.5:
            basins.cancel()
            return
        basins.panel.grid.set_value(self.rng.choice([8, 24, 40]))
        basins.panel.max_steps.set_value(200)
        basins.compute()

    # -- driving -------------------------------------------------------------------------------
    WEIGHTS = {"click": 8, "right_click": 3, "drag": 6, "hover": 3, "key": 14, "type_garbage": 14,
               "type_expression": 3, "switch_function": 4, "toggle_optimizer": 4,
               "fold_optimizer": 2, "change_schedule": 3, "toggle_stochastic": 2,
               "add_optimizer": 2, "remove_optimizer": 2, "play_pause": 5, "scrub": 5,
               "click_loss_plot": 3, "preset": 4, "save": 3, "open": 4, "shortcut": 3,
               "export": 3, "export_animation": 1, "search": 2, "pick_search_result": 2,
               "basins": 2, "wheel": 4, "view_menu": 2}

    def act(self) -> str:
        names = list(self.WEIGHTS)
        name = self.rng.choices(names, weights=[self.WEIGHTS[n] for n in names])[0]
        getattr(self, name)()
        self.done[name] += 1
        # users of different speeds: the event loop runs for a while, or not at all, before the
        # next action (pacing only: nothing waits for anything to finish, nothing is timed)
        self.qtbot.wait(self.rng.choice([0, 0, 1, 5, 20, 60]))
        return name


def test_a_monkey_cannot_break_the_window(qtbot, qtlog, tmp_path, monkeypatch, caplog,
                                          no_mouse_rate_limit, reliability_figures):
    uncaught, reported = [], []
    previous_hook = sys.excepthook

    def hook(kind, value, tb):
        uncaught.append(f"{kind.__name__}: {value}")
        previous_hook(kind, value, tb)

    monkeypatch.setattr(sys, "excepthook", hook)
    caplog.set_level(logging.WARNING)
    w = new_window(settings_in(tmp_path))
    try:
        original_report = w.report_error
        w.report_error = lambda message: (reported.append(message), original_report(message))
        with qtbot.waitSignal(w.runs_ready, timeout=15_000):
            w.show()
        qtbot.waitExposed(w)
        w.activateWindow()
        # dialogs would block: answer them the way a user might
        w.sessions.ask_discard = lambda: True
        w.sessions.ask_open_path = lambda: str(tmp_path / "session-0.json")
        w.sessions.ask_save_path = lambda: str(tmp_path / "session-1.json")
        w.exports.ask_options = lambda animation: ExportOptions(
            str(tmp_path / ("anim.gif" if animation else "shortcut.png")), (240, 180),
            frames=8, fps=10)
        w.exports.ask_data_path = lambda: str(tmp_path / "shortcut.csv")

        monkey = Monkey(qtbot, w, random.Random(SEED), tmp_path)
        history = []
        for _ in range(ACTIONS):
            history.append(monkey.act())
            assert not uncaught, f"after {history[-8:]}: {uncaught}"
            assert not reported, f"after {history[-8:]}: {reported}"
    finally:
        # close at once, while runs, searches, maps and exports may still be going; closing
        # must stop every thread of the window (checked), and the window is deleted now, so
        # nothing of it outlives the test, whatever failed above
        close_window(w)

    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
    assert not uncaught
    assert not reported
    warnings = [r.message for r in qtlog.records if r.type >= 1   # QtWarningMsg and above
                and "propagateSizeHints" not in r.message]      # the offscreen plugin's own
    assert not warnings
    survived = sum(monkey.done.values())
    assert survived >= 300
    kinds = set(monkey.done)
    assert len(kinds) >= 18, monkey.done
    print(f"\nmonkey actions: {dict(sorted(monkey.done.items()))}")
    reliability_figures[SURVIVED] = reliability_figures.get(SURVIVED, 0) + survived
