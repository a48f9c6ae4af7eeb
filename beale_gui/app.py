"""Entry point: the window, or a headless command when one is given.

``beale-gui`` (or ``python -m beale_gui``, or ``python main.py``) opens the window;
``beale-gui SESSION.json`` opens the window on that session (a file manager's "Open with", the
desktop entry's ``%f``); ``beale-gui run|search|basins|export ...`` works headless.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def _session_argument(argv: list[str]) -> Path | None:
    """The session file the window should open, when the only argument names one."""
    if len(argv) == 1 and not argv[0].startswith("-"):
        path = Path(argv[0])
        if path.suffix.lower() == ".json" or path.is_file():
            return path
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    gui_options = argv[1:] if argv and argv[0] == "--gui" else None   # passed on to Qt
    session = None if gui_options is not None else _session_argument(argv)
    if argv and gui_options is None and session is None:
        from . import cli

        return cli.main(argv)
    from .gui.main_window import run_app

    return run_app(gui_options, session=session)
