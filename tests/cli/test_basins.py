"""``python main.py basins``: outcome counts, CSV, clear errors."""

import csv

import pytest

from beale_gui import cli


def test_himmelblau_basins_with_csv(tmp_path, capsys):
    path = tmp_path / "b.csv"
    code = cli.main(["basins", "--function", "himmelblau", "--optimizer", "adam:lr=0.05",
                     "--grid", "30", "--max-steps", "2000", "--csv", str(path)])
    assert code == 0
    out = capsys.readouterr().out
    assert out.count("min ") == 4
    rows = list(csv.DictReader(path.read_text().splitlines()))
    assert len(rows) == 900
    assert list(rows[0]) == ["x0", "y0", "outcome", "steps", "final_x", "final_y", "final_loss"]
    assert len({r["outcome"] for r in rows if r["outcome"].startswith("min")}) == 4


def test_custom_expression_basins(capsys):
    code = cli.main(["basins", "--expr", "(x**2 - 1)**2 + y**2", "--optimizer", "gd:lr=0.05",
                     "--grid", "20", "--max-steps", "500"])
    assert code == 0
    assert capsys.readouterr().out.count("cluster ") == 2


@pytest.mark.parametrize(("args", "word"), [
    (["--grid", "1"], "--grid"),
    (["--grid", "5000"], "--grid"),
    (["--optimizer", "gd", "--optimizer", "adam"], "exactly one"),
    (["--expr", "x +* y"], "--expr"),
    (["--expr", "__import__('os')"], "--expr"),
])
def test_bad_basins_arguments_exit_2(args, word, capsys):
    assert cli.main(["basins", *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert word in err[0]
