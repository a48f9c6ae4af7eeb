"""The Search dock: hyperparameter search of one of the panel's optimizers, in the background.

Choose an optimizer (one of the parameter panel's), one or two of its hyperparameters with a
range and a scale, a method, a budget, an objective and the start points; Run hands
:func:`core.search.search` to a :class:`~.task_runner.TaskRunner` with a progress bar and
Cancel. The result is drawn by :class:`~.search_plot.SearchPlot` beside a top-10 table;
clicking either emits ``picked(entry_index, hparams)``, which
:class:`~..controllers.search.SearchController` turns into ``panel.set_hparams`` and a replay on
the canvas from step 0.

Every field is validated as it is typed; the core's refusals (``Axis.check``, ``search``) are
shown as messages, never as tracebacks.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from ...core.search import OBJECTIVE_LABELS, SearchResult, describe
from ...document import Document
from ..guarded import guarded
from ..views.search_plot import SearchPlot
from .search_form import SearchForm, SearchOutcome
from .task_panel import PROGRESS_STEPS, TaskPanel

translate = QCoreApplication.translate

TOP_ROWS = 10


class SearchPanel(TaskPanel):
    """The search form (:class:`SearchForm`), Run and Cancel with a progress bar, the result
    plot and the top-10 table.

    Parameters
    ----------
    document : Document
        What is searched (see :class:`SearchForm`), and what a pick is checked against.

    Signals
    -------
    picked(int, dict)
        Load these hyperparameters into the panel's optimizer entry ``int``.
    """

    picked = Signal(int, object)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__("search", parent)
        self._document = document
        self.outcome: SearchOutcome | None = None
        self.form = SearchForm(document, self)
        self.form.changed.connect(self._on_form_changed)
        self.plot = SearchPlot(self)
        self.plot.picked.connect(self._on_plot_picked)
        self.table = self._build_table(0, translate(
            "SearchPanel", "The best ten configurations: click one to load it and watch it"),
            self._on_table_clicked)
        # the form, Run and the top-10 table on the left; the plot takes the rest
        controls = self._build_controls(translate("SearchPanel", "Run"),
                                        translate("SearchPanel", "Search in the background"))
        self._lay_out(controls, self.table, self.plot, 600)
        self.form.validate()

    def starting(self, job) -> str:
        n_starts = len(job.starts)
        text = (translate("SearchPanel", "Searching {0} configurations of {1} from {2} start "
                          "points, {3} steps each\u2026") if n_starts > 1 else
                translate("SearchPanel", "Searching {0} configurations of {1} from {2} start "
                          "point, {3} steps each\u2026"))
        return text.format(job.budget, job.base.spec.title, n_starts, job.max_steps)

    def refused(self, message: str) -> str:
        return translate("SearchPanel", "Search refused: {0}").format(message)

    def cancelled_text(self) -> str:
        return translate("SearchPanel", "Search cancelled.")

    # -- slots -------------------------------------------------------------------------------
    @guarded
    def _on_form_changed(self, problem: str) -> None:
        if not problem and self.status.property("error"):
            self._say("")

    @guarded
    def _on_finished(self, _generation: int, outcome: SearchOutcome) -> None:
        self._idle()
        self.outcome = outcome
        result, job = outcome.result, outcome.job
        self.progress.setValue(PROGRESS_STEPS)
        self.plot.set_result(result, job.title)
        self._fill_table(result, job.method == "coarse-to-fine")
        n, seconds = len(result.scores), f"{outcome.seconds:.2f}"
        if np.isfinite(result.scores).any():
            text = translate("SearchPanel", "{0} configurations in {1} s. Best: {2}. Click a "
                             "result to load it and watch it.")
            self._say(text.format(n, seconds, describe(result, result.best)))
        else:
            text = translate("SearchPanel", "{0} configurations in {1} s. Every configuration "
                             "diverged: try smaller values. Click a result to load it and "
                             "watch it.")
            self._say(text.format(n, seconds))

    @guarded
    def _on_plot_picked(self, i: int) -> None:
        self._pick(i)

    @guarded
    def _on_table_clicked(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self._pick(int(item.data(Qt.ItemDataRole.UserRole)))

    def _pick(self, i: int) -> None:
        """Load configuration ``i`` of the last result into the panel (via ``picked``)."""
        if self.outcome is None:
            return
        result, job = self.outcome.result, self.outcome.job
        self.plot.set_selected(i)
        self._select_row(i)
        entries = self._document.entries
        title = job.base.spec.title
        if job.entry_index >= len(entries) or \
                entries[job.entry_index].config.name != job.base.name:
            self._say(translate("SearchPanel", "The parameter panel no longer has {0} as "
                                "optimizer {1}: run the search again.")
                      .format(title, job.entry_index + 1), error=True)
            return
        self._say(translate("SearchPanel", "Loaded into {0}: {1}.")
                  .format(title, describe(result, i)))
        # what the fields show is what runs: 4 significant digits, not 0.01623776739188723
        params = {p.name: p for p in job.base.spec.params}
        self.picked.emit(job.entry_index, {name: params[name].readable(value)
                                           for name, value in result.hparams(i).items()})

    def _fill_table(self, result: SearchResult, rounds: bool) -> None:
        names = [a.name for a in result.axes]
        objective = translate("Search", OBJECTIVE_LABELS[result.objective])
        header = ["#", *names, objective.split(" (")[0], translate("SearchPanel", "status")]
        if rounds:
            header.append(translate("SearchPanel", "round"))
        table = self.table
        table.clear()
        table.setColumnCount(len(header))
        table.setHorizontalHeaderLabels(header)
        order = result.order()[:TOP_ROWS]
        table.setRowCount(len(order))
        for r, i in enumerate(order):
            score = float(result.scores[i])
            cells = [str(r + 1), *(f"{v:.4g}" for v in result.points[i]),
                     f"{score:.4g}" if np.isfinite(score) else translate("SearchPanel", "diverged"),
                     translate("Search", result.status(i))]   # one word; counts as given
            if rounds:
                cells.append(str(int(result.rounds[i]) + 1))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(describe(result, i))
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, int(i))
                table.setItem(r, c, item)

    def _select_row(self, i: int) -> None:
        self.table.blockSignals(True)
        self.table.clearSelection()
        for r in range(self.table.rowCount()):
            if int(self.table.item(r, 0).data(Qt.ItemDataRole.UserRole)) == i:
                self.table.selectRow(r)
        self.table.blockSignals(False)
