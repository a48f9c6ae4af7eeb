"""The Compare dock: a fair comparison of the panel's optimizers, in the background.

The form (:class:`~.compare_form.CompareForm`) states the protocol; Compare hands
:func:`core.compare.run_comparison` to a :class:`~..task_runner.TaskRunner` with a progress bar
and Cancel (which returns at once and keeps the comparison shown before). The result is the
results table (per optimizer: tuned values, success fractions, steps and evaluations to the
target, time; the text is the core's, :func:`~beale_gui.core.compare_io.result_rows`) and the
:class:`~..views.compare_plot.ComparePlot`. Clicking a row or a curve emits
``picked(entry_index, tuned)``; clicking a start on an outcome map emits
``start_picked(x, y)``; :class:`~..controllers.compare.CompareController` turns them into
document edits. Export figure… writes PNG or SVG through the render module, Save results…
JSON or CSV through the core's writers, both atomically.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from ...core.compare_io import comparison_csv, result_rows, write_comparison_json
from ...core.fileio import write_text_atomic
from ...core.i18n import QT_TRANSLATE_NOOP
from ...document import Document
from ...export import DEFAULT_IMAGE_SIZE
from ..guarded import guarded
from ..views.compare_plot import ComparePlot
from .compare_form import CompareForm, CompareOutcome
from .task_panel import PROGRESS_STEPS, TaskPanel, button_row

translate = QCoreApplication.translate
# English; shown as translate("ComparePanel", text); one per column of result_rows
HEADER = (QT_TRANSLATE_NOOP("ComparePanel", "optimizer"),
          QT_TRANSLATE_NOOP("ComparePanel", "tuned"),
          QT_TRANSLATE_NOOP("ComparePanel", "tuning"),
          QT_TRANSLATE_NOOP("ComparePanel", "global"),
          QT_TRANSLATE_NOOP("ComparePanel", "local"),
          QT_TRANSLATE_NOOP("ComparePanel", "diverged"),
          QT_TRANSLATE_NOOP("ComparePanel", "not conv."),
          QT_TRANSLATE_NOOP("ComparePanel", "steps (median [q1, q3])"),
          QT_TRANSLATE_NOOP("ComparePanel", "evaluations"),
          QT_TRANSLATE_NOOP("ComparePanel", "seconds"))
HEADER_TIPS = (QT_TRANSLATE_NOOP("ComparePanel", "Click a row to load its tuned values into "
                                 "the parameter panel"),
               QT_TRANSLATE_NOOP("ComparePanel", "The values chosen on the tuning starts (4 "
                                 "significant digits)"),
               QT_TRANSLATE_NOOP("ComparePanel", "Success rate of the chosen values on the "
                                 "tuning starts"),
               QT_TRANSLATE_NOOP("ComparePanel", "Evaluation runs ending within tol of the "
                                 "global minimum's value"),
               QT_TRANSLATE_NOOP("ComparePanel", "Evaluation runs ending at a local minimum"),
               QT_TRANSLATE_NOOP("ComparePanel", "Evaluation runs that diverged"),
               QT_TRANSLATE_NOOP("ComparePanel", "Evaluation runs that ended nowhere within "
                                 "max steps"),
               QT_TRANSLATE_NOOP("ComparePanel", "Steps to reach the target among the "
                                 "successes: median [first, third quartile]"),
               QT_TRANSLATE_NOOP("ComparePanel", "Function evaluations to the target, for an "
                                 "optimizer that makes several a step"),
               QT_TRANSLATE_NOOP("ComparePanel", "Time taken to tune and evaluate"))
FIGURE_FILTER = QT_TRANSLATE_NOOP("ComparePanel", "PNG image (*.png);;SVG image (*.svg)")
RESULTS_FILTER = QT_TRANSLATE_NOOP("ComparePanel", "JSON with the protocol and every run "
                                   "(*.json);;CSV, one row per run (*.csv)")


class ComparePanel(TaskPanel):
    """The form, Compare and Cancel with a progress bar, the results table, the exports and
    the plot.

    Signals
    -------
    picked(int, dict)
        Load these tuned values into the panel's optimizer entry ``int``.
    start_picked(float, float)
        Add this start point (an evaluation start clicked on an outcome map).
    """

    picked = Signal(int, object)
    start_picked = Signal(float, float)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__("compare", parent)
        self._document = document
        self.outcome: CompareOutcome | None = None
        self.folder = os.path.expanduser("~")
        self.form = CompareForm(document, self)
        self.form.changed.connect(self._on_form_changed)
        self.plot = ComparePlot(self, compact=True)
        self.plot.optimizer_clicked.connect(self._on_plot_picked)
        self.plot.start_clicked.connect(self._on_start_clicked)
        self.table = self._build_table(len(HEADER), translate(
            "ComparePanel", "Click an optimizer to load its tuned values and watch it"),
            self._on_table_clicked)
        self.table.setHorizontalHeaderLabels([translate("ComparePanel", h) for h in HEADER])
        for c, tip in enumerate(HEADER_TIPS):
            self.table.horizontalHeaderItem(c).setToolTip(translate("ComparePanel", tip))
        controls = self._build_controls(translate("ComparePanel", "Compare"), translate(
            "ComparePanel", "Tune every optimizer with the same budget, then judge it on other "
            "start points, in the background"))
        self._lay_out(controls, self._build_results(), self.plot, 700)
        self._set_exportable(False)
        self.form.validate()

    def _build_results(self) -> QWidget:
        self.export_button = QPushButton(translate("ComparePanel", "Export figure\u2026"), self)
        self.export_button.setToolTip(translate(
            "ComparePanel", "Save the runtime profiles and outcome maps as PNG or SVG"))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.save_button = QPushButton(translate("ComparePanel", "Save results\u2026"), self)
        self.save_button.setToolTip(translate(
            "ComparePanel", "Save the protocol, every evaluation start and every run's outcome "
            "as JSON (compare --session reruns it), or the runs as CSV"))
        self.save_button.clicked.connect(self._on_save_clicked)
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.table, 1)
        column.addLayout(button_row(self.export_button, self.save_button, stretch=True))
        return box

    def starting(self, job) -> str:
        protocol = job.protocol
        return translate("ComparePanel", "Comparing {0} optimizers on {1}: {2} configurations "
                         "each on {3} tuning starts, then {4} evaluation starts\u2026").format(
            len(protocol.optimizers), protocol.function.title, protocol.budget,
            protocol.tuning_starts, protocol.evaluation_starts)

    def refused(self, message: str) -> str:
        return translate("ComparePanel", "Comparison refused: {0}").format(message)

    def cancelled_text(self) -> str:
        text = translate("ComparePanel", "Comparison cancelled.")
        if self.outcome is not None:
            text += " " + translate("ComparePanel", "The last comparison is still shown.")
        return text

    # -- exports (the ask_* dialogs are replaced by tests) -----------------------------------
    def ask_figure_path(self) -> str:
        path, chosen = QFileDialog.getSaveFileName(
            self, translate("ComparePanel", "Export figure"), self._suggest(".png"),
            translate("ComparePanel", FIGURE_FILTER))
        return _with_suffix(path, ".svg" if "svg" in chosen.lower() else ".png")

    def ask_results_path(self) -> str:
        path, chosen = QFileDialog.getSaveFileName(
            self, translate("ComparePanel", "Save results"), self._suggest(".json"),
            translate("ComparePanel", RESULTS_FILTER))
        return _with_suffix(path, ".csv" if "csv" in chosen.lower() else ".json")

    def export_figure(self, path: str | os.PathLike,
                      size: tuple[int, int] = DEFAULT_IMAGE_SIZE) -> bool:
        """Write the figure shown as PNG or SVG (by extension); False with a message when
        there is none or the file cannot be written (an old file is left as it was)."""
        if self.outcome is None:
            return self._nothing_yet()
        from ..render.compare import CompareFigure
        from ..render.svg import write_image

        job = self.outcome.job
        try:
            with CompareFigure(self.outcome.comparison, size, list(job.colours)) as figure:
                written = write_image(figure, path)
        except (OSError, ValueError) as exc:
            self._say(translate("ComparePanel", "Could not export the figure: {0}").format(exc),
                      error=True)
            return False
        return self._saved(written)

    def save_results(self, path: str | os.PathLike) -> bool:
        """Write the comparison as JSON or CSV (by extension), atomically; False with a
        message when there is none, the extension is neither, or the file cannot be
        written."""
        if self.outcome is None:
            return self._nothing_yet()
        comparison = self.outcome.comparison
        suffix = Path(path).suffix.lower()
        try:
            if suffix == ".json":
                write_comparison_json(comparison, path)
            elif suffix == ".csv":
                write_text_atomic(path, comparison_csv(comparison))
            else:
                raise ValueError(translate("ComparePanel", "{0}: results are saved as .json or "
                                           ".csv").format(Path(path).name))
        except (OSError, ValueError) as exc:
            self._say(translate("ComparePanel", "Could not save the results: {0}").format(exc),
                      error=True)
            return False
        return self._saved(Path(path))

    def _nothing_yet(self) -> bool:
        self._say(translate("ComparePanel", "Nothing to save yet: press Compare first."),
                  error=True)
        return False

    def _saved(self, path: Path) -> bool:
        self.folder = str(Path(path).resolve().parent)
        self._say(translate("ComparePanel", "Saved {0}").format(path))
        return True

    def _suggest(self, ext: str) -> str:
        name = self.outcome.comparison.protocol.function.name if self.outcome else "compare"
        return str(Path(self.folder) / f"compare-{name}{ext}")

    def _set_exportable(self, on: bool) -> None:
        self.export_button.setEnabled(on)
        self.save_button.setEnabled(on)

    # -- slots -------------------------------------------------------------------------------
    @guarded
    def _on_form_changed(self, problem: str) -> None:
        if problem:
            self._say(problem, error=True)
        elif self.status.property("error"):
            self._say("")

    @guarded
    def _on_export_clicked(self, *_) -> None:
        self._write_chosen(self.ask_figure_path(), self.export_figure)

    @guarded
    def _on_save_clicked(self, *_) -> None:
        self._write_chosen(self.ask_results_path(), self.save_results)

    @staticmethod
    def _write_chosen(path: str, write) -> None:
        if path:    # "": the dialog was cancelled
            write(path)

    @guarded
    def _on_finished(self, _generation: int, outcome: CompareOutcome) -> None:
        self._idle()
        self.outcome = outcome
        self.progress.setValue(PROGRESS_STEPS)
        comparison = outcome.comparison
        protocol = comparison.protocol
        # the protocol in full is the exported figure's title; here, in the plot's tooltip
        self.plot.set_comparison(comparison, list(outcome.job.colours), translate(
            "ComparePanel", "{0}: tuned on {1} starts, judged on {2} others").format(
                protocol.function.title, protocol.tuning_starts, protocol.evaluation_starts))
        self.plot.setToolTip(protocol.describe())
        self._fill_table()
        self._set_exportable(True)
        edges = [f"{o.base.spec.title}: {name} = {value:.4g}" for o in comparison.outcomes
                 for name, value in o.at_range_end().items()]
        text = translate("ComparePanel", "Done. Click an optimizer to load its tuned values; "
                         "click a start on a map to add it and watch the run.")
        if edges:
            text += " " + translate("ComparePanel", "Tuned at the end of its range (widen "
                                    "it): {0}.").format("; ".join(edges))
        self._say(text)

    @guarded
    def _on_plot_picked(self, i: int) -> None:
        self._pick(i)

    @guarded
    def _on_table_clicked(self, row: int, _column: int) -> None:
        self._pick(row)

    @guarded
    def _on_start_clicked(self, x: float, y: float) -> None:
        self.start_picked.emit(x, y)

    def _pick(self, i: int) -> None:
        """Load optimizer ``i``'s tuned values into its panel entry (via ``picked``)."""
        if self.outcome is None or not 0 <= i < len(self.outcome.comparison.outcomes):
            return
        job, outcome = self.outcome.job, self.outcome.comparison.outcomes[i]
        self.plot.set_selected(i)
        self.table.blockSignals(True)
        self.table.selectRow(i)
        self.table.blockSignals(False)
        index, entries = job.entries[i], self._document.entries
        title = outcome.base.spec.title
        if index >= len(entries) or entries[index].config.name != outcome.name:
            self._say(translate("ComparePanel", "The parameter panel no longer has {0} as "
                                "optimizer {1}: compare again.").format(title, index + 1),
                      error=True)
            return
        values = ", ".join(f"{k}={v:.4g}" for k, v in outcome.tuned.items())
        self._say(translate("ComparePanel", "Loaded into {0}: {1}.").format(title, values))
        self.picked.emit(index, dict(outcome.tuned))

    def _fill_table(self) -> None:
        _, rows = result_rows(self.outcome.comparison)
        colours = self.outcome.job.colours
        table = self.table
        table.clearContents()
        table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c > 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                elif c == 0:    # the optimizer's colour, as on the canvas and the plot
                    item.setData(Qt.ItemDataRole.DecorationRole, QColor(colours[r]))
                table.setItem(r, c, item)


def _with_suffix(path: str, suffix: str) -> str:
    """``path`` with ``suffix`` added when it has none ("" stays "": the dialog was
    cancelled)."""
    return path + suffix if path and not Path(path).suffix else path
