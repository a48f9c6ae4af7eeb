"""A function typed by the user, end to end in the window: the panel's "Custom…" entry, the
canvas, the runs, a hostile expression, a round trip through the panel's state, a basin map."""

import math
import os

import numpy as np
import pytest
from PySide6.QtCore import Qt

from beale_gui.core.engine import CONVERGED, DIVERGED
from beale_gui.core.functions import FUNCTIONS, math_text
from beale_gui.document import Document
from beale_gui.gui.forms.function_chooser import CUSTOM
from beale_gui.gui.views.results_table import format_number

from .helpers import nothing_applied

WAIT = 15_000
TEXT = "x**2 + 10*sin(y)"
HOSTILE = "__import__('os').system('x')"


@pytest.fixture
def window(window):
    """The shared window (tests/gui/conftest.py), active so that typing reaches it."""
    window.activateWindow()
    return window


def _type(qtbot, edit, text):
    """Replace a line edit's text as a user would: select all, delete, type."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def _choose_custom(window):
    combo = window.panel.function_chooser.combo
    combo.setCurrentIndex(combo.findData(CUSTOM))


def _expected(xy):
    xy = np.asarray(xy, dtype=float)
    return xy[..., 0] ** 2 + 10 * np.sin(xy[..., 1])


def _type_custom(qtbot, window, text=TEXT):
    _choose_custom(window)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        _type(qtbot, window.panel.function_chooser.expression, text)


def _assert_shows_the_typed_function(window):
    result = window.result()
    function = result.function
    assert window.canvas.function is function
    assert math_text(TEXT) in window.canvas.plot_item.titleLabel.text   # x² + 10·sin(y)
    assert function.formula == TEXT
    # every run moved on x**2 + 10 sin y: its loss is that function along its path
    for i in range(result.n_runs):
        stop = int(result.stop_step[i])
        path = result.paths[i, :stop + 1]
        np.testing.assert_allclose(result.loss[i, :stop + 1], _expected(path), rtol=1e-12,
                                   atol=1e-12)
        np.testing.assert_allclose(function.value(path), _expected(path), rtol=1e-12)
    assert window.document.expression == TEXT


def test_typing_a_function_runs_the_optimizers_on_it(qtbot, window):
    assert window.result().function is FUNCTIONS["beale"]
    _type_custom(qtbot, window)
    result = window.result()
    _assert_shows_the_typed_function(window)
    assert result.n_runs == 6
    np.testing.assert_allclose(result.paths[:, 0], [window.starts()[0]] * 6)
    assert (result.stop_step > 0).all()     # every optimizer moved
    # the status bar's f(x, y) is the typed function too
    window.canvas.cursor_moved.emit(1.0, 2.0)
    assert format_number(1 + 10 * math.sin(2)) in window.cursor_label.text()


def test_a_hostile_expression_is_refused_and_nothing_changes(qtbot, window, monkeypatch):
    calls = []
    monkeypatch.setattr(os, "system", lambda *args: calls.append(args) or 0)
    before, generation = window.result(), window.runs.generation
    title = window.canvas.plot_item.titleLabel.text
    chooser = window.panel.function_chooser
    _choose_custom(window)
    with nothing_applied(qtbot, window.panel):    # the debounce fires and refuses it
        _type(qtbot, chooser.expression, HOSTILE)
    assert chooser.expression.problem()
    assert chooser.expression.parentWidget().message.text() == chooser.expression.problem()
    assert "Not applied" in window.statusBar().currentMessage()
    assert calls == []                                    # nothing was executed
    assert window.result() is before                      # nothing was recomputed
    assert window.runs.generation == generation
    assert window.canvas.function is FUNCTIONS["beale"]
    assert window.canvas.plot_item.titleLabel.text == title
    assert window.document.function is FUNCTIONS["beale"]
    # mending the text applies it
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        _type(qtbot, chooser.expression, TEXT)
    _assert_shows_the_typed_function(window)


def test_the_custom_function_survives_a_round_trip_through_the_panel_state(qtbot, window):
    _type_custom(qtbot, window)
    chooser = window.panel.function_chooser
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        _type(qtbot, chooser.bounds[0], "-4")
        _type(qtbot, chooser.minima, "0, -1.5708")
    saved = Document(**window.document.values())
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.assign(Document())
    assert window.result().function is FUNCTIONS["beale"]
    assert not chooser.is_custom()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.assign(saved)
    state = window.document
    assert chooser.is_custom()
    assert chooser.expression.text() == TEXT
    assert state.expression == TEXT
    assert state.function.bounds == ((-4.0, 5.0), (-5.0, 5.0))
    np.testing.assert_allclose(state.function.minima, [[0.0, -1.5708]])
    _assert_shows_the_typed_function(window)


def test_a_basin_map_of_a_typed_function_finds_its_clusters(qtbot, window):
    _type_custom(qtbot, window, "(x**2 - 1)**2 + y**2")
    basins = window.basins
    basins.action.trigger()
    basins.panel.grid.set_value(32)
    basins.panel.max_steps.set_value(1000)
    basins.panel.optimizer.setCurrentIndex(basins.panel.optimizer.count() - 1)   # Adam
    with qtbot.waitSignal(basins.runner.finished, timeout=WAIT):
        assert basins.compute()
    bmap = basins.overlay.bmap
    assert bmap.clustered
    np.testing.assert_allclose(sorted(bmap.targets[:, 0]), [-1.0, 1.0], atol=0.05)
    assert [t for t in basins.overlay.legend_labels() if t.startswith("cluster")]
    assert basins.overlay.is_visible()


def test_a_flat_function_shows_no_diverged_runs_even_after_one_that_had_some(qtbot, window):
    """Typing ``1`` after a function on which half the runs blew up: every run stays at its
    start, and the status bar no longer says that runs diverged."""
    _type_custom(qtbot, window, "1e100*x")
    assert (window.result().status == DIVERGED).sum() == 3
    assert "3 of 6 runs diverged" in window.statusBar().currentMessage()
    for text in ("1", "0*x"):
        with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
            _type(qtbot, window.panel.function_chooser.expression, text)
        result = window.result()
        assert result.function.expression == text
        assert (result.status == CONVERGED).all()
        np.testing.assert_array_equal(result.final_xy, result.starts[result.start_index])
        assert "diverged" not in window.statusBar().currentMessage()
        model = window.results.model
        texts = [str(model.data(model.index(row, col)) or "") for row in range(result.n_runs)
                 for col in range(model.columnCount())]
        assert not [t for t in texts if "diverged" in t]
        assert [t for t in texts if t.startswith("converged at step")]


def test_choosing_custom_announces_nothing_before_anything_is_typed(qtbot, window):
    """Issue 15: "Custom…" with an empty field is a question, not a refusal: the hint under
    the field says what to do; the status bar says nothing, and nothing is applied."""
    chooser = window.panel.function_chooser
    window.statusBar().clearMessage()
    with nothing_applied(qtbot, window.panel):
        _choose_custom(window)
    assert chooser.awaits_expression()
    assert chooser.hint.isVisibleTo(window.panel)
    assert "Not applied" not in window.statusBar().currentMessage()
    assert window.document.function is FUNCTIONS["beale"]
    # a typo in what is then typed is refused, and says which functions there are
    with nothing_applied(qtbot, window.panel):
        _type(qtbot, chooser.expression, "x**2 + sine(y)")
    assert "unknown function 'sine'" in chooser.expression.problem()
    assert "sin, sinh" in chooser.expression.problem()
    assert "Not applied" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        _type(qtbot, chooser.expression, TEXT)
    assert "f(x, y) = x\u00b2 + 10\u00b7sin(y)" in window.canvas.plot_item.titleLabel.text
    assert "**" not in window.canvas.plot_item.titleLabel.text
