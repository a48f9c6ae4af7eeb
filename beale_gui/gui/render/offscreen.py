"""The one offscreen renderer: a figure laid out at one base size and painted at any pixel size.

The trajectory figure (:mod:`.trajectory`), the basin map (:mod:`.basins`) and the search plot
(:mod:`.search`) are each an :class:`OffscreenFigure`: they build the window's own widgets, never
shown, and lay out their pyqtgraph layouts in a *logical* frame near :data:`BASE_SIZE`, whose
fonts and pens read well; the renderer paints that frame scaled to the export size. So a
1600 x 1200 PNG looks like the window at twice the resolution, and the window, the export dialog
and the command line all draw through the same code. A figure paints to a QPainter (SVG:
:func:`~beale_gui.gui.render.svg.svg_bytes` paints it layer by layer), a QImage, PNG bytes or
an array.
"""

from __future__ import annotations

import os
import sys
from typing import TypeVar

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsScene

from ...export.targets import check_size
from ..views.lifetime import release_plots, release_scene

__all__ = ["BASE_SIZE", "FRAME", "OffscreenFigure", "activate_layout", "contour_samples",
           "ensure_app", "image_bytes"]

BASE_SIZE = (800.0, 540.0)  # the logical layout the fonts and pens are sized for
MIN_SCALE = 0.5  # a small image is laid out at most twice its size, so its text stays readable
MAX_GRID = 1000  # contour samples per axis at the largest export sizes
FRAME = "frame"  # OffscreenFigure.paint's layer of everything outside the view boxes

_Figure = TypeVar("_Figure", bound="OffscreenFigure")


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


def contour_samples(default: int, size: tuple[int, int]) -> int:
    """Contour samples per axis for a canvas exported at ``size`` pixels: enough that its
    image is not upscaled, from the canvas's ``default`` up to :data:`MAX_GRID`."""
    return int(np.clip(0.8 * min(size), default, MAX_GRID))


class OffscreenFigure:
    """Scenes laid out in a logical frame and painted at ``size`` pixels.

    A subclass builds its widgets, lays them out with :meth:`place` in the frame
    ``logical`` (``size`` / ``scale``) and calls :meth:`prepare_items` once they are built. A
    figure of one window view sets :attr:`view`; one of several scenes says in :meth:`panels`
    where each goes and in :meth:`owned` what :meth:`close` deletes.

    Parameters
    ----------
    size : (int, int)
        Export size in pixels.
    """

    #: Paint images (the contour fill) smoothly when scaled; False keeps their cells crisp.
    smooth_images = True
    #: The window view drawn alone over the whole frame: a widget with a ``layout_widget``.
    view = None

    def __init__(self, size: tuple[int, int]) -> None:
        check_size(size)
        ensure_app()
        self.size = (int(size[0]), int(size[1]))
        w, h = self.size
        self.scale = max(min(w / BASE_SIZE[0], h / BASE_SIZE[1]), MIN_SCALE)
        self.dpi = _layout_dpi()
        self.logical = (w / self.scale, h / self.scale)

    # -- what a figure provides -------------------------------------------------------------
    def panels(self) -> list[tuple[QGraphicsScene, QRectF]]:
        """Each scene the figure is drawn from, with its place in the logical frame."""
        return [(self.view.layout_widget.scene(), QRectF(0.0, 0.0, *self.logical))]

    def owned(self) -> tuple:
        """The widgets and scenes :meth:`close` deletes."""
        return (self.view,)

    # -- layout -----------------------------------------------------------------------------
    @staticmethod
    def place(root, size: QSizeF) -> None:
        """Give the layout ``root`` the logical ``size`` and lay it out now."""
        root.setGeometry(QRectF(QPointF(0, 0), size))
        activate_layout(root)

    def prepare_items(self) -> None:
        """Make every item draw afresh at the export resolution, never from a screen cache,
        and each curve as one smooth path (and one SVG element)."""
        for scene, _ in self.panels():
            for item in scene.items():
                item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
                if isinstance(item, pg.PlotCurveItem):
                    item.setSegmentedLineMode("off")

    # -- rendering ---------------------------------------------------------------------------
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
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self.smooth_images)
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

    def __enter__(self: _Figure) -> _Figure:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Delete the widgets and scenes now, and what pyqtgraph made for them that no widget
        owns. Left to the garbage collector, pyqtgraph's reference cycles can outlive the
        QApplication and crash the interpreter at exit (:mod:`..views.lifetime`)."""
        for obj in self.owned():
            if obj is None or not shiboken6.isValid(obj):
                continue
            if isinstance(obj, QGraphicsScene):
                release_scene(obj)
            else:
                release_plots(obj)
            shiboken6.delete(obj)


def _layout_dpi() -> float:
    """The resolution fonts are measured at when a figure is laid out."""
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
    """Make transparent what ``layer`` leaves out (see :meth:`OffscreenFigure.paint`);
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
