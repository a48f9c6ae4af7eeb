"""The 3-D view's software renderer (gui/render/surface3d_render.py), offscreen: the picture
shows the surface in the contours' colours, each run's head in its colour where it projects,
hides what lies behind a ridge, and a turning animation's frames differ."""

import numpy as np
import pyqtgraph as pg
import pytest

from beale_gui.cli.arguments import build_parser
from beale_gui.cli.commands import export_runs
from beale_gui.core.surface3d import Camera
from beale_gui.gui.render.offscreen import ensure_app
from beale_gui.gui.render.surface3d_render import SurfaceFigure
from beale_gui.gui.views.canvas_items import COLOUR_MAP

SIZE = (640, 480)
RIDGE = "1 + 100*exp(-x**2/0.1)"          # a wall along x = 0 between two low plains
RIDGE_VIEW = ((-2.0, 2.0), (-2.0, 2.0))


@pytest.fixture(scope="module")
def app():
    return ensure_app()


def _runs(*argv):
    args = build_parser().parse_args(["export", "--out", "unused.png", *argv])
    exp, result = export_runs(args)
    return exp, result


def _near(rgb: np.ndarray, px, colour: str, radius: int = 1) -> float:
    """The smallest distance (0-441) from ``colour`` of the pixels around ``px``."""
    target = np.array(pg.mkColor(colour).getRgb()[:3])
    x, y = int(round(px[0])), int(round(px[1]))
    patch = rgb[y - radius:y + radius + 1, x - radius:x + radius + 1].reshape(-1, 3)
    return float(np.linalg.norm(patch.astype(int) - target, axis=-1).min())


def test_the_picture_shows_the_surface_in_the_colour_map_and_the_heads(app):
    # 60 steps: the heads on their way, not yet under the minimum's star
    exp, result = _runs("--optimizer", "adam:lr=0.05", "--optimizer", "gd:lr=0.01",
                        "--max-steps", "60")
    with SurfaceFigure(result, exp.colours, size=SIZE) as fig:
        # from high above, nothing hides the valley where the runs end
        fig.set_camera(Camera(fig.base_camera.centre, 20.0, -60.0, 75.0))
        rgb = fig.array()
        assert rgb.shape == (480, 640, 3)
        assert (rgb != 255).any(axis=-1).mean() > 0.25         # not blank: the surface
        # the colour map's ends (unshaded, as far as light allows) are there
        lut = pg.colormap.get(COLOUR_MAP).getLookupTable(0.0, 1.0, 256, alpha=False)
        flat = rgb.reshape(-1, 3).astype(int)
        for shade in (lut[20], lut[230]):           # a dark violet, a yellow
            ratios = flat / np.maximum(shade, 1)
            close = (np.ptp(ratios, axis=-1) < 0.08) & (ratios.mean(axis=-1) > 0.55)
            assert close.sum() > 50
        # each run's head in its colour where it projects
        paths, values = result.shown()[:2]
        for i, colour in enumerate(fig.run_colours):
            end = int(result.stop_step[i])
            px = fig.map_to_pixel(*paths[i, end], values[i, end])
            assert _near(rgb, px, colour) < 40, (i, colour)


@pytest.mark.parametrize(("azimuth", "hidden"), [(0.0, True), (180.0, False)])
def test_a_ridge_hides_a_head_behind_it(app, azimuth, hidden):
    """The run stays at (-1.5, 0), on the far side of the wall from azimuth 0 and the near
    side from 180: its head is drawn only where the camera sees it."""
    exp, result = _runs("--expr", RIDGE, "--start=-1.5,0", "--optimizer", "gd:lr=1e-9",
                        "--max-steps", "3")
    with SurfaceFigure(result, exp.colours, size=SIZE, view=RIDGE_VIEW) as fig:
        fig.set_camera(Camera(tuple(fig.scene.centre), 10.0, azimuth, 20.0))
        rgb = fig.array()
        x, y = result.shown()[0][0, -1]
        px = fig.map_to_pixel(x, y, result.function.value(np.array([x, y])))
        assert 0 < px[0] < SIZE[0]
        assert 0 < px[1] < SIZE[1]
        shown = _near(rgb, px, fig.run_colours[0]) < 40
        assert shown is not hidden


def test_a_turning_figure_turns_with_the_steps(app):
    exp, result = _runs("--max-steps", "40")
    with SurfaceFigure(result, exp.colours, size=(320, 240), turn=360.0) as fig:
        fig.set_step(0)
        first, azimuth0 = fig.array(), fig.camera.azimuth
        fig.set_step(20)
        half = fig.array()
        assert fig.camera.azimuth == pytest.approx((azimuth0 + 180.0) % 360.0)
        assert np.abs(first.astype(int) - half).max(axis=-1).mean() > 5
        fig.set_step(fig.last_step)
        assert fig.camera.azimuth == pytest.approx(azimuth0 % 360.0)
        assert len(fig.key_colours()) > 64


def test_a_colour_per_optimizer_is_required(app):
    exp, result = _runs("--max-steps", "5")
    with pytest.raises(ValueError, match="colours"):
        SurfaceFigure(result, ["#000000"] * 5, size=SIZE)
