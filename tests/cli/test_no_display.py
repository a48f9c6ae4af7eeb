"""``python main.py`` (the window) with no display: status 2 and one line naming the command
line, instead of Qt's abort (status 134 and a core dump). Run in child processes, each with a
timeout, so a regression fails instead of hanging the suite."""

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from beale_gui import app

from . import child_env

ROOT = Path(__file__).resolve().parents[2]
LINUX = sys.platform.startswith("linux")
HINT = "the command line works without one: beale-gui run|export|search|basins (see --help)"


def _free_x_display() -> str:
    """An X display number that no server holds (no socket, no lock file)."""
    n = 4242
    while Path(f"/tmp/.X11-unix/X{n}").exists() or Path(f"/tmp/.X{n}-lock").exists():
        n += 1
    return f":{n}"


def _without_display(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in child_env().items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "QT_QPA_PLATFORM",
                        "XDG_SESSION_TYPE")}
    return {**env, **extra}


def _launch(env: dict[str, str], *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120)


@pytest.mark.skipif(not LINUX, reason="Windows and macOS always have a display")
@pytest.mark.parametrize("how", ["nothing set", "xcb with no DISPLAY", "xcb at a dead display",
                                 "wayland;xcb, neither there"])
@pytest.mark.parametrize("args", [[], ["talk.json"], ["--gui"]],
                         ids=["window", "window-on-a-session", "--gui"])
def test_the_window_without_a_display_exits_2_with_one_line(how, args, tmp_path):
    env = {"nothing set": _without_display(),
           "xcb with no DISPLAY": _without_display(QT_QPA_PLATFORM="xcb"),
           "xcb at a dead display": _without_display(QT_QPA_PLATFORM="xcb",
                                                     DISPLAY=_free_x_display()),
           "wayland;xcb, neither there": _without_display(
               QT_QPA_PLATFORM="wayland;xcb", WAYLAND_DISPLAY="wayland-4242",
               XDG_RUNTIME_DIR=str(tmp_path), DISPLAY=_free_x_display())}[how]
    done = _launch(env, *args, cwd=tmp_path)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("beale-gui: no display to open the window on (")
    assert lines[0].endswith(HINT)
    assert sorted(p.name for p in tmp_path.iterdir()) == []   # no core dump, nothing saved


@pytest.mark.skipif(not LINUX, reason="Windows and macOS always have a display")
def test_the_line_says_what_is_missing(tmp_path):
    nothing = _launch(_without_display(), cwd=tmp_path).stderr
    assert "(neither DISPLAY nor WAYLAND_DISPLAY is set)" in nothing
    dead = _free_x_display()
    xcb = _launch(_without_display(QT_QPA_PLATFORM="xcb", DISPLAY=dead), cwd=tmp_path).stderr
    assert f"(cannot connect to the X display '{dead}')" in xcb


@pytest.mark.skipif(not LINUX, reason="Windows and macOS always have a display")
def test_the_command_line_still_works_without_a_display(tmp_path):
    done = _launch(_without_display(), "run", "--max-steps", "3", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-2] == "Stopped at max steps"


# -- which platforms are checked (in process: display_problem reads the environment given) --

def test_a_platform_chosen_on_purpose_is_left_to_qt():
    for env in ({"QT_QPA_PLATFORM": "offscreen"}, {"QT_QPA_PLATFORM": "minimal"},
                {"QT_QPA_PLATFORM": "vnc:size=800x600"}, {"QT_QPA_PLATFORM": "xcb;offscreen"}):
        assert app.display_problem(env, platform="linux") is None, env
    assert app.display_problem({}, ["-platform", "offscreen"], platform="linux") is None


def test_windows_and_macos_are_not_asked():
    for platform in ("win32", "darwin"):
        assert app.display_problem({}, platform=platform) is None


def test_the_platform_option_given_to_qt_wins_over_the_environment():
    problem = app.display_problem({"QT_QPA_PLATFORM": "offscreen"}, ["-platform", "xcb"],
                                  platform="linux")
    assert problem == "no display to open the window on (DISPLAY is not set)"


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_wayland_socket_is_a_display(tmp_path):
    env = {"WAYLAND_DISPLAY": "wayland-7", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert "no Wayland compositor at" in app.display_problem(env, platform="linux")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "wayland-7"))
        assert app.display_problem(env, platform="linux") is None
        assert app.display_problem({"WAYLAND_DISPLAY": str(tmp_path / "wayland-7")},
                                   platform="linux") is None
    assert "XDG_RUNTIME_DIR is not set" in app.display_problem(
        {"WAYLAND_DISPLAY": "wayland-7", "QT_QPA_PLATFORM": "wayland"}, platform="linux")


def test_the_offscreen_platform_still_opens_the_window(monkeypatch):
    """The tests' own platform: main() goes on to the window (here a stand-in for it)."""
    from beale_gui.gui import main_window

    opened = []
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(main_window, "run_app", lambda argv, session: opened.append(
        (argv, session)) or 0)
    assert app.main([]) == 0
    assert app.main(["--gui", "-style", "fusion"]) == 0
    assert opened == [(None, None), (["-style", "fusion"], None)]


class _FakeXcb:
    """libxcb as ctypes shows it: ``xcb_connection_has_error`` answers ``error``."""

    def __init__(self, error: int):
        self.xcb_connect = lambda name, screen: 1
        self.xcb_connection_has_error = lambda connection: error
        self.xcb_disconnect = lambda connection: None


@pytest.mark.parametrize(("error", "cursor", "said"), [
    (1, True, "no display to open the window on (cannot connect to the X display ':5')"),
    (0, False, "cannot open the window (Qt's X11 platform needs libxcb-cursor.so.0, from the "
               "package libxcb-cursor0)"),
    (0, True, None),
], ids=["refused connection", "no xcb-cursor library", "a display"])
def test_the_x_display_is_asked_as_qt_asks_it(error, cursor, said, monkeypatch):
    """Through libxcb, as Qt's xcb platform connects; and Qt's xcb platform also needs
    libxcb-cursor, without which it aborts just the same."""
    def load(name):
        if name == "libxcb.so.1":
            return _FakeXcb(error)
        if name == "libxcb-cursor.so.0" and cursor:
            return object()
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(app.ctypes, "CDLL", load)
    assert app.display_problem({"DISPLAY": ":5", "QT_QPA_PLATFORM": "xcb"},
                               platform="linux") == said


def test_without_libxcb_qt_alone_can_tell(monkeypatch):
    def load(name):
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(app.ctypes, "CDLL", load)
    assert app.display_problem({"DISPLAY": ":5"}, platform="linux") is None


def test_the_display_option_given_to_qt_is_the_one_asked(monkeypatch):
    asked = []

    class Xcb(_FakeXcb):
        def __init__(self):
            super().__init__(1)
            self.xcb_connect = lambda name, screen: asked.append(name) or 1

    monkeypatch.setattr(app.ctypes, "CDLL", lambda name: Xcb())
    problem = app.display_problem({"DISPLAY": ":5"}, ["-display", ":9"], platform="linux")
    assert asked == [b":9"]
    assert "':9'" in problem
