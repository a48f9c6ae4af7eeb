"""The 3-D view as a picture, without OpenGL: the surface and the runs painted with QPainter.

:class:`SurfaceFigure` draws a :class:`~beale_gui.core.surface3d.Scene` (the function over the
view, on the contours' log scale) from a :class:`~beale_gui.core.surface3d.Camera`: the surface
as projected quads in the contours' colour map, lit from over the camera's shoulder, and the
runs' paths (up to a step), their heads, the start points and the known minima, all painted
from the farthest to the nearest (:func:`~beale_gui.core.surface3d.painting_order`), so a ridge
hides what lies behind it. The numbers (projection, order, colours' places on the map) are the
core's; this module only paints.

It is an :class:`~.offscreen.OffscreenFigure` (laid out in a logical frame, painted at any
size), with the animation interface (``last_step``, ``set_step``, ``array``,
``key_colours``): the command line (``export --view 3d``) and the window's export draw the same
picture for the same camera, step and size, headless (no OpenGL context is needed). With
``turn`` degrees, an animation's frames turn the camera about the vertical axis as the paths
play, the whole turn over the runs.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from ...core import surface3d as s3
from ...core.engine import RunResult
from ...core.playhead import step_index
from ...core.view_ranges import fit_extent
from ...document.document import PALETTE
from ...export.targets import DEFAULT_IMAGE_SIZE
from ..views import canvas_items as ci
from ..views.run_styles import optimizer_label
from .figure_legend import LEGEND_PT, NOTE_COLOUR, NOTE_PT, STEP_OF, TEXT_COLOUR
from .offscreen import OffscreenFigure
from .trajectory import GRADIENT_SHADES, TITLE_PT

__all__ = ["EXPORT_GRID", "TURN_DEGREES", "SurfaceFigure"]

EXPORT_GRID = 110            # quads per side of the exported surface
ANIMATION_GRID = 80          # and of a turning animation's (a frame paints in half the time)
TURN_DEGREES = 360.0         # an animation turns the surface once while the paths play
MARGIN = 10.0                # logical pixels around the text
TOP, BOTTOM = 64.0, 26.0     # logical pixels above the surface (the title) and below it
HEAD_RADIUS = ci.HEAD_SIZE / 2
START_RADIUS = ci.START_SIZE / 2
STAR_RADIUS = {"global": 11.0, "local": 6.5}
EDGE_PEN_WIDTH = 0.9         # each quad's outline in its own colour: no seams between quads


class SurfaceFigure(OffscreenFigure):
    """The 3-D view of one result, offscreen, at an export size.

    Parameters
    ----------
    result : RunResult
        Recorded runs (``paths`` not None).
    colours : sequence of str, optional
        One colour per configuration (``result.configs``); default the palette's.
    size : (int, int)
        Export size in pixels.
    camera : Camera, optional
        Where the picture is seen from; default the scene's framing (the 3-D view's reset).
    view : ((x0, x1), (y0, y1)), optional
        The surface's floor; default the result's fitted view (as the window's).
    step : int, optional
        Draw the paths up to this step; default the end of the longest run.
    show_step : bool
        Say ``step k of n`` under the title (animations).
    turn : float
        Degrees the camera turns about the vertical axis from step 0 to the last step.
    grid : int, optional
        Quads per side of the surface (default :data:`EXPORT_GRID`, a turning figure's
        :data:`ANIMATION_GRID`).
    shading : bool
        Light the surface (False: the colour map's colours alone).
    """

    def __init__(self, result: RunResult, colours: Sequence[str] | None = None, *,
                 size: tuple[int, int] = DEFAULT_IMAGE_SIZE, camera: s3.Camera | None = None,
                 view=None, step: int | None = None, show_step: bool = False,
                 turn: float = 0.0, grid: int | None = None, shading: bool = True,
                 labels: Sequence[str] | None = None) -> None:
        if result.paths is None:
            raise ValueError("the runs were not recorded step by step")
        super().__init__(size)
        self.result = result
        n_configs = len(result.configs)
        colours = list(colours) if colours is not None else [
            PALETTE[c % len(PALETTE)] for c in range(n_configs)]
        if len(colours) != n_configs:
            raise ValueError(f"{len(colours)} colours for {n_configs} optimizers")
        self.config_colours = colours
        self.labels = list(labels) if labels is not None else [
            optimizer_label(c) for c in result.configs]
        view = view if view is not None else fit_extent(result, result.function.bounds)
        self.grid = int(grid or (ANIMATION_GRID if turn else EXPORT_GRID))
        self.scene = s3.surface(result.function, view, self.grid)
        self.shading = shading
        self.base_camera = camera if camera is not None else s3.Camera.framing(self.scene)
        self.camera = self.base_camera
        self.turn = float(turn)
        self._turn_distance: float | None = None
        self.show_step = show_step
        self.last_step = int(result.stop_step.max()) if result.n_runs else 0
        self._lut = pg.colormap.get(ci.COLOUR_MAP).getLookupTable(0.0, 1.0, 256, alpha=False)
        self.step = 0
        self.set_step(self.last_step if step is None else step)

    # -- state -------------------------------------------------------------------------------
    @property
    def run_colours(self) -> list[str]:
        """Each run's colour (its configuration's)."""
        return [self.config_colours[int(c)] for c in self.result.config_index]

    def set_step(self, k: int) -> None:
        """Draw every path up to step ``k``; a turning figure's camera follows the step."""
        self.step = int(np.clip(k, 0, max(self.result.n_steps, 0)))
        self.camera = self.base_camera
        if self.turn:
            share = self.step / self.last_step if self.last_step else 0.0
            self.camera = self.base_camera.turned(self.turn * share)

    def set_camera(self, camera: s3.Camera) -> None:
        """See the surface from ``camera`` (at step 0 of a turning figure)."""
        self.base_camera = camera
        self._turn_distance = None
        self.set_step(self.step)

    def key_colours(self) -> list[str]:
        """Colours a GIF's palette keeps exact: the runs' and their outlines, the markers,
        the text, and shades along the colour map."""
        colours = list(self.config_colours)
        colours += [ci.halo_colour(c).name() for c in self.config_colours]
        colours += [ci.CROSS_BRUSH.color().name(), ci.START_BRUSH.color().name(),
                    ci.MINIMUM_PEN.color().name(), TEXT_COLOUR, NOTE_COLOUR]
        shades = self._lut[np.linspace(0, 255, GRADIENT_SHADES).astype(int)]
        colours += [QColor(*map(int, rgb)).name() for rgb in shades]
        return [QColor(c).name() for c in colours]

    def map_to_pixel(self, x: float, y: float, f: float) -> tuple[float, float]:
        """Where the point (x, y) with f there lands in the exported image, in pixels."""
        camera, offset = self.framed()
        (px, py), _ = s3.project(camera, self.scene.lift(np.array([x, y]), np.array(f)),
                                 self.logical)
        return float((px + offset[0]) * self.scale), float((py + offset[1]) * self.scale)

    def framed(self) -> tuple[s3.Camera, np.ndarray]:
        """The camera moved to show the whole surface below the title, and the offset (in
        logical pixels) that centres it there (:func:`~beale_gui.core.surface3d.fit_camera`)."""
        lw, lh = self.logical
        frame = (MARGIN, TOP, lw - 2 * MARGIN, lh - TOP - BOTTOM)
        if not self.turn:
            return s3.fit_camera(self.scene, self.camera, self.logical, frame)
        if self._turn_distance is None:   # a turning figure keeps one distance: no zooming
            self._turn_distance = max(
                s3.fit_camera(self.scene, self.base_camera.turned(a), self.logical,
                              frame)[0].distance for a in range(0, 360, 15))
        return s3.fit_camera(self.scene, self.camera, self.logical, frame, self._turn_distance)

    # -- the offscreen figure's interface ---------------------------------------------------
    def panels(self) -> list:
        return []

    def owned(self) -> tuple:
        return ()

    def paint(self, painter: QPainter, layer: object = None) -> None:
        """Paint the picture on ``painter`` (its device is ``size`` pixels); it has one layer."""
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            painter.fillRect(QRectF(0, 0, *self.size), QColor("white"))
            painter.scale(self.scale, self.scale)
            self._paint_text(painter)
            camera, offset = self.framed()
            painter.translate(float(offset[0]), float(offset[1]))
            self._paint_scene(painter, camera)
        finally:
            painter.restore()

    # -- painting ----------------------------------------------------------------------------
    def _paint_scene(self, painter: QPainter, camera: s3.Camera) -> None:
        scene, size = self.scene, self.logical
        quads = s3.surface_quads(scene, camera, size, None, self.shading)
        bias = quads.cell   # what lies on the surface is drawn over the quad it lies on
        depths = [quads.depth]
        items = [("quad", i) for i in range(len(quads.depth))]
        runs = self._runs(camera, bias)
        for r, (_, seg_depth, drawn, _) in enumerate(runs):
            for s in np.flatnonzero(drawn):
                items.append(("segment", (r, int(s))))
            depths.append(seg_depth[drawn])
        markers = self._markers(camera, 2 * bias)   # over the paths that reach them
        for m, marker in enumerate(markers):
            items.append(("marker", m))
            depths.append(np.array([marker[0]]))
        order = s3.painting_order(np.concatenate(depths))
        colours = self._quad_colours(quads)
        pending: list = []   # a run's consecutive segments, painted as one polyline
        for index in order:
            kind, what = items[index]
            if kind == "segment":
                r, s = what
                if pending and pending[0] == r and pending[-1] == s - 1:
                    pending.append(s)
                    continue
                self._flush(painter, runs, pending)
                pending[:] = [r, s]
                continue
            self._flush(painter, runs, pending)
            pending.clear()
            if kind == "quad":
                colour = colours[what]
                painter.setPen(QPen(colour, EDGE_PEN_WIDTH))
                painter.setBrush(QBrush(colour))
                painter.drawPolygon(_polygon(quads.corners[what]))
            else:
                markers[what][1](painter)
        self._flush(painter, runs, pending)

    def _quad_colours(self, quads: s3.Quads) -> list[QColor]:
        rgb = self._lut[np.round(quads.fraction * 255).astype(int)] * quads.shade[:, None]
        rgb = np.clip(np.round(rgb), 0, 255).astype(int)
        return [QColor(int(r), int(g), int(b)) for r, g, b in rgb]

    def _runs(self, camera: s3.Camera, bias: float) -> list:
        """Per run: its kept pixels, its segments' depths (pulled ``bias`` nearer), which are
        drawn, and its colour."""
        result = self.result
        if result.n_runs == 0:
            return []
        paths, values = result.shown()[:2]
        idx = step_index(result, self.step)
        out = []
        for i, colour in enumerate(self.run_colours):
            k = int(idx[i])
            pixels, depth, drawn = s3.path_segments(self.scene, camera, self.logical,
                                                    paths[i, :k + 1], values[i, :k + 1])
            out.append((pixels, depth - bias, drawn, colour))
        return out

    def _flush(self, painter: QPainter, runs: list, pending: list) -> None:
        """Paint a run's consecutive segments ``pending`` = [run, first, ..., last]."""
        if not pending:
            return
        r, segments = pending[0], pending[1:]
        pixels, _, _, colour = runs[r]
        points = pixels[segments[0]:segments[-1] + 2]
        line = QPolygonF([QPointF(float(x), float(y)) for x, y in points])
        # the outline flat-capped, the line round-capped: where a path is cut into pieces
        # by the surface between them in depth, a piece's outline never covers the line of
        # the piece before it
        pen, halo = (_scaled(p) for p in ci.path_pens(colour, Qt.PenStyle.SolidLine))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        halo.setCapStyle(Qt.PenCapStyle.FlatCap)
        for drawn in (halo, pen):
            drawn.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(drawn)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(line)

    def _markers(self, camera: s3.Camera, bias: float) -> list:
        """(depth, paint) of each head, start point and known minimum over the view."""
        result, scene = self.result, self.scene
        function = result.function
        out = []

        def add(points, values, paint) -> None:
            points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
            if not len(points):
                return
            pixels, depth = s3.project(camera, scene.lift(points, values), self.logical)
            seen = s3.inside_view(scene, points) & np.isfinite(pixels).all(axis=-1)
            for k in np.flatnonzero(seen):
                at = QPointF(float(pixels[k, 0]), float(pixels[k, 1]))
                out.append((float(depth[k]) - bias, lambda p, at=at, k=int(k): paint(p, at, k)))

        starts = np.asarray(result.starts, dtype=np.float64).reshape(-1, 2)
        add(starts, function.value(starts), _paint_start)
        minima = np.asarray(function.minima, dtype=np.float64).reshape(-1, 2)
        if len(minima):
            glob = function.global_mask
            add(minima, function.value(minima),
                lambda p, at, k: _paint_star(p, at, "global" if glob[k] else "local"))
        if result.n_runs:
            paths, values = result.shown()[:2]
            idx = step_index(result, self.step)
            rows = np.arange(result.n_runs)
            colours = self.run_colours
            add(paths[rows, idx], values[rows, idx],
                lambda p, at, k: _paint_head(p, at, colours[k]))
        return out

    def _paint_text(self, painter: QPainter) -> None:
        """The title (the function, its formula, the step) at the top left, the legend at the
        top right and the height's scale at the bottom left."""
        function = self.result.function
        lw, lh = self.logical
        title_font = QFont(painter.font())
        title_font.setPointSizeF(TITLE_PT)
        note_font = QFont(painter.font())
        note_font.setPointSizeF(NOTE_PT)
        legend_font = QFont(painter.font())
        legend_font.setPointSizeF(LEGEND_PT)
        legend_w = self._legend_width(legend_font)
        width = max(lw - legend_w - 3 * MARGIN, 40.0)
        y = MARGIN
        lines = [(function.title, title_font, TEXT_COLOUR)]
        if (function.formula and function.formula not in function.title
                and not function.title.startswith("f(x, y) =")):
            lines.append((f"f({', '.join(function.param_names)}) = {function.formula}",
                          note_font, NOTE_COLOUR))
        if self.show_step or self.step < self.last_step:
            lines.append((STEP_OF.format(k=self.step, n=self.last_step), note_font, NOTE_COLOUR))
        for text, font, colour in lines:
            y = _text(painter, text, font, colour, MARGIN, y, width)
        _text(painter, f"height: {self.scene.scale.label}", note_font,
              NOTE_COLOUR, MARGIN, lh - MARGIN - QFontMetricsF(note_font).height(), width)
        self._paint_legend(painter, legend_font, lw - legend_w - MARGIN, MARGIN, legend_w)

    def _legend_width(self, font: QFont) -> float:
        metrics = QFontMetricsF(font)
        widest = max((metrics.horizontalAdvance(t) for t in self.labels), default=0.0)
        return min(widest + 30.0, 0.4 * self.logical[0])

    def _paint_legend(self, painter: QPainter, font: QFont, x: float, y: float,
                      width: float) -> None:
        row = QFontMetricsF(font).height() + 3.0
        for label, colour in zip(self.labels, self.config_colours, strict=True):
            mid = y + row / 2
            for pen in reversed(ci.path_pens(colour, Qt.PenStyle.SolidLine)):
                painter.setPen(_scaled(pen))
                painter.drawLine(QPointF(x, mid), QPointF(x + 20.0, mid))
            _text(painter, label, font, TEXT_COLOUR, x + 26.0, y + 1.5, width - 26.0)
            y += row


def _scaled(pen: QPen) -> QPen:
    """A copy of the window's (cosmetic) ``pen`` whose width scales with the figure, as the
    2-D figure's do."""
    pen = QPen(pen)
    pen.setCosmetic(False)
    return pen


def _polygon(corners: np.ndarray) -> QPolygonF:
    return QPolygonF([QPointF(float(x), float(y)) for x, y in corners])


def _text(painter: QPainter, text: str, font: QFont, colour: str, x: float, y: float,
          width: float) -> float:
    """Draw ``text`` elided to ``width`` with its top at ``y``; returns the next line's top."""
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    painter.setPen(QColor(colour))
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(width, 20.0))
    painter.drawText(QPointF(x, y + metrics.ascent()), shown)
    return y + metrics.height() + 2.0


def _paint_head(painter: QPainter, at: QPointF, colour: str) -> None:
    painter.setPen(QPen(ci.halo_colour(colour), 1.5))
    painter.setBrush(QColor(colour))
    painter.drawEllipse(at, HEAD_RADIUS, HEAD_RADIUS)


def _paint_start(painter: QPainter, at: QPointF, _k: int) -> None:
    painter.setPen(_scaled(ci.START_PEN))
    painter.setBrush(ci.START_BRUSH)
    painter.drawEllipse(at, START_RADIUS, START_RADIUS)


def _paint_star(painter: QPainter, at: QPointF, kind: str) -> None:
    style = ci.GLOBAL_MINIMUM if kind == "global" else ci.LOCAL_MINIMUM
    outer = STAR_RADIUS[kind]
    angles = np.pi / 2 + np.arange(10) * np.pi / 5
    radii = np.where(np.arange(10) % 2 == 0, outer, 0.45 * outer)
    star = QPolygonF([QPointF(at.x() + r * np.cos(a), at.y() - r * np.sin(a))
                      for r, a in zip(radii, angles, strict=True)])
    painter.setPen(_scaled(style["pen"]))
    painter.setBrush(style["brush"])
    painter.drawPolygon(star)
