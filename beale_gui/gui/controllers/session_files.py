"""The files behind the session menus, without the window: presets and the recent-files list.

:func:`list_presets` titles the shipped presets (:class:`Preset`) from their JSON; the recent
files (at most :data:`MAX_RECENT`, newest first) live in the ``sessions/recent`` setting, read by
:func:`recent_files` and changed by :func:`add_recent`, :func:`forget_recent` and
:func:`clear_recent`. :func:`read_session` reads and checks a session file completely, running
a plug-in file it uses only when asked to; :func:`read_session_without_plugins` leaves such
optimizers out (the autosave at launch).
:class:`~.sessions.SessionController` turns these into menu entries; where the session is kept
for the next launch is in :mod:`.autosave`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from ...core.optimizers import plugins, torch_adapter
from ...core.session import Session, SessionError
from ...core.session_load import (
    pending_imports,
    pending_plugins,
    read_json,
    session_from_dict,
)
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


def read_session(path: Path, ask: Callable[[str, str], bool] | None = None,
                 ask_import: Callable[[str], bool] | None = None,
                 ) -> tuple[dict, Session, Document]:
    """The file's JSON, its session and the document it opens as, all checked before anything
    is shown; SessionError says what is wrong.

    A session whose torch optimizers import a module other than torch.optim, not imported yet
    (``torch:pytorch_optimizer.Lion``), is refused (:class:`ImportDeclined`) unless
    ``ask_import(module)`` says yes to each, asked before anything else runs.

    A session that uses plug-in files not loaded yet is refused (:class:`PluginRefused`)
    unless ``ask(path, sha256)`` says yes to each: only then is their code run. Each file is
    checked first (there, unchanged: SessionError); :class:`PluginsDeclined` when one is
    declined. Plug-ins loaded for a session that is refused after all are unloaded again.
    """
    data = read_json(path)
    if ask_import is not None:
        for module in pending_imports(data):
            if not ask_import(module):
                raise ImportDeclined(module)
    pending = pending_plugins(data.get("plugins")) if isinstance(data, dict) else []
    if ask is None or not pending:
        session = session_from_dict(data)
        return data, session, document_of(session)
    for name, plugin_path, sha in pending:
        if not ask(plugin_path, sha):
            raise PluginsDeclined(name, plugin_path)
    try:
        session = session_from_dict(data, allow_plugins=True)
        return data, session, document_of(session)
    except Exception:
        for name, _, _ in pending:
            plugins.unregister(name)
        raise


class PluginsDeclined(SessionError):
    """The user declined to run a session's plug-in file: nothing was opened."""

    def __init__(self, name: str, path: str) -> None:
        super().__init__(path)
        self.name, self.path = name, path


class ImportDeclined(SessionError):
    """The user declined to import a module a session's torch optimizer names: nothing was
    opened."""

    def __init__(self, module: str) -> None:
        super().__init__(module)
        self.module = module


def without_imports(data: dict) -> tuple[dict, list[str]]:
    """A session's JSON without the torch optimizers whose modules would be imported
    (:func:`~beale_gui.core.session_load.pending_imports`), and their names."""
    optimizers = data.get("optimizers") if isinstance(data, dict) else None
    if not isinstance(optimizers, list) or not pending_imports(data):
        return data, []
    dropped = [o["name"] for o in optimizers if isinstance(o, dict)
               and isinstance(o.get("name"), str) and torch_adapter.imports_code(o["name"])]
    kept = dict(data)
    kept["optimizers"] = [o for o in optimizers
                          if not (isinstance(o, dict) and o.get("name") in dropped)]
    return kept, dropped


def without_plugins(data: dict) -> tuple[dict, list[str]]:
    """A session's JSON without the plug-in files (``"plugins"``) that are not loaded in this
    process and the optimizers that use them, and those optimizers' names: what can be shown
    without running any plug-in code."""
    declared = data.get("plugins") if isinstance(data, dict) else None
    if not isinstance(declared, dict):
        return data, []
    dropped = [str(n) for n in declared if plugins.source_of(str(n)) is None]
    if not dropped:
        return data, []
    kept = {k: v for k, v in data.items() if k != "plugins"}
    rest = {n: v for n, v in declared.items() if n not in dropped}
    if rest:
        kept["plugins"] = rest
    optimizers = data.get("optimizers")
    if isinstance(optimizers, list):
        kept["optimizers"] = [o for o in optimizers
                              if not (isinstance(o, dict) and o.get("name") in dropped)]
    return kept, dropped


def read_session_without_plugins(path: Path) -> tuple[Session, Document, list[str]]:
    """As :func:`read_session`, leaving out the optimizers whose plug-in files are not
    loaded (:func:`without_plugins`; their code is not run) and the torch optimizers whose
    modules are not imported (:func:`without_imports`), and their names."""
    data, dropped = without_plugins(read_json(path))
    data, unimported = without_imports(data)
    session = session_from_dict(data)
    return session, document_of(session), dropped + unimported
