"""The 3-D view's scene: heights on the contours' log scale inside the box, paths lifted onto
the surface, and the camera's projection."""

import math

import numpy as np

from beale_gui.core.contours import sample_grid, view_scale
from beale_gui.core.functions import get_function
from beale_gui.core.surface3d import (
    HEIGHT_FRACTION,
    Camera,
    horizontal_fov,
    project,
    surface,
    vertical_fov,
)

BEALE = get_function("beale")


def test_heights_follow_the_contour_colours_inside_the_box():
    scene = surface(BEALE, BEALE.bounds, 60)
    _, _, Z = sample_grid(BEALE, *BEALE.bounds, 60)
    np.testing.assert_array_equal(scene.levels, view_scale(Z).image(Z))
    assert scene.height == HEIGHT_FRACTION * 9.0
    assert scene.heights.min() >= -1e-12
    assert scene.heights.max() <= scene.height + 1e-12
    # higher f, higher surface: the order of the heights is the order of the log values
    order = np.argsort(scene.levels.ravel(), kind="stable")
    assert (np.diff(scene.heights.ravel()[order]) >= -1e-12).all()


def test_a_path_is_lifted_onto_the_surface():
    scene = surface(BEALE, BEALE.bounds, 61)
    j, i = 17, 40
    point = np.array([[scene.xs[i], scene.ys[j]]])
    lifted = scene.lift(point, BEALE.value(point))
    np.testing.assert_allclose(lifted[0], [scene.xs[i], scene.ys[j], scene.heights[j, i]],
                               rtol=1e-12, atol=1e-12)
    assert scene.z_of(np.array(0.0)).shape == ()


def test_the_camera_frames_the_box_and_projects_its_centre_to_the_middle():
    scene = surface(BEALE, BEALE.bounds, 30)
    camera = Camera.framing(scene)
    np.testing.assert_allclose(np.linalg.norm(camera.eye - scene.centre), camera.distance)
    pixels, depth = project(camera, scene.centre, (800, 600))
    np.testing.assert_allclose(pixels, [400.0, 300.0])
    np.testing.assert_allclose(depth, camera.distance)
    # every corner of the box in the picture
    (x0, x1), (y0, y1) = scene.view
    corners = np.array([[x, y, z] for x in (x0, x1) for y in (y0, y1) for z in (0, scene.height)])
    px, _ = project(camera, corners, (800, 600))
    assert (px >= 0).all()
    assert (px[:, 0] <= 800).all()
    assert (px[:, 1] <= 600).all()
    turned = camera.turned(90.0)
    assert turned.azimuth == (camera.azimuth + 90.0) % 360.0
    assert math.isclose(np.linalg.norm(turned.eye - scene.centre), camera.distance)


def test_a_point_behind_the_camera_has_no_pixel():
    scene = surface(BEALE, BEALE.bounds, 10)
    camera = Camera.framing(scene)
    behind = camera.eye + (camera.eye - scene.centre)
    pixels, depth = project(camera, behind, (100, 100))
    assert np.isnan(pixels).all()
    assert depth < 0


def test_the_fields_of_view_convert_with_the_aspect_ratio():
    # a square image: the same angle; a wide one: a wider horizontal angle, and back
    assert math.isclose(horizontal_fov(45.0, (500, 500)), 45.0)
    wide = horizontal_fov(45.0, (800, 400))
    assert math.isclose(math.tan(math.radians(wide) / 2), 2 * math.tan(math.radians(22.5)))
    assert math.isclose(vertical_fov(wide, (800, 400)), 45.0)
    # the camera's projection agrees: a point at the vertical fov's edge is at the top pixel
    camera = Camera((0.0, 0.0, 0.0), 10.0, azimuth=0.0, elevation=0.0, fov=45.0)
    edge = np.array([[0.0, 0.0, 10.0 * math.tan(math.radians(22.5))]])
    pixels, _ = project(camera, edge, (800, 400))
    np.testing.assert_allclose(pixels[0], [400.0, 0.0], atol=1e-9)
