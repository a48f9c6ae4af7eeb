"""The canvas's run legend: the optimizers and the mechanics arrows' key, never over the data.

The legend floats in the spot of the view (a corner first, then the middle of an edge) where
it covers no path (no segment of one either), start point or minimum
(:func:`~beale_gui.core.view_ranges.emptiest_spot`), chosen again when the runs, the points or
the view change; where every spot would cover something it moves outside the plot, into a
column right of the colour bar. It hides while another legend is shown over the plot (one
legend at a time). :class:`~beale_gui.gui.views.run_layer.RunLayer` owns one.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QSizePolicy

from ...core import view_ranges
from . import canvas_items as ci
from .lifetime import clear_legend

MARGIN = 8.0          # pixels between the legend and the view's edge
OUTSIDE = "outside"   # the spot right of the colour bar
OUTSIDE_CELL = (2, 6)  # its cell in the plot's layout (the colour bar is in column 5)


def _legend() -> pg.LegendItem:
    return pg.LegendItem(offset=None, brush=ci.LEGEND_BRUSH, pen=ci.LEGEND_PEN,
                         labelTextColor="#101010", labelTextSize="10pt")


class RunLegend:
    """The legend of a canvas's runs: ``set_entries`` fills it, ``place`` puts it where it
    covers nothing (given what to avoid), ``give_way`` hides it for another legend."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self._vb = plot.getViewBox()
        self._layout = plot.layout
        self._inside = _legend()
        self._inside.setParentItem(self._vb)
        self._inside.setZValue(1000)
        self._outside = _legend()
        # its rows' own size, not stretched over the plot's height
        self._outside.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        plot.layout.addItem(self._outside, *OUTSIDE_CELL)
        plot.layout.setAlignment(self._outside, Qt.AlignmentFlag.AlignTop)
        self._key: tuple | None = None     # what the legend items hold
        self._has_entries = False
        self._giving_way = False
        self._spot = ""
        self._place_at("top-left")
        self._show()

    # -- what it shows ------------------------------------------------------------------------
    def set_entries(self, runs: list[tuple[str, str]], arrows: tuple[str, ...],
                    tooltip: str) -> bool:
        """Show (label, colour) per optimizer and the key of the arrow ``arrows`` kinds;
        True when the rows changed (then :meth:`place` it again)."""
        key = (tuple(runs), arrows)
        self._has_entries = bool(runs or arrows)
        # set_mechanics runs every frame, and a click clears the runs and brings the same
        # optimizers back: refill only when the entries change (hidden, it keeps the old ones)
        changed = self._has_entries and key != self._key
        if changed:
            self._key = key
            self._fill(self.item, key)
        for legend in (self._inside, self._outside):
            if legend.toolTip() != tooltip:
                legend.setToolTip(tooltip)
        self._show()
        return changed

    def relabel(self, runs: list[tuple[str, str]]) -> bool:
        """Give the optimizers' rows the labels of ``runs`` in place, where only labels differ
        from the rows shown (a value being scrubbed: cheaper than new rows, and the legend
        stays where it is); False, changing nothing, when the rows themselves differ."""
        if self._key is None:
            return False
        shown, arrows = self._key
        if [c for _, c in runs] != [c for _, c in shown]:
            return False
        rows = self.item.items
        for i, ((label, _), (before, _)) in enumerate(zip(runs, shown, strict=True)):
            if label != before:
                rows[i][1].setText(label)
        self._key = (tuple(runs), arrows)
        self.item.layout.activate()
        self.item.updateSize()
        return True

    def give_way(self, yes: bool) -> None:
        """Hide while another legend is shown over the plot."""
        self._giving_way = yes
        self._show()

    def place(self, points: np.ndarray, paths=()) -> None:
        """Put the legend in the view's emptiest spot for ``points``, shape (N, 2), and
        ``paths``, each (T, 2), in data units; outside the plot when every spot covers one."""
        if not self._has_entries:
            return
        size = self.item.boundingRect().size()      # the same rows inside or out
        (x0, x1), (y0, y1) = self._vb.viewRange()
        spot, covered = view_ranges.emptiest_spot(
            points, ((x0, x1), (y0, y1)), (self._vb.width(), self._vb.height()),
            (size.width(), size.height()), MARGIN, paths=paths)
        self._place_at(spot if covered == 0 else OUTSIDE)
        self._show()
        if self._spot == OUTSIDE:
            self._layout.activate()    # the column it takes, now

    @staticmethod
    def _fill(legend: pg.LegendItem, key: tuple | None) -> None:
        """Fill ``legend`` with the entries ``key`` = (runs, arrows) (None: empty it)."""
        clear_legend(legend)
        if key is not None:
            runs, arrows = key
            for label, colour in runs:
                legend.addItem(ci.LineSample(*ci.path_pens(colour, Qt.PenStyle.SolidLine)),
                               label)
            for kind in arrows:
                legend.addItem(ci.ArrowSample(kind), ci.arrow_label(kind))
        legend.layout.activate()        # its size now, to find it a place
        legend.updateSize()
        legend.updateGeometry()

    def _place_at(self, spot: str) -> None:
        if spot == self._spot:
            return
        if (spot == OUTSIDE) != (self._spot == OUTSIDE):
            # one legend holds the rows, the one in use: move them
            self._fill(self.item, None)
            self._fill(self._outside if spot == OUTSIDE else self._inside, self._key)
        self._spot = spot
        if spot != OUTSIDE:
            fx, fy = view_ranges.LEGEND_SPOTS[spot]
            self._inside.anchor(itemPos=(fx, fy), parentPos=(fx, fy),
                                offset=(MARGIN * (1 - 2 * fx), MARGIN * (1 - 2 * fy)))

    def _show(self) -> None:
        shown = self._has_entries and not self._giving_way
        inside = shown and self._spot != OUTSIDE
        outside = shown and self._spot == OUTSIDE
        if self._inside.isVisible() != inside:
            self._inside.setVisible(inside)
        if self._outside.isVisible() != outside:
            self._outside.setVisible(outside)

    # -- read-only (for tests) ----------------------------------------------------------------
    @property
    def item(self) -> pg.LegendItem:
        """The legend item in use (the one outside the plot when it is there)."""
        return self._outside if self._spot == OUTSIDE else self._inside

    @property
    def spot(self) -> str:
        """``"top-left"``, ..., or ``"outside"`` (a key of ``LEGEND_SPOTS``, or OUTSIDE)."""
        return self._spot

    def rows(self) -> tuple[tuple[pg.GraphicsWidget, str], ...]:
        return tuple((sample, label.text) for sample, label in self.item.items)

    def shown(self) -> bool:
        return self.item.isVisible()

    def rect(self) -> QRectF:
        return self.item.sceneBoundingRect()
