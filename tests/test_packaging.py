"""The app as a user installs it: a wheel built from the sources, installed into a fresh virtual
environment, run from a folder outside the checkout. Every preset, the icon and the desktop entry
come with it; ``beale-gui``, ``python -m beale_gui`` and the window all work.

The wheel is built from a copy of the sources (so no stale ``build/`` folder of the checkout can
slip into it) without network (``--no-build-isolation``). The fresh environment holds only the
wheel; the dependencies (numpy, PySide6, ...) are the test environment's own, seen through a
``.pth`` line, so nothing is downloaded.
"""

import configparser
import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from beale_gui.resources import desktop_entry_path, icon_path, preset_paths

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("beale_gui", "pyproject.toml", "README.md")


def _run(args, cwd, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTHONPATH", None)
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600, **kwargs)
    assert done.returncode == 0, f"{args}:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtual environment with the built wheel installed; its python."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=ignore)
        else:
            shutil.copy2(ROOT / name, source / name)
    dist = work / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
          "--no-index", "--quiet", "--wheel-dir", dist, source], cwd=work)
    wheels = list(dist.glob("beale_gui-*.whl"))
    assert len(wheels) == 1, wheels

    venv = work / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=work)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps",
          "--no-index", "--quiet", wheels[0]], cwd=work)
    # the dependencies: this environment's packages, after the venv's own (which has the wheel)
    purelib = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                   cwd=work).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"],
            *site.getsitepackages()}
    Path(purelib, "zz-test-dependencies.pth").write_text(
        "\n".join(sorted(p for p in ours if Path(p).is_dir())) + "\n")
    return python


@pytest.fixture
def outside(tmp_path) -> Path:
    """A working folder that is not the checkout (so ``import beale_gui`` cannot find it)."""
    assert ROOT not in tmp_path.parents
    return tmp_path


def test_the_checkout_carries_every_resource_in_the_package():
    names = [p.name for p in preset_paths()]
    assert names == sorted(p.name for p in (ROOT / "beale_gui/resources/presets").glob("*.json"))
    assert len(names) == 14
    assert icon_path().read_text().lstrip().startswith("<?xml")
    assert desktop_entry_path().is_file()


def test_the_desktop_entry_names_the_command_and_the_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str     # keys are case-sensitive
    entry.read(desktop_entry_path(), encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "beale-gui"
    assert section["Icon"] == icon_path().stem == "beale-gui"
    assert section["Categories"].endswith(";")
    assert section["Terminal"] == "false"


def test_the_installed_wheel_has_every_preset_and_runs_outside_the_checkout(installed, outside):
    probe = (
        "import json, beale_gui\n"
        "from beale_gui.core.session_load import load_session\n"
        "from beale_gui.resources import preset_paths, icon_path, desktop_entry_path\n"
        "paths = preset_paths()\n"
        "sessions = [load_session(p) for p in paths]   # each one checked as the window does\n"
        "from beale_gui.resources import resource_path\n"
        "print(json.dumps({'file': beale_gui.__file__, 'presets': [str(p) for p in paths],\n"
        "                  'icon': str(icon_path()), 'desktop': str(desktop_entry_path()),\n"
        "                  'korean': str(resource_path('i18n/beale_gui_ko.qm')),\n"
        "                  'loaded': len(sessions)}))\n")
    found = json.loads(_run([installed, "-c", probe], cwd=outside).stdout)
    venv = installed.parents[1]
    assert Path(found["file"]).is_relative_to(venv)
    assert [Path(p).name for p in found["presets"]] == [p.name for p in preset_paths()]
    assert found["loaded"] == len(preset_paths()) == 14
    for key in ("icon", "desktop", "korean"):     # the Korean interface's catalogue too
        assert Path(found[key]).is_relative_to(venv)
        assert Path(found[key]).is_file()
    assert Path(found["korean"]).read_bytes() == (
        ROOT / "beale_gui/resources/i18n/beale_gui_ko.qm").read_bytes()


@pytest.mark.parametrize("how", ["console script", "python -m"])
def test_the_installed_command_line_reproduces_the_seeds_run(installed, outside, how):
    command = ([installed.parent / "beale-gui"] if how == "console script"
               else [installed, "-m", "beale_gui"])
    done = _run([*command, "run", "--function", "beale", "--optimizer", "gd:lr=0.01",
                 "--start", "0.7,1.4", "--max-steps", "1000", "--tol", "1e-5"], cwd=outside)
    assert "Enough convergence" in done.stdout
    preset = next(p for p in preset_paths() if "seed-gd" in p.name)
    from_preset = _run([*command, "run", "--session", preset], cwd=outside)
    assert from_preset.stdout == done.stdout


def test_the_installed_window_lists_every_preset(installed, outside):
    probe = (
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from beale_gui.gui.main_window import MainWindow\n"
        "app = QApplication([])\n"
        "w = MainWindow(QSettings('layout.ini', QSettings.Format.IniFormat), restore=False)\n"
        "w.show()\n"
        "print(len(w.sessions.menu_presets.actions()), w.sessions.menu_presets.isEnabled(),\n"
        "      w.windowIcon().isNull())\n"
        "w.close()\n")
    done = _run([installed, "-c", probe], cwd=outside)
    assert done.stdout.split() == [str(len(preset_paths())), "True", "False"]
