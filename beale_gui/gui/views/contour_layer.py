"""The contour canvas's contour layer: a function's filled log contours, isolines and colour bar.

The layer samples the function over a range, one sample per screen pixel
(:func:`~beale_gui.core.contours.grid_shape`), and draws the image and the isolines with a
colour scale and levels made from what is visible (:func:`~beale_gui.core.contours.view_scale`),
so the colours never saturate to one flat colour and a deep zoom keeps a usable scale. It
recomputes them once the view has settled (``RECOMPUTE_DELAY_MS`` after the last pan, zoom or
resize; ``settle`` does it at once for offscreen figures).
:class:`~beale_gui.gui.views.canvas.ContourCanvas` owns one.
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
        self._n_levels = 20
        self._computed: Extent | None = None
        self._computed_shape: tuple[int, int] | None = None
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
        """The colour scale and isoline levels of the contours drawn (made from the view they
        were computed for)."""
        return self._scale

    def set_function(self, function: TestFunction, extent: Extent, shape: tuple[int, int],
                     n_levels: int) -> None:
        """Show ``function`` with ``n_levels`` isolines: its contours over ``extent`` sampled
        on an (nx, ny) grid of ``shape``."""
        self._function = function
        self._n_levels = n_levels
        self._computed = self._computed_shape = None
        self.recompute(extent, shape)

    def schedule(self) -> None:
        """Fire ``due`` once the view has not moved for ``RECOMPUTE_DELAY_MS``."""
        self._timer.start()

    def settle(self) -> None:
        """Fire ``due`` now, without waiting for the debounce."""
        self._timer.stop()
        self.due.emit()

    def recompute(self, extent: Extent, shape: tuple[int, int]) -> bool:
        """Draw the contours over ``extent`` on an (nx, ny) grid of ``shape``, with a colour
        scale made from them, unless they already are; False before a function is set."""
        if self._function is None:
            return False
        if extent != self._computed or tuple(shape) != self._computed_shape:
            xs, ys, Z = contours.sample_grid(self._function, *extent, shape)
            self._scale = contours.view_scale(Z, self._n_levels)
            self._bar.setLevels(values=self._scale.colour_range)
            axis = self._bar.getAxis("left")
            if axis.labelText != self._scale.label:
                axis.setLabel(self._scale.label)
            self._draw_contours(xs, ys, Z)
            self._computed_shape = tuple(shape)
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
        """The contour image as drawn, shape (ny, nx) of log values (a copy)."""
        image = self._image.image
        return None if image is None else np.array(image)

    def contour_levels(self) -> tuple[float, float]:
        """The contour image's colour levels (low, high)."""
        lo, hi = self._image.getLevels()
        return float(lo), float(hi)

    def contour_rect(self) -> QRectF:
        """Where the contour image lies, in data coordinates."""
        return self._image.mapRectToParent(self._image.boundingRect())
