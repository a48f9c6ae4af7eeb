"""The window the application shows, and its rebuild when the interface language changes.

Qt translates text when a widget is made, so a new language means a new window. The
:class:`WindowHost` installs the chosen language, shows a :class:`MainWindow`, and on View >
Language builds the next window around the same session (the document, its file, title and
unsaved state, the playhead step) and geometry before it closes the old one: the runs are
recomputed, nothing the user set up is lost. A search or basin map result is not carried over
(the session keeps their settings; they are computed again on request).
"""

from __future__ import annotations

import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QSettings, QTimer

from . import i18n
from .main_window import MainWindow

log = logging.getLogger(__name__)


class WindowHost(QObject):
    """Owns the application's window.

    Parameters
    ----------
    settings : QSettings
        Where the language and the window's layout are kept.
    session : Path, optional
        A session file to open at launch (else the last session comes back).
    show : bool
        Show the window (tests may keep it hidden).
    """

    def __init__(self, settings: QSettings, session: Path | None = None,
                 show: bool = True) -> None:
        super().__init__()
        self.settings = settings
        self._show = show
        self.language = i18n.install(i18n.resolve(i18n.chosen(settings)))
        self.window = self._make()
        if session is not None:
            self.window.sessions.open_at_launch(session)
        if show:
            self.window.show()

    def _make(self) -> MainWindow:
        window = MainWindow(self.settings)
        window.language_requested.connect(self._on_language_requested)
        return window

    def _on_language_requested(self, choice: str) -> None:
        # not inside the old window's menu action: the old window is closed on the way
        QTimer.singleShot(0, self, lambda: self.switch_language(choice))

    def switch_language(self, choice: str) -> None:
        """Remember ``choice`` ("system", "en", "ko") and, when it changes the language shown,
        rebuild the window in it around the same session."""
        self.settings.setValue(i18n.SETTING, choice)
        language = i18n.resolve(choice)
        if language == self.language:
            return
        old = self.window
        handover = old.sessions.handover()
        step = old.current_step()
        geometry = old.saveGeometry()
        old.close()                      # stops its work and keeps the layout for the next
        self.language = i18n.install(language)
        self.window = window = self._make()
        window.sessions.take_over(handover)
        window.restoreGeometry(geometry)
        if step:
            def back_to_step() -> None:       # the first result: the same step, paused
                window.runs_ready.disconnect(back_to_step)
                window.playback.pause()
                window.playback.set_step(step)

            window.runs_ready.connect(back_to_step)
        if self._show:
            window.show()
        old.deleteLater()
        log.info("interface language: %s", self.language)

    def close(self) -> None:
        """Close the window (stopping its threads) and delete it while the application exists
        (views/lifetime.py)."""
        window = self.window
        if not window.runs.is_closed:
            window.close()
        shiboken6.delete(window)
