"""torch classes in the window (issue 27): Add optimizer > torch optimizer… adds a class by its
import path beside the built-ins (a bad path says one line and changes nothing); Tools > Check
against a reference… says "agree" for torch's Adam against the built-in; a search with a class
that runs one instance per run asks about its time first; a session naming a torch module other
than torch.optim asks before importing it."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("torch")

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
