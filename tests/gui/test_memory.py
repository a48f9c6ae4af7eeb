"""Memory stays flat (offscreen): clicks that add start points and right-clicks that remove them
leave nothing behind of earlier results. Counted, not timed and not read off the resident size
(which a shared machine makes noisy): the items in the canvas's and loss plot's scenes, the
items that hold a cached pixmap (the shown ones with a cache mode: Qt drops a hidden item's
pixmap itself), the line-segment buffers pyqtgraph keeps per curve, the RunResult objects
alive; and after many clicks only the current result is alive."""

import gc
import tracemalloc
import weakref

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QGraphicsItem

from beale_gui.core.engine import Cancelled, OptimizerConfig, RunResult, run
from beale_gui.core.functions import get_function
from beale_gui.gui import memory as memory_module
from beale_gui.gui.memory import can_release, map_large_blocks, release_free_memory
from beale_gui.gui.views.path_track import PathTrack

from .helpers import WAIT, open_window, settings_in, viewport_point

STEPS = 200          # shorter runs than the default: what is counted does not depend on it
NO_CACHE = QGraphicsItem.CacheMode.NoCache


# -- what the window holds ----------------------------------------------------------------------
def _scenes(w):
    return w.canvas.layout_widget.scene(), w.loss_plot.plot_widget.scene()


def _segment_bytes(curve: pg.PlotCurveItem) -> int:
    """The bytes of the line-segment buffer pyqtgraph keeps for ``curve`` (it draws opaque
    wide curves as separate segments and keeps the buffer at its largest size)."""
    assert hasattr(curve, "_lineSegments"), "pyqtgraph no longer keeps _lineSegments: update"
    buffer = curve._lineSegments
    return 0 if buffer is None else buffer._capa * buffer._nfields * 8


def footprint(w) -> dict[str, int]:
    """What the window's views hold, counted."""
    gc.collect()
    items = [list(scene.items()) for scene in _scenes(w)]
    everything = items[0] + items[1]
    curves = [i for i in everything if isinstance(i, pg.PlotCurveItem)]
    tails = {track.tail for track in w.canvas.run_tracks()}
    return {
        "canvas items": len(items[0]),
        "loss-plot items": len(items[1]),
        "cached pixmaps": sum(i.cacheMode() != NO_CACHE and i.isVisible() for i in everything),
        # a path's tail (at most PathTrack.CHUNK points) keeps the buffer of the longest tail
        # painted since its run was shown, which depends on which animation frames were
        # painted: counted apart, and bounded where it is compared
        "segment bytes": sum(_segment_bytes(c) for c in curves if c not in tails),
        "tail segment bytes": sum(_segment_bytes(c) for c in curves if c in tails),
        "results alive": sum(type(o) is RunResult for o in gc.get_objects()),
        "graphics objects alive": sum(issubclass(type(o), pg.GraphicsObject)
                                      for o in gc.get_objects()),
    }


def hidden_holders(w) -> list[str]:
    """Hidden curves of the two scenes that still hold points or a line-segment buffer (the
    curves kept for later results must hold neither)."""
    held = []
    arrows = set(w.canvas.arrow_items().values())   # the current result's arrows, hidden with M
    for scene in _scenes(w):
        for item in scene.items():
            if item.isVisible() or item in arrows:
                continue
            if isinstance(item, pg.PlotCurveItem):
                x, _ = item.getData()
                if x is not None and len(x):
                    held.append(f"PlotCurveItem with {len(x)} points")
                if _segment_bytes(item):
                    held.append(f"PlotCurveItem with {_segment_bytes(item)} segment bytes")
    return held


def _alive(w) -> list[tuple[int, bool]]:
    """Every RunResult alive: its number of runs, and whether it is the window's result."""
    gc.collect()
    return [(o.n_runs, o is w.result()) for o in gc.get_objects() if type(o) is RunResult]


# -- driving it ---------------------------------------------------------------------------------
def _points(w, n: int, seed: int = 0) -> list[tuple[float, float]]:
    """``n`` start points a click can add now: inside the view and clear of its edges, of the
    legend (with the mechanics arrows' entries too) and of the start points and each other."""
    vb = w.canvas.plot_item.getViewBox()
    inside = vb.sceneBoundingRect().adjusted(20, 20, -20, -20)
    legend = w.canvas.legend_rect()
    legend.setHeight(legend.height() * 1.6)          # room for the three arrow entries
    legend = legend.adjusted(-20, -20, 20, 20)
    (x0, x1), (y0, y1) = w.canvas.view_extent()
    rng = np.random.default_rng(seed)
    taken = [tuple(p) for p in w.starts()]
    out: list[tuple[float, float]] = []
    while len(out) < n:
        x, y = float(rng.uniform(x0, x1)), float(rng.uniform(y0, y1))
        pos = vb.mapViewToScene(QPointF(x, y))
        if not inside.contains(pos) or legend.contains(pos) or _on_a_path(w, pos):
            continue
        if all(np.hypot(x - a, y - b) > 0.04 * (x1 - x0) for a, b in taken + out):
            out.append((x, y))
    return out


def _on_a_path(w, pos: QPointF) -> bool:
    """Whether a click at scene point ``pos`` (or 2 pixels from it) would land on a drawn
    path, which selects its run instead of adding a start point."""
    near = [pos + QPointF(dx, dy) for dx, dy in ((0, 0), (2, 0), (-2, 0), (0, 2), (0, -2))]
    return any(curve.isVisible() and curve.mouseShape().contains(curve.mapFromScene(p))
               for track in w.canvas.run_tracks() for curve in track.items for p in near)


def _click(qtbot, w, x, y, button=Qt.MouseButton.LeftButton) -> None:
    """A click on the canvas at (x, y), waiting for the result it brings."""
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        qtbot.mouseClick(w.canvas.layout_widget.viewport(), button,
                         pos=viewport_point(w.canvas, x, y))


def _drawn(w) -> None:
    """Draw the result at its middle and its end, as a user would see it."""
    w.playback.set_step(w.result().n_steps // 2)
    w.grab()
    w.playback.set_step(w.result().n_steps)
    w.grab()


def _cycle(qtbot, w, x, y, seen: list) -> None:
    """Click at (x, y) to add a start point, look at it with the mechanics arrows on, and
    right-click it away."""
    n = len(w.starts())
    _click(qtbot, w, x, y)
    assert len(w.starts()) == n + 1
    seen.append(weakref.ref(w.result()))
    w.action_mechanics.trigger()          # the arrows and their legend entries come...
    _drawn(w)
    w.action_mechanics.trigger()          # ...and go
    _click(qtbot, w, x, y, Qt.MouseButton.RightButton)
    assert len(w.starts()) == n
    seen.append(weakref.ref(w.result()))
    _drawn(w)


@pytest.fixture
def window(qtbot, tmp_path):
    """The launch window at the benchmarks' size (the offscreen screen's default leaves the
    legend a large part of the canvas)."""
    return open_window(qtbot, settings_in(tmp_path), size=(1400, 900))


@pytest.fixture
def short_runs(qtbot, window):
    """The launch window with runs of :data:`STEPS` steps."""
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.update(max_steps=STEPS)
    _drawn(window)
    return window


# -- the tests ----------------------------------------------------------------------------------
def test_click_and_remove_cycles_leave_the_same_footprint(qtbot, short_runs):
    w = short_runs
    seen: list = []
    _cycle(qtbot, w, *_points(w, 1, seed=100)[0], seen)
    first = footprint(w)
    assert first["results alive"] == 1
    for k in range(20):
        _cycle(qtbot, w, *_points(w, 1, seed=k)[0], seen)
    assert footprint(w) == first
    assert not hidden_holders(w)
    assert [r for r in seen[:-1] if r() is not None] == []   # only the last result lives on
    assert seen[-1]() is w.result()


def test_after_fifty_clicks_only_the_current_result_is_alive(qtbot, short_runs):
    w = short_runs
    launch = footprint(w)
    seen = [weakref.ref(w.result())]
    for k in range(50):
        _click(qtbot, w, *_points(w, 1, seed=k)[0])   # where the view is now
        seen.append(weakref.ref(w.result()))
    _drawn(w)
    gc.collect()
    assert [r for r in seen[:-1] if r() is not None] == []
    assert _alive(w) == [(6 * 51, True)]
    assert len(w.loss_plot.curves) == 6 * 51
    assert not hidden_holders(w)
    grown = footprint(w)

    # back to the seed's start alone: what the 306 runs left is hidden and empty
    while len(w.starts()) > 1:
        with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
            w.document.remove_start(len(w.starts()) - 1)
    _drawn(w)
    gc.collect()
    assert _alive(w) == [(6, True)]
    assert not hidden_holders(w)
    shrunk = footprint(w)
    # the same 6 runs as at launch hold what they held then (the items are more: the spare
    # curves, hidden and empty, kept for a later result)
    for what in ("segment bytes", "cached pixmaps"):
        assert shrunk[what] == launch[what] < grown[what], what
    # each shown tail's buffer: at most a chunk's segments, four doubles each
    assert shrunk["tail segment bytes"] <= 6 * PathTrack.CHUNK * 4 * 8
    assert shrunk["results alive"] == launch["results alive"] == 1


def test_a_long_result_leaves_no_buffers_to_a_short_one(qtbot, short_runs):
    """pyqtgraph keeps a curve's line-segment buffer at the largest size it drew: curves
    reused for a shorter result must not keep a longer earlier one's."""
    w = short_runs

    def with_steps(n):
        with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
            w.document.update(max_steps=n, tol=0.0)
        _drawn(w)
        return footprint(w)

    short = with_steps(STEPS)
    long = with_steps(20 * STEPS)
    assert long["segment bytes"] > 5 * short["segment bytes"]
    assert with_steps(STEPS) == short


def test_the_tables_colour_swatches_are_one_icon_per_colour(qtbot, short_runs):
    """A QColor decoration made the delegate draw a new pixmap at every paint, which the icon
    engine filed in the QPixmapCache under that pixmap's own key: the cache grew with every
    repaint of the table until it reached its limit."""
    w = short_runs
    model = w.results.model

    def icons():
        return [model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole)
                for row in range(model.rowCount())]

    first = icons()
    assert all(isinstance(icon, QIcon) and not icon.isNull() for icon in first)
    assert len({icon.cacheKey() for icon in first}) == 6       # one per optimizer colour
    _click(qtbot, w, *_points(w, 1, seed=5)[0])
    w.grab()
    again = icons()
    assert len(again) == 12
    assert {i.cacheKey() for i in again} == {i.cacheKey() for i in first}


# -- the engine's runs ---------------------------------------------------------------------------
def _cycles(work) -> int:
    """Objects that ``work()`` leaves in reference cycles (freed only by a full pass of the
    garbage collector, which a quiet GUI may not make for many runs)."""
    gc.collect()
    gc.disable()
    try:
        work()
        return gc.collect()
    finally:
        gc.enable()


def _cancelled(starts, steps):
    with pytest.raises(Cancelled):
        run(get_function("beale"), OptimizerConfig("adam", {"lr": 0.05}), starts,
            max_steps=steps, record=False, cancel=lambda: True)


@pytest.mark.parametrize("work", [
    pytest.param(lambda: run(get_function("beale"), [OptimizerConfig("adam", {"lr": 0.05}),
                                                     OptimizerConfig("gd", {"lr": 0.01})],
                             [[0.7, 1.4]], max_steps=300, record_state=True), id="few runs"),
    pytest.param(lambda: run(get_function("beale"),
                             OptimizerConfig("adam", {"lr": np.geomspace(1e-3, 1e-1, 50)}),
                             [[0.7, 1.4]], max_steps=300, record_state=True), id="numpy unit"),
    pytest.param(lambda: run(get_function("beale"), OptimizerConfig("adam", {"lr": 0.05}),
                             np.random.default_rng(0).uniform(-4, 4, (20_000, 2)),
                             max_steps=20, record=False), id="threads"),
    pytest.param(lambda: _cancelled([[0.7, 1.4]], 10**6), id="cancelled"),
    pytest.param(lambda: _cancelled(np.random.default_rng(0).uniform(-4, 4, (20_000, 2)),
                                    10**5), id="cancelled threads"),
])
def test_an_engine_run_leaves_no_reference_cycles(work):
    """Each run used to leave its job, units and outputs (every recorded array) in cycles:
    after nineteen rapid clicks tens of MB of cancelled and replaced runs waited for the
    garbage collector."""
    assert _cycles(work) == 0


# -- giving freed memory back -------------------------------------------------------------------
@pytest.fixture
def releases(monkeypatch):
    """Calls of the window's release of freed memory, counted (and still made)."""
    calls = []

    def counted():
        calls.append(1)
        return release_free_memory()

    monkeypatch.setattr(memory_module, "release_free_memory", counted)
    return calls


def test_freed_memory_is_released_once_results_settle(qtbot, window, releases):
    w = window
    x, y = _points(w, 1, seed=3)[0]
    _click(qtbot, w, x, y)
    assert w.memory.timer.isActive()
    with qtbot.waitSignal(w.memory.timer.timeout, timeout=WAIT):
        pass
    assert releases == [1]
    assert not w.memory.pending


def test_no_release_in_the_middle_of_the_animation(qtbot, window, releases):
    w = window
    w.playback.play()
    assert w.playback.is_playing
    x, y = _points(w, 1, seed=4)[0]
    _click(qtbot, w, x, y)                  # a new result plays from step 0
    assert w.playback.is_playing
    with qtbot.waitSignal(w.memory.timer.timeout, timeout=WAIT):
        pass
    if w.playback.is_playing:               # a slow machine may have played it to the end
        assert releases == []
        assert w.memory.pending
        w.playback.pause()
    assert releases == [1]
    assert not w.memory.pending


def test_release_free_memory_never_raises():
    assert isinstance(release_free_memory(), bool)
    assert can_release() or not release_free_memory()


# -- a long result ------------------------------------------------------------------------------
LONG = 20_000


def _columns(result: RunResult) -> int:
    """The bytes of one (N, T+1) array of floats of ``result``: what each copy of its loss
    (or one coordinate of its paths) costs."""
    return result.n_runs * (result.n_steps + 1) * 8


def test_a_long_result_is_shown_with_few_copies_of_its_arrays(qtbot, window):
    """Showing a long result makes a few (N, T+1) arrays' worth, not a copy of each: the loss
    plot's curves share one array of steps, and its values and y range copy the loss once
    (copies of the finite values, temporaries and a range over every run at once peaked at
    6.5 of them, 28 MB for 6 x 100,000 steps; now 4.1, and 3.2 kept: the values, pyqtgraph's
    log10 of them and its line segments). Counted by tracemalloc, which sees numpy's
    allocations whatever the allocator makes of them."""
    w = window
    entries = list(w.document.enabled)

    def long_result():
        return run(w.document.function, [e.config for e in entries], w.document.starts,
                   max_steps=LONG, tol=0.0, record_state=True)

    qtbot.waitUntil(lambda: not w.run_controller.compiler.busy, timeout=WAIT)
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):   # what is made once, made
        w.run_controller.show_result(long_result(), entries, mode="ready")
    _drawn(w)
    result = long_result()
    column = _columns(result)
    gc.collect()
    tracemalloc.start()
    try:
        with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
            w.run_controller.show_result(result, entries, mode="ready")
        _drawn(w)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    steps = {id(x.base if x.base is not None else x) for x, _ in w.loss_plot._whole}
    assert len(steps) == 1                       # one array of steps, each curve a view
    assert held <= 3.5 * column, held / column
    assert peak <= 5 * column, peak / column


def test_a_long_run_leaves_only_its_whole_result(qtbot, window):
    """A long request shows its first steps first; once the whole result is shown, the
    first steps' result is gone."""
    w = window
    shown = []
    w.run_state.events.result_changed.connect(shown.append)
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.document.update(max_steps=LONG, tol=0.0)
    qtbot.waitUntil(lambda: not w.runs.busy and w.result().n_steps == LONG, timeout=WAIT)
    _drawn(w)
    del shown[:]
    assert _alive(w) == [(6, True)]


def test_a_runs_constant_rates_and_unchanging_state_are_views_of_one_step():
    """The rate of a constant schedule, and a state entry its optimizer's settings leave
    unused (Adam's maximum without amsgrad), are one step's values seen at every step: no
    (N, T+1) array of the same number."""
    result = run(get_function("beale"), [OptimizerConfig("adam", {"lr": 0.05}),
                                         OptimizerConfig("gd", {"lr": 0.01})],
                 [[0.7, 1.4]], max_steps=1000, tol=0.0, record_state=True)
    assert result.lr.strides[1] == 0
    np.testing.assert_array_equal(result.lr[:, -1], [0.05, 0.01])
    adam = result.state_of(0)
    assert adam["max_exp_avg_sq"].strides[0] == 0
    assert not adam["max_exp_avg_sq"].any()
    assert adam["exp_avg"].strides[0] != 0


def test_large_blocks_are_mapped_on_their_own_where_glibc_is():
    assert map_large_blocks() == can_release()

