"""One figure, whatever exports it (issue 16): the window's File > Export and ``python main.py
export --session`` of the same session draw the same view, colours, legend and run list, for
every preset, a saved session with two start points and a zoomed view, and a session whose
colours are partly missing; at the end of the runs and at a playhead step.

Images are compared pixel by pixel. Measured: identical (largest difference 0 of 255 on
every case here, PNG and GIF frames alike); allowed: a mean difference under 0.5 and under
0.1% of the pixels more than 32 apart, so a font hinting or antialiasing change in one path
would still pass while another view, colour or step (thousands of pixels) fails."""

import json

import numpy as np
import pytest

from beale_gui import cli
from beale_gui.cli.arguments import build_parser
from beale_gui.cli.commands import export_figure, export_runs
from beale_gui.gui.dialogs.export_dialog import AnimationExport, ExportOptions, window_figure
from beale_gui.resources import preset_paths

from .helpers import close_window, new_window, settings_in

WAIT = 20_000
SIZE = (800, 600)
PRESETS = preset_paths()


@pytest.fixture
def window(qtbot, tmp_path):
    """A window with its first runs computed (never shown: the view is the canvas's all the
    same)."""
    w = new_window(settings_in(tmp_path))
    qtbot.waitUntil(lambda: w.result() is not None, timeout=WAIT)
    yield w
    close_window(w)


def _rgb(path) -> np.ndarray:
    from PIL import Image

    with Image.open(path) as im:
        return np.asarray(im.convert("RGB")).astype(int)


def assert_close(a: np.ndarray, b: np.ndarray) -> None:
    assert a.shape == b.shape
    diff = np.abs(a - b).max(axis=-1)
    assert diff.mean() < 0.5, diff.mean()
    assert np.mean(diff > 32) < 0.001, np.mean(diff > 32)


def _open(qtbot, window, path, step=None) -> None:
    """Show the session at ``path`` in the window, the playhead at ``step`` (the end)."""
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        assert window.sessions.open_path(path)
    window.playback.pause()
    if step is None:
        window.playback.to_end()
    else:
        window.playback.set_step(step)


def _cli_figure(path, out, step=None, style=None):
    argv = ["export", "--session", str(path), "--out", str(out)]
    argv += [] if step is None else ["--step", str(step)]
    argv += [] if style is None else ["--style", style]
    args = build_parser().parse_args(argv)
    exp, result = export_runs(args)
    return export_figure(args, exp, result, SIZE, animation=False)


def _same_figure(window, path, tmp_path, step=None, style="screen") -> None:
    """The window's export and the command line's of the session at ``path`` agree."""
    win_png, cli_png = tmp_path / "window.png", tmp_path / "cli.png"
    with window_figure(window, SIZE, style) as ours, \
            _cli_figure(path, cli_png, step, style) as theirs:
        np.testing.assert_allclose(ours.view_extent(), theirs.view_extent(), atol=1e-12)
        assert ours.run_colours == theirs.run_colours
        assert ours.step == theirs.step or min(ours.step, theirs.step) >= ours.last_step
        assert ours.side.texts() == theirs.side.texts()
    assert window.exports.export_image(ExportOptions(str(win_png), SIZE, style))
    argv = ["export", "--session", str(path), "--out", str(cli_png), "--size", "800x600",
            "--style", style] + ([] if step is None else ["--step", str(step)])
    assert cli.main(argv) == 0
    assert_close(_rgb(win_png), _rgb(cli_png))


@pytest.mark.parametrize("path", PRESETS, ids=[p.stem for p in PRESETS])
def test_every_preset_exports_the_same_figure_from_the_window_and_the_command_line(
        qtbot, window, path, tmp_path, capsys):
    _open(qtbot, window, path)
    _same_figure(window, path, tmp_path)
    # and the session's own view and colours are what both drew
    with window_figure(window, SIZE) as fig:
        saved = json.loads(path.read_text())
        assert fig.run_colours[:1] == [saved["optimizers"][0]["colour"]]
        np.testing.assert_allclose(fig.view_extent(), window.canvas.view_extent())


def _two_starts_session(qtbot, window, tmp_path):
    """The default optimizers from two start points, zoomed, saved by the window."""
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.add_start(-2.0, 2.0)
    window.document.set_view(((-1.0, 3.5), (-1.5, 2.5)))
    path = tmp_path / "two-starts.json"
    assert window.sessions.save_to(path)
    assert json.loads(path.read_text())["view"] == [[-1.0, 3.5], [-1.5, 2.5]]
    return path


def test_a_saved_session_with_two_starts_and_a_zoom_exports_the_same(qtbot, window,
                                                                      tmp_path, capsys):
    path = _two_starts_session(qtbot, window, tmp_path)
    _open(qtbot, window, path)
    np.testing.assert_allclose(window.canvas.view_extent(), ((-1.0, 3.5), (-1.5, 2.5)))
    _same_figure(window, path, tmp_path)
    _same_figure(window, path, tmp_path, style="print")


def test_the_playhead_step_exports_as_export_step(qtbot, window, tmp_path, capsys):
    path = next(p for p in PRESETS if "saddle" in p.name)
    _open(qtbot, window, path, step=50)
    assert window.run_state.step == 50
    _same_figure(window, path, tmp_path, step=50)
    with window_figure(window, SIZE) as fig:
        assert "step 50 of 600" in fig.canvas.plot_item.titleLabel.text
        assert "Runs at step&nbsp;50&nbsp;of&nbsp;600" in fig.side.texts()[-1]


def test_missing_colours_are_the_ones_the_window_gives(qtbot, window, tmp_path, capsys):
    """A hand-written session: no colour on the first optimizer, the second (switched off)
    holds the palette's first colour; the window and the command line agree on the rest."""
    data = json.loads(PRESETS[2].read_text())
    data["optimizers"][0].pop("colour")
    data["optimizers"][1]["enabled"] = False
    data["optimizers"][1]["colour"] = "#E69F00"
    path = tmp_path / "colours.json"
    path.write_text(json.dumps(data))
    _open(qtbot, window, path)
    assert window.run_state.config_colours()[0] != "#E69F00"
    _same_figure(window, path, tmp_path)


def test_the_window_and_the_command_line_animate_the_same_frames(qtbot, window, tmp_path,
                                                                 capsys):
    from PIL import Image, ImageSequence

    path = _two_starts_session(qtbot, window, tmp_path)
    _open(qtbot, window, path)
    ours, theirs = tmp_path / "window.gif", tmp_path / "cli.gif"
    opts = ExportOptions(str(ours), (960, 540), loss=True, frames=4, fps=5)
    job = window.exports.export_animation(opts, show_progress=False)
    assert isinstance(job, AnimationExport)
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        pass
    assert cli.main(["export", "--session", str(path), "--out", str(theirs), "--size",
                     "960x540", "--frames", "4", "--fps", "5"]) == 0
    frames = []
    for gif in (ours, theirs):
        with Image.open(gif) as im:
            frames.append([np.asarray(f.convert("RGB")).astype(int)
                           for f in ImageSequence.Iterator(im)])
    assert len(frames[0]) == len(frames[1]) == 4
    for a, b in zip(*frames, strict=True):
        assert_close(a, b)


def test_a_korean_window_exports_the_english_figure_the_command_line_draws(
        qtbot, window, tmp_path, capsys):
    """Exported files stay English (issue 17): the figure is built with the translators
    off, and the window is Korean again afterwards."""
    from PySide6.QtCore import QCoreApplication

    from beale_gui.gui import i18n

    path = next(p for p in PRESETS if "saddle" in p.name)
    _open(qtbot, window, path, step=50)
    i18n.install("ko")
    try:
        _same_figure(window, path, tmp_path, step=50)
        with window_figure(window, SIZE, loss=True) as fig:   # the loss panel: the window's
            assert fig.loss_plot.plot_item.getAxis("bottom").labelText == "step"
        assert i18n.current() == "ko"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"
    finally:
        i18n.install("en")
