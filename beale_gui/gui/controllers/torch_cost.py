"""The question before a search or a basin map whose torch optimizer runs one instance per run.

Such runs are a Python loop of ``step()`` calls each (:mod:`beale_gui.core.optimizers.
torch_cost`); before the Search and Basin map controllers start one, :func:`confirm_cost` has
the core time a few steps and, when the whole job would take more than a few seconds, asks
"About N s. Run?". Every other optimizer starts without a question.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ...core.optimizers import torch_cost

translate = QCoreApplication.translate


def confirm_cost(parent: QWidget, config, function, n_runs: int, steps: int,
                 per_run_hparams: bool = False) -> bool:
    """True when the job may start: ``config`` batches its runs, or its ``n_runs`` runs of
    ``steps`` steps on ``function`` take about :data:`~torch_cost.ASK_SECONDS` or less, or the
    user said Yes to the estimate."""
    if not torch_cost.one_instance_per_run(config, per_run_hparams):
        return True
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        seconds = torch_cost.estimate_seconds(config, function, n_runs, steps)
    finally:
        QGuiApplication.restoreOverrideCursor()
    if seconds <= torch_cost.ASK_SECONDS:
        return True
    text = translate("TorchCost", "{0} runs one optimizer instance per run: {1} runs of {2} "
                     "steps.\n\nAbout {3} s. Run?").format(
        config.spec.title, n_runs, steps, f"{seconds:,.0f}")
    if seconds >= 7200:
        text += " " + translate("TorchCost", "(That is about {0} hours.)").format(
            f"{seconds / 3600:.0f}")
    elif seconds >= 120:
        text += " " + translate("TorchCost", "(That is about {0} minutes.)").format(
            f"{seconds / 60:.0f}")
    answer = QMessageBox.question(
        parent, translate("TorchCost", "A slow optimizer"), text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
