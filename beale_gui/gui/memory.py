"""Giving freed memory back to the system.

Each new result frees the previous one's arrays (tens of MB with many start points), but glibc's
malloc keeps freed memory in its arenas for later: the worker thread's arena, where the results
are allocated, and the main one, where the views copy them. The freed pieces are scattered
between live ones, so they are seldom reused whole, and over a session of clicks the resident
size climbs by some 100 MB more than anything alive needs. :func:`release_free_memory` asks
malloc to hand every whole free page back (``malloc_trim(0)``, a few milliseconds); the window
calls it once a result has settled (:class:`MemoryRelease`), and has large blocks mapped on
their own (:func:`map_large_blocks`), so that a long run's arrays go back when freed. Where
there is no glibc neither does anything.
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
# glibc's malloc.h: the size from which a block is mapped on its own (and unmapped when freed)
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 1 << 20


def map_large_blocks(threshold: int = MMAP_THRESHOLD) -> bool:
    """Have malloc map each block of at least ``threshold`` bytes on its own, for good; True
    when it took the setting (glibc; elsewhere nothing is done).

    glibc starts at 128 KiB but raises its threshold to the size of each mapped block freed
    (up to 32 MiB): once an earlier result is freed, a long run's arrays (0.8 to 1.6 MB each
    for 6 x 100,000 steps) come from the arenas instead, where what a replaced result frees
    waits for :func:`release_free_memory`, and the peak depended on what the arenas held: 6 x
    100,000 steps peaked at 84 or 97 MB above the window from one launch to the next, 84-85
    with this. 1 MiB keeps a click's arrays (a few hundred KiB) and the engine's working
    blocks in the arenas, which reuse them without a system call."""
    if _TRIM is None:
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
        mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        mallopt.restype = ctypes.c_int
        return bool(mallopt(M_MMAP_THRESHOLD, int(threshold)))
    except Exception:   # never worth an error: the allocator keeps its own rule
        log.exception("mallopt failed")
        return False


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
        map_large_blocks()
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
