"""Everything the app exports except the drawing itself, without Qt (the CLI imports it alone).

- :mod:`.targets`: formats by extension, sizes, frame and rate limits, path checks;
- :mod:`.frames`: which steps an animation shows, for how long, and the writer protocol;
- :mod:`.gif`, :mod:`.mp4`: the animation encoders;
- :mod:`.animation`: a figure's frames pushed into a writer, directly or on a thread;
- :mod:`.data`: the runs as CSV or JSON.

Images (PNG, SVG) and the frames themselves are drawn by the GUI's renderer
(:mod:`beale_gui.gui.figure`, :mod:`beale_gui.gui.svg`). A new format is an extension in
``targets.py`` and a writer module here.
"""

from .animation import BackgroundWriter, open_animation_writer, start_animation, write_animation
from .data import experiment_of, write_csv, write_data, write_json
from .frames import AnimationWriter, frame_durations, frame_steps
from .gif import GifWriter
from .mp4 import Mp4Writer, ffmpeg_problem
from .targets import (
    ANIMATION_EXTENSIONS,
    DATA_EXTENSIONS,
    DEFAULT_ANIMATION_SIZE,
    DEFAULT_FPS,
    DEFAULT_FRAMES,
    DEFAULT_IMAGE_SIZE,
    EXTENSIONS,
    GIF_MAX_FPS,
    GIF_MAX_PIXELS,
    IMAGE_EXTENSIONS,
    KINDS,
    MAX_ANIMATION_SIDE,
    MAX_FPS,
    MAX_FRAMES,
    MAX_SIDE,
    STYLES,
    ExportError,
    check_animation,
    check_size,
    check_target,
    export_kind,
    parse_size,
)

__all__ = [
    "ANIMATION_EXTENSIONS", "DATA_EXTENSIONS", "DEFAULT_ANIMATION_SIZE", "DEFAULT_FPS",
    "DEFAULT_FRAMES", "DEFAULT_IMAGE_SIZE", "EXTENSIONS", "GIF_MAX_FPS", "GIF_MAX_PIXELS",
    "IMAGE_EXTENSIONS", "KINDS", "MAX_ANIMATION_SIDE", "MAX_FPS", "MAX_FRAMES", "MAX_SIDE",
    "STYLES", "AnimationWriter", "BackgroundWriter", "ExportError", "GifWriter", "Mp4Writer",
    "check_animation", "check_size", "check_target", "experiment_of", "export_kind",
    "ffmpeg_problem", "frame_durations", "frame_steps", "open_animation_writer", "parse_size",
    "start_animation", "write_animation", "write_csv", "write_data", "write_json",
]
