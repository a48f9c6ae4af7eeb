"""The 3-D view (issue 19): one line where OpenGL is missing (always so offscreen) with the
window working around it; what it draws at a step (without GL); and, where an OpenGL context
can be made (Xvfb with Mesa: ``DISPLAY=:N QT_QPA_PLATFORM=xcb pytest ...``), its items and
that it does no GL work while hidden."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton

from beale_gui.core.functions import get_function
from beale_gui.core.playhead import step_index
from beale_gui.core.surface3d import Camera, surface
from beale_gui.gui.views.surface_view import HAIR, drawing, gl_problem, lifted_paths

from .helpers import WAIT, open_window, settings_in

ONE_LINE = "The 3-D view needs OpenGL, which is not available here."


@pytest.fixture
def window(qtbot, tmp_path):
    return open_window(qtbot, settings_in(tmp_path), size=(1400, 900))


def show_3d(qtbot, window):
    with qtbot.waitSignal(window.surface_dock.visibilityChanged, timeout=WAIT):
        window.action_surface.trigger()
    assert window.surface_dock.isVisible()
    return window.surface_view


def test_the_dock_is_view_3_hidden_at_first(window):
    assert window.action_surface.shortcut().toString() == "3"
    assert window.action_surface in window.menu_view.actions()
    assert window.surface_dock.objectName() == "surface_dock"
    assert not window.surface_dock.isVisible()
    assert not window.surface_view.made     # nothing is made before the first show


def test_without_opengl_the_dock_says_so_in_one_line_and_the_window_works(qtbot, window):
    if gl_problem() is None:
        pytest.skip("an OpenGL context can be made here")
    view = show_3d(qtbot, window)
    assert not view.available
    qtbot.waitUntil(lambda: view.message.isVisible(), timeout=WAIT)
    labels = [w for w in view.findChildren(QLabel) if w.isVisible()]
    assert [w.text() for w in labels] == [ONE_LINE]
    assert not view.findChildren(QPushButton)
    # play, add a start, change the function, with the dock open
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.add_start(-1.0, 1.0)
    window.playback.play()
    qtbot.waitUntil(lambda: window.run_state.step > 0, timeout=WAIT)
    window.playback.pause()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.set_function(get_function("rosenbrock"))
    assert window.run_state.result.function.name == "rosenbrock"
    assert window.error_dialog() is None
    assert view.uploads == 0
    # the camera the export asks for is still there: the scene's framing
    camera = view.camera()
    assert isinstance(camera, Camera)
    assert camera.distance > 0


def test_what_is_drawn_follows_the_playhead_per_run(window):
    result = window.run_state.result
    function = result.function
    scene = surface(function, window.canvas.view_extent(), 40)
    starts = window.document.starts
    at_start = drawing(scene, result, 0, function, starts)
    assert all(len(s) == 0 for s in at_start.segments)
    step = 30
    d = drawing(scene, result, step, function, starts, lifted_paths(scene, result))
    assert len(d.segments) == result.n_runs
    paths, loss, _ = result.shown()
    idx = step_index(result, step)
    for i, k in enumerate(idx):
        # the path's points up to the run's step, joined in pairs, on the surface a hair up
        expected = scene.lift(paths[i, :k + 1], loss[i, :k + 1])
        expected[:, 2] += HAIR * scene.height
        segments = d.segments[i].reshape(-1, 2, 3)
        assert len(segments) == k
        np.testing.assert_allclose(segments[:, 0], expected[:-1])
        np.testing.assert_allclose(segments[:, 1], expected[1:])
        np.testing.assert_allclose(d.heads[i], expected[-1])
    # the starts and the minima in the view, on the surface
    assert d.starts.shape == (len(starts), 3)
    np.testing.assert_allclose(d.starts[:, :2], starts)
    np.testing.assert_allclose(d.minima[:, :2], function.minima)
    np.testing.assert_allclose(d.minima[:, 2], scene.z_of(function.minimum_values)
                               + HAIR * scene.height)
    np.testing.assert_array_equal(d.global_minima, function.global_mask)


def test_a_path_leaving_the_view_is_cut_where_it_leaves(window):
    result = window.run_state.result
    function = result.function
    paths, _, _ = result.shown()
    # a view holding the first run's first 20 points but not its end
    first = paths[0, :20]
    view = tuple((float(lo) - 0.01, float(hi) + 0.01)
                 for lo, hi in zip(first.min(axis=0), first.max(axis=0), strict=True))
    scene = surface(function, view, 20)
    d = drawing(scene, result, int(result.stop_step[0]), function, window.document.starts)
    (x0, x1), (y0, y1) = view
    segments = d.segments[0]
    assert 0 < len(segments) < 2 * result.stop_step[0]
    assert ((segments[:, 0] >= x0) & (segments[:, 0] <= x1)
            & (segments[:, 1] >= y0) & (segments[:, 1] <= y1)).all()
    assert np.isnan(d.heads[0]).all()      # its head is out of the view: not drawn
    assert len(d.minima) == 0 or d.minima.shape[1] == 3


# -- with OpenGL (under Xvfb); skipped on the offscreen platform -------------------------------
def needs_gl() -> None:
    """Skip where no OpenGL context can be made (asked once the application exists)."""
    problem = gl_problem()
    if problem is not None:
        pytest.skip(f"no OpenGL here (the offscreen platform has none): {problem}")


def test_the_gl_view_draws_the_surface_the_paths_and_the_marks(qtbot, window):
    needs_gl()
    view = show_3d(qtbot, window)
    assert view.available
    qtbot.waitUntil(lambda: view.uploads >= 2, timeout=WAIT)
    result = window.run_state.result
    assert len(view._lines) == result.n_runs
    assert view._surface in view.gl.items
    assert view._heads in view.gl.items
    selected = window.run_state.selected_run
    assert view._lines[selected].width > view._lines[(selected + 1) % result.n_runs].width
    # the camera read back is the one set
    camera = view.camera()
    view.set_camera(camera.turned(30.0))
    assert view.camera().azimuth == pytest.approx(camera.turned(30.0).azimuth)
    assert view.camera().fov == pytest.approx(camera.fov)
    # R in the view resets it (and not the canvas's view)
    view.gl.setFocus()
    QTest.keyClick(view.gl, Qt.Key.Key_R)
    assert view.camera().azimuth == pytest.approx(view._framing(view.scene()).azimuth % 360)


def test_hidden_it_does_no_gl_work_and_catches_up_when_shown(qtbot, window):
    needs_gl()
    view = show_3d(qtbot, window)
    qtbot.waitUntil(lambda: view.uploads >= 2, timeout=WAIT)
    with qtbot.waitSignal(window.surface_dock.visibilityChanged, timeout=WAIT):
        window.action_surface.trigger()
    uploads, scenes = view.uploads, view.scenes
    window.playback.set_step(40)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.set_function(get_function("himmelblau"))
    assert (view.uploads, view.scenes) == (uploads, scenes)
    show_3d(qtbot, window)
    assert view.uploads > uploads
    assert view.scene().view == window.canvas.view_extent()
    drawn = view.current_drawing()
    assert len(drawn.segments) == window.run_state.result.n_runs
