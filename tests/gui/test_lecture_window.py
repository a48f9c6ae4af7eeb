"""The window as a lecture instrument (issue 15): the canvas keeps half the window's height
whatever docks are open and the bottom area gives its space back; the table and the loss plot
agree with the playhead; a preset says what it shows until the user changes something."""

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt

from beale_gui.core.engine import CONVERGED, DIVERGED, OptimizerConfig
from beale_gui.document import OptimizerEntry
from beale_gui.gui.controllers.runs import DIVERGED_NOTE
from beale_gui.gui.views.loss_plot import power_of_ten
from beale_gui.gui.views.results_table import RUNNING, STATUS_COLUMN, format_number
from beale_gui.gui.window_layout import BOTTOM_SHARE

from .helpers import WAIT, open_window, settings_in


@pytest.fixture
def small(qtbot, tmp_path):
    """A window at a projector's 1280 x 800."""
    return open_window(qtbot, settings_in(tmp_path), size=(1280, 800))


def _half_kept(w) -> bool:
    w.canvas_floor.apply()
    return w.canvas.height() >= math.ceil(w.height() / 2)


def test_the_canvas_keeps_half_the_window_whatever_docks_are_open(qtbot, small):
    w = small
    assert w.height() == 800
    qtbot.waitUntil(lambda: _half_kept(w), timeout=WAIT)
    w.search.action.trigger()              # Tools > Search: it asks for 45% of the height
    # it gets what room there is, and the canvas keeps its half
    qtbot.waitUntil(lambda: w.search.dock.height() > w.height() * BOTTOM_SHARE + 20,
                    timeout=WAIT)
    assert _half_kept(w)
    searching = w.search.dock.height()
    w.basins.action.trigger()              # the basin map, tabbed in the same area
    qtbot.waitUntil(lambda: w.basins.dock.isVisible() and _half_kept(w), timeout=WAIT)
    # closing it brings the results to the front, which give the room back
    w.basins.dock.close()
    w.results_dock.raise_()
    qtbot.waitUntil(lambda: w.results_dock.height() <= w.height() * BOTTOM_SHARE + 2,
                    timeout=WAIT)
    assert w.results_dock.height() < searching
    assert _half_kept(w)
    w.resize(1400, 900)
    w.search.dock.raise_()
    qtbot.waitUntil(lambda: w.height() == 900 and _half_kept(w), timeout=WAIT)


def test_numbers_read_in_four_significant_digits():
    assert format_number(0.01623776739188723) == "0.01624"
    assert format_number(3.0) == "3.000"
    assert format_number(-113.24) == "-113.2"
    assert format_number(1234.4) == "1234"
    assert format_number(12345.0) == "1.234e4" or format_number(12345.0) == "1.235e4"
    assert format_number(-1.234567e-5) == "-1.235e-5"
    assert format_number(float("nan")) == ""


def test_the_status_column_reads_what_is_true_at_the_playhead(qtbot, small):
    w = small
    result = w.result()
    i = int(np.flatnonzero(result.status == CONVERGED)[0])
    k = int(result.event_step[i])
    model = w.results.model
    status = model.index(i, STATUS_COLUMN)
    for step, expected in ((0, RUNNING), (k - 1, RUNNING), (k, result.describe(i, distance=False)),
                           (result.n_steps, result.describe(i, distance=False))):
        w.playback.set_step(step)
        w.results.flush()
        assert model.data(status) == expected, step
    assert result.describe(i).startswith(f"converged at step {k}")
    w.playback.set_step(k - 1)
    w.results.flush()
    assert model.data(status, Qt.ItemDataRole.ForegroundRole) is None   # not green yet
    # the column is as wide as the text it will read, before it reads it
    width = w.results.view.columnWidth(STATUS_COLUMN)
    metrics = w.results.view.fontMetrics()
    assert all(metrics.horizontalAdvance(result.describe(j, distance=False)) < width
               for j in range(result.n_runs))


def test_a_diverged_run_reads_diverged_only_from_its_step_and_the_note_goes(qtbot, small):
    w = small
    entries = [OptimizerEntry(OptimizerConfig("gd", {"lr": 1e3}), "#E69F00"),
               *w.document.entries[5:]]
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.document.set_entries(entries)
    result = w.result()
    assert result.status[0] == DIVERGED
    assert DIVERGED_NOTE in w.statusBar().currentMessage()
    model = w.results.model
    k = int(result.event_step[0])
    w.playback.set_step(k - 1)
    w.results.flush()
    assert model.data(model.index(0, STATUS_COLUMN)) == RUNNING
    assert model.data(model.index(0, 3), Qt.ItemDataRole.BackgroundRole) is None
    w.playback.set_step(k)
    w.results.flush()
    assert model.data(model.index(0, STATUS_COLUMN)).startswith("diverged")
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):    # nothing diverges any more
        w.document.set_entries(w.document.entries[1:])
    assert not (w.result().status == DIVERGED).any()
    assert DIVERGED_NOTE not in w.statusBar().currentMessage()


def test_the_loss_plot_reads_in_powers_of_ten_with_a_key_for_line_styles(qtbot, small):
    w = small
    loss = w.loss_plot
    axis = loss.plot_item.getAxis("left")
    assert axis.labelText.startswith("f(x, y)")
    assert [power_of_ten(k) for k in (-8, -1, 0, 1, 2)] == ["10⁻⁸", "10⁻¹", "1", "10", "10²"]
    lo, hi = loss.view_ranges()[1]
    levels = axis.tickValues(lo, hi, 300)
    labelled = [v for spacing, values in levels if spacing is not None for v in values]
    assert len(labelled) >= 4                  # enough ticks
    strings = axis.tickStrings(labelled, 1.0, levels[0][0])
    assert all(s == "1" or s.startswith("10") for s in strings), strings
    assert not loss.key.isVisible()           # one start point: no key needed
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.document.add_start(-2.0, 2.0)
    assert loss.key.isVisibleTo(w)
    assert [style for style, _ in loss.key.entries] == [Qt.PenStyle.SolidLine,
                                                        Qt.PenStyle.DashLine]
    assert loss.key.entries[1][1] == "start 2 (-2, 2)"


def test_a_loss_within_one_decade_is_labelled_at_two_and_five_times_it(qtbot, small):
    """Rastrigin's loss from the default start spans about 2 to 40: one decade label alone
    would not let a value be read off."""
    axis = small.loss_plot.plot_item.getAxis("left")
    levels = axis.tickValues(math.log10(1.9), math.log10(40.0), 300)
    labelled = sorted(v for spacing, values in levels if spacing is not None for v in values)
    assert axis.tickStrings(labelled, 1.0, levels[0][0]) == ["2", "5", "10", "20"]


def test_the_loss_curves_can_be_drawn_up_to_the_playhead(qtbot, small):
    w = small
    loss, action = w.loss_plot, w.action_loss_to_playhead
    assert action in w.menu_view.actions()
    ends = [len(c.getData()[0]) for c in loss.curves]
    action.trigger()
    assert loss.up_to_playhead
    w.playback.set_step(10)
    assert [len(c.getData()[0]) for c in loss.curves] == [min(11, e) for e in ends]
    w.playback.set_step(0)
    assert [len(c.getData()[0]) for c in loss.curves] == [1] * len(ends)
    action.trigger()
    assert [len(c.getData()[0]) for c in loss.curves] == ends


def test_a_preset_says_what_it_shows_until_the_user_changes_something(qtbot, small):
    w = small
    race = next(p for p in w.sessions.presets if p.path.name.startswith("03-"))
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.sessions.load_preset(race)
    assert w.note.isVisibleTo(w)
    assert w.note.title == race.title == "Six optimizers race on Beale"
    assert w.note.text == race.description
    assert "Adagrad" in w.note.label.text()
    assert w.action_loss_to_playhead.isChecked()      # a race: the curves follow the playhead
    qtbot.waitUntil(lambda: _half_kept(w), timeout=WAIT)
    w.canvas.cursor_moved.emit(1.0, 1.0)              # the cursor readout leaves it alone
    assert w.note.isVisibleTo(w)
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.document.add_start(-2.0, 2.0)
    assert not w.note.isVisibleTo(w)
    one = w.sessions.presets[0]
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.sessions.load_preset(one)
    assert w.note.title == "Gradient descent on Beale, step by step"
    assert not w.action_loss_to_playhead.isChecked()  # one optimizer: no race
    w.note.close_button.click()
    assert not w.note.isVisibleTo(w)


def test_the_option_is_kept_in_the_layout_settings(qtbot, tmp_path):
    settings = settings_in(tmp_path)
    first = open_window(qtbot, settings)
    first.action_loss_to_playhead.trigger()
    first.close()
    from .helpers import new_window
    again = new_window(settings, restore=True)
    assert again.action_loss_to_playhead.isChecked()
    assert again.loss_plot.up_to_playhead
