"""The window's export: what its menu actions run, their dialogs, and the animation job.

The functions (:func:`export_image`, :func:`export_data`) and :class:`AnimationExport` do the
work with a path given, so they run without any dialog (tests call them directly); the dialogs
only collect a path and options.

An animation renders in the GUI thread (the scene is Qt's) in slices of about
:data:`SLICE_MS` from a zero-interval timer, so input and painting are handled between
slices, while a thread quantizes and encodes the frames
(:class:`~beale_gui.export.animation.BackgroundWriter`); a progress dialog shows how far it
got and its Cancel stops it, leaving no file behind.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from ... import export as exporting
from ...core.i18n import QT_TRANSLATE_NOOP
from ...core.params import Param
from ...core.surface3d import Camera
from .. import i18n
from ..forms.fields import ParamField
from ..render.surface3d_render import TURN_DEGREES, SurfaceFigure
from ..render.svg import write_image
from ..render.trajectory import TrajectoryFigure

translate = QCoreApplication.translate

SLICE_MS = 30  # rendering time per event-loop turn during an animation export
POLL_MS = 50  # how often a finished animation's encoder is asked whether it is done
STYLE_TITLES = {
    "screen": QT_TRANSLATE_NOOP("ExportDialog", "Screen (the window's look)"),
    "print": QT_TRANSLATE_NOOP("ExportDialog", "Print (light; runs apart in greyscale)")}
VIEW_TITLES = {
    "2d": QT_TRANSLATE_NOOP("ExportDialog", "Contour map"),
    "3d": QT_TRANSLATE_NOOP("ExportDialog", "3-D view")}
FILE_KINDS = {".png": QT_TRANSLATE_NOOP("ExportDialog", "PNG image"),
              ".svg": QT_TRANSLATE_NOOP("ExportDialog", "SVG drawing"),
              ".gif": QT_TRANSLATE_NOOP("ExportDialog", "GIF animation"),
              ".mp4": QT_TRANSLATE_NOOP("ExportDialog", "MP4 video")}
MIN_SIDE = 16  # the smallest width or height the dialog offers


class NothingToExport(ValueError):
    """The window has no runs to export yet."""


# -- what the window shows -----------------------------------------------------------------
def window_result(window):
    result = window.run_state.result
    if result is None or result.paths is None:
        raise NothingToExport(translate("ExportDialog", "there are no runs to export yet"))
    return result


def window_figure(window, size: tuple[int, int], style: str = "screen", loss: bool = False,
                  animation: bool = False) -> TrajectoryFigure:
    """The window's runs as a figure: the canvas's view (the range shown, which a session
    saves: ``python main.py export --session`` draws the same), the optimizers' colours, the
    playhead's step (the whole runs for an animation) and the mechanics arrows if shown."""
    result = window_result(window)
    with i18n.english():      # an exported figure is English, as the command line's
        return TrajectoryFigure(
            result, window.run_state.config_colours(), size=size, style=style, loss=loss,
            view=window.canvas.view_extent(), step=None if animation else window.run_state.step,
            show_step=animation, mechanics=window.action_mechanics.isChecked())


def window_camera(window) -> Camera | None:
    """The 3-D view's current camera when the window has a 3-D view offering one, else None
    (the default)."""
    view = getattr(window, "surface_view", None)
    camera = getattr(view, "camera", None)
    if not callable(camera):
        return None
    try:
        current = camera()
    except (RuntimeError, ValueError):   # a view not set up yet (or already deleted)
        return None
    return current if isinstance(current, Camera) else None


def window_surface_figure(window, size: tuple[int, int], animation: bool = False
                          ) -> SurfaceFigure:
    """The window's runs in 3-D: the canvas's view, the optimizers' colours and the
    playhead's step, from the 3-D view's angles (the default's without one); an animation
    turns the surface once. ``python main.py export --view 3d`` with the same session, step
    and angles draws the same picture (the distance is the export's: the whole surface)."""
    result = window_result(window)
    with i18n.english():
        figure = SurfaceFigure(
            result, window.run_state.config_colours(), size=size,
            view=window.canvas.view_extent(), step=None if animation else window.run_state.step,
            show_step=animation, turn=TURN_DEGREES if animation else 0.0)
    camera = window_camera(window)
    if camera is not None:
        figure.set_camera(replace(figure.base_camera, azimuth=camera.azimuth,
                                  elevation=camera.elevation))
    return figure


def export_figure(window, size: tuple[int, int], style: str = "screen", loss: bool = False,
                  animation: bool = False, view: str = "2d"):
    """The figure of the window's ``view`` ("2d": the contour map, "3d": the surface)."""
    if view == "3d":
        return window_surface_figure(window, size, animation)
    return window_figure(window, size, style, loss, animation)


def export_image(window, path, size: tuple[int, int] = exporting.DEFAULT_IMAGE_SIZE,
                 style: str = "screen", loss: bool = False, view: str = "2d") -> Path:
    """Write the window's canvas (``view`` "3d": its 3-D view) as PNG or SVG (by
    extension). OSError or ValueError says why it could not."""
    if exporting.export_kind(path) != "image":
        raise exporting.ExportError(translate("ExportDialog", "{0}: an image is written as .png "
                                              "or .svg").format(Path(path).name))
    exporting.check_target(path)
    with export_figure(window, size, style, loss, view=view) as figure:
        return write_image(figure, path)


def export_data(window, path) -> Path:
    """Write the window's runs as CSV, or as JSON that replays them."""
    result = window_result(window)
    if exporting.export_kind(path) != "data":
        raise exporting.ExportError(translate("ExportDialog", "{0}: data is written as .csv or "
                                              ".json").format(Path(path).name))
    exporting.check_target(path)
    return exporting.write_data(exporting.experiment_of(result, window.run_state.expression),
                                result, path)


class AnimationExport(QObject):
    """Render and encode an animation of ``figure`` into ``path`` without blocking the event
    loop. The job owns the figure (it is closed at the end).

    Signals
    -------
    progress(int, int)
        Frames rendered so far, and in all.
    finished(str)
        The file was written (its path).
    failed(str)
        It could not be; the message says why (any existing file is untouched).
    cancelled()
    """

    progress = Signal(int, int)
    finished = Signal(str)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, figure: TrajectoryFigure, path, frames: int = exporting.DEFAULT_FRAMES,
                 fps: int = exporting.DEFAULT_FPS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        self.path = Path(path)
        self.fps = int(fps)
        self.steps = exporting.frame_steps(figure.last_step, frames)
        self._frames = int(frames)
        self._next = 0
        self._writer: exporting.BackgroundWriter | None = None
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._on_render)
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._on_poll)
        self.running = False
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.cancel)

    @property
    def total(self) -> int:
        return len(self.steps)

    def start(self) -> None:
        """Check the path and options, then start; problems arrive as ``failed``."""
        try:
            exporting.check_animation(self.figure.size, self._frames, self.fps,
                                      self.path.suffix.lower())
            exporting.check_target(self.path)
            self._writer = exporting.BackgroundWriter(
                exporting.start_animation(self.figure, self.path, self.fps))
        except (OSError, ValueError) as exc:
            self._end()
            self.failed.emit(str(exc))
            return
        self.running = True
        self._timer.start()

    def cancel(self) -> None:
        """Stop now; nothing is written."""
        if not self.running:
            return
        if self._writer is not None:
            self._writer.abort()
        self._end()
        self.cancelled.emit()

    def _on_render(self) -> None:
        deadline = time.perf_counter() + SLICE_MS / 1000
        try:
            while self._next < self.total and time.perf_counter() < deadline:
                self.figure.set_step(int(self.steps[self._next]))
                self._writer.add(self.figure.array())
                self._next += 1
            self.progress.emit(self._next, self.total)
            if self._next == self.total:
                self._timer.stop()
                self._writer.finish()
                self._poll.start()
        except Exception as exc:  # the encoder failed (e.g. ffmpeg): report it, stop
            self._fail(exc)

    def _on_poll(self) -> None:
        if not self._writer.done:
            return
        try:
            path = self._writer.result()
        except Exception as exc:
            self._fail(exc)
            return
        self._end()
        self.finished.emit(str(path))

    def _fail(self, exc: BaseException) -> None:
        if self._writer is not None:
            self._writer.abort()
        self._end()
        self.failed.emit(str(exc) or type(exc).__name__)

    def _end(self) -> None:
        self.running = False
        self._timer.stop()
        self._poll.stop()
        if self.figure is not None:
            self.figure.close()
            self.figure = None


# -- dialogs ---------------------------------------------------------------------------------
@dataclass
class ExportOptions:
    path: str
    size: tuple[int, int]
    style: str = "screen"
    loss: bool = False
    frames: int = exporting.DEFAULT_FRAMES
    fps: int = exporting.DEFAULT_FPS
    view: str = "2d"


class ExportDialog(QDialog):
    """The file and the options of an image or animation export."""

    def __init__(self, parent: QWidget | None, animation: bool, suggested: str) -> None:
        super().__init__(parent)
        self.animation = animation
        self.setWindowTitle(translate("ExportDialog", "Export animation") if animation
                            else translate("ExportDialog", "Export image"))
        form = QFormLayout(self)
        self.path_edit = QLineEdit(suggested)
        browse = QPushButton(translate("ExportDialog", "Browse\u2026"))
        browse.clicked.connect(self._on_browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(translate("ExportDialog", "File:"), row)
        limit = exporting.MAX_ANIMATION_SIDE if animation else exporting.MAX_SIDE
        w, h = exporting.DEFAULT_ANIMATION_SIZE if animation else exporting.DEFAULT_IMAGE_SIZE
        self.width_box = _whole_field(translate("ExportDialog", "width"), MIN_SIDE, limit, w,
                                      QT_TRANSLATE_NOOP("Params", "pixels across"))
        self.height_box = _whole_field(translate("ExportDialog", "height"), MIN_SIDE, limit, h,
                                       QT_TRANSLATE_NOOP("Params", "pixels down"))
        size_row = QHBoxLayout()
        size_row.addWidget(self.width_box, 1)
        size_row.addWidget(QLabel("\u00d7"))
        size_row.addWidget(self.height_box, 1)
        size_row.addWidget(QLabel("px"))
        form.addRow(translate("ExportDialog", "Size:"), size_row)
        self.view_box = QComboBox()
        for key, title in VIEW_TITLES.items():
            self.view_box.addItem(translate("ExportDialog", title), key)
        self.view_box.setToolTip(translate(
            "ExportDialog", "The 3-D view is drawn from the 3-D view's angles (the default's "
            "when it is not open), the whole surface in the picture; an animation turns it "
            "once while the runs play."))
        self.view_box.currentIndexChanged.connect(self._on_view)
        form.addRow(translate("ExportDialog", "View:"), self.view_box)
        self.style_box = QComboBox()
        for key, title in STYLE_TITLES.items():
            self.style_box.addItem(translate("ExportDialog", title), key)
        form.addRow(translate("ExportDialog", "Style:"), self.style_box)
        self.loss_box = QCheckBox(translate("ExportDialog", "Loss plot beside the canvas"))
        self.loss_box.setChecked(animation)
        form.addRow("", self.loss_box)
        if animation:
            self.frames_box = _whole_field(
                translate("ExportDialog", "frames"), 1, exporting.MAX_FRAMES,
                exporting.DEFAULT_FRAMES,
                QT_TRANSLATE_NOOP("Params", "frames spread evenly over the whole runs"))
            self.fps_box = _whole_field("fps", 1, exporting.MAX_FPS, exporting.DEFAULT_FPS,
                                        QT_TRANSLATE_NOOP("Params", "frames per second"))
            form.addRow(translate("ExportDialog", "Frames:"), self.frames_box)
            form.addRow(translate("ExportDialog", "Rate (fps):"), self.fps_box)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #B00020")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        for field in self.number_fields():   # a bad number is named as it is typed
            field.problem_changed.connect(self._on_number_problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def options(self) -> ExportOptions:
        three_d = self.view_box.currentData() == "3d"
        opts = ExportOptions(self.path_edit.text().strip(),
                             (self.width_box.value(), self.height_box.value()),
                             self.style_box.currentData(),
                             self.loss_box.isChecked() and not three_d,
                             view=self.view_box.currentData())
        if self.animation:
            opts.frames, opts.fps = self.frames_box.value(), self.fps_box.value()
        return opts

    def number_fields(self) -> list[ParamField]:
        """Width and height, and for an animation frames and rate."""
        fields = [self.width_box, self.height_box]
        return fields + ([self.frames_box, self.fps_box] if self.animation else [])

    def problem(self) -> str | None:
        """Why the options cannot be exported (None when they can). A number typed out of
        range or not a number is named here, never replaced by the last good one."""
        bad = next((f.problem() for f in self.number_fields() if f.problem()), "")
        if bad:
            return bad
        opts = self.options()
        if not opts.path:
            return translate("ExportDialog", "Choose a file.")
        try:
            kind = exporting.export_kind(opts.path)
            wanted = "animation" if self.animation else "image"
            if kind != wanted:
                ext = exporting.ANIMATION_EXTENSIONS if self.animation \
                    else exporting.IMAGE_EXTENSIONS
                kinds = ext[0] if len(ext) == 1 else translate("ExportDialog", "{0} or {1}") \
                    .format(", ".join(ext[:-1]), ext[-1])
                return translate("ExportDialog", "Choose a {0} file.").format(kinds)
            if self.animation:
                exporting.check_animation(opts.size, opts.frames, opts.fps,
                                          Path(opts.path).suffix.lower())
                if Path(opts.path).suffix.lower() == ".mp4":
                    problem = exporting.ffmpeg_problem()
                    if problem:
                        return problem
            exporting.check_target(opts.path)
        except (OSError, ValueError) as exc:
            return str(exc)
        return None

    def _on_view(self, *_) -> None:
        """The 3-D view has one style and no loss plot."""
        flat = self.view_box.currentData() != "3d"
        self.style_box.setEnabled(flat)
        self.loss_box.setEnabled(flat)

    def _on_number_problem(self, *_) -> None:
        self.message.setText(next((f.problem() for f in self.number_fields() if f.problem()),
                                  ""))

    def _on_accept(self) -> None:
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return
        self.accept()

    def _on_browse(self) -> None:
        exts = exporting.ANIMATION_EXTENSIONS if self.animation else exporting.IMAGE_EXTENSIONS
        filters = ";;".join(f"{translate('ExportDialog', FILE_KINDS[e])} (*{e})" for e in exts)
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(),
                                              self.path_edit.text(), filters)
        if path:
            if not Path(path).suffix:
                path += exts[0]
            self.path_edit.setText(path)


def _whole_field(name: str, low: int, high: int, value: int, help: str) -> ParamField:
    """A whole-number field of the dialog: any text may be typed; one out of [low, high] or
    not a number is marked with its message (a spin box would block the keystroke or put
    the last good value back without a word)."""
    field = ParamField(Param(name, value, low, high, integer=True, help=help))
    field.set_value(value)
    return field


def suggested_path(folder: str, function_name: str, ext: str) -> str:
    return os.path.join(folder or os.path.expanduser("~"), f"{function_name}-trajectories{ext}")


class AnimationProgress(QProgressDialog):
    """Progress of an :class:`AnimationExport`, with Cancel; not modal, so the window stays
    usable while it renders."""

    def __init__(self, job: AnimationExport, parent: QWidget | None = None) -> None:
        super().__init__(translate("ExportDialog", "Rendering {0}\u2026").format(job.path.name),
                         translate("ExportDialog", "Cancel"), 0, job.total, parent)
        self.setWindowTitle(translate("ExportDialog", "Export animation"))
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.job = job
        job.progress.connect(self._on_progress)
        job.finished.connect(self.close)
        job.failed.connect(self.close)
        job.cancelled.connect(self.close)
        self.canceled.connect(job.cancel)

    def _on_progress(self, done: int, total: int) -> None:
        self.setMaximum(total)
        self.setValue(done)
        if done == total:
            self.setLabelText(translate("ExportDialog", "Encoding {0}\u2026")
                              .format(self.job.path.name))
