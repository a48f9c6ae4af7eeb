"""Zoom and pan stop at sane limits: no Qt warning (pytest-qt fails a test on any), a view
within the limits, contours that are still computed, and Reset view back on the domain.

The limits follow each function's bounds (a custom function's own view too), so they are
checked on the registry's default, on a bowl, on custom views far from the origin, tiny and
huge, and on surfaces at the ends of float64.
"""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from beale_gui.core.functions import parse_expression
from beale_gui.gui.forms.function_chooser import CUSTOM
from beale_gui.gui.views.canvas import ContourCanvas
from beale_gui.gui.views.zoom_limits import ZOOM_IN, ZOOM_OUT, view_limits

from .helpers import WAIT, shown, viewport_point
from .test_canvas import BOWL

NOTCH = 120          # one wheel notch; pyqtgraph zooms about 1.35 times per notch
BURST = 6            # a fast flick of the wheel: several notches before anything is painted


def wheel(widget, pos: QPointF, notches: int) -> None:
    """``abs(notches)`` wheel notches at ``pos`` of ``widget``'s viewport, in bursts with a
    paint after each; positive zooms in."""
    vp = widget.viewport()
    delta = QPoint(0, NOTCH if notches > 0 else -NOTCH)
    for i in range(abs(notches)):
        event = QWheelEvent(pos, QPointF(vp.mapToGlobal(pos.toPoint())), QPoint(), delta,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(vp, event)
        if i % BURST == BURST - 1:
            vp.repaint()          # painted with the contours of the view before the burst


def spans(canvas) -> tuple[float, float]:
    (x0, x1), (y0, y1) = canvas.view_extent()
    return x1 - x0, y1 - y0


def assert_within_limits(canvas) -> None:
    limits = canvas.zoom_limits
    (x0, x1), (y0, y1) = canvas.view_extent()
    assert np.isfinite([x0, x1, y0, y1]).all()
    for lo, hi, axis in ((x0, x1, "X"), (y0, y1, "Y")):
        assert hi - lo >= limits[f"min{axis}Range"] * (1 - 1e-6)
        assert hi - lo <= limits[f"max{axis}Range"] * (1 + 1e-6)
    slack = 1e-6 * limits["maxXRange"]
    assert x0 >= limits["xMin"] - slack
    assert x1 <= limits["xMax"] + slack
    assert y0 >= limits["yMin"] - slack
    assert y1 <= limits["yMax"] + slack


def assert_contours_drawn(canvas) -> None:
    """The contours of the settled view: computed for it, a finite image, isolines inside."""
    canvas.settle()
    assert canvas.computed_extent() == canvas.view_extent()
    image = canvas.contour_image()
    assert image is not None
    assert np.isfinite(image).all()
    lo, hi = canvas.contour_levels()
    assert np.isfinite([lo, hi]).all()
    assert lo < hi
    x, y = canvas.isoline_data()
    pts = np.column_stack([x, y])
    pts = pts[np.isfinite(pts).all(axis=1)]
    (x0, x1), (y0, y1) = canvas.view_extent()
    assert (pts[:, 0] >= x0 - (x1 - x0) * 1e-9).all()
    assert (pts[:, 0] <= x1 + (x1 - x0) * 1e-9).all()
    canvas.grab()                                   # and painted, with nothing to say


def assert_shows_bounds(canvas, bounds) -> None:
    (x0, x1), (y0, y1) = canvas.view_extent()
    (bx0, bx1), (by0, by1) = bounds
    tol = 1e-9 * max(bx1 - bx0, by1 - by0)
    assert x0 <= bx0 + tol
    assert x1 >= bx1 - tol
    assert y0 <= by0 + tol
    assert y1 >= by1 - tol


def canvas_for(qtbot, function) -> ContourCanvas:
    widget = ContourCanvas()
    shown(qtbot, widget, (900, 600))
    with qtbot.waitSignal(widget.view_changed, timeout=WAIT):
        widget.set_function(function)
    return widget


@pytest.fixture
def canvas(qtbot):
    return canvas_for(qtbot, BOWL)


def centre_pos(canvas) -> QPointF:
    (x0, x1), (y0, y1) = canvas.view_extent()
    return QPointF(viewport_point(canvas, (x0 + x1) / 2, (y0 + y1) / 2))


# -- the limits ------------------------------------------------------------------------------
def test_limits_follow_the_bounds():
    limits = view_limits(((-3.0, 3.0), (-2.0, 2.0)))
    assert limits["minXRange"] == pytest.approx(ZOOM_IN * 6.0)
    assert limits["maxXRange"] == pytest.approx(ZOOM_OUT * 6.0)
    assert limits["minYRange"] == limits["minXRange"]
    assert limits["maxYRange"] == limits["maxXRange"]
    assert (limits["xMin"], limits["xMax"]) == pytest.approx((-6e4, 6e4))
    # a small view far out: the floor is where the grid's samples stay distinct floats
    far = view_limits(((1e9, 1e9 + 1.0), (0.0, 1.0)))
    assert far["minXRange"] >= 1e-12 * 1e9
    assert far["xMin"] < 1e9 < far["xMax"]
    for bounds in (((-1e308, 1e308), (-1e308, 1e308)), ((0.0, 1e-310), (0.0, 1e-310)),
                   ((1e300, 1.0000001e300), (-1.0, 1.0))):
        limits = view_limits(bounds)
        values = np.array(list(limits.values()))
        assert np.isfinite(values).all()
        assert 0 < limits["minXRange"] < limits["maxXRange"] < np.inf
        assert limits["xMin"] < limits["xMax"]


# -- the wheel -------------------------------------------------------------------------------
def test_wheeling_in_stops_at_the_limit(qtbot, canvas):
    pos = QPointF(viewport_point(canvas, 1.0, -0.5))
    wheel(canvas.layout_widget, pos, 120)       # 1.35**120: far past any limit
    assert_within_limits(canvas)
    assert min(spans(canvas)) == pytest.approx(canvas.zoom_limits["minXRange"], rel=1e-3)
    assert_contours_drawn(canvas)
    wheel(canvas.layout_widget, centre_pos(canvas), 40)   # more, at the limit: nothing moves
    assert_within_limits(canvas)
    assert_contours_drawn(canvas)


def test_wheeling_out_stops_at_the_limit(qtbot, canvas):
    wheel(canvas.layout_widget, centre_pos(canvas), -120)
    assert_within_limits(canvas)
    assert max(spans(canvas)) == pytest.approx(canvas.zoom_limits["maxXRange"], rel=1e-3)
    assert_contours_drawn(canvas)
    canvas.fit_view()
    assert_shows_bounds(canvas, BOWL.bounds)


def test_in_and_out_from_off_centre_points_keeps_within_the_limits(qtbot, canvas):
    vp = canvas.layout_widget.viewport()
    corners = [QPointF(20, 20), QPointF(vp.width() - 20, vp.height() - 20),
               QPointF(vp.width() - 20, 20)]
    for pos, notches in zip(corners * 2, (90, -90, 90, -90, 60, -60), strict=True):
        wheel(canvas.layout_widget, pos, notches)
        assert_within_limits(canvas)
    assert_contours_drawn(canvas)


# -- programmatic ranges ---------------------------------------------------------------------
@pytest.mark.parametrize("half", [1e-5, 1e-7, 1e-9, 1e-12, 1e-15, 1e-300, 1e5, 1e8, 1e15,
                                  1e100, 1e300])
@pytest.mark.parametrize("centre", [(1.0, -0.5), (2e5, -3e5)])
def test_a_requested_range_is_held_to_the_limits(qtbot, canvas, half, centre):
    cx, cy = centre
    canvas.plot_item.getViewBox().setRange(xRange=(cx - half, cx + half),
                                           yRange=(cy - half, cy + half), padding=0)
    assert_within_limits(canvas)
    assert_contours_drawn(canvas)


def test_fit_view_of_a_far_extent_keeps_the_domain_in_sight(qtbot, canvas):
    canvas.fit_view(((-1e9, 3.0), (-2.0, 1e9)))          # e.g. a start point loaded far out
    assert_within_limits(canvas)
    assert_shows_bounds(canvas, BOWL.bounds)
    assert_contours_drawn(canvas)


# -- custom functions with their own view ----------------------------------------------------
CUSTOM_VIEWS = {
    "small and far out": ((1e6, 1e6 + 1e-3), (-1e-3, 1e-3)),
    "huge": ((-1e60, 1e60), (-1e60, 1e60)),
    "tiny": ((-1e-40, 1e-40), (0.0, 1e-40)),
    "past float64": ((-1e308, 1e308), (-1e308, 1e308)),
    "subnormal": ((0.0, 1e-310), (0.0, 1e-310)),
}


@pytest.mark.parametrize("name", CUSTOM_VIEWS)
def test_a_custom_view_has_limits_of_its_own(qtbot, name):
    bounds = CUSTOM_VIEWS[name]
    canvas = canvas_for(qtbot, parse_expression("x**2 + 3*y**2", bounds=bounds))
    assert canvas.zoom_limits == view_limits(bounds)
    assert_within_limits(canvas)
    assert_contours_drawn(canvas)
    for notches in (150, -150):
        wheel(canvas.layout_widget, centre_pos(canvas), notches)
        assert_within_limits(canvas)
        assert_contours_drawn(canvas)
    canvas.fit_view()
    assert_within_limits(canvas)
    if max(b1 - b0 for b0, b1 in bounds) <= canvas.zoom_limits["maxXRange"] / 4:
        assert_shows_bounds(canvas, bounds)


# -- hostile surfaces under the zoom ---------------------------------------------------------
@pytest.mark.parametrize("text", ["1", "0*x", "1e100*1e100*1e100*1e8*x", "-1e16 + x",
                                  "sqrt(x)", "1/x", "abs(x) + abs(y)", "log(0*x)"])
def test_a_degenerate_surface_zooms_without_a_warning(qtbot, text):
    canvas = canvas_for(qtbot, parse_expression(text))
    assert_contours_drawn(canvas)
    for notches in (120, -120):
        wheel(canvas.layout_widget, QPointF(viewport_point(canvas, 0.0, 0.0)), notches)
        assert_within_limits(canvas)
        assert_contours_drawn(canvas)


# -- the window ------------------------------------------------------------------------------
def test_the_window_canvas_zooms_to_its_limits_and_resets_to_the_domain(qtbot, window):
    canvas = window.canvas
    fitted = canvas.view_extent()
    window.action_mechanics.setChecked(True)         # arrows at the heads scale with the view
    window.playback.set_step(20)
    start = QPointF(viewport_point(canvas, *window.starts()[0]))
    wheel(canvas.layout_widget, start, 120)
    assert_within_limits(canvas)
    assert_contours_drawn(canvas)
    window.grab()
    window.action_reset_view.trigger()
    assert np.ravel(canvas.view_extent()) == pytest.approx(np.ravel(fitted))
    wheel(canvas.layout_widget, start, -120)
    assert_within_limits(canvas)
    assert_contours_drawn(canvas)
    window.grab()
    window.action_reset_view.trigger()
    assert np.ravel(canvas.view_extent()) == pytest.approx(np.ravel(fitted))
    assert_shows_bounds(canvas, window.result().function.bounds)


# -- the loss plot ---------------------------------------------------------------------------
@pytest.mark.parametrize("notches", [200, -200])
def test_the_loss_plot_zooms_over_the_steps_there_are(qtbot, window, notches):
    """Wheeling out used to take the step axis to ~1e21, where pyqtgraph's downsampling
    raised in every paint; the axis now stays over the run's steps."""
    plot = window.loss_plot
    n = window.result().n_steps
    vp = plot.plot_widget.viewport()
    wheel(plot.plot_widget, QPointF(vp.width() / 2, vp.height() / 2), notches)
    window.grab()
    (x0, x1), (y0, y1) = plot.view_ranges()
    assert np.isfinite([x0, x1, y0, y1]).all()
    assert -n - 1e-9 <= x0 < x1 <= 2 * n + 1e-9
    assert 1e-3 * (1 - 1e-6) <= x1 - x0 <= 3 * n * (1 + 1e-6)
    if notches < 0:
        assert x1 - x0 == pytest.approx(3 * n)


# -- hostile surfaces in the window ----------------------------------------------------------
HOSTILE = ["x", "abs(x) + abs(y)", "x**2 + 1e100*1e100*1e100*y**2", "1e100*1e100*x", "sqrt(x)",
           "1/x", "-x**2", "1e100*1e100*1e100*1e8*x", "0/0", "1", "0*x"]


def _type_expression(qtbot, window, text) -> None:
    combo = window.panel.function_chooser.combo
    combo.setCurrentIndex(combo.findData(CUSTOM))
    edit = window.panel.function_chooser.expression
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
        qtbot.keyClicks(edit, text)


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_surface_in_the_window_keeps_the_views_whole(qtbot, window, text):
    """Whatever the surface: runs with a status each, the canvas on the domain with finite
    contours, the loss plot on finite ranges, and the table saying what the result says."""
    window.activateWindow()
    window.action_mechanics.setChecked(True)
    _type_expression(qtbot, window, text)
    result = window.result()
    assert result.function.expression == text
    canvas = window.canvas
    assert_within_limits(canvas)
    assert_shows_bounds(canvas, result.function.bounds)
    assert_contours_drawn(canvas)
    assert np.isfinite(window.loss_plot.view_ranges()).all()
    model = window.results.model
    texts = {str(model.data(model.index(row, col)) or "") for row in range(result.n_runs)
             for col in range(model.columnCount())}
    for i in range(result.n_runs):
        assert any(result.describe(i) in t for t in texts)
    for step in (0, 1, result.n_steps):
        window.playback.set_step(step)
        window.grab()
