"""MP4 animations through imageio-ffmpeg's bundled ffmpeg."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import numpy as np

from ..core.fileio import write_atomic
from ..core.i18n import translate
from .frames import AnimationWriter


def ffmpeg_problem() -> str | None:
    """None when MP4 can be written, else why not."""
    try:
        import imageio_ffmpeg
    except ImportError:
        return translate("Export", "MP4 needs the imageio-ffmpeg package (pip install "
                         "imageio-ffmpeg)")
    try:
        exe = imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError as exc:
        return translate("Export", "MP4 needs ffmpeg, which was not found ({0})").format(exc)
    if not os.access(exe, os.X_OK):
        return translate("Export", "MP4 needs ffmpeg, and {0} cannot be run").format(exe)
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
            raise OSError(translate("Export", "cannot write {0}: {1}").format(self.path, problem))
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
            raise OSError(translate("Export", "cannot write {0}: ffmpeg did not start ({1})")
                          .format(self.path, exc)) from None

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
            raise OSError(translate("Export", "cannot write {0}: ffmpeg failed ({1})").format(
                self.path, _first_line(exc))) from None
        self.count += 1

    def finish(self) -> Path:
        if self.count == 0:
            self.abort()
            raise OSError(translate("Export", "cannot write {0}: no frames were rendered")
                          .format(self.path))
        try:
            self._gen.close()  # waits for ffmpeg to finish the file
            if not self._tmp.exists() or self._tmp.stat().st_size == 0:
                raise OSError(translate("Export", "cannot write {0}: ffmpeg wrote nothing")
                              .format(self.path))

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
