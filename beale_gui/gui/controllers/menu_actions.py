"""The File menu's entries as the controllers make them: a text, a shortcut, a line for the
status bar, and the slot it triggers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


def menu_action(parent: QObject, text: str, slot: Callable, keys: str = "", tip: str = "",
                *, tooltip: bool = False) -> QAction:
    """A new action: ``text`` (its ``&`` marks the mnemonic), the shortcut ``keys`` (none when
    empty), ``tip`` shown in the status bar while it is hovered (and as its tooltip with
    ``tooltip``); triggering it calls ``slot``."""
    action = QAction(text, parent)
    if keys:
        action.setShortcut(QKeySequence(keys))
    action.setStatusTip(tip)
    if tooltip:
        action.setToolTip(tip)
    action.triggered.connect(slot)
    return action
