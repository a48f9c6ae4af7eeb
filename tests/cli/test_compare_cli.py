"""``python main.py compare``: the protocol and table printed, JSON/CSV, reruns, clear errors."""

import csv
import json

import pytest

from beale_gui import cli

SMALL = ["--budget", "6", "--tuning-starts", "6", "--starts", "24", "--max-steps", "800",
         "--seed", "2", "--tol", "1e-4"]


def without_times(d):
    for entry in d["optimizers"]:
        entry.pop("seconds")
    return d


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("compare")
    path = folder / "out.json"
    code = cli.main(["compare", "--function", "rosenbrock", "--optimizer", "gd", "--optimizer",
                     "momentum", "--optimizer", "adam", *SMALL, "--json", str(path), "--csv",
                     str(folder / "out.csv")])
    assert code == 0
    return folder, json.loads(path.read_text())


def test_prints_the_protocol_and_the_table(capsys):
    assert cli.main(["compare", "--function", "beale", "--optimizer", "gd", "--optimizer",
                     "adam", *SMALL]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Protocol\n")
    for words in ("function: Beale, f* = 0", "gd: lr 0.0001..1 (log)",
                  "6 configurations per optimizer by grid search", "24 other starts",
                  "final f within 0.0001 of f*", "1e-08"):
        assert words in out
    table = out.split("\n\n")[1].splitlines()
    assert table[0].split()[:3] == ["optimizer", "tuned", "tuning"]
    assert [row.split()[0] for row in table[1:]] == ["GD", "Adam"]


def test_json_layout(written):
    _, data = written
    assert data["format"] == "beale-gui-comparison"
    assert len(data["evaluation_starts"]) == 24
    assert all(len(p) == 2 for p in data["evaluation_starts"])
    adam = data["optimizers"][2]
    assert adam["optimizer"] == "adam"
    assert set(adam["tuned"]) == {"lr"}
    assert set(adam["success"]) == {"global", "local", "diverged", "not_converged"}
    assert len(adam["runs"]) == 24
    assert {r["outcome"] for r in adam["runs"]} <= set(adam["success"])
    # the same budget for each
    assert {len(o["profile"]) for o in data["optimizers"]} == {len(data["profile_steps"])}
    assert data["protocol"]["budget"] == 6


def test_csv_rows(written):
    folder, data = written
    rows = list(csv.DictReader((folder / "out.csv").read_text().splitlines()))
    assert len(rows) == 3 * 24
    assert rows[0]["optimizer"] == "gd"


def test_rerun_from_the_json_gives_identical_numbers(written, tmp_path):
    folder, data = written
    again = tmp_path / "again.json"
    assert cli.main(["compare", "--session", str(folder / "out.json"), "--json",
                     str(again)]) == 0
    assert without_times(json.loads(again.read_text())) == without_times(data)


def test_a_result_checks_out_with_the_run_command(written, tmp_path):
    # from outside: `run` with an optimizer's tuned values from a listed evaluation start,
    # every step and no early stop, ends with the outcome the JSON records
    _, data = written
    tol = data["protocol"]["tol"]
    for entry in data["optimizers"]:
        for k in (0, 7, 23):
            record = entry["runs"][k]
            x, y = data["evaluation_starts"][record["start"]]
            values = ",".join(f"{name}={value!r}" for name, value in entry["tuned"].items())
            path = tmp_path / f"{entry['optimizer']}-{k}.json"
            assert cli.main(["run", "--function", "rosenbrock", "--optimizer",
                             f"{entry['optimizer']}:{values}", "--start", f"{x!r},{y!r}",
                             "--max-steps", str(data["protocol"]["max_steps"]), "--tol", "0",
                             "--json", str(path)]) == 0
            run = json.loads(path.read_text())["runs"][0]
            final = run["loss"][-1]
            if record["outcome"] == "diverged":
                assert run["status"] == "diverged"
                continue
            assert final == record["final_loss"]
            assert (final - data["f_star"] <= tol) == (record["outcome"] == "global")


@pytest.mark.parametrize(("args", "words"), [
    (["--function", "saddle"], "--function: Saddle lists no minimum"),
    (["--function", "nope"], "--function:"),
    (["--budget", "0"], "--budget: budget must be"),
    (["--tol", "0"], "--tol:"),
    (["--method", "coarse-to-fine"], "--method:"),
    (["--design", "halton"], "--design:"),
    (["--param", "lr=1:0"], "lr"),
    (["--param", "momentum=0.5:0.9", "--optimizer", "adam"], "momentum"),
    (["--expr", "x**2 + y**2"], "--expr: "),
    (["--minimum", "0,0"], "--minimum lists the minima of --expr"),
    (["--out", "fig.gif"], "--out fig.gif"),
    (["--size", "10x10"], "--size"),
    (["--session", "/nonexistent/x.json"], "--session"),
])
def test_bad_arguments_say_one_line(args, words, capsys):
    assert cli.main(["compare", *SMALL, *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert words in captured.err
    assert "Traceback" not in captured.err


def test_a_typed_function_with_its_minimum(capsys):
    assert cli.main(["compare", "--expr", "(x-1)**2 + 3*y**2", "--minimum", "1,0",
                     "--optimizer", "gd", *SMALL]) == 0
    assert "f* = 0" in capsys.readouterr().out


def test_a_failed_save_leaves_nothing_half_written(tmp_path, capsys):
    target = tmp_path / "missing" / "out.json"
    assert cli.main(["compare", "--optimizer", "gd", *SMALL, "--json", str(target)]) == 2
    assert not target.exists()
    assert capsys.readouterr().out == ""
