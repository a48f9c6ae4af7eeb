"""The basin map in the main window: overlay, dock, background computation and hover.

:class:`BasinController` adds a :class:`~beale_gui.gui.views.basin_overlay.BasinOverlay` to the
canvas and a "Basin map" dock (View menu, B) holding a
:class:`~beale_gui.gui.forms.basin_panel.BasinPanel`. The map is computed on its own
:class:`~beale_gui.gui.task_runner.TaskRunner` only when asked, and is hidden (with a message)
once the function or the mapped optimizer's settings change. A torch class that runs one
instance per run asks about its time first (:mod:`.torch_cost`).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu

from ...core.basins import BasinMap, basin_map, check_grid
from ...document import Document
from ..forms.basin_panel import BasinPanel
from ..guarded import guarded
from ..notify import MESSAGE_MS
from ..task_runner import TaskRunner, fraction_progress
from ..views.basin_overlay import BasinOverlay, map_title
from ..views.canvas import ContourCanvas
from ..views.run_styles import optimizer_label
from .torch_cost import confirm_cost

translate = QCoreApplication.translate


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
        canvas.hide_run_legend_while(self.overlay.legend)    # one legend at a time
        self.panel = BasinPanel()
        self.runner = TaskRunner(self, name="basins")
        self._key: tuple | None = None      # of the map shown or being computed
        self._entry = -1
        self.dock = window.add_dock(translate("BasinController", "Basin map"), "basins_dock",
                                    self.panel, tab_with=tab_with)
        self.dock.hide()
        self.action = self.dock.toggleViewAction()
        self.action.setText(translate("BasinController", "&Basin map"))
        self.action.setShortcut("B")
        self.action.setToolTip(
            translate("BasinController", "Show where every start point of the view ends up"))
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
            self._say(translate("BasinController",
                                "Enable an optimizer in the parameter panel to map it."))
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
        if not confirm_cost(self.window, config, function, grid * grid, max_steps):
            self._say(translate("BasinController", "Not mapped."))
            return False
        self._entry, self._key = entry, _map_key(d, entry)
        self.overlay.clear()
        p.set_busy(True)
        self._say(translate("BasinController", "Mapping {0} from {1}\u00d7{1} start points\u2026")
                  .format(optimizer_label(config), grid))
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
        if bmap.clustered:
            text = (translate("BasinController", "{0}: {1} cluster reached. Hover a cell for its "
                              "outcome.") if found == 1 else
                    translate("BasinController", "{0}: {1} clusters reached. Hover a cell for "
                              "its outcome."))
        else:
            text = (translate("BasinController", "{0}: {1} minimum reached. Hover a cell for its "
                              "outcome.") if found == 1 else
                    translate("BasinController", "{0}: {1} minima reached. Hover a cell for its "
                              "outcome."))
        self._say(text.format(map_title(bmap, translated=True), found))

    @guarded
    def _on_failed(self, _generation: int, message: str) -> None:
        self.panel.set_busy(False)
        self._key = None
        self._say(translate("BasinController", "Could not map: {0}").format(message))

    @guarded
    def _on_cancelled(self, _generation: int) -> None:
        self.panel.set_busy(False)
        if self.overlay.bmap is None:
            self._key = None
            self._say(translate("BasinController", "Cancelled."))

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
            text = translate("BasinController", "The basin map was hidden: the mapped optimizer "
                             "was removed. Press Compute to map again.")
        elif key[0] != self._key[0]:
            text = translate("BasinController", "The basin map was hidden: the function changed. "
                             "Press Compute to map again.")
        elif key[1] != self._key[1]:
            text = translate("BasinController", "The basin map was hidden: the mapped optimizer's "
                             "settings changed. Press Compute to map again.")
        else:
            text = translate("BasinController", "The basin map was hidden: the tolerance or seed "
                             "changed. Press Compute to map again.")
        if self.runner.busy:
            self.runner.cancel()
        self._key = None
        self.overlay.clear()
        self._say(text)

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
