"""Qt objects no widget owns, deleted when the window closes instead of by the garbage collector.

pyqtgraph gives every plot and view box context menus, and a plot a group of its option widgets,
with no Qt parent; a legend entry taken out of a legend and an item taken out of a layout have
none either. Left alone, each lives until Python's cyclic garbage collector frees it: whenever
the collector happens to run (in the middle of building other Qt objects) or after the
QApplication is gone at exit, where destroying a Qt object is not safe. So the window deletes
them itself, now, at known points: :func:`clear_legend` when a legend is rebuilt,
:func:`release_plots` when the window closes.
"""

from __future__ import annotations

import pyqtgraph as pg
import shiboken6
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QWidget

__all__ = ["clear_legend", "delete_now", "release_plot", "release_plots", "release_scene"]


def delete_now(*objects) -> None:
    """Delete each Qt object that still exists (None and deleted ones are skipped)."""
    for obj in objects:
        if obj is not None and shiboken6.isValid(obj):
            shiboken6.delete(obj)


def release_plot(plot: pg.PlotItem) -> None:
    """Delete the menus and option widgets pyqtgraph made for ``plot`` and its view box (a
    :class:`pg.ColorBarItem` is a plot too). The plot draws as before; its context menus are
    gone, so call this only when the plot is done with."""
    delete_now(plot.ctrlMenu, plot.stateGroup)
    plot.ctrlMenu = None   # pyqtgraph's own PlotItem.close() reads None as "already closed"
    release_view_box(plot.getViewBox())


def release_view_box(view_box: pg.ViewBox) -> None:
    delete_now(view_box.menu)
    view_box.menu = None


def release_scene(scene: QGraphicsScene) -> None:
    """In ``scene``: :func:`release_plot` every plot, release every other view box, and
    delete the items legend entries were drawn from that are in no scene."""
    for item in scene.items():
        if isinstance(item, pg.PlotItem):
            release_plot(item)
        elif isinstance(item, pg.ViewBox):
            release_view_box(item)
        elif isinstance(item, ItemSample):
            _delete_free_standing(item.item)


def release_plots(widget: QWidget) -> None:
    """:func:`release_scene` for every pyqtgraph view inside ``widget`` (and itself)."""
    views = widget.findChildren(pg.GraphicsView)
    if isinstance(widget, pg.GraphicsView):
        views.append(widget)
    for view in views:
        release_scene(view.scene())


def clear_legend(legend: pg.LegendItem) -> None:
    """Empty ``legend`` and delete its entries now (pyqtgraph's ``clear`` only takes them out
    of the scene)."""
    entries = list(legend.items)
    legend.clear()
    for sample, label in entries:
        _delete_free_standing(sample.item)
        delete_now(sample, label)


def _delete_free_standing(item) -> None:
    """Delete ``item`` when it is a graphics item in no scene and under no other item (a
    legend sample's model, never drawn itself)."""
    if isinstance(item, QGraphicsItem) and shiboken6.isValid(item) \
            and item.scene() is None and item.parentItem() is None:
        shiboken6.delete(item)
