"""The 3-D view's scene, without Qt: the surface and the paths as points in a box, and a camera.

The surface over a view ``((x0, x1), (y0, y1))`` is sampled on a grid (:func:`surface`) and put
on the same log-aware scale as the contour colours (:class:`~beale_gui.core.contours.LogScale`:
``log10(f + shift)``, clipped to its range), so a valley many decades deep is a visible trough
rather than a flat floor under one tall corner. Heights are then mapped into a box whose floor
is the view and whose height is :data:`HEIGHT_FRACTION` of the view's larger side: ``z = 0`` at
the scale's low end, ``z = height`` at its high end. A path is lifted onto the surface by the
same map of f at its points (:meth:`Scene.lift`), so it lies on the surface it ran over.

The :class:`Camera` looks at a point from an azimuth and an elevation (degrees, as
pyqtgraph's ``GLViewWidget`` orbits: azimuth about the vertical axis from +x, elevation above
the floor) at a distance, with a vertical field of view; :func:`project` maps 3-D points to
pixels of an image with the camera's perspective and gives each point's depth, for a renderer
without OpenGL (back-to-front painting) and for tests.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from .contours import LogScale, sample_grid, view_scale
from .functions import TestFunction

HEIGHT_FRACTION = 0.5       # the box's height, of the view's larger side
DEFAULT_GRID = 120          # samples per side of the surface in the window
# The default angle looks down into the valleys from the -x, -y side: from lower (30 degrees) a
# front lip hid the paths on Beale, Rosenbrock and Himmelblau (compared on all three)
DEFAULT_AZIMUTH = -120.0    # degrees about the vertical axis, from +x
DEFAULT_ELEVATION = 50.0    # degrees above the floor
DEFAULT_FOV = 45.0          # degrees, vertical
DISTANCE_FACTOR = 2.2       # the default distance, of the box's diagonal

View = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class Scene:
    """A surface in its box: ``xs`` (nx,), ``ys`` (ny,), ``heights`` (ny, nx) with
    ``heights[j, i]`` over ``(xs[i], ys[j])``, and ``levels`` (ny, nx) the log values the
    colour map takes (the contours' colours); ``scale`` the log scale, ``height`` the box's
    height and ``view`` its floor."""

    xs: np.ndarray
    ys: np.ndarray
    heights: np.ndarray
    levels: np.ndarray
    scale: LogScale
    height: float
    view: View

    @property
    def low(self) -> float:
        """The log value at the floor (``z = 0``)."""
        return math.log10(self.scale.low)

    @property
    def high(self) -> float:
        """The log value at the top of the box."""
        return math.log10(self.scale.high)

    def z_of(self, values: np.ndarray) -> np.ndarray:
        """Heights in the box of function values ``values`` (any shape), on the scale."""
        values = np.asarray(values, dtype=np.float64)
        return self._z(self.scale.image(values.reshape(-1)).reshape(values.shape))

    def _z(self, logs: np.ndarray) -> np.ndarray:
        span = self.high - self.low
        return (logs - self.low) * (self.height / span if span > 0 else 0.0)

    def lift(self, points: np.ndarray, values: np.ndarray) -> np.ndarray:
        """Points (..., 2) with f there (...) as 3-D points (..., 3) on the surface."""
        points = np.asarray(points, dtype=np.float64)
        return np.concatenate([points, self.z_of(values)[..., None]], axis=-1)

    @property
    def centre(self) -> np.ndarray:
        """The box's centre, where the camera looks by default."""
        (x0, x1), (y0, y1) = self.view
        return np.array([(x0 + x1) / 2, (y0 + y1) / 2, self.height / 2])

    @property
    def diagonal(self) -> float:
        (x0, x1), (y0, y1) = self.view
        return math.sqrt((x1 - x0) ** 2 + (y1 - y0) ** 2 + self.height ** 2)


def surface(function: TestFunction, view: View, grid: int = DEFAULT_GRID,
            scale: LogScale | None = None) -> Scene:
    """The scene of ``function`` over ``view`` sampled ``grid`` x ``grid``; its log scale that
    of the view (:func:`~beale_gui.core.contours.view_scale`) unless ``scale`` is given."""
    (x0, x1), (y0, y1) = view
    xs, ys, Z = sample_grid(function, (x0, x1), (y0, y1), int(grid))
    scale = scale or view_scale(Z)
    levels = scale.image(Z)
    height = HEIGHT_FRACTION * max(x1 - x0, y1 - y0)
    scene = Scene(xs, ys, np.zeros_like(levels), levels, scale, height,
                  ((float(x0), float(x1)), (float(y0), float(y1))))
    return replace(scene, heights=scene._z(levels))


@dataclass(frozen=True)
class Camera:
    """Where the 3-D view looks from: ``azimuth`` and ``elevation`` in degrees, ``distance``
    from ``centre`` (x, y, z), ``fov`` the vertical field of view in degrees."""

    centre: tuple[float, float, float]
    distance: float
    azimuth: float = DEFAULT_AZIMUTH
    elevation: float = DEFAULT_ELEVATION
    fov: float = DEFAULT_FOV

    @classmethod
    def framing(cls, scene: Scene) -> Camera:
        """The default camera of ``scene``: its whole box in sight (the view's reset)."""
        return cls(tuple(float(v) for v in scene.centre), DISTANCE_FACTOR * scene.diagonal)

    def turned(self, degrees: float) -> Camera:
        """The camera moved ``degrees`` about the vertical axis (a turning GIF's frames)."""
        return replace(self, azimuth=(self.azimuth + degrees) % 360.0)

    @property
    def eye(self) -> np.ndarray:
        """The camera's position."""
        a, e = math.radians(self.azimuth), math.radians(self.elevation)
        offset = np.array([math.cos(e) * math.cos(a), math.cos(e) * math.sin(a), math.sin(e)])
        return np.asarray(self.centre, dtype=np.float64) + self.distance * offset


def horizontal_fov(vertical: float, size: tuple[int, int]) -> float:
    """The horizontal field of view (degrees) of an image of ``size`` (width, height) whose
    vertical one is ``vertical``: pyqtgraph's ``GLViewWidget`` keeps the horizontal one."""
    width, height = size
    half = math.tan(math.radians(vertical) / 2) * width / max(height, 1)
    return math.degrees(2 * math.atan(half))


def vertical_fov(horizontal: float, size: tuple[int, int]) -> float:
    """The vertical field of view (degrees) of an image of ``size`` (width, height) whose
    horizontal one is ``horizontal`` (the inverse of :func:`horizontal_fov`)."""
    width, height = size
    half = math.tan(math.radians(horizontal) / 2) * height / max(width, 1)
    return math.degrees(2 * math.atan(half))


def project(camera: Camera, points: np.ndarray, size: tuple[int, int]
            ) -> tuple[np.ndarray, np.ndarray]:
    """Pixels (..., 2) of 3-D ``points`` (..., 3) in an image of ``size`` (width, height), x to
    the right and y down, and their depth (...), the distance along the view direction (larger
    is farther: paint in decreasing depth). Points behind the camera get NaN pixels."""
    points = np.asarray(points, dtype=np.float64)
    eye = camera.eye
    forward = np.asarray(camera.centre, dtype=np.float64) - eye
    forward /= np.linalg.norm(forward)
    up = np.array([0.0, 0.0, 1.0])
    right = np.cross(forward, up)
    norm = np.linalg.norm(right)
    right = right / norm if norm > 1e-12 else np.array([1.0, 0.0, 0.0])
    true_up = np.cross(right, forward)
    rel = points - eye
    depth = rel @ forward
    x_cam, y_cam = rel @ right, rel @ true_up
    width, height = size
    focal = (height / 2) / math.tan(math.radians(camera.fov) / 2)
    with np.errstate(all="ignore"):
        px = width / 2 + focal * x_cam / depth
        py = height / 2 - focal * y_cam / depth
    behind = ~(depth > 0)
    px = np.where(behind, np.nan, px)
    py = np.where(behind, np.nan, py)
    return np.stack([px, py], axis=-1), depth


# -- a painter's-algorithm renderer's numbers (the export draws the surface without OpenGL) --
LIGHT_AMBIENT = 0.6         # the shade of a quad facing away from the light (1 = unshaded)
THIN_PX = 0.75              # a path's points closer than this on screen are drawn as one


def colour_fractions(scene: Scene, logs: np.ndarray) -> np.ndarray:
    """Where log values ``logs`` (the scene's ``levels``) fall on the colour map, in [0, 1]:
    0 at the scale's low end, 1 at its high end (as the contour image's levels)."""
    span = scene.high - scene.low
    logs = np.asarray(logs, dtype=np.float64)
    if not span > 0:
        return np.zeros_like(logs)
    return np.clip((logs - scene.low) / span, 0.0, 1.0)


@dataclass(frozen=True)
class Quads:
    """The surface as quads seen by a camera: ``corners`` (M, 4, 2) pixels, ``depth`` (M,)
    of each quad's centre, ``fraction`` (M,) its place on the colour map and ``shade`` (M,)
    in [LIGHT_AMBIENT, 1], the light on it; ``cell`` a quad's diagonal in the box (the depth
    by which things lying on the surface are pulled in front of it)."""

    corners: np.ndarray
    depth: np.ndarray
    fraction: np.ndarray
    shade: np.ndarray
    cell: float


def surface_quads(scene: Scene, camera: Camera, size: tuple[float, float],
                  grid: int | None = None, shading: bool = True) -> Quads:
    """The scene's surface as at most ``grid`` x ``grid`` quads (every sample if None) from
    ``camera`` in an image of ``size``; quads with a corner behind the camera are left out.
    The light comes from over the camera's left shoulder."""
    ny, nx = scene.heights.shape
    n = max(int(grid), 2) if grid else max(nx, ny)
    ix = np.unique(np.round(np.linspace(0, nx - 1, min(n + 1, nx))).astype(int))
    iy = np.unique(np.round(np.linspace(0, ny - 1, min(n + 1, ny))).astype(int))
    X, Y = np.meshgrid(scene.xs[ix], scene.ys[iy])
    P = np.stack([X, Y, scene.heights[np.ix_(iy, ix)]], axis=-1)
    L = scene.levels[np.ix_(iy, ix)]
    corners3 = np.stack([P[:-1, :-1], P[:-1, 1:], P[1:, 1:], P[1:, :-1]], axis=2)
    corners3 = corners3.reshape(-1, 4, 3)
    pixels, depth = project(camera, corners3, size)
    logs = (L[:-1, :-1] + L[:-1, 1:] + L[1:, 1:] + L[1:, :-1]).reshape(-1) / 4
    shade = np.ones(len(corners3))
    if shading:
        normal = np.cross(corners3[:, 2] - corners3[:, 0], corners3[:, 3] - corners3[:, 1])
        normal /= np.maximum(np.linalg.norm(normal, axis=-1, keepdims=True), 1e-300)
        shade = LIGHT_AMBIENT + (1 - LIGHT_AMBIENT) * np.abs(normal @ light_direction(camera))
    seen = np.isfinite(pixels).all(axis=(1, 2))
    cell = float(np.max(np.linalg.norm(corners3[:, 2] - corners3[:, 0], axis=-1),
                        initial=0.0)) if len(corners3) else 0.0
    return Quads(pixels[seen], depth.mean(axis=1)[seen], colour_fractions(scene, logs)[seen],
                 shade[seen], cell)


def light_direction(camera: Camera) -> np.ndarray:
    """A unit vector towards the light: from the camera, turned 40 degrees to its left and
    raised 30 degrees above it."""
    light = replace(camera, azimuth=camera.azimuth - 40.0,
                    elevation=min(camera.elevation + 30.0, 89.0))
    d = light.eye - np.asarray(camera.centre, dtype=np.float64)
    return d / np.linalg.norm(d)


def inside_view(scene: Scene, points: np.ndarray) -> np.ndarray:
    """Which points (..., 2) lie over the scene's floor (the view), bool (...)."""
    (x0, x1), (y0, y1) = scene.view
    p = np.asarray(points, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return (p[..., 0] >= x0) & (p[..., 0] <= x1) & (p[..., 1] >= y0) & (p[..., 1] <= y1)


def path_segments(scene: Scene, camera: Camera, size: tuple[float, float],
                  points: np.ndarray, values: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A path (K, 2) with f at its points (K,) lifted onto the surface and projected:
    its points thinned to :data:`THIN_PX` on screen, ``pixels`` (P, 2), and per segment
    between consecutive kept points (P - 1,) its ``depth`` (its ends' mean) and whether it is
    ``drawn`` (both ends over the view and in front of the camera)."""
    points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    values = np.asarray(values, dtype=np.float64).reshape(-1)
    pixels, depth = project(camera, scene.lift(points, values), size)
    ok = inside_view(scene, points) & np.isfinite(pixels).all(axis=-1)
    keep = _thinned(pixels, ok)
    pixels, depth, ok = pixels[keep], depth[keep], ok[keep]
    return pixels, (depth[:-1] + depth[1:]) / 2, ok[:-1] & ok[1:]


def _thinned(pixels: np.ndarray, ok: np.ndarray) -> np.ndarray:
    """Indices of the points to keep: the first and last, every point next to one not drawn,
    and the others once they are :data:`THIN_PX` from the last kept."""
    n = len(pixels)
    keep = []
    last = None
    for k in range(n):
        edge = k in (0, n - 1) or not ok[k] or not ok[k - 1] or not ok[min(k + 1, n - 1)]
        if edge or last is None or np.hypot(*(pixels[k] - pixels[last])) >= THIN_PX:
            keep.append(k)
            last = k
    return np.asarray(keep, dtype=int)


def painting_order(depths: np.ndarray) -> np.ndarray:
    """Indices of ``depths`` from the farthest to the nearest (the painter's order); ties keep
    their given order."""
    return np.argsort(-np.asarray(depths, dtype=np.float64), kind="stable")


def fit_camera(scene: Scene, camera: Camera, size: tuple[float, float],
               frame: tuple[float, float, float, float], distance: float | None = None
               ) -> tuple[Camera, np.ndarray]:
    """``camera`` moved along its line of sight so the surface just fills ``frame`` (x, y,
    width, height, in pixels of an image of ``size``), with the pixel offset (2,) that
    centres it there: an export shows the whole surface from the camera's angles, whatever
    its distance. ``distance`` given: the camera at that distance, centred only."""
    ny, nx = scene.heights.shape
    iy = np.unique(np.round(np.linspace(0, ny - 1, min(ny, 24))).astype(int))
    ix = np.unique(np.round(np.linspace(0, nx - 1, min(nx, 24))).astype(int))
    X, Y = np.meshgrid(scene.xs[ix], scene.ys[iy])
    points = np.stack([X, Y, scene.heights[np.ix_(iy, ix)]], axis=-1).reshape(-1, 3)
    fx, fy, fw, fh = frame

    def extent(distance: float) -> tuple[bool, np.ndarray, np.ndarray]:
        pixels, depth = project(replace(camera, distance=distance), points, size)
        if not (depth > 0).all():
            return False, np.zeros(2), np.zeros(2)
        low, high = pixels.min(axis=0), pixels.max(axis=0)
        span = high - low
        return bool(span[0] <= fw and span[1] <= fh), low, high

    if distance is not None:
        _, low, high = extent(distance)
        return replace(camera, distance=distance), \
            np.array([fx + fw / 2, fy + fh / 2]) - (low + high) / 2
    near, far = 0.0, max(camera.distance, scene.diagonal)
    while not extent(far)[0] and far < 1e6 * scene.diagonal:
        far *= 2
    for _ in range(40):
        mid = (near + far) / 2
        near, far = (near, mid) if extent(mid)[0] else (mid, far)
    fitted = replace(camera, distance=far)
    _, low, high = extent(far)
    offset = np.array([fx + fw / 2, fy + fh / 2]) - (low + high) / 2
    return fitted, offset
