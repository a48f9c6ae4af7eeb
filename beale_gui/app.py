"""Entry point: the window, or a headless command when one is given.

``beale-gui`` (or ``python -m beale_gui``, or ``python main.py``) opens the window;
``beale-gui SESSION.json`` opens the window on that session (a file manager's "Open with", the
desktop entry's ``%f``); ``beale-gui run|search|basins|export ...`` works headless.

Before Qt is started, :func:`display_problem` asks whether there is a display to open the
window on: without one Qt aborts the process (exit 134 and a core dump); here the launch ends
with status 2 and one line naming the command line, which needs no display.
"""

from __future__ import annotations

import ctypes
import os
import stat
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

NO_DISPLAY_STATUS = 2
_NEEDS = "Qt's X11 platform needs"
COMMAND_LINE_HINT = ("the command line works without one: beale-gui run|export|search|basins "
                     "(see --help)")


def _session_argument(argv: list[str]) -> Path | None:
    """The session file the window should open, when the only argument names one."""
    if len(argv) == 1 and not argv[0].startswith("-"):
        path = Path(argv[0])
        if path.suffix.lower() == ".json" or path.is_file():
            return path
    return None


def _requested_platforms(env: Mapping[str, str], qt_options: Sequence[str]) -> list[str]:
    """The Qt platforms asked for, in the order Qt tries them: ``-platform NAME`` among Qt's
    options, else ``QT_QPA_PLATFORM`` (``wayland;xcb``, ``xcb:option=value``); [] for Qt's
    default."""
    text = env.get("QT_QPA_PLATFORM", "")
    for i, option in enumerate(qt_options[:-1]):
        if option in ("-platform", "--platform"):
            text = qt_options[i + 1]
    names = (part.split(":", 1)[0].strip() for part in text.split(";"))
    return [name for name in names if name]


def _x11_problem(env: Mapping[str, str]) -> str | None:
    """Why Qt's xcb platform cannot connect to the X display, or None (it can, or no X library
    is there to ask, and Qt alone can tell). Connects as Qt would, through libxcb."""
    display = env.get("DISPLAY", "")
    if not display:
        return "DISPLAY is not set"
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return None
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)   # never NULL: an error object at worst
    failed = xcb.xcb_connection_has_error(connection)
    xcb.xcb_disconnect(connection)
    if failed:
        return f"cannot connect to the X display {display!r}"
    try:   # Qt's xcb platform will not load without it, and then aborts as well
        ctypes.CDLL("libxcb-cursor.so.0")
    except OSError:
        return f"{_NEEDS} libxcb-cursor.so.0, from the package libxcb-cursor0"
    return None


def _wayland_problem(env: Mapping[str, str]) -> str | None:
    """Why Qt's wayland platform finds no compositor, or None: the socket
    ``$XDG_RUNTIME_DIR/$WAYLAND_DISPLAY`` (or ``WAYLAND_DISPLAY`` as a path) must exist."""
    if env.get("WAYLAND_SOCKET"):   # a connection handed over by the compositor
        return None
    name = env.get("WAYLAND_DISPLAY", "")
    if not name:
        return "WAYLAND_DISPLAY is not set"
    if not (os.path.isabs(name) or env.get("XDG_RUNTIME_DIR")):
        return "XDG_RUNTIME_DIR is not set, where the Wayland socket would be"
    path = Path(name) if os.path.isabs(name) else Path(env["XDG_RUNTIME_DIR"]) / name
    try:
        if stat.S_ISSOCK(path.stat().st_mode):
            return None
    except OSError:
        pass
    return f"no Wayland compositor at {str(path)!r}"


def display_problem(env: Mapping[str, str] | None = None, qt_options: Sequence[str] = (),
                    platform: str = sys.platform) -> str | None:
    """Why the window has no display to open on, or None (it has, or Qt alone can tell).

    Only the platforms that need a display server are checked (X11's xcb and Wayland, which
    Qt's default tries in turn); one chosen on purpose, such as ``offscreen``, is left to Qt.
    Windows and macOS always have a display.
    """
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    env = os.environ if env is None else env
    for i, option in enumerate(qt_options[:-1]):
        if option in ("-display", "--display"):   # Qt's xcb option: this X display instead
            env = {**env, "DISPLAY": qt_options[i + 1]}
    requested = _requested_platforms(env, qt_options)
    checks = {"xcb": _x11_problem, "wayland": _wayland_problem}
    candidates = requested or ["wayland", "xcb"]
    reasons = []
    for name in candidates:
        check = checks.get("wayland" if name.startswith("wayland") else name)
        if check is None:
            return None
        reason = check(env)
        if reason is None:
            return None
        reasons.append(reason)
    if not requested and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        reasons = ["neither DISPLAY nor WAYLAND_DISPLAY is set"]
    missing_library = any(reason.startswith(_NEEDS) for reason in reasons)
    heading = "cannot open the window" if missing_library else "no display to open the window on"
    return f"{heading} ({'; '.join(reasons)})"


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    gui_options = argv[1:] if argv and argv[0] == "--gui" else None   # passed on to Qt
    session = None if gui_options is not None else _session_argument(argv)
    if argv and gui_options is None and session is None:
        from . import cli

        return cli.main(argv)
    problem = display_problem(qt_options=gui_options or ())
    if problem:
        print(f"beale-gui: {problem}; {COMMAND_LINE_HINT}", file=sys.stderr)
        return NO_DISPLAY_STATUS
    from .gui.main_window import run_app

    return run_app(gui_options, session=session)
