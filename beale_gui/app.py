"""Entry point: the window, or a headless command when one is given."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in ("--gui",):
        from . import cli

        return cli.main(argv)
    from .gui.main_window import run_app

    return run_app(argv[1:])
