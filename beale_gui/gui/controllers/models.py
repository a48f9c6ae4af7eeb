"""Models on data in the window: Function > Model on data…, the Data dock, what a model says.

:class:`ModelController` opens the :class:`~..dialogs.model_dialog.ModelDialog` and puts the
model it makes into the document as one edit (one undo entry, the optimizers taking the
model's learning rates where they were not edited, as choosing a function in the panel does);
keeps the Data dock (:class:`~..views.data_view.DataView`) with its View toggle (D), shown
when the function becomes a model and hidden when it stops being one; says in the status bar
why no minimum is marked and when the contours use a subset of the samples; and holds View >
Mini-batch loss, which draws each stochastic run's mini-batch loss on the loss plot.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ...core.functions import TestFunction
from ...core.models import ModelFunction
from ...document import Document, RunState
from ..dialogs.model_dialog import ModelDialog
from ..guarded import guarded
from ..notify import MESSAGE_MS
from ..views.data_view import DataView

translate = QCoreApplication.translate

DATA_SHARE = 0.3      # of the window's width: the Data dock when it first shows


class ModelController(QObject):
    """Models on data in ``window`` (see the module's description).

    Parameters
    ----------
    window : MainWindow
        Its ``add_dock``, status bar and ``report_error``.
    document, run_state
        The model goes into the document; the Data view follows both.
    function_menu : QMenu
        Gets "Model on data…".
    view_menu : QMenu, view_before : QAction, options_before : QAction
        The Data toggle goes in above ``view_before``, "Mini-batch loss" above
        ``options_before``.
    loss_plot : LossPlot
        Draws the mini-batch loss while asked.
    """

    def __init__(self, window, document: Document, run_state: RunState, function_menu: QMenu,
                 view_menu: QMenu, view_before: QAction, options_before: QAction,
                 loss_plot) -> None:
        super().__init__(window)
        self._window, self._document = window, document
        self._loss_plot = loss_plot
        self.dialog: ModelDialog | None = None
        self.data_view = DataView(run_state, document)
        self.dock = window.add_dock(translate("ModelController", "Data"), "data_dock",
                                    self.data_view, Qt.DockWidgetArea.RightDockWidgetArea)
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._on_dock_visibility)
        self._sized = False

        self.action_model = QAction(translate("ModelController", "&Model on data\u2026"), window)
        self.action_model.setShortcut(QKeySequence("Ctrl+D"))
        self.action_model.setToolTip(translate(
            "ModelController", "Fit a linear, logistic or tanh model to a data set: the loss "
                               "over its two parameters becomes the surface"))
        self.action_model.setStatusTip(self.action_model.toolTip())
        self.action_model.triggered.connect(self.open_dialog)
        function_menu.addAction(self.action_model)

        self.action_data = self.dock.toggleViewAction()
        self.action_data.setText(translate("ModelController", "&Data"))
        self.action_data.setShortcut(QKeySequence("D"))
        self.action_data.setToolTip(translate(
            "ModelController", "The model's samples and the selected run's fit at this step"))
        view_menu.insertAction(view_before, self.action_data)
        self.action_batch_loss = QAction(translate("ModelController", "Mini-&batch loss"),
                                         window, checkable=True)
        self.action_batch_loss.setToolTip(translate(
            "ModelController", "On the loss plot, each stochastic run's loss on its "
                               "mini-batch, as a thin line (models on data)"))
        self.action_batch_loss.toggled.connect(self._on_batch_loss)
        view_menu.insertAction(options_before, self.action_batch_loss)

        self._was_model = isinstance(document.function, ModelFunction)
        document.events.function_changed.connect(self._on_function_changed)

    def sync_dock(self) -> None:
        """Hide the Data dock when the function is not a model (a layout restored from a
        launch that ended on one shows it)."""
        if not isinstance(self._document.function, ModelFunction) and not self.dock.isHidden():
            self.dock.hide()

    def report_error(self, message: str) -> None:
        self._window.report_error(message)

    # -- the dialog -------------------------------------------------------------------------
    @guarded
    def open_dialog(self, *_) -> None:
        """Show the dialog (one, window-modal) on the document's model, if it is one."""
        if self.dialog is not None:
            self.dialog.raise_()
            return
        function = self._document.function
        current = function if isinstance(function, ModelFunction) else None
        self.dialog = ModelDialog(self._window, current)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.accepted.connect(self._on_accepted)
        self.dialog.finished.connect(self._on_finished)
        self.dialog.open()

    @guarded
    def _on_accepted(self) -> None:
        dialog = self.dialog
        model = dialog.model() if dialog is not None else None
        if model is not None:
            self.apply(model)

    def _on_finished(self, *_) -> None:
        self.dialog = None

    def apply(self, model: ModelFunction) -> None:
        """Make ``model`` the document's function, as one edit."""
        note = self._document.edit(function=model, expression=None)
        self._status(note)

    # -- the document -----------------------------------------------------------------------
    @guarded
    def _on_function_changed(self, function: TestFunction, _expression) -> None:
        is_model = isinstance(function, ModelFunction)
        if is_model and not self._was_model:
            self.dock.show()
            self.dock.raise_()
        elif not is_model and self._was_model:
            self.dock.hide()
        self._was_model = is_model
        if is_model:
            self._status("")

    def _status(self, note: str) -> None:
        """``note`` (the learning rates set), then what the model says about its surface."""
        function = self._document.function
        parts = [note] if note else []
        if isinstance(function, ModelFunction):
            parts += [p for p in (function.minimum_note, function.surface_note) if p]
        if parts:
            self._window.statusBar().showMessage("; ".join(parts), 2 * MESSAGE_MS)

    @guarded
    def _on_dock_visibility(self, visible: bool) -> None:
        self.data_view.set_active(visible)
        if visible and not self._sized and not self.dock.isFloating():
            self._sized = True    # a third of the room beside the canvas, the first time
            self._window.resizeDocks([self.dock], [int(self._window.width() * DATA_SHARE)],
                                     Qt.Orientation.Horizontal)

    @guarded
    def _on_batch_loss(self, on: bool) -> None:
        setter = getattr(self._loss_plot, "set_batch_loss", None)
        if setter is not None:
            setter(on)
