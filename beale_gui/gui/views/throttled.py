"""A view that follows the playhead only while it is shown, at a bounded rate.

The Explain panel, the Data view and the Curvature view each show the selected run at the
playhead, which moves every frame while the animation plays. :class:`ThrottledRefresh` is
what they share: a change marks the view stale and shows it at once, unless it was shown less
than ``interval_ms`` ago (then the throttle shows it when it runs out); hidden, the view only
notes that it is stale and asks nothing of the core; shown again, it catches up at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class ThrottledRefresh(QObject):
    """Calls ``show()`` for a view (see the module's description)."""

    def __init__(self, show: Callable[[], None], interval_ms: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show = show
        self.active = False
        self.stale = True
        self._timer = QTimer(self, singleShot=True, interval=interval_ms)
        self._timer.timeout.connect(self._on_timeout)

    def set_active(self, active: bool) -> None:
        """Work only while shown (a dock's ``visibilityChanged``); catch up when shown."""
        self.active = bool(active)
        if not self.active:
            self._timer.stop()
        elif self.stale:
            self.refresh()

    def changed(self, now: bool = False) -> None:
        """Something shown changed: show it now, or when the throttle runs out (``now``: at
        once, as for a new result or selection)."""
        self.stale = True
        if self.active and (now or not self._timer.isActive()):
            self.refresh()

    def refresh(self) -> None:
        """Show now; the next change waits for the throttle."""
        self._timer.stop()
        self.stale = False
        self._show()
        self._timer.start()

    def _on_timeout(self) -> None:
        if self.stale and self.active:
            self.refresh()
