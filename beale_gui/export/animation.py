"""Animations of a figure, pushed frame by frame into an :class:`~.frames.AnimationWriter`.

The figure is anything with ``size``, ``last_step``, ``set_step(k)``, ``array()`` (an (H, W, 3)
uint8 frame) and ``key_colours()``: the GUI's renderer draws it, nothing here needs Qt. The
window renders frames in small chunks from its event loop while the encoding runs on a thread
(:class:`BackgroundWriter`); the command line runs the same loop directly
(:func:`write_animation`). Every file is written atomically: a failed or cancelled export
leaves any existing file as it was.
"""

from __future__ import annotations

import contextlib
import os
import queue
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from ..core.engine import Cancelled
from ..core.i18n import translate
from .frames import AnimationWriter, frame_steps
from .gif import GifWriter
from .mp4 import Mp4Writer
from .targets import DEFAULT_FPS, DEFAULT_FRAMES, ExportError, check_animation


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
    raise ExportError(translate("Export", "{0}: an animation is written as .gif or .mp4")
                      .format(Path(path).name))


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
