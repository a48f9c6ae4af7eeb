"""One collapsible box of the parameter panel: an optimizer entry and all its settings."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.engine import BATCH_SIZE, NOISE, OptimizerConfig, StochasticConfig
from ...core.params import Param
from ...core.schedules import SCHEDULES, ScheduleConfig
from ...document.document import OptimizerEntry
from .fields import FlagField, ParamField, describe_param, param_field, param_title
from .form_labels import ElidedLabel, FieldWithMessage, compact_form
from .plugin_menu import plugin_origin, plugin_tooltip
from .scrub import ScrubLabel

translate = QCoreApplication.translate

def param_label(param: Param, field: ParamField | FlagField) -> QLabel:
    """The form label of a parameter: its name, readable, with the help as tooltip; a number's
    name sweeps its field when dragged sideways."""
    if isinstance(field, ParamField) and field.scrub is not None:
        label = ScrubLabel(param_title(param.name), field)
        label.setToolTip(describe_param(param, field.log, scrub=True))
    else:
        label = QLabel(param_title(param.name))
        label.setToolTip(describe_param(param))
    return label


def swatch_icon(colour: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(0, 0, 0, 110), 1))
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(0.5, 0.5, size - 1, size - 1, 3, 3)
    painter.end()
    return QIcon(pixmap)


class _Header(QWidget):
    """The always-visible row; a click on empty space or the title folds the box."""

    clicked = Signal()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class OptimizerBox(QFrame):
    """Header (fold arrow, enable box, colour, title, summary, remove) over a form of fields.

    ``changed`` fires on every edit, valid or not; :meth:`problem` says what is wrong and
    :meth:`entry` builds the :class:`OptimizerEntry` from the last valid values.

    A number field swept with the mouse (:mod:`.scrub`) does not fire ``changed``: the box
    says ``scrub_started``, then ``hparams_previewing`` with every hyperparameter for each new
    value of a hyperparameter, and ``scrub_ended(changed)`` once at the end.
    """

    changed = Signal()
    remove_requested = Signal(object)  # this box
    scrub_started = Signal(object)              # this box
    hparams_previewing = Signal(object, object)  # this box, {name: value} of every hyperparameter
    scrub_ended = Signal(object, bool)          # this box, whether the sweep left a new value

    def __init__(self, entry: OptimizerEntry, parent: QWidget | None = None, *,
                 expanded: bool = False) -> None:
        super().__init__(parent)
        config = entry.config
        self.spec = config.spec
        self._colour = entry.colour
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(0)
        layout.addWidget(self._build_header(entry))
        self.body = QWidget(self)
        self.form = compact_form(QFormLayout(self.body), margins=(22, 4, 2, 2))
        layout.addWidget(self.body)
        self.fields = {p.name: self._add_field(p, config.hparams[p.name]) for p in self.spec.params}
        self._build_schedule(config.schedule)
        self._build_stochastic(config)
        self.set_expanded(expanded)
        self.changed.connect(self._update_summary)
        self._update_summary()

    # -- building -------------------------------------------------------------------------
    def _build_header(self, entry: OptimizerEntry) -> QWidget:
        header = _Header(self)
        row = QHBoxLayout(header)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.fold = QToolButton(header)
        self.fold.setAutoRaise(True)
        self.fold.setToolTip(translate("OptimizerBox", "Show or hide the settings"))
        self.fold.clicked.connect(self.toggle_expanded)
        header.clicked.connect(self.toggle_expanded)
        self.enable_box = QCheckBox(header)
        self.enable_box.setChecked(entry.enabled)
        self.enable_box.setToolTip(translate("OptimizerBox", "Run {0}").format(self.spec.title))
        self.enable_box.toggled.connect(self.changed)
        self.enable_box.toggled.connect(self._on_enabled_toggled)
        self.colour_button = QToolButton(header)
        self.colour_button.setAutoRaise(True)
        self.colour_button.setIconSize(QSize(14, 14))
        self.colour_button.clicked.connect(self._on_colour_clicked)
        self.title = QLabel(f"<b>{self.spec.title}</b>", header)
        self.title.setToolTip(plugin_tooltip(self.spec))   # a plug-in's says from where
        self.summary = ElidedLabel("", header)
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.remove_button = QToolButton(header)
        self.remove_button.setText("\u00d7")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(translate("OptimizerBox", "Remove {0}")
                                      .format(self.spec.title))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        for w in (self.title, self.summary):
            w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        if plugin_origin(self.spec.name):   # the title lets the mouse through: the row says it
            header.setToolTip(self.title.toolTip())
        for w in (self.fold, self.enable_box, self.colour_button, self.title):
            row.addWidget(w)
        row.addWidget(self.summary, 1)
        row.addWidget(self.remove_button)
        self.set_colour(entry.colour)
        self._on_enabled_toggled(entry.enabled)
        return header

    def _add_field(self, param: Param, value: float) -> ParamField | FlagField:
        field = param_field(param, self.body, scrub=True)
        field.set_value(value)
        field.edited.connect(self.changed)
        if isinstance(field, ParamField):
            field.scrub_started.connect(self._on_scrub_started)
            field.scrubbed.connect(self._on_scrubbed)
            field.scrub_ended.connect(self._on_scrub_ended)
        self.form.addRow(param_label(param, field), FieldWithMessage(field))
        return field

    def _build_schedule(self, schedule: ScheduleConfig) -> None:
        self.schedule_combo = QComboBox(self.body)
        for i, spec in enumerate(SCHEDULES.values()):
            self.schedule_combo.addItem(translate("Schedules", spec.title), spec.name)
            self.schedule_combo.setItemData(i, spec.formula, Qt.ItemDataRole.ToolTipRole)
        self.form.addRow(translate("OptimizerBox", "schedule"), self.schedule_combo)
        self.schedule_fields: dict[str, dict[str, ParamField]] = {}
        for spec in SCHEDULES.values():
            given = schedule.params if spec.name == schedule.name else {}
            self.schedule_fields[spec.name] = {
                p.name: self._add_field(p, given.get(p.name, p.default)) for p in spec.params}
        self.schedule_combo.setCurrentIndex(list(SCHEDULES).index(schedule.name))
        self.schedule_combo.currentIndexChanged.connect(self._on_schedule_changed)
        self._show_schedule_fields()

    def _build_stochastic(self, config: OptimizerConfig) -> None:
        self.stochastic_box = QCheckBox(translate("OptimizerBox", "stochastic gradients"),
                                        self.body)
        noise = config.noise
        self.stochastic_box.setChecked(noise is not None)
        if self.spec.stochastic:  # sgd *is* the stochastic one; gd is its full-gradient twin
            self.stochastic_box.setEnabled(False)
            self.stochastic_box.setToolTip(translate(
                "OptimizerBox", "SGD always uses mini-batches; choose GD for the full gradient"))
        elif self.spec.probe is not None:   # Newton, line searches: the exact gradient only
            self.stochastic_box.setEnabled(False)
            self.stochastic_box.setToolTip(translate(
                "OptimizerBox", "{0} takes the exact gradient and evaluates the function "
                "itself: mini-batches do not apply").format(self.spec.title))
        else:
            self.stochastic_box.setToolTip(translate(
                "OptimizerBox", "Gradient of a random mini-batch of the function's terms, plus "
                "optional Gaussian noise"))
        self.form.addRow("", self.stochastic_box)
        noise = noise or StochasticConfig()
        self.batch_field = self._add_field(BATCH_SIZE, noise.batch_size)
        self.noise_field = self._add_field(NOISE, noise.noise)
        self.stochastic_box.toggled.connect(self._on_stochastic_toggled)
        self._show_stochastic_fields()
        label = self.form.labelForField(self.batch_field.parentWidget())
        self._terms_tips = (self.batch_field.toolTip(),   # restored by set_samples(0)
                            label.toolTip() if label is not None else "",
                            self.stochastic_box.toolTip())

    # -- public ---------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.spec.name

    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        """Show ``colour``; a new one is an edit (``changed``)."""
        edited = colour != self._colour
        self._colour = colour
        self.colour_button.setIcon(swatch_icon(colour))
        self.colour_button.setToolTip(translate("OptimizerBox", "Colour {0} (click to change)")
                                      .format(colour))
        if edited:
            self.changed.emit()

    def is_expanded(self) -> bool:
        return self.body.isVisibleTo(self)

    def set_expanded(self, expanded: bool) -> None:
        self.body.setVisible(expanded)
        self.fold.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)

    def toggle_expanded(self) -> None:
        self.set_expanded(not self.is_expanded())

    def active_fields(self) -> list[ParamField]:
        """The fields that count now: hyperparameters, the chosen schedule's, the noise."""
        fields = [*self.fields.values(), *self.schedule_fields[self.schedule_name()].values()]
        if self.stochastic_box.isChecked():
            fields += [self.batch_field, self.noise_field]
        return fields

    def problem(self) -> str:
        """The first field's message, or "" when every active field is valid."""
        return next((f.problem() for f in self.active_fields() if f.problem()), "")

    def schedule_name(self) -> str:
        return self.schedule_combo.currentData()

    def entry(self) -> OptimizerEntry:
        """A new entry from the fields' last valid values; ValueError if the config refuses."""
        name = self.schedule_name()
        params = {k: f.value() for k, f in self.schedule_fields[name].items()}
        schedule = ScheduleConfig(name, params)
        stochastic = None
        if self.stochastic_box.isChecked():
            stochastic = StochasticConfig(self.batch_field.value(), self.noise_field.value())
            if self.spec.stochastic and stochastic == StochasticConfig():
                stochastic = None  # the registry's own default
        config = OptimizerConfig(self.name, self.hparams(), schedule, stochastic)
        return OptimizerEntry(config, self._colour, self.enable_box.isChecked())

    def hparams(self) -> dict[str, float]:
        """The hyperparameters' last valid values."""
        return {k: f.value() for k, f in self.fields.items()}

    def set_samples(self, n: int) -> None:
        """Say what a mini-batch is of: a model's ``n`` samples (n > 0), else the function's
        terms (the tooltips of the stochastic switch and the batch size)."""
        label = self.form.labelForField(self.batch_field.parentWidget())
        if n > 0:
            tip = translate("OptimizerBox", "samples per mini-batch, of the model's {0:,}: each "
                                            "epoch shuffles them and takes batches of this "
                                            "many (ceil(n / batch) steps an epoch)").format(n)
            switch = translate("OptimizerBox", "Gradient of a mini-batch of the model's "
                                               "samples, drawn through shuffled epochs")
            label_tip = tip
        else:
            tip, label_tip, switch = self._terms_tips
        self.batch_field.setToolTip(tip)
        if label is not None:
            label.setToolTip(label_tip)
        if self.stochastic_box.isEnabled():
            self.stochastic_box.setToolTip(switch)

    def cancel_scrub(self) -> None:
        """End a sweep in progress with the value it started from (the box is going)."""
        for field in self.active_fields():
            if isinstance(field, ParamField) and field.scrub is not None:
                field.scrub.finish(False)

    def set_hparams(self, hparams: Mapping[str, float]) -> None:
        """Show new hyperparameter values; KeyError for a name this optimizer does not take."""
        unknown = [k for k in hparams if k not in self.fields]
        if unknown:
            raise KeyError(translate("OptimizerBox", "{0} has no hyperparameter '{1}'")
                           .format(self.spec.title, unknown[0]))
        for k, v in hparams.items():
            self.fields[k].set_value(v)
        self._update_summary()

    # -- slots ----------------------------------------------------------------------------
    def _on_scrub_started(self) -> None:
        self.scrub_started.emit(self)

    def _on_scrubbed(self) -> None:
        self._update_summary()
        if self.sender() in self.fields.values():   # not a schedule's or the noise's field
            self.hparams_previewing.emit(self, self.hparams())

    def _on_scrub_ended(self, changed: bool) -> None:
        self._update_summary()
        self.scrub_ended.emit(self, changed)

    def _on_colour_clicked(self) -> None:
        colour = QColorDialog.getColor(QColor(self._colour), self,
                                       translate("OptimizerBox", "Colour of {0}")
                                       .format(self.spec.title))
        if colour.isValid() and colour.name() != QColor(self._colour).name():
            self.set_colour(colour.name())

    def _on_enabled_toggled(self, enabled: bool) -> None:
        self.title.setEnabled(enabled)
        self.summary.setEnabled(enabled)

    def _on_schedule_changed(self) -> None:
        self._show_schedule_fields()
        self.changed.emit()

    def _on_stochastic_toggled(self) -> None:
        self._show_stochastic_fields()
        self.changed.emit()

    def _show_schedule_fields(self) -> None:
        current = self.schedule_name()
        for name, fields in self.schedule_fields.items():
            for field in fields.values():
                self.form.setRowVisible(field.parentWidget(), name == current)
        self.schedule_combo.setToolTip(SCHEDULES[current].formula)

    def _show_stochastic_fields(self) -> None:
        for field in (self.batch_field, self.noise_field):
            self.form.setRowVisible(field.parentWidget(), self.stochastic_box.isChecked())

    def _update_summary(self) -> None:
        problem = self.problem()
        if problem:
            self.summary.setStyleSheet("color: #c62828;")
            self.summary.set_full_text(problem)
            return
        self.summary.setStyleSheet("")
        try:
            config = self.entry().config
        except ValueError as error:
            self.summary.set_full_text(str(error))
            return
        label = config.label()
        inner = label[len(self.name) + 1:-1] if label != self.name else ""
        if "lr" in config.hparams and not inner.startswith("lr="):  # lr always shows
            inner = ", ".join(filter(None, (f"lr={config.hparams['lr']:g}", inner)))
        self.summary.set_full_text(inner)
