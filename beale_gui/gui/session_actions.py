"""Sessions in the window: File > New, Open, Save, Save As, Open Recent and Presets.

:func:`install_sessions` adds the menu entries and a :class:`SessionController` that

- turns the window's state (panel, start points, view) into a :class:`~core.session.Session`
  and back; a file is read and checked completely before anything in the window changes, so a
  refused file changes nothing;
- writes sessions atomically: a failed save keeps the old file and says why;
- shows the session's file name in the title, with ``*`` while it has unsaved changes;
- keeps the current session for the next launch: a few seconds after each change, and on
  close; the next launch restores it. The autosave lives in the app's data folder
  (``QStandardPaths.AppDataLocation``), or beside the settings file when the window was given an
  ini file (tests), and the ``sessions/autosave`` setting (false) turns it off. A corrupt
  autosave is ignored with a message in the status bar; a location that cannot be written is
  reported once (until a later autosave succeeds), and nothing in the window is lost.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QObject, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from ..core.session import Experiment, Session, SessionError, save_session, usable_view
from ..core.session_load import read_json, session_from_dict
from ..resources import preset_paths
from .model import PALETTE, SEED_START, OptimizerEntry, PanelState, default_state
from .notify import WindowMessages
from .safety import guarded

log = logging.getLogger(__name__)

APP_TITLE = "Beale GUI"
UNTITLED = "Untitled"
FILE_FILTER = "Beale GUI sessions (*.json);;All files (*)"
MAX_RECENT = 8
GROUP = "sessions"
AUTOSAVE_NAME = "last-session.json"
AUTOSAVE_DELAY_MS = 3000   # after the last change: a burst of edits is written once


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


# -- window <-> session ------------------------------------------------------------------------

def window_session(window) -> Session:
    """Everything the window holds: panel state, start points and view."""
    state = window.panel.state()
    entries = state.entries
    experiment = Experiment(
        state.function, [e.config for e in entries], window.starts(), state.max_steps,
        state.tol, state.seed, state.expression, view=usable_view(window.canvas.view_extent()),
        colours=[e.colour for e in entries])
    return Session(experiment, [e.enabled for e in entries])


def panel_state(session: Session) -> PanelState:
    """The panel state of ``session``; SessionError for what the window cannot show."""
    exp = session.experiment
    used = {c.upper() for c in exp.colours or () if c}
    spare = [c for c in PALETTE if c.upper() not in used]
    entries = []
    for i, (config, on) in enumerate(zip(exp.optimizers, session.enabled, strict=True)):
        arrays = [k for k, v in config.hparams.items() if not isinstance(v, float)]
        if arrays:
            raise SessionError(f"optimizers[{i}].hparams.{arrays[0]}: the window takes one "
                               "value per hyperparameter, not a list")
        colour = exp.colour_of(i) or (spare.pop(0) if spare else PALETTE[i % len(PALETTE)])
        entries.append(OptimizerEntry(config, colour, on))
    return PanelState(exp.function, entries, max_steps=exp.max_steps, tol=exp.tol,
                      seed=exp.seed, expression=exp.expression)


def _read(path: Path) -> tuple[dict, Session, PanelState]:
    """The file's JSON, its session and the panel state, all checked before anything is
    shown; SessionError says what is wrong."""
    data = read_json(path)
    session = session_from_dict(data)
    return data, session, panel_state(session)


def _fingerprint(session: Session) -> dict:
    """What counts as a change: everything but the view (panning is not an edit)."""
    d = session.to_dict()
    d.pop("view", None)
    return d


class SessionController(QObject, WindowMessages):
    """The File menu's session entries and the title, for one :class:`MainWindow`.

    The file dialogs and the discard question are the methods :meth:`ask_open_path`,
    :meth:`ask_save_path` and :meth:`ask_discard`; tests replace them.
    """

    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.path: Path | None = None     # the file Save writes to
        self.name = UNTITLED              # shown in the title
        self._clean: dict | None = None   # the fingerprint when last opened or saved
        self._pending_view = None
        self._launch_path: Path | None = None   # opened at launch instead of the autosave
        self._autosave_reported = False         # a failure is said once, until one succeeds
        self._autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self._autosave_timer.timeout.connect(self._on_autosave_due)
        self._build_actions()
        self._connect()
        self._clean = _fingerprint(window_session(window))
        self._update_title()
        window.installEventFilter(self)

    # -- menus ------------------------------------------------------------------------------
    def _action(self, text: str, slot, keys: str = "", tip: str = "") -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        w = self.window
        self.action_new = self._action("&New session", self._on_new, "Ctrl+N",
                                       "Start again from the default settings")
        self.action_open = self._action("&Open session\u2026", self._on_open, "Ctrl+O",
                                        "Open a session, preset or data-export JSON file")
        self.action_save = self._action("&Save session", self._on_save, "Ctrl+S",
                                        "Save everything the window holds")
        self.action_save_as = self._action("Save session &as\u2026", self._on_save_as,
                                           "Ctrl+Shift+S", "Save to a new file")
        self.menu_recent = QMenu("Open &recent", w)
        self.menu_presets = QMenu("&Presets", w)
        self.menu_presets.setToolTipsVisible(True)
        self.presets = list_presets()
        for preset in self.presets:
            action = self.menu_presets.addAction(preset.title)
            action.setToolTip(preset.description)
            action.setStatusTip(preset.description)
            action.triggered.connect(lambda _=False, p=preset: self._on_preset(p))
        self.menu_presets.setEnabled(bool(self.presets))
        menu, before = w.menu_file, w.action_quit
        for action in (self.action_new, self.action_open):
            menu.insertAction(before, action)
        menu.insertMenu(before, self.menu_recent)
        menu.insertMenu(before, self.menu_presets)
        menu.insertSeparator(before)
        menu.insertAction(before, self.action_save)
        menu.insertAction(before, self.action_save_as)
        menu.insertSeparator(before)
        self._rebuild_recent()

    def _rebuild_recent(self) -> None:
        self.menu_recent.clear()
        paths = self.recent_files()
        for i, path in enumerate(paths, 1):
            action = self.menu_recent.addAction(f"&{i} {Path(path).name}")
            action.setStatusTip(path)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self._on_open_recent(p))
        if paths:
            self.menu_recent.addSeparator()
            self.menu_recent.addAction("Clear list", self._on_clear_recent)
        self.menu_recent.setEnabled(bool(paths))

    def _connect(self) -> None:
        w = self.window
        w.panel.state_changed.connect(self._on_edited)
        for signal in (w.canvas.start_added, w.canvas.start_moved, w.canvas.start_removed):
            signal.connect(self._on_edited)
        w.runs_ready.connect(self._on_runs_ready)

    # -- public -----------------------------------------------------------------------------
    def is_modified(self) -> bool:
        return _fingerprint(window_session(self.window)) != self._clean

    def recent_files(self) -> list[str]:
        value = self.settings.value(f"{GROUP}/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or [] if isinstance(v, str) and v][:MAX_RECENT]

    def open_path(self, path: str | Path) -> bool:
        """Open a session, preset or data file; on a refusal say why and change nothing."""
        path = Path(path)
        try:
            data, session, state = _read(path)
        except SessionError as exc:
            self._warn("Cannot open the session",
                       f"{path.name} was not opened: {exc}. Nothing was changed.")
            return False
        data_export = "runs" in data
        self._apply(session, state)
        # a data export is not overwritten by Save: it opens as an untitled copy
        self._set_file(None if data_export else path,
                       f"{path.stem} (data)" if data_export else path.name)
        self._add_recent(path)
        self._status(f"Opened {path.name}")
        return True

    def save_to(self, path: str | Path) -> bool:
        """Write the session atomically; a failure keeps the old file and says why."""
        path = Path(path)
        existed = path.exists()
        try:
            save_session(window_session(self.window), path)
        except (OSError, ValueError) as exc:
            kept = " The old file is unchanged." if existed else ""
            self._warn("Cannot save the session", f"{path.name} was not saved: {exc}.{kept}")
            return False
        self._set_file(path, path.name)
        self._add_recent(path)
        self._status(f"Saved {path}")
        return True

    def load_preset(self, preset: Preset) -> bool:
        """Show a preset as a new untitled session (Save asks for a file)."""
        try:
            _, session, state = _read(preset.path)
        except SessionError as exc:
            self._warn("Cannot open the preset", f"Preset {preset.title}: {exc}")
            return False
        self._apply(session, state)
        self._set_file(None, preset.title)
        self._status(f"Preset: {preset.title}. {session.description}".strip())
        return True

    def new_session(self) -> None:
        self._apply(None, default_state())
        self._set_file(None, UNTITLED)

    def restore_last(self) -> bool:
        """Open the autosaved session, if any; a bad one is ignored with a message."""
        path = autosave_path(self.settings)
        if path is None or not path.exists() or self.window.worker.is_closed:
            return False
        try:
            _, session, state = _read(path)
        except SessionError as exc:
            log.warning("last session not restored: %s", exc)
            self._status(f"The last session could not be restored ({exc}); "
                         "starting from the defaults.")
            return False
        self._apply(session, state)
        last = self.settings.value(f"{GROUP}/last_path", "")
        last = Path(last) if isinstance(last, str) and last else None
        name = self.settings.value(f"{GROUP}/last_name", "")
        self._set_file(last if last and last.exists() else None,
                       name if isinstance(name, str) and name else UNTITLED)
        if self.settings.value(f"{GROUP}/last_modified", False, type=bool):
            self._clean = None
            self._update_title()
        return True

    def autosave(self, report: bool = True) -> bool:
        """Keep the current session for the next launch (atomically); False when it could not.

        The first failure is reported (``report``: in a message box and the status bar), later
        ones only logged, until an autosave succeeds again. The window keeps everything.
        """
        self._autosave_timer.stop()
        path = autosave_path(self.settings)
        if path is None:
            return False
        s = self.settings
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            save_session(window_session(self.window), path)
            s.setValue(f"{GROUP}/last_path", str(self.path) if self.path else "")
            s.setValue(f"{GROUP}/last_name", self.name)
            s.setValue(f"{GROUP}/last_modified", self.is_modified())
            s.sync()
            if s.status() == QSettings.Status.AccessError:
                raise OSError(f"the settings file {s.fileName()} cannot be written")
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            if report and not self._autosave_reported:
                self._autosave_reported = True
                self._warn("The session cannot be kept",
                           f"The session cannot be kept for the next launch ({path}: "
                           f"{reason}). Everything is still in the window; use File > Save "
                           "session to keep it. This is said once.")
            else:
                log.info("autosave failed again: %s: %s", path, reason)
            return False
        self._autosave_reported = False
        return True

    @property
    def autosave_pending(self) -> bool:
        """True while a change waits to be autosaved."""
        return self._autosave_timer.isActive()

    def report_error(self, message: str) -> None:
        self.window.report_error(message)

    # -- dialogs (tests replace these) ------------------------------------------------------
    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, "Open session", self._folder(),
                                              FILE_FILTER)
        return path

    def ask_save_path(self) -> str:
        stem = re.sub(r"[^a-z0-9]+", "-", Path(self.name).stem.lower()).strip("-")
        suggested = str(self.path) if self.path else str(
            Path(self._folder()) / f"{stem or 'session'}.json")
        path, _ = QFileDialog.getSaveFileName(self.window, "Save session", suggested,
                                              FILE_FILTER)
        if path and not Path(path).suffix:
            path += ".json"
        return path

    def ask_discard(self) -> bool:
        """True when the unsaved changes may go (after saving them, if the user chose to)."""
        if not self.is_modified():
            return True
        answer = QMessageBox.question(
            self.window, "Unsaved changes", f"Save the changes to {self.name} first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self._save()
        return answer == QMessageBox.StandardButton.Discard

    # -- slots ------------------------------------------------------------------------------
    @guarded
    def _on_new(self, *_) -> None:
        if self.ask_discard():
            self.new_session()

    @guarded
    def _on_open(self, *_) -> None:
        if not self.ask_discard():
            return
        path = self.ask_open_path()
        if path:
            self.open_path(path)

    @guarded
    def _on_open_recent(self, path: str) -> None:
        if not Path(path).exists():
            self._forget_recent(path)
            self._warn("Cannot open the session", f"{path} no longer exists.")
            return
        if self.ask_discard():
            self.open_path(path)

    @guarded
    def _on_clear_recent(self, *_) -> None:
        self.settings.setValue(f"{GROUP}/recent", [])
        self._rebuild_recent()

    @guarded
    def _on_preset(self, preset: Preset) -> None:
        if self.ask_discard():
            self.load_preset(preset)

    @guarded
    def _on_save(self, *_) -> None:
        self._save()

    @guarded
    def _on_save_as(self, *_) -> None:
        path = self.ask_save_path()
        if path:
            self.save_to(path)

    def open_at_launch(self, path: str | Path) -> None:
        """Open ``path`` once the event loop runs, instead of the last session; if it cannot
        be opened, the last session comes back and a message says why."""
        self._launch_path = Path(path)

    @guarded
    def _on_launched(self) -> None:
        path, self._launch_path = self._launch_path, None
        if path is not None and not self.window.worker.is_closed and self.open_path(path):
            return
        self.restore_last()

    @guarded
    def _on_edited(self, *_) -> None:
        self._pending_view = None   # the user moved on: a late result keeps the current view
        self._update_title()
        if autosave_path(self.settings) is not None:
            self._autosave_timer.start()

    @guarded
    def _on_autosave_due(self) -> None:
        if not self.window.worker.is_closed:
            self.autosave()

    @guarded
    def _on_runs_ready(self) -> None:
        if self._pending_view is not None:
            self.window.canvas.fit_view(self._pending_view)
            self._pending_view = None
        self._update_title()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Close:
            try:
                self.autosave(report=False)   # the window is going: a message would not be seen
            except Exception:   # closing must go on whatever happens here
                log.exception("autosave on close failed")
        return False

    # -- internals --------------------------------------------------------------------------
    def _save(self) -> bool:
        if self.path is None:
            path = self.ask_save_path()
            return bool(path) and self.save_to(path)
        return self.save_to(self.path)

    def _apply(self, session: Session | None, state: PanelState) -> None:
        """Show ``state`` and the session's start points and view (all checked already)."""
        w = self.window
        w.panel.set_state(state)
        if session is None:
            w.set_starts(_seed_starts())
            view = None
        else:
            w.set_starts(session.experiment.starts)
            view = session.experiment.view
        self._pending_view = view
        w.canvas.fit_view(view)   # shown now, and again once the new paths are drawn

    def _set_file(self, path: Path | None, name: str) -> None:
        self.path, self.name = path, name
        self._clean = _fingerprint(window_session(self.window))
        self._update_title()

    def _update_title(self) -> None:
        w = self.window
        w.setWindowTitle(f"{self.name}[*] \u2014 {APP_TITLE}")
        w.setWindowModified(self.is_modified())

    def _folder(self) -> str:
        if self.path is not None:
            return str(self.path.parent)
        recent = self.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def _add_recent(self, path: Path) -> None:
        text = str(Path(path).resolve())
        paths = [text, *(p for p in self.recent_files() if p != text)]
        self.settings.setValue(f"{GROUP}/recent", paths[:MAX_RECENT])
        self._rebuild_recent()

    def _forget_recent(self, path: str) -> None:
        self.settings.setValue(f"{GROUP}/recent", [p for p in self.recent_files() if p != path])
        self._rebuild_recent()


def _seed_starts() -> np.ndarray:
    return np.array([SEED_START], dtype=np.float64)


def install_sessions(window: QMainWindow, settings: QSettings | None = None
                     ) -> SessionController:
    """Add the session entries to ``window``'s File menu and restore the last session once the
    event loop runs. ``settings`` defaults to the window's own (where recent files are kept)."""
    settings = settings if settings is not None else window._settings
    controller = SessionController(window, settings)
    window.sessions = controller
    QTimer.singleShot(0, controller, controller._on_launched)
    return controller
