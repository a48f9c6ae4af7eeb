"""Plug-in optimizers in the window (issue 27): Add optimizer > From file… loads a file and
adds it beside the built-ins, as one undoable edit; a file that fails to load, or a step that
fails, says so in one line and harms nothing; a session that uses a plug-in asks before its
code runs; the autosave at launch leaves plug-ins out; a search runs over a plug-in's lr."""

from __future__ import annotations

import importlib.metadata
import json
import textwrap
import types
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from beale_gui.core.engine import DIVERGED, OptimizerConfig
from beale_gui.core.optimizers import OPTIMIZERS, plugins
from beale_gui.core.session import save_session
from beale_gui.document import Document, OptimizerEntry, session_of
from beale_gui.gui.views.results_table import STATUS_COLUMN

from .helpers import WAIT, close_window, open_window, settings_in

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SIGN_DESCENT = EXAMPLES / "sign_descent.py"

FAILS_AT_3 = """
PARAMS = {"lr": (0.01, 0.0, 1.0)}

def init(n, hp):
    return {}

def update(w, g, state, hp, lr, t):
    if t == 3:
        raise RuntimeError("deliberate failure")
    return w - lr * g
"""


# every test starts and ends with no plug-in registered (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("no_plugins")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.py"
    path.write_text(textwrap.dedent(text))
    return path


def _choose_file(monkeypatch, path) -> list[str]:
    """QFileDialog.getOpenFileName answers ``path``; the titles it was asked with."""
    asked = []

    def answer(parent, title, *args, **kwargs):
        asked.append(title)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    return asked


def _action(menu, text):
    return next(a for a in menu.actions() if a.text() == text)


def _status_texts(window) -> list[str]:
    model = window.results.model
    model.set_step(window.result().n_steps)
    return [model.data(model.index(row, STATUS_COLUMN)) for row in range(model.rowCount())]


def test_from_file_adds_the_example_beside_adam_as_one_undoable_edit(qtbot, window,
                                                                     monkeypatch):
    panel, document = window.panel, window.document
    before = len(document.entries)
    undo_count = document.history.undo_count
    asked = _choose_file(monkeypatch, SIGN_DESCENT)
    from_file = _action(panel.add_menu, "From file\u2026")
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        from_file.trigger()
    assert asked == ["Load an optimizer from a file"]
    assert [e.config.name for e in document.entries][before:] == ["sign_descent"]
    assert document.entries[-1].config.hparams == {"lr": 0.01}
    assert document.history.undo_count == undo_count + 1

    # its box: its PARAMS as fields, its title, where it came from
    box = panel.boxes[-1]
    assert list(box.fields) == ["lr"]
    assert box.title.text() == "<b>Sign descent</b>"
    assert f"A plug-in from {SIGN_DESCENT.resolve()}" in box.title.toolTip()

    # it ran beside Adam, from the same starts
    result, entries = window.result(), window.run_state.entries
    names = [e.config.name for e in entries]
    assert {"adam", "sign_descent"} <= set(names)
    rows = window.run_state.rows_of(config=names.index("sign_descent"))
    adam = window.run_state.rows_of(config=names.index("adam"))
    assert len(rows) == len(adam) == len(document.starts)
    assert np.array_equal(result.paths[rows[0]][0], result.paths[adam[0]][0])
    assert result.n_steps > 1

    # the Add menu lists it now, under the built-ins
    texts = [a.text() for a in panel.add_menu.actions()]
    assert texts.index("Sign descent") > len(OPTIMIZERS)
    assert texts[-2:] == ["From file\u2026", "torch optimizer\u2026"]

    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        document.history.undo()
    assert len(document.entries) == before


def test_a_broken_plugin_file_gives_one_message_and_changes_nothing(qtbot, window,
                                                                     monkeypatch, tmp_path):
    broken = _write(tmp_path, "broken", "PARAMS = {'lr': (0.01, 0, 1)}\n1 / 0\n")
    _choose_file(monkeypatch, broken)
    panel, document = window.panel, window.document
    before = session_of(document).experiment.to_dict()
    messages = []
    panel.message.connect(messages.append)
    assert panel.load_plugin_file() is None
    assert messages == ["Not loaded: plug-in 'broken': raised on import: ZeroDivisionError: "
                        "division by zero"]
    assert window.statusBar().currentMessage() == messages[0]
    assert not panel.edit_pending
    assert session_of(document).experiment.to_dict() == before
    assert "broken" not in plugins.plugin_specs()
    assert "broken" not in [a.text() for a in panel.add_menu.actions()]


def test_a_failing_step_marks_its_runs_diverged_with_the_message_in_the_table(
        qtbot, window, tmp_path):
    plugins.load_file(_write(tmp_path, "fails_at_3", FAILS_AT_3))
    document = window.document
    entries = [e for e in document.entries if e.config.name == "adam"]
    entries.append(OptimizerEntry(OptimizerConfig("fails_at_3"), "#aa00aa"))
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        document.edit(entries=entries)
    result = window.result()
    names = [e.config.name for e in window.run_state.entries]
    failed = window.run_state.rows_of(config=names.index("fails_at_3"))
    adam = window.run_state.rows_of(config=names.index("adam"))
    assert all(result.status[i] == DIVERGED for i in failed)
    assert not any(result.status[i] == DIVERGED for i in adam)
    texts = _status_texts(window)
    for i in failed:
        assert texts[i] == ("diverged at step 3: plug-in 'fails_at_3': update raised at step "
                            "3: RuntimeError: deliberate failure")
    message = window.statusBar().currentMessage()
    assert message.startswith(f"{len(failed)} of {result.n_runs} runs failed in a plug-in")
    assert "plug-in 'fails_at_3'" in message
    assert window.isVisible()
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):   # the app goes on
        document.add_start(1.0, 1.0)


def _plugin_session(tmp_path) -> tuple[Path, Path]:
    """A session file using the plug-in file mygd.py (saved with it loaded), and the file."""
    path = _write(tmp_path, "mygd", FAILS_AT_3.replace("t == 3", "t < 0"))
    plugins.load_file(path)
    entries = [OptimizerEntry(OptimizerConfig("mygd", {"lr": 0.02}), "#aa00aa"),
               OptimizerEntry(OptimizerConfig("adam"), "#0000aa")]
    doc = Document()
    doc.edit(entries=entries)
    session = tmp_path / "with-plugin.json"
    save_session(session_of(doc), session)
    plugins.unregister("mygd")
    return session, path


def _answer(monkeypatch, button) -> list[str]:
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_saving_stores_the_plugins_path_and_checksum(qtbot, window, tmp_path, monkeypatch):
    _choose_file(monkeypatch, SIGN_DESCENT)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.panel.load_plugin_file()
    out = tmp_path / "saved.json"
    assert window.sessions.save_to(out)
    saved = json.loads(out.read_text())
    assert saved["plugins"] == {"sign_descent": {"path": str(SIGN_DESCENT.resolve()),
                                                 "sha256": plugins.sha256_of(SIGN_DESCENT)}}


def test_opening_a_plugin_session_asks_and_no_keeps_the_old_session(qtbot, window, tmp_path,
                                                                    monkeypatch):
    session, path = _plugin_session(tmp_path)
    before = session_of(window.document).experiment.to_dict()
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    assert not window.sessions.open_path(session)
    sha = plugins.sha256_of(path)
    assert asked == [f"This session runs code from {path.resolve()} (sha256 {sha}). Run it?"]
    assert "mygd" not in plugins.plugin_specs()
    assert session_of(window.document).experiment.to_dict() == before
    assert "was not opened" in window.statusBar().currentMessage()

    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        assert window.sessions.open_path(session)
    assert len(asked) == 1
    assert [e.config.name for e in window.document.entries] == ["mygd", "adam"]
    assert plugins.source_of("mygd") == (str(path.resolve()), sha)


def test_a_changed_or_missing_plugin_file_is_refused_without_asking(qtbot, window, tmp_path,
                                                                     monkeypatch):
    session, path = _plugin_session(tmp_path)
    before = session_of(window.document).experiment.to_dict()
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    path.write_text(path.read_text() + "\n# changed\n")
    assert not window.sessions.open_path(session)
    assert "sha256 differs" in window.sessions.last_message
    path.unlink()
    assert not window.sessions.open_path(session)
    assert "cannot read" in window.sessions.last_message
    assert asked == []
    assert "mygd" not in plugins.plugin_specs()
    assert session_of(window.document).experiment.to_dict() == before


def test_the_autosave_at_launch_leaves_plugins_out_without_running_them(qtbot, tmp_path,
                                                                        monkeypatch):
    session, _ = _plugin_session(tmp_path)
    (tmp_path / "layout.last-session.json").write_bytes(session.read_bytes())
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    w = open_window(qtbot, settings_in(tmp_path))
    qtbot.waitUntil(lambda: [e.config.name for e in w.document.entries] == ["adam"],
                    timeout=WAIT)
    assert "plug-in optimizers mygd were left out" in w.statusBar().currentMessage()
    assert asked == []
    assert "mygd" not in plugins.plugin_specs()
    assert w.isWindowModified()
    close_window(w)


def test_a_search_over_the_plugins_lr_runs_in_the_window(qtbot, window, monkeypatch):
    _choose_file(monkeypatch, SIGN_DESCENT)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        window.panel.load_plugin_file()
    window.resize(1500, 1000)
    window.search.action.trigger()
    panel = window.search.panel
    panel.form.set_optimizer(len(window.document.entries) - 1)
    assert [row.name() for row in panel.form.rows if row.isEnabled()] == ["lr"]
    panel.form.budget_field.set_value(12)
    panel.form.max_steps_field.set_value(100)
    with qtbot.waitSignal(panel.runner.finished, timeout=WAIT) as blocker:
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    result = blocker.args[1].result
    assert [a.name for a in result.axes] == ["lr"]
    assert np.isfinite(result.scores).any()


class _EntryPoint:
    def __init__(self, name: str, module, loads: list) -> None:
        self.name, self.value, self._module, self._loads = name, f"pkg.{name}", module, loads

    def load(self):
        self._loads.append(self.name)
        if isinstance(self._module, Exception):
            raise self._module
        return self._module


def test_entry_points_are_listed_by_name_and_imported_only_when_chosen(qtbot, window,
                                                                       monkeypatch):
    module = types.ModuleType("pkg.installed_gd")
    exec(textwrap.dedent(FAILS_AT_3.replace("t == 3", "t < 0")), module.__dict__)
    loads = []
    points = [_EntryPoint("installed_gd", module, loads),
              _EntryPoint("broken_one", ImportError("no module named pkg"), loads)]
    monkeypatch.setattr(importlib.metadata, "entry_points",
                        lambda group=None: [p for p in points
                                            if group == plugins.ENTRY_POINT_GROUP])
    panel = window.panel
    panel.add_menu.aboutToShow.emit()           # the menu opens: entry points are listed
    texts = [a.text() for a in panel.add_menu.actions()]
    assert texts[len(OPTIMIZERS):] == ["Plug-ins", "broken_one", "installed_gd",
                                       "From file\u2026", "torch optimizer\u2026"]
    assert loads == []
    messages = []
    panel.message.connect(messages.append)
    _action(panel.add_menu, "broken_one").trigger()
    assert messages == ["Not added: plug-in 'broken_one': entry point pkg.broken_one raised "
                        "on import: ImportError: no module named pkg"]
    assert not panel.edit_pending
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        _action(panel.add_menu, "installed_gd").trigger()
    assert loads == ["broken_one", "installed_gd"]
    assert window.document.entries[-1].config.name == "installed_gd"
    assert "A plug-in from an installed package" in panel.boxes[-1].title.toolTip()
