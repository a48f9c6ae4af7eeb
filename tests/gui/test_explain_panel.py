"""The Explain panel: the selected run's update at the playhead step, following the selection,
the playhead and new results, and doing nothing while its dock is hidden (issue 17)."""

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtTest import QTest

from beale_gui.core.explain import Explanation, Line, explain, num

from .helpers import WAIT, open_window, settings_in, shown


class FakeExplainer:
    """Explains run ``run`` at step ``t`` with numbers made of both, and counts the calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def __call__(self, result, run, step):
        self.calls.append((run, step))
        name = result.configs[result.config_index[run]].name
        return Explanation(
            name, name.title(), step,
            ("m<sub>t</sub> = β<sub>1</sub> m<sub>t−1</sub> + (1 − β<sub>1</sub>) g<sub>t</sub>",),
            (Line("g<sub>t</sub>", "∇f(w<sub>t−1</sub>)", ("∂f/∂x", "∂f/∂y"),
                  (run + step / 1000, -step - 0.5), "the gradient"),
             Line("1 − β<sub>1</sub><sup>t</sup>", "1 − 0.9<sup>t</sup>",
                  (f"1 − 0.9<sup>{step}</sup>",), (0.25,), "the bias correction")),
            f"note for run {run}")


@pytest.fixture
def window(qtbot, tmp_path):
    """The window at 1400 x 900 on Beale's default runs, its Explain panel on a fake core."""
    w = open_window(qtbot, settings_in(tmp_path), size=(1400, 900))
    w.explain_panel._explain = FakeExplainer()
    return w


def show_panel(qtbot, window):
    with qtbot.waitSignal(window.explain_dock.visibilityChanged, timeout=WAIT):
        window.action_explain.trigger()
    assert window.explain_dock.isVisible()
    return window.explain_panel


def run_of(window, name: str) -> int:
    result = window.run_state.result
    return next(i for i in range(result.n_runs)
                if result.configs[result.config_index[i]].name == name)


def test_the_dock_is_hidden_at_first_and_costs_nothing(qtbot, window):
    panel = window.explain_panel
    assert not window.explain_dock.isVisible()
    assert window.explain_dock.objectName() == "explain_dock"
    window.playback.set_step(12)
    window.run_state.select(run_of(window, "adam"))
    assert panel._explain.calls == []
    assert panel.explained == 0
    # shown, it catches up at once with the selection and the step
    show_panel(qtbot, window)
    assert panel._explain.calls == [(run_of(window, "adam"), 12)]
    # hidden again, stepping asks nothing
    window.action_explain.trigger()
    assert not window.explain_dock.isVisible()
    window.playback.step_forward()
    window.playback.step_forward()
    assert len(panel._explain.calls) == 1


def test_selecting_adams_row_shows_its_update_at_step_12(qtbot, window):
    panel = show_panel(qtbot, window)
    window.playback.set_step(12)
    adam = run_of(window, "adam")
    view = window.results.view
    rect = view.visualRect(window.results.model.index(adam, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())
    qtbot.waitUntil(lambda: panel.explanation() is not None
                    and panel.explanation().name == "adam" and panel.explanation().step == 12,
                    timeout=WAIT)
    text = panel.browser.toPlainText()
    assert "Adam" in text
    assert "Step 12 of" in text
    # each value written as the core writes its numbers
    assert f"∂f/∂x = {num(adam + 0.012)}" in text
    assert f"∂f/∂y = {num(-12.5)}" in text
    assert "the bias correction" in text
    assert f"note for run {adam}" in text
    assert "About this optimizer" in text


def test_stepping_updates_the_panel(qtbot, window):
    panel = show_panel(qtbot, window)
    window.run_state.select(run_of(window, "adam"))
    window.playback.set_step(12)
    for expected in (13, 14, 13):
        if expected > window.playback.step:
            QTest.keyClick(window, Qt.Key.Key_Right)
        else:
            QTest.keyClick(window, Qt.Key.Key_Left)
        qtbot.waitUntil(lambda e=expected: panel.explanation().step == e, timeout=WAIT)
        assert f"Step {expected} of" in panel.browser.toPlainText()


def test_a_new_result_is_explained(qtbot, window):
    panel = show_panel(qtbot, window)
    window.run_state.select(run_of(window, "rmsprop"))
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.add_start(2.0, -1.0)
    selected = window.run_state.selected_run
    assert window.run_state.result.starts.shape[0] == 2
    assert selected == run_of(window, "rmsprop")     # the run moved: 2 starts per optimizer
    qtbot.waitUntil(lambda: panel._explain.calls[-1][0] == selected, timeout=WAIT)
    assert panel.explanation().name == "rmsprop"


def test_the_panel_shows_a_failure_without_raising(qtbot, window):
    def broken(result, run, step):
        raise ValueError("no record")

    window.explain_panel._explain = broken
    panel = show_panel(qtbot, window)
    assert panel.explanation() is None
    assert "cannot be explained: ValueError: no record" in panel.browser.toPlainText()


def test_about_this_optimizer_opens_the_guide_there(qtbot, window):
    panel = show_panel(qtbot, window)
    window.run_state.select(run_of(window, "adam"))
    qtbot.waitUntil(lambda: panel.explanation().name == "adam", timeout=WAIT)
    assert "guide:optimizer-adam" in panel.browser.toHtml()
    panel.browser.anchorClicked.emit(QUrl("guide:optimizer-adam"))
    assert window.guide is not None
    assert window.guide.isVisible()
    assert window.guide.current_anchor() == "optimizer-adam"


def test_the_core_explains_adams_step_12_with_the_engines_numbers(qtbot, tmp_path):
    window = open_window(qtbot, settings_in(tmp_path), size=(1280, 800))
    panel = show_panel(qtbot, window)
    adam = run_of(window, "adam")
    view = window.results.view
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.visualRect(window.results.model.index(adam, 0)).center())
    window.playback.set_step(12)
    qtbot.waitUntil(lambda: panel.explanation() is not None
                    and panel.explanation().name == "adam" and panel.explanation().step == 12,
                    timeout=WAIT)
    result = window.run_state.result
    assert panel.explanation() == explain(result, adam, 12)
    text = panel.browser.toPlainText()
    m, v = (result.state_of(adam)[k][12] for k in ("exp_avg", "exp_avg_sq"))
    for value in (*m, *v, *result.paths[adam, 12]):
        assert num(value).replace("<sup>", "").replace("</sup>", "") in text
    assert "Step 12 of" in text


def test_a_wide_panel_puts_each_axis_in_a_column(qtbot, window):
    from beale_gui.gui.views.explain_panel import WIDE_PX, ExplainPanel

    panel = ExplainPanel(window.run_state, FakeExplainer())
    shown(qtbot, panel, (WIDE_PX + 100, 500))
    panel.set_active(True)
    wide = panel.browser.toPlainText()
    assert "quantity" in wide          # the header of the columns
    panel.resize(WIDE_PX - 300, 500)
    qtbot.waitUntil(lambda: "quantity" not in panel.browser.toPlainText(), timeout=WAIT)
    assert "∂f/∂x" in panel.browser.toPlainText()
