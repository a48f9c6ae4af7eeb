"""Models on data in the window (issue 25): Function > Model on data…, the Data view following
the playhead and a dragged start, the axes named p1 and p2, and the loss plot's epochs and
mini-batch loss."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from beale_gui.core.engine import OptimizerConfig, StochasticConfig
from beale_gui.core.models import ModelFunction, default_model
from beale_gui.document import OptimizerEntry

from .helpers import WAIT, new_window, open_window, settings_in, viewport_point


@pytest.fixture
def window(qtbot, tmp_path):
    return open_window(qtbot, settings_in(tmp_path), size=(1400, 900))


def open_dialog(qtbot, window):
    window.models.action_model.trigger()
    dialog = window.models.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def choose_model(qtbot, window, kind: str = "linear") -> ModelFunction:
    """Choose ``kind`` on its built-in data through the dialog; wait for its runs."""
    dialog = open_dialog(qtbot, window)
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData(kind))
    dialog.preview_now()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        ok_button(dialog).click()
    model = window.document.function
    assert isinstance(model, ModelFunction)
    return model


def test_the_dialog_sets_a_model_as_one_undoable_edit(qtbot, window):
    before = window.document.function
    assert not window.models.dock.isVisible()
    model = choose_model(qtbot, window, "linear")
    assert model.model == "linear"
    assert model.data.name == "noisy-line"
    assert model.data.n == 100
    # the Data dock comes with a model; the chooser names it
    assert window.models.dock.isVisible()
    assert window.panel.function_chooser.combo.currentText() == model.title
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.undo.action_undo.trigger()
    assert window.document.function is before
    assert not window.models.dock.isVisible()      # hidden for other functions
    window.document.history.redo()
    assert window.document.function is model


def test_the_function_list_offers_a_model_and_keeps_the_function_until_ok(qtbot, window):
    from beale_gui.gui.forms.function_chooser import MODEL

    combo = window.panel.function_chooser.combo
    shown = combo.currentText()
    combo.setCurrentIndex(combo.findData(MODEL))
    dialog = window.models.dialog
    assert dialog is not None
    assert combo.currentText() == shown               # an action, not a function
    dialog.reject()
    qtbot.waitUntil(lambda: window.models.dialog is None, timeout=WAIT)
    assert window.document.function.name == "beale"
    model = choose_model(qtbot, window, "tanh-neuron")
    assert combo.currentText() == model.title


def test_the_dialog_previews_samples_and_minimum_and_the_model_default_data(qtbot, window):
    dialog = open_dialog(qtbot, window)
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("logistic"))
    dialog.preview_now()
    assert dialog.set_combo.currentData() == "two-classes"
    assert "200 samples" in dialog.preview.text()
    assert "minimum" in dialog.preview.text()
    # a small noise separates the classes: no minimum, said why
    dialog.noise_spin.setValue(0.05)
    dialog.preview_now()
    assert "separable" in dialog.preview.text()
    assert ok_button(dialog).isEnabled()
    dialog.reject()


def test_enter_in_a_field_just_edited_takes_the_model(qtbot, window):
    dialog = open_dialog(qtbot, window)
    dialog.noise_spin.setFocus()
    dialog.noise_spin.setValue(0.25)                   # the preview still waits
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        QTest.keyClick(dialog.noise_spin, Qt.Key.Key_Return)
    assert window.document.function.data.source["noise"] == 0.25


def test_a_bad_csv_shows_its_line_and_changes_nothing(qtbot, window, tmp_path):
    path = tmp_path / "points.csv"
    path.write_text("x,y\n1,2\n2,4\n3,oops\n")
    before = window.document.function
    undo_before = window.document.history.undo_count
    dialog = open_dialog(qtbot, window)
    dialog.csv_radio.setChecked(True)
    dialog.path_edit.setText(str(path))
    dialog.preview_now()
    assert "line 4" in dialog.error.text()
    assert dialog.error.isVisible()
    assert not ok_button(dialog).isEnabled()
    dialog.accept()                                   # Enter: refused, the dialog stays
    assert dialog.isVisible()
    assert window.document.function is before
    assert window.document.history.undo_count == undo_before
    # mended, it loads
    path.write_text("x,y\n1,2\n2,4\n3,6.5\n")
    dialog.path_edit.setText(str(path) + " ")
    dialog.preview_now()
    assert dialog.error.text() == "" or not dialog.error.isVisible()
    assert "3 samples" in dialog.preview.text()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        ok_button(dialog).click()
    assert window.document.function.data.n == 3


def test_the_axes_read_p1_p2_for_a_model(qtbot, window):
    plot = window.canvas.plot_item
    assert plot.getAxis("bottom").labelText == "x"
    choose_model(qtbot, window, "tanh-neuron")
    assert plot.getAxis("bottom").labelText == "p1"
    assert plot.getAxis("left").labelText == "p2"
    window._on_cursor_moved(0.5, 1.0)
    assert window.cursor_label.text().startswith("p1 = 0.5  p2 = 1")
    table = window.results.model
    headers = [table.headerData(c, Qt.Orientation.Horizontal) for c in range(3, 5)]
    assert headers == ["p1", "p2"]
    assert window.loss_plot.plot_item.getAxis("left").labelText.startswith("f(p1, p2)")
    # the batch size says it counts samples
    box = window.panel.boxes[0]
    assert "of the model's 100" in box.batch_field.toolTip()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.history.undo()
    assert plot.getAxis("bottom").labelText == "x"
    assert "of the model's" not in window.panel.boxes[0].batch_field.toolTip()
    assert window.results.model.headerData(3, Qt.Orientation.Horizontal) == "x"


def test_the_data_view_shows_the_samples_and_the_fit_follows_the_playhead(qtbot, window):
    model = choose_model(qtbot, window, "linear")
    view = window.models.data_view
    qtbot.waitUntil(lambda: view.curve_data() is not None, timeout=WAIT)
    x, y = view.samples_shown()
    np.testing.assert_array_equal(np.sort(x), np.sort(model.data.x))
    window.playback.pause()
    with qtbot.waitSignal(view.refreshed, timeout=WAIT):
        window.playback.set_step(0)
    at_start = view.curve_data()[1].copy()
    result = window.run_state.result
    run = window.run_state.selected_run
    start = result.paths[run, 0]
    np.testing.assert_allclose(at_start, model.predict(start, view.curve_data()[0]))
    step = min(40, int(result.stop_step[run]))
    with qtbot.waitSignal(view.refreshed, timeout=WAIT):
        window.playback.set_step(step)
    moved = view.curve_data()[1]
    assert not np.allclose(moved, at_start)
    np.testing.assert_allclose(moved, model.predict(result.paths[run, step],
                                                    view.curve_data()[0]))
    assert f"step {step}" in view.title()


def test_the_fit_swings_as_a_start_is_dragged(qtbot, window, no_mouse_rate_limit):
    choose_model(qtbot, window, "linear")
    view = window.models.data_view
    window.playback.pause()
    with qtbot.waitSignal(view.refreshed, timeout=WAIT):
        window.playback.set_step(0)
    qtbot.waitUntil(lambda: view.curve_data() is not None, timeout=WAIT)
    before = view.curve_data()[1].copy()
    start = window.document.starts[0]
    canvas = window.canvas
    viewport = canvas.layout_widget.viewport()
    press = viewport_point(canvas, *start)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, press)
    QTest.mouseMove(viewport, press + QPoint(12, 0))
    target = (start[0] + 1.0, start[1] - 0.5)
    with qtbot.waitSignal(view.refreshed, timeout=WAIT):
        QTest.mouseMove(viewport, viewport_point(canvas, *target))
    qtbot.waitUntil(lambda: not np.allclose(view.curve_data()[1], before), timeout=WAIT)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier, viewport_point(canvas, *target))
    assert not np.allclose(view.curve_data()[1], before)


def test_past_the_start_a_dashed_fit_at_the_start_swings_with_the_drag(qtbot, window,
                                                                       no_mouse_rate_limit):
    """With the playhead at the end every run's fit is the best one; the dashed fit at the
    selected run's start is what a dragged start swings."""
    choose_model(qtbot, window, "linear")
    view = window.models.data_view
    window.playback.pause()
    with qtbot.waitSignal(view.refreshed, timeout=WAIT):
        window.playback.set_step(40)
    qtbot.waitUntil(lambda: view.start_curve_data() is not None, timeout=WAIT)
    before = view.start_curve_data()[1].copy()
    assert "dashed" in view.title()
    start = window.document.starts[0]
    canvas = window.canvas
    viewport = canvas.layout_widget.viewport()
    press = viewport_point(canvas, *start)
    target = (start[0] + 1.0, start[1] - 0.5)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, press)
    QTest.mouseMove(viewport, press + QPoint(12, 0))
    QTest.mouseMove(viewport, viewport_point(canvas, *target))
    qtbot.waitUntil(lambda: view.start_curve_data() is not None
                    and not np.allclose(view.start_curve_data()[1], before), timeout=WAIT)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier, viewport_point(canvas, *target))
    moved = window.document.starts[0]
    xs, ys = view.start_curve_data()
    model = window.document.function
    np.testing.assert_allclose(ys, model.predict(moved, xs), rtol=1e-9, atol=1e-9)


def test_many_samples_are_drawn_evenly_and_the_title_says_so(qtbot, window):
    from beale_gui.core.models import builtin_dataset, make_model

    model = make_model("linear", builtin_dataset("noisy-line", n=20_000))
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.models.apply(model)
    view = window.models.data_view
    assert len(view.samples_shown()[0]) == 5000
    assert "5,000 of 20,000 samples drawn" in view.title()


def test_a_model_note_reaches_the_user(qtbot, window):
    from beale_gui.core.models import builtin_dataset, make_model

    model = make_model("logistic", builtin_dataset("two-classes", noise=0.01))
    assert model.minimum_note
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.models.apply(model)
    assert model.minimum_note in window.canvas.plot_item.titleLabel.toolTip()
    assert window.canvas.note_label.isVisible()
    assert model.minimum_note in window.canvas.note_label.full_text()
    # a preset's note above the canvas says more: the model's line makes room for it
    window.note.show_note("A preset", "what it shows")
    assert not window.canvas.note_label.isVisible()
    window.note.clear()
    assert window.canvas.note_label.isVisible()
    assert model.minimum_note in window.statusBar().currentMessage()


def _stochastic_window(qtbot, window):
    model = default_model("linear")
    entry = OptimizerEntry(OptimizerConfig("sgd", {"lr": 0.05},
                                           stochastic=StochasticConfig(batch_size=10)),
                           "#E69F00")
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.update(function=model, expression=None, entries=[entry])
    return model


def test_the_loss_plot_counts_epochs_for_a_stochastic_run_on_a_model(qtbot, window):
    _stochastic_window(qtbot, window)
    assert window.loss_plot.epoch_length == 10          # 100 samples, batches of 10
    top = window.loss_plot.plot_item.getAxis("top")
    assert top.isVisible()
    assert "1 epoch = 10 steps" in top.labelText
    assert top.tickStrings([0.0, 10.0, 20.0], 1.0, 10.0) == ["0", "1", "2"]
    # a full-batch run counts no epochs
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.update(entries=[OptimizerEntry(OptimizerConfig("gd"), "#E69F00")])
    assert window.loss_plot.epoch_length is None
    assert not top.isVisible()


def test_the_mini_batch_loss_shows_when_asked(qtbot, window):
    _stochastic_window(qtbot, window)
    plot = window.loss_plot
    assert not window.models.action_batch_loss.isChecked()
    assert plot.batch_curves == []
    window.models.action_batch_loss.trigger()
    assert len(plot.batch_curves) == 1
    x, y = plot.batch_curves[0].getData()
    assert len(x) > 10
    assert np.isfinite(y).any()
    window.models.action_batch_loss.trigger()
    assert plot.batch_curves == []


def test_a_restored_layout_shows_the_data_dock_only_for_a_model(qtbot, tmp_path):
    settings = settings_in(tmp_path)
    first = open_window(qtbot, settings)
    choose_model(qtbot, first, "linear")
    assert first.models.dock.isVisible()
    first.close()
    again = new_window(settings, restore=True)
    with qtbot.waitSignal(again.launched, timeout=WAIT):
        again.show()
    is_model = isinstance(again.document.function, ModelFunction)
    assert again.models.dock.isVisible() == is_model


def test_the_explain_panel_names_a_models_axes_p1_p2(qtbot, window):
    choose_model(qtbot, window, "linear")
    with qtbot.waitSignal(window.explain_dock.visibilityChanged, timeout=WAIT):
        window.action_explain.trigger()
    qtbot.waitUntil(lambda: window.explain_panel.explanation() is not None, timeout=WAIT)
    window.explain_panel.refresh()
    text = window.explain_panel.browser.toPlainText()
    assert "p1" in text
    assert "p2" in text
