"""The contour canvas's contour layer: a function's filled log contours, isolines and colour bar.

The layer samples the function over a range, draws the image and the isolines with the colour
scale and levels fixed when the function is set, and recomputes them for the visible region
once the view has settled (``RECOMPUTE_DELAY_MS`` after the last pan or zoom; ``settle`` does it
at once for offscreen figures). :class:`~beale_gui.gui.views.canvas.ContourCanvas` owns one.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QRectF, QTimer, Signal
from PySide6.QtWidgets import QGraphicsItem

from ...core import contours
from ...core.functions import TestFunction
from . import canvas_items as ci
from .zoom_limits import Extent

RECOMPUTE_DELAY_MS = 60


class ContourLayer(QObject):
    """The contour image, its colour bar and the isolines in a canvas's plot.

    ``due`` fires when the view has settled after :meth:`schedule` (or at once from
    :meth:`settle`); the canvas then calls :meth:`recompute` with the visible range.
    """

    due = Signal()

    def __init__(self, plot: pg.PlotItem, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._function: TestFunction | None = None
        self._scale: contours.LogScale | None = None
        self._computed: Extent | None = None
        self._image = pg.ImageItem(axisOrder="row-major")
        self._image.setZValue(ci.Z_IMAGE)
        # the contours change only when the view does: keep them as pixmaps between frames
        self._image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.addItem(self._image, ignoreBounds=True)
        self._bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=pg.colormap.get(ci.COLOUR_MAP),
                                    label="log\u2081\u2080 f", interactive=False,
                                    colorMapMenu=False)
        self._bar.setImageItem(self._image, insert_in=plot)
        for side in ("left", "right", "top", "bottom"):
            self._bar.getAxis(side).setPen(ci.AXIS_PEN)
            self._bar.getAxis(side).setTextPen(ci.AXIS_PEN)
        self._isolines = pg.PlotCurveItem(pen=ci.ISOLINE_PEN)
        self._isolines.setZValue(ci.Z_ISOLINES)
        plot.addItem(self._isolines, ignoreBounds=True)
        self._isolines.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOMPUTE_DELAY_MS)
        self._timer.timeout.connect(self.due)

    @property
    def scale(self) -> contours.LogScale | None:
        """The function's colour scale and isoline levels (fixed until the next function)."""
        return self._scale

    def set_function(self, function: TestFunction, extent: Extent, grid_size: int,
                     n_levels: int) -> None:
        """Fix the colour scale and levels of ``function`` from its values over ``extent``
        and draw the contours there."""
        self._function = function
        (x0, x1), (y0, y1) = extent
        xs, ys, Z = contours.sample_grid(function, (x0, x1), (y0, y1), grid_size)
        self._scale = contours.log_scale(Z, n_levels)
        self._bar.setLevels(values=self._scale.colour_range)
        self._bar.getAxis("left").setLabel(self._scale.label)
        self._draw_contours(xs, ys, Z)

    def schedule(self) -> None:
        """Fire ``due`` once the view has not moved for ``RECOMPUTE_DELAY_MS``."""
        self._timer.start()

    def settle(self) -> None:
        """Fire ``due`` now, without waiting for the debounce."""
        self._timer.stop()
        self.due.emit()

    def recompute(self, extent: Extent, grid_size: int) -> bool:
        """Draw the contours over ``extent`` unless they already are; False before a
        function is set."""
        if self._function is None:
            return False
        if extent != self._computed:
            xs, ys, Z = contours.sample_grid(self._function, *extent, grid_size)
            self._draw_contours(xs, ys, Z)
        return True

    def _draw_contours(self, xs: np.ndarray, ys: np.ndarray, Z: np.ndarray) -> None:
        scale = self._scale
        self._image.setImage(scale.image(Z), autoLevels=False, levels=scale.colour_range)
        dx = (xs[-1] - xs[0]) / max(len(xs) - 1, 1)
        dy = (ys[-1] - ys[0]) / max(len(ys) - 1, 1)
        self._image.setRect(QRectF(xs[0] - dx / 2, ys[0] - dy / 2,
                                   xs[-1] - xs[0] + dx, ys[-1] - ys[0] + dy))
        lines = contours.join_polylines(contours.isolines(xs, ys, Z, scale.levels))
        self._isolines.setData(x=lines[:, 0], y=lines[:, 1], connect="finite")
        self._computed = ((float(xs[0]), float(xs[-1])), (float(ys[0]), float(ys[-1])))

    # -- what is drawn, read-only (for tests and export) --------------------------------------
    def isoline_data(self) -> tuple[np.ndarray, np.ndarray]:
        """The isolines as drawn (x, y with NaN separators); for tests and export."""
        x, y = self._isolines.getData()
        return (np.zeros(0), np.zeros(0)) if x is None else (x, y)

    def computed_extent(self) -> Extent | None:
        """The range the current contour image was computed for."""
        return self._computed

    def contour_image(self) -> np.ndarray | None:
        """The contour image as drawn, shape (grid, grid) of log values (a copy)."""
        image = self._image.image
        return None if image is None else np.array(image)

    def contour_levels(self) -> tuple[float, float]:
        """The contour image's colour levels (low, high)."""
        lo, hi = self._image.getLevels()
        return float(lo), float(hi)

    def contour_rect(self) -> QRectF:
        """Where the contour image lies, in data coordinates."""
        return self._image.mapRectToParent(self._image.boundingRect())
