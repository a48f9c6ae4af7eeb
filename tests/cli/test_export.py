"""``python main.py export``: every format, real pixels, round trips, and clear failures.

Pixel checks map function coordinates to image pixels through the figure's own view box at
the export size (:meth:`TrajectoryFigure.map_to_pixel`), so they test where a point is drawn,
not a stored screenshot.
"""

import csv
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from beale_gui import cli
from beale_gui import export as exporting
from beale_gui.core.engine import OptimizerConfig
from beale_gui.core.functions import get_function
from beale_gui.core.session import Experiment
from beale_gui.core.session_load import load_experiment
from beale_gui.document import PALETTE
from beale_gui.gui.render.offscreen import ensure_app
from beale_gui.gui.render.svg import write_image
from beale_gui.gui.render.trajectory import TrajectoryFigure

from . import child_env

ROOT = Path(__file__).resolve().parents[2]
ISSUE_ARGS = ["--function", "beale", "--optimizer", "adam:lr=0.05", "--optimizer",
              "momentum:lr=0.005,momentum=0.9", "--start", "0.7,1.4", "--start", "-2,2"]
SVG = "{http://www.w3.org/2000/svg}"


def _experiment(max_steps=1000) -> Experiment:
    return Experiment(get_function("beale"),
                      [OptimizerConfig("adam", {"lr": 0.05}),
                       OptimizerConfig("momentum", {"lr": 0.005, "momentum": 0.9})],
                      np.array([[0.7, 1.4], [-2.0, 2.0]]), max_steps=max_steps)


@pytest.fixture(scope="module")
def app():
    return ensure_app()


@pytest.fixture
def figure(app):
    fig = TrajectoryFigure(_experiment().run(), size=(1600, 1200))
    yield fig
    fig.close()


def _rgb(path) -> np.ndarray:
    from PIL import Image

    with Image.open(path) as im:
        return np.asarray(im.convert("RGB"))


def _hex_rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])


def _isolated_point(fig: TrajectoryFigure, run: int, up_to: int) -> np.ndarray:
    """A point of ``run``'s path (before step ``up_to``) far, on screen, from every other
    run's path, the start points and the minima, and from its own head."""
    result = fig.result
    pix = lambda xy: np.array([fig.map_to_pixel(*p) for p in xy])  # noqa: E731
    others = [pix(result.paths[j, : result.stop_step[j] + 1][::2])
              for j in range(result.n_runs) if j != run]
    marks = pix(np.vstack([result.starts, result.function.minima,
                           result.paths[run, up_to][None]]))
    candidates = result.paths[run, 5: up_to - 5]
    best, score = None, -1.0
    for xy, p in zip(candidates, pix(candidates), strict=True):
        near = min([np.min(np.hypot(*(o - p).T)) for o in others]
                   + [np.min(np.hypot(*(marks - p).T)) / 2])
        if near > score:
            best, score = xy, near
    assert score > 12, "no isolated point to test"
    return best


def _colour_near(rgb: np.ndarray, px: tuple[float, float], colour: str, radius=1) -> float:
    """The smallest colour distance to ``colour`` around pixel ``px``."""
    x, y = round(px[0]), round(px[1])
    patch = rgb[y - radius: y + radius + 1, x - radius: x + radius + 1].reshape(-1, 3)
    return float(np.min(np.abs(patch.astype(int) - _hex_rgb(colour)).max(axis=1)))


# -- images ----------------------------------------------------------------------------------
def test_png_is_the_size_asked_and_paths_are_where_they_map(figure, tmp_path):
    path = write_image(figure, tmp_path / "fig.png")
    rgb = _rgb(path)
    assert rgb.shape == (1200, 1600, 3)
    result = figure.result
    for run, colour in ((0, PALETTE[0]), (2, PALETTE[1])):  # adam, momentum from (0.7, 1.4)
        xy = _isolated_point(figure, run, int(result.stop_step[run]))
        px = figure.map_to_pixel(*xy)
        assert _colour_near(rgb, px, colour) < 40, (run, xy, px)
    # and the minimum's white star sits where (3, 0.5) maps
    assert _colour_near(rgb, figure.map_to_pixel(3.0, 0.5), "#FFFFFF", 0) < 10


def test_png_at_an_earlier_step_leaves_the_rest_of_the_path_out(app, tmp_path):
    result = _experiment().run()
    with TrajectoryFigure(result, size=(1600, 1200), step=20) as fig:
        rgb = _rgb(write_image(fig, tmp_path / "early.png"))
        late = result.paths[0, 400]  # adam, far along its path: not drawn at step 20
        assert _colour_near(rgb, fig.map_to_pixel(*late), PALETTE[0], 2) > 60


def test_svg_parses_and_holds_the_paths(figure, tmp_path):
    path = write_image(figure, tmp_path / "fig.svg")
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 1600 1200"
    assert not [e for e in root.iter() if e.get("vector-effect")], "hairlines left unflattened"
    assert root.findall(f".//{SVG}clipPath"), "the view boxes must clip what they hold"
    texts = "".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "Beale" in texts
    assert "Adam" in texts
    assert "Momentum" in texts
    # each run's path starts where its start point maps, drawn in its optimizer's colour
    result = figure.result
    paths = []
    for group in root.iter(f"{SVG}g"):
        for shape in group:
            if shape.tag == f"{SVG}path":
                numbers = [float(v) for v in re.findall(r"[-+]?[\d.]+(?:e[-+]?\d+)?",
                                                        shape.get("d", ""))]
                if len(numbers) >= 4:
                    paths.append((group.get("stroke", "").upper(),
                                  np.array(numbers).reshape(-1, 2)))
    for run in range(result.n_runs):
        colour = PALETTE[int(result.config_index[run])]
        start = np.array(figure.map_to_pixel(*result.starts[result.start_index[run]]))
        assert any(stroke == colour and np.hypot(*(xy[0] - start)) < 0.5
                   for stroke, xy in paths), run


def test_print_style_is_light(app, tmp_path):
    result = _experiment().run()
    with TrajectoryFigure(result, size=(800, 600), style="print") as fig, \
            TrajectoryFigure(result, size=(800, 600), style="app") as app_fig:
        light, dark = fig.array(), app_fig.array()
        corner = fig.map_to_pixel(-4.0, 4.0)  # contours only, high f
        x, y = round(corner[0]), round(corner[1])
        assert light[y, x].min() > 150  # pale grey
        assert tuple(dark[y, x]) != tuple(light[y, x])


# -- animations ------------------------------------------------------------------------------
def test_gif_has_the_frames_asked_and_the_heads_move(app, tmp_path):
    from PIL import Image, ImageSequence

    result = _experiment(max_steps=60).run()
    with TrajectoryFigure(result, size=(640, 360), loss=True, show_step=True) as fig:
        path = exporting.write_animation(fig, tmp_path / "anim.gif", frames=12, fps=10)
        end = result.paths[0, 60]  # adam from (0.7, 1.4) after 60 steps: mid-way
        head = fig.map_to_pixel(*end)
    with Image.open(path) as im:
        assert im.n_frames == 12
        assert im.info["loop"] == 0
        frames = [np.asarray(f.convert("RGB")) for f in ImageSequence.Iterator(im)]
    assert frames[0].shape == (360, 640, 3)
    assert _colour_near(frames[-1], head, PALETTE[0], 2) < 40  # the head got there
    assert _colour_near(frames[0], head, PALETTE[0], 2) > 60  # and was not there at first


def test_gif_through_the_command_line(tmp_path, capsys):
    out = tmp_path / "a.gif"
    code = cli.main(["export", *ISSUE_ARGS, "--max-steps", "200", "--frames", "9", "--fps",
                     "12", "--size", "400x300", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    from PIL import Image

    with Image.open(out) as im:
        assert (im.n_frames, im.size) == (9, (400, 300))


def test_frame_steps_cover_the_whole_run():
    steps = exporting.frame_steps(1000, 120)
    assert (len(steps), steps[0], steps[-1]) == (120, 0, 1000)
    assert np.all(np.diff(steps) > 0)
    assert list(exporting.frame_steps(5, 120)) == [0, 1, 2, 3, 4, 5]


@pytest.mark.skipif(exporting.ffmpeg_problem() is not None, reason="ffmpeg is not available")
def test_mp4_is_written(tmp_path, capsys):
    out = tmp_path / "a.mp4"
    code = cli.main(["export", *ISSUE_ARGS, "--max-steps", "100", "--frames", "8",
                     "--size", "321x241", "--out", str(out)])  # odd sizes are padded
    assert code == 0, capsys.readouterr().err
    data = out.read_bytes()
    assert len(data) > 1000
    assert data[4:8] == b"ftyp"


def test_mp4_without_ffmpeg_says_so(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(exporting, "ffmpeg_problem", lambda: "MP4 needs ffmpeg, not found")
    out = tmp_path / "a.mp4"
    assert cli.main(["export", "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "MP4" in err[0]
    assert "ffmpeg" in err[0]
    assert not out.exists()


# -- data ------------------------------------------------------------------------------------
def test_csv_round_trips_to_the_engine_arrays(tmp_path, capsys):
    out = tmp_path / "paths.csv"
    assert cli.main(["export", *ISSUE_ARGS, "--out", str(out)]) == 0, capsys.readouterr().err
    result = _experiment().run()
    rows = list(csv.DictReader(out.read_text().splitlines()))
    assert list(rows[0]) == ["function", "optimizer", "run", "step", "x", "y", "loss",
                             "grad_x", "grad_y", "lr"]
    for i in range(result.n_runs):
        mine = [r for r in rows if int(r["run"]) == i]
        end = int(result.stop_step[i]) + 1
        assert len(mine) == end
        xy = np.array([[float(r["x"]), float(r["y"])] for r in mine])
        np.testing.assert_array_equal(xy, result.paths[i, :end])
        np.testing.assert_array_equal([float(r["loss"]) for r in mine], result.loss[i, :end])


def test_json_round_trips_and_replays(tmp_path, capsys):
    out = tmp_path / "paths.json"
    assert cli.main(["export", *ISSUE_ARGS, "--out", str(out)]) == 0, capsys.readouterr().err
    result = _experiment().run()
    data = json.loads(out.read_text())
    assert len(data["runs"]) == result.n_runs
    for i, run in enumerate(data["runs"]):
        end = int(result.stop_step[i]) + 1
        np.testing.assert_array_equal(np.column_stack([run["x"], run["y"]]),
                                      result.paths[i, :end])
    replay = load_experiment(out).run()
    np.testing.assert_array_equal(replay.paths, result.paths)


# -- failures --------------------------------------------------------------------------------
def _one_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


@pytest.mark.parametrize("name", ["fig.png", "fig.gif", "fig.csv"])
def test_missing_folder_exits_2(tmp_path, capsys, name):
    out = tmp_path / "no-such-folder" / name
    assert cli.main(["export", "--out", str(out)]) == 2
    assert "does not exist" in _one_line(capsys)


@pytest.mark.parametrize("name", ["fig.png", "fig.svg", "anim.gif", "paths.json"])
def test_failed_write_leaves_the_existing_file(monkeypatch, tmp_path, capsys, name):
    out = tmp_path / name
    out.write_bytes(b"precious")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    args = ["--max-steps", "30", "--frames", "3", "--size", "200x150"] if name.endswith(
        ".gif") else []
    assert cli.main(["export", *args, "--out", str(out)]) == 2
    line = _one_line(capsys)
    assert "cannot write" in line
    assert "Permission denied" in line
    assert out.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left


def test_a_folder_as_target_exits_2(tmp_path, capsys):
    (tmp_path / "x.png").mkdir()
    assert cli.main(["export", "--out", str(tmp_path / "x.png")]) == 2
    assert "folder" in _one_line(capsys)


@pytest.mark.parametrize(("args", "word"), [
    (["--out", "fig.bmp"], "'.bmp'"),
    (["--out", "fig"], "no extension"),
    (["--out", "fig.png", "--size", "0x100"], "positive"),
    (["--out", "fig.png", "--size", "9000x100"], "at most 8000"),
    (["--out", "fig.png", "--size", "big"], "WIDTHxHEIGHT"),
    (["--out", "a.gif", "--size", "5000x100"], "at most 4096"),
    (["--out", "a.gif", "--frames", "0"], "frames"),
    (["--out", "a.gif", "--fps", "100"], "fps"),
    (["--out", "fig.png", "--frames", "10"], "--frames"),
    (["--out", "fig.png", "--style", "neon"], "--style"),
    (["--out", "fig.csv", "--size", "100x100"], "--size"),
    (["--out", "fig.png", "--step", "-1"], "--step"),
    ([], "--out"),
])
def test_bad_export_arguments_exit_2(tmp_path, monkeypatch, capsys, args, word):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fig.bmp").write_bytes(b"keep")
    assert cli.main(["export", *args]) == 2
    assert word in _one_line(capsys)
    assert (tmp_path / "fig.bmp").read_bytes() == b"keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fig.bmp"]


def test_the_issue_command_works_with_no_display(tmp_path):
    """The exact command of the issue, in a fresh process without DISPLAY or a Qt platform."""
    env = {k: v for k, v in child_env().items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "fig.png"
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", *ISSUE_ARGS,
                           "--out", str(out)], capture_output=True, text=True, cwd=tmp_path,
                          env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == f"wrote {out}"
    assert _rgb(out).shape == (1200, 1600, 3)


# -- --step K and the print style (issue 16) -------------------------------------------------
SEED_GD = ["--function", "beale", "--optimizer", "gd:lr=0.01", "--start", "0.7,1.4",
           "--tol", "1e-5"]   # the seed's run: converges at step 516


def _figure_of(argv, size=(800, 600)):
    from beale_gui.cli.arguments import build_parser
    from beale_gui.cli.commands import export_figure, export_runs

    args = build_parser().parse_args(["export", *argv])
    exp, result = export_runs(args)
    return export_figure(args, exp, result, size, animation=False)


def test_step_k_is_the_state_everywhere_in_the_figure(app, tmp_path, capsys):
    out = tmp_path / "at50.png"
    assert cli.main(["export", *SEED_GD, "--step", "50", "--out", str(out)]) == 0
    with _figure_of([*SEED_GD, "--step", "50", "--out", str(out)]) as fig:
        result = fig.result
        assert fig.step == 50
        assert "step 50 of 516" in fig.canvas.plot_item.titleLabel.text
        run_list = fig.side.texts()[-1]
        assert "Runs at step&nbsp;50&nbsp;of&nbsp;516" in run_list
        assert f"f&nbsp;=&nbsp;{result.loss[0, 50]:.3g}" in run_list
        assert "converged" not in run_list   # not yet, at step 50
        np.testing.assert_array_equal(fig.canvas.head_points(), result.paths[:, 50])
        head = fig.map_to_pixel(*result.paths[0, 50])
        rgb = _rgb(out)
        assert rgb.shape == (1200, 1600, 3)
    with _figure_of([*SEED_GD, "--out", str(out)]) as end:
        assert "step" not in end.canvas.plot_item.titleLabel.text
        assert "Runs<" in end.side.texts()[-1]
        assert "converged at step 516" in \
            end.side.texts()[-1].replace("&nbsp;", " ")
        np.testing.assert_array_equal(end.canvas.head_points(), end.result.paths[:, 516])
    # the head marker (GD's colour) is drawn at step 50's point
    assert _colour_near(rgb, (head[0] * 2, head[1] * 2), PALETTE[0], 3) < 40


@pytest.mark.parametrize(("step", "word"), [
    ("-3", "--step -3: a step is 0 (the start) or more"),
    ("517", "--step 517: the runs end at step 516; give a step from 0 to 516"),
    ("5000", "--step 5000: beyond --max-steps 1000"),
    ("fifty", "expected a whole number, got 'fifty'"),
    ("2.5", "expected a whole number, got '2.5'"),
])
def test_a_bad_step_is_named_and_exits_2(tmp_path, capsys, step, word):
    out = tmp_path / "fig.png"
    assert cli.main(["export", *SEED_GD, "--step", step, "--out", str(out)]) == 2
    line = _one_line(capsys)
    assert word in line, line
    assert "--step" in line
    assert not out.exists()


def _luma(colour: str) -> float:
    r, g, b = _hex_rgb(colour)
    return (0.299 * r + 0.587 * g + 0.114 * b) / 255


def test_print_style_is_white_with_dark_isolines_and_runs_apart_in_greyscale(app, tmp_path,
                                                                            capsys):
    preset = ROOT / "beale_gui" / "resources" / "presets" / "03-seed-optimizers-on-beale.json"
    out = tmp_path / "print.png"
    assert cli.main(["export", "--session", str(preset), "--style", "print", "--size",
                     "800x600", "--out", str(out)]) == 0
    rgb = _rgb(out)
    with _figure_of(["--session", str(preset), "--style", "print", "--out", str(out)]) as fig:
        assert (fig.array() == rgb).all()
        colours = [fig.run_colours[list(fig.result.config_index).index(c)]
                   for c in range(len(fig.result.configs))]
        styles = [fig.run_styles[list(fig.result.config_index).index(c)]
                  for c in range(len(fig.result.configs))]
        # the legend's swatches are the lines' own pens: colour, width, outline and style
        samples = [sample for sample, _ in fig.side.legend.items][: len(colours)]
        for run, track in enumerate(fig.canvas.run_tracks()):
            sample = samples[int(fig.result.config_index[run])]
            pen, halo = track.base.opts["pen"], track.base.opts["shadowPen"]
            assert [(p.color().name(), p.widthF(), p.style()) for p in sample.pens] == \
                [(p.color().name(), p.widthF(), p.style()) for p in (halo, pen)]
        corner = fig.map_to_pixel(-4.2, 4.2)   # high f, far from every path
        (x0, x1), (y0, y1) = fig.view_extent()
        left, top = (round(v) for v in fig.map_to_pixel(x0, y1))
        right, bottom = (round(v) for v in fig.map_to_pixel(x1, y0))
    # a white page: the margin and the title's row; the fill light throughout and white
    # where f is lowest
    assert (rgb[:5, :5] == 255).all()
    assert (rgb[5:20, :].min() >= 250)
    plot = rgb[top + 3: bottom - 3, left + 3: right - 3].min(axis=-1)
    assert np.median(plot) >= 215
    assert np.percentile(plot, 99) >= 245
    assert plot.max() >= 253
    # high f: pale grey fill with dark isolines across it (high contrast)
    x, y = round(corner[0]), round(corner[1])
    patch = rgb[y - 30: y + 30, x - 30: x + 30].min(axis=-1)
    assert np.median(patch) >= 200
    assert patch.min() <= 110
    # every optimizer in its own grey (at least 12 levels apart), and two that share a line
    # style (five styles, six optimizers) far apart in grey
    greys = [_luma(c) * 255 for c in colours]
    assert min(np.diff(sorted(greys))) >= 12, greys
    assert len(set(styles)) == 5
    for i in range(6):
        for j in range(i):
            assert styles[i] != styles[j] or abs(greys[i] - greys[j]) >= 60
    # darker than the fill everywhere, so a path never fades into it
    assert max(greys) <= 0.4 * 255
