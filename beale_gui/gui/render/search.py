"""A search result drawn offscreen, for ``python main.py search --out``.

:class:`SearchFigure` draws the window's own :class:`~beale_gui.gui.views.search_plot.SearchPlot`
(a heatmap, sampled points or a curve) through the offscreen renderer (:mod:`.offscreen`), so
fonts and markers keep their proportions at any size.
"""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage

from ...core.search import SearchResult
from ..views.search_plot import SearchPlot
from .offscreen import OffscreenFigure, activate_layout


class SearchFigure(OffscreenFigure):
    """``result`` drawn as in the window, offscreen, at ``size`` pixels, under ``title``."""

    smooth_images = False  # each cell of a heatmap stays a crisp rectangle, as in the window

    def __init__(self, result: SearchResult, size: tuple[int, int], title: str = "") -> None:
        super().__init__(size)
        self.view = SearchPlot(show_hint=False)
        root = self.view.layout_widget.ci
        self.place(root, QSizeF(*self.logical))
        self.view.set_result(result, title)
        activate_layout(root)
        self.prepare_items()


def search_image(result: SearchResult, size: tuple[int, int], title: str = "") -> QImage:
    """``result`` drawn as in the window, offscreen, as an image of exactly ``size`` pixels."""
    with SearchFigure(result, size, title) as figure:
        return figure.image()
