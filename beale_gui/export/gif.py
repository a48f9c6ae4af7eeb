"""GIF animations: one palette for every frame, so unchanged pixels stay unchanged."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..core.fileio import write_bytes_atomic
from .frames import AnimationWriter, frame_durations

GIF_COLOURS = 255  # and one index left free for "unchanged" (transparent) pixels


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
