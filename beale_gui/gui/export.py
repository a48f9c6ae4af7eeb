"""Writers for everything the app exports: images, animations and data.

The format follows the file's extension: ``.png`` and ``.svg`` (:mod:`.svg`) draw a
:class:`~beale_gui.gui.render.trajectory.TrajectoryFigure`; ``.gif`` and ``.mp4`` draw it step by
step; ``.csv`` and ``.json`` are :mod:`beale_gui.core.records`. Every file is written
atomically (:mod:`beale_gui.core.fileio`): a failed export raises ``OSError`` naming the path
and leaves any existing file as it was.

Animations are pushed frame by frame into an :class:`AnimationWriter`, so the window can render
frames in small chunks from its event loop while the encoding runs on a thread
(:class:`BackgroundWriter`), and the command line can run the same loop directly
(:func:`write_animation`).
"""

from __future__ import annotations

import contextlib
import io
import os
import queue
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from ..core.fileio import check_writable, write_atomic, write_bytes_atomic
from ..core.params import odd_character
from ..core.records import write_csv, write_json
from ..core.session import Experiment
from .render.svg import svg_bytes

IMAGE_EXTENSIONS = (".png", ".svg")
ANIMATION_EXTENSIONS = (".gif", ".mp4")
DATA_EXTENSIONS = (".csv", ".json")
EXTENSIONS = IMAGE_EXTENSIONS + ANIMATION_EXTENSIONS + DATA_EXTENSIONS
KINDS = {**dict.fromkeys(IMAGE_EXTENSIONS, "image"),
         **dict.fromkeys(ANIMATION_EXTENSIONS, "animation"),
         **dict.fromkeys(DATA_EXTENSIONS, "data")}

STYLES = ("app", "print")
DEFAULT_IMAGE_SIZE = (1600, 1200)
DEFAULT_ANIMATION_SIZE = (960, 540)
MAX_SIDE = 8000
MAX_ANIMATION_SIDE = 4096
DEFAULT_FRAMES = 120
DEFAULT_FPS = 20
MAX_FRAMES = 2000
MAX_FPS = 60
GIF_MAX_FPS = 50  # GIF delays are in 1/100 s, and viewers slow down anything under 2/100 s
HOLD_LAST_S = 2.0  # the last frame stays up this long before the animation loops
GIF_MAX_PIXELS = 2**30  # frames x width x height kept in memory (one byte each) until saved
GIF_COLOURS = 255  # and one index left free for "unchanged" (transparent) pixels


class ExportError(ValueError):
    """An export that cannot be made as asked; the message says why."""


def export_kind(path: str | os.PathLike) -> str:
    """``"image"``, ``"animation"`` or ``"data"``, from the extension; ExportError otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in KINDS:
        shown = f"'{suffix}'" if suffix else "no extension"
        odd = odd_character(suffix)   # '.png' with a zero-width space looks like '.png'
        raise ExportError(f"{Path(path).name}: {shown} is not a format this app writes"
                          + (f" (it holds {odd})" if odd else "")
                          + f"; use {', '.join(EXTENSIONS[:-1])} or {EXTENSIONS[-1]}")
    return KINDS[suffix]


def parse_size(text: str, limit: int = MAX_SIDE) -> tuple[int, int]:
    """``"1600x1200"`` -> (1600, 1200); ExportError names what is wrong."""
    parts = text.strip().lower().replace("\u00d7", "x").split("x")
    try:
        w, h = (int(p) for p in parts)
    except ValueError:
        raise ExportError(f"'{text}': expected WIDTHxHEIGHT such as 1600x1200") from None
    check_size((w, h), limit)
    return w, h


def check_size(size: tuple[int, int], limit: int = MAX_SIDE) -> None:
    w, h = size
    if w < 1 or h < 1:
        raise ExportError(f"{w}x{h}: width and height must be positive")
    if w > limit or h > limit:
        raise ExportError(f"{w}x{h}: width and height must be at most {limit}")


def check_target(path: str | os.PathLike) -> Path:
    """Fail early, with a message naming the path, if ``path`` cannot be written (the checks
    of :func:`~beale_gui.core.fileio.check_writable`: a NUL in the name, a missing or
    read-only folder, a folder or a read-only file in the way)."""
    return check_writable(path)


def check_animation(size: tuple[int, int], frames: int, fps: int, suffix: str) -> None:
    """ExportError when the frame count, rate or size do not suit the format."""
    if not 1 <= frames <= MAX_FRAMES:
        raise ExportError(f"frames {frames}: must be in [1, {MAX_FRAMES}]")
    top = GIF_MAX_FPS if suffix == ".gif" else MAX_FPS
    if not 1 <= fps <= top:
        raise ExportError(f"fps {fps}: must be in [1, {top}] for {suffix}")
    if suffix == ".gif" and frames * size[0] * size[1] > GIF_MAX_PIXELS:
        most = GIF_MAX_PIXELS // (size[0] * size[1])
        raise ExportError(f"{frames} frames of {size[0]}x{size[1]} make too large a GIF; "
                          f"use at most {most} frames at this size, or a smaller size or .mp4")


# -- images and data -----------------------------------------------------------------------
def write_image(figure, path: str | os.PathLike) -> Path:
    """Write the figure as PNG or SVG (by extension), atomically."""
    suffix = Path(path).suffix.lower()
    if suffix not in IMAGE_EXTENSIONS:
        raise ExportError(f"{Path(path).name}: an image is written as .png or .svg")
    data = figure.png_bytes() if suffix == ".png" else svg_bytes(figure)
    return write_bytes_atomic(path, data)


def write_data(experiment: Experiment, result, path: str | os.PathLike) -> Path:
    """Write the runs as CSV, or as JSON with the experiment that replays them."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        write_csv(result, path)
    elif suffix == ".json":
        write_json(experiment, result, path)
    else:
        raise ExportError(f"{Path(path).name}: data is written as .csv or .json")
    return Path(path)


def experiment_of(result, expression: str | None = None) -> Experiment:
    """The experiment that replays ``result`` exactly (for the JSON export)."""
    from ..core.functions import FUNCTIONS

    function = result.function
    if expression is None and FUNCTIONS.get(function.name) is not function:
        expression = function.formula  # a typed function: its text rebuilds it
    return Experiment(function, list(result.configs), np.array(result.starts),
                      int(result.max_steps), float(result.tol),
                      0 if result.seed is None else int(result.seed), expression)


# -- animations ----------------------------------------------------------------------------
def frame_steps(last_step: int, frames: int) -> np.ndarray:
    """The steps ``frames`` frames show: evenly from 0 to ``last_step``, both included, each
    at most once (fewer frames when there are fewer steps)."""
    last = max(int(last_step), 0)
    return np.unique(np.round(np.linspace(0, last, max(min(int(frames), last + 1), 1)))
                     ).astype(int)


def frame_durations(n: int, fps: int) -> list[int]:
    """Milliseconds per frame, the last one held :data:`HOLD_LAST_S` longer."""
    ms = [1000.0 / fps] * n
    if n:
        ms[-1] += 1000.0 * HOLD_LAST_S
    return [int(round(v)) for v in ms]


class AnimationWriter:
    """Frames in, one file out. ``add`` each (H, W, 3) uint8 frame, then ``finish`` (which
    writes the file atomically) or ``abort`` (which leaves no trace)."""

    def __init__(self, path: str | os.PathLike, size: tuple[int, int], fps: int) -> None:
        self.path = Path(path)
        self.size = (int(size[0]), int(size[1]))
        self.fps = int(fps)
        self.count = 0

    def add(self, frame: np.ndarray) -> None:
        raise NotImplementedError

    def finish(self) -> Path:
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError


class GifWriter(AnimationWriter):
    """A looping GIF with one palette for every frame.

    The palette is fitted once to ``palette_sample`` (an image holding every colour the
    animation shows, e.g. its first and last frames side by side) and frames are mapped to it
    without dithering, so the pixels that do not change stay identical from frame to frame and
    Pillow stores only what changed (as transparent deltas): a few MB for the default export.
    """

    def __init__(self, path, size, fps, palette_sample: np.ndarray,
                 key_colours: Sequence[str] = ()) -> None:
        super().__init__(path, size, fps)
        from PIL import Image

        self._image = Image
        keys = list(dict.fromkeys(c.upper() for c in key_colours))[:64]
        sample = Image.fromarray(np.ascontiguousarray(palette_sample, dtype=np.uint8), "RGB")
        fitted = sample.quantize(colors=GIF_COLOURS - len(keys),
                                 method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        # small but telling marks (a red cross, a path's colour) get exact entries; median cut
        # would merge them into the large areas' colours
        entries = fitted.getpalette()[:3 * (GIF_COLOURS - len(keys))]
        entries += [int(c[i:i + 2], 16) for c in keys for i in (1, 3, 5)]
        self._palette = Image.new("P", (1, 1))
        self._palette.putpalette(entries)
        self._frames: list = []

    def add(self, frame: np.ndarray) -> None:
        image = self._image.fromarray(np.ascontiguousarray(frame, dtype=np.uint8), "RGB")
        self._frames.append(image.quantize(palette=self._palette,
                                           dither=self._image.Dither.NONE))
        self.count += 1

    def gif_bytes(self) -> bytes:
        if not self._frames:
            raise OSError(f"cannot write {self.path}: no frames were rendered")
        buf = io.BytesIO()
        first, *rest = self._frames
        first.save(buf, format="GIF", save_all=True, append_images=rest, loop=0,
                   duration=frame_durations(len(self._frames), self.fps), optimize=True,
                   disposal=1)
        return buf.getvalue()

    def finish(self) -> Path:
        data = self.gif_bytes()
        self._frames = []
        return write_bytes_atomic(self.path, data)

    def abort(self) -> None:
        self._frames = []


def ffmpeg_problem() -> str | None:
    """None when MP4 can be written, else why not."""
    try:
        import imageio_ffmpeg
    except ImportError:
        return "MP4 needs the imageio-ffmpeg package (pip install imageio-ffmpeg)"
    try:
        exe = imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError as exc:
        return f"MP4 needs ffmpeg, which was not found ({exc})"
    if not os.access(exe, os.X_OK):
        return f"MP4 needs ffmpeg, and {exe} cannot be run"
    return None


class Mp4Writer(AnimationWriter):
    """H.264 MP4 (yuv420p, playable everywhere) through imageio-ffmpeg's bundled ffmpeg.

    ffmpeg writes to a temporary file; ``finish`` then copies it over the target atomically.
    Odd sizes are padded with white to even ones (the pixel format needs them).
    """

    CRF = "20"  # visually clean for flat-coloured figures at a small size

    def __init__(self, path, size, fps) -> None:
        super().__init__(path, size, fps)
        problem = ffmpeg_problem()
        if problem:
            raise OSError(f"cannot write {self.path}: {problem}")
        import imageio_ffmpeg

        w, h = self.size
        self._even = (w + w % 2, h + h % 2)
        fd, tmp = tempfile.mkstemp(prefix="beale-gui-", suffix=".mp4")
        os.close(fd)
        self._tmp = Path(tmp)
        self._gen = imageio_ffmpeg.write_frames(
            str(self._tmp), self._even, fps=self.fps, codec="libx264", quality=None,
            macro_block_size=1, ffmpeg_log_level="error",
            output_params=["-crf", self.CRF, "-preset", "medium", "-movflags", "+faststart"])
        try:
            self._gen.send(None)
        except Exception as exc:
            self._discard()
            raise OSError(f"cannot write {self.path}: ffmpeg did not start ({exc})") from None

    def add(self, frame: np.ndarray) -> None:
        frame = np.asarray(frame, dtype=np.uint8)
        h, w = frame.shape[:2]
        if (w, h) != self._even:
            frame = np.pad(frame, ((0, self._even[1] - h), (0, self._even[0] - w), (0, 0)),
                           constant_values=255)
        try:
            self._gen.send(np.ascontiguousarray(frame))
        except OSError as exc:
            self.abort()
            raise OSError(f"cannot write {self.path}: ffmpeg failed ({_first_line(exc)})"
                          ) from None
        self.count += 1

    def finish(self) -> Path:
        if self.count == 0:
            self.abort()
            raise OSError(f"cannot write {self.path}: no frames were rendered")
        try:
            self._gen.close()  # waits for ffmpeg to finish the file
            if not self._tmp.exists() or self._tmp.stat().st_size == 0:
                raise OSError(f"cannot write {self.path}: ffmpeg wrote nothing")

            def copy(fh) -> None:
                with open(self._tmp, "rb") as src:
                    shutil.copyfileobj(src, fh)

            return write_atomic(self.path, copy)
        finally:
            self._discard()

    def abort(self) -> None:
        try:
            self._gen.close()
        finally:
            self._discard()

    def _discard(self) -> None:
        self._tmp.unlink(missing_ok=True)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def open_animation_writer(path, size: tuple[int, int], fps: int,
                          palette_sample: np.ndarray | None = None,
                          key_colours: Sequence[str] = ()) -> AnimationWriter:
    """A writer for ``path``'s extension (``palette_sample``, ``key_colours``: see
    :class:`GifWriter`)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".gif":
        if palette_sample is None:
            raise ValueError("a GIF needs a palette sample")
        return GifWriter(path, size, fps, palette_sample, key_colours)
    if suffix == ".mp4":
        return Mp4Writer(path, size, fps)
    raise ExportError(f"{Path(path).name}: an animation is written as .gif or .mp4")


def palette_sample(figure, steps: np.ndarray) -> np.ndarray:
    """The first and last frames side by side (every colour the animation shows); leaves the
    figure at the first step."""
    figure.set_step(int(steps[-1]))
    last = figure.array()
    figure.set_step(int(steps[0]))
    return np.concatenate([figure.array(), last], axis=1)


def start_animation(figure, path, fps: int) -> AnimationWriter:
    """Open the writer for ``path`` (fitting a GIF's palette to ``figure``)."""
    sample = None
    if Path(path).suffix.lower() == ".gif":
        sample = palette_sample(figure, frame_steps(figure.last_step, 2))
    return open_animation_writer(path, figure.size, fps, sample, figure.key_colours())


class Cancelled(Exception):
    """The animation export was cancelled."""


def write_animation(figure, path: str | os.PathLike, frames: int = DEFAULT_FRAMES,
                    fps: int = DEFAULT_FPS,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> Path:
    """Render ``frames`` frames of ``figure`` (from step 0 to the end of the longest run) into
    a GIF or MP4, atomically. ``progress(done, total)`` after each frame; ``cancelled()`` is
    checked before each, and a True answer raises :class:`Cancelled` and writes nothing."""
    check_animation(figure.size, frames, fps, Path(path).suffix.lower())
    steps = frame_steps(figure.last_step, frames)
    writer = start_animation(figure, path, fps)
    try:
        for i, k in enumerate(steps):
            if cancelled is not None and cancelled():
                raise Cancelled
            figure.set_step(int(k))
            writer.add(figure.array())
            if progress is not None:
                progress(i + 1, len(steps))
    except BaseException:
        writer.abort()
        raise
    return writer.finish()


class BackgroundWriter:
    """An :class:`AnimationWriter` driven from a thread, so encoding never blocks the caller.

    ``add`` queues a frame (waiting only when the encoder is :attr:`DEPTH` frames behind);
    ``finish`` queues the end; :attr:`done` tells when the file is written, then ``result()``
    returns its path or raises the writer's error. ``abort`` stops and joins the thread.
    """

    DEPTH = 6
    _END = object()

    def __init__(self, writer: AnimationWriter) -> None:
        self.writer = writer
        self._queue: queue.Queue = queue.Queue(self.DEPTH)
        self._stop = threading.Event()
        self._done = threading.Event()
        self._path: Path | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="animation-encoder",
                                        daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                try:
                    item = self._queue.get(timeout=0.1)
                except queue.Empty:
                    continue
                if item is self._END:
                    self._path = self.writer.finish()
                    return
                self.writer.add(item)
            self.writer.abort()
        except BaseException as exc:  # reported by result()
            self._error = exc
            with contextlib.suppress(Exception):
                self.writer.abort()
        finally:
            self._done.set()

    def add(self, frame: np.ndarray) -> None:
        while not self._done.is_set():
            try:
                self._queue.put(frame, timeout=0.1)
                return
            except queue.Full:
                continue
        self.result()  # the encoder stopped early: raise its error

    def finish(self) -> None:
        self.add(self._END)

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def result(self) -> Path:
        self._thread.join()
        if self._error is not None:
            raise self._error
        if self._path is None:
            raise Cancelled
        return self._path

    def abort(self) -> None:
        self._stop.set()
        self._thread.join()
