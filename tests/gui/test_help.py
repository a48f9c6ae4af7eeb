"""The Help dialog lists every keyboard shortcut the window has."""

import pytest
from PySide6.QtGui import QAction, QKeySequence

from beale_gui.gui.dialogs.help import SHORTCUTS

from .helpers import close_window, new_window, settings_in


@pytest.fixture
def window(qtbot, tmp_path):
    w = new_window(settings_in(tmp_path, "s.ini"))
    yield w
    close_window(w)


def _listed_keys() -> set[str]:
    keys = set()
    for text, _ in SHORTCUTS:
        for part in text.split("  or  "):
            keys.add(QKeySequence(part.strip()).toString())
    return keys


def test_every_action_shortcut_is_in_the_help(window):
    listed = _listed_keys()
    missing = {}
    for action in window.findChildren(QAction):
        for seq in action.shortcuts():
            key = seq.toString()
            if key and key not in listed:
                missing[key] = action.text()
    assert not missing, f"shortcuts missing from help.SHORTCUTS: {missing}"


def test_the_readme_lists_the_same_shortcuts():
    from pathlib import Path

    from beale_gui.gui.dialogs.help import shortcuts_text

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert shortcuts_text() in readme
