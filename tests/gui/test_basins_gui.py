"""The basin map in the window (Compute, progress, legend, pixels, Cancel, hover, invalidation)
and ``basins --out`` on the command line."""


import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from beale_gui import cli
from beale_gui.core.basins import basin_map
from beale_gui.core.engine import OptimizerConfig
from beale_gui.core.functions import get_function
from beale_gui.document import OptimizerEntry
from beale_gui.gui.render.basins import BasinFigure
from beale_gui.gui.views.basin_overlay import outcome_colour

from .helpers import (
    canvas_pixel,
    close_window,
    grab_array,
    new_window,
    open_window,
    rgb_array,
    settings_in,
    task_cancelled,
    viewport_point,
)

WAIT = 20_000
HIMMELBLAU = get_function("himmelblau")
MINIMA = np.asarray(HIMMELBLAU.minima, dtype=float)
ADAM = OptimizerConfig("adam", {"lr": 0.05})


@pytest.fixture
def window(qtbot, tmp_path, no_mouse_rate_limit):
    """The window on Himmelblau with Adam (lr 0.05) only, its runs drawn, the dock open."""
    w = open_window(qtbot, settings_in(tmp_path), size=(1300, 850), timeout=WAIT)
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.document.update(function=HIMMELBLAU, expression=None,
                          entries=[OptimizerEntry(ADAM, "#0072B2")])
    w.basins.action.trigger()          # View > Basin map (B)
    qtbot.waitUntil(w.basins.dock.isVisible, timeout=WAIT)
    yield w
    close_window(w)       # closing stops every thread of the window, then it is deleted


def _compute(qtbot, window, grid=128, max_steps=1000):
    basins = window.basins
    basins.panel.grid.set_value(grid)
    basins.panel.max_steps.set_value(max_steps)
    seen = []
    basins.runner.progress.connect(lambda _g, done, total: seen.append(done / total))
    with qtbot.waitSignal(basins.runner.finished, timeout=WAIT):
        qtbot.mouseClick(basins.panel.compute, Qt.MouseButton.LeftButton)
        assert basins.panel.progress.isVisible()       # progress shown while computing
        assert basins.panel.cancel.isEnabled()
        assert not basins.panel.compute.isEnabled()
    assert seen
    assert seen[-1] == pytest.approx(1.0)
    assert not basins.panel.progress.isVisible()
    return basins.overlay.bmap


def _beside_minima(bmap, distance=0.45):
    """A point beside each minimum, away from the view's centre (clear of the star marker,
    the paths and the heads), still in the minimum's basin."""
    points = []
    for k, m in enumerate(MINIMA):
        p = m + distance * m / np.linalg.norm(m)
        assert bmap.outcome[bmap.cell_at(*p)] == k
        points.append(p)
    return points


def _patch_colour(rgb, col, row, radius=3) -> np.ndarray:
    patch = rgb[row - radius:row + radius + 1, col - radius:col + radius + 1]
    return np.median(patch.reshape(-1, 3), axis=0)


def test_himmelblau_map_has_four_coloured_basins(qtbot, window):
    bmap = _compute(qtbot, window)
    overlay = window.basins.overlay
    assert overlay.is_visible()
    assert overlay.image.image.shape[:2] == (128, 128)
    (x0, x1), (y0, y1) = bmap.xrange, bmap.yrange   # the view when Compute was pressed
    rect = overlay.image.mapRectToParent(overlay.image.boundingRect())
    assert rect.left() == pytest.approx(x0)
    assert rect.right() == pytest.approx(x1)
    assert rect.top() == pytest.approx(y0)
    assert rect.bottom() == pytest.approx(y1)
    (v0, v1), (w0, w1) = window.canvas.view_extent()   # narrower beside the key: still covered
    assert x0 <= v0 + 1e-9
    assert v1 <= x1 + 1e-9
    assert y0 <= w0 + 1e-9
    assert w1 <= y1 + 1e-9
    labels = overlay.legend_labels()
    mins = [t for t in labels if t.startswith("min ")]
    assert len(mins) == 4
    assert all("%" in t for t in mins)
    assert "Adam (lr=0.05)" in labels[0]     # the optimizer's title, as everywhere
    # the key stands beside the plot in the colour bar's place: it covers none of the map
    bar = overlay.colour_bar()
    assert bar is not None
    assert not bar.isVisible()
    vb = window.canvas.plot_item.getViewBox()
    qtbot.waitUntil(lambda: overlay.legend.sceneBoundingRect().left()
                    >= vb.sceneBoundingRect().right() - 1, timeout=WAIT)   # half a pixel
    assert not overlay.legend.sceneBoundingRect().intersects(
        vb.sceneBoundingRect().adjusted(0, 0, -1, 0))

    after = grab_array(window.canvas)
    alpha = overlay.image.opacity()
    overlay.set_opacity(0.0)    # the contours beneath, in the same layout (the key beside)
    before = grab_array(window.canvas)
    overlay.set_opacity(alpha)
    colours = []
    for k, (x, y) in enumerate(_beside_minima(bmap)):
        col, row = canvas_pixel(window.canvas, x, y)
        colour = _patch_colour(after, col, row)
        # the basin's colour, semi-transparent over the contours
        basin = np.array(QColor(outcome_colour(k)).getRgb()[:3])
        expected = alpha * basin + (1 - alpha) * _patch_colour(before, col, row)
        np.testing.assert_allclose(colour, expected, atol=8)
        colours.append(colour)
    for i in range(4):
        for j in range(i + 1, 4):
            assert np.abs(colours[i] - colours[j]).sum() > 60, (i, j, colours)


def test_steps_colouring_and_opacity_redraw_without_recomputing(qtbot, window):
    bmap = _compute(qtbot, window, grid=64)
    panel, overlay = window.basins.panel, window.basins.overlay
    flat = overlay.image.image.copy()
    panel.colouring.setCurrentIndex(panel.colouring.findData("steps"))
    assert overlay.bmap is bmap
    shaded = overlay.image.image
    slow = np.unravel_index(np.argmax(bmap.steps), bmap.steps.shape)
    assert shaded[slow][:3].sum() < flat[slow][:3].sum()              # darker = slower
    assert any("slower" in t for t in overlay.legend_labels())
    panel.opacity.setValue(30)
    assert overlay.image.opacity() == pytest.approx(0.3)
    panel.show_map.setChecked(False)
    assert not overlay.is_visible()
    panel.show_map.setChecked(True)
    assert overlay.is_visible()
    window.basins.action.trigger()          # B closes the dock and hides the map with it
    assert not overlay.is_visible()


def test_cancel_stops_a_big_map_promptly(qtbot, window):
    basins = window.basins
    # 512 x 512 starts: 4,000 steps is the most the core takes at that grid (MAX_CELL_STEPS)
    basins.panel.grid.set_value(512)
    basins.panel.max_steps.set_value(4000)
    with qtbot.waitSignal(basins.runner.progress, timeout=WAIT):
        qtbot.mouseClick(basins.panel.compute, Qt.MouseButton.LeftButton)
    # the panel says so at once, and the map itself stops (rather than running to its end)
    with (task_cancelled(qtbot, basins.runner),
          qtbot.waitSignal(basins.runner.cancelled, timeout=WAIT)):
        qtbot.mouseClick(basins.panel.cancel, Qt.MouseButton.LeftButton)
    assert basins.panel.compute.isEnabled()
    assert not basins.panel.progress.isVisible()
    assert basins.overlay.bmap is None
    assert not basins.overlay.is_visible()
    # the thread is free again: a small map comes back
    with qtbot.waitSignal(basins.runner.finished, timeout=WAIT):
        basins.panel.grid.set_value(16)
        basins.panel.max_steps.set_value(100)
        basins.compute()


def test_too_big_a_map_is_refused_with_a_message(qtbot, window):
    basins = window.basins
    basins.panel.grid.set_value(512)
    basins.panel.max_steps.set_value(10_000)
    qtbot.mouseClick(basins.panel.compute, Qt.MouseButton.LeftButton)
    assert not basins.runner.busy
    assert "limit" in basins.panel.status.text()
    assert "limit" in window.statusBar().currentMessage()


def test_hover_shows_the_cell_outcome_in_the_status_bar(qtbot, window):
    bmap = _compute(qtbot, window, grid=64)
    x, y = MINIMA[2] + (-0.3, -0.3)
    vb = window.canvas.plot_item.getViewBox()
    view = window.canvas.layout_widget
    pos = viewport_point(window.canvas, x, y)
    QTest.mouseMove(view.viewport(), pos)
    message = window.statusBar().currentMessage()
    assert "min 3 (-3.779, -3.283)" in message
    under = vb.mapSceneToView(view.mapToScene(pos))
    assert message == bmap.describe(*bmap.cell_at(under.x(), under.y()))


def test_changing_the_function_hides_the_map(qtbot, window):
    _compute(qtbot, window, grid=32)
    basins = window.basins
    assert basins.overlay.is_visible()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.set_function(get_function("rosenbrock"))
    assert not basins.overlay.is_visible()
    assert "function changed" in basins.panel.status.text()
    assert "Compute" in basins.panel.status.text()


def test_changing_the_mapped_optimizer_hides_the_map_and_others_do_not(qtbot, window):
    _compute(qtbot, window, grid=32)
    basins = window.basins
    state = window.document
    more = [*state.entries, OptimizerEntry(OptimizerConfig("gd", {"lr": 0.01}), "#E69F00")]
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.set_entries(more)
    assert basins.overlay.is_visible()        # another optimizer was added: still valid
    assert basins.panel.optimizer.count() == 2
    faster = [OptimizerEntry(OptimizerConfig("adam", {"lr": 0.1}), "#0072B2"), more[1]]
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.set_entries(faster)
    assert not basins.overlay.is_visible()
    assert "optimizer's settings changed" in basins.panel.status.text()


def test_closing_during_a_map_ends_the_thread(qtbot, tmp_path):
    w = new_window(settings_in(tmp_path))
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.show()
    w.basins.panel.grid.set_value(512)
    w.basins.panel.max_steps.set_value(4000)
    with qtbot.waitSignal(w.basins.runner.progress, timeout=WAIT):
        assert w.basins.compute()
    with task_cancelled(qtbot, w.basins.runner):    # the map stops; it does not run to its end
        w.close()
    assert not w.basins.runner.thread.isRunning()


# -- the command line ------------------------------------------------------------------------
def test_cli_out_draws_four_basins(qtbot, tmp_path, capsys):
    path = tmp_path / "basins.png"
    code = cli.main(["basins", "--function", "himmelblau", "--optimizer", "adam:lr=0.05",
                     "--grid", "60", "--max-steps", "2000", "--out", str(path),
                     "--size", "640x480"])
    assert code == 0, capsys.readouterr().err
    rgb = rgb_array(QImage(str(path)))
    assert rgb.shape == (480, 640, 3)
    # where the minima land: the same figure, built through the API
    bmap = basin_map(HIMMELBLAU, ADAM, grid=60, max_steps=2000)
    figure = BasinFigure(bmap, HIMMELBLAU, (640, 480))
    try:
        np.testing.assert_array_equal(rgb_array(QImage.fromData(figure.png_bytes())), rgb)
        colours = [_patch_colour(rgb, *map(round, figure.map_to_pixel(*p)), radius=2)
                   for p in _beside_minima(bmap, 0.3)]
    finally:
        figure.close()
    for i in range(4):
        for j in range(i + 1, 4):
            assert np.abs(colours[i] - colours[j]).sum() > 60, (i, j, colours)


@pytest.mark.parametrize(("out", "extra", "word"), [
    ("missing/b.png", [], "does not exist"),
    ("b.svg", [], ".png"),
    ("b.png", ["--size", "10x"], "--size"),
    ("b.png", ["--size", "0x100"], "--size"),
])
def test_cli_bad_out_exits_2_and_leaves_nothing(tmp_path, capsys, out, extra, word):
    code = cli.main(["basins", "--function", "himmelblau", "--grid", "8",
                     "--out", str(tmp_path / out), *extra])
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert word in err[0]
    assert not (tmp_path / out).exists()


def test_cli_failed_write_keeps_the_old_file(qapp, tmp_path, capsys, monkeypatch):
    target = tmp_path / "b.png"
    target.write_bytes(b"old")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", disk_full)
    code = cli.main(["basins", "--function", "himmelblau", "--grid", "8", "--max-steps", "50",
                     "--out", str(target), "--size", "200x150"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1
    assert "--out" in err[0]
    assert "No space left" in err[0]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["b.png"]     # no temporary file left


def test_diverged_cells_are_hatched_and_the_colour_bar_comes_back(qtbot, window):
    """Diverged cells are left clear in the map and hatched in a neutral grey (no muddy
    colour over the canvas); hiding the map puts the log f colour bar back in its place."""
    from beale_gui.core.basins import BasinOutcome
    from beale_gui.gui.views.basin_overlay import hatch_brush

    window.document.set_function(get_function("six_hump_camel"))
    entry = window.document.entries[0]   # GD
    window.document.set_entry(0, OptimizerEntry(
        OptimizerConfig("gd", {"lr": 0.05}), entry.colour))
    bmap = _compute(qtbot, window, grid=30, max_steps=300)
    overlay = window.basins.overlay
    diverged = bmap.outcome == BasinOutcome.DIVERGED
    assert diverged.any()
    assert (overlay.image.image[diverged][:, 3] == 0).all()      # clear under the hatch
    assert (overlay.image.image[~diverged][:, 3] == 255).all()
    assert overlay.hatch.isVisible()
    assert overlay.hatch.brush().style() == hatch_brush().style()
    area = overlay.hatch.path().boundingRect()
    assert area.width() > 0
    assert area.height() > 0
    assert any(t.startswith("diverged") for t in overlay.legend_labels())
    bar = overlay.colour_bar()
    assert not bar.isVisible()
    window.basins.panel.show_map.setChecked(False)
    assert bar.isVisible()
    assert not overlay.legend.isVisible()
    assert overlay.colour_bar() is bar


def test_a_tiny_share_in_the_key_is_shown_not_read_as_a_tag(qapp):
    """One cell in 40,000 that did not converge reads "<0.1%" in the key (unescaped, Qt's rich
    text took "<0.1%" for a tag and showed nothing after the label)."""
    from PySide6.QtGui import QTextDocument

    from beale_gui.gui.views.basin_overlay import key_row

    shown = QTextDocument()
    shown.setHtml(key_row("not converged", 1, 200 * 200))
    assert shown.toPlainText().replace("\u00a0", " ") == "not converged  <0.1%"
    shown.setHtml(key_row("min 1 (3, 2)", 10_680, 40_000))
    assert shown.toPlainText().replace("\u00a0", " ") == "min 1 (3, 2)  26.7%"
