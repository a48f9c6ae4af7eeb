"""Sessions in the window: File > New, Open, Save, Save As, Open Recent and Presets.

:class:`SessionController`, built by the main window with its settings and File menu, adds the
menu entries and

- saves the window's :class:`~beale_gui.document.Document` as a
  :class:`~core.session.Session` and shows one opened (``document/convert.py``); a file is read
  and checked completely before the document changes, so a refused file changes nothing;
- writes sessions atomically: a failed save keeps the old file and says why;
- shows the session's file name in the title, with ``*`` while it has unsaved changes;
- at launch, opens the file given on the command line, else the session its
  :class:`~.autosave.Autosave` kept at the last close (:mod:`.autosave`).

The files behind these (presets, the recent files, reading a session file) are in
:mod:`.session_files`.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from ... import APP_NAME
from ...core.i18n import QT_TRANSLATE_NOOP
from ...core.session import SessionError, save_session
from ...document import Document, document_of, fingerprint, session_of
from ..guarded import guarded
from ..notify import WindowMessages
from .autosave import Autosave
from .menu_actions import menu_action
from .session_files import (
    ImportDeclined,
    PluginsDeclined,
    Preset,
    add_recent,
    clear_recent,
    forget_recent,
    list_presets,
    read_session,
    recent_files,
)

# English (kept in the settings); shown as translate("SessionController", text)
UNTITLED = QT_TRANSLATE_NOOP("SessionController", "Untitled")
FILE_FILTER = QT_TRANSLATE_NOOP("SessionController", "Beale GUI sessions (*.json);;All files (*)")
translate = QCoreApplication.translate


class SessionController(QObject, WindowMessages):
    """The File menu's session entries and the title, for one :class:`MainWindow`.

    Parameters
    ----------
    window : MainWindow
        The shell: its title, status bar and ``runs_ready``.
    document : Document
        What is saved and what an opened session replaces.
    settings : QSettings
        Where recent files and the autosave's file name are kept.
    file_menu, before
        The entries go into ``file_menu`` above ``before`` (the window's Quit).

    The file dialogs and the questions are the methods :meth:`ask_open_path`,
    :meth:`ask_save_path`, :meth:`ask_discard`, :meth:`ask_run_plugin` (a session's plug-in
    file runs only when the user says yes) and :meth:`ask_import` (as does a module a torch
    optimizer names, other than torch.optim); tests replace them. The window calls
    :meth:`launch` once its event loop runs and :meth:`shutdown` when it closes. ``autosave``
    (an :class:`~.autosave.Autosave`) keeps the session for the next launch and shows it again
    through :meth:`show_restored`.

    Signals
    -------
    opened()
        A session, preset or new session is shown: its runs start again from step 0 (even
        when it changed nothing in the document).
    described(str, str)
        What the shown preset demonstrates: its title and description, for the note above the
        canvas; two empty strings once the user changed something (or another session is
        shown).
    preset_loaded(int)
        A preset is shown, with that many optimizers.
    comparison_offered(dict)
        The preset shown carries a comparison: its session's ``"compare"`` entry.
    """

    opened = Signal()
    described = Signal(str, str)
    preset_loaded = Signal(int)
    comparison_offered = Signal(dict)

    def __init__(self, window: QMainWindow, document: Document, settings: QSettings,
                 file_menu: QMenu, before: QAction) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.settings = settings
        self._closed = False
        self.path: Path | None = None     # the file Save writes to
        self.name = UNTITLED              # shown in the title
        self._clean: dict | None = None   # the fingerprint when last opened or saved
        self._pending_view = None
        self._described = False           # the note describes what is shown
        self._launch_path: Path | None = None   # opened at launch instead of the autosave
        self._handover = None                    # shown at launch instead of either
        self.autosave = Autosave(self)
        self._build_actions(file_menu, before)
        self._connect()
        self._clean = self._fingerprint()
        self._update_title()

    # -- menus ------------------------------------------------------------------------------
    def _build_actions(self, menu: QMenu, before: QAction) -> None:
        w = self.window
        self.action_new = menu_action(
            w, translate("SessionController", "&New session"), self._on_new, "Ctrl+N",
            translate("SessionController", "Start again from the default settings"))
        self.action_open = menu_action(
            w, translate("SessionController", "&Open session\u2026"), self._on_open, "Ctrl+O",
            translate("SessionController", "Open a session, preset or data-export JSON file"))
        self.action_save = menu_action(
            w, translate("SessionController", "&Save session"), self._on_save, "Ctrl+S",
            translate("SessionController", "Save everything the window holds"))
        self.action_save_as = menu_action(
            w, translate("SessionController", "Save session &as\u2026"), self._on_save_as,
            "Ctrl+Shift+S", translate("SessionController", "Save to a new file"))
        self.menu_recent = QMenu(translate("SessionController", "Open &recent"), w)
        self.menu_presets = QMenu(translate("SessionController", "&Presets"), w)
        self.menu_presets.setToolTipsVisible(True)
        self.presets = list_presets()
        for preset in self.presets:
            action = self.menu_presets.addAction(translate("Presets", preset.title))
            action.setToolTip(translate("Presets", preset.description))
            action.setStatusTip(translate("Presets", preset.description))
            action.triggered.connect(lambda _=False, p=preset: self._on_preset(p))
        self.menu_presets.setEnabled(bool(self.presets))
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
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if paths:
            self.menu_recent.addSeparator()
            self.menu_recent.addAction(translate("SessionController", "Clear list"),
                                       self._on_clear_recent)
        self.menu_recent.setEnabled(bool(paths))

    def _connect(self) -> None:
        self.document.events.changed.connect(self._on_document_changed)
        self.window.runs_ready.connect(self._on_runs_ready)

    # -- public -----------------------------------------------------------------------------
    def is_modified(self) -> bool:
        return self._fingerprint() != self._clean

    def shown_name(self) -> str:
        """The session's title as shown: ``Untitled`` and a preset's title in the interface
        language, a file's name as it is."""
        if self.name == UNTITLED:
            return translate("SessionController", UNTITLED)
        return translate("Presets", self.name)

    def recent_files(self) -> list[str]:
        return recent_files(self.settings)

    def open_path(self, path: str | Path) -> bool:
        """Open a session, preset or data file; on a refusal say why and change nothing."""
        path = Path(path)
        try:
            data, _, document = read_session(path, self.ask_run_plugin, self.ask_import)
        except ImportDeclined as exc:
            self._status(translate("SessionController", "{0} was not opened: {1} was not "
                                   "imported. Nothing was changed.").format(path.name,
                                                                            exc.module))
            return False
        except PluginsDeclined as exc:
            self._status(translate("SessionController", "{0} was not opened: its plug-in {1} "
                                   "was not run. Nothing was changed.").format(path.name, exc.path))
            return False
        except SessionError as exc:
            self._warn(translate("SessionController", "Cannot open the session"),
                       translate("SessionController",
                                 "{0} was not opened: {1}. Nothing was changed.")
                       .format(path.name, exc))
            return False
        data_export = "runs" in data
        self._apply(document)
        # a data export is not overwritten by Save: it opens as an untitled copy
        self._set_file(None if data_export else path,
                       translate("SessionController", "{0} (data)").format(path.stem)
                       if data_export else path.name)
        self._add_recent(path)
        self._status(translate("SessionController", "Opened {0}").format(path.name))
        return True

    def save_to(self, path: str | Path) -> bool:
        """Write the session atomically; a failure keeps the old file and says why."""
        path = Path(path)
        existed = path.exists()
        try:
            save_session(session_of(self.document), path)
        except (OSError, ValueError) as exc:
            message = (translate("SessionController",
                                 "{0} was not saved: {1}. The old file is unchanged.")
                       if existed else
                       translate("SessionController", "{0} was not saved: {1}."))
            self._warn(translate("SessionController", "Cannot save the session"),
                       message.format(path.name, exc))
            return False
        self._set_file(path, path.name)
        self._add_recent(path)
        self._status(translate("SessionController", "Saved {0}").format(path))
        return True

    def load_preset(self, preset: Preset) -> bool:
        """Show a preset as a new untitled session (Save asks for a file)."""
        try:
            data, session, document = read_session(preset.path)
        except SessionError as exc:
            self._warn(translate("SessionController", "Cannot open the preset"),
                       translate("SessionController", "Preset {0}: {1}")
                       .format(translate("Presets", preset.title), exc))
            return False
        self._apply(document)
        self._set_file(None, preset.title)
        title = translate("Presets", preset.title)
        self._status(translate("SessionController", "Preset: {0}").format(title))
        self._described = True     # until the user changes something
        self.described.emit(title, translate("Presets", session.description))
        self.preset_loaded.emit(len(document.entries))
        if isinstance(data.get("compare"), dict):
            self.comparison_offered.emit(data["compare"])
        return True

    def new_session(self) -> None:
        self._apply(Document())
        self._set_file(None, UNTITLED)

    def show_restored(self, document: Document, path: Path | None, name: str,
                      modified: bool) -> None:
        """Show ``document`` (checked already) as the session kept at the last close: the file
        it stands for (``path``, None for an untitled one), its title (``name``, "" for
        untitled) and whether it had unsaved changes."""
        self._apply(document)
        self._set_file(path, name or UNTITLED)
        if modified:
            self._clean = None
            self._update_title()

    def report_error(self, message: str) -> None:
        self.window.report_error(message)

    # -- dialogs (tests replace these) ------------------------------------------------------
    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self.window, translate("SessionController", "Open session"), self._folder(),
            translate("SessionController", FILE_FILTER))
        return path

    def ask_save_path(self) -> str:
        stem = re.sub(r"[^a-z0-9]+", "-", Path(self.name).stem.lower()).strip("-")
        suggested = str(self.path) if self.path else str(
            Path(self._folder()) / f"{stem or 'session'}.json")
        path, _ = QFileDialog.getSaveFileName(
            self.window, translate("SessionController", "Save session"), suggested,
            translate("SessionController", FILE_FILTER))
        if path and not Path(path).suffix:
            path += ".json"
        return path

    def ask_run_plugin(self, path: str, sha256: str) -> bool:
        """Whether the plug-in file ``path`` a session uses may run (it is code)."""
        answer = QMessageBox.question(
            self.window, translate("SessionController", "Run a plug-in?"),
            translate("SessionController", "This session runs code from {0} (sha256 {1}). "
                      "Run it?").format(path, sha256),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def ask_import(self, module: str) -> bool:
        """Whether the module ``module`` a session's torch optimizer names may be imported
        (its code runs)."""
        answer = QMessageBox.question(
            self.window, translate("SessionController", "Import a module?"),
            translate("SessionController", "This session imports {0}. Run it?").format(module),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def ask_discard(self) -> bool:
        """True when the unsaved changes may go (after saving them, if the user chose to)."""
        if not self.is_modified():
            return True
        answer = QMessageBox.question(
            self.window, translate("SessionController", "Unsaved changes"),
            translate("SessionController", "Save the changes to {0} first?")
            .format(self.shown_name()),
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
    def open_recent(self, path: str) -> None:
        """What Open Recent's entry for ``path`` does: ask about unsaved changes and open
        it; a file that is gone leaves the list, with a message."""
        if not Path(path).exists():
            self._forget_recent(path)
            self._warn(translate("SessionController", "Cannot open the session"),
                       translate("SessionController", "{0} no longer exists.").format(path))
            return
        if self.ask_discard():
            self.open_path(path)

    @guarded
    def _on_clear_recent(self, *_) -> None:
        clear_recent(self.settings)
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

    def handover(self) -> tuple[Document, Path | None, str, bool]:
        """What a window rebuilt in another language takes over (:meth:`take_over`): a copy
        of the document, its file, title and whether it has unsaved changes."""
        return document_of(session_of(self.document)), self.path, self.name, self.is_modified()

    def take_over(self, handover: tuple[Document, Path | None, str, bool]) -> None:
        """Show what :meth:`handover` gave once the event loop runs, instead of the last
        session."""
        self._handover = handover

    @guarded
    def launch(self) -> None:
        """The window's event loop runs: show what was handed over, else open the file given
        at launch, else the last session (nothing once the window has closed)."""
        handover, self._handover = self._handover, None
        if handover is not None and not self._closed:
            self.show_restored(*handover)
            return
        path, self._launch_path = self._launch_path, None
        if path is not None and not self._closed and self.open_path(path):
            return
        self.autosave.restore()

    def shutdown(self) -> None:
        """The window is closing: keep the session for the next launch and take no more
        work."""
        self._closed = True
        self.autosave.shutdown()

    @guarded
    def _on_document_changed(self, parts: frozenset[str]) -> None:
        if parts - {"view"}:     # panning and zooming are not edits
            self._on_edited()

    def _on_edited(self) -> None:
        if self._described:        # the note no longer describes what is shown
            self._described = False
            self.described.emit("", "")
        self._pending_view = None   # the user moved on: a late result keeps the current view
        self._update_title()
        self.autosave.schedule()

    @guarded
    def _on_runs_ready(self) -> None:
        if self._pending_view is not None:
            self.document.set_view(self._pending_view)
            self._pending_view = None
        self._update_title()

    # -- internals --------------------------------------------------------------------------
    def _save(self) -> bool:
        if self.path is None:
            path = self.ask_save_path()
            return bool(path) and self.save_to(path)
        return self.save_to(self.path)

    def _apply(self, document: Document) -> None:
        """Show ``document`` (checked already): its view now, and again once the new paths
        are drawn (they fit the view to themselves)."""
        self.document.assign(document)
        self._pending_view = document.view
        self.opened.emit()

    def _set_file(self, path: Path | None, name: str) -> None:
        self.path, self.name = path, name
        self._clean = self._fingerprint()
        self._update_title()

    def _fingerprint(self) -> dict:
        return fingerprint(session_of(self.document))

    def _update_title(self) -> None:
        w = self.window
        w.setWindowTitle(f"{self.shown_name()}[*] \u2014 {APP_NAME}")
        w.setWindowModified(self.is_modified())

    def _folder(self) -> str:
        if self.path is not None:
            return str(self.path.parent)
        recent = self.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def _add_recent(self, path: Path) -> None:
        add_recent(self.settings, path)
        self._rebuild_recent()

    def _forget_recent(self, path: str) -> None:
        forget_recent(self.settings, path)
        self._rebuild_recent()

