"""A hostile user at the window (offscreen): every field of the parameter panel, the custom
function's expression, view and minima, the search form, the basin panel and the export
dialog given each value of ``HOSTILE`` (pasted, as a user pastes text from elsewhere: digits of
other scripts, look-alike and invisible characters, NUL); hostile settings files and
autosaves; the issue's runs that diverged at step 0 exported from the window and opened again;
every write of the window interrupted midway.

A value is refused (the field marked with a message, nothing applied, the state holding only
valid values) or accepted and harmless (finite, in range, and the window goes on computing).
pytest-qt fails a test on any Qt warning; ``guarded`` slots log what they catch, and
``_no_errors_logged`` fails a test on any of it.
"""

import json
import logging
import math
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from beale_gui.core import fileio
from beale_gui.core.engine import OptimizerConfig
from beale_gui.core.functions import parse_expression
from beale_gui.core.schedules import SCHEDULES
from beale_gui.core.session_load import load_experiment
from beale_gui.document import OptimizerEntry
from beale_gui.gui.controllers.autosave import autosave_path
from beale_gui.gui.dialogs.export_dialog import ExportDialog, ExportOptions
from beale_gui.gui.forms.fields import ParamField
from beale_gui.gui.forms.function_chooser import CUSTOM
from tests.core.test_adversarial import HOSTILE, DiskFills, count, fixed

from .helpers import WAIT, debounce_settled, nothing_applied, open_window, settings_in

KEPT = "failed writes with the old file intact"
# the offscreen platform says this when a top-level window (a warning box, a dialog) is shown
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def _no_errors_logged(caplog):
    """A slot that raised is caught by ``guarded`` and logged: that is a finding too."""
    caplog.set_level(logging.WARNING, logger="beale_gui")
    yield
    errors = [r for r in caplog.records
              if r.levelno >= logging.ERROR and r.name.startswith("beale_gui")]
    assert not errors, [r.getMessage() for r in errors]


@pytest.fixture
def window(window):
    window.sessions.ask_discard = lambda: True
    return window


def paste(qtbot, edit, text: str) -> None:
    """Replace ``edit``'s text by pasting ``text`` (Ctrl+V), as a user pastes from elsewhere:
    QTest types ASCII only, and a paste is how '−' or a zero-width space arrives."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    if text:
        QApplication.clipboard().setText(text)
        qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == text


def _valid_numbers(state) -> None:
    """Every number the panel's state holds is finite and in its parameter's range."""
    for entry in state.entries:
        config = entry.config
        for p in config.spec.params:
            assert p.problem(config.hparams[p.name]) is None
        for p in SCHEDULES[config.schedule.name].params:
            assert p.problem(config.schedule.params[p.name]) is None
        if config.stochastic is not None:
            assert math.isfinite(config.stochastic.noise)
    assert all(math.isfinite(v) for v in (state.max_steps, state.tol, state.seed))


def _judge(field: ParamField, figures) -> bool:
    """Count ``field``'s verdict on its text; check a refusal is marked and an acceptance is
    a finite value in range, shown back without '-0'. True when accepted."""
    if field.problem():
        assert field.problem().startswith(f"Invalid {field.param.name}: ")
        assert field.property("invalid")
        count(figures, accepted=False)
        return False
    value = field.value()
    assert math.isfinite(value)
    assert field.param.problem(value) is None
    field.editingFinished.emit()   # the text is tidied to the value it holds
    assert not field.lineEdit().text().startswith("-0")
    count(figures, accepted=True)
    return True


# -- the parameter panel ------------------------------------------------------------------------

def _panel_fields(panel):
    """(name, field, make it count) for every number field the panel has: each optimizer's
    hyperparameters (one box of every optimizer), each schedule's, the stochastic settings,
    max steps, tolerance and seed."""
    have = {b.name for b in panel.boxes}
    from beale_gui.core.optimizers import OPTIMIZERS

    for name in OPTIMIZERS:
        if name not in have:
            panel.add_optimizer(name)
    out = []
    for box in panel.boxes:
        out += [(f"{box.name}.{k}", f, lambda: None) for k, f in box.fields.items()
                if not f.param.flag]                     # a 0/1 switch is a check box
    box = panel.boxes[-1]
    for schedule, fields in box.schedule_fields.items():
        def choose(box=box, schedule=schedule):
            box.schedule_combo.setCurrentIndex(box.schedule_combo.findData(schedule))
        out += [(f"{schedule}.{k}", f, choose) for k, f in fields.items()]
    stochastic = next(b for b in panel.boxes if not b.spec.stochastic)
    out += [(f"stochastic.{f.param.name}", f, lambda: stochastic.stochastic_box.setChecked(True))
            for f in (stochastic.batch_field, stochastic.noise_field)]
    out += [(f.param.name, f, lambda: None)
            for f in (panel.max_steps_field, panel.tol_field, panel.seed_field)]
    return out


def test_every_number_field_of_the_panel_refuses_or_harmlessly_takes_every_hostile_value(
        qtbot, window, reliability_figures):
    panel = window.panel
    fields = _panel_fields(panel)
    assert len(fields) > 30
    for _, field, make_it_count in fields:
        make_it_count()
        original = field.lineEdit().text()
        for _, text in HOSTILE:
            paste(qtbot, field.lineEdit(), text)
            accepted = _judge(field, reliability_figures)
            if not accepted:
                assert panel.problem()   # nothing is applied while a field is bad
            _valid_numbers(panel.document if panel.problem()
                           else SimpleNamespace(**panel.values()))
        paste(qtbot, field.lineEdit(), original)
        assert field.is_valid()
    # the window goes on: a last edit is applied and computed
    paste(qtbot, panel.max_steps_field.lineEdit(), "321")
    qtbot.waitUntil(lambda: window.result().max_steps == 321, timeout=WAIT)
    result = window.result()
    assert np.isfinite(result.final_xy[result.status != 2]).all()


@pytest.mark.parametrize(("field", "value"), [
    ("lr", "1e-320"), ("eps", "1e-320"), ("eps", "5e-324"), ("beta2", "1e-320"),
    ("tol", "1e-320"), ("noise", "1e-320"), ("gamma", "1e-320"),
])
def test_subnormal_values_the_panel_accepts_run_harmlessly(qtbot, window, field, value,
                                                           reliability_figures):
    """Accepted extremes go through the engine and the views: statuses and finite points."""
    panel = window.panel
    adam = panel.boxes[5]
    if field == "gamma":
        adam.schedule_combo.setCurrentIndex(adam.schedule_combo.findData("exponential"))
        target = adam.schedule_fields["exponential"]["gamma"]
    elif field == "noise":
        adam.stochastic_box.setChecked(True)
        target = adam.noise_field
    elif field == "tol":
        target = panel.tol_field
    else:
        target = adam.fields[field]
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        paste(qtbot, target.lineEdit(), value)
    assert target.is_valid()
    result = window.result()
    finite = result.status != 2
    assert np.isfinite(result.final_xy[finite]).all()
    count(reliability_figures, accepted=True)


# -- the custom function ------------------------------------------------------------------------

EXPRESSIONS = ["", " ", "x\u00b2 + y", "x \u2212 y", "\u0445 + y", "x\u200b + y",
               "x + y\u202e", "x\x00", "nan", "inf*x", "x**1e308", "1e308*x**2", "1e-320*x",
               "exp(exp(exp(x)))", "log(x)", "sqrt(-1)", "0*x", "x/0", "(" * 200 + "x" +
               ")" * 200, "x" * 2000, "\u0663*x", "\uff58", "x**2 + y**2", "-0*x + y"]


def test_the_custom_expression_refuses_or_harmlessly_takes_every_hostile_text(
        qtbot, window, reliability_figures):
    chooser = window.panel.function_chooser
    chooser.combo.setCurrentIndex(chooser.combo.findData(CUSTOM))
    for text in EXPRESSIONS:
        paste(qtbot, chooser.expression, text)
        problem = chooser.problem()
        if problem:
            assert window.panel.problem()
            count(reliability_figures, accepted=False)
            continue
        function, typed = chooser.function()
        assert typed == text.strip()
        count(reliability_figures, accepted=True)
    # the window goes on: a last expression is applied and computed
    paste(qtbot, chooser.expression, "x**2 + 3*y**2")
    qtbot.waitUntil(lambda: window.result().function.formula == "x**2 + 3*y**2",
                    timeout=WAIT)


def test_the_view_and_minima_fields_refuse_or_harmlessly_take_every_hostile_value(
        qtbot, window, reliability_figures):
    chooser = window.panel.function_chooser
    chooser.combo.setCurrentIndex(chooser.combo.findData(CUSTOM))
    paste(qtbot, chooser.expression, "x**2 + y**2")
    for _i, edit in enumerate(chooser.bounds):
        for _, text in HOSTILE:
            paste(qtbot, edit, text)
            if chooser.problem():
                count(reliability_figures, accepted=False)
            else:
                function, _ = chooser.function()
                (x0, x1), (y0, y1) = function.bounds
                assert all(math.isfinite(v) and abs(v) <= 1e10 for v in (x0, x1, y0, y1))
                assert x1 - x0 >= 1e-9
                assert y1 - y0 >= 1e-9
                count(reliability_figures, accepted=True)
        paste(qtbot, edit, "")   # blank: the default
    for _, text in HOSTILE:
        paste(qtbot, chooser.minima, f"{text}, 0")
        if chooser.problem():
            count(reliability_figures, accepted=False)
        else:
            function, _ = chooser.function()
            assert np.isfinite(function.minima).all()
            assert (np.abs(function.minima) <= 1e10).all()
            count(reliability_figures, accepted=True)
    paste(qtbot, chooser.minima, "0, 0")
    qtbot.waitUntil(lambda: window.result().function.minima.tolist() == [[0.0, 0.0]],
                    timeout=WAIT)


@pytest.mark.parametrize(("low", "high", "words"), [
    ("-1e308", "1e308", "within \u00b11e10"),
    ("1e300", "1.0000001e300", "within \u00b11e10"),
    ("0", "1e-320", "at least 1e-09"),
    ("-2e10", "0", "within \u00b11e10"),
])
def test_a_view_beyond_the_bound_or_too_narrow_is_refused_and_changes_nothing(
        qtbot, window, low, high, words, reliability_figures):
    """Finding: x from -1e308 to 1e308 was applied; the canvas's grid over a span of 2e308
    overflowed in the slot (caught and logged); x from 1e300 showed a view where every click
    diverged at step 0. Now the field says why and nothing is applied."""
    chooser = window.panel.function_chooser
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        chooser.combo.setCurrentIndex(chooser.combo.findData(CUSTOM))
        paste(qtbot, chooser.expression, "x**2 + y**2")
    debounce_settled(qtbot, window.panel)
    with nothing_applied(qtbot, window.panel):
        paste(qtbot, chooser.bounds[0], low)
        paste(qtbot, chooser.bounds[1], high)
    assert words in chooser.bounds_message.text()
    assert words in window.panel.problem()
    assert window.result().function.bounds == ((-5.0, 5.0), (-5.0, 5.0))
    if words.startswith("within") and low == "-1e308":
        fixed(reliability_figures)


def test_a_minimum_beyond_the_bound_is_refused(qtbot, window):
    chooser = window.panel.function_chooser
    chooser.combo.setCurrentIndex(chooser.combo.findData(CUSTOM))
    paste(qtbot, chooser.expression, "x**2 + y**2")
    paste(qtbot, chooser.minima, "0, 0; 1e308, 0")
    assert "beyond \u00b11e10" in chooser.problem()


# -- the search form and the basin panel --------------------------------------------------------

@pytest.fixture
def search(qtbot, window):
    window.resize(1500, 1000)
    window.search.action.trigger()
    panel = window.search.panel
    panel.form.set_optimizer(1)   # Momentum: two hyperparameters, two rows
    return panel


def test_every_field_of_the_search_form_refuses_or_harmlessly_takes_every_hostile_value(
        qtbot, search, reliability_figures):
    form = search.form
    form.method_combo.setCurrentIndex(form.method_combo.findData("coarse-to-fine"))
    form.random_starts.setChecked(True)
    edits = [f.lineEdit() for f in (form.budget_field, form.rounds_field, form.keep_field,
                                    form.shrink_field, form.max_steps_field, form.k_field,
                                    form.seed_field)]
    edits += [e for row in form.rows for e in (row.low, row.high)]
    assert form.rows[1].isEnabled()
    for edit in edits:
        original = edit.text()
        for _, text in HOSTILE:
            paste(qtbot, edit, text)
            if form.validate():
                count(reliability_figures, accepted=False)
                continue
            job = form.job()
            for axis in job.axes:
                assert math.isfinite(axis.low)
                assert math.isfinite(axis.high)
                assert axis.low < axis.high
            assert 0 < job.keep <= 1
            assert 0 < job.shrink <= 1
            count(reliability_figures, accepted=True)
        paste(qtbot, edit, original)
    assert form.validate() == ""


def test_a_search_too_large_for_memory_is_refused_before_it_starts(qtbot, search):
    """Finding: budget 1,000,000 with 44 random start points was accepted; the search took
    18 GB. The form names the problem and Run starts nothing."""
    form = search.form
    form.random_starts.setChecked(True)
    paste(qtbot, form.budget_field.lineEdit(), "1000000")
    paste(qtbot, form.k_field.lineEdit(), "44")
    problem = form.validate()
    assert problem.startswith("Too large a search:")
    assert "lower the budget" in problem
    assert not search.run()
    assert not search.busy
    paste(qtbot, form.k_field.lineEdit(), "8")
    form.second.setChecked(False)
    assert form.validate() == ""   # 1,000,000 grid points x 8 starts fit


def test_a_log_search_from_a_subnormal_low_end_runs(qtbot, search):
    """Finding: lr from 1e-320 (log) passed the form, then the search failed with 'Invalid
    lr: inf is not finite'. It runs, and its curve is drawn on a log axis."""
    form = search.form
    form.second.setChecked(False)
    paste(qtbot, form.rows[0].low, "1e-320")
    paste(qtbot, form.budget_field.lineEdit(), "9")
    paste(qtbot, form.max_steps_field.lineEdit(), "5")
    assert form.validate() == ""
    with qtbot.waitSignal(search.runner.finished, timeout=WAIT) as blocker:
        assert search.run()
    outcome = blocker.args[1]
    assert np.isfinite(outcome.result.points).all()
    assert outcome.result.points.min() == 1e-320


def test_the_basin_panel_fields_refuse_or_harmlessly_take_every_hostile_value(
        qtbot, window, reliability_figures):
    panel = window.basins.panel
    for field in (panel.grid, panel.max_steps):
        original = field.lineEdit().text()
        for _, text in HOSTILE:
            paste(qtbot, field.lineEdit(), text)
            _judge(field, reliability_figures)
        paste(qtbot, field.lineEdit(), original)
    paste(qtbot, panel.grid.lineEdit(), "\u0663")       # 3, as Python reads it
    paste(qtbot, panel.max_steps.lineEdit(), "1_0")     # 10
    with qtbot.waitSignal(window.basins.runner.finished, timeout=WAIT) as blocker:
        assert window.basins.compute()
    assert blocker.args[1].outcome.shape == (3, 3)


# -- the export dialog ------------------------------------------------------------------------

PATHS = ["", " ", "\x00", "a\x00.png", "{tmp}/n\x00.png", "{tmp}/folder.png",
         "{tmp}/missing/x.png", "{tmp}/x.png ", "{tmp}/x.PNG", "{tmp}/x\u200f.png",
         "{tmp}/.png", "{tmp}/x.png\u200b", "{tmp}/x.gif", "/", "/dev/null",
         "{tmp}/" + "y" * 300 + ".png"]


@pytest.mark.parametrize("animation", [False, True], ids=["image", "animation"])
def test_the_export_dialog_refuses_or_harmlessly_takes_every_hostile_value(
        qtbot, window, tmp_path, animation, reliability_figures):
    (tmp_path / "folder.png").mkdir()
    dialog = ExportDialog(window, animation, str(tmp_path / ("x.gif" if animation else
                                                              "x.png")))
    qtbot.addWidget(dialog)
    for text in PATHS:
        paste(qtbot, dialog.path_edit, text.replace("{tmp}", str(tmp_path)))
        problem = dialog.problem()
        if problem is None:
            opts = dialog.options()
            assert "\x00" not in opts.path
            assert Path(opts.path).parent.is_dir()
        count(reliability_figures, accepted=problem is None)
    paste(qtbot, dialog.path_edit, str(tmp_path / ("x.gif" if animation else "x.png")))
    for field in dialog.number_fields():
        original = field.lineEdit().text()
        for _, text in HOSTILE:
            paste(qtbot, field.lineEdit(), text)
            accepted = _judge(field, reliability_figures)
            if accepted and not animation:
                assert dialog.problem() is None
            if not accepted:
                assert dialog.problem() == field.problem()
                assert dialog.message.text() == field.problem()
        paste(qtbot, field.lineEdit(), original)
    assert dialog.problem() is None


@pytest.mark.parametrize("typed", ["10000", "0", "5", "", "99999"])
def test_a_size_typed_out_of_range_is_named_not_replaced(qtbot, window, tmp_path, typed,
                                                         reliability_figures):
    """Finding: the size spin boxes blocked the fifth digit of 10000 (leaving 1000) and put
    back 1600 when 5 or nothing was typed, then exported without a word. The field now
    takes what is typed and the dialog says why it cannot export."""
    dialog = ExportDialog(window, False, str(tmp_path / "x.png"))
    qtbot.addWidget(dialog)
    paste(qtbot, dialog.width_box.lineEdit(), typed)
    assert dialog.width_box.lineEdit().text() == typed
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() != ExportDialog.DialogCode.Accepted
    assert dialog.message.text().startswith("Invalid width: ")
    if typed == "10000":
        fixed(reliability_figures)


# -- files the window reads: settings and the autosave ----------------------------------------

SETTINGS = ["speed=\u00b2", "speed=\u0663", "speed=99999999999999999999", "speed=-5",
            "speed=nan", "speed=@Invalid()", "speed=1, 2", "mechanics=\u00b2",
            "geometry=@ByteArray(\\0\\0garbage)", "state=@ByteArray(xx)", "geometry=1e308"]
SESSION_SETTINGS = ["autosave=\u00b2", "recent=\\0", "recent=1e308, \u200f, /no\\0x",
                    "last_path=\\0", "last_name=\\0\u202e", "last_modified=\u00b2",
                    "last_path=@ByteArray(\\xff)", "last_name=" + "x" * 10000,
                    "recent=" + ", ".join(["a"] * 2000)]


@pytest.mark.parametrize("line", [f"[main_window]\n{s}" for s in SETTINGS]
                         + [f"[sessions]\n{s}" for s in SESSION_SETTINGS])
def test_a_hostile_settings_file_still_opens_the_window(qtbot, tmp_path, line,
                                                        reliability_figures):
    """Finding: speed=² in the settings made the window fail to open ('²'.isdigit() is True,
    int('²') raises), a traceback at every launch until the file was edited by hand."""
    (tmp_path / "layout.ini").write_text(line + "\n", encoding="utf-8")
    w = open_window(qtbot, settings_in(tmp_path))
    assert w.result() is not None
    assert w.playback.speed_position >= 0
    for path in w.sessions.recent_files():   # opening one that cannot be is a message
        w.sessions.open_recent(path)
    w.sessions.autosave.save()
    count(reliability_figures, accepted=True)
    if "\u00b2" in line and "speed" in line:
        fixed(reliability_figures)


def _autosave(tmp_path, change) -> Path:
    path = tmp_path / "layout.last-session.json"
    d = {"format": "beale-gui-session", "version": 1,
         "function": {"expression": "x**2 + y**2", "bounds": [[-3, 3], [-2, 2]]},
         "optimizers": [{"name": "gd", "hparams": {"lr": 0.1}}], "starts": [[1.0, 1.0]],
         "max_steps": 50, "tol": 0.0, "seed": 0, "title": "t"}
    text = change(d) if callable(change) else change
    path.write_text(text if isinstance(text, str) else json.dumps(d), encoding="utf-8")
    return path


def _set(d, path, value):
    target = d
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return json.dumps(d)


AUTOSAVES = [
    ("bounds-overflow", lambda d: _set(d, ("function", "bounds"), [[-1e308, 1e308], [-2, 2]])),
    ("lr-nan", lambda d: _set(d, ("optimizers", 0, "hparams", "lr"), 1).replace(
        '"lr": 1', '"lr": NaN')),
    ("tol-infinity", lambda d: _set(d, ("tol",), 1).replace('"tol": 1', '"tol": Infinity')),
    ("tol-minus-zero", lambda d: _set(d, ("tol",), -0.0)),
    ("seed-huge", lambda d: _set(d, ("seed",), 10**400)),
    ("start-subnormal", lambda d: _set(d, ("starts",), [[1e-320, 5e-324]])),
    ("lr-subnormal", lambda d: _set(d, ("optimizers", 0, "hparams", "lr"), 1e-320)),
    ("title-nul-and-rtl", lambda d: _set(d, ("title",), "\x00\u202e\u200b")),
    ("lr-text-digit", lambda d: _set(d, ("optimizers", 0, "hparams", "lr"), "\u0663")),
    ("lr-list-too-long", lambda d: _set(d, ("optimizers", 0, "hparams", "lr"),
                                        [0.1] * 1_000_001)),
    ("expression-confusable", lambda d: _set(d, ("function", "expression"), "x \u2212 y")),
    ("max-steps-huge", lambda d: _set(d, ("max_steps",), 10**12)),
]


@pytest.mark.parametrize("change", [a[1] for a in AUTOSAVES], ids=[a[0] for a in AUTOSAVES])
def test_a_hostile_autosave_is_ignored_with_a_message_or_restored_harmlessly(
        qtbot, tmp_path, change, reliability_figures):
    _autosave(tmp_path, change)
    w = open_window(qtbot, settings_in(tmp_path))
    qtbot.waitUntil(lambda: w.document.function.formula in ("x**2 + y**2",)
                    or "could not be restored" in w.statusBar().currentMessage(),
                    timeout=WAIT)
    refused = "could not be restored" in w.statusBar().currentMessage()
    if not refused:
        qtbot.waitUntil(lambda: w.result().function.formula == "x**2 + y**2", timeout=WAIT)
        _valid_numbers(w.document)
        assert np.isfinite(w.starts()).all()
        assert math.copysign(1.0, w.document.tol) == 1.0
    assert autosave_path(w.sessions.settings).exists()
    count(reliability_figures, accepted=not refused)


@pytest.mark.parametrize("name", ["layout.ini", "layout.last-session.json"],
                         ids=["settings", "autosave"])
def test_a_settings_file_or_autosave_that_is_a_folder_is_said_and_the_window_goes_on(
        qtbot, tmp_path, name, reliability_figures):
    (tmp_path / name).mkdir()
    w = open_window(qtbot, settings_in(tmp_path))
    if name.endswith(".json"):
        qtbot.waitUntil(lambda: "could not be restored" in w.statusBar().currentMessage(),
                        timeout=WAIT)
        assert "Is a directory" in w.statusBar().currentMessage()
    assert not w.sessions.autosave.save()
    assert "cannot be kept for the next launch" in w.sessions.autosave.last_message
    assert "Everything is still in the window" in w.sessions.autosave.last_message
    paste(qtbot, w.panel.max_steps_field.lineEdit(), "77")
    qtbot.waitUntil(lambda: w.result().max_steps == 77, timeout=WAIT)
    count(reliability_figures, accepted=False)


def test_an_extension_with_an_invisible_character_is_named(qtbot, window, tmp_path):
    dialog = ExportDialog(window, False, str(tmp_path / "x.png\u200b"))
    qtbot.addWidget(dialog)
    assert "U+200B ZERO WIDTH SPACE" in dialog.problem()


# -- the first point in the window --------------------------------------------------

def _log_runs(qtbot, w):
    """GD on log(x) from (0, 1), where f is -inf, and from (1, 1), five steps."""
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.document.update(
            function=parse_expression("log(x)"), expression="log(x)",
            entries=[OptimizerEntry(OptimizerConfig("gd"), "#E69F00")], max_steps=5, tol=0.0)
        w.set_starts(np.array([[0.0, 1.0], [1.0, 1.0]]))
    result = w.result()
    assert [result.describe(i) for i in range(2)] == ["diverged at step 0",
                                                      "stopped at max steps (5)"]
    return result


def _strict(constant):
    raise AssertionError(f"the JSON holds {constant}")


def test_file_export_data_writes_valid_csv_and_json_that_reopens_the_same_runs(
        qtbot, window, tmp_path):
    result = _log_runs(qtbot, window)
    assert window.exports.export_data(str(tmp_path / "runs.csv"))
    assert window.exports.export_data(str(tmp_path / "runs.json"))
    rows = (tmp_path / "runs.csv").read_text().splitlines()
    assert rows[1] == "custom,gd(lr=0.01),0,0,0.0,1.0,-inf,inf,0.0,0.01"
    data = json.loads((tmp_path / "runs.json").read_text(), parse_constant=_strict)
    assert [r["status"] for r in data["runs"]] == ["diverged", "max steps"]
    assert data["runs"][0]["loss"] == [None]
    assert load_experiment(tmp_path / "runs.json").expression == "log(x)"
    # File > Open, as the menu does it
    window.sessions.ask_open_path = lambda: str(tmp_path / "runs.json")
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.sessions.action_open.trigger()
    again = window.result()
    assert [again.describe(i) for i in range(2)] == [result.describe(i) for i in range(2)]
    assert np.array_equal(again.status, result.status)
    assert window.windowTitle().startswith("runs (data)")


def test_image_and_animation_exports_of_a_run_diverged_at_step_0_are_valid(qtbot, window,
                                                                          tmp_path):
    from PIL import Image

    _log_runs(qtbot, window)
    for name in ("f.png", "f.svg"):
        assert window.exports.export_image(ExportOptions(str(tmp_path / name), (320, 240)))
    with Image.open(tmp_path / "f.png") as im:
        assert im.size == (320, 240)
    import xml.dom.minidom

    xml.dom.minidom.parse(str(tmp_path / "f.svg"))
    job = window.exports.export_animation(ExportOptions(str(tmp_path / "a.gif"), (320, 240),
                                                        frames=10, fps=10),
                                          show_progress=False)
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        pass
    with Image.open(tmp_path / "a.gif") as im:
        assert im.n_frames == 6


# -- interrupted writes from the window -------------------------------------------------------

def _disk_fills(monkeypatch, room=50):
    real = os.fdopen
    monkeypatch.setattr(fileio.os, "fdopen", lambda *a, **k: DiskFills(real(*a, **k), room))


WRITES = {
    "save": lambda w, p: w.sessions.save_to(p),
    "data-csv": lambda w, p: w.exports.export_data(str(p.with_suffix(".csv"))),
    "data-json": lambda w, p: w.exports.export_data(str(p)),
    "image-png": lambda w, p: w.exports.export_image(ExportOptions(str(p.with_suffix(".png")),
                                                                   (200, 150))),
    "image-svg": lambda w, p: w.exports.export_image(ExportOptions(str(p.with_suffix(".svg")),
                                                                   (200, 150))),
}


def _target(tmp_path, kind) -> Path:
    suffix = {"data-csv": ".csv", "image-png": ".png", "image-svg": ".svg"}.get(kind, ".json")
    return tmp_path / f"out{suffix}"


@pytest.mark.parametrize("kind", list(WRITES))
def test_a_disk_that_fills_midway_keeps_the_old_file_and_the_window_says_so(
        qtbot, window, tmp_path, monkeypatch, kind, reliability_figures):
    target = _target(tmp_path, kind)
    target.write_bytes(b"old")
    _disk_fills(monkeypatch)
    assert not WRITES[kind](window, tmp_path / "out.json")
    monkeypatch.undo()
    controller = window.sessions if kind == "save" else window.exports
    assert "No space left on device" in controller.last_message
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".ini") == [target.name]
    reliability_figures[KEPT] = reliability_figures.get(KEPT, 0) + 1


def test_an_animation_whose_disk_fills_keeps_the_old_file(qtbot, window, tmp_path, monkeypatch,
                                                          reliability_figures):
    target = tmp_path / "a.gif"
    target.write_bytes(b"old")
    _disk_fills(monkeypatch)
    job = window.exports.export_animation(ExportOptions(str(target), (160, 120), frames=5,
                                                        fps=10), show_progress=False)
    with qtbot.waitSignal(job.failed, timeout=WAIT) as blocker:
        pass
    monkeypatch.undo()
    assert "No space left on device" in blocker.args[0]
    assert "No space left on device" in window.exports.last_message
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.suffix != ".ini"] == ["a.gif"]
    reliability_figures[KEPT] = reliability_figures.get(KEPT, 0) + 1


def test_an_autosave_whose_disk_fills_keeps_the_last_one_and_says_so_once(
        qtbot, window, tmp_path, monkeypatch, reliability_figures):
    assert window.sessions.autosave.save()
    path = autosave_path(window.sessions.settings)
    old = path.read_bytes()
    window.document.add_start(2.0, 2.0)
    _disk_fills(monkeypatch)
    assert not window.sessions.autosave.save()
    first = window.sessions.autosave.last_message
    assert "No space left on device" in first
    assert not window.sessions.autosave.save()   # said once
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert window.sessions.autosave.save()
    reliability_figures[KEPT] = reliability_figures.get(KEPT, 0) + 1


@pytest.mark.parametrize("kind", list(WRITES))
def test_a_folder_that_disappears_or_a_file_replaced_by_a_folder_is_reported(
        qtbot, window, tmp_path, monkeypatch, kind):
    folder = tmp_path / "gone"
    folder.mkdir()
    real_mkstemp = fileio.tempfile.mkstemp

    def vanish(*a, **k):
        if Path(k.get("dir", "")) == folder:
            shutil.rmtree(folder)
        return real_mkstemp(*a, **k)

    monkeypatch.setattr(fileio.tempfile, "mkstemp", vanish)
    assert not WRITES[kind](window, folder / "out.json")
    monkeypatch.undo()
    controller = window.sessions if kind == "save" else window.exports
    assert "cannot write" in controller.last_message
    assert not folder.exists()

    target = _target(tmp_path, kind)
    target.write_bytes(b"old")
    real_replace = os.replace

    def swap(src, dst):
        if Path(dst) == target:
            target.unlink()
            target.mkdir()
        return real_replace(src, dst)

    monkeypatch.setattr(fileio.os, "replace", swap)
    assert not WRITES[kind](window, tmp_path / "out.json")
    monkeypatch.undo()
    assert "cannot write" in controller.last_message
    assert target.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".ini") == [target.name]
