"""``python main.py export --view 3d`` (issue 19): the surface as PNG, SVG and a turning GIF,
headless, and its options checked with one line each."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from beale_gui import cli

from . import child_env

ROOT = Path(__file__).resolve().parents[2]
RUN = ["--max-steps", "120", "--optimizer", "adam:lr=0.05"]


def _rgb(path) -> np.ndarray:
    from PIL import Image

    with Image.open(path) as im:
        return np.asarray(im.convert("RGB")).astype(int)


def test_png_and_svg_of_the_surface(tmp_path, capsys):
    png, svg = tmp_path / "surface.png", tmp_path / "surface.svg"
    assert cli.main(["export", *RUN, "--view", "3d", "--size", "480x360",
                     "--out", str(png)]) == 0, capsys.readouterr().err
    rgb = _rgb(png)
    assert rgb.shape == (360, 480, 3)
    assert (rgb != 255).any(axis=-1).mean() > 0.25
    turned = tmp_path / "turned.png"
    assert cli.main(["export", *RUN, "--view", "3D", "--size", "480x360", "--azimuth", "120",
                     "--elevation", "50", "--out", str(turned)]) == 0
    assert np.abs(_rgb(turned) - rgb).max(axis=-1).mean() > 5      # another angle
    assert cli.main(["export", *RUN, "--view", "3d", "--size", "480x360",
                     "--out", str(svg)]) == 0
    assert svg.read_text().lstrip().startswith("<?xml")
    assert "<svg" in svg.read_text()


def test_gif_turns_the_surface_while_the_paths_play(tmp_path, capsys):
    from PIL import Image, ImageSequence

    out = tmp_path / "turn.gif"
    assert cli.main(["export", *RUN, "--view", "3d", "--size", "320x240", "--frames", "8",
                     "--fps", "10", "--out", str(out)]) == 0, capsys.readouterr().err
    with Image.open(out) as im:
        frames = [np.asarray(f.convert("RGB")).astype(int) for f in ImageSequence.Iterator(im)]
        durations = im.info.get("duration")
    assert len(frames) == 8
    assert durations
    diffs = [np.abs(a - b).max(axis=-1).mean()
             for a, b in zip(frames[:-1], frames[1:], strict=True)]
    assert min(diffs) > 1          # every frame turns


@pytest.mark.parametrize(("argv", "message"), [
    (["--view", "4d"], "argument --view: invalid choice: '4d'"),
    (["--view", "3d", "--azimuth", "east"], "argument --azimuth: expected a number"),
    (["--view", "3d", "--azimuth", "inf"], "--azimuth inf: give a finite number"),
    (["--view", "3d", "--elevation", "90"], "--elevation 90: give degrees between -90 and 90"),
    (["--azimuth", "30"], "--azimuth applies to --view 3d only"),
    (["--view", "3d", "--loss"], "--loss applies to --view 2d only"),
    (["--view", "3d", "--style", "print"], "--style applies to --view 2d only"),
])
def test_bad_3d_options_are_refused_with_one_line(tmp_path, capsys, argv, message):
    out = tmp_path / "x.png"
    assert cli.main(["export", *argv, "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert message in err[0]
    assert not out.exists()


def test_3d_data_is_refused(tmp_path, capsys):
    assert cli.main(["export", "--view", "3d", "--out", str(tmp_path / "x.csv")]) == 2
    assert "--view 3d applies to images and animations only" in capsys.readouterr().err


def test_headless_under_the_offscreen_platform(tmp_path):
    out = tmp_path / "s.png"
    env = {k: v for k, v in child_env(QT_QPA_PLATFORM="offscreen").items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", "--max-steps",
                           "20", "--view", "3d", "--size", "200x150", "--out", str(out)],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 1000
