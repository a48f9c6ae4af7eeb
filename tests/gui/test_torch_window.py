"""torch classes in the window (issue 27): Add optimizer > torch optimizer… adds a class by its
import path beside the built-ins (a bad path says one line and changes nothing); Tools > Check
against a reference… says "agree" for torch's Adam against the built-in; a search with a class
that runs one instance per run asks about its time first; a session naming a torch module other
than torch.optim asks before importing it."""

from __future__ import annotations

import json
import sys
import textwrap

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

pytest.importorskip("torch")

from beale_gui.core.optimizers import torch_adapter, torch_cost  # noqa: E402
from beale_gui.document import session_of  # noqa: E402

from .helpers import WAIT  # noqa: E402

ADAM = "torch:torch.optim.Adam"


def _action(menu, text):
    return next(a for a in menu.actions() if a.text() == text)


def _open_torch_dialog(panel):
    _action(panel.add_menu, "torch optimizer\u2026").trigger()
    dialog = panel.torch_dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def test_the_dialog_adds_torch_adam_which_runs_beside_adam_on_the_same_path(qtbot, window):
    panel, document = window.panel, window.document
    before = [e.config for e in document.entries]
    undo_count = document.history.undo_count
    dialog = _open_torch_dialog(panel)
    dialog.set_path("torch.optim.Adam")
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        assert dialog.try_accept()
    assert [e.config for e in document.entries][:-1] == before
    assert document.entries[-1].config.name == ADAM
    assert document.history.undo_count == undo_count + 1      # one edit

    # its fields: the class's keywords, the betas tuple as two
    box = panel.boxes[-1]
    assert {"lr", "betas[0]", "betas[1]", "eps"} <= set(box.fields)
    assert box.title.text() == "<b>Adam (torch)</b>"

    # with the built-in Adam's lr it follows the built-in Adam's path
    adam = next(i for i, e in enumerate(document.entries) if e.config.name == "adam")
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        panel.set_hparams(len(panel.boxes) - 1,
                          {"lr": document.entries[adam].config.hparams["lr"]})
    names = [e.config.name for e in window.run_state.entries]
    result = window.result()
    rows = window.run_state.rows_of(config=names.index(ADAM))
    reference = window.run_state.rows_of(config=names.index("adam"))
    assert len(rows) == len(reference) == len(document.starts)
    for a, b in zip(rows, reference, strict=True):
        steps = int(result.stop_step[b])
        assert int(result.stop_step[a]) == steps > 10
        np.testing.assert_allclose(result.paths[a][:steps + 1], result.paths[b][:steps + 1],
                                   rtol=0, atol=1e-9)

    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        document.history.undo()
        document.history.undo()
    assert [e.config for e in document.entries] == before


@pytest.mark.parametrize(("path", "says"), [
    ("torch.optim.Adamm", "torch.optim has no Adamm"),
    ("no_such_module.Opt", "cannot import no_such_module"),
    ("torch.nn.Linear", "is not a torch.optim.Optimizer"),
    ("Adam", "expected torch:<module>.<Class>"),
])
def test_a_bad_path_says_one_line_and_changes_nothing(qtbot, window, path, says):
    panel, document = window.panel, window.document
    before = [e.config for e in document.entries]
    undo_count = document.history.undo_count
    dialog = _open_torch_dialog(panel)
    dialog.set_path(path)
    assert not dialog.try_accept()
    text = dialog.message.text()
    assert says in text
    assert "\n" not in text
    assert dialog.message.isVisible()
    assert dialog.isVisible()
    assert not panel.edit_pending
    assert [e.config for e in document.entries] == before
    assert document.history.undo_count == undo_count
    dialog.set_path("torch.optim.Adam")                 # typing clears the message
    assert not dialog.message.isVisible()
    dialog.reject()
    assert [e.config for e in document.entries] == before


def test_without_torch_the_entry_is_disabled_and_says_how_to_install_it(window, monkeypatch):
    from beale_gui.core.optimizers import torch_adapter

    panel = window.panel
    assert _action(panel.add_menu, "torch optimizer\u2026").isEnabled()
    monkeypatch.setattr(torch_adapter, "torch_installed", lambda: False)
    panel.add_menu.aboutToShow.emit()                   # the menu is filled again as it opens
    action = _action(panel.add_menu, "torch optimizer\u2026")
    assert not action.isEnabled()
    assert 'pip install -e ".[torch]"' in action.toolTip()


def _add_torch(qtbot, window, path):
    dialog = _open_torch_dialog(window.panel)
    dialog.set_path(path)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        assert dialog.try_accept()
    return len(window.document.entries) - 1


def _answer(monkeypatch, button) -> list[str]:
    """QMessageBox.question answers ``button``; the texts it was asked."""
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def _estimated(monkeypatch, seconds) -> list[tuple]:
    """The core's estimate says ``seconds``; what it was asked (the config's name, the runs,
    the steps)."""
    calls = []

    def estimate(config, function, n_runs, steps):
        calls.append((config.name, function.name, n_runs, steps))
        return seconds

    monkeypatch.setattr(torch_cost, "estimate_seconds", estimate)
    return calls


def test_a_search_with_a_one_instance_per_run_class_asks_about_its_time_first(
        qtbot, window, monkeypatch):
    lamb = "torch:pytorch_optimizer.Lamb"
    pytest.importorskip("pytorch_optimizer")
    index = _add_torch(qtbot, window, "pytorch_optimizer.Lamb")
    window.resize(1500, 1000)
    window.search.action.trigger()
    panel = window.search.panel
    panel.form.set_optimizer(index)
    panel.form.budget_field.set_value(6)
    panel.form.max_steps_field.set_value(50)
    n_runs = 6 * len(window.document.starts)

    # over a few seconds, No: nothing starts
    calls = _estimated(monkeypatch, 95.0)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    assert not panel.run()
    assert calls == [(lamb, window.document.function.name, n_runs, 50)]
    assert len(asked) == 1
    assert "About 95 s. Run?" in asked[0]
    assert not panel.runner.busy
    assert panel.runner.generation == 0
    assert panel.run_button.isEnabled()
    assert panel.status.text() == "Search cancelled."

    # Yes: it runs
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(panel.runner.finished, timeout=WAIT):
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1

    # a short job starts without a question
    calls = _estimated(monkeypatch, 0.5)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    with qtbot.waitSignal(panel.runner.finished, timeout=WAIT):
        assert panel.run()
    assert len(calls) == 1
    assert asked == []


def test_a_built_in_optimizer_is_not_estimated(qtbot, window, monkeypatch):
    calls = _estimated(monkeypatch, 95.0)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    window.search.action.trigger()
    panel = window.search.panel
    panel.form.budget_field.set_value(6)
    panel.form.max_steps_field.set_value(50)
    with qtbot.waitSignal(panel.runner.finished, timeout=WAIT):
        assert panel.run()
    assert calls == []
    assert asked == []


def test_a_basin_map_with_a_one_instance_per_run_class_asks_first(qtbot, window, monkeypatch):
    pytest.importorskip("pytorch_optimizer")
    index = _add_torch(qtbot, window, "pytorch_optimizer.Lamb")
    basins = window.basins
    basins.panel.set_entries(window.document.entries)
    panel = basins.panel
    panel.optimizer.setCurrentIndex(panel.optimizer.findData(index))
    grid, steps = int(panel.grid.value()), int(panel.max_steps.value())
    calls = _estimated(monkeypatch, 400.0)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    assert not basins.compute()
    assert calls == [("torch:pytorch_optimizer.Lamb", window.document.function.name,
                      grid * grid, steps)]
    assert len(asked) == 1
    assert "About 400 s. Run?" in asked[0]
    assert "(That is about 7 minutes.)" in asked[0]
    assert not basins.runner.busy
    assert basins.runner.generation == 0
    assert panel.status.text() == "Not mapped."


def test_check_says_agree_for_torch_adam_against_adam_with_the_same_lr(qtbot, window):
    index = _add_torch(qtbot, window, "torch.optim.Adam")
    document = window.document
    entries_before = [e.config for e in document.entries]
    assert document.entries[index].config.hparams["lr"] == pytest.approx(1e-3)
    window.check.action.trigger()
    dialog = window.check.dialog
    assert dialog.isVisible()
    dialog.optimizer.setCurrentIndex(index)
    dialog.set_reference("adam:lr=0.001")
    dialog.defaults.setChecked(True)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT) as blocker:
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    results = blocker.args[0]
    assert [r.function for r in results] == ["beale", "rosenbrock", "himmelblau"]
    assert all(r.agree for r in results)
    assert dialog.verdict.text() == "agree"
    assert [dialog.table.item(row, 1).text() for row in range(3)] == ["agree"] * 3
    assert [dialog.table.item(row, 3).text() for row in range(3)] == ["\u2014"] * 3
    assert dialog.run_button.isEnabled()
    assert [e.config for e in document.entries] == entries_before

    # another lr: disagree, and the step where they part
    dialog.set_reference("adam:lr=0.002")
    dialog.defaults.setChecked(False)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT) as blocker:
        assert dialog.run()
    (result,) = blocker.args[0]
    assert not result.agree
    assert dialog.verdict.text() == "disagree"
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 3).text() == str(result.parts_at) == "1"

    # an entry as the reference: the built-in Adam of the panel (lr 0.05) against itself
    adam = next(i for i, e in enumerate(document.entries) if e.config.name == "adam")
    dialog.optimizer.setCurrentIndex(adam)
    dialog.set_reference(dialog.reference.itemText(adam))
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        assert dialog.run()
    assert dialog.verdict.text() == "agree"


@pytest.mark.parametrize(("text", "says"), [
    ("adam:lr=-1", "reference adam:lr=-1:"),
    ("adam:lr", "expected key=value, got 'lr'"),
    ("nosuch:lr=1", "unknown optimizer 'nosuch'"),
    ("", "Give a reference"),
])
def test_bad_reference_text_says_one_line_and_runs_nothing(qtbot, window, text, says):
    window.check.action.trigger()
    dialog = window.check.dialog
    dialog.set_reference(text)
    before = [e.config for e in window.document.entries]
    assert not dialog.run()
    assert says in dialog.message.text()
    assert "\n" not in dialog.message.text()
    assert dialog.message.isVisible()
    assert not dialog.runner.busy
    assert dialog.runner.generation == 0
    assert dialog.table.rowCount() == 0
    assert [e.config for e in window.document.entries] == before


MODULE = "beale_test_torch_module"
OWN_SGD = """
import torch

IMPORTED = True


class OwnSGD(torch.optim.SGD):
    pass
"""


@pytest.fixture
def own_module(tmp_path, monkeypatch):
    """A module on sys.path defining a torch optimizer, not imported; forgotten afterwards."""
    (tmp_path / f"{MODULE}.py").write_text(textwrap.dedent(OWN_SGD))
    monkeypatch.syspath_prepend(str(tmp_path))
    yield f"torch:{MODULE}.OwnSGD"
    sys.modules.pop(MODULE, None)
    torch_adapter._specs.pop(f"torch:{MODULE}.OwnSGD", None)


def _session_naming(window, tmp_path, names) -> tuple:
    """A session file like the window's, its optimizers named ``names``."""
    out = tmp_path / "names.json"
    window.sessions.save_to(out)
    data = json.loads(out.read_text())
    data["optimizers"] = [dict(data["optimizers"][-1], name=n, hparams={"lr": 0.01})
                          for n in names]
    path = tmp_path / "torch-session.json"
    path.write_text(json.dumps(data))
    return path


def test_a_session_importing_a_module_asks_first_and_no_keeps_the_old_one(
        qtbot, window, tmp_path, monkeypatch, own_module):
    path = _session_naming(window, tmp_path, [own_module, "torch:torch.optim.Adam"])
    before = session_of(window.document).experiment.to_dict()
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    assert not window.sessions.open_path(path)
    assert asked == [f"This session imports {MODULE}. Run it?"]
    assert MODULE not in sys.modules
    assert session_of(window.document).experiment.to_dict() == before
    assert "was not opened" in window.statusBar().currentMessage()

    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        assert window.sessions.open_path(path)
    assert len(asked) == 1
    assert MODULE in sys.modules
    assert [e.config.name for e in window.document.entries] == [own_module,
                                                                "torch:torch.optim.Adam"]


def test_a_session_of_torch_optim_classes_opens_without_asking(qtbot, window, tmp_path,
                                                               monkeypatch):
    path = _session_naming(window, tmp_path, ["torch:torch.optim.Adam",
                                              "torch:torch.optim.RMSprop"])
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    with qtbot.waitSignal(window.runs_ready, timeout=WAIT):
        assert window.sessions.open_path(path)
    assert asked == []
    assert [e.config.name for e in window.document.entries] == ["torch:torch.optim.Adam",
                                                                "torch:torch.optim.RMSprop"]


def test_the_autosave_at_launch_leaves_out_what_would_import_a_module(window, tmp_path,
                                                                     own_module):
    from beale_gui.gui.controllers.session_files import read_session_without_plugins

    path = _session_naming(window, tmp_path, [own_module, "torch:torch.optim.Adam"])
    _, document, dropped = read_session_without_plugins(path)
    assert dropped == [own_module]
    assert [e.config.name for e in document.entries] == ["torch:torch.optim.Adam"]
    assert MODULE not in sys.modules
