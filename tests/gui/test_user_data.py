"""Where the window keeps the user's data, and what happens when it cannot.

The session is kept for the next launch a few seconds after each change (not only on close, so a
crash loses little); a location that cannot be written is reported once, not at every change, and
the window keeps everything, so File > Save still saves it elsewhere.
"""

import logging

import pytest

from beale_gui.app import _session_argument
from beale_gui.core.session_load import load_session
from beale_gui.gui.controllers import autosave
from beale_gui.gui.controllers.autosave import autosave_path
from beale_gui.resources import preset_paths

from .helpers import new_window, open_window, settings_in

WAIT = 15_000
NOT_KEPT = "cannot be kept for the next launch"


@pytest.fixture
def quick_autosave(monkeypatch):
    """Autosave 50 ms after a change rather than seconds (the tests wait on the file)."""
    monkeypatch.setattr(autosave, "AUTOSAVE_DELAY_MS", 50)


def _reports(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if NOT_KEPT in r.getMessage()]


def test_a_change_is_kept_for_the_next_launch_while_the_window_is_open(qtbot, tmp_path,
                                                                        quick_autosave):
    w = open_window(qtbot, settings_in(tmp_path))
    path = autosave_path(settings_in(tmp_path))
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.document.add_start(2.0, 2.0)
    qtbot.waitUntil(lambda: not w.sessions.autosave.pending, timeout=WAIT)
    kept = load_session(path).experiment.starts
    assert kept.tolist() == w.starts().tolist()
    assert len(kept) == 2
    w.close()


def test_an_unwritable_autosave_location_is_reported_once_and_loses_nothing(
        qtbot, tmp_path, quick_autosave, caplog):
    caplog.set_level(logging.INFO)
    blocked = autosave_path(settings_in(tmp_path))
    blocked.mkdir()      # a folder where the file should be: no one can replace it, not even root
    w = open_window(qtbot, settings_in(tmp_path))
    for x in (2.0, 2.5, -1.0):
        with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
            w.document.add_start(x, 1.0)
        qtbot.waitUntil(lambda: not w.sessions.autosave.pending, timeout=WAIT)
    reports = _reports(caplog)
    assert len(reports) == 1, reports
    assert str(blocked) in reports[0]
    assert "File > Save session" in w.sessions.autosave.last_message
    assert len(w.starts()) == 4                       # nothing lost in the window
    assert w.sessions.save_to(tmp_path / "kept.json")
    assert len(load_session(tmp_path / "kept.json").experiment.starts) == 4
    w.close()                                         # closing says nothing more
    assert len(_reports(caplog)) == 1
    assert blocked.is_dir()


def test_a_later_failure_is_reported_again_after_the_location_recovered(
        qtbot, tmp_path, quick_autosave, caplog):
    blocked = autosave_path(settings_in(tmp_path))
    blocked.mkdir()
    w = open_window(qtbot, settings_in(tmp_path))
    assert not w.sessions.autosave.save()
    blocked.rmdir()
    assert w.sessions.autosave.save()
    assert blocked.is_file()
    blocked.unlink()
    blocked.mkdir()
    assert not w.sessions.autosave.save()
    assert len(_reports(caplog)) == 2
    w.close()


def test_a_session_named_at_launch_opens_instead_of_the_last_one(qtbot, tmp_path):
    preset = next(p for p in preset_paths() if "himmelblau" in p.name)
    w = new_window(settings_in(tmp_path))
    w.sessions.open_at_launch(preset)
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.show()
    qtbot.waitUntil(lambda: w.document.function.name == "himmelblau", timeout=WAIT)
    assert w.sessions.path == preset
    assert w.windowTitle().startswith(preset.name)
    w.close()


def test_a_session_named_at_launch_that_cannot_be_read_says_why(qtbot, tmp_path):
    w = new_window(settings_in(tmp_path))
    w.sessions.open_at_launch(tmp_path / "missing.json")
    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.show()
    qtbot.waitUntil(lambda: "missing.json was not opened" in w.sessions.last_message,
                    timeout=WAIT)
    assert w.document.function.name == "beale"
    w.close()


@pytest.mark.parametrize(("argv", "session"), [
    (["talk.json"], "talk.json"), (["run"], None), (["rn"], None), (["--help"], None),
    (["a.json", "b.json"], None), ([], None)])
def test_the_launcher_takes_one_session_file_as_its_argument(argv, session):
    found = _session_argument(argv)
    assert (str(found) if found else None) == session
