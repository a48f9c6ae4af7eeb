"""The Curvature view in the window: View > Curvature (K), the level ellipse at the selected
run's head on the canvas, and the optimum loaded into the panel's optimizer.

:class:`CurvatureController` keeps the Curvature dock (:class:`~..views.curvature_view.
CurvatureView`) on the run state's selected run at the playhead, as the Explain panel does: at
most about 15 times a second while the animation plays, and nothing at all while the dock is
hidden (it catches up when shown). While the dock is shown, the canvas draws the level ellipse
of the local quadratic at that run's head, thin in the run's colour (a saddle's two axes
dashed), its longer half-axis 6% of the view's width; it follows the playhead, the selection,
the view and a dragged start point (the previews the canvas draws). The view's buttons load
GD's optimum rate, or the heavy ball's lr* and β*, into the run's optimizer entry as one
undoable edit. Every number comes from :mod:`beale_gui.core.curvature_playhead`.
"""

from __future__ import annotations

import logging

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ...core import curvature_playhead as cp
from ...core.engine import RunResult
from ...document import Document, RunState
from ...document.document import with_hparams
from ..guarded import guarded
from ..notify import MESSAGE_MS
from ..views import canvas_items as ci
from ..views.curvature_view import CurvatureView
from ..views.results_table import format_point
from ..views.run_styles import optimizer_label
from ..views.throttled import ThrottledRefresh

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

REFRESH_MS = 66          # ~15 Hz while the playhead moves (the Explain panel's rate)
Z_ELLIPSE = ci.Z_HEADS - 1
HALO_PEN = pg.mkPen((255, 255, 255, 170), width=3.5)


def _equal(a, b) -> bool:
    try:
        return bool(a == b)
    except ValueError:      # hyperparameter arrays (a sweep) compare element by element
        return False


class CurvatureController(QObject):
    """The Curvature dock and the ellipse on the canvas (see the module's description).

    Parameters
    ----------
    window : MainWindow
        Its ``add_dock``, status bar and ``report_error``.
    document, run_state
        The optimum goes into the document; the view follows the run state.
    canvas : ContourCanvas
        Draws the ellipse.
    view_menu : QMenu, view_before : QAction
        The toggle (K) goes in above ``view_before``.
    """

    def __init__(self, window, document: Document, run_state: RunState, canvas,
                 view_menu: QMenu, view_before: QAction) -> None:
        super().__init__(window)
        self._window, self._document, self._run_state = window, document, run_state
        self._canvas = canvas
        self.view = CurvatureView()
        self.dock = window.add_dock(translate("CurvatureController", "Curvature"),
                                    "curvature_dock", self.view,
                                    Qt.DockWidgetArea.RightDockWidgetArea)
        self.dock.hide()
        self.action = self.dock.toggleViewAction()
        self.action.setText(translate("CurvatureController", "C&urvature"))
        self.action.setShortcut(QKeySequence("K"))
        self.action.setToolTip(translate(
            "CurvatureController", "The Hessian at the selected run's head: its eigenvalues, "
                                   "the learning rate against its bound, the optimum, and the "
                                   "sharpness along the path"))
        view_menu.insertAction(view_before, self.action)

        self._sharpness_key: tuple | None = None
        self._preview: tuple[int, np.ndarray] | None = None   # the selected run's dragged head
        self.reading: cp.Reading | None = None
        self.ellipse: pg.PlotCurveItem | None = None
        self._halo: pg.PlotCurveItem | None = None
        self.readings = 0       # how many readings were asked of the core (tests count)
        self._updates = ThrottledRefresh(self._show_all, REFRESH_MS, self)

        self.dock.visibilityChanged.connect(self._on_visibility)
        events = run_state.events
        events.result_changed.connect(self._on_result_changed)
        events.step_changed.connect(self._on_step_changed)
        events.selection_changed.connect(self._on_selection_changed)
        events.runs_previewed.connect(self._on_runs_previewed)
        canvas.view_changed.connect(self._on_view_changed)
        # the buttons say whether the run's entry is still the panel's
        document.events.optimizers_changed.connect(self._on_optimizers_changed)
        self.view.load_gd_requested.connect(self.load_gd)
        self.view.load_heavy_ball_requested.connect(self.load_heavy_ball)

    def report_error(self, message: str) -> None:
        self._window.report_error(message)

    @property
    def active(self) -> bool:
        return self._updates.active

    # -- shown or hidden --------------------------------------------------------------------
    @guarded
    def _on_visibility(self, visible: bool) -> None:
        if visible:
            if self.ellipse is None:
                # the run's colour on a pale halo, seen over its own path
                self._halo = pg.PlotCurveItem(connect="finite", pen=HALO_PEN)
                self.ellipse = pg.PlotCurveItem(connect="finite")
                for item, z in ((self._halo, Z_ELLIPSE - 0.5), (self.ellipse, Z_ELLIPSE)):
                    item.setZValue(z)
                    self._canvas.plot_item.addItem(item, ignoreBounds=True)
            self._updates.stale = True        # shown: the ellipse is new, draw it all now
            self._updates.set_active(True)
        else:
            self._updates.set_active(False)
            if self.ellipse is not None:
                self._canvas.plot_item.removeItem(self.ellipse)
                self._canvas.plot_item.removeItem(self._halo)
                self.ellipse = self._halo = None

    # -- following the run state ------------------------------------------------------------
    @guarded
    def _on_result_changed(self, _result) -> None:
        self._preview = None
        self._changed(now=True)

    @guarded
    def _on_selection_changed(self, _run) -> None:
        self._preview = None
        self._changed(now=True)

    @guarded
    def _on_step_changed(self, step: int) -> None:
        if self._updates.active:
            self.view.set_cursor(step)
            self._draw_ellipse()       # the ellipse keeps to the head at every frame
        self._changed()

    @guarded
    def _on_optimizers_changed(self, *_) -> None:
        self._changed()

    @guarded
    def _on_view_changed(self) -> None:
        if self._updates.active:
            self._draw_ellipse()

    @guarded
    def _on_runs_previewed(self, rows: list[int], result: RunResult) -> None:
        run = self._run_state.selected_run
        if run is None or run not in rows:
            return
        self._preview = (result, rows.index(run))
        if self._updates.active:
            self._draw_ellipse()

    def _changed(self, now: bool = False) -> None:
        self._updates.changed(now)

    def refresh(self) -> None:
        """Show the selected run at the playhead now (the next change waits for the
        throttle)."""
        self._updates.refresh()

    @guarded
    def _show_all(self) -> None:
        self._show()
        self._draw_ellipse()

    # -- what is shown ----------------------------------------------------------------------
    def _selected(self) -> tuple[RunResult, int] | tuple[None, None]:
        state = self._run_state
        result, run = state.result, state.selected_run
        if result is None or run is None or result.paths is None:
            return None, None
        return result, run

    def _show(self) -> None:
        result, run = self._selected()
        self.reading = None
        if result is None:
            self._sharpness_key = None
            self.view.show_nothing()
            return
        state = self._run_state
        colour = state.run_colours()[run]
        try:
            self.readings += 1
            self.reading = cp.reading_at(result, run, state.step)
            key = (id(result), run)
            if key != self._sharpness_key:
                self._sharpness_key = key
                self.view.set_sharpness(cp.sharpness_of(result, run), colour)
        except Exception as exc:   # one bad point must not take the app down
            log.exception("no curvature for run %s at step %s", run, state.step)
            self.view.show_nothing(translate("CurvatureController", "No curvature here: {0}")
                                   .format(f"{type(exc).__name__}: {exc}"))
            self._sharpness_key = None
            return
        config = result.configs[int(result.config_index[run])]
        start = format_point(*result.starts[int(result.start_index[run])])
        title = translate("CurvatureController", "{0} from {1}").format(
            optimizer_label(config), start)
        self.view.show_reading(
            self.reading, title, colour, loadable=self._entry_index(run) is not None,
            momentum_in_panel=any(e.config.name == "momentum" for e in self._document.entries))
        self.view.set_cursor(state.step)

    def _draw_ellipse(self) -> None:
        item = self.ellipse
        if item is None:
            return
        result, run = self._selected()
        if result is None:
            self._set_outline(None)
            return
        try:
            if self._preview is not None:
                preview, row = self._preview
                head = cp.head_point(preview, row)
            else:
                head = cp.head_point(result, run, self._run_state.step)
            (x0, x1), _ = self._canvas.view_extent()
            outline, closed = cp.ellipse_at(result.function, head, x1 - x0)
        except Exception:
            log.exception("no level ellipse for run %s", run)
            self._set_outline(None)
            return
        style = Qt.PenStyle.SolidLine if closed else Qt.PenStyle.DashLine
        item.setPen(pg.mkPen(self._run_state.run_colours()[run], width=1.2, style=style))
        self._set_outline(outline if len(outline) else None)

    def _set_outline(self, outline: np.ndarray | None) -> None:
        for item in (self._halo, self.ellipse):
            if outline is None:
                item.setData([], [])
            else:
                item.setData(outline[:, 0], outline[:, 1], connect="finite")

    # -- loading the optimum ----------------------------------------------------------------
    def _entry_index(self, run: int) -> int | None:
        """The document's index of the entry run ``run`` was computed for, or of one equal to
        it (a session reopened holds equal copies); None when the panel has changed it since."""
        state = self._run_state
        entry = state.entries[int(state.result.config_index[run])]
        entries = self._document.entries
        found = next((i for i, e in enumerate(entries) if e is entry), None)
        if found is None:
            found = next((i for i, e in enumerate(entries) if _equal(e, entry)), None)
        return found

    @guarded
    def load_gd(self, *_) -> None:
        """Set the selected GD run's entry's lr to GD's optimum (one undoable edit)."""
        self._load(("gd", "sgd"), lambda best: {"lr": best.gd_lr})

    @guarded
    def load_heavy_ball(self, *_) -> None:
        """Set the selected Momentum run's entry's lr and momentum to the heavy ball's
        optimum (one undoable edit)."""
        self._load(("momentum",), lambda best: {"lr": best.momentum_lr,
                                                "momentum": best.momentum_beta})

    def _load(self, names: tuple[str, ...], values) -> None:
        result, run = self._selected()
        if result is None:
            return
        reading = cp.reading_at(result, run, self._run_state.step)
        index = self._entry_index(run)
        if reading.optimum is None or index is None or reading.name not in names:
            return
        entry = self._document.entries[index]
        self._document.set_entry(index, with_hparams(entry, values(reading.optimum)))
        self._window.statusBar().showMessage(translate(
            "CurvatureController", "{0}: the optimum of the local quadratic loaded (Ctrl+Z "
                                   "undoes it)").format(entry.config.spec.title), MESSAGE_MS)
