"""The numbers of the 3-D view's software renderer (core/surface3d.py): the quads' colours and
order, paths lifted and thinned, and the export's framing."""

import numpy as np

from beale_gui.core.functions import get_function
from beale_gui.core.surface3d import (
    Camera,
    colour_fractions,
    fit_camera,
    inside_view,
    painting_order,
    path_segments,
    project,
    surface,
    surface_quads,
)

BEALE = get_function("beale")


def test_colour_fractions_span_the_scale():
    scene = surface(BEALE, BEALE.bounds, 20)
    f = colour_fractions(scene, scene.levels)
    assert f.min() == 0.0
    assert f.max() == 1.0
    np.testing.assert_allclose(colour_fractions(scene, [scene.low - 1, scene.high + 1]), [0, 1])


def test_quads_cover_the_grid_and_are_painted_far_to_near():
    scene = surface(BEALE, BEALE.bounds, 41)
    camera = Camera.framing(scene)
    quads = surface_quads(scene, camera, (800, 600), grid=20)
    assert quads.corners.shape == (400, 4, 2)
    assert ((quads.shade >= 0.6 - 1e-12) & (quads.shade <= 1 + 1e-12)).all()
    flat = surface_quads(scene, camera, (800, 600), grid=20, shading=False)
    assert (flat.shade == 1).all()
    order = painting_order(quads.depth)
    assert (np.diff(quads.depth[order]) <= 0).all()
    assert list(painting_order([1.0, 2.0, 1.0])) == [1, 0, 2]   # ties keep their order


def test_a_path_is_thinned_on_screen_and_cut_at_the_view():
    scene = surface(BEALE, BEALE.bounds, 30)
    camera = Camera.framing(scene)
    t = np.linspace(0, 1, 2001)
    points = np.stack([-1 + 2 * t, 0.5 + 0 * t], axis=-1)
    points[-5:, 0] = 100.0                       # leaves the view at the end
    pixels, depth, drawn = path_segments(scene, camera, (400, 300), points,
                                         BEALE.value(points))
    assert 10 < len(pixels) < 1000                # 2001 points, thinned to the screen
    assert len(depth) == len(drawn) == len(pixels) - 1
    assert drawn[0]
    assert not drawn[-1]
    assert inside_view(scene, np.array([[0.0, 0.0], [9.0, 0.0]])).tolist() == [True, False]


def test_fit_camera_fills_the_frame_from_the_same_angles():
    scene = surface(BEALE, BEALE.bounds, 30)
    camera = Camera.framing(scene)
    frame = (10.0, 60.0, 780.0, 520.0)
    fitted, offset = fit_camera(scene, camera, (800, 600), frame)
    assert (fitted.azimuth, fitted.elevation) == (camera.azimuth, camera.elevation)
    assert fitted.distance < camera.distance      # nearer than the reset view's
    P = np.stack([*np.meshgrid(scene.xs, scene.ys), scene.heights], axis=-1).reshape(-1, 3)
    px, _ = project(fitted, P, (800, 600))
    px = px + offset
    low, high = px.min(axis=0), px.max(axis=0)
    assert low[0] >= 10 - 1
    assert low[1] >= 60 - 1
    assert high[0] <= 790 + 1
    assert high[1] <= 580 + 1
    # it fills the frame in one direction
    assert (high - low)[0] > 770 or (high - low)[1] > 510
    kept, _ = fit_camera(scene, camera, (800, 600), frame, distance=30.0)
    assert kept.distance == 30.0
