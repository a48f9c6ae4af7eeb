"""The results table: one row per run, the seed's printed progress lines as a table.

The fixed columns (optimizer, start, status) are set once per result; the value columns show
each run at the current step and are refreshed with one ``dataChanged`` over those columns
only, at most about 15 times a second while the animation plays.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.engine import CONVERGED, DIVERGED, RunResult
from ...core.i18n import QT_TRANSLATE_NOOP
from ...core.playhead import line_searches, state_at

REFRESH_MS = 66   # ~15 Hz
translate = QCoreApplication.translate

# English; shown as translate("ResultsTable", text)
RUNNING = QT_TRANSLATE_NOOP("ResultsTable", "running")
COLUMNS = (QT_TRANSLATE_NOOP("ResultsTable", "Optimizer"),
           QT_TRANSLATE_NOOP("ResultsTable", "Start"),
           QT_TRANSLATE_NOOP("ResultsTable", "Status"), "x", "y", "f", "|∇f|",
           QT_TRANSLATE_NOOP("ResultsTable", "to min."),
           QT_TRANSLATE_NOOP("ResultsTable", "f evals"),
           QT_TRANSLATE_NOOP("ResultsTable", "eff. lr x"),
           QT_TRANSLATE_NOOP("ResultsTable", "eff. lr y"))
TOOLTIPS = (
    QT_TRANSLATE_NOOP("ResultsTable",
                      "The optimizer and the hyperparameters that differ from its defaults"),
    QT_TRANSLATE_NOOP("ResultsTable", "The start point of the run"),
    QT_TRANSLATE_NOOP("ResultsTable",
                      "At the current step: running, or converged (|Δf| below the tolerance), "
                      "diverged or stopped at max steps once the run got there"),
    QT_TRANSLATE_NOOP("ResultsTable", "x at the current step"),
    QT_TRANSLATE_NOOP("ResultsTable", "y at the current step"),
    QT_TRANSLATE_NOOP("ResultsTable", "f(x, y) at the current step"),
    QT_TRANSLATE_NOOP("ResultsTable", "Length of the gradient at the current step"),
    QT_TRANSLATE_NOOP("ResultsTable", "Distance to the nearest known minimum"),
    QT_TRANSLATE_NOOP("ResultsTable",
                      "Evaluations of f and its gradient up to the current step, the start's "
                      "included: one a step, more where a line search tries points along the "
                      "way (shown when a run made such steps)"),
    QT_TRANSLATE_NOOP("ResultsTable",
                      "Per-axis effective learning rate of adaptive optimizers (the step size "
                      "they apply along x) in the next update, from the current step; blank "
                      "for the others"),
    QT_TRANSLATE_NOOP("ResultsTable",
                      "Per-axis effective learning rate along y in the next update, from the "
                      "current step; blank for non-adaptive optimizers"),
)
STATUS_COLUMN, FIRST_VALUE_COLUMN, EVALS_COLUMN = 2, 3, 8
DIVERGED_BACKGROUND = QColor("#F9D6D5")
DIVERGED_TEXT = QColor("#8B0000")
CONVERGED_TEXT = QColor("#1B6E3A")


def format_number(v: float) -> str:
    """Four significant digits, the same width while a value changes: ``3.001``, ``-0.5000``,
    ``-113.2``, ``1234``, ``1.234e-7``, ``6.400e15``; blank for NaN."""
    if v is None or not math.isfinite(v):
        return "" if v is None or math.isnan(v) else ("inf" if v > 0 else "-inf")
    if v == 0:
        return "0"
    a = abs(v)
    if a < 1e-3 or a >= 9999.5:
        mantissa, exponent = f"{v:.3e}".split("e")
        return f"{mantissa}e{int(exponent)}"
    return f"{v:#.4g}".rstrip(".")


@lru_cache(maxsize=256)
def swatch(colour: str) -> QIcon:
    """A square of ``colour`` for an item view's decoration, one icon per colour.

    What Qt draws for a QColor decoration, made once: given a QColor, the delegate makes a new
    pixmap at every paint, and the icon engine files each one in the QPixmapCache under that
    pixmap's own key, so the cache grew with every repaint (some 30 KB per result) until it
    reached its limit (128 MB, which the canvas sets for its own pixmaps)."""
    size = QApplication.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def header_text(col: int) -> str:
    """Column ``col``'s header as shown (in the interface language)."""
    return translate("ResultsTable", COLUMNS[col])


def format_point(x: float, y: float) -> str:
    return f"({x:.3g}, {y:.3g})"


class ResultsModel(QAbstractTableModel):
    """Rows are runs; value columns read from the state at the current step."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._result: RunResult | None = None
        self._labels: list[str] = []
        self._colours: list[QIcon] = []
        self._starts: list[str] = []
        self._status: list[str] = []       # how each run ends
        self._ends: list[str] = []         # the same, with the minimum a run settled near
        self._ended = np.zeros(0, dtype=bool)   # whether the current step got there
        self._state: dict[str, np.ndarray] | None = None
        self._values: np.ndarray = np.zeros((0, len(COLUMNS) - FIRST_VALUE_COLUMN))
        self.step = 0

    # -- data in ------------------------------------------------------------------------------
    def set_result(self, result: RunResult | None, labels: Sequence[str] = (),
                   colours: Sequence[str] = (), step: int = 0) -> None:
        self.beginResetModel()
        self._result = result
        if result is None:
            self._labels, self._colours, self._starts, self._status = [], [], [], []
            self._ends = []
            self._ended = np.zeros(0, dtype=bool)
            self._values = np.zeros((0, len(COLUMNS) - FIRST_VALUE_COLUMN))
        else:
            self._labels = list(labels)
            self._colours = [swatch(QColor(c).name()) for c in colours]
            self._starts = [format_point(*result.starts[s]) for s in result.start_index]
            # the distance to the minimum has its own column; the tooltip says it all
            self._status = [result.describe(i, distance=False) for i in range(result.n_runs)]
            self._ends = [result.describe(i) for i in range(result.n_runs)]
            self._load_step(step)
        self.endResetModel()

    def set_step(self, k: int) -> None:
        """Values and status at step ``k``; one dataChanged over the value columns, and the
        status column when a run's status changed (none when the values are at ``k``
        already)."""
        if self._result is None or self._result.n_runs == 0 or int(k) == self.step:
            return
        ended = self._ended
        self._load_step(k)
        first = FIRST_VALUE_COLUMN if np.array_equal(ended, self._ended) else STATUS_COLUMN
        self.dataChanged.emit(self.index(0, first),
                              self.index(self.rowCount() - 1, self.columnCount() - 1),
                              [Qt.ItemDataRole.DisplayRole])

    def _load_step(self, k: int) -> None:
        st = state_at(self._result, k)
        self.step = int(k)
        self._values = np.column_stack([st["xy"], st["loss"], st["grad_norm"], st["distance"],
                                        st["evals"], st["effective_lr"]])
        self._ended = st["ended"]

    def status_at_step(self, row: int) -> str:
        """What run ``row`` is at the current step: "running" until it gets to where its
        status says (``converged at step 413`` from step 413 on)."""
        return self._status[row] if self._ended[row] else translate("ResultsTable", RUNNING)

    def result(self) -> RunResult | None:
        return self._result

    def fixed_texts(self) -> tuple[tuple[str, ...], ...]:
        """The texts of the fixed columns (optimizer, start, and the status each run ends
        with), column by column."""
        return tuple(self._labels), tuple(self._starts), tuple(self._status)

    def values(self) -> np.ndarray:
        """The value columns at the current step, shape (N, 8)."""
        return self._values

    # -- the model API --------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self._result is None else self._result.n_runs

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._header(section)
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate("ResultsTable", TOOLTIPS[section])
        elif role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def _header(self, section: int) -> str:
        """The header, with a model's parameter names (p1, p2) for x and y."""
        text = header_text(section)
        names = self._result.function.param_names if self._result is not None else ("x", "y")
        if names == ("x", "y"):
            return text
        if COLUMNS[section] in ("x", "y"):
            return names["xy".index(COLUMNS[section])]
        if COLUMNS[section].startswith("eff. lr ") and text[-2:] in (" x", " y"):
            return text[:-1] + names["xy".index(text[-1])]
        return text

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._result is None:
            return None
        row, col = index.row(), index.column()
        R = Qt.ItemDataRole
        if role == R.DisplayRole:
            if col == 0:
                return self._labels[row]
            if col == 1:
                return self._starts[row]
            if col == STATUS_COLUMN:
                return self.status_at_step(row)
            if col == EVALS_COLUMN:
                return str(int(self._values[row, col - FIRST_VALUE_COLUMN]))
            return format_number(float(self._values[row, col - FIRST_VALUE_COLUMN]))
        if role == R.DecorationRole and col == 0:
            return self._colours[row]
        if role == R.TextAlignmentRole and col >= FIRST_VALUE_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        status = int(self._result.status[row]) if self._ended[row] else None
        if role == R.BackgroundRole and status == DIVERGED:
            return DIVERGED_BACKGROUND
        if role == R.ForegroundRole and col == STATUS_COLUMN:
            if status == DIVERGED:
                return DIVERGED_TEXT
            if status == CONVERGED:
                return CONVERGED_TEXT
        if role == R.ToolTipRole:
            if col == 0:
                return self._labels[row]
            if col == STATUS_COLUMN:
                return translate("ResultsTable", "Ends: {0}").format(self._ends[row])
            if col >= FIRST_VALUE_COLUMN:   # full precision
                v = float(self._values[row, col - FIRST_VALUE_COLUMN])
                return None if math.isnan(v) else f"{header_text(col)} = {v!r}"
        return None


class ResultsTable(QWidget):
    """A QTableView over :class:`ResultsModel`, refreshed at most ~15 times a second.

    One row is selected at a time: the selected run (:meth:`select_run`); a row the user
    selects (click, arrow keys) is announced by ``run_selected``."""

    run_selected = Signal(int)    # the user selected this run's row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ResultsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._selecting = False   # select_run is moving the selection: nothing to announce
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(
            self.view.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)   # every column as wide as its contents

        self._pending: int | None = None
        self._fitted: tuple | None = None   # what the column widths were fitted to
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(REFRESH_MS)
        self._throttle.timeout.connect(self._on_throttle)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def set_result(self, result: RunResult | None, labels: Sequence[str] = (),
                   colours: Sequence[str] = (), step: int = 0) -> None:
        """A new batch of runs (None clears the table); values at ``step``."""
        self._pending = None
        self.model.set_result(result, labels, colours, step)
        # the evaluations only where a line search made them differ from the steps
        self.view.setColumnHidden(EVALS_COLUMN, result is None or not line_searches(result))
        if result is not None:
            self._fit_columns()

    def clear(self) -> None:
        self.set_result(None)

    def select_run(self, run: int | None) -> None:
        """Select run ``run``'s row (None: no row), scrolled into view; not announced."""
        selection = self.view.selectionModel()
        self._selecting = True
        try:
            if run is None or not 0 <= run < self.model.rowCount():
                selection.clearSelection()
                return
            index = self.model.index(run, 0)
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
            selection.setCurrentIndex(index, flags)
            self.view.scrollTo(index)
        finally:
            self._selecting = False

    def selected_run(self) -> int | None:
        """The run whose row is selected, None when none is."""
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    @Slot(QItemSelection, QItemSelection)
    def _on_selection_changed(self, *_) -> None:
        run = self.selected_run()
        if not self._selecting and run is not None:
            self.run_selected.emit(run)

    def set_step(self, k: int) -> None:
        """Show step ``k``: at once if the table is idle, else at the next refresh."""
        if self._throttle.isActive():
            self._pending = k
            return
        self._pending = None
        self.model.set_step(k)
        self._throttle.start()

    def flush(self) -> None:
        """Apply a pending step now."""
        self._throttle.stop()
        self._on_throttle()

    @Slot()
    def _on_throttle(self) -> None:
        if self._pending is not None:
            k, self._pending = self._pending, None
            self.model.set_step(k)
            self._throttle.start()

    def _fit_columns(self) -> None:
        # Fitting measures every visible row: skip it when the same texts would be measured
        # in the same rows and nobody has resized a column since.
        view = self.view
        key = (self.model.fixed_texts(), view.font().toString(), view.isVisible(),
               view.viewport().height(), view.verticalScrollBar().value())
        if self._fitted == (key, self._widths()):
            return
        self._fit_columns_now()
        self._fitted = (key, self._widths())

    def _widths(self) -> list[int]:
        return [self.view.columnWidth(col) for col in range(self.model.columnCount())]

    def _fit_columns_now(self) -> None:
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader().fontMetrics()
        sample = format_number(-1.234567e-5)
        for col in range(self.model.columnCount()):
            if col >= FIRST_VALUE_COLUMN:
                width = max(metrics.horizontalAdvance(sample),
                            header.horizontalAdvance(header_text(col))) + 12
                self.view.setColumnWidth(col, width)
            elif col == STATUS_COLUMN:   # wide enough for how each run ends, shown later
                texts = [*self.model.fixed_texts()[2], translate("ResultsTable", RUNNING)]
                width = max(header.horizontalAdvance(header_text(col)),
                            *(metrics.horizontalAdvance(t) for t in texts)) + 14
                self.view.setColumnWidth(col, width)
            else:
                self.view.resizeColumnToContents(col)
