"""Slots that never take the app down: an exception is logged, reported, and the app goes on."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

log = logging.getLogger("beale_gui")


def guarded(method: Callable) -> Callable:
    """Decorate a slot method: an exception is logged and passed to ``self.report_error``.

    The object may define ``report_error(message: str)`` (the main window shows it in the
    status bar); without it the exception is only logged.
    """

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:
            log.exception("error in %s", method.__qualname__)
            report = getattr(self, "report_error", None)
            if report is not None:
                try:
                    report(f"{type(exc).__name__}: {exc}")
                except Exception:
                    log.exception("error while reporting an error")
            return None

    return wrapper
