"""File > Export image… (Ctrl+E), Export animation…, Export data… for the main window.

The window builds an :class:`ExportController` with its File menu (the actions go above
``before``, its Quit) and calls :meth:`ExportController.shutdown` when it closes. The window
needs its ``run_state`` (the result, its colours and expression, the step), its ``document``
(the view), ``canvas``, ``action_mechanics`` and ``statusBar()``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from ...core.i18n import QT_TRANSLATE_NOOP
from ..dialogs.export_dialog import (
    AnimationExport,
    AnimationProgress,
    ExportDialog,
    ExportOptions,
    NothingToExport,
    export_data,
    export_figure,
    export_image,
    suggested_path,
    window_result,
)
from ..notify import WindowMessages
from .menu_actions import menu_action

# English; the file dialog shows translate("ExportController", DATA_FILTER)
DATA_FILTER = QT_TRANSLATE_NOOP("ExportController",
                                "CSV table (*.csv);;JSON with the configuration (*.json)")
translate = QCoreApplication.translate


class ExportController(QObject, WindowMessages):
    """The export actions and what they run. The ``ask_*`` methods open the dialogs (tests
    replace them); ``export_*`` do the work with the options given."""

    def __init__(self, window: QMainWindow, file_menu: QMenu,
                 before: QAction | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.folder = os.path.expanduser("~")
        self.job: AnimationExport | None = None
        self.progress: AnimationProgress | None = None
        self.action_image = menu_action(
            window, translate("ExportController", "Export &image\u2026"), self._on_image,
            "Ctrl+E", translate("ExportController", "Save the canvas as PNG or SVG"),
            tooltip=True)
        self.action_animation = menu_action(
            window, translate("ExportController", "Export &animation\u2026"),
            self._on_animation, "Ctrl+Shift+E",
            translate("ExportController", "Save the runs step by step as GIF or MP4"),
            tooltip=True)
        self.action_data = menu_action(
            window, translate("ExportController", "Export &data\u2026"), self._on_data, "",
            translate("ExportController", "Save every step of every run as CSV or JSON"),
            tooltip=True)
        self.actions = [self.action_image, self.action_animation, self.action_data]
        if before is not None:
            for action in self.actions:
                file_menu.insertAction(before, action)
            file_menu.insertSeparator(before)
        else:
            file_menu.addActions(self.actions)

    def shutdown(self) -> None:
        """The window is closing: cancel an animation export under way (no file is left)."""
        if self.job is not None and self.job.running:
            self.job.cancel()

    # -- dialogs (tests replace these) --------------------------------------------------------
    def ask_options(self, animation: bool) -> ExportOptions | None:
        ext = ".gif" if animation else ".png"
        dialog = ExportDialog(self.window, animation, self._suggest(ext))
        try:
            return dialog.options() if dialog.exec() == ExportDialog.DialogCode.Accepted \
                else None
        finally:
            dialog.deleteLater()

    def ask_data_path(self) -> str:
        path, chosen = QFileDialog.getSaveFileName(
            self.window, translate("ExportController", "Export data"), self._suggest(".csv"),
            translate("ExportController", DATA_FILTER))
        if path and not Path(path).suffix:
            path += ".json" if "json" in chosen.lower() else ".csv"
        return path

    # -- the work -----------------------------------------------------------------------------
    def export_image(self, opts: ExportOptions) -> bool:
        try:
            path = export_image(self.window, opts.path, opts.size, opts.style, opts.loss,
                                opts.view)
        except (OSError, ValueError) as exc:
            self._warn(translate("ExportController", "Export image"),
                       translate("ExportController", "Could not export the image: {0}")
                       .format(exc))
            return False
        self._done(path)
        return True

    def export_data(self, path: str) -> bool:
        try:
            written = export_data(self.window, path)
        except (OSError, ValueError) as exc:
            self._warn(translate("ExportController", "Export data"),
                       translate("ExportController", "Could not export the data: {0}")
                       .format(exc))
            return False
        self._done(written)
        return True

    def export_animation(self, opts: ExportOptions,
                         show_progress: bool = True) -> AnimationExport | None:
        """Start rendering; the job runs on from the event loop (``self.job``)."""
        if self.job is not None and self.job.running:
            self._warn(translate("ExportController", "Export animation"),
                       translate("ExportController", "An animation is already being exported."))
            return None
        try:
            window_result(self.window)
            figure = export_figure(self.window, opts.size, opts.style, opts.loss,
                                   animation=True, view=opts.view)
        except (OSError, ValueError) as exc:
            self._warn_animation(exc)
            return None
        job = AnimationExport(figure, opts.path, opts.frames, opts.fps, parent=self)
        job.finished.connect(lambda path: self._done(Path(path)))
        job.failed.connect(self._warn_animation)
        job.cancelled.connect(lambda: self._status(
            translate("ExportController", "Animation export cancelled.")))
        self.job = job
        if show_progress:
            self.progress = AnimationProgress(job, self.window)
            self.progress.show()
        job.start()
        return job

    # -- slots --------------------------------------------------------------------------------
    def _on_image(self, *_) -> None:
        self._ask_and_export(lambda: self.ask_options(animation=False), self.export_image)

    def _on_animation(self, *_) -> None:
        self._ask_and_export(lambda: self.ask_options(animation=True), self.export_animation)

    def _on_data(self, *_) -> None:
        self._ask_and_export(self.ask_data_path, self.export_data)

    def _ask_and_export(self, ask: Callable[[], object], export: Callable[[object], object]
                        ) -> None:
        """What each menu entry does: once there are runs, ``ask`` (a dialog) for the options
        or the path, and ``export`` with them unless the dialog was cancelled (None or "")."""
        if not self._has_runs():
            return
        answer = ask()
        if answer:
            export(answer)

    # -- messages -----------------------------------------------------------------------------
    def _has_runs(self) -> bool:
        try:
            window_result(self.window)
        except NothingToExport:
            self._status(translate("ExportController",
                                   "Nothing to export yet: the runs are still being computed."))
            return False
        return True

    def _suggest(self, ext: str) -> str:
        result = self.window.run_state.result
        name = result.function.name if result is not None else "beale"
        return suggested_path(self.folder, name, ext)

    def _done(self, path: Path) -> None:
        self.folder = str(Path(path).resolve().parent)
        self._status(translate("ExportController", "Exported {0}").format(path))

    def _warn_animation(self, reason: object) -> None:
        self._warn(translate("ExportController", "Export animation"),
                   translate("ExportController", "Could not export the animation: {0}")
                   .format(reason))
