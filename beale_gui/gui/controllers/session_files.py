"""The files behind the session menus, without the window: presets, the autosave's place and
the recent-files list.

:func:`list_presets` titles the shipped presets (:class:`Preset`) from their JSON;
:func:`autosave_path` says where the last session is kept for the next launch; the recent files
(at most :data:`MAX_RECENT`, newest first) live in the ``sessions/recent`` setting, read by
:func:`recent_files` and changed by :func:`add_recent`, :func:`forget_recent` and
:func:`clear_recent`. :func:`read_session` reads and checks a session file completely, and
:func:`remember_last` / :func:`last_file` keep beside the autosave which file it stands for.
:class:`~.sessions.SessionController` turns these into menu entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from ...core.session import Session, SessionError
from ...core.session_load import read_json, session_from_dict
from ...document import Document, document_of
from ...resources import preset_paths

MAX_RECENT = 8
GROUP = "sessions"
AUTOSAVE_NAME = "last-session.json"


@dataclass(frozen=True)
class Preset:
    """A session file shipped in the package (:func:`beale_gui.resources.preset_paths`)."""

    path: Path
    title: str
    description: str = ""


def list_presets(folder: Path | None = None) -> list[Preset]:
    """The presets in ``folder`` (the shipped ones by default), in file-name order, titled from
    their JSON."""
    presets = []
    for path in sorted(Path(folder).glob("*.json")) if folder else preset_paths():
        try:
            data = read_json(path)
            title, description = str(data.get("title") or ""), str(data.get("description") or "")
        except (SessionError, AttributeError):
            title, description = "", ""
        presets.append(Preset(path, title or path.stem.replace("-", " "), description))
    return presets


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


def recent_files(settings: QSettings) -> list[str]:
    """The recent files, newest first (whatever the setting holds, only non-empty strings)."""
    value = settings.value(f"{GROUP}/recent", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value or [] if isinstance(v, str) and v][:MAX_RECENT]


def add_recent(settings: QSettings, path: Path) -> None:
    """Put ``path`` (resolved) first in the recent files, once."""
    text = str(Path(path).resolve())
    paths = [text, *(p for p in recent_files(settings) if p != text)]
    settings.setValue(f"{GROUP}/recent", paths[:MAX_RECENT])


def forget_recent(settings: QSettings, path: str) -> None:
    """Take ``path`` out of the recent files (it is gone)."""
    settings.setValue(f"{GROUP}/recent", [p for p in recent_files(settings) if p != path])


def clear_recent(settings: QSettings) -> None:
    settings.setValue(f"{GROUP}/recent", [])


def read_session(path: Path) -> tuple[dict, Session, Document]:
    """The file's JSON, its session and the document it opens as, all checked before anything
    is shown; SessionError says what is wrong."""
    data = read_json(path)
    session = session_from_dict(data)
    return data, session, document_of(session)


def remember_last(settings: QSettings, path: Path | None, name: str, modified: bool) -> None:
    """Note beside the autosave the file it stands for, its title and whether it was unsaved;
    OSError when the settings cannot be written."""
    settings.setValue(f"{GROUP}/last_path", str(path) if path else "")
    settings.setValue(f"{GROUP}/last_name", name)
    settings.setValue(f"{GROUP}/last_modified", modified)
    settings.sync()
    if settings.status() == QSettings.Status.AccessError:
        raise OSError(f"the settings file {settings.fileName()} cannot be written")


def last_file(settings: QSettings) -> tuple[Path | None, str]:
    """The file the autosave stands for (None when there is none or it is gone) and its title
    ("" when none was kept)."""
    last = settings.value(f"{GROUP}/last_path", "")
    last = Path(last) if isinstance(last, str) and last else None
    name = settings.value(f"{GROUP}/last_name", "")
    return last if last and last.exists() else None, name if isinstance(name, str) and name else ""
