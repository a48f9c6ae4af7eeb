"""The export package and every command that draws nothing run without importing Qt.

Each probe runs in a fresh interpreter (this one has Qt loaded by the GUI tests) and reports
which Qt modules it imported.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from . import child_env

ROOT = Path(__file__).resolve().parents[2]
QT = ("PySide6", "pyqtgraph", "shiboken6")


def _qt_imported_by(code: str, cwd: Path) -> list[str]:
    """The Qt modules a fresh interpreter has imported after running ``code``."""
    probe = code + (
        "\nimport json, sys\n"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({QT!r}))))\n")
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=cwd, env=child_env(PYTHONPATH=path))
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_export_package_imports_without_qt(tmp_path):
    code = ("import beale_gui.export\n"
            "from beale_gui.export import animation, data, frames, gif, mp4, svg, targets\n")
    assert _qt_imported_by(code, tmp_path) == []


def test_commands_that_draw_nothing_never_import_qt(tmp_path):
    commands = [
        ["run", "--max-steps", "20", "--csv", "run.csv", "--json", "run.json"],
        ["export", "--out", "runs.csv", "--max-steps", "20"],
        ["export", "--out", "runs.json", "--max-steps", "20"],
        ["search", "--param", "lr=1e-3:1e-1:log", "--budget", "4", "--max-steps", "20",
         "--csv", "search.csv"],
        ["basins", "--grid", "3", "--max-steps", "20", "--csv", "basins.csv"],
        ["compare", "--optimizer", "gd", "--budget", "2", "--tuning-starts", "2", "--starts",
         "4", "--max-steps", "20", "--csv", "compare.csv", "--json", "compare.json"],
    ]
    refused = [["export", "--out", "fig.png", "--size", "huge"],   # parsed without Qt too
               ["export", "--out", "anim.gif", "--frames", "0"]]
    code = ("import contextlib, io\n"
            "from beale_gui import cli\n"
            f"for argv in {commands!r}:\n"
            "    with contextlib.redirect_stdout(io.StringIO()), "
            "contextlib.redirect_stderr(io.StringIO()):\n"
            "        assert cli.main(argv) == 0, argv\n"
            f"for argv in {refused!r}:\n"
            "    with contextlib.redirect_stderr(io.StringIO()):\n"
            "        assert cli.main(argv) == 2, argv\n")
    assert _qt_imported_by(code, tmp_path) == []
    for name in ("run.csv", "run.json", "runs.csv", "runs.json", "search.csv", "basins.csv",
                 "compare.csv", "compare.json"):
        assert (tmp_path / name).stat().st_size > 0, name
