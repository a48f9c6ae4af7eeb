"""Files the app reads at run time, shipped inside the package.

Everything here is found through :mod:`importlib.resources`, so an editable checkout, ``pip
install .`` and a wheel all see the same files. Qt-free: the command line lists presets too.

- ``presets/*.json``: session files for File > Presets (the seed's two published runs first);
- ``icons/beale-gui.svg``: the window and desktop icon;
- ``beale-gui.desktop``: a freedesktop.org desktop entry that a packager can install.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

DESKTOP_ENTRY = "beale-gui.desktop"
ICON = "icons/beale-gui.svg"


def resource_path(name: str) -> Path:
    """The file ``name`` (a '/'-separated path below this package) on disk.

    pip and wheels install packages as folders, where :func:`importlib.resources.files` is a
    real :class:`~pathlib.Path`; a zipped package is not supported (the presets are opened by
    path, as a user's own session files are).
    """
    path = files(__name__).joinpath(*name.split("/"))
    if not isinstance(path, Path):
        raise RuntimeError(f"beale_gui's resources must be installed as files, not {path!r}")
    return path


def preset_paths() -> list[Path]:
    """The shipped presets, in file-name order (which is the menu's order)."""
    return sorted(resource_path("presets").glob("*.json"))


def icon_path() -> Path:
    """The app's icon as SVG."""
    return resource_path(ICON)


def desktop_entry_path() -> Path:
    """The desktop entry (``beale-gui.desktop``)."""
    return resource_path(DESKTOP_ENTRY)
