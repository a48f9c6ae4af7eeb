"""Every command's ``--help`` states the defaults the command really uses: each is read from
the help text and compared with what a run without the option did."""

import json
import re

import pytest

from beale_gui import cli
from beale_gui.core import basins, search

COMMANDS = ("run", "search", "basins", "export")


def _sub(command: str):
    parser = cli.build_parser()
    return next(a for a in parser._actions if a.dest == "command").choices[command]


def _help(command: str, option: str) -> str:
    action = next(a for a in _sub(command)._actions if option in a.option_strings)
    return action.help


def _stated(command: str, option: str) -> str:
    """The default the help of ``option`` states: ``(default X, ...)`` or ``(X)``."""
    text = _help(command, option)
    found = (re.search(r"\bdefault ([^\s;)]+?)(?:,\s|;|\)|\s|$)", text)
             or re.search(r"\(([^()]+)\)$", text))
    assert found, f"{command} {option}: the help states no default: {text!r}"
    return found.group(1)


def _session(tmp_path, **over) -> str:
    d = {"format": "beale-gui-session", "version": 1, "function": {"name": "beale"},
         "optimizers": [{"name": "gd", "hparams": {"lr": 0.005}}], "starts": [[1.0, 1.0]]}
    d.update(over)
    path = tmp_path / "s.json"
    path.write_text(json.dumps(d))
    return str(path)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_parser_default_is_the_one_the_help_states(command):
    """Where argparse holds the default (--every, --budget, --method, --grid...), the help
    names it."""
    for action in _sub(command)._actions:
        if action.help and action.default not in (None, False, "==SUPPRESS=="):
            assert f"{action.default}" in action.help, (command, action.option_strings)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_of_the_experiment_states_its_default(command):
    for option in ("--function", "--optimizer", "--start", "--max-steps", "--tol", "--schedule",
                   "--batch-size", "--noise", "--seed"):
        _stated(command, option)


@pytest.mark.parametrize("command", ["run", "export"])
def test_run_and_export_use_the_stated_defaults(command, tmp_path, capsys):
    path = tmp_path / "r.json"
    argv = ["run", "--json", str(path)] if command == "run" else ["export", "--out", str(path)]
    assert cli.main(argv) == 0
    capsys.readouterr()
    data = json.loads(path.read_text())
    assert data["max_steps"] == int(_stated(command, "--max-steps"))
    assert data["tol"] == float(_stated(command, "--tol"))
    assert data["seed"] == int(_stated(command, "--seed"))
    assert data["function"]["name"] == _stated(command, "--function")
    assert data["starts"] == [[float(v) for v in _stated(command, "--start").split(",")]]
    (optimizer,) = data["optimizers"]
    assert f"{optimizer['name']}:lr={optimizer['hparams']['lr']:g}" == \
        _stated(command, "--optimizer")
    assert (optimizer.get("schedule") or {"name": "constant"})["name"] == \
        _stated(command, "--schedule")


def test_run_takes_max_steps_and_tol_from_a_session_as_its_help_says(tmp_path, capsys):
    assert "or the session's" in _help("run", "--max-steps")
    assert "or the session's" in _help("run", "--tol")
    out = tmp_path / "r.json"
    assert cli.main(["run", "--session", _session(tmp_path, max_steps=7, tol=1e-3), "--json",
                     str(out)]) == 0
    capsys.readouterr()
    data = json.loads(out.read_text())
    assert (data["max_steps"], data["tol"]) == (7, 1e-3)


def _captured(monkeypatch, module, name: str) -> dict:
    """Wrap ``module.name`` to record the keywords of its call."""
    calls = {}
    real = getattr(module, name)

    def spy(*args, **kwargs):
        calls.update(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return calls


@pytest.mark.parametrize("with_session", [False, True], ids=["alone", "with-a-session"])
def test_search_uses_the_stated_max_steps_whatever_a_session_says(with_session, tmp_path,
                                                                 capsys, monkeypatch):
    """The finding: search --help said max steps 1000, and a search ran 500."""
    calls = _captured(monkeypatch, search, "search")
    session = ["--session", _session(tmp_path, max_steps=77)] if with_session else []
    assert cli.main(["search", *session, "--param", "lr=1e-3:1e-2", "--budget", "2"]) == 0
    stated = _stated("search", "--max-steps")
    assert calls["max_steps"] == int(stated) == 500
    assert f", {stated} steps," in capsys.readouterr().out.splitlines()[0]
    assert "whatever a session says" in _help("search", "--max-steps")
    assert calls["tol"] == float(_stated("search", "--tol"))


@pytest.mark.parametrize("with_session", [False, True], ids=["alone", "with-a-session"])
def test_basins_uses_the_stated_tolerance_whatever_a_session_says(with_session, tmp_path,
                                                                 capsys, monkeypatch):
    calls = _captured(monkeypatch, basins, "basin_map")
    session = ["--session", _session(tmp_path, tol=1e-3)] if with_session else []
    assert cli.main(["basins", *session, "--grid", "2", "--max-steps", "20"]) == 0
    capsys.readouterr()
    assert calls["tol"] == float(_stated("basins", "--tol")) == basins.DEFAULT_TOL
    assert "whatever a session says" in _help("basins", "--tol")


def test_basins_max_steps_is_the_stated_default(capsys, monkeypatch):
    calls = _captured(monkeypatch, basins, "basin_map")
    assert cli.main(["basins", "--grid", "2"]) == 0
    assert calls["max_steps"] == int(_stated("basins", "--max-steps"))
    assert f", {calls['max_steps']} steps" in capsys.readouterr().out.splitlines()[0]


def test_the_stochastic_defaults_are_the_ones_stated(tmp_path, capsys):
    out = tmp_path / "r.json"
    assert cli.main(["run", "--noise", "0.5", "--max-steps", "3", "--json", str(out)]) == 0
    assert cli.main(["run", "--batch-size", "2", "--max-steps", "3", "--json",
                     str(tmp_path / "b.json")]) == 0
    capsys.readouterr()
    noisy = json.loads(out.read_text())["optimizers"][0]["stochastic"]
    batched = json.loads((tmp_path / "b.json").read_text())["optimizers"][0]["stochastic"]
    assert noisy["batch_size"] == int(_stated("run", "--batch-size"))
    assert batched["noise"] == float(_stated("run", "--noise"))
