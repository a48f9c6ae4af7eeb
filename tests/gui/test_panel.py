"""The parameter panel: validation, debouncing, and what it writes into its document."""

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt

from beale_gui.core.engine import StochasticConfig
from beale_gui.core.functions import FUNCTIONS, get_function
from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.document import PALETTE, Document
from beale_gui.gui.forms.fields import ParamField, number_text, parse_points
from beale_gui.gui.forms.function_chooser import CUSTOM
from beale_gui.gui.forms.parameters import ParameterPanel

from .helpers import WAIT, debounce_settled, nothing_applied

ADAM = 5  # index of Adam in a new Document


@pytest.fixture
def panel(qtbot):
    widget = ParameterPanel(Document())
    qtbot.addWidget(widget)
    widget.resize(340, 760)
    return widget


@pytest.fixture
def emitted(panel):
    states = []
    panel.applied.connect(lambda: states.append(panel.document.values()))
    return states


@pytest.fixture
def messages(panel):
    texts = []
    panel.message.connect(texts.append)
    return texts


def type_into(qtbot, field, text):
    """Replace the field's text as a user would."""
    edit = field.lineEdit() if isinstance(field, ParamField) else field
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def field(panel, entry, name):
    return panel.boxes[entry].fields[name]


def message_of(field_widget):
    return field_widget.parentWidget().message


def summary(state):
    return [(e.config.name, dict(e.config.hparams), e.config.schedule, e.config.stochastic,
             e.colour, e.enabled) for e in state.entries]


def test_default_state_round_trips(qtbot, panel, emitted):
    given = Document()
    panel.document.assign(Document(get_function("himmelblau"), [], max_steps=5, seed=3))
    panel.document.assign(given)   # the panel shows each document it is given
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        type_into(qtbot, field(panel, 0, "lr"), "0.01")     # and writes its fields back
    state = panel.document
    assert summary(state) == summary(given)
    assert state.function is given.function
    assert (state.max_steps, state.tol, state.seed, state.expression) == (
        given.max_steps, given.tol, given.seed, given.expression)
    assert state.entries[0].config is not given.entries[0].config  # fresh objects
    debounce_settled(qtbot, panel)   # no emission is pending
    assert len(emitted) == 1


def test_typing_a_learning_rate_emits_once_after_the_debounce(qtbot, panel, emitted):
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        type_into(qtbot, field(panel, 0, "lr"), "0.02")
    assert panel.document.entries[0].config.hparams["lr"] == 0.02
    debounce_settled(qtbot, panel)   # no emission is pending
    assert len(emitted) == 1
    assert panel.document.entries[0].config.hparams["lr"] == 0.02


@pytest.mark.parametrize("text", ["-1", "abc", "1e999"])
def test_a_bad_learning_rate_is_marked_and_not_applied(qtbot, panel, emitted, messages, text):
    lr = field(panel, 0, "lr")
    with nothing_applied(qtbot, panel):
        type_into(qtbot, lr, text)
    assert not lr.is_valid()
    assert lr.property("invalid")
    assert "Invalid lr" in lr.problem()
    assert "Invalid lr" in message_of(lr).text()
    assert not message_of(lr).isHidden()
    assert "Invalid lr" in lr.toolTip()
    assert not panel.is_valid()
    assert any("Invalid lr" in m for m in messages)
    assert panel.document.entries[0].config.hparams["lr"] == 0.01
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        type_into(qtbot, lr, "0.03")
    assert panel.document.entries[0].config.hparams["lr"] == 0.03
    assert lr.is_valid()
    assert not lr.property("invalid")
    assert message_of(lr).isHidden()
    assert panel.is_valid()
    assert len(emitted) == 1


def test_lr_message_names_the_range(qtbot, panel):
    type_into(qtbot, field(panel, 0, "lr"), "-1")
    assert field(panel, 0, "lr").problem() == "Invalid lr: -1 is outside (0, 1e+06]"


def test_adam_beta1_of_one_is_refused(qtbot, panel):
    beta1 = field(panel, ADAM, "beta1")
    with nothing_applied(qtbot, panel):
        type_into(qtbot, beta1, "1")
    assert "Invalid beta1" in beta1.problem()
    assert panel.document.entries[ADAM].config.hparams["beta1"] == 0.9


def test_enable_and_colour_are_reflected(qtbot, panel):
    box = panel.boxes[1]
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        box.enable_box.setChecked(False)
    assert panel.document.entries[1].enabled is False
    assert [e.enabled for e in panel.document.entries] == [True, False, True, True, True, True]
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        box.set_colour("#123456")
    assert panel.document.entries[1].colour == "#123456"


def test_add_optimizer_from_the_menu(qtbot, panel):
    titles = [a.text() for a in panel.add_menu.actions()]
    assert titles[:len(OPTIMIZERS)] == [spec.title for spec in OPTIMIZERS.values()]
    assert titles[len(OPTIMIZERS)] == "Plug-ins"       # then any loaded, then From file…
    assert titles[-2:] == ["From file\u2026", "torch optimizer\u2026"]
    action = panel.add_menu.actions()[list(OPTIMIZERS).index("adamw")]
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        action.trigger()
    entry = panel.document.entries[-1]
    assert entry.config.name == "adamw"
    assert dict(entry.config.hparams) == OPTIMIZERS["adamw"].defaults
    assert entry.colour == PALETTE[6]  # the first colour the six defaults leave unused
    assert entry.enabled


def test_remove_optimizers_down_to_none(qtbot, panel):
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        qtbot.mouseClick(panel.boxes[0].remove_button, Qt.MouseButton.LeftButton)
    assert [e.config.name for e in panel.document.entries] == [
        "momentum", "nesterov", "adagrad", "rmsprop", "adam"]
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        while panel.boxes:
            panel.boxes[-1].remove_button.click()
    assert panel.document.entries == []
    assert panel.document.entries == []
    assert not panel.empty_hint.isHidden()
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        panel.add_optimizer("gd")
    assert panel.document.entries[0].colour == PALETTE[0]


def test_switching_function(qtbot, panel):
    key = next(k for k in FUNCTIONS if k != "beale")
    combo = panel.function_chooser.combo
    assert combo.findData(CUSTOM) == combo.count() - 1
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        combo.setCurrentIndex(combo.findData(key))
    assert panel.document.function is FUNCTIONS[key]
    assert panel.document.function is FUNCTIONS[key]
    assert panel.document.expression is None
    assert combo.toolTip() == FUNCTIONS[key].formula


def test_switching_function_shows_its_rates_and_keeps_an_edited_one(qtbot, panel, messages):
    """Rosenbrock's rates go into the fields of the optimizers not edited; GD, edited, keeps
    its rate, and the status bar says both."""
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        type_into(qtbot, field(panel, 0, "lr"), "0.003")
    combo = panel.function_chooser.combo
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        combo.setCurrentIndex(combo.findData("rosenbrock"))
    assert messages[-1] == "Learning rates set for Rosenbrock; GD kept (edited)"
    rosenbrock = FUNCTIONS["rosenbrock"]
    assert field(panel, 0, "lr").value() == 0.003
    assert field(panel, 1, "lr").value() == rosenbrock.hparams_for("momentum")["lr"]
    assert field(panel, 2, "lr").value() == rosenbrock.hparams_for("nesterov")["lr"]
    assert [e.config.hparams["lr"] for e in panel.document.entries] == \
        [field(panel, i, "lr").value() for i in range(len(panel.boxes))]
    debounce_settled(qtbot, panel)   # showing the new rates is no edit of the user's


def choose_custom(panel):
    combo = panel.function_chooser.combo
    combo.setCurrentIndex(combo.findData(CUSTOM))


def test_custom_expression(qtbot, panel):
    chooser = panel.function_chooser
    with nothing_applied(qtbot, panel):
        choose_custom(panel)  # nothing typed yet: nothing to apply
    assert not chooser.custom.isHidden()
    text = "x**2 + 10*sin(y)"
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        type_into(qtbot, chooser.expression, text)
    state = panel.document
    assert state.expression == text
    assert state.function.value(np.array([1.0, 2.0])) == pytest.approx(1 + 10 * math.sin(2))
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        for edit, value in zip(chooser.bounds, ("-3", "3", "-2", "4"), strict=True):
            type_into(qtbot, edit, value)
        type_into(qtbot, chooser.minima, "0, -1.5708; 1,2")
    function = panel.document.function
    assert function.bounds == ((-3.0, 3.0), (-2.0, 4.0))
    np.testing.assert_allclose(function.minima, [[0, -1.5708], [1, 2]])


@pytest.mark.parametrize("text", ["x +* y", "__import__('os')"])
def test_a_bad_expression_is_refused(qtbot, panel, text):
    chooser = panel.function_chooser
    with nothing_applied(qtbot, panel):
        choose_custom(panel)
        type_into(qtbot, chooser.expression, text)
    assert chooser.expression.problem()
    assert chooser.expression.property("invalid")
    assert message_of(chooser.expression).text() == chooser.expression.problem()
    assert panel.document.function is FUNCTIONS["beale"]


def test_bad_view_bounds_are_refused(qtbot, panel):
    chooser = panel.function_chooser
    choose_custom(panel)
    type_into(qtbot, chooser.expression, "x*y")
    with nothing_applied(qtbot, panel):
        type_into(qtbot, chooser.bounds[0], "3")
        type_into(qtbot, chooser.bounds[1], "1")
    assert "x max must be greater than x min" in chooser.bounds_message.text()
    with nothing_applied(qtbot, panel):
        type_into(qtbot, chooser.bounds[1], "")
        type_into(qtbot, chooser.minima, "1, 2, 3")
    assert "minima" in chooser.minima.problem()
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        type_into(qtbot, chooser.bounds[1], "8")
        type_into(qtbot, chooser.minima, "")
    assert panel.document.function.bounds == ((3.0, 8.0), (-5.0, 5.0))


def test_custom_function_round_trips_through_the_document(qtbot, panel):
    chooser = panel.function_chooser
    choose_custom(panel)
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        type_into(qtbot, chooser.expression, "(x - 1)**2 + y**2")
        type_into(qtbot, chooser.minima, "1, 0")
    saved = Document(**panel.document.values())
    panel.document.assign(Document())
    assert not chooser.is_custom()
    panel.document.assign(saved)
    with qtbot.waitSignal(panel.applied, timeout=WAIT):   # the fields, written back
        type_into(qtbot, chooser.minima, "1, 0")
    assert panel.document.expression == "(x - 1)**2 + y**2"
    np.testing.assert_allclose(panel.document.function.minima, [[1, 0]])


def test_inverse_time_schedule(qtbot, panel):
    box = panel.boxes[0]
    box.set_expanded(True)
    box.schedule_combo.setCurrentIndex(box.schedule_combo.findData("inverse_time"))
    decay = box.schedule_fields["inverse_time"]["decay"]
    assert not decay.parentWidget().isHidden()
    assert box.schedule_fields["step"]["gamma"].parentWidget().isHidden()
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        type_into(qtbot, decay, "0.01")
    schedule = panel.document.entries[0].config.schedule
    assert schedule.name == "inverse_time"
    assert schedule.params["decay"] == 0.01


def test_stochastic_toggle(qtbot, panel):
    box = panel.boxes[0]
    assert not box.stochastic_box.isChecked()
    assert box.batch_field.parentWidget().isHidden()
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        box.stochastic_box.setChecked(True)
    assert panel.document.entries[0].config.stochastic == StochasticConfig(1, 0.0)
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        type_into(qtbot, box.batch_field, "2")
        type_into(qtbot, box.noise_field, "0.5")
    assert panel.document.entries[0].config.stochastic == StochasticConfig(2, 0.5)
    with nothing_applied(qtbot, panel):
        type_into(qtbot, box.batch_field, "0")
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        box.stochastic_box.setChecked(False)  # the bad batch size no longer counts
    assert panel.document.entries[0].config.stochastic is None


def test_sgd_is_stochastic_by_default(qtbot, panel):
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        box = panel.add_optimizer("sgd")
    assert box.stochastic_box.isChecked()
    assert not box.stochastic_box.isEnabled()
    assert panel.document.entries[-1].config.noise == StochasticConfig()


def test_log_field_steps_multiply(qtbot, panel):
    lr = field(panel, 0, "lr")
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        lr.stepBy(1)
    assert panel.document.entries[0].config.hparams["lr"] == pytest.approx(
        0.01 * 10**0.1, rel=0.01)
    lr.stepBy(-1)
    assert lr.value() == 0.01
    lr.setFocus()
    qtbot.keyClick(lr, Qt.Key.Key_PageUp)  # ten steps: a decade
    assert lr.value() == 0.1
    qtbot.keyClick(lr, Qt.Key.Key_Down)
    assert lr.value() == 0.08
    assert lr.text() == "0.08"
    qtbot.keyClick(lr, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)  # a decade
    assert lr.value() == 0.008
    momentum = field(panel, 1, "momentum")  # linear
    momentum.stepBy(1)
    assert momentum.value() == 0.91


def test_formatting_keeps_precision(panel):
    assert number_text(1e-10) == "1e-10"
    assert number_text(0.999) == "0.999"
    assert number_text(1 / 3) == repr(1 / 3)
    assert field(panel, 3, "eps").text() == "1e-10"  # Adagrad's eps
    assert field(panel, ADAM, "beta2").text() == "0.999"


def test_tolerance_steps_to_and_from_zero(qtbot, panel):
    tol = panel.tol_field
    tol.set_value(0)
    assert "off" in panel.tol_hint.text()
    tol.stepBy(1)
    assert tol.value() == 1e-12
    tol.stepBy(-1)
    assert tol.value() == 0


@pytest.mark.parametrize(("name", "text"), [
    ("max_steps_field", "-1"), ("max_steps_field", "2.5"), ("max_steps_field", "20000000"),
    ("tol_field", "-1"), ("seed_field", "-1"), ("seed_field", "x")])
def test_run_settings_are_validated(qtbot, panel, name, text):
    with nothing_applied(qtbot, panel):
        type_into(qtbot, getattr(panel, name), text)
    assert getattr(panel, name).problem()
    assert panel.document.max_steps == 1000


def test_run_settings_apply(qtbot, panel):
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        type_into(qtbot, panel.max_steps_field, "5000")
        type_into(qtbot, panel.tol_field, "1e-5")
        type_into(qtbot, panel.seed_field, "7")
    state = panel.document
    assert (state.max_steps, state.tol, state.seed) == (5000, 1e-5, 7)


def test_set_hparams_emits_once(qtbot, panel, emitted, messages):
    with qtbot.waitSignal(panel.applied, timeout=WAIT):
        panel.set_hparams(ADAM, {"lr": 0.123, "beta1": 0.8})
    hparams = panel.document.entries[ADAM].config.hparams
    assert (hparams["lr"], hparams["beta1"]) == (0.123, 0.8)
    assert field(panel, ADAM, "lr").text() == "0.123"
    panel.set_hparams(99, {"lr": 0.1})
    panel.set_hparams(0, {"beta1": 0.5})  # gd has no beta1
    debounce_settled(qtbot, panel)   # no emission is pending
    assert len(emitted) == 1
    assert "beta1" in messages[-1]


def test_parse_points():
    assert parse_points("3,0.5; -1,2") == [(3.0, 0.5), (-1.0, 2.0)]
    assert parse_points(" ") == []
    with pytest.raises(ValueError, match="minima"):
        parse_points("1")
