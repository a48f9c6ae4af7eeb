"""The files behind the session menus, without the window: presets and the recent-files list.

:func:`list_presets` titles the shipped presets (:class:`Preset`) from their JSON; the recent
files (at most :data:`MAX_RECENT`, newest first) live in the ``sessions/recent`` setting, read by
:func:`recent_files` and changed by :func:`add_recent`, :func:`forget_recent` and
:func:`clear_recent`. :func:`read_session` reads and checks a session file completely.
:class:`~.sessions.SessionController` turns these into menu entries; where the session is kept
for the next launch is in :mod:`.autosave`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from ...core.session import Session, SessionError
from ...core.session_load import read_json, session_from_dict
from ...document import Document, document_of
from ...resources import preset_paths

MAX_RECENT = 8
GROUP = "sessions"


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
