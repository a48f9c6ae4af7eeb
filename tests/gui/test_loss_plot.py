"""The loss plot across results: one curve per run with that run's data and pen, the curves of
earlier results reused (never left behind), log and linear axes, and the learning-rate curves."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from beale_gui.core.engine import DIVERGED, OptimizerConfig, run
from beale_gui.core.functions import get_function
from beale_gui.core.schedules import ScheduleConfig
from beale_gui.core.view_ranges import loss_for_plot, loss_view_range
from beale_gui.gui.views.loss_plot import LossPlot, axis_title

from .helpers import grab_array, shown

ORANGE, BLUE, GREEN = "#E69F00", "#0000FF", "#009E73"
SOLID, DASH = Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine
BEALE = get_function("beale")
GD = OptimizerConfig("gd", {"lr": 0.001})
ADAM = OptimizerConfig("adam", {"lr": 0.05})
BLOW_UP = OptimizerConfig("gd", {"lr": 0.5})     # diverges on Beale at once
DECAYING = OptimizerConfig("gd", {"lr": 0.01},
                           schedule=ScheduleConfig("inverse_time", {"decay": 0.01}))


def result_of(configs, starts, function=BEALE, steps=200):
    return run(function, configs, starts, max_steps=steps, tol=0.0, record=True)


@pytest.fixture
def loss(qtbot):
    return shown(qtbot, LossPlot(), (500, 300))


def drawn_curves(plot: LossPlot) -> list[pg.PlotDataItem]:
    """The loss curves the plot would paint."""
    return [item for item in plot.plot_item.items
            if isinstance(item, pg.PlotDataItem) and item.isVisible()]


def assert_curves_show(plot: LossPlot, result, colours, styles):
    values, _, log = loss_for_plot(result)
    curves = plot.curves
    assert len(curves) == result.n_runs
    assert drawn_curves(plot) == curves
    for i, curve in enumerate(curves):
        end = int(result.stop_step[i]) + 1
        x, y = curve.getData()      # in plotted units: log10 on a log axis
        np.testing.assert_array_equal(x, np.arange(end))
        np.testing.assert_allclose(y, np.log10(values[i, :end]) if log else values[i, :end])
        pen = curve.opts["pen"]
        assert pen.color() == QColor(colours[i])
        assert pen.style() == styles[i]
        assert pen.widthF() == (1.5 if result.status[i] == DIVERGED else 2.0)


def test_each_result_shows_exactly_its_runs_on_reused_curves(loss):
    four = result_of([GD, ADAM], [(1.0, 1.5), (-2.0, 2.0)])
    styles4 = [SOLID, DASH, SOLID, DASH]
    loss.set_result(four, [ORANGE, ORANGE, BLUE, BLUE], styles4)
    assert_curves_show(loss, four, [ORANGE, ORANGE, BLUE, BLUE], styles4)
    first = loss.curves
    n_items = len(loss.plot_item.items)

    two = result_of([BLOW_UP, ADAM], [(1.0, 1.5)])
    assert two.status[0] == DIVERGED
    loss.set_result(two, [GREEN, ORANGE], [DASH, SOLID])
    assert_curves_show(loss, two, [GREEN, ORANGE], [DASH, SOLID])
    assert loss.curves == first[:2]

    loss.set_result(four, [ORANGE, ORANGE, BLUE, BLUE], styles4)
    assert_curves_show(loss, four, [ORANGE, ORANGE, BLUE, BLUE], styles4)
    assert loss.curves == first
    assert len(loss.plot_item.items) == n_items


def test_clear_leaves_no_curve_and_the_next_result_reuses_them(loss):
    result = result_of([GD, ADAM], [(1.0, 1.5)])
    loss.set_result(result, [ORANGE, BLUE], [SOLID, SOLID])
    first = loss.curves
    loss.clear()
    assert loss.curves == []
    assert drawn_curves(loss) == []
    loss.set_result(result, [ORANGE, BLUE], [SOLID, SOLID])
    assert loss.curves == first
    assert_curves_show(loss, result, [ORANGE, BLUE], [SOLID, SOLID])


def test_a_run_left_out_of_the_next_result_is_not_drawn(loss):
    loss.set_result(result_of([GD, ADAM], [(1.0, 1.5)]), [ORANGE, BLUE], [SOLID, SOLID])
    rgb = grab_array(loss).astype(int)
    blue = (np.abs(rgb - (0, 0, 255)).sum(axis=2) < 60).sum()
    assert blue > 50
    loss.set_result(result_of([GD], [(1.0, 1.5)]), [ORANGE], [SOLID])
    rgb = grab_array(loss).astype(int)
    assert (np.abs(rgb - (0, 0, 255)).sum(axis=2) < 60).sum() == 0


def test_the_axis_follows_each_result_between_log_and_linear(loss):
    beale = result_of([GD, ADAM], [(1.0, 1.5), (-2.0, 2.0)])   # curves hidden on the switch
    saddle = result_of([GD, ADAM], [(0.5, 0.5)], function=get_function("saddle"), steps=50)
    assert loss_for_plot(beale)[2]
    assert not loss_for_plot(saddle)[2]
    for result in (beale, saddle, beale, saddle):
        colours, styles = [ORANGE, BLUE] * (result.n_runs // 2), [SOLID] * result.n_runs
        loss.set_result(result, colours, styles)
        values, label, log = loss_for_plot(result)
        assert loss.log_y == log
        assert loss.plot_item.getAxis("left").logMode == log
        assert loss.plot_item.getAxis("left").labelText == axis_title(label)   # f(x, y)
        assert_curves_show(loss, result, colours, styles)
        np.testing.assert_allclose(loss.view_ranges()[1],
                                   loss_view_range(result, values, log))


def test_learning_rate_curves_come_and_go_with_the_schedule(loss):
    right = loss.plot_item.getAxis("right")
    scheduled = result_of([DECAYING, ADAM], [(1.0, 1.5), (-2.0, 2.0)])
    loss.set_result(scheduled, [ORANGE, BLUE, ORANGE, BLUE], [SOLID, SOLID, DASH, DASH])
    (lr,) = loss.lr_curves     # one per scheduled optimizer, not per start
    np.testing.assert_allclose(lr.getData()[1], scheduled.lr[0, :int(scheduled.stop_step[0]) + 1])
    assert lr.opts["pen"].style() == Qt.PenStyle.DotLine
    assert lr.isVisible()
    assert right.isVisible()

    loss.set_result(result_of([GD, ADAM], [(1.0, 1.5)]), [ORANGE, BLUE], [SOLID, SOLID])
    assert loss.lr_curves == []
    assert [item for item in loss.lr_view_items() if item.isVisible()] == []
    assert not right.isVisible()

    loss.set_result(scheduled, [GREEN, BLUE, GREEN, BLUE], [SOLID, SOLID, DASH, DASH])
    assert loss.lr_curves == [lr]
    assert lr.isVisible()
    assert right.isVisible()
    assert lr.opts["pen"].color() == QColor(GREEN)


@pytest.fixture
def direct_loss(qtbot):
    """A loss plot like ``loss`` whose axes (and grid) paint directly."""
    widget = LossPlot()
    for side in ("left", "bottom", "right"):
        widget.plot_item.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.NoCache)
    qtbot.addWidget(widget)
    widget.resize(500, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def assert_looks_the_same(cached: LossPlot, direct: LossPlot) -> None:
    # the translucent grid, blended from a pixmap, may round one level off
    a, b = grab_array(cached).astype(int), grab_array(direct).astype(int)
    assert a.shape == b.shape
    assert np.abs(a - b).max() <= 1


def test_cached_axes_and_grid_show_each_range_scale_and_size(qtbot, loss, direct_loss):
    for side in ("left", "bottom", "right"):
        assert (loss.plot_item.getAxis(side).cacheMode()
                == QGraphicsItem.CacheMode.DeviceCoordinateCache)
    beale = result_of([GD, ADAM], [(1.0, 1.5), (-2.0, 2.0)])
    saddle = result_of([GD, ADAM], [(0.5, 0.5)], function=get_function("saddle"), steps=50)
    scheduled = result_of([DECAYING, ADAM], [(1.0, 1.5)])
    colours, styles = [ORANGE, BLUE] * 2, [SOLID, SOLID, DASH, DASH]
    changes = [
        lambda p: p.set_result(beale, colours, styles),
        lambda p: p.set_step(120),                             # only the cursor moves
        lambda p: p.plot_item.setYRange(-3.0, 1.0, padding=0),  # new ticks and grid lines
        lambda p: p.plot_item.setXRange(20, 80, padding=0),
        lambda p: p.set_result(saddle, colours[:2], styles[:2]),  # a linear axis
        lambda p: p.set_result(scheduled, colours[:2], styles[:2]),  # the right axis
        lambda p: p.set_result(beale, colours, styles),           # log again
    ]
    for change in changes:
        before = grab_array(loss)                          # the axes are cached pixmaps now
        change(loss)
        change(direct_loss)
        assert not np.array_equal(grab_array(loss), before)
        assert_looks_the_same(loss, direct_loss)
    size = loss.plot_item.vb.size()
    for p in (loss, direct_loss):
        p.resize(380, 240)
    qtbot.waitUntil(lambda: all(p.plot_item.vb.size() != size for p in (loss, direct_loss)))
    assert grab_array(loss).shape[:2] == (240, 380)
    assert_looks_the_same(loss, direct_loss)
