"""The command line stays English whatever the interface language: a Korean system locale or
the window's language setting changes nothing a command prints (issue 17)."""

import subprocess
import sys
from pathlib import Path

from . import child_env

ROOT = Path(__file__).resolve().parents[2]
KOREAN = {"LANG": "ko_KR.UTF-8", "LC_ALL": "ko_KR.UTF-8", "LANGUAGE": "ko",
          "BEALE_GUI_LANGUAGE": "ko"}


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, env=child_env(**env))


def test_a_run_and_an_error_print_the_same_in_a_korean_locale():
    for args in (["run", "--optimizer", "adam:lr=0.1", "--start", "0.7,1.4", "--max-steps",
                  "50"],
                 ["run", "--optimizer", "adam:lr=-1"],          # refused, with the reason
                 ["run", "--function", "x +* y"],
                 ["basins", "--help"]):
        english, korean = _run(*args), _run(*args, **KOREAN)
        assert (korean.returncode, korean.stdout, korean.stderr) == (
            english.returncode, english.stdout, english.stderr), args
        assert not any("\uac00" <= c <= "\ud7a3" for c in korean.stdout + korean.stderr)
