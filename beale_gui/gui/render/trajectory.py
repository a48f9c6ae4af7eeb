"""An offscreen figure of a batch of runs, drawn by the window's own canvas and loss plot.

:class:`TrajectoryFigure` builds a :class:`~beale_gui.gui.canvas.ContourCanvas` (and, for
animations, a :class:`~beale_gui.gui.loss_plot.LossPlot`) that is never shown, lays it out at a
*logical* size whose fonts and pens read well (about 800 x 600), and renders it scaled to the
export size. So a 1600 x 1200 PNG looks like the window at twice the resolution, and the window,
the export dialog and ``python main.py export`` all draw through the same code.

Layout: the canvas (title, axes, contours, paths, start points, minima, colour bar) on the left;
a side column on the right with the loss plot (optional) above a legend that names each
optimizer with its hyperparameters, the start points' line styles, the markers and, in
animations, the step counter.
"""

from __future__ import annotations

import html
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsScene

from ...core.engine import CONVERGED, DIVERGED, RunResult
from ...core.inspect import fit_extent, mechanics_at
from ...document.document import PALETTE
from .. import canvas_items as ci
from ..canvas import ContourCanvas, Extent
from ..export import DEFAULT_IMAGE_SIZE, STYLES, check_size, parse_size
from ..labels import optimizer_label, start_style
from ..loss_plot import LossPlot

__all__ = ["FRAME", "TrajectoryFigure", "activate_layout", "check_size", "ensure_app",
           "image_bytes", "parse_size"]

BASE_SIZE = (800.0, 540.0)  # the logical layout the fonts and pens are sized for
MIN_SCALE = 0.5
LOSS_COLUMN = 0.38  # share of the width the side column takes when it holds the loss plot
SIDE_GAP = 12.0  # logical pixels between the canvas and the side column
MAX_GRID = 1000  # contour samples per axis at the largest export sizes

TITLE_PT, NOTE_PT, LEGEND_PT = 13.0, 8.5, 9.5
TEXT_COLOUR = "#202020"
NOTE_COLOUR = "#505050"
STEP_TEXT = "step {k} / {n}"
SUMMARY_RUNS = 8  # runs listed under a still image's legend
FRAME = "frame"  # TrajectoryFigure.paint's layer of everything outside the view boxes


@dataclass(frozen=True)
class FigureStyle:
    """How a figure looks beyond the canvas's own drawing.

    ``colour_map`` None keeps the canvas's (the app's look); ``isoline_pen`` None keeps its
    isolines.
    """

    name: str
    colour_map: pg.ColorMap | None = None
    isoline_pen: object = None


FIGURE_STYLES = {
    "app": FigureStyle("app"),
    # Clean and light for print: pale grey fills (low f white), dark hairline isolines.
    "print": FigureStyle("print", pg.ColorMap([0.0, 1.0], ["#FFFFFF", "#CDCDCD"]),
                         pg.mkPen(40, 40, 40, 120, width=0.8)),
}


def ensure_app() -> QApplication:
    """The QApplication, created offscreen when there is no display (Linux without
    ``DISPLAY`` / ``WAYLAND_DISPLAY`` and no ``QT_QPA_PLATFORM`` chosen)."""
    app = QApplication.instance()
    if app is not None:
        return app
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QApplication([sys.argv[0] if sys.argv else "beale-gui"])


def _point(xy) -> str:
    return "(" + ", ".join(f"{v:g}".replace("-", "\u2212") for v in xy) + ")"


class TrajectoryFigure:
    """The canvas (and optionally the loss plot) of one result, offscreen, at an export size.

    Parameters
    ----------
    result : RunResult
        Recorded runs (``paths`` not None).
    colours : sequence of str
        One colour per configuration (``result.configs``).
    size : (int, int)
        Export size in pixels.
    style : ``"app"`` or ``"print"``
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
    """

    def __init__(self, result: RunResult, colours: Sequence[str] | None = None, *,
                 size: tuple[int, int] = DEFAULT_IMAGE_SIZE, style: str = "app",
                 loss: bool = False, view: Extent | None = None, step: int | None = None,
                 show_step: bool = False, mechanics: bool = False,
                 labels: Sequence[str] | None = None) -> None:
        if result.paths is None:
            raise ValueError("the runs were not recorded step by step")
        if style not in FIGURE_STYLES:
            raise ValueError(f"style '{style}': choose from {', '.join(STYLES)}")
        check_size(size)
        ensure_app()
        self.result = result
        self.size = (int(size[0]), int(size[1]))
        self.style = FIGURE_STYLES[style]
        self.last_step = int(result.stop_step.max()) if result.n_runs else 0
        n_configs = len(result.configs)
        colours = list(colours) if colours is not None else [
            PALETTE[c % len(PALETTE)] for c in range(n_configs)]
        if len(colours) != n_configs:
            raise ValueError(f"{len(colours)} colours for {n_configs} optimizers")
        self._config_colours = colours
        self._labels = list(labels) if labels is not None else [
            optimizer_label(c) for c in result.configs]
        self._mechanics = mechanics
        self._show_step = show_step
        w, h = self.size
        self.scale = max(min(w / BASE_SIZE[0], h / BASE_SIZE[1]), MIN_SCALE)
        self.dpi = _layout_dpi()
        self.logical = (w / self.scale, h / self.scale)

        self._build_canvas(view)
        self.loss_plot = self._build_loss() if loss else None
        self._build_side()
        self._layout()
        self.set_step(self.last_step if step is None else step)

    # -- construction -----------------------------------------------------------------------
    def _build_canvas(self, view: Extent | None) -> None:
        result = self.result
        canvas = self.canvas = ContourCanvas()
        # enough contour samples that the image is not upscaled at the export size
        canvas.grid_size = int(np.clip(0.8 * min(self.size), canvas.grid_size, MAX_GRID))
        canvas.set_function(result.function)
        plot = canvas.plot_item
        function = result.function
        for side in ("bottom", "left"):
            plot.getAxis(side).setLabel(side == "bottom" and "x" or "y",
                                        **{"font-size": "11pt", "color": TEXT_COLOUR})
        self._apply_style(canvas)
        canvas.set_starts(result.starts)
        n = result.n_runs
        colours = self.run_colours
        styles = self.run_styles
        flags = ["diverged" if result.status[i] == DIVERGED else "" for i in range(n)]
        # the figure has its own legend beside the canvas: the canvas's in-plot one stays hidden
        canvas.set_runs([result.paths[i] for i in range(n)],
                        [int(s) for s in result.stop_step], colours, styles, flags, [])
        self._view = view if view is not None else fit_extent(result, function.bounds)

    def _set_title(self, width: float) -> None:
        """The function's name, and its formula below when it fits in ``width``."""
        function = self.result.function
        plot = self.canvas.plot_item
        name_font = QFont(plot.titleLabel.item.font())
        name_font.setPointSizeF(TITLE_PT)
        title = _fitted(function.title, name_font, width)
        text = f"<span style='font-size:{TITLE_PT}pt'>{html.escape(title)}</span>"
        formula = f"f(x, y) = {function.formula}"
        note_font = QFont(name_font)
        note_font.setPointSizeF(NOTE_PT)
        two_lines = (bool(function.formula) and function.formula not in function.title
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

    def _build_side(self) -> None:
        """The legend (and step counter) in a scene of their own."""
        self.side = QGraphicsScene()
        self.legend = pg.LegendItem(offset=None, labelTextColor=TEXT_COLOUR,
                                    labelTextSize=f"{LEGEND_PT}pt", verSpacing=-4)
        # a legend floats over a plot at a fixed pixel size; this one scales with the figure
        self.legend.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, False)
        self.side.addItem(self.legend)
        result = self.result
        for label, colour in zip(self._labels, self._config_colours, strict=True):
            self.legend.addItem(ci.LineSample(*ci.path_pens(colour, Qt.PenStyle.SolidLine)),
                                html.escape(label))
        if len(result.starts) > 1:
            for s, xy in enumerate(result.starts):
                pen, halo = ci.path_pens("#606060", start_style(s))
                self.legend.addItem(ci.LineSample(pen, halo), f"from {_point(xy)}")
        self.legend.addItem(pg.ScatterPlotItem(symbol="o", size=ci.START_SIZE,
                                               pen=ci.START_PEN, brush=ci.START_BRUSH),
                            "start point")
        if len(np.asarray(result.function.minima).reshape(-1, 2)):
            self.legend.addItem(pg.ScatterPlotItem(symbol="star", size=16, pen=ci.MINIMUM_PEN,
                                                   brush=ci.MINIMUM_BRUSH), "known minimum")
        diverged = [i for i in range(result.n_runs) if result.status[i] == DIVERGED]
        if diverged:
            runs = "".join(f"<br><span style='font-size:{NOTE_PT}pt; color:{NOTE_COLOUR}'>"
                           f"{html.escape(self._run_name(i))}</span>" for i in diverged[:4])
            if len(diverged) > 4:
                runs += f"<br>and {len(diverged) - 4} more"
            self.legend.addItem(
                pg.ScatterPlotItem(symbol="x", size=14, pen=ci.CROSS_PEN, brush=ci.CROSS_BRUSH),
                "diverged" + runs)
        if self._mechanics:
            for label, pen, halo in ci.ARROW_KINDS.values():
                self.legend.addItem(ci.LineSample(pen, halo), label)
        activate_layout(self.legend)
        self.legend.updateSize()
        self.step_label = pg.LabelItem("", color=TEXT_COLOUR, size="10pt", justify="left")
        self.side.addItem(self.step_label)
        self.step_label.setPos(0.0, self.legend.height() + 6.0)
        self.step_label.setVisible(self._show_step)
        self.summary = pg.LabelItem("", color=TEXT_COLOUR, justify="left")
        self.side.addItem(self.summary)
        self.summary.setVisible(False)

    def _summary_html(self) -> str:
        """How each run ended (as the window's results table), for a still image."""
        result = self.result
        lines = []
        for i in range(min(result.n_runs, SUMMARY_RUNS)):
            colour = self.run_colours[i]
            lines.append(f"<span style='color:{colour}'>\u25a0</span> "
                         f"{html.escape(self._run_label(i))}<br>"
                         f"<span style='color:{NOTE_COLOUR}'>&nbsp;&nbsp;&nbsp;"
                         f"{self._outcome(i)}</span>")
        if result.n_runs > SUMMARY_RUNS:
            lines.append(f"<span style='color:{NOTE_COLOUR}'>and {result.n_runs - SUMMARY_RUNS}"
                         " more runs</span>")
        return (f"<span style='font-size:{NOTE_PT}pt'><b>Runs</b><br>"
                + "<br>".join(lines) + "</span>")

    def _outcome(self, i: int) -> str:
        """``converged at step 516, f = 0.00136`` (non-breaking), or how it diverged."""
        result = self.result
        step = int(result.event_step[i])
        if result.status[i] == DIVERGED:
            return f"diverged at step {step}"
        loss = f"{float(result.final_loss[i]):.3g}".replace("-", "\u2212")
        ended = f"converged at step {step}" if result.status[i] == CONVERGED else f"{step} steps"
        return f"{ended}, f = {loss}".replace(" ", "&nbsp;")

    def _run_label(self, i: int) -> str:
        result = self.result
        config = result.configs[int(result.config_index[i])]
        return f"{config.spec.title} from {_point(result.starts[int(result.start_index[i])])}"

    def _run_name(self, i: int) -> str:
        result = self.result
        config = result.configs[int(result.config_index[i])]
        start = result.starts[int(result.start_index[i])]
        return f"{config.spec.title} from {_point(start)}, step {int(result.event_step[i])}"

    # -- layout -----------------------------------------------------------------------------
    def _layout(self) -> None:
        """Place the canvas, the loss plot and the side column in the logical frame."""
        lw, lh = self.logical
        legend_size = self.legend.boundingRect().size()
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
            summary_h = self._place_summary(side_w - 8.0, legend_h + 10.0, lh - top)
            self.side_rect = QRectF(side_x, top, side_w, legend_h + summary_h)
        self._place(self.canvas.layout_widget.ci, self.canvas_rect.size())
        if self.loss_plot is not None:
            self._place(self.loss_plot.plot_item, self.loss_rect.size())
        self.canvas.fit_view(self._view)
        self._place(self.canvas.layout_widget.ci, self.canvas_rect.size())
        self._settle_canvas()
        for item in _scene_items(self):
            # draw everything afresh at the export resolution, never from a screen cache
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
            if isinstance(item, pg.PlotCurveItem):
                item.setSegmentedLineMode("off")  # one smooth path (and one SVG element)

    def _place_summary(self, width: float, y: float, bottom: float) -> float:
        """Show the runs' outcomes below the legend when they fit above ``bottom``; returns
        the height they add."""
        if self._show_step or width < 120.0:
            return 0.0
        self.summary.setText(self._summary_html())
        self.summary.item.setTextWidth(width)
        height = self.summary.item.boundingRect().height()
        if y + height > bottom:
            return 0.0
        self.summary.setPos(0.0, y)
        self.summary.setVisible(True)
        return height + 10.0

    @staticmethod
    def _place(root, size) -> None:
        root.setGeometry(QRectF(QPointF(0, 0), size))
        activate_layout(root)

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
        """Each run's line style (its start point's)."""
        return [start_style(s) for s in self.result.start_index]

    def key_colours(self) -> list[str]:
        """Colours of the small marks that must stay exact in a paletted image (``#RRGGBB``):
        the optimizers' colours and outlines, the markers and the text."""
        colours = list(self._config_colours)
        colours += [ci.halo_colour(c).name() for c in self._config_colours]
        colours += [ci.CROSS_BRUSH.color().name(), ci.START_BRUSH.color().name(),
                    ci.MINIMUM_PEN.color().name(), TEXT_COLOUR, NOTE_COLOUR]
        return [QColor(c).name() for c in colours]

    def set_step(self, k: int) -> None:
        """Draw every path up to step ``k`` (the loss cursor and step counter follow)."""
        self.step = int(np.clip(k, 0, max(self.result.n_steps, 0)))
        self.canvas.set_step(self.step)
        if self._mechanics:
            self.canvas.set_mechanics(mechanics_at(self.result, self.step))
        if self.loss_plot is not None:
            self.loss_plot.set_step(self.step)
        if self._show_step:
            self.step_label.setText(STEP_TEXT.format(k=self.step, n=self.last_step))

    def map_to_pixel(self, x: float, y: float) -> tuple[float, float]:
        """Where the function-space point (x, y) lands in the exported image, in pixels."""
        p = self.canvas.plot_item.getViewBox().mapViewToScene(QPointF(x, y))
        return (float((self.canvas_rect.x() + p.x()) * self.scale),
                float((self.canvas_rect.y() + p.y()) * self.scale))

    def view_extent(self) -> Extent:
        return self.canvas.view_extent()

    # -- rendering ---------------------------------------------------------------------------
    def panels(self) -> list[tuple[QGraphicsScene, QRectF]]:
        """Each scene the figure is drawn from, with its place in the logical frame."""
        panels = [(self.canvas.layout_widget.scene(), self.canvas_rect),
                  (self.side, self.side_rect)]
        if self.loss_plot is not None:
            panels.append((self.loss_plot.plot_widget.scene(), self.loss_rect))
        return panels

    def view_boxes(self) -> list[tuple[pg.ViewBox, QRectF]]:
        """Every visible view box (they clip what they hold), with its rectangle in the
        exported image, in pixels."""
        out = []
        for scene, rect in self.panels():
            for item in scene.items():
                if isinstance(item, pg.ViewBox) and item.isVisible():
                    r = item.sceneBoundingRect()
                    out.append((item, self._to_pixels(r.translated(rect.topLeft()))))
        return out

    def _to_pixels(self, rect: QRectF) -> QRectF:
        s = self.scale
        return QRectF(rect.x() * s, rect.y() * s, rect.width() * s, rect.height() * s)

    def paint(self, painter: QPainter, layer: object = None) -> None:
        """Paint the figure on ``painter`` (its device is ``size`` pixels).

        ``layer`` None paints everything; :data:`FRAME` everything but what the view boxes
        hold (no background); a view box from :meth:`view_boxes` only what it holds. A vector
        device that cannot clip (QSvgGenerator) paints the layers one by one and clips them
        itself.
        """
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        if layer is None or layer is FRAME:
            w, h = self.size
            painter.fillRect(QRectF(0, 0, w, h), QColor("white"))
        opts = {"antialias": True, "background": QColor("white"), "painter": painter,
                "resolutionScale": self.scale}
        for scene, rect in self.panels():
            if isinstance(layer, pg.ViewBox) and layer.scene() is not scene:
                continue
            tops = [item for item in scene.items() if item.parentItem() is None]
            hidden = _hide_for(layer, scene, tops)
            # as pyqtgraph's exporters: items draw for export (antialiased, symbols scaled)
            for item in tops:
                _set_export_mode(item, opts)
            try:
                scene.render(painter, self._to_pixels(rect), QRectF(QPointF(0, 0), rect.size()),
                             Qt.AspectRatioMode.IgnoreAspectRatio)
            finally:
                for item in tops:
                    _set_export_mode(item, None)
                for item, opacity in hidden:
                    item.setOpacity(opacity)

    def image(self) -> QImage:
        """The figure as an RGB image of ``size`` pixels."""
        image = QImage(*self.size, QImage.Format.Format_RGB32)
        # text is laid out at the screen's resolution: paint it at the same one (a QImage
        # defaults to 72 dpi, which would shrink every label inside its laid-out box)
        dots_per_metre = round(self.dpi / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        painter = QPainter(image)
        try:
            self.paint(painter)
        finally:
            painter.end()
        return image

    def array(self) -> np.ndarray:
        """The figure as an (H, W, 3) uint8 array."""
        image = self.image().convertToFormat(QImage.Format.Format_RGB888)
        w, h = self.size
        ptr = image.constBits()
        return np.array(ptr, dtype=np.uint8).reshape(h, image.bytesPerLine())[:, :3 * w] \
            .reshape(h, w, 3).copy()

    def png_bytes(self) -> bytes:
        return image_bytes(self.image())

    def __enter__(self) -> TrajectoryFigure:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Delete the widgets and scenes now. Left to the garbage collector, pyqtgraph's
        reference cycles can outlive the QApplication and crash the interpreter at exit."""
        for obj in (self.side, self.canvas, self.loss_plot):
            if obj is not None and shiboken6.isValid(obj):
                shiboken6.delete(obj)
        self.loss_plot = None


def _fitted(text: str, font: QFont, width: float) -> str:
    """``text``, elided to ``width`` pixels in ``font``."""
    return QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, max(width, 20.0))


def _layout_dpi() -> float:
    """The resolution fonts are measured at when the figure is laid out."""
    screen = QApplication.primaryScreen()
    return float(screen.logicalDotsPerInch()) if screen is not None else 96.0


def image_bytes(image: QImage, fmt: str = "PNG") -> bytes:
    """``image`` encoded as ``fmt`` (PNG, JPG, BMP)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, fmt):
        raise OSError(f"could not encode the image as {fmt}")
    buffer.close()
    return bytes(data.data())


def activate_layout(root) -> None:
    """Lay out ``root`` and every nested layout now (pyqtgraph posts LayoutRequest events)."""
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        layout = root.layout() if callable(getattr(root, "layout", None)) else root.layout
        if layout is not None:
            layout.activate()


def _hide_for(layer, scene: QGraphicsScene, tops: list) -> list:
    """Make transparent what ``layer`` leaves out (see :meth:`TrajectoryFigure.paint`);
    returns (item, opacity) pairs to restore. Opacity, unlike visibility, never relayouts."""
    hide = []
    if layer is FRAME:
        hide = [item.childGroup for item in scene.items() if isinstance(item, pg.ViewBox)]
    elif isinstance(layer, pg.ViewBox):
        chain = [layer.childGroup]
        while chain[-1].parentItem() is not None:
            chain.append(chain[-1].parentItem())
        keys = {_key(item) for item in chain}
        for parent in chain[1:]:
            hide += [c for c in parent.childItems() if _key(c) not in keys]
        hide += [item for item in tops if _key(item) not in keys]
    hidden = [(item, item.opacity()) for item in hide]
    for item in hide:
        item.setOpacity(0.0)
    return hidden


def _key(item) -> int:
    return shiboken6.getCppPointer(item)[0]


def _set_export_mode(root, opts: dict | None) -> None:
    """``setExportMode`` on ``root`` and everything under it, as pyqtgraph's
    ``Exporter.setExportMode`` (which needs a view; the figure's scenes have none)."""
    stack = [root]
    while stack:
        item = stack.pop()
        if hasattr(item, "setExportMode"):
            item.setExportMode(opts is not None, opts)
        stack.extend(item.childItems())


def _layout_items(layout) -> list:
    out = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is not None:
            out.append(item.graphicsItem() if hasattr(item, "graphicsItem") else item)
    return out


def _scene_items(figure: TrajectoryFigure) -> list:
    scenes = [figure.canvas.layout_widget.scene(), figure.side]
    if figure.loss_plot is not None:
        scenes.append(figure.loss_plot.plot_widget.scene())
    return [item for scene in scenes for item in scene.items()]
