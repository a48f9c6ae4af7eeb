"""The basin map on the canvas: an overlay image, its legend, and a dock that computes it.

:class:`BasinOverlay` draws a :class:`~beale_gui.core.basins.BasinMap` on a canvas's plot: one
cell per start point, coloured by the minimum (or cluster) it reached, with diverged and
not-converged cells in their own colours, semi-transparent between the contour fill and the
isolines; a legend gives each outcome's share of the cells. :class:`BasinController` adds it to
the main window with a "Basin map" dock (View menu, B): the optimizer to map, grid size, max
steps, colouring, Compute / Cancel with a progress bar, opacity and show/hide. The map is
computed on its own :class:`~beale_gui.gui.task_runner.TaskRunner` only when asked, and is
hidden (with a message) once the function or the mapped optimizer's settings change.
:class:`~beale_gui.gui.render.basins.BasinFigure` draws the same canvas and overlay offscreen.
"""

from __future__ import annotations

import html
import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ...core.basins import GRID_PARAM, BasinMap, BasinOutcome, basin_map, check_grid
from ...core.engine import MAX_STEPS_PARAM
from ...document import Document, OptimizerEntry
from ..forms.fields import ParamField
from ..forms.form_labels import FieldWithMessage, HintLabel
from ..guarded import guarded
from ..notify import MESSAGE_MS
from ..task_runner import TaskRunner, fraction_progress
from . import canvas_items as ci
from .canvas import ContourCanvas
from .run_styles import optimizer_label

# Paul Tol's "bright" then "muted" qualitative colours: told apart with every common colour-vision
# deficiency, and unlike the optimizers' Okabe-Ito colours, so a basin never reads as a path.
BASIN_COLOURS = ("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#332288",
                 "#DDCC77", "#44AA99", "#999933", "#882255", "#88CCEE")
DIVERGED_COLOUR = "#2B0A0A"
NOT_CONVERGED_COLOUR = "#9A9A9A"
Z_BASINS = (ci.Z_IMAGE + ci.Z_ISOLINES) / 2   # over the contour fill, under the isolines
DEFAULT_OPACITY = 0.75
SHADE_DEPTH = 0.75   # in "steps" colouring the slowest cells keep a quarter of their brightness
MODES = {"outcome": "Outcome", "steps": "Outcome, darker = slower"}


def outcome_colour(code: int) -> str:
    """The colour of an outcome code: a target's, ``DIVERGED`` or ``NOT_CONVERGED``."""
    if code == BasinOutcome.DIVERGED:
        return DIVERGED_COLOUR
    if code == BasinOutcome.NOT_CONVERGED:
        return NOT_CONVERGED_COLOUR
    return BASIN_COLOURS[int(code) % len(BASIN_COLOURS)]


def steps_range(bmap: BasinMap) -> tuple[int, int] | None:
    """Fewest and most steps of the cells that did not diverge, or None if all diverged."""
    steps = bmap.steps[bmap.outcome != BasinOutcome.DIVERGED]
    return (int(steps.min()), int(steps.max())) if steps.size else None


def basin_rgba(bmap: BasinMap, mode: str = "outcome") -> np.ndarray:
    """The map as an RGBA image, shape (grid, grid, 4) uint8, indexed ``[iy, ix]`` (row 0 at
    the bottom). ``mode`` ``"steps"`` darkens each cell linearly with the steps it took."""
    codes = bmap.outcome_codes                  # targets, NOT_CONVERGED, DIVERGED
    lut = np.array([QColor(outcome_colour(c)).getRgb() for c in codes], dtype=np.uint8)
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
    """A basin map drawn on ``plot``: an image item over the map's extent and a legend."""

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
        self.legend = _Legend(offset=(-8, -8), brush=ci.LEGEND_BRUSH, pen=ci.LEGEND_PEN,
                              labelTextColor="#101010", labelTextSize="9pt", verSpacing=-6)
        self.legend.setParentItem(plot.getViewBox())
        self.legend.setZValue(1000)
        self.legend.setVisible(False)

    def set_map(self, bmap: BasinMap, mode: str | None = None) -> None:
        """Draw ``bmap`` (in ``mode``, default the current one) and fill the legend."""
        self.bmap = bmap
        self.set_mode(mode or self.mode)
        (x0, x1), (y0, y1) = bmap.xrange, bmap.yrange
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))

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
        self.legend.setVisible(shown)

    def is_visible(self) -> bool:
        return self.image.isVisible()

    def clear(self) -> None:
        self.bmap = None
        self.set_visible(False)
        self.image.clear()   # the dropped map's colours go too
        self.legend.clear()

    def legend_labels(self) -> list[str]:
        """The legend's text, row by row (HTML removed)."""
        return [html.unescape(_strip_tags(label.text)) for _, label in self.legend.items]

    def _fill_legend(self) -> None:
        bmap = self.bmap
        legend = self.legend
        legend.clear()
        legend.addItem(ci.LineSample(None), f"<b>Basins</b> of {html.escape(bmap.optimizer)}")
        cells = bmap.outcome.size
        counts = dict(zip(bmap.outcome_codes, bmap.counts().values(), strict=True))
        for code, count in counts.items():
            if code < 0 and count == 0:
                continue   # list every target, and a failure only when it happened
            sample = pg.ScatterPlotItem(symbol="s", size=12, pen=pg.mkPen("#303030", width=0.8),
                                        brush=outcome_colour(code))
            legend.addItem(sample, f"{html.escape(bmap.outcome_label(code))}&nbsp;&nbsp;"
                                   f"{_share(count, cells)}")
        span = steps_range(bmap)
        if self.mode == "steps" and span is not None:
            legend.addItem(ci.LineSample(None),
                           f"darker = slower: {span[0]} to {span[1]} steps")


def _share(count: int, total: int) -> str:
    """``"26.7%"``; ``"<0.1%"`` for a few cells, so that "0.0%" always means none."""
    share = 100.0 * count / total
    return "<0.1%" if 0 < share < 0.05 else f"{share:.1f}%"


def map_title(bmap: BasinMap) -> str:
    """``adam(lr=0.05), 60\u00d760 starts, 2000 steps``."""
    return f"{bmap.optimizer}, {bmap.grid}\u00d7{bmap.grid} starts, {bmap.max_steps} steps"


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>]*>", "", text)


# -- the dock -----------------------------------------------------------------------------
class BasinPanel(QWidget):
    """The controls: what to map, how to colour it, Compute / Cancel and progress."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.optimizer = QComboBox(toolTip="The enabled optimizer whose settings are mapped")
        self.grid = ParamField(GRID_PARAM)
        self.grid.set_value(GRID_PARAM.default)
        self.max_steps = ParamField(MAX_STEPS_PARAM)
        self.max_steps.set_value(1000)
        self.colouring = QComboBox(toolTip="Colour cells by the minimum reached; optionally "
                                           "darker where a run took more steps")
        for key, text in MODES.items():
            self.colouring.addItem(text, key)
        form.addRow("optimizer", self.optimizer)
        form.addRow("grid", FieldWithMessage(self.grid))
        form.addRow("max steps", FieldWithMessage(self.max_steps))
        form.addRow("colour by", self.colouring)
        self.compute = QPushButton("Compute", toolTip="Run the optimizer from every cell of "
                                   "the grid over the visible view")
        self.cancel = QPushButton("Cancel", enabled=False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compute)
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        self.progress = QProgressBar(textVisible=False, visible=False, maximum=1000)
        self.show_map = QCheckBox("Show map", checked=True)
        self.opacity = QSlider(Qt.Orientation.Horizontal, minimum=0, maximum=100,
                               value=round(100 * DEFAULT_OPACITY), toolTip="Opacity of the map")
        shown = QHBoxLayout()
        shown.addWidget(self.show_map)
        shown.addWidget(QLabel("opacity"))
        shown.addWidget(self.opacity, 1)
        self.status = HintLabel("Press Compute to map where every start point of the view "
                                "ends up: each cell is coloured by the minimum it reaches.")
        right = QVBoxLayout()
        right.addLayout(buttons)
        right.addWidget(self.progress)
        right.addLayout(shown)
        right.addWidget(self.status)
        right.addStretch(1)
        layout = QHBoxLayout(self)     # two columns: the dock is wide and short
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form, 1)
        layout.addSpacing(12)
        layout.addLayout(right, 1)

    def set_entries(self, entries: tuple[OptimizerEntry, ...]) -> None:
        """List the enabled ones of ``entries``, keeping the selected entry if it stays."""
        keep = self.optimizer.currentData()
        self.optimizer.blockSignals(True)
        self.optimizer.clear()
        for i, entry in enumerate(entries):
            if entry.enabled:
                self.optimizer.addItem(optimizer_label(entry.config), i)
                self.optimizer.setItemData(self.optimizer.count() - 1, QColor(entry.colour),
                                           Qt.ItemDataRole.DecorationRole)
        index = self.optimizer.findData(keep)
        self.optimizer.setCurrentIndex(max(index, 0) if self.optimizer.count() else -1)
        self.optimizer.blockSignals(False)

    def set_busy(self, busy: bool) -> None:
        self.compute.setEnabled(not busy)
        self.cancel.setEnabled(busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setValue(0)


def _map_key(document: Document, entry: int) -> tuple | None:
    """What a map depends on in the document: the function and the mapped entry's settings."""
    if not 0 <= entry < len(document.entries):
        return None
    f = document.function
    minima = tuple(map(tuple, np.asarray(f.minima, dtype=float).reshape(-1, 2).tolist()))
    return ((f.name, document.expression, f.bounds, minima), document.entries[entry].config,
            (document.tol, document.seed))


class BasinController(QObject):
    """The basin map in a main window: overlay, dock, background computation and hover.

    Parameters
    ----------
    window : MainWindow
        The shell: its docks and status bar.
    document : Document
        Its enabled optimizers can be mapped over its view; a change of the function or of
        the mapped optimizer hides the map.
    canvas : ContourCanvas
        Gets the overlay; the cursor over it tells a cell's outcome.
    tab_with : QDockWidget
        The dock the Basin map dock is tabbed with.
    view_menu, view_before
        The dock's toggle (B) goes into ``view_menu`` above ``view_before``.
    """

    def __init__(self, window, document: Document, canvas: ContourCanvas,
                 tab_with: QDockWidget, view_menu: QMenu, view_before: QAction) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.canvas = canvas
        self.overlay = BasinOverlay(canvas.plot_item)
        self.panel = BasinPanel()
        self.runner = TaskRunner(self, name="basins")
        self._key: tuple | None = None      # of the map shown or being computed
        self._entry = -1
        self.dock = window.add_dock("Basin map", "basins_dock", self.panel, tab_with=tab_with)
        self.dock.hide()
        self.action = self.dock.toggleViewAction()
        self.action.setText("&Basin map")
        self.action.setShortcut("B")
        self.action.setToolTip("Show where every start point of the view ends up")
        self.action.triggered.connect(self._on_action)
        view_menu.insertAction(view_before, self.action)
        self.panel.set_entries(document.entries)

        p = self.panel
        p.compute.clicked.connect(self._on_compute)
        p.cancel.clicked.connect(self._on_cancel)
        p.colouring.currentIndexChanged.connect(self._on_colouring)
        p.opacity.valueChanged.connect(self._on_opacity)
        p.show_map.toggled.connect(self._update_visible)
        self.action.toggled.connect(self._update_visible)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.progress.connect(self._on_progress)
        document.events.changed.connect(self._on_document_changed)
        self.canvas.cursor_moved.connect(self._on_cursor_moved)

    # -- public -------------------------------------------------------------------------
    def compute(self) -> bool:
        """Start mapping the selected optimizer over the visible view; False (with a
        message) when there is nothing to map or a setting is refused."""
        p = self.panel
        entry = p.optimizer.currentData()
        if entry is None or self.runner.is_closed:
            self._say("Enable an optimizer in the parameter panel to map it.")
            return False
        problem = p.grid.problem() or p.max_steps.problem()
        grid, max_steps = int(p.grid.value()), int(p.max_steps.value())
        try:
            if problem:
                raise ValueError(problem)
            check_grid(grid, max_steps)
        except ValueError as exc:
            self._say(str(exc))
            return False
        d = self.document
        config = d.entries[entry].config
        xrange, yrange = d.view if d.view is not None else d.function.bounds
        function, tol, seed = d.function, d.tol, d.seed
        self._entry, self._key = entry, _map_key(d, entry)
        self.overlay.clear()
        p.set_busy(True)
        self._say(f"Mapping {optimizer_label(config)} from {grid}\u00d7{grid} start points\u2026")
        self.runner.submit(lambda cancel, progress: basin_map(
            function, config, grid=grid, xrange=xrange, yrange=yrange, max_steps=max_steps,
            tol=tol, seed=seed, cancel=cancel, progress=fraction_progress(progress)))
        return True

    def cancel(self) -> None:
        self.runner.cancel()

    def shutdown(self) -> None:
        """Stop any computation and end the thread (the window is closing)."""
        if not self.runner.is_closed:
            self.runner.shutdown()

    def report_error(self, message: str) -> None:
        self.window.report_error(message)

    # -- slots --------------------------------------------------------------------------
    @guarded
    def _on_action(self, *_) -> None:
        if self.action.isChecked():    # shown: bring its tab to the front
            self.dock.raise_()

    @guarded
    def _on_compute(self, *_) -> None:
        self.compute()

    @guarded
    def _on_cancel(self, *_) -> None:
        self.cancel()

    @guarded
    def _on_finished(self, _generation: int, bmap: BasinMap) -> None:
        self.panel.set_busy(False)
        self.overlay.set_map(bmap, self.panel.colouring.currentData())
        self._update_visible()
        found = bmap.n_reached
        kind = ("cluster" if bmap.clustered else "minimum") if found == 1 else (
            "clusters" if bmap.clustered else "minima")
        self._say(f"{map_title(bmap)}: {found} {kind} reached. Hover a cell for its outcome.")

    @guarded
    def _on_failed(self, _generation: int, message: str) -> None:
        self.panel.set_busy(False)
        self._key = None
        self._say(f"Could not map: {message}")

    @guarded
    def _on_cancelled(self, _generation: int) -> None:
        self.panel.set_busy(False)
        if self.overlay.bmap is None:
            self._key = None
            self._say("Cancelled.")

    @guarded
    def _on_progress(self, _generation: int, done: int, total: int) -> None:
        self.panel.progress.setValue(round(self.panel.progress.maximum() * done / max(total, 1)))

    @guarded
    def _on_colouring(self, *_) -> None:
        self.overlay.set_mode(self.panel.colouring.currentData())

    @guarded
    def _on_opacity(self, value: int) -> None:
        self.overlay.set_opacity(value / 100.0)

    @guarded
    def _update_visible(self, *_) -> None:
        self.overlay.set_visible(self.action.isChecked() and self.panel.show_map.isChecked())

    @guarded
    def _on_document_changed(self, parts: frozenset[str]) -> None:
        if not parts & {"function", "optimizers", "settings"}:
            return
        self.panel.set_entries(self.document.entries)
        if self._key is None:
            return
        key = _map_key(self.document, self._entry)
        if key == self._key:
            return
        if key is None:
            what = "the mapped optimizer was removed"
        elif key[0] != self._key[0]:
            what = "the function changed"
        elif key[1] != self._key[1]:
            what = "the mapped optimizer's settings changed"
        else:
            what = "the tolerance or seed changed"
        if self.runner.busy:
            self.runner.cancel()
        self._key = None
        self.overlay.clear()
        self._say(f"The basin map was hidden: {what}. Press Compute to map again.")

    @guarded
    def _on_cursor_moved(self, x: float, y: float) -> None:
        bmap = self.overlay.bmap
        if bmap is None or not self.overlay.is_visible():
            return
        cell = bmap.cell_at(x, y)
        if cell is not None:
            self.window.statusBar().showMessage(bmap.describe(*cell), MESSAGE_MS)

    def _say(self, message: str) -> None:
        self.panel.status.setText(message)
        self.window.statusBar().showMessage(message, MESSAGE_MS)
