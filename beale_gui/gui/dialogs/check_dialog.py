"""Tools > Check against a reference…: one of the panel's optimizers run beside a reference.

The user chooses the optimizer checked (one of the document's entries) and the reference:
another entry, or a built-in (or torch class) with its hyperparameters as text, such as
``adam:lr=0.05`` (read by the core, :func:`~beale_gui.core.key_values.optimizer_from_text`).
Run hands :func:`~beale_gui.core.check.check_optimizer` to a
:class:`~beale_gui.gui.task_runner.TaskRunner`, one surface at a time (the current function,
and optionally the default surfaces), from the document's start points with its max steps and
tolerance, with a progress bar and Cancel. The table says per surface the verdict, the largest
difference and the first step where the paths part; the line above it the overall "agree" or
"disagree". Text the core refuses is shown in one red line and nothing is run.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import check
from ...core.engine import Cancelled
from ...core.functions import get_function
from ...core.i18n import QT_TRANSLATE_NOOP
from ...core.key_values import optimizer_from_text
from ...document import Document
from ..forms.form_labels import MESSAGE_COLOUR, HintLabel, MessageLabel, compact_form
from ..guarded import guarded
from ..task_runner import TaskRunner

translate = QCoreApplication.translate

COLUMNS = (QT_TRANSLATE_NOOP("CheckDialog", "surface"),
           QT_TRANSLATE_NOOP("CheckDialog", "verdict"),
           QT_TRANSLATE_NOOP("CheckDialog", "largest difference"),
           QT_TRANSLATE_NOOP("CheckDialog", "paths part at step"),
           QT_TRANSLATE_NOOP("CheckDialog", "same end"))
VERDICTS = {"agree": QT_TRANSLATE_NOOP("CheckDialog", "agree"),
            "disagree": QT_TRANSLATE_NOOP("CheckDialog", "disagree")}
AGREE_COLOUR = "#2e7d32"


class CheckDialog(QDialog):
    """The optimizer, the reference, the surfaces; Run, Cancel and progress; the verdicts.

    Signals
    -------
    finished(list)
        The :class:`~beale_gui.core.check.SurfaceCheck` of each surface, once shown.
    """

    finished = Signal(object)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CheckDialog", "Check against a reference"))
        self._document = document
        self.results: list[check.SurfaceCheck] | None = None
        self.runner = TaskRunner(self, name="check")
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.progress.connect(self._on_progress)

        self.optimizer = QComboBox(self)
        self.optimizer.setToolTip(translate("CheckDialog", "The optimizer checked: one of "
                                            "the parameter panel's"))
        self.reference = QComboBox(self)
        self.reference.setEditable(True)
        self.reference.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reference.setMinimumContentsLength(30)
        self.reference.lineEdit().setPlaceholderText("adam:lr=0.05")
        self.reference.setToolTip(translate(
            "CheckDialog", "What it should match: another of the panel's optimizers, or a name "
            "with its hyperparameters, e.g. adam:lr=0.05 or torch:torch.optim.Adam:lr=0.05 "
            "(give them: defaults differ)"))
        self.reference.editTextChanged.connect(self._on_edited)
        self.defaults = QCheckBox(translate("CheckDialog", "also {0}").format(
            ", ".join(check.DEFAULT_FUNCTIONS)), self)
        self.defaults.setToolTip(translate("CheckDialog", "Check on the default surfaces as "
                                           "well as the current function"))
        form = compact_form(QFormLayout())
        form.addRow(translate("CheckDialog", "optimizer"), self.optimizer)
        form.addRow(translate("CheckDialog", "reference"), self.reference)
        form.addRow(translate("CheckDialog", "surfaces"), self.defaults)
        self.message = MessageLabel(self)
        hint = HintLabel(translate(
            "CheckDialog", "Both run from the canvas's start points with its max steps and "
            "tolerance. Each start's status and stop step are compared, then the paths up to "
            "the stop step (rtol {0:g}, atol {1:g}).").format(check.RTOL, check.ATOL), self)

        self.run_button = QPushButton(translate("CheckDialog", "Run"), self)
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self._on_run_clicked)
        self.cancel_button = QPushButton(translate("CheckDialog", "Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.progress = QProgressBar(self)
        self.progress.setFormat("%p%")
        self.progress.setValue(0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)

        self.verdict = QLabel(self)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([translate("CheckDialog", c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table, 1)
        self.resize(640, 420)
        self.set_entries()

    # -- public -----------------------------------------------------------------------------
    def set_entries(self) -> None:
        """The document's optimizers in both lists, the choices kept where they still are."""
        entries = self._document.entries
        labels = [f"{i + 1}: {e.config.title()}" for i, e in enumerate(entries)]
        chosen, typed = self.optimizer.currentIndex(), self.reference.currentText()
        self.optimizer.clear()
        self.optimizer.addItems(labels)
        self.optimizer.setCurrentIndex(min(max(chosen, 0), len(labels) - 1))
        self.reference.blockSignals(True)
        self.reference.clear()
        for i, label in enumerate(labels):
            self.reference.addItem(label, i)
        self.reference.setEditText(typed)
        self.reference.blockSignals(False)

    def set_reference(self, text: str) -> None:
        self.reference.setEditText(text)

    def run(self) -> bool:
        """Read the choices and start the check; False, with one line in red and nothing
        started, when they are refused."""
        try:
            candidate, reference, functions = self._job()
        except ValueError as error:
            self.message.show_message(" ".join(str(error).split()))
            return False
        if self.runner.is_closed:
            return False
        d = self._document
        starts, max_steps, tol = d.starts, d.max_steps, d.tol
        self.message.show_message("")
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.verdict.setStyleSheet("")
        self.verdict.setText(translate("CheckDialog", "Checking {0} against {1} on {2} "
                                       "surfaces\u2026").format(candidate.title(),
                                                               reference.title(),
                                                               len(functions)))

        def task(cancel, progress):
            results = []
            for i, function in enumerate(functions):
                if cancel():
                    raise Cancelled
                progress(i, len(functions))
                results += check.check_optimizer(candidate, reference, [function], starts,
                                                 max_steps, tol)
            progress(len(functions), len(functions))
            return results

        self.runner.submit(task)
        return True

    def cancel(self) -> None:
        if self.runner.busy:
            self.runner.cancel()

    def shutdown(self) -> None:
        """Stop the check and its thread (the window is closing)."""
        self.runner.shutdown()

    def report_error(self, message: str) -> None:
        self.message.show_message(message)

    # -- internals --------------------------------------------------------------------------
    def _job(self):
        """(the candidate's config, the reference's, the functions); ValueError naming what
        is wrong."""
        entries = self._document.entries
        index = self.optimizer.currentIndex()
        if not 0 <= index < len(entries):
            raise ValueError(translate("CheckDialog", "Add an optimizer to the panel to "
                                       "check it."))
        candidate = entries[index].config
        text = self.reference.currentText().strip()
        found = self.reference.findText(text)
        if found >= 0 and self.reference.itemData(found) is not None:
            reference = entries[int(self.reference.itemData(found))].config
        elif not text:
            raise ValueError(translate("CheckDialog", "Give a reference, such as "
                                       "adam:lr=0.05, or choose one of the panel's "
                                       "optimizers."))
        else:
            reference = optimizer_from_text(text, translate("CheckDialog", "reference"))
        functions = [self._document.function]
        if self.defaults.isChecked():
            names = {f.name for f in functions}
            functions += [get_function(n) for n in check.DEFAULT_FUNCTIONS if n not in names]
        return candidate, reference, functions

    def _idle(self) -> None:
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _show(self, results: list[check.SurfaceCheck]) -> None:
        self.table.setRowCount(len(results))
        for row, result in enumerate(results):
            same = sum(s.same_end for s in result.starts)
            cells = (result.function,
                     translate("CheckDialog", VERDICTS[result.verdict]),
                     f"{result.largest:.3g}",
                     "\u2014" if result.parts_at is None else str(result.parts_at),
                     f"{same}/{len(result.starts)}")
            tip = "\n".join(check.describe(result))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                self.table.setItem(row, column, item)
        agree = all(r.agree for r in results)
        self.verdict.setStyleSheet(f"color: {AGREE_COLOUR if agree else MESSAGE_COLOUR}; "
                                   "font-weight: bold;")
        self.verdict.setText(translate("CheckDialog", VERDICTS["agree" if agree else
                                                               "disagree"]))

    # -- slots ------------------------------------------------------------------------------
    @guarded
    def _on_run_clicked(self, *_) -> None:
        self.run()

    @guarded
    def _on_cancel_clicked(self, *_) -> None:
        self.cancel()

    def _on_edited(self, *_) -> None:
        self.message.show_message("")

    @guarded
    def _on_finished(self, _generation: int, results: list) -> None:
        self._idle()
        self.results = results
        self._show(results)
        self.finished.emit(results)

    @guarded
    def _on_failed(self, _generation: int, message: str) -> None:
        self._idle()
        self.progress.setValue(0)
        self.verdict.setText("")
        self.message.show_message(" ".join(message.split()))

    @guarded
    def _on_cancelled(self, _generation: int) -> None:
        self._idle()
        self.progress.setValue(0)
        self.verdict.setStyleSheet("")
        self.verdict.setText(translate("CheckDialog", "Cancelled."))

    @guarded
    def _on_progress(self, _generation: int, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
