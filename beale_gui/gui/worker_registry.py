"""Every QThread the GUI starts is registered here, so tests can prove none is left running."""

from __future__ import annotations

import weakref

from PySide6.QtCore import QThread

_threads: weakref.WeakSet[QThread] = weakref.WeakSet()


def register(thread: QThread) -> QThread:
    _threads.add(thread)
    return thread


def live_threads() -> list[QThread]:
    return list(_threads)
