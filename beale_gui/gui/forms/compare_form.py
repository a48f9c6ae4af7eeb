"""The Compare dock's form: the protocol of a fair comparison, validated as it is typed.

The optimizers compared are the parameter panel's enabled ones, with their current values
fixed; the learning rate is tuned, around each optimizer's own value (the core's default range,
lr / 100 .. lr * 100) or over one range given for all. The rest is the protocol
(:class:`~beale_gui.core.compare.Protocol`): the budget and method, the tuning and evaluation
starts and their design, the target tolerance, the max steps and the seed.
:meth:`CompareForm.validate` marks every bad field and names the first problem, as the core
would; :meth:`CompareForm.job` fixes everything into a :class:`CompareJob` that runs in the
background.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from ...core.compare import (
    DESIGNS,
    LR_SPAN,
    MAX_BUDGET,
    MAX_STARTS,
    METHODS,
    Comparison,
    Protocol,
    run_comparison,
)
from ...core.engine import MAX_STEPS_PARAM, SEED_PARAM
from ...core.i18n import QT_TRANSLATE_NOOP
from ...core.params import Param
from ...document import Document
from ..guarded import guarded
from ..task_runner import fraction_progress
from ..views.run_styles import optimizer_label
from .fields import ParamField
from .form_labels import HintLabel
from .scrolled_form import ScrolledForm
from .search_axis import AxisRow, field_row

translate = QCoreApplication.translate

_DEFAULTS = Protocol.__dataclass_fields__
BUDGET = Param("budget", _DEFAULTS["budget"].default, 1, MAX_BUDGET, integer=True,
               help=QT_TRANSLATE_NOOP("Params", "configurations tried per optimizer, the same "
                                      "for each"))
TUNING_STARTS = Param("tuning starts", _DEFAULTS["tuning_starts"].default, 1, MAX_STARTS,
                      integer=True,
                      help=QT_TRANSLATE_NOOP("Params", "start points each configuration is "
                                             "tuned on"))
EVALUATION_STARTS = Param("evaluation starts", _DEFAULTS["evaluation_starts"].default, 1,
                          MAX_STARTS, integer=True,
                          help=QT_TRANSLATE_NOOP("Params", "other start points the tuned "
                                                 "values are judged on"))
TARGET_TOL = Param("tol", _DEFAULTS["tol"].default, 0.0, 1e6, low_open=True, log=True,
                   help=QT_TRANSLATE_NOOP("Params", "success: a final f within tol of the "
                                          "global minimum's value"))
MAX_STEPS = dataclasses.replace(MAX_STEPS_PARAM, default=_DEFAULTS["max_steps"].default,
                                low=1)
SEED = dataclasses.replace(SEED_PARAM, default=_DEFAULTS["seed"].default,
                           help=QT_TRANSLATE_NOOP("Params", "seed of the start points (and "
                                                  "of stochastic runs)"))
METHOD_TITLES = {"grid": QT_TRANSLATE_NOOP("CompareForm", "grid"),
                 "random": QT_TRANSLATE_NOOP("CompareForm", "random")}
DESIGN_TITLES = {"sobol": QT_TRANSLATE_NOOP("CompareForm", "Sobol (low discrepancy)"),
                 "uniform": QT_TRANSLATE_NOOP("CompareForm", "uniform")}


@dataclass
class CompareJob:
    """One comparison, fixed when Compare is pressed: the protocol, and for each of its
    optimizers the panel's entry it came from and its colour."""

    protocol: Protocol
    entries: tuple[int, ...]
    colours: tuple[str, ...]

    def __call__(self, cancel: Callable[[], bool], progress: Callable[[int, int], None]):
        comparison = run_comparison(self.protocol, cancel=cancel,
                                    progress=fraction_progress(progress))
        return CompareOutcome(self, comparison)


@dataclass
class CompareOutcome:
    job: CompareJob
    comparison: Comparison


class CompareForm(ScrolledForm):
    """The comparison's settings, scrollable (:class:`~.scrolled_form.ScrolledForm`): the
    document gives the function and the optimizers."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        content, form = self.content, self.form

        self.optimizers_label = HintLabel("", content)
        self.optimizers_label.setToolTip(translate(
            "CompareForm", "The parameter panel's enabled optimizers, each with its values "
            "there; only the learning rate is tuned"))
        form.addRow(translate("CompareForm", "compare"), self.optimizers_label)

        self.own_range = QCheckBox(translate("CompareForm", "around each one's lr "
                                             "(\u00f7{0:g} to \u00d7{0:g})").format(LR_SPAN),
                                   content)
        self.own_range.setToolTip(translate(
            "CompareForm", "Tune each optimizer's learning rate over a log range around its "
            "own value; untick to give one range for all"))
        self.own_range.setChecked(True)
        self.own_range.toggled.connect(self._on_edited)
        self.lr_row = AxisRow(content)
        self.lr_row.name_combo.hide()     # always lr: the row's label says so
        self.lr_row.changed.connect(self._on_edited)
        form.addRow(translate("CompareForm", "tune lr"), self.own_range)
        form.addRow("", self.lr_row)

        self.method_combo = self._combo(METHODS, METHOD_TITLES, content, translate(
            "CompareForm", "How the configurations are spread over the range: the same "
            "points for every optimizer"), _DEFAULTS["method"].default)
        self.design_combo = self._combo(DESIGNS, DESIGN_TITLES, content, translate(
            "CompareForm", "How the start points are drawn from the function's view"),
            _DEFAULTS["design"].default)
        (self.budget_field, self.tuning_field, self.evaluation_field, self.seed_field,
         self.tol_field, self.max_steps_field) = (
            self._field(p, content) for p in (BUDGET, TUNING_STARTS, EVALUATION_STARTS, SEED,
                                              TARGET_TOL, MAX_STEPS))
        rows = ((translate("CompareForm", "method"), self.method_combo,
                 translate("CompareForm", "budget"), self.budget_field),
                (translate("CompareForm", "starts"), translate("CompareForm", "tuning"),
                 self.tuning_field, translate("CompareForm", "evaluation"),
                 self.evaluation_field),
                (translate("CompareForm", "design"), self.design_combo,
                 translate("CompareForm", "seed"), self.seed_field),
                (translate("CompareForm", "target tol"), self.tol_field,
                 translate("CompareForm", "max steps"), self.max_steps_field))
        for label, *widgets in rows:
            form.addRow(label, field_row(*(self._wrap(w) if isinstance(w, ParamField) else w
                                           for w in widgets)))

        self._finish()
        document.events.changed.connect(self._on_document_changed)
        self.refresh()

    def _combo(self, keys, titles: dict, parent: QWidget, tip: str, default: str) -> QComboBox:
        combo = QComboBox(parent)
        for key in keys:
            combo.addItem(translate("CompareForm", titles[key]), key)
        combo.setCurrentIndex(combo.findData(default))
        combo.setToolTip(tip)
        combo.currentIndexChanged.connect(self._on_edited)
        return combo

    def _fields(self) -> list[ParamField]:
        return [self.budget_field, self.tuning_field, self.evaluation_field, self.seed_field,
                self.tol_field, self.max_steps_field]

    # -- public -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the panel's enabled optimizers."""
        enabled = self._document.enabled
        self.optimizers_label.setText(", ".join(optimizer_label(e.config) for e in enabled)
                                      or translate("CompareForm", "(no optimizer enabled)"))
        if enabled and self.lr_row.param() is None:
            self.lr_row.set_optimizer(enabled[0].config.spec, "lr")
        self.lr_row.setEnabled(not self.own_range.isChecked())

    def set_protocol(self, protocol: Protocol) -> None:
        """Show ``protocol``'s settings (a preset's); its lr range, if it gives one."""
        for field, value in ((self.budget_field, protocol.budget),
                             (self.tuning_field, protocol.tuning_starts),
                             (self.evaluation_field, protocol.evaluation_starts),
                             (self.seed_field, protocol.seed), (self.tol_field, protocol.tol),
                             (self.max_steps_field, protocol.max_steps)):
            field.set_value(value)
        for combo, value in ((self.method_combo, protocol.method),
                             (self.design_combo, protocol.design)):
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(value))
            combo.blockSignals(False)
        lr = next((a for a in protocol.axes if a.name == "lr"), None)
        self.own_range.blockSignals(True)
        self.own_range.setChecked(lr is None)
        self.own_range.blockSignals(False)
        if lr is not None:
            self.lr_row.set_optimizer(protocol.optimizers[0].spec, "lr")
            self.lr_row.set_range(lr.low, lr.high, lr.scale)
        self.refresh()
        self._validate()

    def validate(self) -> str:
        """Mark every bad field and return the first problem ("" when a comparison may
        run)."""
        return self._validate()

    def job(self) -> CompareJob:
        """Everything the comparison needs, fixed now (ValueError when the core refuses
        it)."""
        return self._job_from_fields()

    def _validate(self) -> str:
        self.lr_row.setEnabled(not self.own_range.isChecked())
        problems = [f.problem() for f in self._fields()]
        enabled = self._document.enabled
        problems.append(self.lr_row.validate(enabled[0].config if enabled else None))
        if not enabled:
            problems.append(translate("CompareForm", "Enable an optimizer in the parameter "
                                      "panel to compare it"))
        if not any(problems):
            try:    # the core's refusals: no known minimum, too many runs, a bad range...
                self._job_from_fields()
            except ValueError as error:
                problems.append(str(error))
        problem = next((p for p in problems if p), "")
        self.changed.emit(problem)
        return problem

    def _job_from_fields(self) -> CompareJob:
        document = self._document
        indices = [i for i, e in enumerate(document.entries) if e.enabled]
        entries = [document.entries[i] for i in indices]
        axes = () if self.own_range.isChecked() else (self.lr_row.axis(),)
        protocol = Protocol(
            document.function, tuple(e.config for e in entries), document.expression, axes,
            method=self.method_combo.currentData(), budget=int(self.budget_field.value()),
            tuning_starts=int(self.tuning_field.value()),
            evaluation_starts=int(self.evaluation_field.value()),
            design=self.design_combo.currentData(), tol=float(self.tol_field.value()),
            max_steps=int(self.max_steps_field.value()), seed=int(self.seed_field.value()))
        return CompareJob(protocol, tuple(indices), tuple(e.colour for e in entries))

    # -- slots ------------------------------------------------------------------------------
    @guarded
    def _on_edited(self, *_) -> None:
        self._validate()

    @guarded
    def _on_document_changed(self, parts: frozenset[str]) -> None:
        if not parts - {"view", "starts"}:
            return
        self.refresh()
        self._validate()
