"""The window's canvas as a class sees it after Play (issue 15): framed on the function's
domain whatever the paths do, colours that follow the view, a legend that covers no path,
start or minimum, one legend at a time, and optimizers named by their titles."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from beale_gui.core.functions import FUNCTIONS

from .helpers import WAIT, open_window, settings_in

FRAMED = ["beale", "rosenbrock", "rastrigin", "himmelblau"]


def show_function(qtbot, window, name: str) -> None:
    """Switch to ``name`` (unless shown), play to the end and let the view settle."""
    if window.document.function.name != name:
        with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
            window.document.set_function(FUNCTIONS[name])
    window.playback.set_step(window.result().n_steps)
    canvas = window.canvas
    qtbot.waitUntil(lambda: canvas.computed_extent() == canvas.view_extent(), timeout=WAIT)


def assert_legend_covers_nothing(window) -> None:
    """No path vertex in view, start point or minimum lies under the run legend."""
    canvas = window.canvas
    vb = canvas.plot_item.getViewBox()
    result = window.result()
    points = [result.paths[i, :int(result.stop_step[i]) + 1] for i in range(result.n_runs)]
    points += [window.starts(), canvas.minima_points()]
    pts = np.concatenate(points)
    (x0, x1), (y0, y1) = canvas.view_extent()
    pts = pts[np.isfinite(pts).all(axis=1)]
    pts = pts[(pts[:, 0] >= x0) & (pts[:, 0] <= x1) & (pts[:, 1] >= y0) & (pts[:, 1] <= y1)]
    assert canvas.legend_shown()
    rect = canvas.legend_rect()
    under = [tuple(p) for p in pts if rect.contains(vb.mapViewToScene(QPointF(*p)))]
    assert under == [], f"the legend at {canvas.legend_spot()} covers {under[:5]}"


@pytest.mark.parametrize("size", [(1400, 900), (1280, 800)])
def test_rastrigin_after_play_is_framed_on_its_domain(qtbot, tmp_path, size):
    window = open_window(qtbot, settings_in(tmp_path), size=size)
    show_function(qtbot, window, "rastrigin")
    function = FUNCTIONS["rastrigin"]
    canvas = window.canvas
    # the view is the domain: paths that wander off it do not widen it (it was +-23)
    np.testing.assert_allclose(np.ravel(canvas.view_extent()), np.ravel(function.bounds))
    assert_legend_covers_nothing(window)
    # zoomed out, the colours still follow the view: no flat yellow beyond the domain
    vb = canvas.plot_item.getViewBox()
    with qtbot.waitSignal(canvas.view_changed, timeout=WAIT):
        vb.setRange(xRange=(-25.0, 25.0), yRange=(-25.0, 25.0), padding=0)
    image = canvas.contour_image()
    assert np.mean(image >= canvas.contour_levels()[1] - 1e-9) < 0.02
    window.action_reset_view.trigger()
    np.testing.assert_allclose(np.ravel(canvas.view_extent()), np.ravel(function.bounds))


@pytest.mark.parametrize("name", FRAMED)
def test_every_surface_shows_its_domain_and_a_legend_clear_of_the_data(qtbot, window, name):
    show_function(qtbot, window, name)
    np.testing.assert_allclose(np.ravel(window.canvas.view_extent()),
                               np.ravel(FUNCTIONS[name].bounds))
    assert_legend_covers_nothing(window)
    window.action_mechanics.trigger()
    assert len(window.canvas.legend_rows()) > len(window.document.enabled)   # the arrow key
    assert_legend_covers_nothing(window)


def test_the_legend_names_optimizers_by_their_titles(qtbot, window):
    labels = [text for _, text in window.canvas.legend_rows()]
    titles = [e.config.spec.title for e in window.document.enabled]
    assert len(labels) == len(titles)
    for label, title, entry in zip(labels, titles, window.document.enabled, strict=True):
        assert label.startswith(title), label
        assert not label.startswith(entry.config.name + "("), label
    assert "Adam (lr=0.05)" in labels


def test_the_run_legend_gives_way_to_the_basin_legend(qtbot, window):
    canvas = window.canvas
    assert canvas.legend_shown()
    basin_legend = window.basins.overlay.legend
    basin_legend.setVisible(True)
    assert not canvas.legend_shown()
    basin_legend.setVisible(False)
    assert canvas.legend_shown()
