"""The contour canvas: real mouse events on its viewport, drawn paths, pixels and zoom."""

from dataclasses import dataclass

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsItem

from beale_gui.core import polylines
from beale_gui.core.functions import TestFunction
from beale_gui.document import Document
from beale_gui.gui.views import canvas_items
from beale_gui.gui.views.canvas import ContourCanvas

from .helpers import WAIT, canvas_pixel, grab_array, shown, viewport_point

ORANGE = "#E69F00"
BLUE = "#0072B2"

# the offscreen platform warns on showing any top-level window


@dataclass(frozen=True, eq=False)
class Bowl(TestFunction):
    """A tilted bowl with its minimum at (1, -0.5)."""

    def _value(self, x, y):
        return (x - 1.0) ** 2 + 3.0 * (y + 0.5) ** 2 + 0.5 * (x - 1.0) * (y + 0.5)


BOWL = Bowl("bowl", "Bowl", "(x-1)^2 + ...", ((-3.0, 3.0), (-2.0, 2.0)),
            minima=np.array([[1.0, -0.5]]))


def bowl_canvas(qtbot, cached_axes: bool = True,
                document: Document | None = None) -> ContourCanvas:
    """A canvas showing BOWL at 900 x 600 (its axes painted directly when not cached), on
    ``document`` when given."""
    widget = ContourCanvas(document=document)
    if not cached_axes:
        for side in ("left", "bottom"):
            widget.plot_item.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.NoCache)
    shown(qtbot, widget, (900, 600))
    with qtbot.waitSignal(widget.view_changed, timeout=WAIT):
        widget.set_function(BOWL)
    return widget


@pytest.fixture
def canvas(qtbot, no_mouse_rate_limit):
    return bowl_canvas(qtbot)


def data_per_pixel(canvas) -> float:
    px, py = canvas.plot_item.getViewBox().viewPixelSize()
    return max(px, py)


def drag(qtbot, canvas, start, end, steps=6):
    vp = canvas.layout_widget.viewport()
    p0, p1 = viewport_point(canvas, *start), viewport_point(canvas, *end)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p0)
    for t in np.linspace(0, 1, steps + 1)[1:]:
        p = QPoint(round(p0.x() + t * (p1.x() - p0.x())), round(p0.y() + t * (p1.y() - p0.y())))
        QTest.mouseMove(vp, p)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p1)


def near_colour(rgb, col, row, colour, radius=3, tol=40) -> bool:
    c = QColor(colour)
    patch = rgb[row - radius:row + radius + 1, col - radius:col + radius + 1].astype(int)
    dist = np.abs(patch - (c.red(), c.green(), c.blue())).sum(axis=-1)
    return bool((dist <= tol).any())


def straight_path(a, b, n):
    t = np.linspace(0.0, 1.0, n)[:, None]
    return (1 - t) * np.asarray(a) + t * np.asarray(b)


def deviation_px(canvas, path, drawn) -> float:
    """How far (in screen pixels) the farthest point of ``path`` is from the polyline
    ``drawn``."""
    scale = np.asarray(canvas.plot_item.getViewBox().viewPixelSize())
    q, d = path / scale, drawn / scale
    if len(d) == 1:
        return float(np.hypot(*(q - d[0]).T).max())
    a, ab = d[:-1], np.diff(d, axis=0)
    r = q[:, None, :] - a[None]
    dd = np.maximum((ab * ab).sum(axis=1), 1e-300)
    t = np.clip((r * ab[None]).sum(axis=2) / dd, 0.0, 1.0)
    off = r - t[..., None] * ab[None]
    return float(np.sqrt((off ** 2).sum(axis=2).min(axis=1)).max())


def assert_draws_up_to(canvas, track, path, j):
    """``track`` draws ``path`` from its start to point ``j`` exactly, through points of the
    path, and passes within a pixel of every point up to ``j``."""
    drawn = drawn_path(track)
    np.testing.assert_array_equal(drawn[0], path[0])
    np.testing.assert_array_equal(drawn[-1], path[j])
    points = {tuple(v) for v in path[:j + 1].tolist()}
    assert all(tuple(v) in points for v in drawn.tolist())
    assert deviation_px(canvas, path[:j + 1], drawn) <= 1.0


# -- mouse: the canvas writes into its document ----------------------------------------------
@pytest.fixture
def bound(qtbot, no_mouse_rate_limit):
    """A canvas showing BOWL from a document with no start points yet."""
    return bowl_canvas(qtbot, document=Document(BOWL, [], starts=np.zeros((0, 2))))


def test_left_click_on_empty_canvas_adds_a_start_point(qtbot, bound):
    target = (-1.2, 0.8)
    with qtbot.waitSignal(bound.document.events.starts_changed, timeout=1000):
        QTest.mouseClick(bound.layout_widget.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, viewport_point(bound, *target))
    (x, y), = bound.document.starts
    tol = 1.5 * data_per_pixel(bound)
    assert x == pytest.approx(target[0], abs=tol)
    assert y == pytest.approx(target[1], abs=tol)
    # the point the click added becomes the selected one
    assert bound.selected_start() == 0


def test_a_click_on_a_path_head_adds_a_start_point_there(qtbot, bound):
    path = straight_path((-2.0, 1.0), (1.0, -1.0), 11)
    bound.set_runs([path], [10], [ORANGE], [Qt.PenStyle.SolidLine], ["diverged"],
                   [("GD", ORANGE)], step=10)
    head = tuple(bound.head_points()[0])
    np.testing.assert_allclose(bound.cross_points(), [head])    # a cross on the head, too
    with qtbot.waitSignal(bound.document.events.starts_changed, timeout=1000):
        QTest.mouseClick(bound.layout_widget.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, viewport_point(bound, *head))
    np.testing.assert_allclose(bound.document.starts, [head], atol=2 * data_per_pixel(bound))


def test_click_on_a_start_point_selects_it_and_adds_nothing(qtbot, bound):
    bound.document.set_starts(np.array([[0.5, 0.5], [-1.0, -1.0]]))
    assert bound.selected_start() is None
    # the canvas writes from the mouse release itself: no wait is needed to see that it did not
    with qtbot.assertNotEmitted(bound.document.events.starts_changed):
        QTest.mouseClick(bound.layout_widget.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, viewport_point(bound, -1.0, -1.0))
    assert bound.selected_start() == 1


def test_dragging_a_start_point_moves_it_without_panning(qtbot, bound):
    bound.document.set_starts(np.array([[0.5, 0.5], [-1.0, -1.0]]))
    before = bound.view_extent()
    dragging = []
    bound.start_dragging.connect(lambda *a: dragging.append(a))
    with qtbot.waitSignal(bound.document.events.starts_changed, timeout=1000):
        drag(qtbot, bound, (-1.0, -1.0), (1.5, 1.2))
    starts = bound.document.starts
    assert len(starts) == 2                                  # moved, nothing added
    np.testing.assert_array_equal(starts[0], (0.5, 0.5))     # the one moved is point 1
    x, y = starts[1]
    tol = 1.5 * data_per_pixel(bound)
    assert x == pytest.approx(1.5, abs=tol)
    assert y == pytest.approx(1.2, abs=tol)
    assert dragging
    assert all(a[0] == 1 for a in dragging)
    assert bound.view_extent() == before
    assert bound.selected_start() == 1


def test_dragging_empty_space_pans_and_adds_nothing(qtbot, bound):
    bound.document.set_starts(np.array([[0.5, 0.5]]))
    (x0, _), (y0, _) = bound.view_extent()
    with qtbot.assertNotEmitted(bound.document.events.starts_changed):
        drag(qtbot, bound, (-1.0, -1.0), (0.0, -1.0))
    (x1, _), (y1, _) = bound.view_extent()
    assert x1 == pytest.approx(x0 - 1.0, abs=0.05)
    assert y1 == pytest.approx(y0, abs=0.05)
    assert bound.document.view == bound.view_extent()        # and the document has the view


def test_right_click_on_a_start_point_removes_it(qtbot, bound):
    bound.document.set_starts(np.array([[0.5, 0.5], [-1.0, -1.0], [2.0, 1.0]]))
    vp = bound.layout_widget.viewport()
    removed = []
    bound.document.events.starts_changed.connect(removed.append)
    QTest.mouseClick(vp, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier,
                     viewport_point(bound, 2.0, 1.0))
    assert len(removed) == 1    # written by the click itself, before any event loop ran
    np.testing.assert_array_equal(removed[0], [[0.5, 0.5], [-1.0, -1.0]])   # point 2 went
    with qtbot.assertNotEmitted(bound.document.events.starts_changed):
        QTest.mouseClick(vp, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier,
                         viewport_point(bound, -2.0, 1.5))


def test_delete_removes_the_selected_start_point(qtbot, bound):
    bound.document.set_starts(np.array([[0.5, 0.5], [-1.0, -1.0]]))
    vp = bound.layout_widget.viewport()
    with qtbot.assertNotEmitted(bound.document.events.starts_changed):
        QTest.keyClick(bound.layout_widget, Qt.Key.Key_Delete)  # nothing selected yet
    QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     viewport_point(bound, 0.5, 0.5))
    with qtbot.waitSignal(bound.document.events.starts_changed, timeout=1000):
        QTest.keyClick(bound.layout_widget, Qt.Key.Key_Backspace)
    np.testing.assert_array_equal(bound.document.starts, [[-1.0, -1.0]])   # point 0 went
    assert bound.selected_start() is None


def test_mouse_move_reports_the_cursor_in_function_coordinates(qtbot, canvas):
    with qtbot.waitSignal(canvas.cursor_moved, timeout=1000) as blocker:
        QTest.mouseMove(canvas.layout_widget.viewport(), viewport_point(canvas, 1.25, -0.75))
    x, y = blocker.args
    assert x == pytest.approx(1.25, abs=1.5 * data_per_pixel(canvas))
    assert y == pytest.approx(-0.75, abs=1.5 * data_per_pixel(canvas))


# -- runs ----------------------------------------------------------------------------------
def set_two_runs(canvas, n=201, stop_b=60, flag_b="diverged"):
    a = straight_path((-2.5, 1.5), (1.0, -0.5), n)
    b = straight_path((2.5, 1.5), (-2.5, -1.5), n)
    canvas.set_runs([a, b], [n - 1, stop_b], [ORANGE, BLUE],
                    [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine], ["", flag_b],
                    [("GD", ORANGE), ("Adam", BLUE)])
    return a, b


def test_set_step_draws_each_path_up_to_its_stop(qtbot, canvas):
    a, b = set_two_runs(canvas)
    runs = canvas.run_tracks()
    canvas.set_step(0)
    assert [t.drawn_points() for t in runs] == [1, 1]
    canvas.set_step(40)
    for track, path in zip(runs, (a, b), strict=True):
        assert_draws_up_to(canvas, track, path, 40)
    heads = canvas.head_points()
    np.testing.assert_allclose(heads, [a[40], b[40]])
    assert len(canvas.cross_points()) == 0
    assert not canvas.crosses_shown()
    canvas.set_step(150)
    assert_draws_up_to(canvas, runs[0], a, 150)
    assert_draws_up_to(canvas, runs[1], b, 60)  # b stopped at 60
    np.testing.assert_allclose(canvas.cross_points(), [b[60]])
    assert canvas.crosses_shown()
    canvas.set_step(10_000)
    assert_draws_up_to(canvas, runs[0], a, 200)
    assert_draws_up_to(canvas, runs[1], b, 60)
    # straight: a few points (the windows' ends) rather than all 201
    assert all(t.drawn_points() <= 5 for t in runs)
    canvas.set_step(3)  # back again
    for track, path in zip(runs, (a, b), strict=True):
        assert_draws_up_to(canvas, track, path, 3)
    assert len(canvas.cross_points()) == 0
    assert not canvas.crosses_shown()


def test_long_paths_are_thinned_but_end_at_the_head(qtbot, canvas):
    n = 10_001
    path = straight_path((-2.0, -1.0), (2.0, 1.0), n)
    canvas.set_runs([path], [n - 1], [ORANGE], [Qt.PenStyle.SolidLine], [""], [("GD", ORANGE)])
    canvas.set_step(n - 1)
    (track,) = canvas.run_tracks()
    # straight: a point every SIMPLIFY_WINDOW half pixels, not 10,000 nor one a half pixel
    assert track.drawn_points() <= 2 + 2 * 1000 // polylines.SIMPLIFY_WINDOW
    assert_draws_up_to(canvas, track, path, n - 1)
    np.testing.assert_allclose(canvas.head_points(), [path[-1]])
    wavy = path + np.column_stack([np.zeros(n), 0.3 * np.sin(np.linspace(0, 20, n))])
    canvas.set_runs([wavy], [n - 1], [ORANGE], [Qt.PenStyle.SolidLine], [""], [("GD", ORANGE)])
    canvas.set_step(n - 1)
    assert 20 < track.drawn_points() < 1000    # its bends kept, not every step
    assert_draws_up_to(canvas, track, wavy, n - 1)


def drawn_path(track) -> np.ndarray:
    """The points a track's base, middle and tail curves draw, joined, shape (K, 2)."""
    pieces = [np.column_stack(c.getData()) for c in track.items
              if c.getData()[0] is not None and len(c.getData()[0])]
    return np.concatenate([pieces[0]] + [p[1:] for p in pieces[1:]])


def test_the_curves_always_draw_the_thinned_path_up_to_the_head(qtbot, canvas):
    n = 5_001
    t = np.linspace(0.0, 1.0, n)
    path = np.column_stack([-2.5 + 5.0 * t, 1.5 * np.sin(40 * t)])   # never crosses a cell twice
    canvas.set_runs([path], [n - 1], [ORANGE], [Qt.PenStyle.SolidLine], [""], [("GD", ORANGE)])
    (track,) = canvas.run_tracks()

    def assert_drawn_up_to(j):
        kept = track.keep[track.keep <= j]
        if kept[-1] != j:
            kept = np.append(kept, j)     # the line goes on to the head
        np.testing.assert_array_equal(drawn_path(track), path[kept])
        assert deviation_px(canvas, path[:j + 1], path[kept]) <= 1.0

    for j in (0, 3, 900, 905, 905, 2600, 2601, 40, n - 1, n - 1):  # forwards, still, back
        canvas.set_step(j)
        assert_drawn_up_to(j)
    cells = len(track.keep)
    canvas.plot_item.getViewBox().scaleBy((0.25, 0.25))   # finer cells: re-thinned and redrawn
    canvas.settle()
    assert len(track.keep) > cells
    assert_drawn_up_to(n - 1)
    canvas.set_step(1234)
    assert_drawn_up_to(1234)


def test_a_path_is_drawn_in_its_colour(qtbot, canvas):
    a, b = set_two_runs(canvas)
    canvas.set_step(200)
    rgb = grab_array(canvas)
    for path, colour in ((a, ORANGE), (b, BLUE)):
        col, row = canvas_pixel(canvas, *path[30])
        assert near_colour(rgb, col, row, colour), f"{colour} not drawn at {path[30]}"
    # the part of b after its stop is not drawn
    col, row = canvas_pixel(canvas, *b[150])
    assert not near_colour(rgb, col, row, BLUE)
    canvas.clear_runs()
    rgb = grab_array(canvas)
    col, row = canvas_pixel(canvas, *a[30])
    assert not near_colour(rgb, col, row, ORANGE)


def test_legend_lists_the_optimizers_and_arrows(qtbot, canvas):
    set_two_runs(canvas)
    assert legend_labels(canvas) == ["GD", "Adam"]
    mech = {"heads": np.array([[0.0, 0.0], [1.0, 1.0]]),
            "descent": np.array([[1.0, 0.0], [0.0, 1.0]]),
            "moment": np.full((2, 2), np.nan),  # optimizers without a moment
            "step": np.array([[0.1, 0.1], [0.0, 0.0]])}
    canvas.set_mechanics(mech)
    labels = legend_labels(canvas)
    assert labels == ["GD", "Adam", canvas_items.ARROW_KINDS["descent"],
                      canvas_items.ARROW_KINDS["step"]]
    assert [type(sample) for sample, _ in canvas.legend_rows()[2:]] == [
        canvas_items.ArrowSample] * 2
    colours, tails, _ = canvas.arrow_items()["descent"].arrows()
    assert colours == [ORANGE, BLUE]            # each arrow in its run's colour
    np.testing.assert_allclose(tails, mech["heads"])
    assert not canvas.arrow_items()["moment"].isVisible()
    canvas.set_mechanics(None)
    assert not any(item.isVisible() for item in canvas.arrow_items().values())
    assert legend_labels(canvas) == ["GD", "Adam"]


def legend_labels(canvas) -> list[str]:
    return [text for _, text in canvas.legend_rows()]


def drawn_path_curves(canvas) -> list:
    return [item for item in canvas.plot_item.items
            if item.zValue() == canvas_items.Z_PATHS and item.isVisible()]


def test_new_runs_reuse_the_path_curves_and_the_legend(qtbot, canvas):
    set_two_runs(canvas)
    tracks = canvas.run_tracks()
    samples = [sample for sample, _ in canvas.legend_rows()]
    n_items = len(canvas.plot_item.items)
    canvas.clear_runs()
    assert canvas.run_tracks() == ()
    assert drawn_path_curves(canvas) == []
    assert not canvas.legend_shown()
    set_two_runs(canvas)
    assert canvas.run_tracks() == tracks
    assert [sample for sample, _ in canvas.legend_rows()] == samples   # not rebuilt
    assert canvas.legend_shown()
    assert legend_labels(canvas) == ["GD", "Adam"]
    assert len(canvas.plot_item.items) == n_items
    assert len(drawn_path_curves(canvas)) == 2 * 3


def test_a_run_left_out_of_the_next_result_is_not_drawn(qtbot, canvas):
    a, b = set_two_runs(canvas)
    n = len(a)
    canvas.set_runs([a], [n - 1], [ORANGE], [Qt.PenStyle.SolidLine], [""], [("GD", ORANGE)],
                    step=n - 1)
    assert len(canvas.run_tracks()) == 1
    assert_draws_up_to(canvas, canvas.run_tracks()[0], a, n - 1)
    assert len(drawn_path_curves(canvas)) == 3
    assert len(canvas.head_points()) == 1
    assert len(canvas.cross_points()) == 0
    assert legend_labels(canvas) == ["GD"]
    rgb = grab_array(canvas)
    assert near_colour(rgb, *canvas_pixel(canvas, *a[30]), ORANGE)
    assert not near_colour(rgb, *canvas_pixel(canvas, *b[30]), BLUE)


def test_reused_curves_take_each_runs_colour_and_style(qtbot, canvas):
    a, b = set_two_runs(canvas)
    n = len(a)
    green = "#009E73"
    canvas.set_runs([b, a], [n - 1, n - 1], [green, ORANGE],
                    [Qt.PenStyle.DotLine, Qt.PenStyle.SolidLine], ["", ""],
                    [("RMSprop", green), ("GD", ORANGE)], step=n - 1)
    pens = [track.base.opts["pen"] for track in canvas.run_tracks()]
    assert [p.color() for p in pens] == [QColor(green), QColor(ORANGE)]
    assert [p.style() for p in pens] == [Qt.PenStyle.DotLine, Qt.PenStyle.SolidLine]
    assert legend_labels(canvas) == ["RMSprop", "GD"]
    assert [sample.pens[-1].color() for sample, _ in canvas.legend_rows()] == [
        QColor(green), QColor(ORANGE)]
    rgb = grab_array(canvas)
    assert near_colour(rgb, *canvas_pixel(canvas, *b[30]), green)
    assert not near_colour(rgb, *canvas_pixel(canvas, *b[30]), BLUE)


def test_set_runs_draws_at_the_step_given(qtbot, canvas):
    a = straight_path((-2.5, 1.5), (1.0, -0.5), 201)
    canvas.set_runs([a], [200], [ORANGE], [Qt.PenStyle.SolidLine], [""], [("GD", ORANGE)],
                    step=40)
    (track,) = canvas.run_tracks()
    assert_draws_up_to(canvas, track, a, 40)
    np.testing.assert_allclose(canvas.head_points(), [a[40]])
    drawn = drawn_path(track)
    canvas.set_step(40)     # the playhead arriving at the same step changes nothing
    np.testing.assert_array_equal(drawn_path(track), drawn)
    canvas.set_step(100)
    assert_draws_up_to(canvas, track, a, 100)


def arrow_pixels(canvas, kind: str) -> np.ndarray:
    """Each drawn ``kind`` arrow's (dx, dy) on screen, in pixels."""
    _, tails, tips = canvas.arrow_items()[kind].arrows()
    return np.array([np.subtract(canvas_pixel(canvas, *tip), canvas_pixel(canvas, *tail))
                     for tail, tip in zip(tails, tips, strict=True)])


def test_arrows_keep_their_size_on_screen_when_zoomed(qtbot, canvas):
    mech = {"heads": np.zeros((1, 2)), "descent": np.array([[1e-6, 0.0]]),
            "moment": np.array([[0.0, 5e3]]), "step": np.zeros((1, 2))}
    canvas.set_mechanics(mech)
    longest = canvas_items.ARROW_PX
    for span in (6.0, 6e-4, 600.0):      # the domain, zoomed far in, zoomed far out
        canvas.plot_item.getViewBox().setRange(xRange=(-span / 2, span / 2),
                                               yRange=(-span / 3, span / 3), padding=0)
        np.testing.assert_allclose(np.abs(arrow_pixels(canvas, "descent")), [[longest, 0]],
                                   atol=1.5)
        np.testing.assert_allclose(np.abs(arrow_pixels(canvas, "moment")), [[0, longest]],
                                   atol=1.5)
    assert not canvas.arrow_items()["step"].isVisible()   # a zero step has no arrow


def test_arrow_kinds_are_drawn_in_the_run_colour_with_different_shapes(qtbot, canvas):
    a, b = set_two_runs(canvas)
    head = np.array([[-1.0, 1.0], [1.5, -1.0]])
    vectors = np.array([[1.0, 0.0], [1.0, 0.0]])
    for kind in canvas_items.ARROW_KINDS:
        canvas.set_mechanics({"heads": head, kind: vectors})
        rgb = grab_array(canvas)
        for (x, y), colour in zip(head, (ORANGE, BLUE), strict=True):
            col, row = canvas_pixel(canvas, x, y)
            shaft = [near_colour(rgb, col + dx, row, colour, radius=0) for dx in range(4, 44)]
            if kind == "descent":        # solid
                assert all(shaft), kind
            elif kind == "step":         # dashed: gaps along the shaft
                assert 0.3 < np.mean(shaft) < 0.9, kind
            else:                        # outlined: the colour along both edges, pale inside
                assert not any(shaft), kind
                for edge in (-1, 1):
                    assert all(near_colour(rgb, col + dx, row + 3 * edge, colour, radius=1,
                                           tol=60) for dx in range(6, 40)), kind


# -- contours ------------------------------------------------------------------------------
def test_function_shows_contours_minima_and_colour_bar(qtbot, canvas):
    scale = canvas.scale
    assert len(scale.levels) == canvas.n_levels
    vb = canvas.plot_item.getViewBox()
    ny, nx = canvas.contour_image().shape      # a sample per pixel, at least grid_size a side
    ratio = canvas.layout_widget.devicePixelRatioF()
    assert nx >= max(canvas.grid_size, vb.width() * ratio)
    assert ny >= max(canvas.grid_size, vb.height() * ratio)
    assert canvas.contour_levels() == pytest.approx(scale.colour_range)
    x, y = canvas.isoline_data()
    assert np.isnan(x).any()
    assert np.isfinite(x).sum() > 100
    np.testing.assert_allclose(canvas.minima_points(), [[1.0, -0.5]])
    # the domain fills the plot: not padded out to the widget's shape (no aspect lock)
    np.testing.assert_allclose(np.ravel(canvas.view_extent()), np.ravel(BOWL.bounds))


def saturated_share(canvas) -> float:
    """The share of the contour image at the top of its colour range (one flat colour)."""
    image = canvas.contour_image()
    _, high = canvas.contour_levels()
    return float(np.mean(image >= high - 1e-9))


def test_zoom_recomputes_the_visible_region_with_a_colour_scale_of_its_own(qtbot, canvas):
    top = canvas.contour_levels()[1]
    with qtbot.waitSignal(canvas.view_changed, timeout=WAIT):
        canvas.plot_item.getViewBox().setRange(xRange=(0.5, 1.5), yRange=(-1.0, 0.0),
                                               padding=0)
    (vx0, vx1), (vy0, vy1) = canvas.view_extent()
    qtbot.waitUntil(lambda: canvas.computed_extent() == canvas.view_extent(), timeout=WAIT)
    # the colours follow what is visible: f <= ~0.9 here, against ~40 over the domain
    low, high = canvas.contour_levels()
    assert (low, high) == pytest.approx(canvas.scale.colour_range)
    assert high < top - 1.0
    assert high == pytest.approx(np.log10(canvas.function.value(np.array([1.5, 0.0]))), abs=0.1)
    assert saturated_share(canvas) < 0.02
    assert len(canvas.scale.levels) == canvas.n_levels
    rect = canvas.contour_rect()
    assert rect.left() == pytest.approx(vx0, abs=(vx1 - vx0) / 200)
    assert rect.right() == pytest.approx(vx1, abs=(vx1 - vx0) / 200)
    x, y = canvas.isoline_data()
    pts = np.column_stack([x, y])
    pts = pts[np.isfinite(pts).all(axis=1)]
    assert len(pts) > 50
    assert pts[:, 0].min() >= vx0 - 1e-9
    assert pts[:, 0].max() <= vx1 + 1e-9
    assert pts[:, 1].min() >= vy0 - 1e-9
    assert pts[:, 1].max() <= vy1 + 1e-9


@pytest.fixture
def direct_canvas(qtbot):
    """A canvas like ``canvas`` whose axes paint directly: what the cached axes must show."""
    return bowl_canvas(qtbot, cached_axes=False)


def test_cached_axes_show_each_view_and_size(qtbot, canvas, direct_canvas):
    twins = (canvas, direct_canvas)
    for side in ("left", "bottom"):
        assert (canvas.plot_item.getAxis(side).cacheMode()
                == QGraphicsItem.CacheMode.DeviceCoordinateCache)
    np.testing.assert_array_equal(grab_array(canvas), grab_array(direct_canvas))
    changes = [
        lambda c: c.plot_item.getViewBox().setRange(xRange=(0.5, 1.5), yRange=(-1.0, 0.0),
                                                   padding=0),          # zoom: new ticks
        lambda c: c.plot_item.getViewBox().translateBy(x=0.137, y=-0.071),   # pan
        lambda c: c.fit_view(),
    ]
    for change in changes:
        before = grab_array(canvas)                  # the axes are cached pixmaps now
        for c in twins:
            change(c)
            c.settle()
        after = grab_array(canvas)
        assert not np.array_equal(after, before)
        np.testing.assert_array_equal(after, grab_array(direct_canvas))
    grab_array(canvas)
    with qtbot.waitSignals([c.view_changed for c in twins], timeout=WAIT):
        for c in twins:
            c.resize(700, 450)
    resized = grab_array(canvas)
    assert resized.shape[:2] == (450, 700)
    np.testing.assert_array_equal(resized, grab_array(direct_canvas))


def test_fit_view_ignores_a_broken_extent(qtbot, canvas):
    canvas.fit_view(((0.0, 1.0), (0.0, 1.0)))
    (x0, x1), (y0, y1) = canvas.view_extent()
    assert min(x1 - x0, y1 - y0) == pytest.approx(1.0)
    canvas.fit_view(((0.0, np.inf), (0.0, 1.0)))
    (x0, x1), _ = canvas.view_extent()
    assert x0 <= -3.0 + 1e-9
    assert x1 >= 3.0 - 1e-9


# -- the run legend: never over the data -------------------------------------------------------
def legend_covers(canvas, points) -> list:
    vb = canvas.plot_item.getViewBox()
    rect = canvas.legend_rect()
    return [tuple(p) for p in points if rect.contains(vb.mapViewToScene(QPointF(*p)))]


def test_the_legend_goes_to_the_corner_no_path_crosses(qtbot, canvas):
    # a path filling the top left, then one filling the top right and bottom left
    a = straight_path((-3.0, 2.0), (-1.0, 0.5), 200)
    canvas.set_runs([a], [199], [ORANGE], [Qt.PenStyle.SolidLine], [""], [("GD", ORANGE)])
    assert canvas.legend_spot() != "top-left"
    assert legend_covers(canvas, a) == []
    b = straight_path((3.0, 2.0), (-3.0, -2.0), 400)
    canvas.set_runs([a, b], [199, 399], [ORANGE, BLUE], [Qt.PenStyle.SolidLine] * 2,
                    ["", ""], [("GD", ORANGE), ("Adam", BLUE)])
    assert canvas.legend_spot() == "bottom-right"
    assert legend_covers(canvas, np.concatenate([a, b, canvas.minima_points()])) == []


def test_a_legend_with_no_empty_corner_moves_outside_the_plot(qtbot, canvas):
    rng = np.random.default_rng(0)
    paths = [rng.uniform(-3.0, 3.0, (300, 2)), rng.uniform(-3.0, 3.0, (300, 2))]
    canvas.set_runs(paths, [299, 299], [ORANGE, BLUE], [Qt.PenStyle.SolidLine] * 2,
                    ["", ""], [("GD", ORANGE), ("Adam", BLUE)])
    assert canvas.legend_spot() == "outside"
    assert canvas.legend_shown()
    assert legend_labels(canvas) == ["GD", "Adam"]
    vb = canvas.plot_item.getViewBox().sceneBoundingRect()
    assert not vb.intersects(canvas.legend_rect())
    # runs that leave a corner free bring it back in
    canvas.set_runs([paths[0][:2]], [1], [ORANGE], [Qt.PenStyle.SolidLine], [""],
                    [("GD", ORANGE)])
    assert canvas.legend_spot() != "outside"
    assert vb.contains(canvas.legend_rect())


def test_the_run_legend_hides_while_another_legend_is_shown(qtbot, canvas):
    import pyqtgraph as pg
    set_two_runs(canvas)
    other = pg.LegendItem()
    other.setParentItem(canvas.plot_item.getViewBox())
    canvas.hide_run_legend_while(other)
    assert not canvas.legend_shown()
    other.setVisible(False)
    assert canvas.legend_shown()
