"""The Search dock's form: what to search and how, validated as it is typed.

One of the parameter panel's optimizers; one or two of its hyperparameters, each a range with a
linear or log scale (:class:`~.search_axis.AxisRow`); the method (grid, random, coarse-to-fine
with its rounds, keep and shrink), the budget, the objective, the max steps and the start points
(the window's, or K random ones). :meth:`SearchForm.validate` marks every bad field and names the
first problem, as the core would (``Axis.check``); :meth:`SearchForm.job` fixes everything into
a :class:`SearchJob` that runs in the background.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QWidget,
)

from ...core.engine import MAX_STEPS_PARAM, SEED_PARAM, OptimizerConfig
from ...core.functions import TestFunction
from ...core.i18n import QT_TRANSLATE_NOOP
from ...core.params import Param
from ...core.search import (
    MAX_BUDGET,
    METHODS,
    OBJECTIVE_TITLES,
    OBJECTIVES,
    Axis,
    SearchResult,
    check_work,
    grid_shape,
    random_starts,
    search,
    search_title,
)
from ...document import Document
from ..guarded import guarded
from ..task_runner import fraction_progress
from ..views.run_styles import optimizer_label
from .form_labels import HintLabel
from .scrolled_form import ScrolledForm
from .search_axis import AxisRow, field_row

translate = QCoreApplication.translate

BUDGET = Param("budget", 400, 1, MAX_BUDGET, integer=True,
               help=QT_TRANSLATE_NOOP("Params", "configurations in all; a grid takes "
                                      "budget^(1/D) points per hyperparameter"))
ROUNDS = Param("rounds", 3, 1, 20, integer=True,
               help=QT_TRANSLATE_NOOP("Params", "coarse-to-fine: rounds of sampling"))
KEEP = Param("keep", 0.2, 0.0, 1.0, low_open=True,
             help=QT_TRANSLATE_NOOP("Params", "coarse-to-fine: the best fraction of the "
                                    "samples the next box is drawn around"))
SHRINK = Param("shrink", 0.5, 0.0, 1.0, low_open=True,
               help=QT_TRANSLATE_NOOP("Params", "coarse-to-fine: each round's box is this "
                                      "fraction as wide as the last"))
RANDOM_STARTS = Param("random starts", 5, 1, 1000, integer=True,
                      help=QT_TRANSLATE_NOOP("Params", "start points drawn uniformly in the "
                                             "function's view"))
MAX_STEPS = dataclasses.replace(MAX_STEPS_PARAM, default=500)
START_SEED = dataclasses.replace(
    SEED_PARAM, help=QT_TRANSLATE_NOOP("Params", "seed of the random start points"))
METHOD_TITLES = {"grid": QT_TRANSLATE_NOOP("SearchForm", "grid"),
                 "random": QT_TRANSLATE_NOOP("SearchForm", "random (uniform in the scale)"),
                 "coarse-to-fine": QT_TRANSLATE_NOOP("SearchForm", "coarse-to-fine")}


@dataclass
class SearchJob:
    """Everything one search needs, fixed when Run is pressed."""

    entry_index: int
    base: OptimizerConfig
    function: TestFunction
    axes: tuple[Axis, ...]
    method: str
    budget: int
    objective: str
    starts: np.ndarray
    max_steps: int
    tol: float
    seed: int
    rounds: int
    keep: float
    shrink: float

    @property
    def title(self) -> str:
        return search_title(self.base.spec.title, self.function.title, self.objective,
                            self.method)

    def __call__(self, cancel: Callable[[], bool], progress: Callable[[int, int], None]):
        clock = time.perf_counter()
        result = search(self.function, self.base, self.axes, method=self.method,
                        budget=self.budget, objective=self.objective, starts=self.starts,
                        max_steps=self.max_steps, tol=self.tol, seed=self.seed,
                        rounds=self.rounds, keep=self.keep, shrink=self.shrink, cancel=cancel,
                        progress=fraction_progress(progress))
        return SearchOutcome(self, result, time.perf_counter() - clock)


@dataclass
class SearchOutcome:
    job: SearchJob
    result: SearchResult
    seconds: float


class SearchForm(ScrolledForm):
    """The search settings, scrollable (:class:`~.scrolled_form.ScrolledForm`): the
    document gives the optimizers, the function, the tolerance, the seed and the current
    start points."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self._entry_name: str | None = None
        content, form = self.content, self.form

        self.optimizer_combo = QComboBox(content)
        self.optimizer_combo.setToolTip(translate(
            "SearchForm", "The parameter panel's optimizers: the one searched; its other "
            "settings stay as they are there"))
        self.optimizer_combo.currentIndexChanged.connect(self._on_optimizer_chosen)
        form.addRow(translate("SearchForm", "optimizer"), self.optimizer_combo)

        self.rows = [AxisRow(content), AxisRow(content)]
        self.second = QCheckBox(translate("SearchForm", "and"), content)
        self.second.setToolTip(translate(
            "SearchForm", "Search a second hyperparameter: a heatmap instead of a curve"))
        self.second.setChecked(True)
        self.second.toggled.connect(self._on_second_toggled)
        form.addRow(translate("SearchForm", "search"), self.rows[0])
        form.addRow(self.second, self.rows[1])
        for row in self.rows:
            row.changed.connect(self._on_edited)

        self.method_combo = QComboBox(content)
        for method in METHODS:
            self.method_combo.addItem(translate("SearchForm", METHOD_TITLES[method]), method)
        self.method_combo.currentIndexChanged.connect(self._on_method_changed)
        self.budget_field = self._field(BUDGET, content)
        self.budget_hint = HintLabel("", content)
        self.budget_hint.setWordWrap(False)
        self.budget_hint.setSizePolicy(QSizePolicy.Policy.Preferred,
                                       QSizePolicy.Policy.Preferred)
        self.budget_hint.setToolTip(translate("SearchForm", "The grid: points per hyperparameter"))
        self.budget_hint.setFixedHeight(QLineEdit().sizeHint().height())
        form.addRow(translate("SearchForm", "method"),
                    field_row(self.method_combo, translate("SearchForm", "budget"),
                              self._wrap(self.budget_field), self.budget_hint))
        self.rounds_field = self._field(ROUNDS, content)
        self.keep_field = self._field(KEEP, content)
        self.shrink_field = self._field(SHRINK, content)
        self.c2f_row = field_row(translate("SearchForm", "rounds"), self._wrap(self.rounds_field),
                                 translate("SearchForm", "keep"), self._wrap(self.keep_field),
                                 translate("SearchForm", "shrink"), self._wrap(self.shrink_field))
        form.addRow("", self.c2f_row)

        self.objective_combo = QComboBox(content)
        for objective in OBJECTIVES:
            self.objective_combo.addItem(translate("Search", OBJECTIVE_TITLES[objective]),
                                         objective)
        self.objective_combo.setToolTip(translate(
            "SearchForm", "Lower is better; averaged over the start points; a diverged run "
            "scores worst"))
        self.objective_combo.currentIndexChanged.connect(self._on_edited)
        self.max_steps_field = self._field(MAX_STEPS, content)
        form.addRow(translate("SearchForm", "objective"),
                    field_row(self.objective_combo, translate("SearchForm", "max steps"),
                              self._wrap(self.max_steps_field)))

        self.current_starts = QRadioButton(translate("SearchForm", "current"), content)
        self.current_starts.setToolTip(translate("SearchForm", "The canvas's start points"))
        self.current_starts.setChecked(True)
        self.random_starts = QRadioButton(translate("SearchForm", "random"), content)
        self.random_starts.setToolTip(translate(
            "SearchForm", "Start points drawn uniformly in the function's view"))
        self.k_field = self._field(RANDOM_STARTS, content)
        self.seed_field = self._field(START_SEED, content)
        self.current_starts.toggled.connect(self._on_edited)
        form.addRow(translate("SearchForm", "starts"),
                    field_row(self.current_starts, self.random_starts, self._wrap(self.k_field),
                              translate("SearchForm", "seed"), self._wrap(self.seed_field)))

        self._finish()
        self._on_method_changed()
        document.events.changed.connect(self._on_document_changed)
        self.refresh()

    # -- public -----------------------------------------------------------------------------
    def entry_index(self) -> int | None:
        data = self.optimizer_combo.currentData()
        return None if data is None else int(data)

    def set_optimizer(self, entry_index: int) -> None:
        """Choose the panel's optimizer entry ``entry_index``."""
        self.optimizer_combo.setCurrentIndex(self.optimizer_combo.findData(entry_index))

    def refresh(self) -> None:
        """Re-read the panel's optimizers and the window's start points."""
        self._refresh_optimizers()
        self.current_starts.setText(translate("SearchForm", "current ({0})")
                                    .format(len(self._document.starts)))

    def validate(self) -> str:
        """Mark every bad field and return the first problem ("" when a search may run)."""
        return self._validate()

    def job(self) -> SearchJob:
        """Everything the search needs, fixed now (ValueError when the core refuses it)."""
        return self._job_from_fields()

    def _base(self) -> OptimizerConfig | None:
        index = self.entry_index()
        entries = self._document.entries
        return entries[index].config if index is not None and index < len(entries) else None

    def _axis_rows(self) -> list[AxisRow]:
        return [row for row in self.rows if row.isEnabled()]

    def _validate(self, *_) -> str:
        base = self._base()
        problems = [row.validate(base) for row in self.rows]
        if base is None:
            problems.insert(0, translate(
                "SearchForm", "Add an optimizer in the parameter panel to search it"))
        rows = self._axis_rows()
        if len(rows) == 2 and rows[0].name() == rows[1].name():
            message = translate("SearchForm",
                                "Search two different hyperparameters (or untick the second)")
            rows[1].message.show_message(message)
            problems.append(message)
        random = self.random_starts.isChecked()
        self.k_field.setEnabled(random)
        self.seed_field.setEnabled(random)
        fields = [self.budget_field, self.max_steps_field]
        if self.method() == "coarse-to-fine":
            fields += [self.rounds_field, self.keep_field, self.shrink_field]
        if random:
            fields += [self.k_field, self.seed_field]
        problems += [f.problem() for f in fields]
        if not random and len(self._document.starts) == 0:
            problems.append(translate("SearchForm", "No start points: click the canvas to add "
                                      "one, or use random starts"))
        elif all(f.is_valid() for f in fields) and rows:
            n_starts = int(self.k_field.value()) if random else len(self._document.starts)
            try:   # a round must fit in memory: configurations x start points
                check_work(self.method(), int(self.budget_field.value()),
                           int(self.rounds_field.value()), len(rows), n_starts)
            except ValueError as error:
                problems.append(translate("SearchForm", "Too large a search: {0}").format(error))
        if self.objective() == "steps" and self._document.tol <= 0:
            problems.append(translate("SearchForm", "Steps to the tolerance needs a tolerance: "
                                      "set one above 0 in the parameter panel"))
        self._update_budget_hint()
        problem = next((p for p in problems if p), "")
        self.changed.emit(problem)
        return problem

    def method(self) -> str:
        return self.method_combo.currentData()

    def objective(self) -> str:
        return self.objective_combo.currentData()

    def _job_from_fields(self) -> SearchJob:
        state = self._document
        index = self.entry_index()
        base = state.entries[index].config
        if self.random_starts.isChecked():
            starts = random_starts(state.function, int(self.k_field.value()),
                                   int(self.seed_field.value()))
        else:
            starts = state.starts.copy()
        axes = tuple(row.axis() for row in self._axis_rows())
        for axis in axes:
            axis.check(base)
        return SearchJob(index, base, state.function, axes, self.method(),
                         int(self.budget_field.value()), self.objective(), starts,
                         int(self.max_steps_field.value()), state.tol, state.seed,
                         int(self.rounds_field.value()), float(self.keep_field.value()),
                         float(self.shrink_field.value()))

    def _update_budget_hint(self) -> None:
        rows = self._axis_rows()
        text = ""
        if self.method() == "grid" and self.budget_field.is_valid():
            flags = [bool(row.param() is not None and row.param().flag) for row in rows]
            shape = grid_shape(flags, int(self.budget_field.value()))
            text = "\u00d7".join(str(n) for n in shape) if len(rows) > 1 else ""
        self.budget_hint.setText(text)

    def _refresh_optimizers(self) -> None:
        entries = self._document.entries
        current = self.entry_index()
        combo = self.optimizer_combo
        combo.blockSignals(True)
        combo.clear()
        for i, entry in enumerate(entries):
            text = f"{i + 1}. {optimizer_label(entry.config)}"
            if not entry.enabled:
                text = translate("SearchForm", "{0} \u2014 off").format(text)
            combo.addItem(text, i)
        names = [e.config.name for e in entries]
        if current is not None and current < len(entries) and names[current] == self._entry_name:
            index = current
        elif self._entry_name in names:
            index = names.index(self._entry_name)
        else:
            enabled = [i for i, e in enumerate(entries) if e.enabled]
            index = enabled[0] if enabled else (0 if entries else -1)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)
        if index >= 0 and names[index] != self._entry_name:
            self._on_optimizer_chosen()

    @guarded
    def _on_edited(self, *_) -> None:
        self._validate()

    @guarded
    def _on_document_changed(self, parts: frozenset[str]) -> None:
        if not parts - {"view"}:
            return
        self.refresh()
        self._validate()

    @guarded
    def _on_optimizer_chosen(self, *_) -> None:
        base = self._base()
        if base is None:
            self._entry_name = None
            return
        self._entry_name = base.name
        names = [p.name for p in base.spec.params]
        self.rows[0].set_optimizer(base.spec, "lr")
        second = "momentum" if "momentum" in names else next(
            (n for n in names if n != self.rows[0].name()), None)
        self.rows[1].set_optimizer(base.spec, second)
        self.second.setEnabled(len(names) > 1)
        self.second.blockSignals(True)
        self.second.setChecked(second == "momentum")
        self.second.blockSignals(False)
        self._on_second_toggled()

    @guarded
    def _on_second_toggled(self, *_) -> None:
        self.rows[1].setEnabled(self.second.isChecked() and self.second.isEnabled())
        self._validate()

    @guarded
    def _on_method_changed(self, *_) -> None:
        self.form.setRowVisible(self.c2f_row, self.method() == "coarse-to-fine")
        self._validate()

