"""The Curvature view in the window (issue 28): the gauge read on the typed quadratic, the
heavy-ball optimum loaded with one click (one undo), the level ellipse at the selected run's
head while the dock is shown, the sharpness curve, and nothing computed while it is hidden."""

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import Qt

from beale_gui.core import curvature as cv
from beale_gui.core import curvature_playhead as cp
from beale_gui.core.engine import OptimizerConfig, run
from beale_gui.core.functions import parse_expression
from beale_gui.document import PALETTE
from beale_gui.document.document import OptimizerEntry
from beale_gui.gui.controllers.curvature import Z_ELLIPSE

from .helpers import WAIT, open_window, settings_in

QUADRATIC = "x**2 + 100*y**2"


@pytest.fixture
def window(qtbot, tmp_path):
    return open_window(qtbot, settings_in(tmp_path), size=(1400, 900))


def use_quadratic(qtbot, window, configs, max_steps=200, **settings):
    """The typed quadratic from (1, 1) with ``configs`` (and ``settings``), its runs drawn."""
    entries = [OptimizerEntry(c, PALETTE[i]) for i, c in enumerate(configs)]
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.update(function=parse_expression(QUADRATIC), expression=QUADRATIC,
                               entries=entries, starts=[[1.0, 1.0]], max_steps=max_steps,
                               **settings)


def select(window, name, lr=None):
    result = window.run_state.result
    i = next(i for i in range(result.n_runs)
             if result.configs[result.config_index[i]].name == name
             and (lr is None or result.hparams_of(i)["lr"] == lr))
    window.run_state.select(i)
    return i


def show_dock(qtbot, window):
    with qtbot.waitSignal(window.curvature.dock.visibilityChanged, timeout=WAIT):
        window.curvature.action.trigger()
    assert window.curvature.dock.isVisible()
    return window.curvature


def hide_dock(qtbot, window):
    with qtbot.waitSignal(window.curvature.dock.visibilityChanged, timeout=WAIT):
        window.curvature.action.trigger()
    assert not window.curvature.dock.isVisible()


def box_centre(item):
    x, y = item.getData()
    return np.array([(np.nanmax(x) + np.nanmin(x)) / 2, (np.nanmax(y) + np.nanmin(y)) / 2])


def test_k_toggles_the_dock_from_the_view_menu(window):
    assert window.curvature.action.shortcut().toString() == "K"
    assert window.curvature.action in window.menu_view.actions()
    assert window.curvature.dock.objectName() == "curvature_dock"
    assert not window.curvature.dock.isVisible()


def test_gd_just_above_the_bound_reads_diverging_and_just_below_oscillating(qtbot, window):
    use_quadratic(qtbot, window, [OptimizerConfig("gd", {"lr": 0.0101}),
                                  OptimizerConfig("gd", {"lr": 0.0099})])
    curvature = show_dock(qtbot, window)
    select(window, "gd", 0.0101)
    assert curvature.reading.gauge.verdict == cv.DIVERGING
    text = curvature.view.gauge_label.text()
    assert "diverging" in text
    assert "#c62828" in text
    assert "200" in curvature.view.values_label.text()       # λmax of 100 y²'s 200
    select(window, "gd", 0.0099)
    assert curvature.reading.gauge.verdict == cv.OSCILLATING
    text = curvature.view.gauge_label.text()
    assert "oscillating" in text
    assert "diverging" not in text
    # a GD entry offers its rate, and says to add Momentum for the heavy ball
    assert curvature.view.gd_button.isVisible()
    assert not curvature.view.heavy_ball_button.isVisible()
    assert "Add Momentum" in curvature.view.hint_label.text()


def test_adam_is_told_the_gauge_does_not_apply(qtbot, window):
    use_quadratic(qtbot, window, [OptimizerConfig("adam")])
    curvature = show_dock(qtbot, window)
    select(window, "adam")
    assert curvature.reading.gauge.verdict == cv.NOT_APPLICABLE
    assert "does not apply" in curvature.view.gauge_label.text()
    assert not curvature.view.gd_button.isVisible()
    assert not curvature.view.heavy_ball_button.isVisible()


def test_the_heavy_ball_button_loads_the_optimum_as_one_undoable_edit(qtbot, window):
    use_quadratic(qtbot, window, [OptimizerConfig("gd", {"lr": 0.0099}),
                                  OptimizerConfig("momentum", {"lr": 0.01, "momentum": 0.9})])
    curvature = show_dock(qtbot, window)
    select(window, "gd")        # Momentum is there: select its run
    assert "Select a Momentum run" in curvature.view.hint_label.text()
    select(window, "momentum")
    button = curvature.view.heavy_ball_button
    assert button.isVisible()
    assert not curvature.view.gd_button.isVisible()
    best = cv.optimum(cv.curvature_at(parse_expression(QUADRATIC), (1.0, 1.0)))
    before = window.document.history.undo_count
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    hparams = window.document.entries[1].config.hparams
    assert hparams["lr"] == pytest.approx(best.momentum_lr, rel=1e-12)
    assert hparams["momentum"] == pytest.approx(best.momentum_beta, rel=1e-12)
    assert window.document.entries[0].config.hparams["lr"] == 0.0099     # GD untouched
    assert window.document.history.undo_count == before + 1
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.history.undo()
    hparams = window.document.entries[1].config.hparams
    assert (hparams["lr"], hparams["momentum"]) == (0.01, 0.9)


def test_the_gd_button_loads_two_over_the_eigenvalue_sum(qtbot, window):
    use_quadratic(qtbot, window, [OptimizerConfig("gd", {"lr": 0.0099})])
    curvature = show_dock(qtbot, window)
    select(window, "gd")
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        qtbot.mouseClick(curvature.view.gd_button, Qt.MouseButton.LeftButton)
    assert window.document.entries[0].config.hparams["lr"] == pytest.approx(2 / 202)


def test_the_ellipse_is_drawn_only_while_the_dock_is_shown_and_follows_the_head(qtbot,
                                                                               window):
    use_quadratic(qtbot, window, [OptimizerConfig("gd", {"lr": 0.003})])
    curvature = show_dock(qtbot, window)
    hide_dock(qtbot, window)
    items = window.canvas.plot_item.items
    assert curvature.ellipse is None
    assert not any(item.zValue() == Z_ELLIPSE for item in items)
    window.playback.set_step(0)
    show_dock(qtbot, window)
    item = curvature.ellipse
    assert item is not None
    assert item in window.canvas.plot_item.items
    run = window.run_state.selected_run
    paths = window.run_state.result.paths
    np.testing.assert_allclose(box_centre(item), paths[run, 0], atol=1e-9)
    # its longer half-axis is 6% of the view's width, along λmin's direction (x)
    (x0, x1), _ = window.canvas.view_extent()
    x, _ = item.getData()
    assert (np.nanmax(x) - np.nanmin(x)) / 2 == pytest.approx(0.06 * (x1 - x0))
    window.playback.set_step(40)
    assert window.run_state.step == 40
    np.testing.assert_allclose(box_centre(item), paths[run, 40], atol=1e-9)
    assert not np.allclose(paths[run, 0], paths[run, 40])
    # a dragged start: the ellipse goes to the previewed path's head
    moved = run_of_preview(window, [[-1.0, 0.5]])
    window.run_state.preview([run], moved)
    np.testing.assert_allclose(box_centre(item), moved.paths[0, moved.stop_step[0]],
                               atol=1e-9)
    hide_dock(qtbot, window)
    assert curvature.ellipse is None
    assert item not in window.canvas.plot_item.items


def run_of_preview(window, starts):
    state = window.run_state
    return run(state.result.function, [state.entries[0].config], starts,
               max_steps=state.result.max_steps)


def test_a_saddle_is_drawn_as_its_two_axes_dashed(qtbot, window):
    text = "x**2 - y**2"
    entries = [OptimizerEntry(OptimizerConfig("gd", {"lr": 0.01}), PALETTE[0])]
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.update(function=parse_expression(text), expression=text,
                               entries=entries, starts=[[0.5, 0.1]], max_steps=50)
    curvature = show_dock(qtbot, window)
    x, _ = curvature.ellipse.getData()
    assert np.isnan(x).sum() == 1
    assert len(x) == 5
    assert curvature.ellipse.opts["pen"].style() == Qt.PenStyle.DashLine
    assert "saddle" in curvature.view.values_label.text()
    assert not curvature.view.gd_button.isVisible()


def test_the_sharpness_curve_has_one_point_per_step_up_to_the_stop(qtbot, window):
    use_quadratic(qtbot, window, [OptimizerConfig("gd", {"lr": 0.005}),
                                  OptimizerConfig("gd", {"lr": 0.001})], max_steps=3000,
                  tol=1e-6)
    curvature = show_dock(qtbot, window)
    result, run_ = window.run_state.result, select(window, "gd", 0.005)
    stop = int(result.stop_step[run_])
    assert stop < result.n_steps        # it converged before the last step
    steps, lam = curvature.view.sharpness_curve.getData()
    np.testing.assert_array_equal(steps, np.arange(stop + 1))
    np.testing.assert_allclose(lam, 200.0)
    edge_steps, edge = curvature.view.edge_curve.getData()
    assert len(edge_steps) == stop + 1
    np.testing.assert_allclose(edge, 2 / 0.005)
    window.playback.set_step(17)
    assert curvature.view.cursor.value() == 17


def test_nothing_is_computed_while_the_dock_is_hidden(qtbot, window, monkeypatch):
    calls = []

    def spy(name, real):
        def wrapped(*args, **kwargs):
            calls.append(name)
            return real(*args, **kwargs)
        return wrapped

    monkeypatch.setattr(cp, "curvature_at", spy("curvature_at", cp.curvature_at))
    monkeypatch.setattr(cp, "sharpness_along", spy("sharpness_along", cp.sharpness_along))
    use_quadratic(qtbot, window, [OptimizerConfig("gd", {"lr": 0.0099}),
                                  OptimizerConfig("momentum", {"lr": 0.01, "momentum": 0.9})])
    window.playback.set_step(12)
    select(window, "momentum")
    window.playback.step_forward()
    window.run_state.preview([0], run_of_preview(window, [[0.5, 0.5]]))
    assert calls == []
    assert window.curvature.readings == 0
    show_dock(qtbot, window)          # shown, it catches up at once
    assert "curvature_at" in calls
    assert "sharpness_along" in calls
    assert window.curvature.reading.step == 13
    hide_dock(qtbot, window)
    calls.clear()
    window.playback.step_forward()
    select(window, "gd")
    assert calls == []


def test_momentums_edge_is_its_own_bound_and_the_axis_starts_at_zero(qtbot, window):
    use_quadratic(qtbot, window, [OptimizerConfig("momentum", {"lr": 0.01, "momentum": 0.9})])
    curvature = show_dock(qtbot, window)
    _, edge = curvature.view.edge_curve.getData()
    np.testing.assert_allclose(edge, 2 * 1.9 / 0.01)
    assert curvature.view.edge_label == "2(1+β)/lr"
    assert "2(1+β)/lr" in curvature.view.plot_widget.getPlotItem().titleLabel.text
    low, high = curvature.view.plot_widget.getPlotItem().viewRange()[1]
    assert low <= 0 < 380 < high


def test_equal_copies_of_the_entries_still_take_the_values(qtbot, window):
    # a session reopened holds equal entries, not the same objects, and no new runs come
    use_quadratic(qtbot, window, [OptimizerConfig("momentum", {"lr": 0.01, "momentum": 0.9})])
    window.document.update(entries=[dataclasses.replace(e) for e in window.document.entries])
    assert window.document.entries[0] is not window.run_state.entries[0]
    curvature = show_dock(qtbot, window)
    assert curvature.view.heavy_ball_button.isVisible()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        qtbot.mouseClick(curvature.view.heavy_ball_button, Qt.MouseButton.LeftButton)
    assert window.document.entries[0].config.hparams["momentum"] == pytest.approx(
        curvature.reading.optimum.momentum_beta)
