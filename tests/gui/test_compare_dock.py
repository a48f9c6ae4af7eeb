"""The Compare dock end to end (offscreen), as a user goes: open it from the Tools menu, run a
small comparison with progress, cancel a long one (at once, keeping what was shown), click a
row into the parameter panel (one undoable change), click a start on an outcome map (a new
start point), export the figure and the results, refusals, and a preset's protocol."""

import json
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt

from beale_gui.core.compare import Protocol
from beale_gui.core.compare_io import read_protocol
from beale_gui.core.functions import get_function, parse_expression

from .helpers import start_then_cancel, task_cancelled

WAIT = 15_000


@pytest.fixture
def window(qtbot, window):
    """The shared window (tests/gui/conftest.py) on Rosenbrock with GD, Momentum and Adam
    enabled, the Compare dock opened from the Tools menu."""
    window.resize(1500, 1000)
    document = window.document
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        document.set_function(get_function("rosenbrock"))
    keep = {"gd", "momentum", "adam"}
    document.set_entries([replace(e, enabled=e.config.name in keep) for e in document.entries])
    tools = window.menu_tools
    assert window.compare.action in tools.actions()
    window.compare.action.trigger()
    panel = window.compare.panel
    qtbot.waitUntil(lambda: panel.plot.layout_widget.height() > 200, timeout=WAIT)
    return window


@pytest.fixture
def compare(window):
    panel = window.compare.panel
    form = panel.form
    for field, value in ((form.budget_field, 4), (form.tuning_field, 4),
                         (form.evaluation_field, 24), (form.max_steps_field, 300)):
        field.set_value(value)
    assert form.validate() == ""
    return panel


def _run(qtbot, panel):
    with qtbot.waitSignal(panel.runner.finished, timeout=WAIT) as blocker:
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    return blocker.args[1]


def test_the_dock_its_menu_entries_and_defaults(window):
    dock = window.compare.dock
    assert dock.isVisible()
    assert window.compare.action.shortcut().toString() == "Ctrl+Shift+C"
    assert dock.toggleViewAction() in window.menu_view.actions()
    assert dock in window.tabifiedDockWidgets(window.results_dock)
    form = window.compare.panel.form
    text = form.optimizers_label.text()
    assert "GD" in text
    assert "Adam" in text
    assert "Nesterov" not in text
    # the defaults are the core's protocol's
    defaults = Protocol.__dataclass_fields__
    for field, name in ((form.budget_field, "budget"), (form.tuning_field, "tuning_starts"),
                        (form.evaluation_field, "evaluation_starts"), (form.tol_field, "tol"),
                        (form.max_steps_field, "max_steps"), (form.seed_field, "seed")):
        assert field.value() == defaults[name].default
    assert form.method_combo.currentData() == defaults["method"].default
    assert form.design_combo.currentData() == defaults["design"].default
    assert form.own_range.isChecked()
    assert not form.lr_row.isEnabled()
    assert form.validate() == ""
    panel = window.compare.panel
    assert not panel.export_button.isEnabled()
    assert not panel.save_button.isEnabled()


def test_a_small_comparison_shows_progress_the_table_and_the_plot(qtbot, window, compare):
    seen = []
    compare.runner.progress.connect(lambda _g, done, total: seen.append(done / total))
    outcome = _run(qtbot, compare)
    assert seen
    assert compare.progress.value() == compare.progress.maximum()
    comparison = outcome.comparison
    assert [o.name for o in comparison.outcomes] == ["gd", "momentum", "adam"]
    assert compare.table.rowCount() == 3
    assert compare.table.item(2, 0).text() == "Adam"
    assert compare.table.item(2, 1).text() == ", ".join(
        f"{k}={v:.4g}" for k, v in comparison.outcomes[2].tuned.items())
    assert len(compare.plot.curves) == 3
    assert len(compare.plot.maps) == 3
    assert compare.export_button.isEnabled()
    assert compare.save_button.isEnabled()
    assert compare.run_button.isEnabled()
    assert not compare.cancel_button.isEnabled()
    # the panel's colours
    colours = [e.colour for e in window.document.entries if e.enabled]
    assert list(outcome.job.colours) == colours


def test_cancel_returns_at_once_and_keeps_what_was_shown(qtbot, window, compare):
    first = _run(qtbot, compare)
    compare.form.budget_field.set_value(512)
    compare.form.evaluation_field.set_value(4096)
    compare.form.max_steps_field.set_value(100_000)
    start_then_cancel(qtbot, compare)
    assert compare.outcome is first
    assert compare.plot.comparison is first.comparison
    assert compare.table.rowCount() == 3
    assert compare.export_button.isEnabled()


def test_a_row_click_loads_the_tuned_values_as_one_undoable_change(qtbot, window, compare):
    outcome = _run(qtbot, compare)
    document = window.document
    adam = next(i for i, e in enumerate(document.entries) if e.config.name == "adam")
    before = document.entries[adam]
    undo = document.history.undo_count
    tuned = outcome.comparison.outcomes[2].tuned
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        rect = compare.table.visualItemRect(compare.table.item(2, 0))
        qtbot.mouseClick(compare.table.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
    assert document.entries[adam].config.hparams["lr"] == tuned["lr"]
    assert document.history.undo_count == undo + 1
    assert "Loaded into Adam" in compare.status.text()
    assert compare.plot.selected == 2
    document.history.undo()
    assert document.entries[adam] == before


def test_a_curve_click_loads_that_optimizer(qtbot, window, compare):
    outcome = _run(qtbot, compare)
    viewport = compare.plot.layout_widget.viewport()
    with qtbot.waitSignal(compare.picked) as blocker:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton,
                         pos=compare.plot.curve_widget_pos(1))
    index, tuned = blocker.args
    assert window.document.entries[index].config.name == "momentum"
    assert tuned == outcome.comparison.outcomes[1].tuned


def test_a_map_click_adds_that_start_point(qtbot, window, compare):
    outcome = _run(qtbot, compare)
    document = window.document
    n = len(document.starts)
    viewport = compare.plot.layout_widget.viewport()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton,
                         pos=compare.plot.start_widget_pos(0, 3))
    assert len(document.starts) == n + 1
    starts = outcome.comparison.evaluation_starts
    assert tuple(document.starts[-1]) in {tuple(p) for p in starts}


def test_exports_write_png_svg_json_and_csv(qtbot, window, compare, tmp_path):
    outcome = _run(qtbot, compare)
    png, svg = tmp_path / "profile.png", tmp_path / "profile.svg"
    compare.ask_figure_path = lambda: str(png)
    qtbot.mouseClick(compare.export_button, Qt.MouseButton.LeftButton)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert compare.export_figure(svg)
    assert b"<svg" in svg.read_bytes()
    results = tmp_path / "results.json"
    compare.ask_results_path = lambda: str(results)
    qtbot.mouseClick(compare.save_button, Qt.MouseButton.LeftButton)
    data = json.loads(results.read_text())
    assert [o["optimizer"] for o in data["optimizers"]] == ["gd", "momentum", "adam"]
    assert read_protocol(results) == outcome.comparison.protocol   # it reruns from the file
    assert compare.save_results(tmp_path / "runs.csv")
    assert (tmp_path / "runs.csv").read_text().startswith("optimizer,tuned,start")
    assert "Saved" in compare.status.text()


def test_a_failed_save_leaves_nothing_and_says_why(qtbot, window, compare, tmp_path):
    assert not compare.save_results(tmp_path / "r.json")    # nothing compared yet
    assert "Compare first" in compare.status.text()
    _run(qtbot, compare)
    old = tmp_path / "old.png"
    old.write_bytes(b"old")
    assert not compare.export_figure(tmp_path / "missing" / "x.png")
    assert "Could not export" in compare.status.text()
    assert not compare.save_results(tmp_path / "r.txt")
    assert ".json or .csv" in compare.status.text()
    assert not compare.export_figure(tmp_path / "x.gif")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.png"]


def test_bad_input_is_refused_with_a_message(qtbot, window, compare):
    document = window.document
    compare.form.budget_field.lineEdit().setText("0")
    compare.form.budget_field.lineEdit().textEdited.emit("0")
    assert compare.form.validate()
    assert not compare.run()
    assert compare.status.property("error")
    compare.form.budget_field.set_value(4)
    assert compare.form.validate() == ""
    # a typed function without a known minimum has no f* to reach
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        document.set_function(parse_expression("x**2 + y**2 + sin(3*x)"), "x**2 + y**2 + "
                              "sin(3*x)")
    problem = compare.form.validate()
    assert "minimum" in problem
    assert not compare.run()
    # nothing enabled
    document.set_entries([replace(e, enabled=False) for e in document.entries])
    assert "Enable an optimizer" in compare.form.validate()


def test_a_comparison_preset_opens_the_dock_with_its_protocol(qtbot, window, monkeypatch):
    monkeypatch.setattr(window.sessions, "ask_discard", lambda: True)  # the fixture's edits go
    window.compare.dock.hide()
    preset = next(p for p in window.sessions.presets if "Rosenbrock?" in p.title)
    action = next(a for a in window.sessions.menu_presets.actions() if a.text() == preset.title)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        action.trigger()
    assert window.compare.dock.isVisible()
    form = window.compare.panel.form
    protocol = read_protocol(preset.path)
    assert form.budget_field.value() == protocol.budget
    assert form.evaluation_field.value() == protocol.evaluation_starts
    assert not form.own_range.isChecked()
    assert form.lr_row.axis() == protocol.axes[0]
    assert form.validate() == ""
    job = form.job()
    # the same comparison: the preset's optimizers (the panel's, lr aside) and settings
    assert [c.name for c in job.protocol.optimizers] == [c.name for c in protocol.optimizers]
    assert np.array_equal(job.protocol.starts()[1], protocol.starts()[1])
    # a preset without a comparison leaves the dock as it was
    window.compare.dock.hide()
    other = next(a for a in window.sessions.menu_presets.actions() if "Himmelblau" in a.text())
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        other.trigger()
    assert not window.compare.dock.isVisible()


def test_closing_the_window_stops_a_running_comparison(qtbot, window, compare):
    compare.form.budget_field.set_value(512)
    compare.form.max_steps_field.set_value(100_000)
    with qtbot.waitSignal(compare.runner.progress, timeout=WAIT):
        assert compare.run()
    with task_cancelled(qtbot, compare.runner):
        window.close()
    assert compare.runner.is_closed
    assert not compare.run()
