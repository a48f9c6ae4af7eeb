"""What can be exported, and the checks made before anything is drawn or written.

The format follows the file's extension: ``.png`` and ``.svg`` are images of a figure (drawn by
the GUI's renderer), ``.gif`` and ``.mp4`` animations of it (:mod:`.animation`), ``.csv`` and
``.json`` the runs' data (:mod:`.data`). Sizes, frame counts and rates have limits checked here,
so a bad request fails with one line (:class:`ExportError`) before any work is done.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..core.fileio import check_writable
from ..core.i18n import translate
from ..core.params import odd_character

IMAGE_EXTENSIONS = (".png", ".svg")
ANIMATION_EXTENSIONS = (".gif", ".mp4")
DATA_EXTENSIONS = (".csv", ".json")
EXTENSIONS = IMAGE_EXTENSIONS + ANIMATION_EXTENSIONS + DATA_EXTENSIONS
KINDS = {**dict.fromkeys(IMAGE_EXTENSIONS, "image"),
         **dict.fromkeys(ANIMATION_EXTENSIONS, "animation"),
         **dict.fromkeys(DATA_EXTENSIONS, "data")}

STYLES = ("screen", "print")  # the window's look; light, for paper
DEFAULT_IMAGE_SIZE = (1600, 1200)
DEFAULT_ANIMATION_SIZE = (960, 540)
MAX_SIDE = 8000
MAX_ANIMATION_SIDE = 4096
DEFAULT_FRAMES = 120
DEFAULT_FPS = 20
MAX_FRAMES = 2000
MAX_FPS = 60
GIF_MAX_FPS = 50  # GIF delays are in 1/100 s, and viewers slow down anything under 2/100 s
GIF_MAX_PIXELS = 2**30  # frames x width x height kept in memory (one byte each) until saved


class ExportError(ValueError):
    """An export that cannot be made as asked; the message says why."""


def export_kind(path: str | os.PathLike) -> str:
    """``"image"``, ``"animation"`` or ``"data"``, from the extension; ExportError otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in KINDS:
        shown = f"'{suffix}'" if suffix else translate("Export", "no extension")
        odd = odd_character(suffix)   # '.png' with a zero-width space looks like '.png'
        message = (translate("Export", "{0}: {1} is not a format this app writes (it holds "
                             "{2}); use {3} or {4}") if odd else
                   translate("Export", "{0}: {1} is not a format this app writes; use {3} or "
                             "{4}"))
        raise ExportError(message.format(Path(path).name, shown, odd,
                                         ", ".join(EXTENSIONS[:-1]), EXTENSIONS[-1]))
    return KINDS[suffix]


def parse_size(text: str, limit: int = MAX_SIDE) -> tuple[int, int]:
    """``"1600x1200"`` -> (1600, 1200); ExportError names what is wrong."""
    parts = text.strip().lower().replace("\u00d7", "x").split("x")
    try:
        w, h = (int(p) for p in parts)
    except ValueError:
        raise ExportError(translate("Export", "'{0}': expected WIDTHxHEIGHT such as 1600x1200")
                          .format(text)) from None
    check_size((w, h), limit)
    return w, h


def check_size(size: tuple[int, int], limit: int = MAX_SIDE) -> None:
    w, h = size
    if w < 1 or h < 1:
        raise ExportError(translate("Export", "{0}x{1}: width and height must be positive")
                          .format(w, h))
    if w > limit or h > limit:
        raise ExportError(translate("Export", "{0}x{1}: width and height must be at most {2}")
                          .format(w, h, limit))


def check_target(path: str | os.PathLike) -> Path:
    """Fail early, with a message naming the path, if ``path`` cannot be written (the checks
    of :func:`~beale_gui.core.fileio.check_writable`: a NUL in the name, a missing or
    read-only folder, a folder or a read-only file in the way)."""
    return check_writable(path)


def check_animation(size: tuple[int, int], frames: int, fps: int, suffix: str) -> None:
    """ExportError when the frame count, rate or size do not suit the format."""
    if not 1 <= frames <= MAX_FRAMES:
        raise ExportError(translate("Export", "frames {0}: must be in [1, {1}]").format(
            frames, MAX_FRAMES))
    top = GIF_MAX_FPS if suffix == ".gif" else MAX_FPS
    if not 1 <= fps <= top:
        raise ExportError(translate("Export", "fps {0}: must be in [1, {1}] for {2}").format(
            fps, top, suffix))
    if suffix == ".gif" and frames * size[0] * size[1] > GIF_MAX_PIXELS:
        most = GIF_MAX_PIXELS // (size[0] * size[1])
        raise ExportError(translate("Export", "{0} frames of {1}x{2} make too large a GIF; use "
                                    "at most {3} frames at this size, or a smaller size or .mp4")
                          .format(frames, size[0], size[1], most))
