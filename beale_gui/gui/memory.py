"""Giving freed memory back to the system.

Each new result frees the previous one's arrays (tens of MB with many start points), but glibc's
malloc keeps freed memory in its arenas for later: the worker thread's arena, where the results
are allocated, and the main one, where the views copy them. The freed pieces are scattered
between live ones, so they are seldom reused whole, and over a session of clicks the resident
size climbs by some 100 MB more than anything alive needs. :func:`release_free_memory` asks
malloc to hand every whole free page back (``malloc_trim(0)``, a few milliseconds); the window
calls it once a result has settled (:class:`MemoryRelease`). Where there is no glibc it does
nothing.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


def _find_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL(None).malloc_trim   # the C library the process runs on
    except (OSError, AttributeError):          # not glibc (musl has no malloc_trim)
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


_TRIM = _find_trim()


def can_release() -> bool:
    """Whether :func:`release_free_memory` does anything on this system."""
    return _TRIM is not None


def release_free_memory() -> bool:
    """Return the allocator's free pages to the system; True when some were returned."""
    if _TRIM is None:
        return False
    try:
        return bool(_TRIM(0))
    except Exception:   # never worth an error: the memory stays with the process
        log.exception("malloc_trim failed")
        return False


class MemoryRelease(QObject):
    """Gives freed memory back once results stop arriving for ``delay_ms``; while the
    animation plays (a few ms matter then), when it stops.

    Parameters
    ----------
    playback
        The window's :class:`~beale_gui.gui.views.playback.Playback`.
    """

    def __init__(self, playback, delay_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._playback = playback
        self._pending = False
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._on_due)
        playback.playing_changed.connect(self._on_playing_changed)

    @property
    def timer(self) -> QTimer:
        """The single-shot timer a new result restarts (read-only: wait on its timeout)."""
        return self._timer

    @property
    def pending(self) -> bool:
        """True while a release waits for the animation to stop."""
        return self._pending

    def schedule(self) -> None:
        """A result was replaced: release once nothing new arrives for the delay."""
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _on_due(self) -> None:
        if self._playback.is_playing:   # a few ms: not in the middle of an animation
            self._pending = True
            return
        self._pending = False
        release_free_memory()

    def _on_playing_changed(self, playing: bool) -> None:
        if not playing and self._pending and not self._timer.isActive():
            self._on_due()
