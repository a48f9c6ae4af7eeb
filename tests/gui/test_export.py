"""Export from the window: the File menu actions, images and data written from what the window
shows, and animation exports that run from the event loop and can be cancelled. No modal
dialog is opened: the tests call what the dialogs call."""

import csv
import threading

import numpy as np
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton

from beale_gui import export as exporting
from beale_gui.core.view_ranges import fit_extent
from beale_gui.gui.controllers.exports import ExportController
from beale_gui.gui.dialogs.export_dialog import (
    AnimationExport,
    ExportDialog,
    ExportOptions,
    window_figure,
)

from .helpers import close_window, new_window, settings_in

WAIT = 20_000

# the offscreen platform warns on showing any top-level window (the progress dialog)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, tmp_path):
    """The main window with its first runs computed (never shown: nothing here needs it)."""
    w = new_window(settings_in(tmp_path))
    qtbot.waitUntil(lambda: w.result() is not None, timeout=WAIT)
    yield w
    close_window(w)


@pytest.fixture
def exports(window) -> ExportController:
    return window.exports


def _encoders() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "animation-encoder"]


def test_the_file_menu_has_the_export_actions(window):
    actions = window.exports.actions
    assert [a.text() for a in actions] == ["Export &image\u2026", "Export &animation\u2026",
                                           "Export &data\u2026"]
    menu = window.menu_file.actions()
    assert all(a in menu for a in actions)
    assert menu.index(actions[-1]) < menu.index(window.action_quit)  # above Quit
    assert actions[0].shortcut() == QKeySequence("Ctrl+E")
    assert window.exports.actions == actions  # once only
    assert len([a for a in window.menu_file.actions() if a.text().startswith("Export")]) == 3


def test_export_image_writes_the_window_view(exports, window, tmp_path):
    path = tmp_path / "fig.png"
    assert exports.export_image(ExportOptions(str(path), (800, 600)))
    from PIL import Image

    with Image.open(path) as im:
        assert im.size == (800, 600)
    assert str(path) in window.statusBar().currentMessage()
    assert exports.folder == str(tmp_path)


def test_window_figure_matches_the_window(window):
    result = window.result()
    colours = window.run_colours()
    assert colours == [e.colour for e in window.document.enabled]
    with window_figure(window, (800, 600)) as fig:
        assert fig.step == min(window.current_step(), result.n_steps)
        (x0, x1), (y0, y1) = fig.view_extent()  # the window is hidden: the runs' fitted view
        (fx0, fx1), (fy0, fy1) = fit_extent(result, result.function.bounds)
        assert x0 <= fx0 < fx1 <= x1
        assert y0 <= fy0 < fy1 <= y1
        rgb = fig.array()
        assert rgb.shape == (600, 800, 3)
        assert len(np.unique(rgb.reshape(-1, 3), axis=0)) > 100  # contours, not blank


def test_export_svg_from_the_window(exports, tmp_path):
    path = tmp_path / "fig.svg"
    assert exports.export_image(ExportOptions(str(path), (800, 600), style="print"))
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    assert len(root.findall(".//{http://www.w3.org/2000/svg}path")) > 10


def test_failed_image_export_says_why_and_keeps_the_file(exports, window, tmp_path,
                                                         monkeypatch):
    path = tmp_path / "fig.png"
    path.write_bytes(b"precious")

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", refuse)
    assert not exports.export_image(ExportOptions(str(path), (400, 300)))
    assert "Permission denied" in exports.last_message
    assert "Permission denied" in window.statusBar().currentMessage()
    assert path.read_bytes() == b"precious"
    assert not exports.export_image(ExportOptions(str(tmp_path / "no" / "f.png"), (400, 300)))
    assert "does not exist" in exports.last_message


def test_export_data_from_the_window(exports, window, tmp_path):
    path = tmp_path / "paths.csv"
    assert exports.export_data(str(path))
    result = window.result()
    rows = list(csv.DictReader(path.read_text().splitlines()))
    assert len(rows) == int(np.sum(result.stop_step + 1))
    assert exports.export_data(str(tmp_path / "paths.json"))
    assert not exports.export_data(str(tmp_path / "paths.txt"))
    assert "'.txt'" in exports.last_message


def test_animation_export_finishes_from_the_event_loop(qtbot, exports, tmp_path):
    path = tmp_path / "anim.gif"
    opts = ExportOptions(str(path), (320, 240), loss=True, frames=24, fps=12)
    turns, progress = [], []
    job = exports.export_animation(opts)
    job.progress.connect(lambda done, total: progress.append((done, total)))
    QTimer.singleShot(0, lambda: turns.append(job.running))  # the loop runs between slices
    with qtbot.waitSignal(job.finished, timeout=WAIT) as finished:
        pass
    assert finished.args == [str(path)]
    assert turns == [True]
    assert progress[-1] == (24, 24)
    assert not exports.progress.isVisible()
    from PIL import Image

    with Image.open(path) as im:
        assert (im.n_frames, im.size) == (24, (320, 240))
    assert not _encoders()


def test_animation_export_can_be_cancelled(qtbot, exports, tmp_path):
    path = tmp_path / "anim.gif"
    path.write_bytes(b"precious")
    opts = ExportOptions(str(path), (480, 360), frames=400, fps=20)
    job = exports.export_animation(opts)
    with qtbot.waitSignal(job.progress, timeout=WAIT):
        pass
    assert job.running
    with qtbot.waitSignal(job.cancelled, timeout=WAIT):
        exports.progress.findChild(QPushButton).click()  # the dialog's Cancel button
    assert not job.running
    assert path.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir() if p.suffix != ".ini"] == ["anim.gif"]
    assert not _encoders()
    assert "cancelled" in exports.window.statusBar().currentMessage()


def test_animation_export_failure_is_reported(qtbot, window, tmp_path):
    with window_figure(window, (200, 150), animation=True) as fig:
        job = AnimationExport(fig, tmp_path / "missing" / "a.gif", frames=4)
        with qtbot.waitSignal(job.failed, timeout=WAIT) as failed:
            job.start()
        assert "does not exist" in failed.args[0]
        assert not job.running


def test_export_dialog_checks_its_options(qtbot, window, tmp_path):
    dialog = ExportDialog(window, animation=True, suggested=str(tmp_path / "a.gif"))
    qtbot.addWidget(dialog)
    assert dialog.problem() is None
    dialog.path_edit.setText(str(tmp_path / "a.png"))
    assert ".gif or .mp4" in dialog.problem()
    dialog.path_edit.setText(str(tmp_path / "a.gif"))
    dialog.fps_box.set_value(60)
    assert "fps" in dialog.problem()
    opts = dialog.options()
    assert (opts.size, opts.loss, opts.frames) == (exporting.DEFAULT_ANIMATION_SIZE, True,
                                                   exporting.DEFAULT_FRAMES)


def test_the_dialog_offers_the_screen_and_print_styles_and_print_is_light(qtbot, window,
                                                                          tmp_path):
    dialog = ExportDialog(window, animation=False, suggested=str(tmp_path / "fig.png"))
    qtbot.addWidget(dialog)
    box = dialog.style_box
    assert [box.itemData(i) for i in range(box.count())] == list(exporting.STYLES) \
        == ["screen", "print"]
    assert box.itemText(0).startswith("Screen")
    assert box.itemText(1).startswith("Print")
    assert dialog.options().style == "screen"
    box.setCurrentIndex(1)
    opts = dialog.options()
    assert opts.style == "print"
    # what Save then does: the window's runs in print, light and in greys of their own
    opts.size = (800, 600)
    assert window.exports.export_image(opts)
    from PIL import Image

    with Image.open(opts.path) as im:
        grey = np.asarray(im.convert("L"))
    assert (grey[:5, :] == 255).all()                 # a white page
    with window_figure(window, (800, 600), "print") as fig:
        screen = window.run_state.config_colours()
        printed = [fig.run_colours[list(fig.result.config_index).index(c)]
                   for c in range(len(screen))]
    lumas = sorted(0.299 * int(c[1:3], 16) + 0.587 * int(c[3:5], 16) + 0.114 * int(c[5:7], 16)
                   for c in printed)
    assert min(np.diff(lumas)) >= 12     # apart in greyscale, as the screen colours are not
