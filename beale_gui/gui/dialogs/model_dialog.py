"""Function > Model on data…: a two-parameter model, and the data it is fitted to.

The user picks the model (linear, logistic or tanh neuron, each with a line saying what it is)
and the data: a built-in set drawn with a seed (its size, seed and noise; choosing a model
takes the set made for it) or a CSV file (a path, or Browse…). Under them a preview says how
many samples there are and where the minimum is (or why there is none, e.g. separable
classes), or, in red, why the data cannot be used (a bad CSV names its line): OK is then
disabled and nothing changes. The core builds every model (:func:`make_model`); the dialog
only collects what was chosen and shows what the core says.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import QT_TRANSLATE_NOOP
from ...core.models import (
    BUILTIN_SETS,
    DEFAULT_DATASETS,
    MODELS,
    TITLES,
    DataError,
    ModelFunction,
    builtin_dataset,
    load_csv,
    make_model,
)
from ..forms.form_labels import HintLabel, MessageLabel, compact_form

translate = QCoreApplication.translate

PREVIEW_MS = 200       # the preview waits this long after the last edit
EXPLANATIONS = {
    "linear": QT_TRANSLATE_NOOP("ModelDialog", "A straight line p1·x + p2 fitted by mean "
                                               "squared error: one minimum, a long valley."),
    "logistic": QT_TRANSLATE_NOOP("ModelDialog", "The probability σ(p1·x + p2) of label 1, "
                                                 "fitted by cross-entropy to labels 0 and 1."),
    "tanh-neuron": QT_TRANSLATE_NOOP("ModelDialog", "One neuron p2·tanh(p1·x), squared error: "
                                                    "two mirror-image minima and a saddle at "
                                                    "the origin."),
}


class ModelDialog(QDialog):
    """Choose a model and its data; :meth:`model` is the model once accepted.

    Parameters
    ----------
    current : ModelFunction, optional
        The model shown now: the dialog opens on its choices.
    """

    def __init__(self, parent: QWidget | None = None,
                 current: ModelFunction | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ModelDialog", "Model on data"))
        self._model: ModelFunction | None = None
        self._problem = ""
        self._cache: dict[tuple, ModelFunction] = {}
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_MS)
        self._timer.timeout.connect(self.preview_now)

        layout = QVBoxLayout(self)
        layout.addWidget(self._model_part())
        layout.addWidget(self._data_part())
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setMinimumHeight(self.preview.fontMetrics().lineSpacing() * 2)
        self.error = MessageLabel()
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

        self._set_from(current)
        self._connect()
        self.preview_now()

    # -- construction ------------------------------------------------------------------------
    def _model_part(self) -> QWidget:
        box = QGroupBox(translate("ModelDialog", "Model"))
        column = QVBoxLayout(box)
        self.model_combo = QComboBox()
        for kind in MODELS:
            self.model_combo.addItem(translate("Models", TITLES[kind]), kind)
            self.model_combo.setItemData(self.model_combo.count() - 1,
                                         translate("ModelDialog", EXPLANATIONS[kind]),
                                         Qt.ItemDataRole.ToolTipRole)
        self.model_combo.setToolTip(translate("ModelDialog", "The model whose two parameters "
                                                             "p1 and p2 the optimizers fit"))
        self.explanation = HintLabel()
        self.explanation.setWordWrap(True)
        column.addWidget(self.model_combo)
        column.addWidget(self.explanation)
        return box

    def _data_part(self) -> QWidget:
        box = QGroupBox(translate("ModelDialog", "Data"))
        column = QVBoxLayout(box)
        self.builtin_radio = QRadioButton(translate("ModelDialog", "&Built-in data set"))
        self.builtin_radio.setToolTip(translate("ModelDialog", "Samples drawn with a seed: "
                                                               "the same seed, the same data"))
        self.csv_radio = QRadioButton(translate("ModelDialog", "CSV &file"))
        self.csv_radio.setToolTip(translate("ModelDialog", "Two columns x, y of numbers "
                                                           "(a header line is allowed)"))
        self.source_group = QButtonGroup(self)
        self.source_group.addButton(self.builtin_radio)
        self.source_group.addButton(self.csv_radio)

        self.builtin_box = QWidget()
        form = compact_form(QFormLayout(self.builtin_box), margins=(18, 0, 0, 4))
        self.set_combo = QComboBox()
        for name, spec in BUILTIN_SETS.items():
            self.set_combo.addItem(translate("Data", spec.title), name)
            self.set_combo.setItemData(self.set_combo.count() - 1, spec.description,
                                       Qt.ItemDataRole.ToolTipRole)
        self.set_combo.setToolTip(translate("ModelDialog", "Which built-in data set"))
        self.n_spin = QSpinBox(minimum=1, maximum=10_000_000, singleStep=100,
                               groupSeparatorShown=True)
        self.n_spin.setToolTip(translate("ModelDialog", "How many samples to draw"))
        self.seed_spin = QSpinBox(minimum=0, maximum=2**31 - 1)
        self.seed_spin.setToolTip(translate("ModelDialog", "The random seed the samples are "
                                                           "drawn with"))
        self.noise_spin = QDoubleSpinBox(minimum=0.0, maximum=1000.0, decimals=3,
                                         singleStep=0.05)
        self.noise_spin.setToolTip(translate("ModelDialog", "Standard deviation of the noise "
                                                            "added to the samples"))
        form.addRow(translate("ModelDialog", "set"), self.set_combo)
        form.addRow(translate("ModelDialog", "samples n"), self.n_spin)
        form.addRow(translate("ModelDialog", "seed"), self.seed_spin)
        form.addRow(translate("ModelDialog", "noise"), self.noise_spin)

        self.csv_box = QWidget()
        row = QHBoxLayout(self.csv_box)
        row.setContentsMargins(18, 0, 0, 0)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(translate("ModelDialog", "path to a .csv file"))
        self.path_edit.setToolTip(translate("ModelDialog", "A CSV file of two columns x, y; "
                                                           "numbers with a decimal point"))
        self.browse_button = QPushButton(translate("ModelDialog", "B&rowse\u2026"))
        self.browse_button.setToolTip(translate("ModelDialog", "Choose a CSV file"))
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)

        column.addWidget(self.builtin_radio)
        column.addWidget(self.builtin_box)
        column.addWidget(self.csv_radio)
        column.addWidget(self.csv_box)
        return box

    def _set_from(self, current: ModelFunction | None) -> None:
        kind = current.model if current is not None else "linear"
        self.model_combo.setCurrentIndex(max(self.model_combo.findData(kind), 0))
        self._update_explanation()
        source = current.data.source if current is not None else {}
        if "csv" in source:
            self.csv_radio.setChecked(True)
            self.path_edit.setText(source["csv"])
            self._set_builtin(DEFAULT_DATASETS[kind])
        else:
            self.builtin_radio.setChecked(True)
            self._set_builtin(source.get("dataset", DEFAULT_DATASETS[kind]), source)
        self._update_enabled()

    def _set_builtin(self, name: str, source: dict | None = None) -> None:
        spec = BUILTIN_SETS[name]
        source = source or {}
        self.set_combo.setCurrentIndex(max(self.set_combo.findData(name), 0))
        self.n_spin.setValue(int(source.get("n", spec.n)))
        self.seed_spin.setValue(int(source.get("seed", 0)))
        self.noise_spin.setValue(float(source.get("noise", spec.noise)))

    def _connect(self) -> None:
        self.model_combo.currentIndexChanged.connect(self._on_model_changed)
        self.set_combo.currentIndexChanged.connect(self._on_set_changed)
        self.source_group.buttonToggled.connect(self._on_source_toggled)
        for spin in (self.n_spin, self.seed_spin, self.noise_spin):
            spin.valueChanged.connect(self._on_edited)
        self.path_edit.textChanged.connect(self._on_edited)
        self.browse_button.clicked.connect(self._on_browse)

    # -- public ------------------------------------------------------------------------------
    def model(self) -> ModelFunction | None:
        """The model the choices make, None while they make none (:meth:`problem` says why)."""
        return self._model

    def problem(self) -> str:
        """Why the choices make no model ("" when they do)."""
        return self._problem

    def kind(self) -> str:
        return self.model_combo.currentData()

    def preview_now(self) -> None:
        """Make the model the fields describe and show its preview (the dialog does this a
        moment after each edit)."""
        self._timer.stop()
        # a large CSV, or a model's minimum over 10^6 samples, takes a second or two
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._model = self._make()
            self._problem = ""
        except DataError as exc:
            self._model, self._problem = None, str(exc)
        except OSError as exc:    # not expected (load_csv says why), but never a traceback
            self._model, self._problem = None, str(exc)
        finally:
            QApplication.restoreOverrideCursor()
        self.error.show_message(self._problem)
        self.preview.setText(self._describe(self._model) if self._model is not None else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self._model is not None)

    def accept(self) -> None:
        if self._timer.isActive() or self._model is None:
            self.preview_now()
        if self._model is not None:
            super().accept()

    # -- making the model --------------------------------------------------------------------
    def _make(self) -> ModelFunction:
        kind = self.kind()
        if self.csv_radio.isChecked():
            path = self.path_edit.text().strip()
            if not path:
                raise DataError(translate("ModelDialog", "Choose a CSV file (Browse\u2026) or "
                                                         "type its path"))
            path = os.path.abspath(os.path.expanduser(path))
            try:
                stamp = os.stat(path)
                key = (kind, "csv", path, stamp.st_mtime_ns, stamp.st_size)
            except OSError:
                key = None
            if key is not None and key in self._cache:
                return self._cache[key]
            model = make_model(kind, load_csv(path))
        else:
            key = (kind, self.set_combo.currentData(), self.n_spin.value(),
                   self.seed_spin.value(), self.noise_spin.value())
            if key in self._cache:
                return self._cache[key]
            model = make_model(kind, builtin_dataset(key[1], key[2], key[3], key[4]))
        if key is not None:
            self._cache = {key: model}
        return model

    @staticmethod
    def _describe(model: ModelFunction) -> str:
        """``100 samples · minimum at p1 = 1.52, p2 = 0.49 (loss 0.231)``, or the note."""
        n = translate("ModelDialog", "{0:,} samples").format(model.data.n)
        minima = model.minima
        if len(minima) == 0:
            note = model.minimum_note or translate("ModelDialog", "no minimum")
            return f"{n} \u00b7 {note}"
        points = ", ".join(f"({p[0]:.4g}, {p[1]:.4g})" for p in minima)
        loss = float(model.minimum_values[0])
        text = (translate("ModelDialog", "minimum at (p1, p2) = {0}, loss {1:.4g}")
                if len(minima) == 1 else
                translate("ModelDialog", "minima at (p1, p2) = {0}, loss {1:.4g}"))
        return f"{n} \u00b7 {text.format(points, loss)}"

    # -- slots -------------------------------------------------------------------------------
    def _on_model_changed(self) -> None:
        self._update_explanation()
        # the set made for the model, at its defaults (a seed chosen stays)
        seed = self.seed_spin.value()
        self._set_builtin(DEFAULT_DATASETS[self.kind()], {"seed": seed})
        self._on_edited()

    def _on_set_changed(self) -> None:
        spec = BUILTIN_SETS[self.set_combo.currentData()]
        for spin, value in ((self.n_spin, spec.n), (self.noise_spin, spec.noise)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self._on_edited()

    def _on_source_toggled(self, _button, checked: bool) -> None:
        if checked:
            self._update_enabled()
            self._on_edited()
            if self.csv_radio.isChecked() and not self.path_edit.text().strip():
                self.path_edit.setFocus()

    def _on_edited(self, *_) -> None:
        # OK stays pressable (Enter in a spin box re-sends its value as it presses OK):
        # accept() makes the model at once and refuses it with the message when it fails
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self._timer.start()

    def _on_browse(self) -> None:
        start = os.path.dirname(self.path_edit.text().strip()) or os.getcwd()
        path, _ = QFileDialog.getOpenFileName(
            self, translate("ModelDialog", "Open a CSV file"), start,
            translate("ModelDialog", "CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.csv_radio.setChecked(True)
            self.path_edit.setText(path)
            self.preview_now()

    def _update_enabled(self) -> None:
        builtin = self.builtin_radio.isChecked()
        self.builtin_box.setEnabled(builtin)
        self.csv_box.setEnabled(not builtin)

    def _update_explanation(self) -> None:
        self.explanation.setText(translate("ModelDialog", EXPLANATIONS[self.kind()]))
