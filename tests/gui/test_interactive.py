"""Interactive at the display's rate (issue 23): a dragged start point or a scrubbed
hyperparameter redraws only the runs it changes, at once, on the canvas alone; a long run
shows its first steps first."""

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from beale_gui.core.engine import OptimizerConfig, compiled
from beale_gui.document import SEED_START, OptimizerEntry
from beale_gui.gui.controllers import runs

from .helpers import viewport_point

pytest.importorskip("numba")

WAIT = 60_000
ENTRIES = [OptimizerEntry(OptimizerConfig("gd", {"lr": 0.01}), "#E69F00"),
           OptimizerEntry(OptimizerConfig("momentum", {"lr": 0.01}), "#56B4E9"),
           OptimizerEntry(OptimizerConfig("adam", {"lr": 0.05}), "#009E73")]


@pytest.fixture
def compiled_window(qtbot, window):
    """The window with three compiled optimizers from two starts, compiled and shown."""
    w = window
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.document.set_entries(ENTRIES)
    qtbot.waitUntil(lambda: compiled.all_ready(w.document.function,
                                               [e.config for e in w.document.enabled]),
                    timeout=WAIT)
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.document.add_start(2.0, 1.0)
    return w


def _tracks_of(w, start):
    tracks = w.canvas.run_tracks()
    return [tracks[i] for i in w.run_state.rows_of(start=start)]


def test_a_drag_redraws_its_starts_runs_at_once_and_nothing_else(qtbot, compiled_window):
    w = compiled_window
    result = w.result()
    others = [t.xy.copy() for t in _tracks_of(w, 1)]
    loss_range = w.loss_plot.plot_item.getViewBox().viewRange()
    loss_curves = [c.getData()[1].copy() for c in w.loss_plot.curves]
    viewport = w.canvas.layout_widget.viewport()
    press = viewport_point(w.canvas, *SEED_START)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, press)
    for k, (x, y) in enumerate([(0.9, 1.3), (1.1, 1.1), (1.3, 0.9)]):
        if k == 0:
            QTest.mouseMove(viewport, press + QPoint(12, 0))      # past the drag threshold
        QTest.mouseMove(viewport, viewport_point(w.canvas, x, y))
        # drawn before the next event is read: no waiting
        px, py = w.canvas.plot_item.getViewBox().viewPixelSize()
        for track in _tracks_of(w, 0):
            np.testing.assert_allclose(track.xy[0], (x, y), atol=2 * max(px, py))
        assert w.result() is result                      # the shown result is not replaced
        for track, before in zip(_tracks_of(w, 1), others, strict=True):
            np.testing.assert_array_equal(track.xy, before)   # the other start's runs stay
        assert w.loss_plot.plot_item.getViewBox().viewRange() == loss_range   # holds still
        for curve, before in zip(w.loss_plot.curves, loss_curves, strict=True):
            np.testing.assert_array_equal(curve.getData()[1], before)
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           viewport_point(w.canvas, 1.3, 0.9))
    qtbot.waitUntil(lambda: w.result() is not result, timeout=WAIT)
    np.testing.assert_allclose(w.result().starts[0], (1.3, 0.9), atol=0.05)
    # the preview was the engine's result for that start, bit for bit
    rows = w.run_state.rows_of(start=0)
    for track, row in zip(_tracks_of(w, 0), rows, strict=True):
        np.testing.assert_array_equal(track.xy, w.result().paths[row])


def test_a_preview_of_hyperparameters_redraws_that_optimizers_runs(qtbot, compiled_window):
    w = compiled_window
    result = w.result()
    adam = w.run_state.rows_of(config=2)
    before = {i: w.canvas.run_tracks()[i].xy.copy() for i in range(result.n_runs)}
    hparams = dict(w.document.entries[2].config.hparams, lr=0.2)
    labels = [text for _, text in w.canvas.legend_rows()]
    w.run_controller.preview_hparams(2, hparams)
    assert w.result() is result
    # the legend names the value being tried; the others' labels stay
    assert [text for _, text in w.canvas.legend_rows()] == labels[:2] + ["Adam (lr=0.2)"]
    for i in range(result.n_runs):
        same = np.array_equal(w.canvas.run_tracks()[i].xy, before[i])
        assert same == (i not in adam), i
    # what it shows is what the engine gives for lr 0.2
    config = dataclasses.replace(w.document.entries[2].config, hparams=hparams)
    from beale_gui.core.engine import run

    expected = run(w.document.function, [config], w.document.starts,
                   max_steps=w.document.max_steps, tol=w.document.tol)
    for k, i in enumerate(adam):
        np.testing.assert_array_equal(w.canvas.run_tracks()[i].xy, expected.paths[k])
    # a refused value changes nothing
    w.run_controller.preview_hparams(2, dict(hparams, lr=-1.0))
    np.testing.assert_array_equal(w.canvas.run_tracks()[adam[0]].xy, expected.paths[0])
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.run_controller.end_preview()
    for i in range(result.n_runs):
        np.testing.assert_array_equal(w.canvas.run_tracks()[i].xy, before[i])
    assert [text for _, text in w.canvas.legend_rows()] == labels


def test_a_click_is_computed_at_once_and_the_side_views_follow(qtbot, compiled_window):
    w = compiled_window
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        qtbot.mouseClick(w.canvas.layout_widget.viewport(), Qt.MouseButton.LeftButton,
                         pos=viewport_point(w.canvas, -1.0, -1.0))
        assert w.result().n_runs == 9        # on the canvas before the click returns
    assert w.results.model.rowCount() == 9  # the table once drawn
    assert len(w.loss_plot.curves) == 9


def test_a_click_keeps_the_other_starts_paths_as_drawn_and_hovers_afterwards(
        qtbot, compiled_window):
    w = compiled_window
    kept = {id(t): t.xy for t in _tracks_of(w, 0) + _tracks_of(w, 1)}
    starts_item = w.canvas._starts
    hovered = []
    hover = starts_item.hoverEvent
    starts_item.hoverEvent = lambda ev: (hovered.append(ev), hover(ev))
    viewport = w.canvas.layout_widget.viewport()
    where = viewport_point(w.canvas, -1.0, -1.0)
    QTest.mouseMove(viewport, where)
    hovered.clear()
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         where)
        # the hover pass that follows a release waits for the event loop (after the paint)
        assert w.result().n_runs == 9
        assert not hovered
    # ... and then comes: the new start point, under the pointer, is hovered
    qtbot.waitUntil(lambda: bool(hovered), timeout=WAIT)
    # the earlier starts' runs came back unchanged: drawn on the same tracks, not redrawn
    for start in (0, 1):
        for track in _tracks_of(w, start):
            assert kept.get(id(track)) is track.xy
    tracks = w.canvas.run_tracks()
    for row in range(w.result().n_runs):     # and every track shows its own run
        np.testing.assert_array_equal(tracks[row].xy, w.result().paths[row])


def test_a_long_run_shows_its_first_steps_first(qtbot, compiled_window, monkeypatch):
    w = compiled_window
    shown = []
    w.run_state.events.result_changed.connect(lambda r: shown.append(r))
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.document.update(max_steps=200_000, tol=0.0)
    qtbot.waitUntil(lambda: shown and shown[-1].n_steps == 200_000, timeout=WAIT)
    first, whole = shown[0], shown[-1]
    assert first.n_steps < 200_000
    assert first.n_steps >= runs.MIN_PREFIX_STEPS
    np.testing.assert_array_equal(whole.paths[:, :first.n_steps + 1], first.paths)


def test_a_scrubbed_learning_rate_previews_then_is_one_undoable_change(qtbot, compiled_window):
    w = compiled_window
    box = w.panel.boxes[2]                                    # Adam
    box.set_expanded(True)
    label = box.form.labelForField(box.fields["lr"].parentWidget())
    adam = w.run_state.rows_of(config=2)
    result = w.result()
    before = [w.canvas.run_tracks()[i].xy for i in adam]
    undos = w.document.history.undo_count
    start = QPoint(4, label.height() // 2)
    QTest.mousePress(label, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(label, start + QPoint(4, 0))
    QTest.mouseMove(label, start + QPoint(40, 0))             # a third of a decade up
    # previewed at once, without a change of the document or of the shown result
    assert w.result() is result
    assert w.document.entries[2].config.hparams["lr"] == 0.05
    assert all(w.canvas.run_tracks()[i].xy is not b for i, b in zip(adam, before, strict=True))
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        QTest.mouseRelease(label, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           start + QPoint(40, 0))
    swept = w.document.entries[2].config.hparams["lr"]
    assert swept > 0.05
    assert w.document.history.undo_count == undos + 1         # one change for the sweep
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        assert w.document.history.undo()
    assert w.document.entries[2].config.hparams["lr"] == 0.05
