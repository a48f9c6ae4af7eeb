"""``--session FILE`` on the command line: every preset runs and exports, data exports replay,
flags override the file, and a bad file exits 2 with one line naming the problem."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from beale_gui import cli
from beale_gui.resources import preset_paths

from . import child_env

ROOT = Path(__file__).resolve().parents[2]
PRESETS = preset_paths()
IDS = [p.stem for p in PRESETS]
REFUSED = "corrupt session files refused"


def _preset(stem: str) -> str:
    return str(next(p for p in PRESETS if p.stem == stem))


def test_the_seed_gd_preset_prints_the_seed_lines(capsys):
    assert cli.main(["run", "--session", _preset("01-seed-gd")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "steps: 0  z: 26.496662  x: 0.70000  y: 1.40000"
    assert out[5] == ("steps: 500  z: 0.001523  x: 2.90744  y: 0.47594  dx: -0.03243  "
                      "dy: -0.00878")
    assert out[-2:] == ["Enough convergence", "steps: 516  z: 0.001355  x: 2.91246  y: 0.47730"]


def test_the_seed_momentum_preset_prints_the_seed_lines(capsys):
    assert cli.main(["run", "--session", _preset("02-seed-momentum")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == ["Enough convergence", "steps: 379  z: 0.000001  x: 3.00194  y: 0.50048"]


@pytest.mark.parametrize("path", PRESETS, ids=IDS)
def test_every_preset_runs(path, capsys):
    assert cli.main(["run", "--session", str(path), "--every", "1000"]) == 0
    out = capsys.readouterr().out
    assert "steps: 0" in out
    assert "nan" not in out
    assert "Diverged" not in out


@pytest.mark.parametrize("path", PRESETS, ids=IDS)
def test_every_preset_exports_a_png(path, tmp_path, capsys):
    out = tmp_path / "x.png"
    assert cli.main(["export", "--session", str(path), "--out", str(out)]) == 0
    from PIL import Image

    with Image.open(out) as image:
        pixels = np.asarray(image.convert("RGB"))
    assert pixels.shape[0] > 100
    assert pixels.shape[1] > 100
    rgb = pixels[::4, ::4].astype(np.uint32)
    packed = (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]
    assert len(np.unique(packed)) > 50   # contours and paths, not a blank image


def test_export_of_a_preset_through_main_py(tmp_path):
    out = tmp_path / "x.png"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", "--session",
                           _preset("06-himmelblau-four-minima"), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Traceback" not in done.stderr


def test_search_takes_a_session(capsys):
    code = cli.main(["search", "--session", _preset("01-seed-gd"), "--param",
                     "lr=1e-3:1e-1:log", "--budget", "12", "--max-steps", "200"])
    assert code == 0
    out = capsys.readouterr().out
    assert out.startswith("12 configurations of gd x 1 start(s), 200 steps")


def test_basins_take_a_session(capsys):
    code = cli.main(["basins", "--session", _preset("02-seed-momentum"), "--grid", "12",
                     "--max-steps", "200"])
    assert code == 0
    assert "from 12 x 12 start points" in capsys.readouterr().out


def test_search_refuses_a_session_with_several_optimizers(capsys):
    code = cli.main(["search", "--session", _preset("03-seed-optimizers-on-beale"), "--param",
                     "lr=1e-3:1e-1:log"])
    assert code == 2
    assert "exactly one optimizer" in capsys.readouterr().err


def test_flags_override_the_session(capsys):
    code = cli.main(["run", "--session", _preset("01-seed-gd"), "--start", "-1,1",
                     "--max-steps", "50"])
    assert code == 0
    out = capsys.readouterr().out
    assert "x: -1.00000  y: 1.00000" in out.splitlines()[0]
    assert "Stopped at max steps" in out


def test_a_data_export_replays_the_same_runs(tmp_path, capsys):
    data = tmp_path / "runs.json"
    assert cli.main(["run", "--session", _preset("07-noisy-sgd-vs-adam"), "--json",
                     str(data)]) == 0
    first = capsys.readouterr().out
    assert cli.main(["run", "--session", str(data)]) == 0
    assert capsys.readouterr().out == first      # stochastic runs too: the seed came along
    saved = json.loads(data.read_text())
    assert saved["title"] == "Noisy SGD against Adam"
    assert saved["view"] == [[0.3, 3.7], [-1.0, 1.8]]


def test_switched_off_optimizers_do_not_run(tmp_path, capsys):
    d = json.loads(Path(_preset("03-seed-optimizers-on-beale")).read_text())
    for entry in d["optimizers"][1:]:
        entry["enabled"] = False
    path = tmp_path / "one.json"
    path.write_text(json.dumps(d))
    assert cli.main(["run", "--session", str(path)]) == 0
    out = capsys.readouterr().out
    assert "# run" not in out   # a single run prints no run headers


def test_a_session_without_start_points_takes_them_from_the_command_line(tmp_path, capsys):
    d = json.loads(Path(_preset("01-seed-gd")).read_text())
    d["starts"] = []
    path = tmp_path / "none.json"
    path.write_text(json.dumps(d))
    assert cli.main(["run", "--session", str(path)]) == 2
    assert "start points" in capsys.readouterr().err
    assert cli.main(["run", "--session", str(path), "--start", "1,1", "--max-steps", "5"]) == 0


BAD = [
    (b"", "is empty"),
    (b'{"format": "beale-gui-session", "version": 1, "functi', "is truncated"),
    (b"\x00\x01\x02\xff", "not a text file"),
    (b"<html></html>", "is not valid JSON"),
    (b"[]", "not a Beale GUI session"),
    (b'{"format": "beale-gui-session", "version": 2}', "version 2 is newer"),
    (b'{"format": "other", "version": 1}', "not a Beale GUI session"),
    (b'{"format": "beale-gui-session", "version": 1, "function": {"name": "beale"}, '
     b'"optimizers": [{"name": "gd", "hparams": {"lr": "fast"}}], "starts": [[0, 0]]}',
     "optimizers[0].hparams.lr: expected a number, got a string"),
    (b'{"format": "beale-gui-session", "version": 1, "function": {"name": "beale"}, '
     b'"optimizers": [], "starts": [[0, 0]], "max_steps": -3}', "Invalid max_steps"),
]


@pytest.mark.parametrize("command", ["run", "search", "basins", "export"])
@pytest.mark.parametrize(("content", "words"), BAD, ids=[w for _, w in BAD])
def test_a_bad_session_exits_2_with_one_line(command, content, words, tmp_path, capsys,
                                              reliability_figures):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    extra = {"search": ["--param", "lr=1e-3:1e-1"], "export": ["--out",
                                                              str(tmp_path / "x.png")]}
    assert cli.main([command, "--session", str(path), *extra.get(command, [])]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert f"beale-gui {command}: error: --session:" in err
    assert words in err
    assert not (tmp_path / "x.png").exists()
    reliability_figures[REFUSED] = reliability_figures.get(REFUSED, 0) + 1


def test_a_bad_session_through_main_py_has_no_traceback(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "beale-gui-session", "version": 1, "optim')
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "run", "--session",
                           str(path)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "is truncated" in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("command", ["run", "search", "basins", "export"])
def test_a_session_that_is_a_named_pipe_is_refused_at_once(command, tmp_path):
    """The finding: ``--session`` on a FIFO waited forever for a writer. In a child process,
    so a regression fails on the timeout instead of hanging the suite."""
    fifo = tmp_path / "s.json"
    os.mkfifo(fifo)
    extra = {"search": ["--param", "lr=1e-3:1e-1"], "export": ["--out", str(tmp_path / "x.png")]}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), command, "--session",
                           str(fifo), *extra.get(command, [])], capture_output=True, text=True,
                          cwd=tmp_path, env=child_env(), timeout=120)
    assert done.returncode == 2
    assert done.stderr == (f"beale-gui {command}: error: --session: cannot read {fifo}: not a "
                           "regular file (a named pipe, device or socket)\n")
    assert done.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.json"]


def test_a_session_that_is_a_device_is_refused(capsys):
    if not os.path.exists(os.devnull) or os.name != "posix":
        pytest.skip("no /dev/null")
    assert cli.main(["run", "--session", os.devnull]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_a_session_start_beyond_the_bound_runs_as_diverged_at_its_start(tmp_path, capsys):
    """``--start 1e11,0`` is refused; a session may hold such a start (the window reaches
    1e4 times a typed function's view when zoomed out, and saves what it shows), so it loads,
    and the run says it diverged at step 0, its numbers readable."""
    path = tmp_path / "far.json"
    path.write_text(json.dumps({
        "format": "beale-gui-session", "version": 1, "function": {"name": "beale"},
        "optimizers": [{"name": "gd", "hparams": {"lr": 0.01}}],
        "starts": [[1e11, 0.0], [1e300, -1e300]]}))
    json_out = tmp_path / "r.json"
    assert cli.main(["run", "--session", str(path), "--json", str(json_out)]) == 0
    first, second = capsys.readouterr().out.split("\n\n")
    assert first.splitlines()[1:] == [
        "steps: 0  z: 3.000000e+22  x: 1.00000e+11  y: 0.00000",
        "Diverged at step 0: f or its gradient is not finite at the start, or the start is "
        "beyond ±1e10"]
    assert second.splitlines()[1] == "steps: 0  z: inf  x: 1.00000e+300  y: -1.00000e+300"
    runs = json.loads(json_out.read_text())["runs"]
    assert [(r["status"], r["stop_step"]) for r in runs] == [("diverged", 0)] * 2
