"""The main window end to end (offscreen): launch state, clicks on the canvas, playback,
panel edits, divergence, closing during a long run, and the remembered layout."""

import dataclasses
import html

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from beale_gui.core.engine import DIVERGED, OptimizerConfig
from beale_gui.core.schedules import ScheduleConfig
from beale_gui.document import SEED_START, OptimizerEntry
from beale_gui.gui.dialogs.help import SHORTCUTS
from beale_gui.gui.views.run_styles import optimizer_label, start_style

from .helpers import new_window, settings_in, viewport_point

WAIT = 15_000

# The offscreen platform plugin warns whenever a top-level window's size constraints change
# (any QMainWindow with a layout): a limitation of the plugin, not of the app.


def _open(qtbot, tmp_path, restore=False, name="layout.ini"):
    window = new_window(settings_in(tmp_path, name), restore=restore)   # deleted with the test
    window.show()
    qtbot.waitExposed(window)
    return window


def _lr_field(window, box=0):
    return window.panel.boxes[box].fields["lr"]


def _type(qtbot, field, text):
    """Replace a panel field's text the way a user does: select all, type."""
    edit = field.lineEdit()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def _click_canvas(qtbot, window, x, y, button=Qt.MouseButton.LeftButton):
    qtbot.mouseClick(window.canvas.layout_widget.viewport(), button,
                     pos=viewport_point(window.canvas, x, y))


def test_launch_shows_the_seed_start_and_six_optimizers(window):
    result = window.result()
    np.testing.assert_array_equal(window.starts(), [SEED_START])
    assert result.n_runs == 6
    assert [c.name for c in result.configs] == ["gd", "momentum", "nesterov", "adagrad",
                                               "rmsprop", "adam"]
    np.testing.assert_allclose(result.paths[:, 0], [SEED_START] * 6)
    assert window.current_step() == result.n_steps   # every path shown whole
    assert not window.playback.is_playing            # ready: Play plays from step 0
    assert window.playback.n_steps == result.n_steps > 0
    assert window.results.model.rowCount() == 6
    assert len(window.loss_plot.curves) == 6
    assert window.playback.step_label.text() == f"step {result.n_steps} / {result.n_steps}"


def test_click_on_the_canvas_adds_a_start_point_and_its_paths(qtbot, window):
    x, y = 2.5, -2.5    # clear of the legend (top left)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        _click_canvas(qtbot, window, x, y)
    px, py = window.canvas.plot_item.getViewBox().viewPixelSize()
    starts = window.starts()
    assert starts.shape == (2, 2)
    np.testing.assert_allclose(starts[1], (x, y), atol=2 * max(px, py))
    result = window.result()
    assert result.n_runs == 6 * 2
    np.testing.assert_allclose(result.starts, starts)
    assert window.results.model.rowCount() == 12
    assert len(window.loss_plot.curves) == 12
    # paused before the click: the new paths appear whole, and Space plays them from step 0
    assert not window.playback.is_playing
    assert window.current_step() == result.n_steps
    new_runs = [i for i in range(result.n_runs) if result.start_index[i] == 1]
    for i in new_runs:
        assert window.canvas.run_tracks()[i].drawn_points() > 1
    # while playing, a click restarts the animation from the start and keeps playing
    window.playback.play()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        _click_canvas(qtbot, window, -2.0, -2.5)
    assert window.playback.is_playing
    assert window.current_step() < window.result().n_steps // 2


def test_space_plays_and_the_step_advances(qtbot, window):
    window.activateWindow()
    window.canvas.layout_widget.setFocus()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=WAIT)
    with qtbot.waitSignal(window.playback.step_changed, timeout=WAIT,
                          check_params_cb=lambda k: k >= 5):
        qtbot.keyClick(window.canvas.layout_widget, Qt.Key.Key_Space)
    assert window.playback.is_playing
    assert window.current_step() >= 5
    play = window.playback.action_play
    assert (play.text(), play.toolTip()) == ("Pause", "Pause (Space)")
    qtbot.keyClick(window.canvas.layout_widget, Qt.Key.Key_Space)
    assert not window.playback.is_playing
    assert (play.text(), play.toolTip()) == ("Play", "Play (Space)")
    k = window.current_step()
    qtbot.keyClick(window.canvas.layout_widget, Qt.Key.Key_Right)
    assert window.current_step() == k + 1
    qtbot.keyClick(window.canvas.layout_widget, Qt.Key.Key_Home)
    assert window.current_step() == 0
    qtbot.keyClick(window.canvas.layout_widget, Qt.Key.Key_End)
    assert window.current_step() == window.result().n_steps


def test_the_scrubber_sets_the_step_everywhere(window):
    result = window.result()
    k = result.n_steps // 4
    window.playback.scrubber.setValue(k)
    assert window.current_step() == k
    assert window.loss_plot.cursor_step == k
    window.results.flush()
    assert window.results.model.step == k
    values = window.results.model.values()
    idx = np.minimum(k, result.stop_step)
    np.testing.assert_allclose(values[:, :2], result.paths[np.arange(6), idx])
    assert window.playback.step_label.text() == f"step {k} / {result.n_steps}"


def test_playback_reaches_the_end_and_stops(qtbot, window):
    window.playback.set_speed_position(window.playback.speed_slider.maximum())
    with qtbot.waitSignal(window.playback.playing_changed, timeout=WAIT,
                          check_params_cb=lambda playing: not playing):
        window.playback.play()
    assert window.current_step() == window.result().n_steps


def test_changing_lr_in_the_panel_recomputes(qtbot, window):
    before = window.result()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        _type(qtbot, _lr_field(window, 0), "0.002")
    after = window.result()
    assert after is not before
    assert after.configs[0].hparams["lr"] == pytest.approx(0.002)
    assert not np.allclose(after.paths[0, 1:50], before.paths[0, 1:50])
    np.testing.assert_array_equal(after.paths[1], before.paths[1])   # momentum unchanged


def test_an_invalid_lr_is_refused_with_a_message(qtbot, window):
    before, generation = window.result(), window.runs.generation
    speed = window.playback.speed_position
    field = _lr_field(window, 0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    with qtbot.waitSignal(window.panel.message, timeout=WAIT,
                          check_params_cb=lambda m: "lr" in m):
        _type(qtbot, field, "-1")
    assert window.playback.speed_position == speed    # "-" was typed, not a shortcut
    _press_key(qtbot, window, Qt.Key.Key_Minus)           # elsewhere it is one
    assert window.playback.speed_position < speed
    assert not field.is_valid()
    assert "lr" in window.statusBar().currentMessage()
    assert window.result() is before
    assert window.runs.generation == generation        # nothing was recomputed


def _only(entry_name, lr):
    return [OptimizerEntry(OptimizerConfig(entry_name, {"lr": lr}), "#E69F00")]


def test_a_diverging_optimizer_is_flagged_and_ranges_stay_finite(qtbot, window):
    entries = _only("gd", 1e3) + list(window.document.entries[5:])  # gd blows up, adam not
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.set_entries(entries)
    result = window.result()
    assert result.status[0] == DIVERGED
    assert result.status[1] != DIVERGED
    model = window.results.model
    assert "diverged" in model.data(model.index(0, 2))
    assert model.data(model.index(0, 2), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(1, 2), Qt.ItemDataRole.BackgroundRole) is None
    window.playback.to_end()
    (x0, x1), (y0, y1) = window.canvas.view_extent()
    (bx0, bx1), (by0, by1) = result.function.bounds
    assert np.isfinite([x0, x1, y0, y1]).all()
    assert x1 - x0 <= 4 * (bx1 - bx0)
    assert y1 - y0 <= 4 * (by1 - by0)
    assert np.isfinite(window.loss_plot.view_ranges()).all()
    assert "diverged" in window.statusBar().currentMessage()


def test_closing_during_a_long_run_ends_the_thread_promptly(qtbot, tmp_path):
    w = _open(qtbot, tmp_path)
    with qtbot.waitSignal(w.runs.progress, timeout=WAIT):   # the long run is under way
        w.document.update(entries=_only("gd", 1e-4), max_steps=10**6, tol=0.0)
    assert w.runs.thread.isRunning()
    w.close()
    assert not w.runs.thread.isRunning()


def test_dock_layout_round_trips_through_qsettings(qtbot, tmp_path):
    first = _open(qtbot, tmp_path)
    assert first.loss_dock.isVisible()
    first.loss_dock.toggleViewAction().trigger()
    first.action_mechanics.setChecked(True)
    first.close()

    second = _open(qtbot, tmp_path, restore=True)
    assert not second.loss_dock.isVisible()
    assert second.results_dock.isVisible()
    assert second.panel_dock.isVisible()
    assert second.action_mechanics.isChecked()
    second.close()

    third = _open(qtbot, tmp_path, restore=False)     # restore=False: the default layout
    assert third.loss_dock.isVisible()
    third.close()


def test_a_failing_slot_is_reported_and_the_app_goes_on(qtbot, window, monkeypatch, caplog):
    def boom(*_):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(window.loss_plot, "set_step", boom)   # called by the window only
    window.playback.set_step(3)              # _on_step calls loss_plot.set_step
    assert "kaboom" in window.statusBar().currentMessage()
    assert window.error_dialog().isVisible()                      # and in a dialog
    assert "kaboom" in window.error_dialog().informativeText()
    assert not window.error_dialog().isModal()
    assert any("kaboom" in r.getMessage() or "kaboom" in str(r.exc_info) for r in caplog.records)
    window.results.flush()
    assert window.results.model.step == window.result().n_steps  # the slot stopped at the failure
    assert window.current_step() == 3         # and the app goes on


def _press_key(qtbot, window, key):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    qtbot.keyClick(window.canvas.layout_widget, key)


def test_right_click_removes_a_start_point_and_a_click_brings_runs_back(qtbot, window):
    _click_canvas(qtbot, window, *SEED_START, button=Qt.MouseButton.RightButton)
    assert window.starts().shape == (0, 2)
    assert window.result() is None
    assert window.results.model.rowCount() == 0
    assert window.loss_plot.curves == []
    assert window.playback.n_steps == 0
    assert "start point" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        _click_canvas(qtbot, window, 2.5, -2.5)
    assert window.result().n_runs == 6


def test_dragging_a_start_point_moves_it(qtbot, window):
    view = window.canvas.layout_widget
    vb = window.canvas.plot_item.getViewBox()

    def at(x, y):
        return viewport_point(window.canvas, x, y)

    start, end = (2.5, -2.5), (1.5, -1.0)    # clear of the legend (top left)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        _click_canvas(qtbot, window, *start)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=at(*start))
    for t in np.linspace(0.1, 1.0, 10):
        qtbot.mouseMove(view.viewport(), at(start[0] + t * (end[0] - start[0]),
                                            start[1] + t * (end[1] - start[1])))
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=at(*end))
    px, py = vb.viewPixelSize()
    qtbot.waitUntil(lambda: np.allclose(window.result().starts[1], end, atol=2 * max(px, py))
                    and window.current_step() == window.result().n_steps, timeout=WAIT)
    np.testing.assert_allclose(window.starts()[1], end, atol=2 * max(px, py))
    np.testing.assert_array_equal(window.starts()[0], SEED_START)
    np.testing.assert_allclose(window.result().starts, window.starts())


def test_no_enabled_optimizer_clears_the_runs_with_a_message(qtbot, window):
    window.document.set_entries([dataclasses.replace(entry, enabled=False)
                                 for entry in window.document.entries])
    assert window.result() is None
    assert "No optimizer" in window.statusBar().currentMessage()


def test_a_schedule_puts_the_learning_rate_on_a_second_axis(qtbot, window):
    assert window.loss_plot.lr_curves == []
    config = OptimizerConfig("gd", {"lr": 0.01}, schedule=ScheduleConfig("inverse_time",
                                                                         {"decay": 0.01}))
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.set_entries([OptimizerEntry(config, "#E69F00")])
    (curve,) = window.loss_plot.lr_curves
    x, y = curve.getData()
    assert y[0] == pytest.approx(0.01)
    assert y[-1] < y[0]
    assert window.loss_plot.plot_item.getAxis("right").isVisible()


def _legend(window) -> list[tuple[str, str]]:
    return [(text, sample.pens[-1].color().name())
            for sample, text in window.canvas.legend_rows()]


def test_the_views_follow_the_optimizers_and_the_start_points(qtbot, window):
    entries = [e for e in window.document.entries if e.enabled]
    assert _legend(window) == [(optimizer_label(e.config), QColor(e.colour).name())
                               for e in entries]
    two = [OptimizerEntry(OptimizerConfig("gd", {"lr": 0.002}), "#D55E00"),
           OptimizerEntry(OptimizerConfig("adam", {"lr": 0.05}), "#009E73")]
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.update(entries=two)
    assert _legend(window) == [(optimizer_label(e.config), e.colour.lower()) for e in two]
    assert len(window.canvas.run_tracks()) == len(window.loss_plot.curves) == 2
    window.document.remove_start(0)
    assert window.canvas.run_tracks() == ()
    assert window.loss_plot.curves == []
    assert not window.canvas.legend_shown()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.add_start(*SEED_START)
        window.document.add_start(2.5, -2.5)
    result = window.result()
    assert result.n_runs == 4
    assert window.canvas.legend_shown()
    assert _legend(window) == [(optimizer_label(e.config), e.colour.lower()) for e in two]
    assert len(window.canvas.run_tracks()) == len(window.loss_plot.curves) == 4
    for i, curve in enumerate(window.loss_plot.curves):
        assert curve.opts["pen"].color() == QColor(two[result.config_index[i]].colour)
        assert curve.opts["pen"].style() == start_style(result.start_index[i])
        np.testing.assert_array_equal(window.canvas.run_tracks()[i].xy, result.paths[i])


def test_m_toggles_the_mechanics_arrows(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(window.canvas, "set_mechanics", shown.append)
    _press_key(qtbot, window, Qt.Key.Key_M)
    assert window.action_mechanics.isChecked()
    assert set(shown[-1]) >= {"heads", "descent", "moment", "step"}
    window.playback.set_step(10)
    np.testing.assert_allclose(shown[-1]["heads"],
                               window.result().paths[np.arange(6), 10])
    _press_key(qtbot, window, Qt.Key.Key_M)
    assert shown[-1] is None


def test_the_shortcuts_dialog_lists_every_shortcut(qtbot, window):
    _press_key(qtbot, window, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    qtbot.waitExposed(dialog)
    text = dialog.findChild(QLabel).text()
    for keys, _what in SHORTCUTS:
        assert html.escape(keys) in text
    for action in [*window.playback.actions(), window.action_mechanics, window.action_quit]:
        for sequence in action.shortcuts():
            name = sequence.toString()
            assert any(name in keys or name.replace("+", "") in keys
                       for keys, _ in SHORTCUTS), name
    dialog.close()
