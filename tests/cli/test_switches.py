"""0/1 switches on the command line (``rmsprop:centered=1``, ``adam:maximize=true``): 0 or 1,
or false or true; anything else is one clear line."""

import pytest

from beale_gui import cli


def _last_lines(capsys, args) -> str:
    assert cli.main(["run", "--max-steps", "40", "--every", "40", *args]) == 0
    return capsys.readouterr().out.strip().splitlines()[-1]


@pytest.mark.parametrize(("word", "number"), [("true", "1"), ("TRUE", "1"), ("false", "0"),
                                              ("False", "0")])
def test_a_switch_takes_true_and_false_as_1_and_0(capsys, word, number):
    words = _last_lines(capsys, ["--optimizer", f"rmsprop:centered={word},maximize={word}"])
    numbers = _last_lines(capsys, ["--optimizer", f"rmsprop:centered={number},maximize={number}"])
    assert words == numbers


def test_maximize_climbs_from_the_command_line(capsys):
    down = _last_lines(capsys, ["--optimizer", "adam:lr=0.01"])
    up = _last_lines(capsys, ["--optimizer", "adam:lr=0.01,maximize=1"])
    assert float(up.split()[3]) > 26.496662 > float(down.split()[3])   # z from the start's


@pytest.mark.parametrize(("option", "word"), [
    ("adam:maximize=yes", "maximize is a switch: 0 or 1 (false or true), not 'yes'"),
    ("adam:lr=true", "Invalid lr: 'true' is not a number"),
    ("rmsprop:centered=2", "Invalid centered: 2 is outside [0, 1]"),
    ("lion:maximize=1", "unknown parameter 'maximize' for optimizer 'lion'"),
])
def test_a_bad_switch_is_one_line(capsys, option, word):
    assert cli.main(["run", "--optimizer", option]) == 2
    err = capsys.readouterr().err.strip()
    assert word in err
    assert len(err.splitlines()) == 1
