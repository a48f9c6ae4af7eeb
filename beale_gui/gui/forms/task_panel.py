"""What the Search and Compare docks share: a form whose job runs in the background.

:class:`TaskPanel` holds the :class:`~..task_runner.TaskRunner`, the Run and Cancel buttons
with a progress bar and a message under the form, a table under those and a plot beside, and
runs the form's job: :meth:`TaskPanel.run` validates the form, fixes its job and submits it;
Cancel returns at once and leaves what is shown. A subclass gives the form, the plot and the
table, says what starting, failing and cancelling mean (:meth:`starting`, :meth:`refused`,
:meth:`cancelled_text`) and shows a result (``_on_finished``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ..guarded import guarded
from ..task_runner import TaskRunner
from .form_labels import MESSAGE_COLOUR

translate = QCoreApplication.translate

PROGRESS_STEPS = 1000


class TaskPanel(QWidget):
    """A form with Run and Cancel, a progress bar and a message, a table and a plot.

    Subclasses set ``self.form`` (with ``validate() -> str`` and ``job()``) before calling
    :meth:`_lay_out`, and implement ``_on_finished(generation, result)``.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = TaskRunner(self, name=name)
        # asked with the job before it starts (a controller's question); False: not started
        self.confirm: Callable[[object], bool] | None = None
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.progress.connect(self._on_progress)

    # -- construction -----------------------------------------------------------------------
    def _build_controls(self, run_text: str, run_tip: str) -> QWidget:
        """The form, then Run, Cancel, the progress and the message, which stay in sight
        however short the dock."""
        self.run_button = QPushButton(run_text, self)
        self.run_button.setToolTip(run_tip)
        self.run_button.clicked.connect(self._on_run_clicked)
        self.cancel_button = QPushButton(translate("TaskPanel", "Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self.progress.setFormat("%p%")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setContentsMargins(6, 0, 6, 0)
        controls = QWidget(self)
        column = QVBoxLayout(controls)
        column.setContentsMargins(0, 0, 0, 4)
        column.setSpacing(4)
        column.addWidget(self.form, 1)
        column.addLayout(button_row(self.run_button, self.cancel_button, self.progress))
        column.addWidget(self.status)
        return controls

    def _build_table(self, columns: int, tip: str,
                     clicked: Callable[[int, int], None]) -> QTableWidget:
        """A read-only table of whole rows, one selected at a time; a click calls
        ``clicked(row, column)``."""
        table = QTableWidget(0, columns, self)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setToolTip(tip)
        table.cellClicked.connect(clicked)
        table.setMinimumHeight(90)
        return table

    def _lay_out(self, controls: QWidget, below: QWidget, plot: QWidget,
                 plot_width: int) -> None:
        """``controls`` above ``below`` on the left; ``plot`` takes the rest."""
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(controls)
        left.addWidget(below)
        left.setStretchFactor(0, 0)
        left.setStretchFactor(1, 1)
        left.setChildrenCollapsible(False)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(plot)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([left.minimumSizeHint().width(), plot_width])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # -- what a subclass says ---------------------------------------------------------------
    def starting(self, job) -> str:
        """The message while ``job`` runs."""
        raise NotImplementedError

    def refused(self, message: str) -> str:
        """The message when the core refused the job with ``message``."""
        raise NotImplementedError

    def cancelled_text(self) -> str:
        raise NotImplementedError

    # -- public -----------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.runner.busy

    def run(self) -> bool:
        """Validate the form and start its job; False (with a message) when something is
        wrong or :attr:`confirm` said no."""
        problem = self.form.validate()
        if problem:
            self._say(problem, error=True)
            return False
        if self.runner.is_closed:
            return False
        try:
            job = self.form.job()
        except ValueError as error:   # the core's refusal, e.g. an unknown hyperparameter
            self._say(str(error), error=True)
            return False
        if self.confirm is not None and not self.confirm(job):
            self._say(self.cancelled_text())
            return False
        self.progress.setValue(0)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._say(self.starting(job))
        self.runner.submit(job)
        return True

    def cancel(self) -> None:
        if self.runner.busy:
            self.runner.cancel()

    def shutdown(self) -> None:
        """Stop the job and its thread (the window is closing)."""
        self.runner.shutdown()

    def report_error(self, message: str) -> None:
        self._say(message, error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setProperty("error", bool(error and text))
        self.status.setStyleSheet(f"color: {MESSAGE_COLOUR};" if error else "")
        self.status.setText(text)

    def _idle(self) -> None:
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    # -- slots -------------------------------------------------------------------------------
    @guarded
    def _on_run_clicked(self, *_) -> None:
        self.run()

    @guarded
    def _on_progress(self, _generation: int, done: int, total: int) -> None:
        self.progress.setValue(round(PROGRESS_STEPS * done / max(total, 1)))

    def _on_finished(self, _generation: int, result) -> None:
        raise NotImplementedError

    @guarded
    def _on_failed(self, _generation: int, message: str) -> None:
        self._idle()
        self.progress.setValue(0)
        self._say(self.refused(message), error=True)

    @guarded
    def _on_cancelled(self, _generation: int) -> None:
        self._idle()
        self.progress.setValue(0)
        self._say(self.cancelled_text())


def button_row(*widgets, stretch: bool = False) -> QHBoxLayout:
    """Buttons (and a progress bar) side by side, with the form's margins."""
    row = QHBoxLayout()
    row.setContentsMargins(6, 0, 6, 0)
    for w in widgets:
        row.addWidget(w)
    if stretch:
        row.addStretch(1)
    return row
