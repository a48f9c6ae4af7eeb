"""A basin map over its function's contours, offscreen, for ``python main.py basins --out``.

:class:`BasinFigure` draws the window's own canvas and basin overlay
(:class:`~beale_gui.gui.views.basin_overlay.BasinOverlay`) through the offscreen renderer
(:mod:`.offscreen`), so text reads the same at every size.
"""

from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtCore import QSizeF
from PySide6.QtWidgets import QGraphicsItem

from ...core.basins import BasinMap
from ...core.functions import TestFunction
from ..views.basin_overlay import DEFAULT_OPACITY, BasinOverlay, map_title
from ..views.canvas import ContourCanvas
from .offscreen import OffscreenFigure, activate_layout, contour_samples


class BasinFigure(OffscreenFigure):
    """A basin map over its function's contours, drawn offscreen by the window's canvas and
    overlay at ``size`` pixels.

    Parameters
    ----------
    bmap : BasinMap
    function : TestFunction
        The function the map was computed on; its contours are drawn under the map.
    size : (int, int)
        Export size in pixels.
    mode : ``"outcome"`` or ``"steps"``
        The overlay's colouring.
    opacity : float
        The overlay's opacity.
    """

    smooth_images = False  # each cell of the map stays a crisp square, as in the window

    def __init__(self, bmap: BasinMap, function: TestFunction,
                 size: tuple[int, int] = (1600, 1200), mode: str = "outcome",
                 opacity: float = DEFAULT_OPACITY) -> None:
        super().__init__(size)
        canvas = self.view = ContourCanvas()
        canvas.grid_size = contour_samples(canvas.grid_size, self.size)
        canvas.set_function(function)
        title = f"{function.title}: basins of {map_title(bmap)}"
        canvas.plot_item.setTitle(f"<span style='color:#202020'>{html.escape(title)}</span>")
        self.overlay = BasinOverlay(canvas.plot_item)
        self.overlay.set_map(bmap, mode)
        self.overlay.set_opacity(opacity)
        self.overlay.set_visible(True)
        # a legend keeps its pixel size over a zoomed plot; this one scales with the figure
        self.overlay.legend.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations,
                                    False)
        root = canvas.layout_widget.ci
        self.place(root, QSizeF(*self.logical))
        canvas.fit_view((bmap.xrange, bmap.yrange))
        self.place(root, QSizeF(*self.logical))
        canvas.settle()   # the contours of the final view now (the figure has no event loop)
        activate_layout(root)
        self.prepare_items()

    def map_to_pixel(self, x: float, y: float) -> tuple[float, float]:
        """Where the function-space point (x, y) lands in the image, in pixels."""
        p = self.view.plot_item.getViewBox().mapViewToScene(pg.Point(x, y))
        return float(p.x() * self.scale), float(p.y() * self.scale)
