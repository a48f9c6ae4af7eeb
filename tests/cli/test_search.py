"""``python main.py search``: best configuration, top-10 table, CSV, clear errors."""

import csv

import pytest

from beale_gui import cli


def test_grid_search_prints_best_and_table_and_writes_csv(tmp_path, capsys):
    path = tmp_path / "s.csv"
    code = cli.main(["search", "--function", "beale", "--optimizer", "momentum", "--param",
                     "lr=1e-4:1e-1:log", "--param", "momentum=0.5:0.99", "--method", "grid",
                     "--budget", "100", "--objective", "final-loss", "--csv", str(path)])
    assert code == 0
    out = capsys.readouterr().out
    assert "best: lr=" in out
    table = out.split("\n\n", 1)[1].strip().splitlines()
    assert table[0].split() == ["rank", "lr", "momentum", "objective", "status", "round"]
    assert len(table) == 11
    rows = list(csv.DictReader(path.read_text().splitlines()))
    assert len(rows) == 100
    assert list(rows[0]) == ["lr", "momentum", "objective", "status", "round"]
    assert min(float(r["lr"]) for r in rows) == 1e-4
    assert max(float(r["lr"]) for r in rows) == 1e-1
    best = min(rows, key=lambda r: float(r["objective"]))
    assert f"lr={float(best['lr']):.6g}" in out


def test_random_starts_and_steps_objective(capsys):
    code = cli.main(["search", "--optimizer", "adam", "--param", "lr=1e-3:0.5:log", "--method",
                     "random", "--budget", "30", "--objective", "steps", "--tol", "1e-8",
                     "--random-starts", "3", "--seed", "4"])
    assert code == 0
    assert "x 3 start(s)" in capsys.readouterr().out


@pytest.mark.parametrize(("args", "word"), [
    (["--optimizer", "momentum"], "--param"),
    (["--optimizer", "momentum", "--param", "gamma=0:1"], "not a hyperparameter"),
    (["--optimizer", "momentum", "--param", "lr=0:1:log"], "log scale"),
    (["--optimizer", "momentum", "--param", "lr=1e-3"], "--param"),
    (["--optimizer", "momentum", "--optimizer", "adam", "--param", "lr=1e-3:1e-1"],
     "exactly one"),
    (["--optimizer", "adam", "--param", "lr=1e-3:1e-1", "--method", "bayes"], "unknown method"),
    (["--optimizer", "adam", "--param", "lr=1e-3:1e-1", "--objective", "auc"],
     "unknown objective"),
    (["--optimizer", "adam", "--param", "lr=1e-3:1e-1", "--budget", "0"], "budget"),
])
def test_bad_search_arguments_exit_2(args, word, capsys):
    assert cli.main(["search", *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert word in err[0]
