"""The selected run: picked by a click on its row in the results table or on its path on the
canvas, kept in the run state, highlighted in both (issue 17)."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from beale_gui.gui.views.path_track import CLICK_PX

from .helpers import WAIT, open_window, settings_in, viewport_point


@pytest.fixture
def window(qtbot, tmp_path):
    """The window at 1400 x 900 with its first result drawn (Beale, the six default
    optimizers from the seed's start)."""
    return open_window(qtbot, settings_in(tmp_path), size=(1400, 900))


def run_of(window, name: str, start: int = 0) -> int:
    """The run of optimizer ``name`` from start point ``start`` in the shown result."""
    result = window.run_state.result
    return next(i for i in range(result.n_runs)
                if result.configs[result.config_index[i]].name == name
                and result.start_index[i] == start)


def click_row(window, row: int) -> None:
    view = window.results.view
    rect = view.visualRect(window.results.model.index(row, 3))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())


def test_the_first_run_is_selected_and_highlighted_at_launch(window):
    assert window.run_state.selected_run == 0
    assert window.results.selected_run() == 0
    assert window.canvas.selected_run() == 0


def test_clicking_a_row_selects_its_run_everywhere(qtbot, window):
    adam = run_of(window, "adam")
    with qtbot.waitSignal(window.run_state.events.selection_changed, timeout=WAIT) as blocker:
        click_row(window, adam)
    assert blocker.args == [adam]
    assert window.run_state.selected_run == adam
    assert window.canvas.selected_run() == adam
    tracks = window.canvas.run_tracks()
    # drawn wider than the others, and above them
    widths = [t.tail.opts["pen"].widthF() for t in tracks]
    assert widths[adam] > max(w for i, w in enumerate(widths) if i != adam)
    assert tracks[adam].tail.zValue() > max(t.tail.zValue() for i, t in enumerate(tracks)
                                            if i != adam)


def test_the_table_follows_a_selection_made_elsewhere(qtbot, window):
    momentum = run_of(window, "momentum")
    with qtbot.assertNotEmitted(window.results.run_selected):
        window.run_state.select(momentum)
    assert window.results.selected_run() == momentum
    assert window.canvas.selected_run() == momentum


def test_the_selection_survives_a_new_result(qtbot, window):
    adam = run_of(window, "adam")
    window.run_state.select(adam)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.add_start(2.0, -1.0)
    assert window.run_state.result.starts.shape[0] == 2
    assert window.run_state.selected_run == run_of(window, "adam", start=0)
    assert window.results.selected_run() == window.run_state.selected_run
    assert window.canvas.selected_run() == window.run_state.selected_run


def a_lonely_point(window, run: int) -> tuple[float, float]:
    """A point on run ``run``'s drawn path (up to the playhead), well off its head, its
    start and every other run's path, in pixels of the canvas."""
    canvas, result = window.canvas, window.run_state.result
    vb = canvas.plot_item.getViewBox()
    (x0, x1), (y0, y1) = vb.viewRange()
    px, py = vb.viewPixelSize()

    def pixels(xy):
        return np.column_stack([(xy[:, 0] - x0) / px, (xy[:, 1] - y0) / py])

    k = min(window.run_state.step, int(result.stop_step[run]))
    own = result.paths[run, :k + 1]
    others = np.concatenate([result.paths[i, :min(window.run_state.step,
                                                  int(result.stop_step[i])) + 1]
                             for i in range(result.n_runs) if i != run])
    # the midpoints of its segments, far from the other paths' points, the head and start
    mids = pixels((own[1:] + own[:-1]) / 2)
    away = np.min(np.linalg.norm(mids[:, None, :] - pixels(others)[None], axis=-1), axis=1)
    ends = np.min(np.linalg.norm(mids[:, None, :] - pixels(own[[0, -1]])[None], axis=-1),
                  axis=1)
    inside = ((mids[:, 0] > 20) & (mids[:, 0] < vb.width() - 20)
              & (mids[:, 1] > 20) & (mids[:, 1] < vb.height() - 20))
    score = np.where(inside & (ends > 30), away, -1.0)
    best = int(np.argmax(score))
    assert score[best] > 2 * CLICK_PX, "no point of the path lies apart from the others"
    return tuple((own[best] + own[best + 1]) / 2)


@pytest.mark.usefixtures("no_mouse_rate_limit")
def test_clicking_a_path_selects_its_run_and_adds_no_start(qtbot, window):
    window.playback.set_step(window.run_state.result.n_steps)
    momentum = run_of(window, "momentum")   # its overshoot goes where no other path does
    x, y = a_lonely_point(window, momentum)
    with (qtbot.assertNotEmitted(window.document.events.starts_changed),
          qtbot.waitSignal(window.run_state.events.selection_changed, timeout=WAIT)):
        QTest.mouseClick(window.canvas.layout_widget.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, viewport_point(window.canvas, x, y))
    assert window.run_state.selected_run == momentum
    assert window.results.selected_run() == momentum


@pytest.mark.usefixtures("no_mouse_rate_limit")
def test_a_click_off_the_paths_still_adds_a_start(qtbot, window):
    window.playback.set_step(window.run_state.result.n_steps)
    (x0, x1), (y0, y1) = window.canvas.view_extent()
    target = (x0 + 0.1 * (x1 - x0), y0 + 0.1 * (y1 - y0))   # bottom left: no path there
    with (qtbot.assertNotEmitted(window.run_state.events.selection_changed),
          qtbot.waitSignal(window.document.events.starts_changed, timeout=WAIT)):
        QTest.mouseClick(window.canvas.layout_widget.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, viewport_point(window.canvas, *target))
    assert len(window.document.starts) == 2
