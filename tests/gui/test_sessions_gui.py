"""Sessions in the window (offscreen): File menu entries, save and open round trips, the title's
modified marker, refused files that change nothing, failed saves that keep the old file,
presets, recent files, the autosave restored at launch, and the memory limit's message."""

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from beale_gui.core.engine import OptimizerConfig
from beale_gui.core.schedules import ScheduleConfig
from beale_gui.core.session_load import load_experiment, load_session
from beale_gui.document import Document, OptimizerEntry, session_of
from beale_gui.export.data import write_json
from beale_gui.gui.controllers import autosave
from beale_gui.gui.controllers.autosave import autosave_path
from beale_gui.resources import preset_paths

from .helpers import open_window, settings_in

WAIT = 15_000
ROOT = Path(__file__).resolve().parents[2]
PRESETS = preset_paths()
REFUSED = "corrupt session files refused"
KEPT = "failed writes with the old file intact"


@pytest.fixture
def window(window):
    """The shared window (tests/gui/conftest.py), asking no modal question."""
    window.sessions.ask_discard = lambda: True
    return window


def _fingerprint(w) -> dict:
    d = session_of(w.document).to_dict()
    d.pop("view")
    return d


def _edit(qtbot, w):
    """Change the function, an optimizer, a colour, an enabled flag and the start points."""
    state = w.document
    entries = [OptimizerEntry(OptimizerConfig("adam", {"lr": 0.1, "beta1": 0.8},
                                              ScheduleConfig("step", {"step_size": 50})),
                              "#123456"),
               dataclasses.replace(state.entries[1], enabled=False)]
    from beale_gui.core.functions import get_function

    with qtbot.waitSignal(w.runs_ready, timeout=WAIT):
        w.document.update(function=get_function("himmelblau"), entries=entries, max_steps=300,
                          tol=1e-8, seed=9)
        w.set_starts(np.array([[0.5, 0.5], [-1.0, -2.0]]))


def test_the_file_menu_has_the_session_entries_above_quit(window):
    actions = window.menu_file.actions()
    texts = [a.text().replace("&", "") for a in actions]
    quit_at = actions.index(window.action_quit)
    for text, keys in (("New session", "Ctrl+N"), ("Open session\u2026", "Ctrl+O"),
                       ("Save session", "Ctrl+S"), ("Save session as\u2026", "Ctrl+Shift+S"),
                       ("Open recent", ""), ("Presets", "")):
        assert text in texts
        assert texts.index(text) < quit_at
        if keys:
            assert actions[texts.index(text)].shortcut().toString() == keys
    titles = [a.text() for a in window.sessions.menu_presets.actions()]
    assert titles[0] == "Gradient descent on Beale, step by step"   # plain words (issue 15)
    assert len(titles) == len(PRESETS)
    assert window.windowTitle() == "Untitled[*] \u2014 Beale GUI"
    assert not window.isWindowModified()


def test_save_and_open_round_trip_everything(qtbot, window, tmp_path):
    _edit(qtbot, window)
    window.canvas.fit_view(((-2.0, 3.0), (-3.0, 1.0)))
    saved_view = window.canvas.view_extent()
    path = tmp_path / "mine.json"
    assert window.sessions.save_to(path)
    assert window.windowTitle() == "mine.json[*] \u2014 Beale GUI"
    assert not window.isWindowModified()
    before = _fingerprint(window)

    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.sessions.new_session()
    assert _fingerprint(window) != before
    assert window.windowTitle().startswith("Untitled")

    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        assert window.sessions.open_path(path)
    assert _fingerprint(window) == before
    state = window.document
    assert state.function.name == "himmelblau"
    assert [e.colour for e in state.entries][0] == "#123456"
    assert [e.enabled for e in state.entries] == [True, False]
    assert state.entries[0].config.schedule.name == "step"
    assert (state.max_steps, state.tol, state.seed) == (300, 1e-8, 9)
    np.testing.assert_array_equal(window.starts(), [[0.5, 0.5], [-1.0, -2.0]])
    np.testing.assert_allclose(window.canvas.view_extent(), saved_view, rtol=1e-6, atol=1e-6)
    assert window.result().n_runs == 2     # the enabled optimizer from both starts
    assert window.windowTitle() == "mine.json[*] \u2014 Beale GUI"
    assert not window.isWindowModified()


def test_a_session_without_start_points_or_a_usable_view_round_trips(qtbot, window,
                                                                      tmp_path):
    window.set_starts(np.zeros((0, 2)))
    window.canvas.fit_view(((1.0, 1.0 + 1e-13), (0.0, 1e-13)))   # zoomed in to nothing
    path = tmp_path / "empty.json"
    assert window.sessions.save_to(path)
    assert json.loads(path.read_text())["starts"] == []
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.sessions.new_session()
    assert window.sessions.open_path(path)
    assert window.starts().shape == (0, 2)
    assert window.result() is None
    assert not window.isWindowModified()


def test_an_edit_marks_the_session_modified_and_saving_clears_it(qtbot, window, tmp_path):
    path = tmp_path / "s.json"
    assert window.sessions.save_to(path)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.add_start(1.0, -1.0)
    assert window.isWindowModified()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.document.remove_start(1)
    assert not window.isWindowModified()     # back as saved
    window.panel.boxes[0].enable_box.setChecked(False)
    qtbot.waitUntil(window.isWindowModified, timeout=WAIT)
    window.sessions.action_save.trigger()
    assert not window.isWindowModified()
    assert load_session(path).enabled[0] is False


BAD_FILES = {
    "empty": (b"", "is empty"),
    "truncated": (None, "is truncated"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),
    "garbage": (b"hello, world", "is not valid JSON"),
    "a list": (b"[1, 2]", "not a Beale GUI session"),
    "future version": ("version", 7, "version 7 is newer than this program reads"),
    "wrong type": ("max_steps", "many", "max_steps: expected a number, got a string"),
    "out of range": ("tol", -1, "Invalid tol"),
    "bad colour": ("colour", "blue", "expected #rrggbb"),
    "variants": ("lr", [0.1, 0.2], "the window takes one value per hyperparameter"),
    "unknown function": ("function", {"name": "bael"}, "unknown function 'bael'"),
}


def _bad_file(tmp_path, kind) -> tuple[Path, str]:
    spec = BAD_FILES[kind]
    preset = json.loads(PRESETS[0].read_text())
    path = tmp_path / "bad.json"
    if len(spec) == 2:
        content, words = spec
        path.write_bytes(PRESETS[2].read_bytes()[:300] if content is None else content)
        return path, words
    key, value, words = spec
    if key == "colour":
        preset["optimizers"][0]["colour"] = value
    elif key == "lr":
        preset["optimizers"][0]["hparams"]["lr"] = value
    else:
        preset[key] = value
    path.write_text(json.dumps(preset))
    return path, words


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_refused_file_changes_nothing_and_says_why(qtbot, window, tmp_path, kind,
                                                     reliability_figures):
    _edit(qtbot, window)
    good = tmp_path / "good.json"
    window.sessions.save_to(good)
    window.document.add_start(2.0, 2.0)        # unsaved: modified
    before = (_fingerprint(window), window.windowTitle(), window.isWindowModified(),
              window.canvas.view_extent(), window.sessions.path)
    path, words = _bad_file(tmp_path, kind)
    assert not window.sessions.open_path(path)
    after = (_fingerprint(window), window.windowTitle(), window.isWindowModified(),
             window.canvas.view_extent(), window.sessions.path)
    assert after == before
    message = window.sessions.last_message
    assert "bad.json was not opened" in message
    assert words in message
    assert "Nothing was changed" in message
    assert words in window.statusBar().currentMessage()
    assert str(path.resolve()) not in window.sessions.recent_files()
    reliability_figures[REFUSED] = reliability_figures.get(REFUSED, 0) + 1


@pytest.mark.parametrize("failure", ["replace", "fsync", "missing folder"])
def test_a_failed_save_keeps_the_old_file_and_says_why(qtbot, window, tmp_path, monkeypatch,
                                                       failure, reliability_figures):
    import beale_gui.core.fileio as fileio

    path = tmp_path / "s.json"
    assert window.sessions.save_to(path)
    old = path.read_bytes()
    window.document.add_start(2.0, 2.0)
    if failure == "replace":
        def fail(*_):
            raise OSError(13, "Permission denied")
        monkeypatch.setattr(fileio.os, "replace", fail)
        target, words = path, "Permission denied"
    elif failure == "fsync":
        def fail(*_):
            raise OSError(28, "No space left on device")
        monkeypatch.setattr(fileio.os, "fsync", fail)
        target, words = path, "No space left on device"
    else:
        target, words = tmp_path / "gone" / "s.json", "does not exist"
    assert not window.sessions.save_to(target)
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".ini") == ["s.json"]
    message = window.sessions.last_message
    assert words in message
    assert "was not saved" in message
    if target.parent.exists():
        assert "The old file is unchanged" in message
    assert window.isWindowModified()          # still unsaved
    assert window.sessions.path == path
    reliability_figures[KEPT] = reliability_figures.get(KEPT, 0) + 1


def test_a_data_export_opens_as_a_session_and_replays_the_same_runs(qtbot, window, tmp_path):
    exp = load_experiment(next(p for p in PRESETS if "noisy" in p.name))
    result = exp.run()
    data = tmp_path / "runs.json"
    write_json(exp, result, data)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        assert window.sessions.open_path(data)
    shown = window.result()
    np.testing.assert_array_equal(shown.paths, result.paths)
    np.testing.assert_array_equal(shown.stop_step, result.stop_step)
    assert window.windowTitle() == "runs (data)[*] \u2014 Beale GUI"
    assert window.sessions.path is None      # Save asks for a new file: the data stays
    asked = []
    window.sessions.ask_save_path = lambda: asked.append(1) or ""
    window.sessions.action_save.trigger()
    assert asked
    assert json.loads(data.read_text())["runs"]


@pytest.mark.parametrize("path", PRESETS, ids=[p.stem for p in PRESETS])
def test_every_preset_loads_from_the_menu(qtbot, window, path):
    session = load_session(path)
    action = next(a for a in window.sessions.menu_presets.actions()
                  if a.text() == session.title)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        action.trigger()
    result = window.result()
    exp = session.experiment
    assert result.n_runs == len(exp.optimizers) * len(exp.starts)
    assert [e.colour for e in window.document.entries] == exp.colours
    assert window.windowTitle() == f"{session.title}[*] \u2014 Beale GUI"
    assert not window.isWindowModified()
    assert window.sessions.path is None
    np.testing.assert_array_equal(result.paths, session.runnable().run().paths)
    if exp.view is not None:
        (x0, x1), (y0, y1) = window.canvas.view_extent()
        (vx0, vx1), (vy0, vy1) = exp.view
        assert x0 <= vx0 + 1e-9
        assert x1 >= vx1 - 1e-9
        assert y0 <= vy0 + 1e-9
        assert y1 >= vy1 - 1e-9
        assert (y1 - y0) < 2 * (vy1 - vy0) or (x1 - x0) < 2 * (vx1 - vx0)


def test_the_seed_gd_preset_converges_at_step_516_in_the_window(qtbot, window):
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.sessions.load_preset(window.sessions.presets[0])
    assert int(window.result().stop_step[0]) == 516


def test_recent_files_are_listed_and_a_vanished_one_is_dropped(qtbot, window, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    window.sessions.save_to(a)
    window.sessions.save_to(b)
    recent = window.sessions.recent_files()
    assert recent[:2] == [str(b.resolve()), str(a.resolve())]
    entries = [x.text() for x in window.sessions.menu_recent.actions() if x.text()]
    assert entries[:2] == ["&1 b.json", "&2 a.json"]
    a.unlink()
    window.sessions.menu_recent.actions()[1].trigger()
    assert "no longer exists" in window.sessions.last_message
    assert str(a.resolve()) not in window.sessions.recent_files()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.sessions.menu_recent.actions()[0].trigger()
    assert window.sessions.path == b


def test_an_unsaved_change_can_keep_open_from_going_ahead(qtbot, window, tmp_path):
    window.document.add_start(2.0, 2.0)
    window.sessions.ask_discard = lambda: False
    asked = []
    window.sessions.ask_open_path = lambda: asked.append(1) or ""
    window.sessions.action_open.trigger()
    window.sessions.action_new.trigger()
    assert not asked
    assert len(window.starts()) == 2


def test_the_last_session_is_restored_at_launch(qtbot, tmp_path):
    first = open_window(qtbot, settings_in(tmp_path))
    preset = next(p for p in first.sessions.presets if "Himmelblau" in p.title)
    with qtbot.waitSignal(first.runs_ready, timeout=WAIT):
        first.sessions.load_preset(preset)
    first.document.add_start(4.0, 4.0)        # an unsaved change
    expected = _fingerprint(first)
    first.close()
    assert autosave_path(settings_in(tmp_path)) == tmp_path / "layout.last-session.json"
    assert (tmp_path / "layout.last-session.json").exists()

    second = open_window(qtbot, settings_in(tmp_path))
    qtbot.waitUntil(lambda: _fingerprint(second) == expected, timeout=WAIT)
    assert second.windowTitle() == "Himmelblau's four minima[*] \u2014 Beale GUI"
    assert second.isWindowModified()
    second.close()


def test_a_corrupt_autosave_is_ignored_with_a_message(qtbot, tmp_path, reliability_figures):
    (tmp_path / "layout.last-session.json").write_bytes(b'{"format": "beale-gui-sess')
    w = open_window(qtbot, settings_in(tmp_path))
    qtbot.waitUntil(lambda: "could not be restored" in w.statusBar().currentMessage(),
                    timeout=WAIT)
    assert "is truncated" in w.statusBar().currentMessage()
    assert w.document.function.name == Document().function.name
    assert len(w.document.entries) == len(Document().entries)
    w.close()
    reliability_figures[REFUSED] = reliability_figures.get(REFUSED, 0) + 1


def test_the_autosave_can_be_switched_off(qtbot, tmp_path):
    settings = settings_in(tmp_path)
    settings.setValue("sessions/autosave", False)
    w = open_window(qtbot, settings)
    w.close()
    assert autosave_path(settings) is None
    assert not list(tmp_path.glob("*.json"))


def test_a_failed_autosave_does_not_stop_the_window_closing(qtbot, tmp_path, monkeypatch):
    w = open_window(qtbot, settings_in(tmp_path))

    def fail(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(autosave, "save_session", fail)
    w.close()
    assert not w.isVisible()
    assert not w.runs.thread.isRunning()


def test_a_run_too_big_for_memory_is_refused_in_the_window_naming_the_limit(qtbot, window):
    state = window.document
    assert len(state.enabled) == 6
    with qtbot.waitSignal(window.runs.failed, timeout=WAIT):
        window.document.update(max_steps=10_000_000)
    message = window.statusBar().currentMessage()
    assert "Could not run" in message
    assert "the limit is 4 GiB" in message


def test_a_basin_grid_too_big_is_refused_naming_the_limit(window):
    basins = window.basins
    basins.panel.grid.set_value(1024)
    basins.panel.max_steps.set_value(5000)
    assert not basins.compute()
    assert "the limit is" in window.statusBar().currentMessage()
