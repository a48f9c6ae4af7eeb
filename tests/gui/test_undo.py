"""Edit > Undo and Redo in the window: the entries are enabled only when there is something to
do and name it; Ctrl+Z takes back a canvas click (the runs follow) or a typed hyperparameter
(the box shows the old value), Ctrl+Shift+Z and Ctrl+Y make it again; opening a session starts
a fresh history; Ctrl+Z in a focused field undoes its typing, not the document."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from beale_gui.document import SEED_START

from .helpers import WAIT, close_window, debounce_settled, open_window, settings_in, viewport_point
from .test_canvas import drag
from .test_panel import type_into

ADAM = 5


@pytest.fixture
def window(qtbot, tmp_path):
    w = open_window(qtbot, settings_in(tmp_path))
    yield w
    close_window(w)


def _click_canvas(qtbot, window, x, y):
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        qtbot.mouseClick(window.canvas.layout_widget.viewport(), Qt.MouseButton.LeftButton,
                         pos=viewport_point(window.canvas, x, y))


def _keys(qtbot, window, key, modifiers=Qt.KeyboardModifier.ControlModifier):
    """A shortcut pressed with the canvas focused (no text field has the keys)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    window.canvas.layout_widget.setFocus()
    qtbot.keyClick(window.canvas.layout_widget, key, modifiers)


def test_the_edit_menu_sits_between_file_and_view_with_undo_and_redo(qtbot, window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:3] == ["&File", "&Edit", "&View"]
    assert window.menu_edit.actions() == [window.undo.action_undo, window.undo.action_redo]
    undo, redo = window.undo.action_undo, window.undo.action_redo
    assert [k.toString() for k in undo.shortcuts()] == ["Ctrl+Z"]
    assert [k.toString() for k in redo.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert not undo.isEnabled()
    assert not redo.isEnabled()
    assert undo.text() == "&Undo"

    _click_canvas(qtbot, window, 1.0, 1.0)
    assert undo.isEnabled()
    assert undo.text() == "&Undo Add start point"
    assert not redo.isEnabled()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        undo.trigger()
    assert not undo.isEnabled()
    assert redo.isEnabled()
    assert redo.text() == "&Redo Add start point"


def test_ctrl_z_takes_back_a_click_and_the_runs_follow(qtbot, window):
    _click_canvas(qtbot, window, 1.0, 1.0)
    clicked = window.starts()      # (1, 1) to the nearest pixel
    assert window.result().n_runs == 12
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        _keys(qtbot, window, Qt.Key.Key_Z)
    np.testing.assert_array_equal(window.starts(), [SEED_START])
    assert window.result().n_runs == 6
    assert window.sessions.is_modified() is False    # back where the session was opened
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        _keys(qtbot, window, Qt.Key.Key_Y)
    np.testing.assert_array_equal(window.starts(), clicked)
    assert window.result().n_runs == 12
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        _keys(qtbot, window, Qt.Key.Key_Z)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        _keys(qtbot, window, Qt.Key.Key_Z,
              Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.result().n_runs == 12


def test_a_drag_is_one_change_undone_at_once(qtbot, window):
    _click_canvas(qtbot, window, 2.5, -2.5)        # clear of the legend (top left)
    clicked = window.starts()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        drag(qtbot, window.canvas, (2.5, -2.5), (1.5, -1.0), steps=8)
    assert not np.array_equal(window.starts(), clicked)
    assert window.document.history.undo_count == 2       # the click, then the release
    assert window.undo.action_undo.text() == "&Undo Move start point"
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        _keys(qtbot, window, Qt.Key.Key_Z)
    np.testing.assert_array_equal(window.starts(), clicked)
    np.testing.assert_array_equal(window.result().starts, clicked)


def test_ctrl_z_after_a_typed_lr_restores_it_in_the_box(qtbot, window):
    lr = window.panel.boxes[ADAM].fields["lr"]
    before = window.document.entries[ADAM].config.hparams["lr"]
    type_into(qtbot, lr, "0.2")
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        debounce_settled(qtbot, window.panel)
    assert window.document.entries[ADAM].config.hparams["lr"] == 0.2
    assert window.undo.action_undo.text() == "&Undo Change Adam lr"
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        _keys(qtbot, window, Qt.Key.Key_Z)
    assert window.document.entries[ADAM].config.hparams["lr"] == before
    assert window.panel.boxes[ADAM].fields["lr"].value() == before     # the box shows it
    assert window.run_state.result.configs[ADAM].hparams["lr"] == before
    debounce_settled(qtbot, window.panel)      # the box shown again writes nothing back
    assert window.document.history.undo_count == 0
    assert window.undo.action_redo.text() == "&Redo Change Adam lr"


def test_opening_a_session_or_a_preset_starts_a_fresh_history(qtbot, window):
    _click_canvas(qtbot, window, 1.0, 1.0)
    assert window.undo.action_undo.isEnabled()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.sessions.load_preset(window.sessions.presets[0])
    assert not window.undo.action_undo.isEnabled()
    assert not window.undo.action_redo.isEnabled()
    _click_canvas(qtbot, window, 1.0, 1.0)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.undo.action_undo.trigger()
    assert window.undo.action_redo.isEnabled()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.sessions.new_session()
    assert not window.undo.action_undo.isEnabled()
    assert not window.undo.action_redo.isEnabled()


def test_ctrl_z_in_a_focused_field_undoes_its_typing_not_the_document(qtbot, window):
    _click_canvas(qtbot, window, 1.0, 1.0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    lr = window.panel.boxes[ADAM].fields["lr"]
    edit = lr.lineEdit()
    type_into(qtbot, lr, "0.25")
    assert edit.text() == "0.25"
    assert lr.hasFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() != "0.25"                       # the field's own undo
    assert len(window.starts()) == 2                    # the document's click stays
    assert window.document.history.undo_count == 1
    assert window.undo.action_undo.text() == "&Undo Add start point"
