"""A hostile user at the command line: every option of every command given each value of
``HOSTILE`` (NaN, infinities, -0, 1e308, subnormals, blanks, padding, digits of other scripts,
look-alike and invisible characters, NUL, huge counts), every output interrupted midway, and
the issue's first point end to end: runs that diverged at step 0, written as CSV, JSON, PNG,
SVG and GIF and replayed from the JSON.

A value is refused (exit 2, one line naming the option, nothing on stdout, nothing written) or
accepted and harmless (exit 0, only "wrote" lines on stderr, every file written valid: strict
JSON that reopens as a session, images that open).
"""

import json
import os
import shutil
import xml.dom.minidom
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from beale_gui import cli
from beale_gui.core import fileio
from beale_gui.core.session_load import load_experiment
from tests.core.test_adversarial import HOSTILE, DiskFills, count, fixed

KEPT = "failed writes with the old file intact"
RUN = ["run", "--optimizer", "gd", "--start", "0.7,1.4", "--max-steps", "5",
       "--json", "{tmp}/check.json"]
SMALL = ["--size", "120x90"]
EXPORT_PNG = ["export", "--max-steps", "5", "--out", "{tmp}/x.png"]
EXPORT_GIF = ["export", "--max-steps", "5", "--out", "{tmp}/x.gif"]
SEARCH = ["search", "--optimizer", "momentum", "--budget", "4", "--max-steps", "5"]
BASINS = ["basins", "--grid", "4", "--max-steps", "5"]
CHECK = ["check-optimizer", "--optimizer", "gd", "--reference", "gd:lr=0.01", "--function",
         "beale", "--start", "0.7,1.4"]
COMPARE = ["compare", "--optimizer", "gd", "--budget", "2", "--tuning-starts", "2", "--starts",
           "3", "--max-steps", "5"]

# (id, argv with {v} for the hostile value): every option of every command
SLOTS = [
    # converges at step 516: a large max steps costs nothing
    ("run-max-steps", ["run", "--optimizer", "gd", "--tol", "1e-5", "--json",
                       "{tmp}/check.json", "--max-steps", "{v}"]),
    ("run-tol", [*RUN, "--tol", "{v}"]),
    ("run-seed", [*RUN, "--seed", "{v}"]),
    ("run-every", [*RUN, "--every", "{v}"]),
    ("run-batch-size", [*RUN, "--batch-size", "{v}"]),
    ("run-noise", [*RUN, "--noise", "{v}"]),
    ("run-start-x", [*RUN, "--start", "{v},1"]),
    ("run-start-y", [*RUN, "--start", "1,{v}"]),
    ("run-start", [*RUN, "--start", "{v}"]),
    ("run-optimizer", [*RUN, "--optimizer", "{v}"]),
    ("run-lr", [*RUN, "--optimizer", "gd:lr={v}"]),
    ("run-beta1", [*RUN, "--optimizer", "adam:beta1={v}"]),
    ("run-eps", [*RUN, "--optimizer", "adam:eps={v}"]),
    ("run-momentum", [*RUN, "--optimizer", "momentum:momentum={v}"]),
    ("run-initial-acc", [*RUN, "--optimizer", "adagrad:initial_accumulator_value={v}"]),
    ("run-schedule", [*RUN, "--schedule", "{v}"]),
    ("run-decay", [*RUN, "--schedule", "inverse_time:decay={v}"]),
    ("run-step-size", [*RUN, "--schedule", "step:step_size={v}"]),
    ("run-gamma", [*RUN, "--schedule", "exponential:gamma={v}"]),
    ("run-period", [*RUN, "--schedule", "cosine:period={v}"]),
    ("run-function", [*RUN, "--function", "{v}"]),
    ("run-expr", [*RUN, "--expr", "{v}"]),
    ("run-expr-times", [*RUN, "--expr", "x**2 + {v}*y**2"]),
    ("run-session", [*RUN, "--session", "{v}"]),
    ("run-csv", [*RUN, "--csv", "{v}"]),
    ("run-json-name", ["run", "--max-steps", "5", "--json", "{v}.json"]),
    ("run-model", [*RUN, "--model", "{v}"]),
    ("run-data", [*RUN, "--model", "linear", "--data", "{v}"]),
    ("run-dataset", [*RUN, "--model", "linear", "--dataset", "{v}"]),
    ("run-dataset-n", [*RUN, "--model", "linear", "--dataset", "noisy-line:n={v}"]),
    ("run-dataset-seed", [*RUN, "--model", "tanh-neuron", "--dataset", "noisy-tanh:seed={v}"]),
    ("run-dataset-noise", [*RUN, "--model", "logistic", "--dataset", "two-classes:noise={v}"]),
    ("run-optimizer-file", [*RUN, "--optimizer-file", "{v}"]),
    ("run-allow-plugins", [*RUN, "--allow-plugins", "--session", "{v}"]),
    ("run-curvature", [*RUN, "--curvature", "--every", "{v}"]),
    ("export-ellipse", [*EXPORT_PNG, *SMALL, "--ellipse", "--step", "{v}"]),
    ("export-size", [*EXPORT_PNG, "--size", "{v}"]),
    ("export-width", [*EXPORT_PNG, "--size", "{v}x90"]),
    ("export-height", [*EXPORT_PNG, "--size", "120x{v}"]),
    ("export-step", [*EXPORT_PNG, *SMALL, "--step", "{v}"]),
    ("export-style", [*EXPORT_PNG, *SMALL, "--style", "{v}"]),
    ("export-frames", [*EXPORT_GIF, *SMALL, "--frames", "{v}"]),
    ("export-fps", [*EXPORT_GIF, *SMALL, "--fps", "{v}"]),
    ("export-view", [*EXPORT_PNG, *SMALL, "--view", "{v}"]),
    ("export-azimuth", [*EXPORT_PNG, *SMALL, "--view", "3d", "--azimuth", "{v}"]),
    ("export-elevation", [*EXPORT_PNG, *SMALL, "--view", "3d", "--elevation", "{v}"]),
    ("export-out", ["export", "--max-steps", "5", "--out", "{v}"]),
    ("export-out-name", ["export", "--max-steps", "5", *SMALL, "--out", "{v}.png"]),
    ("search-param", [*SEARCH, "--param", "{v}"]),
    ("search-low", [*SEARCH, "--param", "lr={v}:1e-1:log"]),
    ("search-high", [*SEARCH, "--param", "lr=1e-3:{v}"]),
    ("search-momentum", [*SEARCH, "--param", "momentum={v}:0.9"]),
    ("search-scale", [*SEARCH, "--param", "lr=1e-3:1e-1:{v}"]),
    ("search-budget", ["search", "--optimizer", "momentum", "--max-steps", "5", "--param",
                       "lr=1e-3:1e-1:log", "--budget", "{v}"]),
    ("search-rounds", [*SEARCH, "--param", "lr=1e-3:1e-1", "--method", "coarse-to-fine",
                       "--rounds", "{v}"]),
    ("search-top", [*SEARCH, "--param", "lr=1e-3:1e-1", "--top", "{v}"]),
    ("search-random-starts", [*SEARCH, "--param", "lr=1e-3:1e-1", "--random-starts", "{v}"]),
    ("search-method", [*SEARCH, "--param", "lr=1e-3:1e-1", "--method", "{v}"]),
    ("search-objective", [*SEARCH, "--param", "lr=1e-3:1e-1", "--objective", "{v}"]),
    ("search-size", [*SEARCH, "--param", "lr=1e-3:1e-1", "--out", "{tmp}/s.png",
                     "--size", "{v}"]),
    ("basins-grid", ["basins", "--max-steps", "2", "--grid", "{v}"]),
    ("basins-size", [*BASINS, "--out", "{tmp}/b.png", "--size", "{v}"]),
    ("compare-param", [*COMPARE, "--param", "{v}"]),
    ("compare-model", [*COMPARE, "--model", "{v}"]),
    ("compare-data", [*COMPARE, "--model", "linear", "--data", "{v}"]),
    ("compare-dataset", [*COMPARE, "--model", "linear", "--dataset", "{v}"]),
    ("compare-lr-low", [*COMPARE, "--param", "lr={v}:1e-1:log"]),
    ("compare-budget", [*COMPARE, "--budget", "{v}"]),
    ("compare-tuning-starts", [*COMPARE, "--tuning-starts", "{v}"]),
    ("compare-starts", [*COMPARE, "--starts", "{v}"]),
    ("compare-seeds-per-start", [*COMPARE, "--optimizer", "sgd", "--seeds-per-start", "{v}"]),
    ("compare-method", [*COMPARE, "--method", "{v}"]),
    ("compare-design", [*COMPARE, "--design", "{v}"]),
    ("compare-minimum", [*COMPARE, "--expr", "x**2 + y**2", "--minimum", "{v}"]),
    ("compare-out", [*COMPARE, *SMALL, "--out", "{v}.png"]),
    ("compare-size", [*COMPARE, "--out", "{tmp}/c.png", "--size", "{v}"]),
    # converges at step 516 (gd:lr=0.01): a large max steps costs nothing
    ("check-optimizer-max-steps", [*CHECK, "--tol", "1e-5", "--max-steps", "{v}"]),
    ("check-optimizer-tol", [*CHECK, "--max-steps", "5", "--tol", "{v}"]),
    ("check-optimizer-start", [*CHECK, "--max-steps", "5", "--start", "{v}"]),
    ("check-optimizer-optimizer", [*CHECK, "--max-steps", "5", "--optimizer", "{v}"]),
    ("check-optimizer-reference", [*CHECK, "--max-steps", "5", "--reference", "{v}"]),
    ("check-optimizer-function", [*CHECK, "--max-steps", "5", "--function", "{v}"]),
    ("check-optimizer-model", [*CHECK[:5], "--max-steps", "5", "--model", "{v}"]),
    ("check-optimizer-data", [*CHECK[:5], "--max-steps", "5", "--model", "linear", "--data",
                              "{v}"]),
    ("check-optimizer-dataset", [*CHECK[:5], "--max-steps", "5", "--model", "linear",
                                 "--dataset", "{v}"]),
]
SLOT_IDS = [s[0] for s in SLOTS]


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


def _strict(constant):
    raise AssertionError(f"the JSON holds {constant}")


def _check_written(path: Path) -> None:
    """A file the command line wrote is valid for its kind."""
    name = path.name.lower()
    suffix = next((e for e in (".json", ".png", ".gif", ".svg", ".csv") if name.endswith(e)),
                  "")
    if suffix == ".json":
        json.loads(path.read_text(encoding="utf-8"), parse_constant=_strict)
        load_experiment(path)   # and it reopens as a session
    elif suffix in (".png", ".gif"):
        with Image.open(path) as im:
            im.verify()
    elif suffix == ".svg":
        xml.dom.minidom.parse(str(path))
    elif suffix == ".csv" or not suffix:
        text = path.read_text(encoding="utf-8")
        assert text.startswith(("function,", "lr,", "momentum,", "x,"))


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """The case's working folder, with the files some values name (a session called 'nan'
    would be read; here none of them exists)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _attempt(argv: list[str], folder: Path, capsys) -> tuple[int, str, str]:
    before = _snapshot(folder)
    code = cli.main(argv)
    captured = capsys.readouterr()
    assert code in (0, 2), (argv, code, captured.err)
    assert "Traceback" not in captured.err + captured.out
    if code == 2:
        assert captured.out == "", captured.out
        lines = captured.err.splitlines()
        assert len(lines) == 1, captured.err
        assert lines[0].startswith("beale-gui"), lines[0]
        assert len(lines[0]) < 600, "one readable line"
        assert _snapshot(folder) == before, "a refused command wrote a file"
    else:
        assert all(line.startswith("wrote ") for line in captured.err.splitlines()), \
            captured.err
        after = _snapshot(folder)
        for name in set(after) - set(before):
            if after[name] is not None:
                _check_written(folder / name)
    return code, captured.out, captured.err


@pytest.mark.parametrize(("slot", "args"), SLOTS, ids=SLOT_IDS)
def test_every_option_refuses_or_harmlessly_takes_every_hostile_value(slot, args, folder,
                                                                      capsys,
                                                                      reliability_figures):
    for _, value in HOSTILE:
        argv = [a.replace("{tmp}", str(folder)).replace("{v}", value) for a in args]
        code, out, _ = _attempt(argv, folder, capsys)
        if code == 0 and slot.startswith("run-") and (folder / "check.json").exists():
            data = json.loads((folder / "check.json").read_text(), parse_constant=_strict)
            assert "-0.0" not in json.dumps({k: v for k, v in data.items() if k != "runs"})
            for run in data["runs"]:
                assert run["status"] in ("converged", "diverged", "max steps")
        for path in folder.iterdir():   # each value starts from an empty folder
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        count(reliability_figures, accepted=code == 0)


def test_the_slots_cover_every_option_of_every_command():
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    covered = {(args[0], a) for s, args in SLOTS for a in args if a.startswith("--")}
    common = {o for a in sub.choices["run"]._actions for o in a.option_strings}
    missing = []
    for command, p in sub.choices.items():
        for action in p._actions:
            option = next((o for o in action.option_strings if o.startswith("--")), None)
            if option in (None, "--help", "--loss"):   # --loss/--no-loss takes no value
                continue
            shared = option in common and ("run", option) in covered   # _add_common's
            if (command, option) not in covered and not shared:
                missing.append(f"{command} {option}")
    assert not missing, missing


# -- findings -----------------------------------------------------------------------------------

def test_an_empty_size_is_refused_not_taken_for_the_default(folder, capsys,
                                                            reliability_figures):
    """Finding: export --size "" wrote a 1600x1200 image as if no size were given."""
    code, _, err = _attempt(["export", "--max-steps", "3", "--out", "x.png", "--size", ""],
                            folder, capsys)
    assert code == 2
    assert "--size" in err
    fixed(reliability_figures)


def test_a_huge_value_is_cut_short_in_the_error_line(folder, capsys, reliability_figures):
    """Finding: --start with 5000 digits printed a one-line error of 5,062 characters."""
    for argv in (["run", "--start", "9" * 5000 + ",1"], ["run", "--optimizer",
                                                         "gd:lr=" + "9" * 5000],
                 ["run", "--max-steps", "1" * 5000], ["run", "--function", "f" * 5000]):
        code, _, err = _attempt(argv, folder, capsys)
        assert code == 2
        assert len(err.strip()) < 300
        assert "..." in err
    fixed(reliability_figures)


@pytest.mark.parametrize("argv", [
    ["export", "--out", "x.png", "--size", "100000x100000"],
    ["export", "--out", "x.gif", "--size", "100000x100000"],
    ["export", "--out", "x.svg", "--size", "100000x1"],
    ["search", "--param", "lr=1e-3:1e-1", "--out", "s.png", "--size", "100000x100000"],
    ["basins", "--out", "b.png", "--size", "1x100000"],
    ["run", "--max-steps", "1000000000000"],
    ["basins", "--grid", "1000000"],
    ["search", "--param", "lr=1e-3:1e-1", "--budget", "1000000000000"],
    ["export", "--out", "x.gif", "--frames", "1000000000000"],
], ids=["png", "gif", "svg", "search-png", "basins-png", "max-steps", "grid", "budget",
        "frames"])
def test_huge_sizes_and_counts_are_refused_at_once(argv, folder, capsys, reliability_figures):
    code, _, err = _attempt(argv, folder, capsys)
    assert code == 2
    assert "must be" in err or "outside" in err
    count(reliability_figures, accepted=False)


def test_a_search_too_large_for_memory_is_refused_before_it_runs(folder, capsys):
    """1,000,000 configurations x 44 random starts peaked at 18 GB; now one line, at once."""
    code, _, err = _attempt(["search", "--optimizer", "adam", "--param", "lr=1e-3:1e-1:log",
                             "--budget", "1000000", "--random-starts", "44", "--csv",
                             "s.csv"], folder, capsys)
    assert code == 2
    assert "--budget 1000000" in err
    assert "lower the budget" in err


def test_a_session_path_with_a_nul_is_one_line(folder, capsys):
    """It was a traceback (ValueError: embedded null byte)."""
    code, _, err = _attempt(["run", "--session", "a\x00b.json"], folder, capsys)
    assert code == 2
    assert "--session" in err
    assert "NUL" in err


def test_an_output_path_with_a_nul_is_refused_before_the_runs(folder, capsys, monkeypatch):
    """The early path check refuses it: the runs are never computed."""
    from beale_gui.core import session

    monkeypatch.setattr(session.Experiment, "run", lambda self, **k: pytest.fail("computed"))
    for argv in (["run", "--csv", "a\x00.csv"], ["run", "--json", "a\x00.json"],
                 ["export", "--out", "a\x00.png"], ["search", "--param", "lr=1e-3:1e-1",
                                                     "--csv", "a\x00.csv"],
                 ["basins", "--grid", "3", "--out", "a\x00.png"]):
        code, _, err = _attempt(argv, folder, capsys)
        assert code == 2
        assert "NUL" in err


@pytest.mark.parametrize(("value", "code"), [("\u22121e-3", "U+2212"), ("1\u200b", "U+200B"),
                                             ("1\u04355", "U+0435"), ("\u00b2", "U+00B2")])
def test_a_look_alike_in_a_number_option_is_named(value, code, folder, capsys):
    for option in ("--tol", "--max-steps"):
        status, _, err = _attempt(["run", option, value], folder, capsys)
        assert status == 2
        assert option in err
        assert code in err


def test_whole_number_options_take_a_whole_float_as_the_window_does(folder, capsys):
    """--max-steps 1e3 is 1000, as typed in the panel; 2.5 and 1e12 are still refused."""
    code, out, _ = _attempt(["run", "--max-steps", "1e3", "--every", "1e3"], folder, capsys)
    assert code == 0
    assert "steps: 1000" in out
    for value in ("2.5", "1e12", "inf"):
        assert _attempt(["run", "--max-steps", value], folder, capsys)[0] == 2


def test_minus_zero_is_written_as_zero(folder, capsys):
    code, out, _ = _attempt(["run", "--tol", "-0", "--start", "-0,1", "--optimizer",
                             "momentum:momentum=-0", "--max-steps", "2", "--json", "r.json"],
                            folder, capsys)
    assert code == 0
    text = (folder / "r.json").read_text()
    assert "-0.0" not in text
    assert "(-0," not in out


# -- the first point: runs that diverged at step 0 --------------------------------------

LOG = ["--expr", "log(x)", "--optimizer", "gd", "--start", "0,1", "--start", "1,1",
       "--max-steps", "5"]
STATUSES = ["diverged", "max steps"]


def _statuses(path: Path) -> list[str]:
    return [r["status"] for r in json.loads(path.read_text(), parse_constant=_strict)["runs"]]


def test_run_writes_strict_json_and_documented_csv_for_a_run_diverged_at_step_0(folder,
                                                                                capsys):
    code, out, _ = _attempt(["run", *LOG, "--json", "out.json", "--csv", "out.csv"], folder,
                            capsys)
    assert code == 0
    data = json.loads((folder / "out.json").read_text(), parse_constant=_strict)
    first = data["runs"][0]
    assert (first["status"], first["stop_step"], first["loss"], first["grad_x"]) == (
        "diverged", 0, [None], [None])
    assert first["final"]["loss"] is None
    rows = (folder / "out.csv").read_text().splitlines()
    assert rows[1] == "custom,gd(lr=0.01),0,0,0.0,1.0,-inf,inf,0.0,0.01"
    assert [float(c) for c in rows[1].split(",")[4:]][2] == -np.inf
    assert "Diverged at step 0" in out


def test_the_json_reopens_with_run_session_and_replays_the_same_runs(folder, capsys):
    assert _attempt(["run", *LOG, "--json", "out.json"], folder, capsys)[0] == 0
    code, out, _ = _attempt(["run", "--session", "out.json", "--json", "again.json"], folder,
                            capsys)
    assert code == 0
    assert _statuses(folder / "again.json") == _statuses(folder / "out.json") == STATUSES
    a, b = (json.loads((folder / n).read_text())["runs"] for n in ("out.json", "again.json"))
    assert a == b
    code, replay, _ = _attempt(["run", "--session", "out.json"], folder, capsys)
    assert code == 0
    assert replay == out


@pytest.mark.parametrize("name", ["out.json", "out.csv", "out.png", "out.svg", "out.gif"])
def test_export_writes_a_valid_file_for_a_run_diverged_at_step_0(name, folder, capsys):
    argv = ["export", *LOG, "--out", name]
    if not name.endswith((".json", ".csv")):
        argv += ["--size", "320x240"]
    code, _, _ = _attempt(argv, folder, capsys)   # checks the file: strict JSON, images open
    assert code == 0
    path = folder / name
    if name.endswith(".json"):
        assert _statuses(path) == STATUSES
        again = load_experiment(path).run()
        assert [again.describe(i) for i in range(2)] == ["diverged at step 0",
                                                         "stopped at max steps (5)"]
    elif name.endswith(".csv"):
        assert "-inf" in path.read_text()
    elif name.endswith(".svg"):
        text = path.read_text()
        assert not any(w in text.lower() for w in ('"nan', "nan ", "nan,", "inf\""))
    elif name.endswith(".gif"):
        with Image.open(path) as im:
            assert im.n_frames == 6   # steps 0 to 5, the longest run
            assert im.size == (320, 240)


# -- interrupted writes ---------------------------------------------------------------------------

OUTPUTS = [
    ("run-json", ["run", "--max-steps", "5", "--json", "{out}.json"], ".json", "--json"),
    ("run-csv", ["run", "--max-steps", "5", "--csv", "{out}.csv"], ".csv", "--csv"),
    ("export-png", ["export", "--max-steps", "5", *SMALL, "--out", "{out}.png"], ".png",
     "--out"),
    ("export-svg", ["export", "--max-steps", "5", *SMALL, "--out", "{out}.svg"], ".svg",
     "--out"),
    ("export-gif", ["export", "--max-steps", "5", *SMALL, "--out", "{out}.gif"], ".gif",
     "--out"),
    ("export-json", ["export", "--max-steps", "5", "--out", "{out}.json"], ".json", "--out"),
    ("search-png", [*SEARCH, "--param", "lr=1e-3:1e-1", "--out", "{out}.png", "--size",
                    "200x150"], ".png", "--out"),
    ("search-csv", [*SEARCH, "--param", "lr=1e-3:1e-1", "--csv", "{out}.csv"], ".csv", "--csv"),
    ("basins-png", [*BASINS, "--out", "{out}.png", "--size", "200x150"], ".png", "--out"),
    ("basins-csv", [*BASINS, "--csv", "{out}.csv"], ".csv", "--csv"),
]


def _outputs_argv(args, out: Path) -> list[str]:
    return [a.replace("{out}", str(out)) for a in args]


@pytest.mark.parametrize(("args", "suffix", "option"), [o[1:] for o in OUTPUTS],
                         ids=[o[0] for o in OUTPUTS])
def test_a_disk_that_fills_midway_keeps_the_old_file_and_says_so(args, suffix, option,
                                                                 tmp_path, capsys,
                                                                 monkeypatch,
                                                                 reliability_figures):
    target = tmp_path / f"out{suffix}"
    target.write_bytes(b"old")
    real = os.fdopen
    monkeypatch.setattr(fileio.os, "fdopen", lambda *a, **k: DiskFills(real(*a, **k), 50))
    code = cli.main(_outputs_argv(args, tmp_path / "out"))
    captured = capsys.readouterr()
    monkeypatch.undo()
    assert code == 2
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1
    assert option in captured.err
    assert "No space left on device" in captured.err
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [target.name], "no temporary file is left"
    reliability_figures[KEPT] = reliability_figures.get(KEPT, 0) + 1


@pytest.mark.parametrize(("args", "suffix", "option"), [o[1:] for o in OUTPUTS],
                         ids=[o[0] for o in OUTPUTS])
def test_a_folder_that_disappears_during_the_command_is_one_line(args, suffix, option,
                                                                 tmp_path, capsys,
                                                                 monkeypatch):
    folder = tmp_path / "gone"
    folder.mkdir()
    real = fileio.tempfile.mkstemp

    def vanish(*a, **k):
        if Path(k.get("dir", "")) == folder:
            shutil.rmtree(folder)
        return real(*a, **k)

    monkeypatch.setattr(fileio.tempfile, "mkstemp", vanish)
    code = cli.main(_outputs_argv(args, folder / "out"))
    captured = capsys.readouterr()
    assert code == 2
    assert len(captured.err.splitlines()) == 1
    assert option in captured.err
    assert "cannot write" in captured.err
    assert not folder.exists()


@pytest.mark.parametrize(("args", "suffix", "option"), [o[1:] for o in OUTPUTS],
                         ids=[o[0] for o in OUTPUTS])
def test_a_file_replaced_by_a_folder_during_the_command_is_one_line(args, suffix, option,
                                                                    tmp_path, capsys,
                                                                    monkeypatch):
    target = tmp_path / f"out{suffix}"
    target.write_bytes(b"old")
    real = os.replace

    def swap(src, dst):
        if Path(dst) == target:
            target.unlink()
            target.mkdir()
        return real(src, dst)

    monkeypatch.setattr(fileio.os, "replace", swap)
    code = cli.main(_outputs_argv(args, tmp_path / "out"))
    captured = capsys.readouterr()
    monkeypatch.undo()
    assert code == 2
    assert len(captured.err.splitlines()) == 1
    assert option in captured.err
    assert target.is_dir()
    assert [p.name for p in tmp_path.iterdir()] == [target.name], "no temporary file is left"
