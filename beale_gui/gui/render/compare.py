"""A comparison drawn offscreen, for ``python main.py compare --out``.

:class:`CompareFigure` draws the window's own :class:`~beale_gui.gui.views.compare_plot.ComparePlot`
(runtime profiles and outcome maps) through the offscreen renderer (:mod:`.offscreen`), as PNG
or, through :func:`~beale_gui.gui.render.svg.svg_bytes`, SVG.
"""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage

from ...core.compare import Comparison
from ..views.compare_plot import ComparePlot
from .offscreen import OffscreenFigure, activate_layout


class CompareFigure(OffscreenFigure):
    """``comparison`` drawn as in the window, offscreen, at ``size`` pixels; ``colours`` and
    ``title`` as :meth:`ComparePlot.set_comparison` takes them."""

    def __init__(self, comparison: Comparison, size: tuple[int, int],
                 colours: list[str] | None = None, title: str | None = None) -> None:
        super().__init__(size)
        self.svg_title = comparison.protocol.describe()
        self.view = ComparePlot()
        root = self.view.layout_widget.ci
        self.place(root, QSizeF(*self.logical))
        self.view.set_comparison(comparison, colours, title)
        activate_layout(root)
        self.prepare_items()


def compare_image(comparison: Comparison, size: tuple[int, int]) -> QImage:
    """``comparison`` drawn as in the window, offscreen, as an image of exactly ``size``."""
    with CompareFigure(comparison, size) as figure:
        return figure.image()
