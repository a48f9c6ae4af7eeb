"""The parameter panel: the function, the optimizers and the run settings of a document.

Every field is validated as it is typed (see :mod:`.fields`); a bad value is marked with its
message and nothing is applied. Edits restart a short single-shot timer; when it fires and
everything is valid the panel writes the fields into its :class:`~beale_gui.document.Document`
(:meth:`~beale_gui.document.Document.edit`: a new function brings its hyperparameters to the
optimizers not edited, which the panel then shows) and emits ``applied``. A change of the
document from elsewhere (a session opened, a search result picked) is shown in the fields it
concerns. The panel parses numbers and asks the core
registries whether values are valid; it computes nothing.

A hyperparameter swept with the mouse (:mod:`.scrub`) is not an edit until the sweep ends:
meanwhile the panel emits ``hparams_previewing(entry index, hyperparameters)`` for each value
(the window shows those runs without touching the document), and at the end writes the fields
into the document at once, as the debounce does for a typed value (one change, one session
edit), then emits ``preview_ended``. Escape ends a sweep with no change.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.engine import MAX_STEPS_PARAM, SEED_PARAM, TOL_PARAM, OptimizerConfig
from ...core.engine.stochastic import n_samples_of
from ...core.functions import TestFunction
from ...core.optimizers import OPTIMIZERS, get_optimizer, plugins
from ...document import Document, OptimizerEntry, function_hparams, next_colour
from ..dialogs.torch_dialog import TorchDialog
from .fields import ParamField
from .form_labels import FieldWithMessage, HintLabel, compact_form
from .function_chooser import FunctionChooser
from .optimizer_box import OptimizerBox
from .plugin_menu import fill_plugins

translate = QCoreApplication.translate

DEBOUNCE_MS = 200
MAX_STEPS, TOLERANCE, SEED = MAX_STEPS_PARAM, TOL_PARAM, SEED_PARAM


class ParameterPanel(QWidget):
    """Function chooser, one collapsible box per optimizer, and max steps, tolerance, seed."""

    applied = Signal()      # valid edits were written into the document (debounced)
    message = Signal(str)   # for the status bar; "" clears
    settled = Signal()      # the debounce after an edit fired (applied or refused)
    hparams_previewing = Signal(int, object)  # entry index, {name: value}: a sweep's value
    preview_ended = Signal()                  # the sweep that asked for previews is over
    model_requested = Signal()                # "Model on data…" chosen in the function list

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.boxes: list[OptimizerBox] = []
        self._complained = False  # a "Not applied" message is showing
        self._writing = False     # the document's events are this panel's own edits
        self._previewing = False  # a sweep asked for previews (preview_ended is owed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_debounced)
        self.scroll = QScrollArea(self)  # one scroll for all: docks are often short
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        content = QWidget(self.scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(6)
        group = QGroupBox(translate("ParameterPanel", "Function"), content)
        QVBoxLayout(group).addWidget(self._function_part(group))
        layout.addWidget(group)
        layout.addLayout(self._optimizers_header())
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(4)
        self.empty_hint = HintLabel(translate(
            "ParameterPanel", "No optimizers. Use \u201cAdd optimizer\u201d to add one."))
        self.list_layout.addWidget(self.empty_hint)
        layout.addLayout(self.list_layout)
        layout.addWidget(self._run_part())
        layout.addStretch(1)
        self.scroll.setWidget(content)
        self._on_function_changed(document.function, document.expression)
        self._on_optimizers_changed(document.entries)
        self._on_settings_changed(document.max_steps, document.tol, document.seed)
        events = document.events
        events.function_changed.connect(self._on_function_changed)
        events.optimizers_changed.connect(self._on_optimizers_changed)
        events.settings_changed.connect(self._on_settings_changed)
        events.changed.connect(self._on_document_changed)

    # -- building -------------------------------------------------------------------------
    def _function_part(self, parent: QWidget) -> QWidget:
        self.function_chooser = FunctionChooser(parent)
        self.function_chooser.changed.connect(self._on_edited)
        self.function_chooser.model_requested.connect(self.model_requested)
        return self.function_chooser

    def _optimizers_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(4, 4, 0, 0)
        title = translate("ParameterPanel", "Optimizers")
        row.addWidget(QLabel(f"<b>{title}</b>"))
        row.addStretch(1)
        self.add_button = QPushButton(translate("ParameterPanel", "Add optimizer"), self)
        self.add_button.setToolTip(translate(
            "ParameterPanel", "Add an optimizer with the settings chosen for this function "
            "(the registry's defaults where it names none)"))
        self.add_menu = QMenu(self.add_button)
        self.add_menu.setToolTipsVisible(True)
        for spec in OPTIMIZERS.values():
            action = self.add_menu.addAction(spec.title)
            action.setToolTip(translate("Optimizers", spec.description))
            action.triggered.connect(lambda _=False, name=spec.name: self.add_optimizer(name))
        self._plugin_actions: list = []
        self._entry_points: list[str] | None = None   # listed when the menu is first shown
        self._plugin_folder = ""
        self.torch_dialog: TorchDialog | None = None     # the newest one opened
        self._fill_plugins()
        self.add_menu.aboutToShow.connect(self._on_add_menu_shown)
        self.add_button.setMenu(self.add_menu)
        row.addWidget(self.add_button)
        return row

    def _run_part(self) -> QGroupBox:
        group = QGroupBox(translate("ParameterPanel", "Run"), self)
        form = compact_form(QFormLayout(group))
        self.max_steps_field = ParamField(MAX_STEPS, group)
        self.tol_field = ParamField(TOLERANCE, group, log_floor=1e-12)
        self.seed_field = ParamField(SEED, group)
        self.tol_hint = HintLabel()
        for label, field in ((translate("ParameterPanel", "max steps"), self.max_steps_field),
                             (translate("ParameterPanel", "tolerance"), self.tol_field),
                             (translate("ParameterPanel", "seed"), self.seed_field)):
            field.edited.connect(self._on_edited)
            hint = self.tol_hint if field is self.tol_field else None
            form.addRow(label, FieldWithMessage(field, hint=hint))
        self.tol_field.edited.connect(self._update_tol_hint)
        return group

    def _update_tol_hint(self) -> None:
        off = self.tol_field.is_valid() and self.tol_field.value() == 0
        self.tol_hint.setText(
            translate("ParameterPanel", "0 = off: every run goes to max steps") if off else
            translate("ParameterPanel", "stop when |\u0394f| < tol; 0 = off"))

    # -- public API -----------------------------------------------------------------------
    def set_hparams(self, entry_index: int, hparams: Mapping[str, float]) -> None:
        """Put new hyperparameters into entry ``entry_index`` and emit once (when valid)."""
        try:
            box = self.boxes[entry_index]
            box.set_hparams(hparams)
        except (IndexError, KeyError) as error:
            self.message.emit(translate("ParameterPanel", "Cannot set hyperparameters: {0}")
                              .format(error))
            return
        self.expand(entry_index)
        self._timer.stop()
        self._commit()

    def expand(self, entry_index: int) -> None:
        """Unfold the box of optimizer ``entry_index`` (to show what just changed there)."""
        if 0 <= entry_index < len(self.boxes):
            self.boxes[entry_index].set_expanded(True)

    @property
    def edit_pending(self) -> bool:
        """True while an edit waits for the debounce (``settled`` follows)."""
        return self._timer.isActive()

    def is_valid(self) -> bool:
        return not self.problem()

    def problem(self) -> str:
        """What is wrong, e.g. "Adam: Invalid lr: -1 is outside (0, 1e+06]", or ""."""
        try:
            self.values()
        except ValueError as error:
            return str(error)
        return ""

    def add_optimizer(self, name: str) -> OptimizerBox:
        """Append ``name`` with the hyperparameters the document's function declares for it
        (the registry's defaults for the rest) and the next unused palette colour."""
        colour = next_colour([b.colour() for b in self.boxes])
        entry = function_hparams(OptimizerEntry(OptimizerConfig(name), colour),
                                 self.document.function)
        box = self._add_box(entry, expanded=True)
        QTimer.singleShot(0, box, lambda: self.scroll.ensureWidgetVisible(box))
        self._on_edited()
        return box

    def add_plugin(self, name: str) -> OptimizerBox | None:
        """Add the plug-in ``name`` as :meth:`add_optimizer` does, importing an installed
        package's entry point now; None, with one line in ``message``, when it fails to load."""
        try:
            get_optimizer(name)
        except ValueError as error:      # PluginError included
            self.message.emit(translate("ParameterPanel", "Not added: {0}").format(error))
            return None
        self._fill_plugins()
        return self.add_optimizer(name)

    def load_plugin_file(self, path: str | Path | None = None) -> OptimizerBox | None:
        """Add optimizer > From file…: load the plug-in file ``path`` (asked for when None)
        and add it with its defaults, as :meth:`add_optimizer` does; it joins the Add menu.
        None when no file was chosen, or, with one line in ``message`` and nothing changed,
        when the file fails to load."""
        path = path or self.ask_plugin_path()
        if not path:
            return None
        try:
            spec = plugins.load_file(path)
        except plugins.PluginError as error:
            self.message.emit(translate("ParameterPanel", "Not loaded: {0}").format(error))
            return None
        self._plugin_folder = str(Path(path).parent)
        self._fill_plugins()
        self.message.emit(translate("ParameterPanel", "Loaded the plug-in {0} from {1}")
                          .format(spec.name, path))
        return self.add_optimizer(spec.name)

    def open_torch_dialog(self) -> TorchDialog:
        """Add optimizer > torch optimizer…: the dialog (not modal); its OK adds the class
        it resolved, as :meth:`add_optimizer` does."""
        dialog = TorchDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.add_optimizer(dialog.name))
        self.torch_dialog = dialog
        dialog.open()
        return dialog

    def ask_plugin_path(self) -> str:
        """The plug-in file to load, from a file dialog; "" when none was chosen."""
        path, _ = QFileDialog.getOpenFileName(
            self, translate("ParameterPanel", "Load an optimizer from a file"),
            self._plugin_folder or str(Path.home()),
            translate("ParameterPanel", "Python files (*.py);;All files (*)"))
        return path

    def remove_optimizer(self, box: OptimizerBox) -> None:
        self._drop_box(box)
        self.empty_hint.setVisible(not self.boxes)
        self._on_edited()

    # -- internals ------------------------------------------------------------------------
    def _add_box(self, entry: OptimizerEntry, expanded: bool = False,
                 at: int | None = None) -> OptimizerBox:
        box = OptimizerBox(entry, self.scroll.widget(), expanded=expanded)
        box.set_samples(n_samples_of(self.document.function))
        box.changed.connect(self._on_edited)
        box.remove_requested.connect(self.remove_optimizer)
        box.scrub_started.connect(self._on_scrub_started)
        box.hparams_previewing.connect(self._on_hparams_previewing)
        box.scrub_ended.connect(self._on_scrub_ended)
        at = len(self.boxes) if at is None else at
        self.list_layout.insertWidget(at + 1, box)  # after the empty hint
        self.boxes.insert(at, box)
        self.empty_hint.setVisible(False)
        return box

    def _fill_plugins(self) -> None:
        """The Add menu's plug-ins, as they are now (:mod:`.plugin_menu`)."""
        for action in self._plugin_actions:
            self.add_menu.removeAction(action)
            action.deleteLater()
        self._plugin_actions = fill_plugins(self.add_menu, self._entry_points or [],
                                            self.add_plugin, self.load_plugin_file,
                                            self.open_torch_dialog)

    def _on_add_menu_shown(self) -> None:
        if self._entry_points is None:    # importlib.metadata: not at launch
            try:
                self._entry_points = plugins.entry_point_names()
            except Exception:    # a broken installed distribution: no entry points listed
                self._entry_points = []
        self._fill_plugins()   # plug-ins a session loaded meanwhile

    def _drop_box(self, box: OptimizerBox) -> None:
        box.cancel_scrub()
        self.boxes.remove(box)
        self.list_layout.removeWidget(box)
        box.hide()
        box.deleteLater()

    def values(self) -> dict:
        """What the fields say, as :meth:`Document.update` keywords (what the panel writes
        once the debounce fires); ValueError naming the first problem."""
        problem = self.function_chooser.problem()
        for box in self.boxes:
            problem = problem or (box.problem() and f"{box.spec.title}: {box.problem()}")
        for field in (self.max_steps_field, self.tol_field, self.seed_field):
            problem = problem or field.problem()
        if problem:
            raise ValueError(problem)
        function, expression = self.function_chooser.function()
        return {"function": function, "expression": expression,
                "entries": [box.entry() for box in self.boxes],
                "max_steps": int(self.max_steps_field.value()),
                "tol": float(self.tol_field.value()), "seed": int(self.seed_field.value())}

    # -- the document's changes -----------------------------------------------------------
    def _on_function_changed(self, function: TestFunction, expression: str | None) -> None:
        if not self._writing:
            self.function_chooser.set_function(function, expression)
        for box in self.boxes:     # a mini-batch of a model's samples, or of the terms
            box.set_samples(n_samples_of(function))

    def _on_optimizers_changed(self, entries: tuple[OptimizerEntry, ...]) -> None:
        """Show ``entries``: a box whose entry is unchanged stays as it is (folded or not);
        one whose entry changed is made again, as folded as it was."""
        if self._writing:
            return
        for i, entry in enumerate(entries):
            box = self.boxes[i] if i < len(self.boxes) else None
            if box is not None and _entry_of(box) == entry:
                continue
            expanded = box is not None and box.is_expanded()
            if box is not None:
                self._drop_box(box)
            self._add_box(entry, expanded=expanded, at=i)
        for box in self.boxes[len(entries):]:
            self._drop_box(box)
        self.empty_hint.setVisible(not self.boxes)

    def _on_settings_changed(self, max_steps: int, tol: float, seed: int) -> None:
        if self._writing:
            return
        self.max_steps_field.set_value(max_steps)
        self.tol_field.set_value(tol)
        self.seed_field.set_value(seed)
        self._update_tol_hint()

    def _on_document_changed(self, _parts) -> None:
        if not self._writing and self._complained and self.is_valid():
            self._complained = False     # what was refused is no longer shown
            self.message.emit("")

    # -- edits ----------------------------------------------------------------------------
    def _on_edited(self) -> None:
        self._timer.start()  # restarts a running timer: one emission after a burst of edits

    def _on_debounced(self) -> None:
        self._commit()
        self.settled.emit()

    def _commit(self) -> None:
        try:
            values = self.values()
        except ValueError as error:  # ExpressionError and OptimizerConfig's refusals included
            if self.function_chooser.awaits_expression():
                self._withdraw_complaint()    # "Custom…" just chosen: the hint says enough
                return
            self.message.emit(translate("ParameterPanel", "Not applied: {0}").format(error))
            self._complained = True
            return
        self._withdraw_complaint()
        self._writing = True
        try:
            note = self.document.edit(**values)
        finally:
            self._writing = False
        if note:   # a new function's hyperparameters went into the entries: show them
            self._on_optimizers_changed(tuple(self.document.entries))
            self.message.emit(note)
        self.applied.emit()

    # -- sweeps ---------------------------------------------------------------------------
    def _on_scrub_started(self, _box: OptimizerBox) -> None:
        if self._timer.isActive():   # an edit waiting for the debounce goes first, so the
            self._timer.stop()        # boxes are the document's entries, index for index
            self._commit()

    def _on_hparams_previewing(self, box: OptimizerBox, hparams: dict) -> None:
        self._previewing = True
        self.hparams_previewing.emit(self.boxes.index(box), hparams)

    def _on_scrub_ended(self, _box: OptimizerBox, changed: bool) -> None:
        if changed:   # the path of a typed value, without the wait: one change of the document
            self._timer.stop()
            self._commit()
        if self._previewing:
            self._previewing = False
            self.preview_ended.emit()

    def _withdraw_complaint(self) -> None:
        if self._complained:
            self._complained = False
            self.message.emit("")


def _entry_of(box: OptimizerBox) -> OptimizerEntry | None:
    """What ``box`` holds, or None while a field is refused."""
    try:
        return box.entry() if not box.problem() else None
    except ValueError:
        return None
