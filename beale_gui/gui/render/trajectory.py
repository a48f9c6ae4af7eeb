"""An offscreen figure of a batch of runs, drawn by the window's own canvas and loss plot.

:class:`TrajectoryFigure` builds a :class:`~beale_gui.gui.views.canvas.ContourCanvas` (and, for
animations, a :class:`~beale_gui.gui.views.loss_plot.LossPlot`) that is never shown and renders it
through the offscreen renderer (:mod:`.offscreen`) at the export size; the window, the export
dialog and ``python main.py export`` all draw through the same code.

Layout: the canvas (title, axes, contours, paths, start points, minima, colour bar) on the left;
a side column on the right with the loss plot (optional) above the legend
(:mod:`.figure_legend`).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsScene

from ...core.curvature import curvature_at, level_ellipse
from ...core.engine import DIVERGED, RunResult
from ...core.playhead import mechanics_at
from ...core.view_ranges import fit_extent
from ...document.document import PALETTE
from ...export.targets import DEFAULT_IMAGE_SIZE, STYLES
from ..views import canvas_items as ci
from ..views.canvas import ContourCanvas, Extent
from ..views.loss_plot import LossPlot
from ..views.run_styles import optimizer_label, start_style
from .figure_legend import NOTE_COLOUR, NOTE_PT, STEP_OF, TEXT_COLOUR, FigureLegend
from .offscreen import OffscreenFigure, activate_layout, contour_samples

LOSS_COLUMN = 0.38  # share of the width the side column takes when it holds the loss plot
SIDE_GAP = 12.0  # logical pixels between the canvas and the side column
TITLE_PT = 13.0
GRADIENT_SHADES = 64  # colour-map shades a GIF's palette holds exactly
ELLIPSE_SIZE = 0.06  # the level ellipse's longer half-axis, as a share of the view's width
ELLIPSE_WIDTH = 1.2  # its line, thinner than a path's (ci.PATH_WIDTH)


@dataclass(frozen=True)
class FigureStyle:
    """How a figure looks beyond the canvas's own drawing.

    ``colour_map`` None keeps the canvas's (the window's look); ``isoline_pen`` None keeps
    its isolines; ``greyscale_runs`` gives the runs colours of distinct lightness
    (:func:`print_colours`).
    """

    name: str
    colour_map: pg.ColorMap | None = None
    isoline_pen: object = None
    greyscale_runs: bool = False


# the darkest and the lightest a run is drawn in print, as Rec. 601 luma (0 black, 1 white):
# dark enough that every run keeps the light outline of dark colours (ci.halo_colour)
PRINT_LUMA = (0.05, 0.35)
# in print each optimizer has a line style too (the start points are told apart by where the
# paths begin), so runs of close greys stay apart
PRINT_DASHES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
                Qt.PenStyle.DashDotLine, Qt.PenStyle.DashDotDotLine)

FIGURE_STYLES = {
    "screen": FigureStyle("screen"),
    # Light for paper: white where f is low to pale grey where it is high, dark isolines, and
    # runs that stay apart in greyscale.
    "print": FigureStyle("print", pg.ColorMap([0.0, 1.0], ["#FFFFFF", "#D6D6D6"]),
                         pg.mkPen(30, 30, 30, 190, width=0.9), greyscale_runs=True),
}
FIGURE_STYLES["app"] = FIGURE_STYLES["screen"]   # the screen style's former name


def luma(colour) -> float:
    """Rec. 601 luma of ``colour`` in [0, 1]: its grey in a greyscale print (PIL's "L")."""
    c = QColor(colour)
    return (0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()) / 255.0


def print_colours(colours: Sequence[str]) -> list[str]:
    """``colours`` (one per optimizer) for print: each keeps its hue (GD stays orange) at a
    lightness of its own, evenly spaced over :data:`PRINT_LUMA` in the optimizers' order,
    so the runs stay apart when printed in greyscale."""
    n = len(colours)
    low, high = PRINT_LUMA
    levels = np.linspace(low, high, n) if n > 1 else [low + 0.1]
    return [_with_luma(QColor(c), float(level)).name()
            for c, level in zip(colours, levels, strict=True)]


def _with_luma(colour: QColor, target: float) -> QColor:
    """``colour``'s hue and saturation at the HSL lightness whose luma is ``target``
    (luma grows with lightness, so bisection finds it)."""
    hue, sat = max(colour.hslHueF(), 0.0), colour.hslSaturationF()
    low, high = 0.0, 1.0
    for _ in range(24):
        mid = 0.5 * (low + high)
        if luma(QColor.fromHslF(hue, sat, mid)) < target:
            low = mid
        else:
            high = mid
    return QColor.fromHslF(hue, sat, 0.5 * (low + high))


class TrajectoryFigure(OffscreenFigure):
    """The canvas (and optionally the loss plot) of one result, offscreen, at an export size.

    Parameters
    ----------
    result : RunResult
        Recorded runs (``paths`` not None).
    colours : sequence of str
        One colour per configuration (``result.configs``).
    size : (int, int)
        Export size in pixels.
    style : ``"screen"`` or ``"print"``
        The window's look, or a light one for paper (``"app"`` is ``"screen"``).
    loss : bool
        Put the loss plot in the side column.
    view : ((x0, x1), (y0, y1)), optional
        The visible range; default the result's fitted view (as the window's).
    step : int, optional
        Draw the paths up to this step; default the end of the longest run.
    show_step : bool
        Show ``step k / n`` under the legend (animations).
    mechanics : bool
        Draw the mechanics arrows at the heads.
    labels : sequence of str, optional
        Legend text per configuration; default :func:`~.labels.optimizer_label`.
    ellipse : bool
        Draw at each run's head the level ellipse of the local quadratic model
        (:func:`~beale_gui.core.curvature.level_ellipse`; a saddle's two axes), a thin line in
        the run's colour whose longer half-axis is :data:`ELLIPSE_SIZE` of the view's width.
    """

    def __init__(self, result: RunResult, colours: Sequence[str] | None = None, *,
                 size: tuple[int, int] = DEFAULT_IMAGE_SIZE, style: str = "screen",
                 loss: bool = False, view: Extent | None = None, step: int | None = None,
                 show_step: bool = False, mechanics: bool = False,
                 labels: Sequence[str] | None = None, ellipse: bool = False) -> None:
        if result.paths is None:
            raise ValueError("the runs were not recorded step by step")
        if style not in FIGURE_STYLES:
            raise ValueError(f"style '{style}': choose from {', '.join(STYLES)}")
        super().__init__(size)
        self.result = result
        self.style = FIGURE_STYLES[style]
        self.last_step = int(result.stop_step.max()) if result.n_runs else 0
        n_configs = len(result.configs)
        colours = list(colours) if colours is not None else [
            PALETTE[c % len(PALETTE)] for c in range(n_configs)]
        if len(colours) != n_configs:
            raise ValueError(f"{len(colours)} colours for {n_configs} optimizers")
        self._config_colours = print_colours(colours) if self.style.greyscale_runs \
            else colours
        self._config_styles = [PRINT_DASHES[c % len(PRINT_DASHES)] for c in range(n_configs)] \
            if self.style.greyscale_runs else None
        self._labels = list(labels) if labels is not None else [
            optimizer_label(c) for c in result.configs]
        self._mechanics = mechanics
        self._show_step = show_step
        self.ellipses: list[pg.PlotCurveItem] = []
        self.step = self._clip_step(self.last_step if step is None else step)

        self._build_canvas(view)
        if ellipse:
            self._build_ellipses()
        self.loss_plot = self._build_loss() if loss else None
        # the legend's swatches are drawn with the runs' own pens (print colours in print)
        self.side = FigureLegend(result, self._labels, self._config_colours, self.run_colours,
                                 mechanics=mechanics, show_step=show_step, step=self.step,
                                 styles=self._config_styles)
        self._layout()
        self.set_step(self.step)

    # -- construction -----------------------------------------------------------------------
    def _build_canvas(self, view: Extent | None) -> None:
        result = self.result
        canvas = self.canvas = ContourCanvas()
        # enough contour samples that the image is not upscaled at the export size
        canvas.grid_size = contour_samples(canvas.grid_size, self.size)
        canvas.set_function(result.function)
        plot = canvas.plot_item
        function = result.function
        for side, name in zip(("bottom", "left"), function.param_names, strict=True):
            plot.getAxis(side).setLabel(name, **{"font-size": "11pt", "color": TEXT_COLOUR})
        self._apply_style(canvas)
        canvas.set_starts(result.starts)
        n = result.n_runs
        colours = self.run_colours
        styles = self.run_styles
        flags = ["diverged" if result.status[i] == DIVERGED else "" for i in range(n)]
        # the figure has its own legend beside the canvas: the canvas's in-plot one stays hidden
        paths = result.shown()[0]            # Schedule-Free's average, not its gradient point
        canvas.set_runs([paths[i] for i in range(n)],
                        [int(s) for s in result.stop_step], colours, styles, flags, [])
        self._view = view if view is not None else fit_extent(result, function.bounds)

    def _build_ellipses(self) -> None:
        """One outline per run, above the paths and below the head markers; drawn in
        :meth:`set_step`."""
        plot = self.canvas.plot_item
        for colour in self.run_colours:
            item = pg.PlotCurveItem(pen=pg.mkPen(colour, width=ELLIPSE_WIDTH), connect="finite",
                                    antialias=True)
            item.setZValue(ci.Z_PATHS + 1)
            plot.addItem(item, ignoreBounds=True)
            self.ellipses.append(item)

    def _draw_ellipses(self) -> None:
        """Each run's level ellipse at its head at the current step (nothing where the Hessian
        there is not finite)."""
        if not self.ellipses:
            return
        result = self.result
        paths = result.shown()[0]
        (x0, x1), _ = self.canvas.view_extent()
        size = ELLIPSE_SIZE * (x1 - x0)
        for i, item in enumerate(self.ellipses):
            head = paths[i, min(self.step, int(result.stop_step[i]))]
            outline = np.zeros((0, 2))
            if np.all(np.isfinite(head)):
                outline = level_ellipse(curvature_at(result.function, head), size)
            item.setData(outline[:, 0], outline[:, 1], connect="finite")

    def _set_title(self, width: float) -> None:
        """The function's name, and its formula below when it fits in ``width``; a still
        image of an earlier step than the runs' end says which step after the name."""
        function = self.result.function
        plot = self.canvas.plot_item
        name_font = QFont(plot.titleLabel.item.font())
        name_font.setPointSizeF(TITLE_PT)
        at_step = ""
        if not self._show_step and self.step < self.last_step:
            at_step = f", at {STEP_OF.format(k=self.step, n=self.last_step)}"
            width -= QFontMetricsF(name_font).horizontalAdvance(at_step)
        title = _fitted(function.title, name_font, width)
        text = f"<span style='font-size:{TITLE_PT}pt'>{html.escape(title)}{at_step}</span>"
        formula = f"f({', '.join(function.param_names)}) = {function.formula}"
        note_font = QFont(name_font)
        note_font.setPointSizeF(NOTE_PT)
        # a typed function's title is its formula already, written as mathematics
        two_lines = (bool(function.formula) and function.formula not in function.title
                     and not function.title.startswith("f(x, y) =")
                     and QFontMetricsF(note_font).horizontalAdvance(formula) <= width)
        if two_lines:
            text += (f"<br><span style='font-size:{NOTE_PT}pt; color:{NOTE_COLOUR}'>"
                     f"{html.escape(formula)}</span>")
        plot.setTitle(f"<span style='color:{TEXT_COLOUR}'>{text}</span>")
        height = 50 if two_lines else 32
        plot.titleLabel.setMaximumHeight(height)
        plot.titleLabel.setMinimumWidth(0)  # never widen the plot; the text was fitted
        plot.layout.setRowFixedHeight(0, height)

    def _apply_style(self, canvas: ContourCanvas) -> None:
        style = self.style
        plot = canvas.plot_item
        if style.colour_map is not None:
            for item in _layout_items(plot.layout):
                if isinstance(item, pg.ColorBarItem):
                    item.setColorMap(style.colour_map)
        if style.isoline_pen is not None:
            for item in plot.items:
                if isinstance(item, pg.PlotCurveItem) and item.zValue() == ci.Z_ISOLINES:
                    item.setPen(style.isoline_pen)

    def _build_loss(self) -> LossPlot:
        loss = LossPlot()
        loss.set_result(self.result, self.run_colours, self.run_styles)
        loss.plot_item.setTitle(f"<span style='color:{TEXT_COLOUR}'>loss</span>")
        return loss

    # -- layout -----------------------------------------------------------------------------
    def _layout(self) -> None:
        """Place the canvas, the loss plot and the side column in the logical frame."""
        lw, lh = self.logical
        legend_size = self.side.legend.boundingRect().size()
        side_w = max(legend_size.width() + 8.0, 150.0)
        if self.loss_plot is not None:
            side_w = max(side_w, LOSS_COLUMN * lw)
        side_w = min(side_w, 0.5 * lw)
        canvas_w = lw - side_w - SIDE_GAP
        self.canvas_rect = QRectF(0.0, 0.0, canvas_w, lh)
        self._set_title(canvas_w - 60.0)
        side_x = canvas_w + SIDE_GAP
        legend_h = legend_size.height() + (32.0 if self._show_step else 4.0)
        legend_h = min(legend_h, lh)
        if self.loss_plot is not None:
            self.loss_rect = QRectF(side_x, 0.0, side_w, lh - legend_h)
            self.side_rect = QRectF(side_x, lh - legend_h, side_w, legend_h)
        else:
            self.loss_rect = None
            top = min(40.0, lh - legend_h)  # level with the top of the plot, below the title
            summary_h = self.side.place_summary(side_w - 8.0, legend_h + 10.0, lh - top)
            self.side_rect = QRectF(side_x, top, side_w, legend_h + summary_h)
        self.place(self.canvas.layout_widget.ci, self.canvas_rect.size())
        if self.loss_plot is not None:
            self.place(self.loss_plot.plot_item, self.loss_rect.size())
        self.canvas.fit_view(self._view)
        self.place(self.canvas.layout_widget.ci, self.canvas_rect.size())
        self._settle_canvas()
        self.prepare_items()

    def _settle_canvas(self) -> None:
        """Recompute the contours and thin the paths for the final view now, rather than after
        the canvas's debounce timer (the figure never runs an event loop)."""
        self.canvas.settle()
        activate_layout(self.canvas.layout_widget.ci)

    # -- state -------------------------------------------------------------------------------
    @property
    def run_colours(self) -> list[str]:
        """Each run's colour (its configuration's)."""
        return [self._config_colours[int(c)] for c in self.result.config_index]

    @property
    def run_styles(self) -> list[Qt.PenStyle]:
        """Each run's line style: its start point's, in print its optimizer's."""
        if self._config_styles is not None:
            return [self._config_styles[int(c)] for c in self.result.config_index]
        return [start_style(s) for s in self.result.start_index]

    def key_colours(self) -> list[str]:
        """Colours that must stay exact in a paletted image (``#RRGGBB``): the optimizers'
        colours and outlines, the markers and the text, then :data:`GRADIENT_SHADES` shades
        along the colour map (a GIF's colour bar and contour image would band otherwise)."""
        colours = list(self._config_colours)
        colours += [ci.halo_colour(c).name() for c in self._config_colours]
        colours += [ci.CROSS_BRUSH.color().name(), ci.START_BRUSH.color().name(),
                    ci.MINIMUM_PEN.color().name(), TEXT_COLOUR, NOTE_COLOUR]
        for item in _layout_items(self.canvas.plot_item.layout):
            if isinstance(item, pg.ColorBarItem):
                shades = item.colorMap().getLookupTable(0.0, 1.0, GRADIENT_SHADES, alpha=False)
                colours += [QColor(*map(int, rgb)).name() for rgb in shades]
        return [QColor(c).name() for c in colours]

    def _clip_step(self, k: int) -> int:
        return int(np.clip(k, 0, max(self.result.n_steps, 0)))

    def set_step(self, k: int) -> None:
        """Draw every path up to step ``k`` (the loss cursor, step counter and run list
        follow)."""
        self.step = self._clip_step(k)
        self.canvas.set_step(self.step)
        self._draw_ellipses()
        if self._mechanics:
            self.canvas.set_mechanics(mechanics_at(self.result, self.step))
        if self.loss_plot is not None:
            self.loss_plot.set_step(self.step)
        self.side.set_step(self.step, self.last_step)

    def map_to_pixel(self, x: float, y: float) -> tuple[float, float]:
        """Where the function-space point (x, y) lands in the exported image, in pixels."""
        p = self.canvas.plot_item.getViewBox().mapViewToScene(QPointF(x, y))
        return (float((self.canvas_rect.x() + p.x()) * self.scale),
                float((self.canvas_rect.y() + p.y()) * self.scale))

    def view_extent(self) -> Extent:
        return self.canvas.view_extent()

    # -- rendering ---------------------------------------------------------------------------
    def panels(self) -> list[tuple[QGraphicsScene, QRectF]]:
        panels = [(self.canvas.layout_widget.scene(), self.canvas_rect),
                  (self.side.scene, self.side_rect)]
        if self.loss_plot is not None:
            panels.append((self.loss_plot.plot_widget.scene(), self.loss_rect))
        return panels

    def owned(self) -> tuple:
        return (self.side.scene, self.canvas, self.loss_plot)

    def close(self) -> None:
        super().close()
        self.loss_plot = None


def _fitted(text: str, font: QFont, width: float) -> str:
    """``text``, elided to ``width`` pixels in ``font``."""
    return QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, max(width, 20.0))


def _layout_items(layout) -> list:
    out = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is not None:
            out.append(item.graphicsItem() if hasattr(item, "graphicsItem") else item)
    return out
