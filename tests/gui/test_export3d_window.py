"""The window's export of the 3-D view (issue 19): File > Export offers "3-D view" for images
and animations, from the 3-D view's camera when the window has one, and draws the picture
``python main.py export --view 3d`` draws for the same session, step, angles and size."""

import numpy as np
import pytest

from beale_gui import cli
from beale_gui.core.surface3d import Camera
from beale_gui.gui.dialogs.export_dialog import AnimationExport, ExportDialog, ExportOptions
from beale_gui.resources import preset_paths

from .test_export_parity import _open, _rgb, assert_close

WAIT = 20_000
PRESET = next(p for p in preset_paths() if "saddle" in p.name)


class FakeSurfaceView:
    """What the 3-D dock offers the export: its current camera."""

    def __init__(self, camera):
        self._camera = camera

    def camera(self):
        return self._camera


def test_the_window_and_the_command_line_export_the_same_3d_picture(qtbot, window, tmp_path,
                                                                    capsys):
    _open(qtbot, window, PRESET, step=50)
    ours, theirs = tmp_path / "window.png", tmp_path / "cli.png"
    assert window.exports.export_image(ExportOptions(str(ours), (640, 480), view="3d"))
    assert cli.main(["export", "--session", str(PRESET), "--step", "50", "--view", "3d",
                     "--size", "640x480", "--out", str(theirs)]) == 0, capsys.readouterr().err
    assert_close(_rgb(ours), _rgb(theirs))
    # from the 3-D view's camera: its angles, as --azimuth and --elevation give them
    window.surface_view = FakeSurfaceView(Camera((0.0, 0.0, 0.0), 5.0, 35.0, 55.0))
    turned, turned_cli = tmp_path / "turned.png", tmp_path / "turned-cli.png"
    assert window.exports.export_image(ExportOptions(str(turned), (640, 480), view="3d"))
    assert cli.main(["export", "--session", str(PRESET), "--step", "50", "--view", "3d",
                     "--azimuth", "35", "--elevation", "55", "--size", "640x480",
                     "--out", str(turned_cli)]) == 0
    assert_close(_rgb(turned), _rgb(turned_cli))
    assert np.abs(_rgb(turned) - _rgb(ours)).max(axis=-1).mean() > 5


def test_the_window_animates_the_turning_surface_as_the_command_line(qtbot, window,
                                                                    tmp_path, capsys):
    from PIL import Image, ImageSequence

    _open(qtbot, window, PRESET)
    ours, theirs = tmp_path / "window.gif", tmp_path / "cli.gif"
    opts = ExportOptions(str(ours), (320, 240), frames=3, fps=5, view="3d")
    job = window.exports.export_animation(opts, show_progress=False)
    assert isinstance(job, AnimationExport)
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        pass
    assert cli.main(["export", "--session", str(PRESET), "--view", "3d", "--size", "320x240",
                     "--frames", "3", "--fps", "5", "--out", str(theirs)]) == 0
    frames = []
    for gif in (ours, theirs):
        with Image.open(gif) as im:
            frames.append([np.asarray(f.convert("RGB")).astype(int)
                           for f in ImageSequence.Iterator(im)])
    assert len(frames[0]) == len(frames[1]) == 3
    for a, b in zip(*frames, strict=True):
        assert_close(a, b)


@pytest.mark.parametrize("animation", [False, True])
def test_the_dialog_offers_the_3d_view(qtbot, window, tmp_path, animation):
    dialog = ExportDialog(window, animation, str(tmp_path / ("x.gif" if animation else "x.png")))
    qtbot.addWidget(dialog)
    assert [dialog.view_box.itemData(i) for i in range(dialog.view_box.count())] == ["2d", "3d"]
    assert dialog.options().view == "2d"
    dialog.view_box.setCurrentIndex(1)
    assert dialog.options().view == "3d"
    assert not dialog.style_box.isEnabled()
    assert not dialog.loss_box.isEnabled()
    assert dialog.options().loss is False
    assert dialog.problem() is None
    dialog.view_box.setCurrentIndex(0)
    assert dialog.style_box.isEnabled()
