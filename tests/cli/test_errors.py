"""Every way the command line refuses input: exit status 2, one line on stderr naming the
offending argument, nothing on stdout, no file written, never a traceback (DESIGN.md sections
4 and 6).

``ERRORS`` walks ``beale_gui/cli/`` (arguments.py, then commands.py) top to bottom: the
parser's own refusals, then every ``UsageError`` of the common options
(``experiment_from_args``), then each command's. Each case names the text the one line must
hold (the option, as typed), and runs with its outputs pointed into a temporary folder, which
must hold afterwards exactly what it held before.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from beale_gui import cli

from . import child_env

ROOT = Path(__file__).resolve().parents[2]

# outputs given to every case of the command unless it sets them itself, so that "no file
# written" means something (export's cases all name their --out)
DEFAULT_OUTPUTS = {
    "run": {"--csv": "{tmp}/out.csv", "--json": "{tmp}/out.json"},
    "search": {"--csv": "{tmp}/out.csv"},
    "basins": {"--csv": "{tmp}/out.csv"},
}
SEARCH = ["search", "--optimizer", "momentum", "--param", "lr=1e-3:1e-1:log"]
MANY_STARTS = [a for xy in ("1,1", "2,2", "1,3", "3,3", "0,0", "1,0", "0,1")
               for a in ("--start", xy)]
TOO_MUCH_MEMORY = ["--max-steps", "10000000", "--optimizer", "adam", "--optimizer", "gd",
                   *MANY_STARTS]

ERRORS = [
    # (id, argv, what the line names)
    # -- the parser -------------------------------------------------------------------------
    ("no-command", [], "no command"),
    ("unknown-command", ["frobnicate"], "'frobnicate'"),
    ("unknown-option", ["run", "--bogus"], "--bogus"),
    ("option-of-another-command", ["run", "--grid", "5"], "--grid"),
    ("option-without-value", ["run", "--start"], "--start"),
    ("max-steps-not-int", ["run", "--max-steps", "x"], "--max-steps"),
    ("max-steps-float", ["run", "--max-steps", "1.5"], "--max-steps"),
    ("tol-not-number", ["run", "--tol", "small"], "--tol"),
    ("seed-not-int", ["run", "--seed", "1.5"], "--seed"),
    ("batch-size-not-int", ["run", "--batch-size", "two"], "--batch-size"),
    ("noise-not-number", ["run", "--noise", "loud"], "--noise"),
    ("every-not-int", ["run", "--every", "x"], "--every"),
    ("budget-not-int", [*SEARCH, "--budget", "many"], "--budget"),
    ("rounds-not-int", [*SEARCH, "--rounds", "x"], "--rounds"),
    ("top-not-int", [*SEARCH, "--top", "x"], "--top"),
    ("random-starts-not-int", [*SEARCH, "--random-starts", "x"], "--random-starts"),
    ("grid-not-int", ["basins", "--grid", "x"], "--grid"),
    ("frames-not-int", ["export", "--out", "{tmp}/a.gif", "--frames", "x"], "--frames"),
    ("fps-not-int", ["export", "--out", "{tmp}/a.gif", "--fps", "x"], "--fps"),
    ("step-not-int", ["export", "--out", "{tmp}/x.png", "--step", "x"], "--step"),
    ("export-without-out", ["export"], "--out"),
    ("style-unknown", ["export", "--out", "{tmp}/x.png", "--style", "fancy"], "--style"),
    ("every-on-export", ["export", "--out", "{tmp}/x.png", "--every", "5"], "--every"),
    # -- the common options: --session, --function, --expr ----------------------------------
    ("session-missing", ["run", "--session", "{tmp}/nope.json"], "--session"),
    ("session-empty-path", ["run", "--session", ""], "--session"),
    ("session-a-folder", ["run", "--session", "{tmp}"], "--session"),
    ("session-not-json", ["run", "--session", "{tmp}/garbage.json"], "--session"),
    ("session-foreign", ["run", "--session", "{tmp}/foreign.json"], "--session"),
    ("session-bad-value", ["run", "--session", "{tmp}/bad-lr.json"], "--session"),
    ("session-newer", ["run", "--session", "{tmp}/newer.json"], "--session"),
    ("session-lists-differ-in-length", ["run", "--session", "{tmp}/ragged.json"], "--session"),
    ("function-and-expr", ["run", "--function", "beale", "--expr", "x**2"], "--function"),
    ("function-unknown", ["run", "--function", "bale"], "--function"),
    ("function-empty", ["run", "--function", ""], "--function"),
    ("expr-syntax", ["run", "--expr", "x +* y"], "--expr"),
    ("expr-forbidden", ["run", "--expr", "__import__('os')"], "--expr"),
    ("expr-attribute", ["run", "--expr", "x.__class__"], "--expr"),
    ("expr-unknown-name", ["run", "--expr", "x + z"], "--expr"),
    ("expr-too-long", ["run", "--expr", "x+" * 3000 + "y"], "--expr"),
    ("expr-empty", ["run", "--expr", ""], "--expr"),
    # -- --batch-size and --noise -----------------------------------------------------------
    ("batch-size-0", ["run", "--batch-size", "0"], "--batch-size 0"),
    ("batch-size-negative", ["run", "--batch-size", "-3"], "--batch-size -3"),
    ("batch-size-too-big", ["run", "--batch-size", "20000000"], "--batch-size"),
    ("noise-negative", ["run", "--noise", "-1"], "--noise"),
    ("noise-nan", ["run", "--noise", "nan"], "--noise"),
    ("noise-inf", ["run", "--noise", "inf"], "--noise"),
    # -- --schedule -------------------------------------------------------------------------
    ("schedule-unknown", ["run", "--schedule", "linear"], "--schedule"),
    ("schedule-empty", ["run", "--schedule", ""], "--schedule"),
    ("schedule-no-name", ["run", "--schedule", ":decay=0.1"], "--schedule"),
    ("schedule-no-equals", ["run", "--schedule", "inverse_time:decay"], "--schedule"),
    ("schedule-not-number", ["run", "--schedule", "inverse_time:decay=fast"], "--schedule"),
    ("schedule-out-of-range", ["run", "--schedule", "inverse_time:decay=-1"], "--schedule"),
    ("schedule-unknown-param", ["run", "--schedule", "inverse_time:period=5"], "--schedule"),
    ("schedule-not-whole", ["run", "--schedule", "step:step_size=2.5"], "--schedule"),
    # -- --optimizer ------------------------------------------------------------------------
    ("optimizer-unknown", ["run", "--optimizer", "adamm"], "--optimizer"),
    ("optimizer-empty", ["run", "--optimizer", ""], "--optimizer"),
    ("optimizer-no-name", ["run", "--optimizer", ":lr=0.1"], "--optimizer"),
    ("optimizer-no-equals", ["run", "--optimizer", "gd:lr"], "--optimizer"),
    ("optimizer-no-key", ["run", "--optimizer", "gd:=0.1"], "--optimizer"),
    ("optimizer-not-number", ["run", "--optimizer", "gd:lr=abc"], "--optimizer"),
    ("optimizer-key-twice", ["run", "--optimizer", "gd:lr=0.1,lr=0.2"], "--optimizer"),
    ("optimizer-unknown-hparam", ["run", "--optimizer", "gd:beta1=0.9"], "--optimizer"),
    ("optimizer-lr-negative", ["run", "--optimizer", "gd:lr=-1"], "--optimizer"),
    ("optimizer-lr-zero", ["run", "--optimizer", "gd:lr=0"], "--optimizer"),
    ("optimizer-lr-underflows-to-zero", ["run", "--optimizer", "gd:lr=1e-400"], "--optimizer"),
    ("optimizer-lr-too-big", ["run", "--optimizer", "gd:lr=2e6"], "--optimizer"),
    ("optimizer-lr-nan", ["run", "--optimizer", "gd:lr=nan"], "--optimizer"),
    ("optimizer-lr-inf", ["run", "--optimizer", "gd:lr=inf"], "--optimizer"),
    ("optimizer-beta1-1", ["run", "--optimizer", "adam:beta1=1"], "--optimizer"),
    ("optimizer-second-bad", ["run", "--optimizer", "gd", "--optimizer", "adam:eps=0"],
     "--optimizer"),
    # -- --start ----------------------------------------------------------------------------
    ("start-one-number", ["run", "--start", "1"], "--start"),
    ("start-three-numbers", ["run", "--start", "1,2,3"], "--start"),
    ("start-empty", ["run", "--start", ""], "--start"),
    ("start-not-numbers", ["run", "--start", "a,b"], "--start"),
    ("start-half-empty", ["run", "--start", "1,"], "--start"),
    ("start-nan", ["run", "--start", "nan,1"], "--start"),
    ("start-inf", ["run", "--start", "1,-inf"], "--start"),
    ("start-beyond-bound", ["run", "--start", "1e11,0"], "--start"),
    ("start-just-beyond-bound", ["run", "--start", "0,-1.0000001e10"], "--start"),
    ("start-second-bad", ["run", "--start", "0.7,1.4", "--start", "x,1"], "--start"),
    ("session-without-starts", ["run", "--session", "{tmp}/no-starts.json"], "--start"),
    # -- --max-steps, --tol, --seed ---------------------------------------------------------
    ("max-steps-negative", ["run", "--max-steps", "-1"], "--max-steps -1"),
    ("max-steps-too-many", ["run", "--max-steps", "10000001"], "--max-steps"),
    ("tol-negative", ["run", "--tol", "-1e-5"], "--tol"),
    ("tol-nan", ["run", "--tol", "nan"], "--tol"),
    ("tol-inf", ["run", "--tol", "1e400"], "--tol"),
    ("tol-too-big", ["run", "--tol", "2e6"], "--tol"),
    ("seed-negative", ["run", "--seed", "-1"], "--seed"),
    ("seed-too-big", ["run", "--seed", str(2**32)], "--seed"),
    # -- run --------------------------------------------------------------------------------
    ("every-0", ["run", "--every", "0"], "--every"),
    ("every-negative", ["run", "--every", "-5"], "--every"),
    ("csv-missing-folder", ["run", "--csv", "{tmp}/missing/x.csv"], "--csv"),
    ("csv-a-folder", ["run", "--csv", "{tmp}/dir.csv"], "--csv"),
    ("csv-empty-path", ["run", "--csv", ""], "--csv"),
    ("json-missing-folder", ["run", "--csv", "{tmp}/ok.csv", "--json", "{tmp}/missing/x.json"],
     "--json"),
    ("json-a-folder", ["run", "--json", "{tmp}/dir.csv"], "--json"),
    ("run-too-much-memory", ["run", *TOO_MUCH_MEMORY], "--max-steps"),
    # -- search -----------------------------------------------------------------------------
    ("search-two-optimizers", ["search", "--optimizer", "gd", "--optimizer", "adam", "--param",
                               "lr=1e-3:1e-1"], "--optimizer"),
    ("search-variants-from-session", ["search", "--session", "{tmp}/variants.json", "--param",
                                      "lr=1e-3:1e-1"], "--session"),
    ("search-session-without-starts", ["search", "--session", "{tmp}/no-starts.json",
                                       "--param", "lr=1e-3:1e-1"], "--start"),
    ("search-no-param", ["search", "--optimizer", "momentum"], "--param"),
    ("param-no-range", ["search", "--param", "lr=1e-3"], "--param"),
    ("param-no-name", ["search", "--param", "=1e-3:1"], "--param"),
    ("param-no-equals", ["search", "--param", "lr"], "--param"),
    ("param-too-many-parts", ["search", "--param", "lr=1:2:log:x"], "--param"),
    ("param-not-numbers", ["search", "--param", "lr=a:b"], "--param"),
    ("param-bad-scale", ["search", "--param", "lr=1e-3:1:cubic"], "--param"),
    ("param-unknown", ["search", "--optimizer", "momentum", "--param", "gamma=0:1"], "--param"),
    ("param-log-of-zero", ["search", "--param", "lr=0:1:log"], "--param"),
    ("param-low-above-high", ["search", "--param", "lr=0.1:0.01"], "--param"),
    ("param-equal-ends", ["search", "--param", "lr=0.1:0.1"], "--param"),
    ("param-nan-end", ["search", "--param", "lr=nan:0.1"], "--param"),
    ("param-end-out-of-range", ["search", "--param", "lr=-1:1"], "--param"),
    ("param-end-out-of-range-high", ["search", "--optimizer", "momentum", "--param",
                                     "momentum=0.5:1"], "--param"),
    ("param-twice", [*SEARCH, "--param", "lr=0.01:0.1"], "--param"),
    ("param-five", ["search", "--optimizer", "adam", "--param", "lr=1e-3:1e-1", "--param",
                    "beta1=0.5:0.9", "--param", "beta2=0.9:0.99", "--param", "eps=1e-8:1e-6",
                    "--param", "weight_decay=0:1"], "--param"),
    ("method-unknown", [*SEARCH, "--method", "bayes"], "--method"),
    ("objective-unknown", [*SEARCH, "--objective", "auc"], "--objective"),
    # steps to a tolerance of 0 (off): every run would stop at max steps, so every
    # configuration would score the same; the window's Search tab refuses it too
    ("objective-steps-without-tol", [*SEARCH, "--objective", "steps"], "--tol"),
    ("objective-steps-tol-0", [*SEARCH, "--objective", "steps", "--tol", "0"], "--objective"),
    ("objective-steps-session-tol-0", [*SEARCH, "--objective", "steps", "--session",
                                       "{tmp}/tol-0.json"], "--tol"),
    ("budget-0", [*SEARCH, "--budget", "0"], "--budget"),
    ("budget-too-big", [*SEARCH, "--budget", "1000001"], "--budget"),
    ("rounds-0", [*SEARCH, "--method", "coarse-to-fine", "--rounds", "0"], "--rounds"),
    ("rounds-too-many", [*SEARCH, "--rounds", "21"], "--rounds"),
    ("top-negative", [*SEARCH, "--top", "-1"], "--top"),
    ("random-starts-0", [*SEARCH, "--random-starts", "0"], "--random-starts"),
    ("random-starts-too-many", [*SEARCH, "--random-starts", "1001"], "--random-starts"),
    ("search-out-not-png", [*SEARCH, "--out", "{tmp}/s.jpg"], "--out"),
    ("search-out-empty", [*SEARCH, "--out", ""], "--out"),
    ("search-out-missing-folder", [*SEARCH, "--out", "{tmp}/missing/s.png"], "--out"),
    ("search-out-a-folder", [*SEARCH, "--out", "{tmp}/dir.png"], "--out"),
    ("search-size-bad", [*SEARCH, "--out", "{tmp}/s.png", "--size", "big"], "--size"),
    ("search-size-zero", [*SEARCH, "--out", "{tmp}/s.png", "--size", "0x100"], "--size"),
    ("search-size-too-big", [*SEARCH, "--out", "{tmp}/s.png", "--size", "8001x100"], "--size"),
    ("search-size-without-out", [*SEARCH, "--size", "800x600"], "--size"),
    ("search-out-three-params", [*SEARCH, "--param", "momentum=0.1:0.9", "--param",
                                 "dampening=0:0.5", "--out", "{tmp}/s.png"], "--out"),
    ("search-csv-missing-folder", [*SEARCH, "--csv", "{tmp}/missing/s.csv"], "--csv"),
    # -- basins -----------------------------------------------------------------------------
    ("grid-1", ["basins", "--grid", "1"], "--grid"),
    ("grid-too-big", ["basins", "--grid", "1025"], "--grid"),
    ("grid-times-steps-too-much", ["basins", "--grid", "1024", "--max-steps", "1001"],
     "--grid"),
    ("basins-two-optimizers", ["basins", "--optimizer", "gd", "--optimizer", "adam"],
     "--optimizer"),
    ("basins-variants-from-session", ["basins", "--session", "{tmp}/variants.json"],
     "--session"),
    ("basins-out-not-png", ["basins", "--out", "{tmp}/b.svg"], "--out"),
    ("basins-out-missing-folder", ["basins", "--out", "{tmp}/missing/b.png"], "--out"),
    ("basins-size-too-big", ["basins", "--out", "{tmp}/b.png", "--size", "9000x10"], "--size"),
    ("basins-size-without-out", ["basins", "--size", "800x600"], "--size"),
    ("basins-csv-missing-folder", ["basins", "--csv", "{tmp}/missing/b.csv"], "--csv"),
    ("basins-csv-a-folder", ["basins", "--csv", "{tmp}/dir.csv"], "--csv"),
    # -- export -----------------------------------------------------------------------------
    ("out-unknown-extension", ["export", "--out", "{tmp}/x.txt"], "--out"),
    ("out-no-extension", ["export", "--out", "{tmp}/x"], "--out"),
    ("out-empty", ["export", "--out", ""], "--out"),
    ("out-missing-folder", ["export", "--out", "{tmp}/missing/x.png"], "--out"),
    ("out-a-folder", ["export", "--out", "{tmp}/dir.png"], "--out"),
    ("out-data-missing-folder", ["export", "--out", "{tmp}/missing/x.csv"], "--out"),
    ("frames-on-image", ["export", "--out", "{tmp}/x.png", "--frames", "10"], "--frames"),
    ("fps-on-data", ["export", "--out", "{tmp}/x.csv", "--fps", "10"], "--fps"),
    ("step-on-animation", ["export", "--out", "{tmp}/x.gif", "--step", "10"], "--step"),
    ("step-on-data", ["export", "--out", "{tmp}/x.json", "--step", "10"], "--step"),
    ("step-negative", ["export", "--out", "{tmp}/x.png", "--step", "-1"], "--step"),
    ("size-on-data", ["export", "--out", "{tmp}/x.csv", "--size", "100x100"], "--size"),
    ("style-on-data", ["export", "--out", "{tmp}/x.json", "--style", "print"], "--style"),
    ("loss-on-data", ["export", "--out", "{tmp}/x.csv", "--loss"], "--loss"),
    ("size-not-wxh", ["export", "--out", "{tmp}/x.png", "--size", "1600"], "--size"),
    ("size-zero", ["export", "--out", "{tmp}/x.svg", "--size", "0x0"], "--size"),
    ("size-negative", ["export", "--out", "{tmp}/x.png", "--size", "-5x100"], "--size"),
    ("size-too-big", ["export", "--out", "{tmp}/x.png", "--size", "8001x10"], "--size"),
    ("size-too-big-for-animation", ["export", "--out", "{tmp}/x.gif", "--size", "4097x10"],
     "--size"),
    ("frames-0", ["export", "--out", "{tmp}/x.gif", "--frames", "0"], "--frames"),
    ("frames-too-many", ["export", "--out", "{tmp}/x.gif", "--frames", "2001"], "--frames"),
    ("fps-0", ["export", "--out", "{tmp}/x.gif", "--fps", "0"], "--fps"),
    ("fps-too-fast-for-gif", ["export", "--out", "{tmp}/x.gif", "--fps", "51"], "--fps"),
    ("fps-too-fast-for-mp4", ["export", "--out", "{tmp}/x.mp4", "--fps", "61"], "--fps"),
    ("gif-too-large", ["export", "--out", "{tmp}/x.gif", "--frames", "2000", "--size",
                       "4096x4096"], "--frames"),
    ("export-bad-optimizer", ["export", "--out", "{tmp}/x.csv", "--optimizer", "gd:lr=-1"],
     "--optimizer"),
    ("export-session-without-starts", ["export", "--out", "{tmp}/x.json", "--session",
                                       "{tmp}/no-starts.json"], "--start"),
    ("export-too-much-memory", ["export", "--out", "{tmp}/x.csv", *TOO_MUCH_MEMORY],
     "--max-steps"),
]


def _session(**over) -> dict:
    d = {"format": "beale-gui-session", "version": 1, "function": {"name": "beale"},
         "optimizers": [{"name": "momentum", "hparams": {"lr": 0.01}}], "starts": [[0.7, 1.4]]}
    d.update(over)
    return d


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder holding the bad inputs the cases name, and two folders named like files."""
    (tmp_path / "garbage.json").write_text("not json at all")
    (tmp_path / "foreign.json").write_text(json.dumps({"format": "something-else"}))
    (tmp_path / "newer.json").write_text(json.dumps(_session(version=2)))
    (tmp_path / "bad-lr.json").write_text(json.dumps(
        _session(optimizers=[{"name": "gd", "hparams": {"lr": -1}}])))
    (tmp_path / "no-starts.json").write_text(json.dumps(_session(starts=[])))
    (tmp_path / "tol-0.json").write_text(json.dumps(_session(tol=0)))
    (tmp_path / "variants.json").write_text(json.dumps(_session(
        optimizers=[{"name": "momentum", "hparams": {"lr": [0.01, 0.02],
                                                     "momentum": [0.5, 0.9]}}])))
    (tmp_path / "ragged.json").write_text(json.dumps(_session(
        optimizers=[{"name": "adam", "hparams": {"lr": [0.01, 0.02], "beta1": [0.5, 0.8, 0.9]}}])))
    (tmp_path / "dir.png").mkdir()
    (tmp_path / "dir.csv").mkdir()
    return tmp_path


def _argv(args: list[str], tmp: Path) -> list[str]:
    argv = [a.replace("{tmp}", str(tmp)) for a in args]
    for option, value in DEFAULT_OUTPUTS.get(argv[0] if argv else "", {}).items():
        if option not in argv:
            argv += [option, value.replace("{tmp}", str(tmp))]
    return argv


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


def _assert_refused(code: int, out: str, err: str, named: str) -> None:
    assert code == 2, (code, err)
    assert out == "", out
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert named in lines[0], lines[0]
    assert lines[0].startswith("beale-gui"), lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize(("args", "named"), [c[1:] for c in ERRORS], ids=[c[0] for c in ERRORS])
def test_a_bad_argument_exits_2_with_one_line_naming_it(args, named, folder, capsys,
                                                        monkeypatch):
    monkeypatch.chdir(folder)
    before = _snapshot(folder)
    code = cli.main(_argv(args, folder))
    captured = capsys.readouterr()
    _assert_refused(code, captured.out, captured.err, named)
    assert _snapshot(folder) == before, "a refused command wrote a file"


# what each command needs besides the option tried, to reach that option's check
NEEDS = {"run": [], "search": ["--param", "lr=1e-3:1e-1", "--budget", "4"],
         "basins": ["--grid", "3"], "export": ["--out", "{tmp}/x.png"],
         "compare": ["--optimizer", "gd", "--budget", "2", "--tuning-starts", "2", "--starts",
                     "3", "--max-steps", "5"],
         "check-optimizer": ["--optimizer", "gd", "--reference", "gd", "--function", "beale",
                             "--max-steps", "5"]}


def _string_options():
    """(command, option) for every option of every command that takes free text: a path, a
    name, an expression, a size (the parser's own, so an option added later is tried too)."""
    parser = cli.build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    for command, sub in commands.items():
        for action in sub._actions:
            if (action.option_strings and action.nargs is None and action.type is None
                    and action.choices is None and action.option_strings[0] != "-h"):
                yield command, action.option_strings[-1]


STRING_OPTIONS = list(_string_options())


@pytest.mark.parametrize("value", ["", "   "], ids=["empty", "blank"])
@pytest.mark.parametrize(("command", "option"), STRING_OPTIONS,
                         ids=[f"{c}{o}" for c, o in STRING_OPTIONS])
def test_an_empty_or_blank_text_option_is_refused_naming_it(command, option, value, folder,
                                                            capsys, monkeypatch):
    """``--expr ""`` is no custom function, not Beale; ``--size ""`` is no size, not the
    default: every free-text option of every command, empty or only spaces, is refused."""
    monkeypatch.chdir(folder)
    needs = NEEDS[command]
    if option in needs:   # the option the command needs is the one tried
        i = needs.index(option)
        needs = needs[:i] + needs[i + 2:]
    if option == "--size" and command != "export":
        needs = [*needs, "--out", "{tmp}/x.png"]   # --size applies with --out only
    before = _snapshot(folder)
    code = cli.main(_argv([command, *needs, option, value], folder))
    captured = capsys.readouterr()
    _assert_refused(code, captured.out, captured.err, option)
    assert _snapshot(folder) == before


def test_every_command_has_free_text_options_to_try():
    assert {c for c, _ in STRING_OPTIONS} == {"run", "search", "basins", "export", "compare",
                                              "check-optimizer"}
    assert ("run", "--expr") in STRING_OPTIONS
    assert ("search", "--method") in STRING_OPTIONS


def test_the_cases_cover_every_command_and_are_distinct():
    ids = [c[0] for c in ERRORS]
    assert len(ids) == len(set(ids))
    commands = {c[1][0] for c in ERRORS if c[1]}
    assert {"run", "search", "basins", "export"} <= commands


def test_mp4_without_ffmpeg_is_refused_before_anything_runs(folder, capsys, monkeypatch):
    from beale_gui import export as exporting

    monkeypatch.setattr(exporting, "ffmpeg_problem", lambda: "ffmpeg was not found")
    before = _snapshot(folder)
    code = cli.main(["export", "--out", str(folder / "x.mp4")])
    captured = capsys.readouterr()
    _assert_refused(code, captured.out, captured.err, "--out")
    assert "ffmpeg was not found" in captured.err
    assert _snapshot(folder) == before


@pytest.mark.parametrize("command", [
    ["run", "--max-steps", "20", "--csv", "{tmp}/runs.csv"],
    ["export", "--max-steps", "20", "--out", "{tmp}/runs.csv"],
    ["search", "--param", "lr=1e-3:1e-1", "--budget", "4", "--max-steps", "20", "--csv",
     "{tmp}/runs.csv"],
    ["basins", "--grid", "3", "--max-steps", "20", "--csv", "{tmp}/runs.csv"],
], ids=["run", "export", "search", "basins"])
def test_a_write_that_fails_at_the_end_keeps_the_old_file_and_prints_one_line(
        command, tmp_path, capsys, monkeypatch):
    """The disk fills up as the file is written: exit 2, one line naming the option, the old
    file as it was, no temporary left, and (for run, search, basins) not the results printed
    as if all went well."""
    import beale_gui.core.fileio as fileio

    target = tmp_path / "runs.csv"
    target.write_text("old\n")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", disk_full)
    code = cli.main([a.replace("{tmp}", str(tmp_path)) for a in command])
    captured = capsys.readouterr()
    named = "--out" if command[0] == "export" else "--csv"
    _assert_refused(code, captured.out, captured.err, named)
    assert "No space left" in captured.err
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["runs.csv"]


# a handful through ``python main.py``: the same one line, and no traceback from a real process
THROUGH_MAIN_PY = ["batch-size-0", "expr-forbidden", "session-not-json", "param-log-of-zero",
                   "out-unknown-extension", "grid-1", "start-beyond-bound", "no-command"]


@pytest.mark.parametrize("case", THROUGH_MAIN_PY)
def test_through_main_py_a_bad_argument_exits_2_with_one_line_and_no_traceback(case, folder):
    args, named = next(c[1:] for c in ERRORS if c[0] == case)
    argv = _argv(args, folder)
    if not argv:   # plain ``python main.py`` opens the window; the headless entry point says no
        command = [sys.executable, "-c", "import sys; from beale_gui import cli; "
                   "sys.exit(cli.main([]))"]
    else:
        command = [sys.executable, str(ROOT / "main.py"), *argv]
    before = _snapshot(folder)
    done = subprocess.run(command, capture_output=True, text=True, cwd=folder, timeout=120,
                          env=child_env(QT_QPA_PLATFORM="offscreen"))
    _assert_refused(done.returncode, done.stdout, done.stderr, named)
    assert _snapshot(folder) == before
