"""``python main.py check-optimizer`` and torch classes on the command line (issue 27)."""

import subprocess
import sys
from pathlib import Path

import pytest

from beale_gui import cli

from . import child_env

ROOT = Path(__file__).resolve().parents[2]


def _main(argv, capsys):
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_same_optimizer_agrees_and_exits_0(capsys):
    code, out, err = _main(["check-optimizer", "--optimizer", "momentum:lr=0.01",
                            "--reference", "momentum:lr=0.01", "--max-steps", "50"], capsys)
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == "momentum(lr=0.01) against momentum(lr=0.01): 4 starts, 50 steps"
    assert [line.split(":")[0] for line in lines[1:4]] == ["beale", "rosenbrock", "himmelblau"]
    assert all(": agree — " in line for line in lines[1:4])
    assert lines[-1] == "agree"


def test_another_setting_disagrees_and_exits_1(capsys):
    code, out, _ = _main(["check-optimizer", "--optimizer", "adam:lr=0.05", "--reference",
                          "adam:lr=0.05,beta1=0.8", "--function", "rosenbrock", "--start",
                          "-1.5,2", "--max-steps", "30"], capsys)
    assert code == 1
    assert "rosenbrock: disagree" in out
    assert "the paths first part at step 2" in out     # beta1 enters with the second step
    assert out.splitlines()[-1] == "disagree"


@pytest.mark.parametrize(("argv", "says"), [
    (["--optimizer", "nosuch", "--reference", "gd"], "--optimizer nosuch: unknown optimizer"),
    (["--optimizer", "gd", "--reference", "nosuch"], "--reference nosuch: unknown optimizer"),
    (["--optimizer", "gd", "--reference", "gd", "--function", "nosuch"], "--function:"),
    (["--optimizer", "gd"], "--reference"),
])
def test_bad_arguments_are_one_line(argv, says, capsys):
    code, out, err = _main(["check-optimizer", *argv], capsys)
    assert code == 2
    assert out == ""
    assert says in err
    assert len(err.strip().splitlines()) == 1


def test_torch_adam_agrees_with_adam(capsys):
    """The issue's done-when."""
    pytest.importorskip("torch")
    code, out, _ = _main(["check-optimizer", "--optimizer", "torch:torch.optim.Adam:lr=0.05",
                          "--reference", "adam:lr=0.05"], capsys)
    assert code == 0, out
    assert out.splitlines()[-1] == "agree"


def test_a_torch_class_runs_and_takes_a_tuple(capsys):
    pytest.importorskip("torch")
    code, out, _ = _main(["run", "--optimizer", "torch:torch.optim.Adam:lr=0.05,betas=0.8/0.99",
                          "--start", "0.7,1.4", "--max-steps", "300"], capsys)
    assert code == 0
    _, same, _ = _main(["run", "--optimizer", "adam:lr=0.05,beta1=0.8,beta2=0.99", "--start",
                        "0.7,1.4", "--max-steps", "300"], capsys)
    assert out == same          # the printed lines, 5 decimals: to rounding, the same path


def test_lion_from_pytorch_optimizer_runs(capsys):
    pytest.importorskip("pytorch_optimizer")
    code, out, err = _main(["run", "--function", "rosenbrock", "--optimizer",
                            "torch:pytorch_optimizer.Lion:lr=1e-3", "--start", "-1.5,2",
                            "--max-steps", "200"], capsys)
    assert code == 0, err
    assert out.splitlines()[-1].startswith("steps: 200")


@pytest.mark.parametrize(("spec", "says"), [
    ("torch:no_such_module_xyz.Adam", "cannot import no_such_module_xyz"),
    ("torch:torch.optim.Nope", "torch.optim has no Nope"),
    ("torch:torch.nn.Linear", "is not a torch.optim.Optimizer"),
    ("torch:torch.optim.Adam:momentum=0.9", "unknown parameter 'momentum'"),
    ("torch:torch.optim.Adam:betas=0.9", "betas takes 2 values written N/N"),
    ("torch:torch.optim.Adam:betas=2/0.9", "Invalid beta parameter at index 0"),
])
def test_bad_torch_names_are_one_line(spec, says, capsys):
    pytest.importorskip("torch")
    code, out, err = _main(["run", "--optimizer", spec, "--max-steps", "3"], capsys)
    assert code == 2
    assert out == ""
    assert says in err
    assert len(err.strip().splitlines()) == 1


def test_the_readme_shows_what_the_command_prints(capsys):
    pytest.importorskip("torch")
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("$ python main.py check-optimizer ", 1)[1].split("```", 1)[0]
    args, _, shown = block.partition("\n")
    code, out, _ = _main(["check-optimizer", *args.split()], capsys)
    assert code == 0
    assert out == shown


def test_torch_is_imported_only_when_a_torch_name_is_used():
    code = ("import sys\n"
            "from beale_gui import cli\n"
            "assert cli.main(['check-optimizer', '--optimizer', 'adam', '--reference', 'adam',"
            " '--max-steps', '3']) == 0\n"
            "assert cli.main(['run', '--optimizer', 'adam:lr=0.05', '--max-steps', '3']) == 0\n"
            "assert 'torch' not in sys.modules, 'torch imported'\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, env=child_env(), timeout=120)
    assert done.returncode == 0, done.stderr


@pytest.mark.usefixtures("no_plugins")
def test_a_plug_in_is_checked_against_a_built_in(capsys, tmp_path):
    path = tmp_path / "plain_gd.py"
    path.write_text("PARAMS = {'lr': (0.01, 1e-8, 10.0)}\n"
                    "def init(n, hp):\n    return {}\n"
                    "def update(w, g, state, hp, lr, t):\n    return w - lr * g\n")
    code, out, _ = _main(["check-optimizer", "--optimizer-file", str(path), "--optimizer",
                          "plain_gd:lr=0.01", "--reference", "gd:lr=0.01", "--max-steps", "40"],
                         capsys)
    assert code == 0
    assert out.splitlines()[-1] == "agree"
    code, out, _ = _main(["check-optimizer", "--optimizer-file", str(path), "--optimizer",
                          "plain_gd:lr=0.01", "--reference", "gd:lr=0.02", "--function", "beale",
                          "--max-steps", "40"], capsys)
    assert code == 1
    assert "beale: disagree" in out
