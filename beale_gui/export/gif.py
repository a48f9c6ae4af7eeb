"""GIF animations: one palette fitted to the figure, every frame stored full-size.

The palette holds the figure's key colours exactly (the optimizers' colours, the markers, the
text, and shades along the colour map, so that the colour bar and the contour image do not
band) and median-cut colours for the rest; every pixel is mapped to its nearest entry, exactly
(Pillow's own mapping rounds colours to 5-6 bits first, which bands gradients).

Frames are stored full-size at the canvas's origin. After the first, a pixel that did not
change is stored as the transparent index and the previous frame shows through (disposal 1,
"do not dispose"), which every GIF89a player draws; storing every frame whole would make the
default animation thirty times larger (13 MB instead of 0.45 MB at 960 x 540, 120 frames). A
tool that reads frames one by one must composite them (README, Command line).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..core.fileio import write_bytes_atomic
from ..core.i18n import translate
from .frames import AnimationWriter, frame_durations

GIF_COLOURS = 255  # and one index left free for "unchanged" (transparent) pixels
TRANSPARENT = GIF_COLOURS
MAX_KEYS = 128  # exact palette entries at most; the rest are fitted to the frames
FIT_PIXELS = 300_000  # the palette is fitted to at most about this many sample pixels


def fit_palette(sample: np.ndarray, key_colours: Sequence[str] = ()) -> np.ndarray:
    """A palette of :data:`GIF_COLOURS` entries, shape (255, 3) uint8: white and
    ``key_colours`` (``#RRGGBB``) exactly, then colours median-cut from ``sample`` (an image
    holding every colour the animation shows, shape (H, W, 3), thinned to about
    :data:`FIT_PIXELS`) and refined by k-means."""
    from PIL import Image

    keys = list(dict.fromkeys(["#FFFFFF", *(c.upper() for c in key_colours)]))[:MAX_KEYS]
    exact = np.array([[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in keys], dtype=np.uint8)
    n = GIF_COLOURS - len(exact)
    # k-means costs about 2 s on a million pixels; a quarter of them fit as well
    stride = max(int(np.ceil(np.sqrt(sample.shape[0] * sample.shape[1] / FIT_PIXELS))), 1)
    image = Image.fromarray(np.ascontiguousarray(sample[::stride, ::stride], dtype=np.uint8),
                            "RGB")
    fitted = image.quantize(colors=n, method=Image.Quantize.MEDIANCUT, kmeans=3,
                            dither=Image.Dither.NONE)
    entries = np.array(fitted.getpalette()[:3 * n], dtype=np.uint8).reshape(-1, 3)
    if len(entries) < n:  # fewer colours in the sample than entries to fill
        entries = np.vstack([entries, np.repeat(exact[:1], n - len(entries), axis=0)])
    return np.vstack([entries, exact])


class NearestColour:
    """Maps RGB frames to the index of the nearest ``palette`` entry (squared RGB distance),
    remembering every colour met in a table of all 2^24 (32 MB), so that a frame costs a look-up
    and the colours new in it."""

    def __init__(self, palette: np.ndarray) -> None:
        self.palette = np.asarray(palette, dtype=np.int32).reshape(-1, 3)
        self._table = np.full(1 << 24, 0xFFFF, dtype=np.uint16)

    def __call__(self, frame: np.ndarray) -> np.ndarray:
        """Indices, shape (H, W) uint8, of ``frame`` (shape (H, W, 3) uint8)."""
        rgb = frame.astype(np.int32)
        packed = (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]
        index = self._table[packed]
        new = np.unique(packed[index == 0xFFFF])
        if len(new):
            colours = np.stack([new >> 16, (new >> 8) & 255, new & 255], axis=1)
            for start in range(0, len(new), 4096):  # 4096 x 255 distances at a time
                chunk = colours[start: start + 4096, None, :] - self.palette[None]
                self._table[new[start: start + 4096]] = np.argmin(
                    np.einsum("ijk,ijk->ij", chunk, chunk), axis=1)
            index = self._table[packed]
        return index.astype(np.uint8)


class GifWriter(AnimationWriter):
    """A looping GIF with one palette (:func:`fit_palette` of ``palette_sample`` and
    ``key_colours``) and full-size frames (see the module's description).

    Each frame is encoded as it is added; :meth:`finish` writes the file atomically.
    """

    def __init__(self, path, size, fps, palette_sample: np.ndarray,
                 key_colours: Sequence[str] = ()) -> None:
        super().__init__(path, size, fps)
        from PIL import GifImagePlugin, Image

        self._image = Image
        self._encode = GifImagePlugin.getdata
        self.palette = fit_palette(palette_sample, key_colours)
        self._nearest = NearestColour(self.palette)
        self._previous: np.ndarray | None = None
        self._frames: list[bytes] = []  # each frame's image descriptor and LZW data

    def add(self, frame: np.ndarray) -> None:
        index = self._nearest(np.ascontiguousarray(frame, dtype=np.uint8))
        if index.shape != (self.size[1], self.size[0]):
            raise ValueError(f"a frame of {index.shape[1]} x {index.shape[0]} pixels in a "
                             f"{self.size[0]} x {self.size[1]} animation")
        stored = index
        if self._previous is not None:
            stored = np.where(index == self._previous, np.uint8(TRANSPARENT), index)
        self._previous = index
        # no duration, disposal or transparency given: Pillow writes no control block
        self._frames.append(b"".join(self._encode(self._image.fromarray(stored, "P"), (0, 0))))
        self.count += 1

    def gif_bytes(self) -> bytes:
        if not self._frames:
            raise OSError(translate("Export", "cannot write {0}: no frames were rendered")
                          .format(self.path))
        w, h = self.size
        table = self.palette.tobytes() + bytes(3 * (256 - GIF_COLOURS))
        # header, 256-entry global colour table, loop forever
        parts = [b"GIF89a", struct.pack("<HHBBB", w, h, 0xF7, 0, 0), table,
                 b"!\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"]
        durations = frame_durations(len(self._frames), self.fps)
        for i, (data, ms) in enumerate(zip(self._frames, durations, strict=True)):
            # graphic control: keep the previous frame (disposal 1), delay in 1/100 s, and
            # after the first frame the transparent index for unchanged pixels
            flags = (1 << 2) | (1 if i else 0)
            parts.append(b"!\xf9\x04" + struct.pack("<BHBB", flags, round(ms / 10),
                                                     TRANSPARENT if i else 0, 0))
            parts.append(data)
        parts.append(b";")
        return b"".join(parts)

    def finish(self) -> Path:
        data = self.gif_bytes()
        self._frames = []
        return write_bytes_atomic(self.path, data)

    def abort(self) -> None:
        self._frames = []
