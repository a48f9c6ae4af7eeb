"""The basin map on the canvas: an overlay image, a hatch over the diverged cells, and its key.

:class:`BasinOverlay` draws a :class:`~beale_gui.core.basins.BasinMap` on a canvas's plot: one
cell per start point, coloured by the minimum (global or local) or cluster it reached, grey
where it did not converge, semi-transparent between the contour fill and the isolines; the
cells that diverged are left clear and hatched. While the map is shown its key, each outcome's
share of the cells, takes the place of the log f colour bar beside the plot, so it never covers
the map.
:class:`~beale_gui.gui.controllers.basins.BasinController` adds it to the main window with the
"Basin map" dock (:class:`~beale_gui.gui.forms.basin_panel.BasinPanel`) and computes the map;
:class:`~beale_gui.gui.render.basins.BasinFigure` draws the same canvas and overlay offscreen.
"""

from __future__ import annotations

import html
import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QSizePolicy

from ...core.basins import BasinMap, BasinOutcome
from ...core.i18n import QT_TRANSLATE_NOOP
from . import canvas_items as ci
from .lifetime import clear_legend

# Paul Tol's "bright" then "muted" qualitative colours: told apart with every common colour-vision
# deficiency, and unlike the optimizers' Okabe-Ito colours, so a basin never reads as a path.
BASIN_COLOURS = ("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#332288",
                 "#DDCC77", "#44AA99", "#999933", "#882255", "#88CCEE")
DIVERGED_COLOUR = "#404040"   # the hatch over the diverged cells, which are left clear
NOT_CONVERGED_COLOUR = "#9A9A9A"
Z_BASINS = (ci.Z_IMAGE + ci.Z_ISOLINES) / 2   # over the contour fill, under the isolines
DEFAULT_OPACITY = 0.75
SHADE_DEPTH = 0.75   # in "steps" colouring the slowest cells keep a quarter of their brightness
# colouring -> its name (English; shown as translate("BasinOverlay", name))
MODES = {"outcome": QT_TRANSLATE_NOOP("BasinOverlay", "Outcome"),
         "steps": QT_TRANSLATE_NOOP("BasinOverlay", "Outcome, darker = slower")}
translate = QCoreApplication.translate


def outcome_colour(code: int, slots: np.ndarray | None = None) -> str:
    """The colour of an outcome code: a target's (through its colour slot, when the map has
    more targets than colours: :meth:`~beale_gui.core.basins.BasinMap.colour_slots`),
    ``DIVERGED`` or ``NOT_CONVERGED``."""
    if code == BasinOutcome.DIVERGED:
        return DIVERGED_COLOUR
    if code == BasinOutcome.NOT_CONVERGED:
        return NOT_CONVERGED_COLOUR
    slot = int(code) if slots is None else int(slots[int(code)])
    return BASIN_COLOURS[slot % len(BASIN_COLOURS)]


def hatch_brush() -> QBrush:
    """The diverged cells' neutral hatch."""
    return QBrush(QColor(DIVERGED_COLOUR), Qt.BrushStyle.BDiagPattern)


def steps_range(bmap: BasinMap) -> tuple[int, int] | None:
    """Fewest and most steps of the cells that did not diverge, or None if all diverged."""
    steps = bmap.steps[bmap.outcome != BasinOutcome.DIVERGED]
    return (int(steps.min()), int(steps.max())) if steps.size else None


def basin_rgba(bmap: BasinMap, mode: str = "outcome") -> np.ndarray:
    """The map as an RGBA image, shape (grid, grid, 4) uint8, indexed ``[iy, ix]`` (row 0 at
    the bottom); diverged cells are clear (the overlay hatches them). ``mode`` ``"steps"``
    darkens each cell linearly with the steps it took."""
    codes = bmap.outcome_codes                  # targets, NOT_CONVERGED, DIVERGED
    slots = bmap.colour_slots(len(BASIN_COLOURS))
    lut = np.array([QColor(outcome_colour(c, slots)).getRgb() for c in codes], dtype=np.uint8)
    lut[-1] = 0
    k = len(bmap.targets)
    outcome = bmap.outcome
    index = np.where(outcome >= 0, outcome,
                     np.where(outcome == BasinOutcome.NOT_CONVERGED, k, k + 1))
    rgba = lut[index]
    span = steps_range(bmap)
    if mode == "steps" and span is not None and span[1] > span[0]:
        t = (bmap.steps - span[0]) / (span[1] - span[0])
        shade = np.where(outcome == BasinOutcome.DIVERGED, 1.0, 1.0 - SHADE_DEPTH * t)
        rgba[..., :3] = np.round(rgba[..., :3] * shade[..., None]).astype(np.uint8)
    return rgba


class _Legend(pg.LegendItem):
    """A legend that takes its own clicks (so clicking it adds no start point)."""

    def mouseClickEvent(self, ev) -> None:  # noqa: N802
        ev.accept()


class BasinOverlay:
    """A basin map drawn on ``plot``: an image item over the map's extent, a hatch over its
    diverged cells, and a key that stands in for the plot's colour bar while shown."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.bmap: BasinMap | None = None
        self.mode = "outcome"
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(Z_BASINS)
        self.image.setOpacity(DEFAULT_OPACITY)
        self.image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.image.setVisible(False)
        plot.addItem(self.image, ignoreBounds=True)
        self.hatch = QGraphicsPathItem()
        self.hatch.setBrush(hatch_brush())
        self.hatch.setPen(pg.mkPen(None))
        self.hatch.setZValue(Z_BASINS)
        self.hatch.setVisible(False)
        plot.addItem(self.hatch, ignoreBounds=True)
        self.legend = _Legend(offset=None, brush=ci.LEGEND_BRUSH, pen=ci.LEGEND_PEN,
                              labelTextColor="#101010", labelTextSize="9pt", verSpacing=-6)
        self.legend.setZValue(1000)
        self.legend.setVisible(False)
        self._bar_cell: tuple[pg.GraphicsWidget, int, int] | None = None  # while swapped

    def set_map(self, bmap: BasinMap, mode: str | None = None) -> None:
        """Draw ``bmap`` (in ``mode``, default the current one) and fill the key."""
        self.bmap = bmap
        self.set_mode(mode or self.mode)
        (x0, x1), (y0, y1) = bmap.xrange, bmap.yrange
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        path = QPainterPath()
        for x, y, w, h in bmap.outcome_rects(BasinOutcome.DIVERGED).tolist():
            path.addRect(QRectF(x, y, w, h))
        self.hatch.setPath(path)

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"colouring '{mode}': choose from {', '.join(MODES)}")
        self.mode = mode
        if self.bmap is not None:
            self.image.setImage(basin_rgba(self.bmap, mode), autoLevels=False)
            self._fill_legend()

    def set_opacity(self, opacity: float) -> None:
        self.image.setOpacity(float(np.clip(opacity, 0.0, 1.0)))

    def set_visible(self, visible: bool) -> None:
        shown = bool(visible) and self.bmap is not None
        self.image.setVisible(shown)
        self.hatch.setVisible(shown)
        self._show_key(shown)

    def is_visible(self) -> bool:
        return self.image.isVisible()

    def clear(self) -> None:
        self.bmap = None
        self.set_visible(False)
        self.image.clear()   # the dropped map's colours go too
        self.hatch.setPath(QPainterPath())
        clear_legend(self.legend)

    def legend_labels(self) -> list[str]:
        """The key's text, row by row (HTML removed)."""
        return [html.unescape(_strip_tags(label.text)) for _, label in self.legend.items]

    def colour_bar(self) -> pg.GraphicsWidget | None:
        """The plot's colour bar (in its layout, or set aside while the key stands in)."""
        if self._bar_cell is not None:
            return self._bar_cell[0]
        layout = self.plot.layout
        for row in range(layout.rowCount()):
            for col in range(layout.columnCount()):
                item = layout.itemAt(row, col)
                if isinstance(item, pg.ColorBarItem):
                    return item
        return None

    def _show_key(self, shown: bool) -> None:
        """Put the key in the colour bar's place beside the plot (shown), or the bar back."""
        layout = self.plot.layout
        if shown and self._bar_cell is None:
            bar = self.colour_bar()
            row, col = (2, layout.columnCount()) if bar is None else _cell_of(layout, bar)
            if bar is not None:
                layout.removeItem(bar)
                bar.setVisible(False)
            self._bar_cell = (bar, row, col)
            layout.addItem(self.legend, row, col)
            layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignTop)
            self.legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self.legend.setVisible(True)
        elif not shown and self._bar_cell is not None:
            bar, row, col = self._bar_cell
            self._bar_cell = None
            layout.removeItem(self.legend)
            self.legend.setVisible(False)
            if bar is not None:
                layout.addItem(bar, row, col)
                bar.setVisible(True)
        layout.activate()   # place it now (a layout left to its event may wait for a resize)

    def _fill_legend(self) -> None:
        bmap = self.bmap
        legend = self.legend
        clear_legend(legend)
        legend.addItem(ci.LineSample(None), translate("BasinOverlay", "<b>Basins</b> of {0}")
                       .format(html.escape(bmap.optimizer)))
        cells = bmap.outcome.size
        slots = bmap.colour_slots(len(BASIN_COLOURS))
        for code, label, count in bmap.summary():
            if code is not None and code < 0 and count == 0:
                continue   # list every target, and a failure only when it happened
            brush = (pg.mkBrush(255, 255, 255, 0) if code is None else hatch_brush()
                     if code == BasinOutcome.DIVERGED else outcome_colour(code, slots))
            sample = pg.ScatterPlotItem(symbol="s", size=12, pen=pg.mkPen("#303030", width=0.8),
                                        brush=brush)
            legend.addItem(sample, key_row(label, count, cells))
        span = steps_range(bmap)
        if self.mode == "steps" and span is not None:
            legend.addItem(ci.LineSample(None),
                           translate("BasinOverlay", "darker = slower: {0} to {1} steps")
                           .format(span[0], span[1]))


def _cell_of(layout, item) -> tuple[int, int]:
    for row in range(layout.rowCount()):
        for col in range(layout.columnCount()):
            if layout.itemAt(row, col) is item:
                return row, col
    return 2, layout.columnCount()


def key_row(label: str, count: int, cells: int) -> str:
    """A key row as the legend's rich text: ``min 1 (3, 2)  26.7%``, every part escaped (a
    share of ``<0.1%`` read as the start of a tag would vanish)."""
    return f"{html.escape(label)}&nbsp;&nbsp;{html.escape(_share(count, cells))}"


def _share(count: int, total: int) -> str:
    """``"26.7%"``; ``"<0.1%"`` for a few cells, so that "0.0%" always means none."""
    share = 100.0 * count / total
    return "<0.1%" if 0 < share < 0.05 else f"{share:.1f}%"


def map_title(bmap: BasinMap, translated: bool = False) -> str:
    """``adam(lr=0.05), 60\u00d760 starts, 2000 steps`` (in the interface language when
    ``translated``; exported figures stay English)."""
    if translated:
        return translate("BasinOverlay", "{0}, {1}\u00d7{1} starts, {2} steps").format(
            bmap.optimizer, bmap.grid, bmap.max_steps)
    return f"{bmap.optimizer}, {bmap.grid}\u00d7{bmap.grid} starts, {bmap.max_steps} steps"


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>]*>", "", text)
