"""Which steps an animation shows, for how long, and the writer its frames go to."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

HOLD_LAST_S = 2.0  # the last frame stays up this long before the animation loops


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
