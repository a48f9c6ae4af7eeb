"""The Basin map dock's controls: the optimizer to map, grid size, max steps, colouring,
Compute / Cancel with a progress bar, opacity and show/hide.

:class:`~beale_gui.gui.controllers.basins.BasinController` puts a :class:`BasinPanel` in its
dock and connects it; the panel itself only holds the widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ...core.basins import GRID_PARAM
from ...core.engine import MAX_STEPS_PARAM
from ...document import OptimizerEntry
from ..views.basin_overlay import DEFAULT_OPACITY, MODES
from ..views.run_styles import optimizer_label
from .fields import ParamField
from .form_labels import FieldWithMessage, HintLabel

translate = QCoreApplication.translate


class BasinPanel(QWidget):
    """The controls: what to map, how to colour it, Compute / Cancel and progress."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.optimizer = QComboBox(toolTip=translate(
            "BasinPanel", "The enabled optimizer whose settings are mapped"))
        self.grid = ParamField(GRID_PARAM)
        self.grid.set_value(GRID_PARAM.default)
        self.max_steps = ParamField(MAX_STEPS_PARAM)
        self.max_steps.set_value(1000)
        self.colouring = QComboBox(toolTip=translate(
            "BasinPanel", "Colour cells by the minimum reached; optionally darker where a run "
            "took more steps"))
        for key, text in MODES.items():
            self.colouring.addItem(translate("BasinOverlay", text), key)
        form.addRow(translate("BasinPanel", "optimizer"), self.optimizer)
        form.addRow(translate("BasinPanel", "grid"), FieldWithMessage(self.grid))
        form.addRow(translate("BasinPanel", "max steps"), FieldWithMessage(self.max_steps))
        form.addRow(translate("BasinPanel", "colour by"), self.colouring)
        self.compute = QPushButton(translate("BasinPanel", "Compute"), toolTip=translate(
            "BasinPanel", "Run the optimizer from every cell of the grid over the visible view"))
        self.cancel = QPushButton(translate("BasinPanel", "Cancel"), enabled=False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compute)
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        self.progress = QProgressBar(textVisible=False, visible=False, maximum=1000)
        self.show_map = QCheckBox(translate("BasinPanel", "Show map"), checked=True)
        self.opacity = QSlider(Qt.Orientation.Horizontal, minimum=0, maximum=100,
                               value=round(100 * DEFAULT_OPACITY),
                               toolTip=translate("BasinPanel", "Opacity of the map"))
        shown = QHBoxLayout()
        shown.addWidget(self.show_map)
        shown.addWidget(QLabel(translate("BasinPanel", "opacity")))
        shown.addWidget(self.opacity, 1)
        self.status = HintLabel(translate(
            "BasinPanel", "Press Compute to map where every start point of the view ends up: "
            "each cell is coloured by the minimum it reaches."))
        right = QVBoxLayout()
        right.addLayout(buttons)
        right.addWidget(self.progress)
        right.addLayout(shown)
        right.addWidget(self.status)
        right.addStretch(1)
        layout = QHBoxLayout(self)     # two columns: the dock is wide and short
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form, 1)
        layout.addSpacing(12)
        layout.addLayout(right, 1)

    def set_entries(self, entries: tuple[OptimizerEntry, ...]) -> None:
        """List the enabled ones of ``entries``, keeping the selected entry if it stays."""
        keep = self.optimizer.currentData()
        self.optimizer.blockSignals(True)
        self.optimizer.clear()
        for i, entry in enumerate(entries):
            if entry.enabled:
                self.optimizer.addItem(optimizer_label(entry.config), i)
                self.optimizer.setItemData(self.optimizer.count() - 1, QColor(entry.colour),
                                           Qt.ItemDataRole.DecorationRole)
        index = self.optimizer.findData(keep)
        self.optimizer.setCurrentIndex(max(index, 0) if self.optimizer.count() else -1)
        self.optimizer.blockSignals(False)

    def set_busy(self, busy: bool) -> None:
        self.compute.setEnabled(not busy)
        self.cancel.setEnabled(busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setValue(0)
