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
DEFAULT_AZIMUTH = -60.0     # degrees about the vertical axis, from +x
DEFAULT_ELEVATION = 30.0    # degrees above the floor
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
