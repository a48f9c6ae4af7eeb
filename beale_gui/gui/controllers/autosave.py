"""The session kept for the next launch: written a few seconds after each change and on close,
restored at the next launch (without the optimizers of plug-in files: their code runs only
when the user loads it, so they are left out, and the status bar says which).

:class:`Autosave`, owned by the :class:`~.sessions.SessionController`, writes the window's
session atomically to :func:`autosave_path`: the app's data folder
(``QStandardPaths.AppDataLocation``), or beside the settings file when the window was given an
ini file (tests); the ``sessions/autosave`` setting (false) turns it off. Beside it,
:func:`remember_last` notes in the settings which file the autosave stands for, and
:func:`last_remembered` reads that back. A corrupt autosave is ignored with a message in the
status bar; a location that cannot be written is reported once (until a later autosave
succeeds), and nothing in the window is lost.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QStandardPaths, QTimer

from ...core.optimizers.torch_adapter import is_torch_name
from ...core.session import SessionError, save_session
from ...document import session_of
from ..guarded import guarded
from ..notify import WindowMessages
from .session_files import GROUP, read_session_without_plugins

if TYPE_CHECKING:
    from .sessions import SessionController

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

AUTOSAVE_NAME = "last-session.json"
AUTOSAVE_DELAY_MS = 3000   # after the last change: a burst of edits is written once


def autosave_path(settings: QSettings) -> Path | None:
    """Where the last session is kept: beside an ini settings file, else the app's data folder;
    None when the ``sessions/autosave`` setting is false."""
    if not settings.value(f"{GROUP}/autosave", True, type=bool):
        return None
    if settings.format() == QSettings.Format.IniFormat and settings.fileName():
        ini = Path(settings.fileName())
        return ini.with_name(f"{ini.stem}.{AUTOSAVE_NAME}")
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / AUTOSAVE_NAME if folder else None


def remember_last(settings: QSettings, path: Path | None, name: str, modified: bool) -> None:
    """Note beside the autosave the file it stands for, its title and whether it was unsaved;
    OSError when the settings cannot be written."""
    settings.setValue(f"{GROUP}/last_path", str(path) if path else "")
    settings.setValue(f"{GROUP}/last_name", name)
    settings.setValue(f"{GROUP}/last_modified", modified)
    settings.sync()
    if settings.status() == QSettings.Status.AccessError:
        raise OSError(translate("Autosave", "the settings file {0} cannot be written")
                      .format(settings.fileName()))


def last_remembered(settings: QSettings) -> tuple[Path | None, str, bool]:
    """What :func:`remember_last` noted: the file the autosave stands for (None when there is
    none or it is gone), its title ("" when none was kept) and whether it was unsaved."""
    last = settings.value(f"{GROUP}/last_path", "")
    last = Path(last) if isinstance(last, str) and last else None
    name = settings.value(f"{GROUP}/last_name", "")
    modified = settings.value(f"{GROUP}/last_modified", False, type=bool)
    return (last if last and last.exists() else None,
            name if isinstance(name, str) and name else "", modified)


class Autosave(QObject, WindowMessages):
    """Keeps the session of one :class:`~.sessions.SessionController` for the next launch.

    Parameters
    ----------
    sessions : SessionController
        Whose session is kept (its document, file and title) and shown again at launch; it
        calls :meth:`schedule` after each edit, :meth:`restore` at launch and :meth:`shutdown`
        when the window closes.

    The settings are the controller's. A failure to write is said in the window's status bar
    and a message box of the autosave's own (``last_message``).
    """

    def __init__(self, sessions: SessionController) -> None:
        super().__init__(sessions)
        self.sessions = sessions
        self.window = sessions.window
        self.settings = sessions.settings
        self._closed = False
        self._reported = False   # a failure is said once, until an autosave succeeds
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self._on_due)

    # -- public -----------------------------------------------------------------------------
    @property
    def pending(self) -> bool:
        """True while a change waits to be autosaved."""
        return self._timer.isActive()

    def schedule(self) -> None:
        """The session changed: keep it a few seconds from now (a later change moves that on),
        unless the autosave is switched off."""
        if autosave_path(self.settings) is not None:
            self._timer.start()

    def save(self, report: bool = True) -> bool:
        """Keep the current session for the next launch (atomically); False when it could not.

        The first failure is reported (``report``: in a message box and the status bar), later
        ones only logged, until an autosave succeeds again. The window keeps everything.
        """
        self._timer.stop()
        path = autosave_path(self.settings)
        if path is None:
            return False
        sessions = self.sessions
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            save_session(session_of(sessions.document), path)
            remember_last(self.settings, sessions.path, sessions.name, sessions.is_modified())
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            if report and not self._reported:
                self._reported = True
                self._warn(translate("Autosave", "The session cannot be kept"),
                           translate("Autosave",
                                     "The session cannot be kept for the next launch ({0}: {1}). "
                                     "Everything is still in the window; use File > Save "
                                     "session to keep it. This is said once.")
                           .format(path, reason))
            else:
                log.info("autosave failed again: %s: %s", path, reason)
            return False
        self._reported = False
        return True

    def restore(self) -> bool:
        """Show the autosaved session again, if any; a bad one is ignored with a message."""
        path = autosave_path(self.settings)
        if path is None or not path.exists() or self._closed:
            return False
        try:   # no plug-in code runs unasked at launch: its optimizers are left out
            _, document, dropped = read_session_without_plugins(path)
        except SessionError as exc:
            log.warning("last session not restored: %s", exc)
            self._status(translate("Autosave", "The last session could not be restored ({0}); "
                                   "starting from the defaults.").format(exc))
            return False
        last, name, modified = last_remembered(self.settings)
        self.sessions.show_restored(document, last, name, modified or bool(dropped))
        torch = [n for n in dropped if is_torch_name(n)]
        plugin = [n for n in dropped if not is_torch_name(n)]
        if plugin:   # (unsaved: the file it stands for has them)
            self._status(translate(
                "Autosave", "The last session's plug-in optimizers {0} were left out: a "
                "plug-in file's code runs only when you load it (Add optimizer > From "
                "file\u2026).").format(", ".join(plugin)))
        elif torch:
            self._status(translate(
                "Autosave", "The last session's optimizers {0} were left out: their modules "
                "are imported only when you add them (Add optimizer > torch "
                "optimizer\u2026).").format(", ".join(torch)))
        return True

    def shutdown(self) -> None:
        """The window is closing: keep the session (without a message: it would not be seen)
        and write no more."""
        self._closed = True
        try:
            self.save(report=False)
        except Exception:   # closing must go on whatever happens here
            log.exception("autosave on close failed")

    def report_error(self, message: str) -> None:
        self.window.report_error(message)

    # -- slots ------------------------------------------------------------------------------
    @guarded
    def _on_due(self) -> None:
        if not self._closed:
            self.save()
