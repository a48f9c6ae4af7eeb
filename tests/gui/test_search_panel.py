"""The Search dock end to end (offscreen): run, progress, heatmap, curve, Cancel, refusals,
clicking the best cell into the parameter panel, and ``search --out``."""


import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget

from beale_gui import cli
from beale_gui.core.search import Axis
from beale_gui.core.search import search as run_search
from beale_gui.gui.views.search_plot import SearchPlot
from beale_gui.gui.views.search_scales import colour_values, log_ticks

from .helpers import start_then_cancel, task_cancelled

WAIT = 15_000
MOMENTUM = 1   # the default panel's second entry


@pytest.fixture
def window(qtbot, window):
    """The shared window (tests/gui/conftest.py) with the Search dock open."""
    # room for the form, the plot and the table whatever the offscreen screen's size
    window.resize(1500, 1000)
    window.search.action.trigger()
    window.resizeDocks([window.search.dock], [480], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: window.search.panel.plot.layout_widget.height() > 250,
                    timeout=WAIT)
    return window


@pytest.fixture
def search(window):
    panel = window.search.panel
    panel.form.set_optimizer(MOMENTUM)
    return panel


def _type(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def _set(qtbot, field, value):
    _type(qtbot, field.lineEdit(), str(value))


def _run(qtbot, panel, timeout=WAIT):
    with qtbot.waitSignal(panel.runner.finished, timeout=timeout) as blocker:
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    return blocker.args[1]


def test_the_search_dock_its_menu_entries_and_defaults(qtbot, window):
    dock = window.search.dock
    assert isinstance(dock, QDockWidget)
    assert dock.windowTitle() == "Search"
    assert dock.toggleViewAction() in window.menu_view.actions()
    assert window.search.action.shortcut().toString() == "Ctrl+F"
    assert window.search.action in window.menu_tools.actions()
    dock.hide()
    window.search.action.trigger()
    assert dock.isVisible()

    panel = window.search.panel
    panel.form.set_optimizer(MOMENTUM)
    lr, momentum = panel.form.rows
    assert (lr.name(), lr.low.text(), lr.high.text(), lr.scale_combo.currentText()) == \
        ("lr", "0.0001", "0.1", "log")
    assert (momentum.name(), momentum.low.text(), momentum.high.text()) == \
        ("momentum", "0.5", "0.99")
    assert momentum.isEnabled()
    assert panel.form.budget_field.value() == 400
    assert panel.form.max_steps_field.value() == 500
    assert panel.form.budget_hint.text() == "20\u00d720"
    panel.form.set_optimizer(0)      # GD has lr only: one parameter, a curve
    assert not panel.form.rows[1].isEnabled()


def test_a_two_parameter_grid_reports_progress_and_draws_a_heatmap(qtbot, search):
    _set(qtbot, search.form.budget_field, 36)
    _set(qtbot, search.form.max_steps_field, 200)
    fractions = []
    search.runner.progress.connect(lambda _g, done, total: fractions.append(done / total))
    outcome = _run(qtbot, search)
    qtbot.waitUntil(lambda: fractions and fractions[-1] == 1.0, timeout=WAIT)
    assert search.progress.value() == search.progress.maximum()
    result = outcome.result
    assert [a.name for a in result.axes] == ["lr", "momentum"]
    assert len(result.scores) == 36
    plot = search.plot
    assert plot.shape == (6, 6)
    image = plot.image.image
    assert image.shape == (6, 6)
    # row-major: rows are momentum, columns lr; diverged cells are NaN (hatching shows through)
    expected, _, log = colour_values(result.scores)
    assert log
    np.testing.assert_array_equal(image, expected.reshape(6, 6).T)
    assert search.table.rowCount() == 10
    assert float(search.table.item(0, 1).text()) == pytest.approx(result.points[result.best, 0],
                                                                  rel=1e-3)
    assert "Best: lr = " in search.status.text()


def test_cancel_stops_a_long_search_promptly(qtbot, search):
    _set(qtbot, search.form.budget_field, 10_000)
    _set(qtbot, search.form.max_steps_field, 100_000)
    start_then_cancel(qtbot, search)
    # the worker thread is free again: a small search comes back
    _set(qtbot, search.form.budget_field, 4)
    _set(qtbot, search.form.max_steps_field, 10)
    outcome = _run(qtbot, search)
    assert len(outcome.result.scores) == 4


def test_closing_the_window_stops_a_running_search(qtbot, window, search):
    _set(qtbot, search.form.budget_field, 10_000)
    _set(qtbot, search.form.max_steps_field, 100_000)
    with qtbot.waitSignal(search.runner.progress, timeout=WAIT):
        assert search.run()
    with task_cancelled(qtbot, search.runner):   # the search stops; it does not run to its end
        window.close()     # the thread is asked to stop and waited for (conftest checks it ended)
    assert search.runner.is_closed
    assert not search.run()


@pytest.mark.parametrize(("row", "low", "high", "scale", "words", "marked"), [
    (0, "0.1", "0.001", "log", "low < high", "high"),
    (1, "0", "0.99", "log", "log scale needs momentum > 0", "low"),
    (0, "0", "0.1", "log", "Invalid lr", "low"),
    (1, "0.5", "abc", "linear", "not a number", "high"),
])
def test_a_bad_range_is_marked_and_runs_nothing(qtbot, search, row, low, high, scale, words,
                                                marked):
    axis_row = search.form.rows[row]
    axis_row.scale_combo.setCurrentText(scale)
    _type(qtbot, axis_row.low, low)
    _type(qtbot, axis_row.high, high)
    assert words in axis_row.message.text()
    assert getattr(axis_row, marked).property("invalid")
    qtbot.mouseClick(search.run_button, Qt.MouseButton.LeftButton)
    assert not search.busy       # Run refused it there and then: nothing was submitted
    assert words in search.status.text()
    assert search.plot.result is None


def test_bad_fields_and_the_steps_objective_without_tolerance_are_refused(qtbot, window,
                                                                          search):
    _set(qtbot, search.form.budget_field, 0)
    assert not search.run()
    assert "budget" in search.status.text()
    _set(qtbot, search.form.budget_field, 16)
    window.document.update(tol=0.0)
    search.form.objective_combo.setCurrentIndex(search.form.objective_combo.findData("steps"))
    assert not search.run()
    assert "tolerance" in search.status.text()


def test_clicking_the_best_cell_loads_it_and_replays_it(qtbot, window, search):
    _set(qtbot, search.form.budget_field, 36)
    _set(qtbot, search.form.max_steps_field, 200)
    result = _run(qtbot, search).result
    best = result.best
    plot = search.plot
    pos = plot.widget_pos(best)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        qtbot.mouseClick(plot.layout_widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert plot.selected == best
    # issue 15: the pick is read in 4 significant digits, and what runs is what is shown
    lr, momentum = (float(f"{v:.4g}") for v in result.points[best])
    hparams = window.document.entries[MOMENTUM].config.hparams
    assert (hparams["lr"], hparams["momentum"]) == (lr, momentum)
    shown = window.result().configs[MOMENTUM].hparams
    assert (shown["lr"], shown["momentum"]) == (lr, momentum)
    fields = window.panel.boxes[MOMENTUM].fields
    for name, value in (("lr", lr), ("momentum", momentum)):
        text = fields[name].lineEdit().text()
        assert float(text) == value
        assert len(text.split("e")[0].replace(".", "").replace("-", "").strip("0")) <= 4
    assert window.playback.is_playing        # the user watches it from the start
    assert window.playback.step < window.playback.n_steps


def test_a_disabled_optimizer_is_switched_on_when_a_result_is_picked(qtbot, window, search):
    window.panel.boxes[MOMENTUM].enable_box.setChecked(False)
    qtbot.waitUntil(lambda: not window.document.entries[MOMENTUM].enabled, timeout=WAIT)
    _set(qtbot, search.form.budget_field, 9)
    _set(qtbot, search.form.max_steps_field, 50)
    result = _run(qtbot, search).result
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        search.table.cellClicked.emit(0, 0)
    entry = window.document.entries[MOMENTUM]
    assert entry.enabled
    assert entry.config.hparams["lr"] == float(f"{result.points[result.best, 0]:.4g}")


def test_one_parameter_search_draws_a_curve(qtbot, search):
    search.form.second.setChecked(False)
    search.form.method_combo.setCurrentIndex(search.form.method_combo.findData("random"))
    _set(qtbot, search.form.budget_field, 30)
    _set(qtbot, search.form.max_steps_field, 200)
    result = _run(qtbot, search).result
    assert [a.name for a in result.axes] == ["lr"]
    plot = search.plot
    assert plot.is_curve
    assert plot.shape is None
    x, _ = plot.curve_data()
    assert len(x) == int(np.isfinite(result.scores).sum())
    assert np.all(np.diff(x) >= 0)              # in log10(lr), sorted
    assert x.min() >= -4
    assert x.max() <= -1


def test_coarse_to_fine_samples_are_points_with_a_symbol_per_round(qtbot, search):
    search.form.method_combo.setCurrentIndex(search.form.method_combo.findData("coarse-to-fine"))
    assert search.form.rounds_field.isVisibleTo(search)
    _set(qtbot, search.form.budget_field, 60)
    _set(qtbot, search.form.max_steps_field, 200)
    result = _run(qtbot, search).result
    assert set(result.rounds) == {0, 1, 2}
    plot = search.plot
    assert plot.shape is None
    assert not plot.is_curve
    symbols = {p.symbol() for p in plot.points.points()}
    assert len(symbols) == 3
    assert search.table.columnCount() == 6      # #, lr, momentum, objective, status, round


def test_hover_shows_the_configuration(qtbot, search, no_mouse_rate_limit):
    _set(qtbot, search.form.budget_field, 16)
    _set(qtbot, search.form.max_steps_field, 100)
    result = _run(qtbot, search).result
    plot = search.plot
    QTest.mouseMove(plot.layout_widget.viewport(), plot.widget_pos(3))
    assert plot.info.text().startswith(f"lr = {result.points[3, 0]:.4g}")


def test_log_ticks_label_decades_and_colour_values_mark_divergence():
    major, minor = log_ticks(-4, -1)
    assert [t for _, t in major] == ["10\u207b\u2074", "10\u207b\u00b3", "10\u207b\u00b2",
                                     "10\u207b\u00b9"]
    assert len(minor) == 24
    c, levels, log = colour_values(np.array([1e-3, 0.0, np.inf, 10.0]))
    assert log
    assert np.isnan(c[2])
    assert c[1] == c[0] == levels[0] == -3.0
    assert levels[1] == 1.0
    # a function below zero: its final losses are shown as they are
    c, levels, log = colour_values(np.array([-10.0, 2.0, np.nan]))
    assert not log
    assert levels == (-10.0, 2.0)
    assert np.isnan(c[2])


def test_a_function_below_zero_is_plotted_on_a_linear_objective_scale(qtbot):
    from beale_gui.core.engine import OptimizerConfig
    from beale_gui.core.functions import parse_expression

    result = run_search(parse_expression("x**2 + 10*sin(y)"), OptimizerConfig("gd"),
                        [Axis("lr", 1e-3, 1e-1, "log")], budget=12, max_steps=100)
    plot = SearchPlot()
    plot.set_result(result)
    assert plot.is_curve
    assert plot.plot_item.getAxis("left").labelText == "final loss f"
    _, y = plot.curve_data()
    np.testing.assert_allclose(np.sort(y), np.sort(result.scores))   # as they are, not log
    plot.close()


def test_search_plot_image_matches_the_window_code(qtbot):
    from beale_gui.core.engine import OptimizerConfig
    from beale_gui.core.functions import get_function
    from beale_gui.gui.render.search import search_image

    result = run_search(get_function("beale"), OptimizerConfig("momentum"),
                    [Axis("lr", 1e-4, 1e-1, "log"), Axis("momentum", 0.5, 0.99)],
                    budget=25, max_steps=100)
    image = search_image(result, (640, 480), "title")
    assert (image.width(), image.height()) == (640, 480)
    plot = SearchPlot()
    plot.set_result(result)
    assert plot.shape == (5, 5)
    plot.close()


# -- python main.py search --out ------------------------------------------------------------

def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


SEARCH = ["search", "--optimizer", "momentum", "--param", "lr=1e-4:1e-1:log", "--param",
          "momentum=0.5:0.99", "--budget", "25", "--max-steps", "100"]


def test_cli_out_writes_a_png_of_the_requested_size(qapp, tmp_path, capsys):
    path = tmp_path / "heatmap.png"
    assert cli.main([*SEARCH, "--out", str(path), "--size", "640x480"]) == 0
    assert _png_size(path.read_bytes()) == (640, 480)
    image = QImage(str(path))
    assert (image.width(), image.height()) == (640, 480)
    pixels = np.array([[image.pixelColor(x, y).name() for x in range(0, 640, 40)]
                       for y in range(0, 480, 40)])
    assert len(set(pixels.ravel())) > 5                 # a heatmap, not a blank page
    assert f"wrote {path}" in capsys.readouterr().err


def test_cli_out_draws_a_curve_for_one_parameter(qapp, tmp_path):
    path = tmp_path / "curve.png"
    assert cli.main(["search", "--optimizer", "adam", "--param", "lr=1e-3:0.5:log",
                     "--budget", "20", "--max-steps", "100", "--out", str(path)]) == 0
    assert _png_size(path.read_bytes()) == (1600, 1200)


@pytest.mark.parametrize(("out", "size", "word"), [
    ("missing/heatmap.png", "640x480", "does not exist"),
    ("heatmap.txt", "640x480", ".png"),
    ("heatmap.png", "640x0", "--size"),
    ("heatmap.png", "big", "--size"),
])
def test_cli_bad_out_exits_2_and_leaves_files_alone(qapp, tmp_path, capsys, out, size, word):
    target = tmp_path / out
    if target.parent.is_dir():
        target.write_bytes(b"old")
    assert cli.main([*SEARCH, "--out", str(target), "--size", size]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert word in err[0]
    if target.parent.is_dir():
        assert target.read_bytes() == b"old"


def test_cli_out_naming_a_folder_exits_2(qapp, tmp_path, capsys):
    folder = tmp_path / "dir.png"
    folder.mkdir()
    assert cli.main([*SEARCH, "--out", str(folder)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert folder.is_dir()
