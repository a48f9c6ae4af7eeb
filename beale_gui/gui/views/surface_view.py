"""The 3-D view (issue 19): the function's surface over the canvas's view, with each run's path on
it up to the playhead, its head, the start points and the minima, turned with the mouse.

The scene is the core's (:func:`beale_gui.core.surface3d.surface`: heights on the contours'
log scale in a box, coloured by the contours' map); :func:`drawing` says what is drawn at a
step without OpenGL (each run's segments up to its playhead index, the heads, the starts and
the minima, lifted onto the surface), and the view hands that to pyqtgraph's OpenGL items.

The OpenGL widget is made the first time the dock is shown. Where OpenGL is not available (no
PyOpenGL, no OpenGL context: always so on the offscreen platform) the view shows one line
saying so and nothing else. While the dock is hidden the view does no work at all (no scene,
no GL): it notes what changed and catches up when shown (:meth:`SurfaceView.set_active`).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QKeyEvent, QOpenGLContext, QVector3D
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.engine import RunResult
from ...core.functions import TestFunction
from ...core.playhead import step_index
from ...core.surface3d import (
    DEFAULT_FOV,
    DEFAULT_GRID,
    Camera,
    Scene,
    fit_camera,
    horizontal_fov,
    surface,
    vertical_fov,
)
from ...document import Document, RunState
from .canvas_items import COLOUR_MAP

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

# pyqtgraph compiles its shaders once per process: every GL view (a window rebuilt for another
# language, each test's window) must share the first one's resources. Qt allows this only when
# set before the application exists; this module is imported by the main window's, before then.
if QCoreApplication.instance() is None:
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)

REFRESH_MS = 33              # at most ~30 updates a second while the playhead moves
HAIR = 0.006                 # paths ride this fraction of the box's height above the surface
LINE_WIDTH, SELECTED_WIDTH = 2.0, 4.5
ANTIALIAS = False            # smooth lines took Mesa's software renderer ~20 ms a frame (bench)
HEAD_SIZE, START_SIZE = 13.0, 11.0                           # pixels
GLOBAL_SIZE, LOCAL_SIZE = 15.0, 6.0       # the minima: global ones large, local ones small
START_COLOUR = (1.0, 1.0, 1.0, 1.0)
MINIMUM_COLOUR = (1.0, 0.15, 0.45, 1.0)    # a pink no run colour nor viridis has
BACKGROUND = "#FFFFFF"
# The reset view comes this much closer than the core's framing (which leaves the box at half
# the picture, room for any turn): the box's bounding sphere still fits the picture's height.
CLOSER = 0.62
FIT_MARGIN = 0.12       # of the view's width and height on each side, around the reset surface


@dataclass(frozen=True)
class Drawing:
    """What the 3-D view draws at a step, as 3-D points in the scene's box: ``segments`` per
    run, (2K, 3) pairs of consecutive path points up to the run's playhead index, both inside
    the view (a path that leaves the view is cut there, as the canvas clips it); ``heads``
    (N, 3) each run's point at the playhead (NaN outside the view); ``starts`` (S, 3) and
    ``minima`` (M, 3) those inside the view, with ``global_minima`` (M,) which of them are
    global."""

    segments: tuple[np.ndarray, ...]
    heads: np.ndarray
    starts: np.ndarray
    minima: np.ndarray
    global_minima: np.ndarray


def _inside(scene: Scene, xy: np.ndarray) -> np.ndarray:
    (x0, x1), (y0, y1) = scene.view
    x, y = xy[..., 0], xy[..., 1]
    return (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)


def _raised(scene: Scene, xy: np.ndarray, f: np.ndarray) -> np.ndarray:
    lifted = scene.lift(xy, f)
    lifted[..., 2] += HAIR * scene.height
    return lifted


def lifted_paths(scene: Scene, result: RunResult) -> tuple[np.ndarray, np.ndarray]:
    """Every run's whole shown path on the surface (N, T+1, 3), a hair above it, and which
    points are inside the view (N, T+1) bool: made once per result and scene."""
    paths, loss, _ = result.shown()
    with np.errstate(invalid="ignore", over="ignore"):
        inside = _inside(scene, paths) & np.isfinite(loss)
    return _raised(scene, np.where(inside[..., None], paths, 0.0),
                   np.where(inside, loss, 0.0)), inside


def drawing(scene: Scene, result: RunResult | None, step: int, function: TestFunction,
            starts: np.ndarray, lifted: tuple[np.ndarray, np.ndarray] | None = None
            ) -> Drawing:
    """What is drawn at playhead ``step`` (see :class:`Drawing`); ``lifted`` is
    :func:`lifted_paths` of ``result`` when the caller keeps it."""
    starts = np.asarray(starts, dtype=np.float64).reshape(-1, 2)
    shown = starts[_inside(scene, starts)]
    minima = np.asarray(function.minima, dtype=np.float64).reshape(-1, 2)
    keep = _inside(scene, minima)
    minima_3d = _raised(scene, minima[keep], function.minimum_values[keep])
    is_global = np.asarray(function.global_mask, dtype=bool).reshape(-1)[keep]
    starts_3d = _raised(scene, shown, function.value(shown) if len(shown) else np.zeros(0))
    if result is None or result.paths is None or result.n_runs == 0:
        return Drawing((), np.zeros((0, 3)), starts_3d, minima_3d, is_global)
    points, inside = lifted if lifted is not None else lifted_paths(scene, result)
    idx = step_index(result, step)
    segments = []
    for i, k in enumerate(idx):
        both = inside[i, :k] & inside[i, 1:k + 1]       # segment j joins points j and j + 1
        pairs = np.stack([points[i, :k][both], points[i, 1:k + 1][both]], axis=1)
        segments.append(pairs.reshape(-1, 3))
    rows = np.arange(result.n_runs)
    heads = np.where(inside[rows, idx][:, None], points[rows, idx], np.nan)
    return Drawing(tuple(segments), heads, starts_3d, minima_3d, is_global)


def gl_problem() -> str | None:
    """Why the 3-D view cannot draw here (None when it can): PyOpenGL missing, or no OpenGL
    context (the offscreen platform has none)."""
    try:
        import pyqtgraph.opengl  # noqa: F401
    except Exception as error:   # ImportError without PyOpenGL; anything else it raises
        return f"pyqtgraph.opengl: {type(error).__name__}: {error}"
    context = QOpenGLContext()
    if not context.create():
        return "no OpenGL context"
    return None


@functools.cache
def _soft_shading():
    """pyqtgraph's "shaded" program with more ambient light and both faces lit, so the
    contours' colours stay recognisable while the slopes still read as slopes."""
    from pyqtgraph.opengl import shaders

    light = """
        varying vec4 v_color;
        varying vec3 v_normal;
        void main() {
            float p = abs(dot(normalize(v_normal), normalize(vec3(0.4, -0.6, -1.0))));
            gl_FragColor = vec4(v_color.rgb * (0.55 + 0.45 * p), v_color.a);
        }
    """
    vertex = shaders.getShaderProgram("shaded").shaders[0]
    return shaders.ShaderProgram("beale_soft", [vertex, shaders.FragmentShader(
        "#ifdef GL_ES\nprecision mediump float;\n#endif\n" + light)])


def _rgba(colour: str, alpha: float = 1.0) -> tuple[float, float, float, float]:
    c = QColor(colour)
    return (c.redF(), c.greenF(), c.blueF(), alpha)


class SurfaceView(QWidget):
    """The 3-D view of the window's function, runs, starts and canvas view.

    Parameters
    ----------
    run_state : RunState
        Followed for its result, step and selected run (colours: its run colours).
    document : Document
        Followed for the function and the start points.
    canvas : ContourCanvas
        Followed for its view range and colour scale (``view_changed``).
    """

    def __init__(self, run_state: RunState, document: Document, canvas,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run_state, self.document, self.canvas = run_state, document, canvas
        self.grid = DEFAULT_GRID
        self._active = False
        self._built = False
        self._scene_stale = True
        self._runs_stale = True
        self._reframe = True
        self._scene: Scene | None = None
        self._lifted: tuple[np.ndarray, np.ndarray] | None = None
        self._lifted_key: tuple | None = None
        self._drawing: Drawing | None = None
        self.gl = None                    # the GLViewWidget, once made
        self._vertical_fov = DEFAULT_FOV   # kept when the view is resized (pyqtgraph keeps
                                           # the horizontal one)
        self.problem: str | None = None   # why there is no GL view, once known
        self.uploads = 0     # data handed to the GL items (tests count: none while hidden)
        self.scenes = 0      # scenes asked of the core

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._throttle = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._throttle.timeout.connect(self._on_throttle)
        events = run_state.events
        events.result_changed.connect(self._on_runs_changed)
        events.step_changed.connect(self._on_runs_changed)
        events.selection_changed.connect(self._on_runs_changed)
        document.events.function_changed.connect(self._on_function_changed)
        document.events.starts_changed.connect(self._on_runs_changed)
        canvas.view_changed.connect(self._on_view_changed)

    # -- public ------------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self._active

    @property
    def made(self) -> bool:
        """Whether the view was shown once (its GL view, or the line saying there is none)."""
        return self._built

    @property
    def available(self) -> bool:
        """Whether the GL view was made (False before the first show, or without OpenGL)."""
        return self.gl is not None

    def set_active(self, active: bool) -> None:
        """Work only while shown (the dock's ``visibilityChanged``): the first show makes the
        GL view (or the one line saying there is none); hidden, the view does nothing; shown
        again, it catches up at once."""
        self._active = bool(active)
        if not self._active:
            self._throttle.stop()
            return
        if not self._built:
            self._build()
        self.refresh()

    def scene(self) -> Scene | None:
        """The scene on show (None before the view has drawn)."""
        return self._scene

    def current_drawing(self) -> Drawing | None:
        """What the view draws now (None before it has drawn)."""
        return self._drawing

    def refresh(self) -> None:
        """Draw what changed now (nothing without the GL view or while hidden)."""
        self._throttle.stop()
        if not (self._active and self.gl is not None):
            return
        if self._scene_stale:
            self._make_scene()
        if self._runs_stale:
            self._draw_runs()
        self._throttle.start()   # the next change waits for the throttle

    def camera(self) -> Camera:
        """The GL view's camera as the core's (for "export what I see"); the framing camera
        of the scene when there is no GL view yet."""
        if self.gl is None:
            return self._framing(self._scene or self._new_scene())
        opts = self.gl.opts
        centre = opts["center"]
        size = self._gl_size()
        return Camera((centre.x(), centre.y(), centre.z()), float(opts["distance"]),
                      float(opts["azimuth"]) % 360.0, float(opts["elevation"]),
                      vertical_fov(float(opts["fov"]), size))

    def set_camera(self, camera: Camera) -> None:
        """Look at the scene from ``camera`` (nothing without the GL view)."""
        if self.gl is None:
            return
        self._vertical_fov = camera.fov
        self.gl.setCameraParams(center=QVector3D(*camera.centre), distance=camera.distance,
                                azimuth=camera.azimuth, elevation=camera.elevation,
                                fov=horizontal_fov(camera.fov, self._gl_size()))

    def _gl_size(self) -> tuple[int, int]:
        return max(self.gl.width(), 1), max(self.gl.height(), 1)

    def reset_camera(self) -> None:
        """Back to the scene's framing camera, a little closer (the Reset button, R in the
        view)."""
        if self._scene is not None:
            self.set_camera(self._framing(self._scene))

    def _framing(self, scene: Scene) -> Camera:
        """The reset camera: the core's angles, as close as keeps the whole surface inside the
        middle of the view (its width and height: a narrow dock frames it by its width)."""
        camera = Camera.framing(scene)
        if self.gl is None:
            return replace(camera, distance=camera.distance * CLOSER)
        w, h = self._gl_size()
        fitted, _ = fit_camera(scene, camera, (w, h), (FIT_MARGIN * w, FIT_MARGIN * h,
                                                       (1 - 2 * FIT_MARGIN) * w,
                                                       (1 - 2 * FIT_MARGIN) * h))
        return fitted

    # -- construction --------------------------------------------------------------------------
    def _build(self) -> None:
        self._built = True
        self.problem = gl_problem()
        if self.problem is None:
            try:
                self._build_gl()
            except Exception as error:
                log.exception("the 3-D view could not be made")
                self.problem = f"{type(error).__name__}: {error}"
                self.gl = None
        if self.problem is not None:
            log.info("no 3-D view: %s", self.problem)
            self.message = QLabel(translate(
                "SurfaceView", "The 3-D view needs OpenGL, which is not available here."))
            self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.message.setWordWrap(True)
            self._layout.addWidget(self.message)

    def _build_gl(self) -> None:
        import pyqtgraph.opengl as gl

        view = gl.GLViewWidget()
        view.setBackgroundColor(BACKGROUND)
        view.installEventFilter(self)
        self._surface = gl.GLSurfacePlotItem(shader=_soft_shading(), smooth=False,
                                             glOptions="opaque")
        view.addItem(self._surface)
        self._lines: list = []
        self._gl = gl
        self._heads = gl.GLScatterPlotItem(pxMode=True, glOptions="translucent")
        self._starts = gl.GLScatterPlotItem(pxMode=True, glOptions="translucent")
        self._minima = gl.GLScatterPlotItem(pxMode=True, glOptions="translucent")
        for item in (self._heads, self._starts, self._minima):
            view.addItem(item)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        hint = QLabel(translate("SurfaceView", "Drag to turn, wheel to zoom, Ctrl+drag to pan"))
        hint.setStyleSheet("color: #505050")
        hint.setWordWrap(True)    # a narrow dock wraps it rather than growing
        self.reset_button = QPushButton(translate("SurfaceView", "Reset"))
        self.reset_button.setToolTip(translate("SurfaceView", "Back to the starting view (R)"))
        self.reset_button.clicked.connect(self._on_reset)
        bar.addWidget(hint, 1)
        bar.addWidget(self.reset_button)
        self._layout.addLayout(bar)
        self._layout.addWidget(view, 1)
        self.gl = view

    # -- drawing ---------------------------------------------------------------------------------
    def _new_scene(self) -> Scene:
        self.scenes += 1
        canvas = self.canvas
        function = canvas.function or self.document.function
        view = canvas.view_extent()
        # the contours' colour scale when they are drawn for this view (else the scene's own)
        scale = canvas.scale if canvas.computed_extent() == view else None
        return surface(function, view, self.grid, scale)

    def _make_scene(self) -> None:
        scene = self._new_scene()
        self._scene, self._scene_stale, self._runs_stale = scene, False, True
        self._lifted_key = None
        span = scene.high - scene.low
        shade = (scene.levels - scene.low) / span if span > 0 else np.zeros_like(scene.levels)
        # one colour per vertex, in the mesh's order: x major (z is (nx, ny))
        colours = pg.colormap.get(COLOUR_MAP).map(shade.T.reshape(-1), mode="float")
        self._surface.setData(x=scene.xs, y=scene.ys, z=scene.heights.T, colors=colours)
        self.uploads += 1
        if self._reframe:
            self._reframe = False
            self.reset_camera()
        else:   # the canvas moved: keep the direction, frame the new box
            kept = self.camera()
            framing = self._framing(scene)
            self.set_camera(Camera(framing.centre, framing.distance, kept.azimuth,
                                   kept.elevation, kept.fov))

    def _draw_runs(self) -> None:
        self._runs_stale = False
        scene, result = self._scene, self.run_state.result
        lifted = None
        if result is not None and result.paths is not None:
            key = (id(result), id(scene))
            if key != self._lifted_key:
                self._lifted, self._lifted_key = lifted_paths(scene, result), key
            lifted = self._lifted
        function = self.canvas.function or self.document.function
        d = drawing(scene, result, self.run_state.step, function, self.document.starts, lifted)
        self._drawing = d
        colours = self.run_state.run_colours()
        selected = self.run_state.selected_run
        self._ensure_lines(len(d.segments))
        for i, (line, segments) in enumerate(zip(self._lines, d.segments, strict=False)):
            width = SELECTED_WIDTH if i == selected else LINE_WIDTH
            line.setData(pos=segments, color=_rgba(colours[i]), width=width, mode="lines",
                         antialias=ANTIALIAS)
            line.setVisible(len(segments) > 0)
        heads = np.isfinite(d.heads[:, 0])
        head_colours = np.array([_rgba(c) for c in colours]).reshape(-1, 4)
        self._heads.setData(pos=d.heads[heads], color=head_colours[heads], size=HEAD_SIZE)
        self._starts.setData(pos=d.starts, color=START_COLOUR, size=START_SIZE)
        self._minima.setData(pos=d.minima, color=MINIMUM_COLOUR,
                             size=np.where(d.global_minima, GLOBAL_SIZE, LOCAL_SIZE))
        self.uploads += 1

    def _ensure_lines(self, n: int) -> None:
        while len(self._lines) < n:
            line = self._gl.GLLinePlotItem(mode="lines", glOptions="translucent")
            self.gl.addItem(line)
            self._lines.append(line)
        while len(self._lines) > n:
            self.gl.removeItem(self._lines.pop())

    # -- slots ---------------------------------------------------------------------------------
    def _changed(self) -> None:
        if self._active and not self._throttle.isActive():
            self.refresh()

    def _on_runs_changed(self, *_) -> None:
        self._runs_stale = True
        self._changed()

    def _on_function_changed(self, *_) -> None:
        self._scene_stale = self._reframe = True
        self._changed()

    def _on_view_changed(self) -> None:
        self._scene_stale = True
        self._changed()

    @Slot()
    def _on_throttle(self) -> None:
        if self._active and (self._scene_stale or self._runs_stale):
            self.refresh()

    @Slot()
    def _on_reset(self) -> None:
        self.reset_camera()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """R in the GL view resets its camera (rather than the window's canvas view); a resized
        view keeps its vertical field of view, so the surface keeps its size."""
        if watched is self.gl and event.type() == QEvent.Type.Resize:
            self.gl.opts["fov"] = horizontal_fov(self._vertical_fov, self._gl_size())
        if watched is self.gl and event.type() in (QEvent.Type.ShortcutOverride,
                                                   QEvent.Type.KeyPress):
            key = event if isinstance(event, QKeyEvent) else None
            if key is not None and key.key() == Qt.Key.Key_R and not key.modifiers():
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.reset_camera()
                return True
        return False
