"""Atomic file writes: a temporary file beside the target, then a rename.

A failed write leaves any existing file as it was and raises ``OSError`` with a message that
names the path.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .i18n import translate


def _check_name(path) -> None:
    """OSError for a name no file can have (Python would raise ValueError deep inside)."""
    if "\0" in os.fspath(path):
        raise OSError(translate("FileIO", "cannot write {0}: a file name cannot hold a NUL "
                                "character").format(repr(os.fspath(path))))


def write_atomic(path: str | os.PathLike, write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write(fileobj)`` on a temporary file in the target's folder, then replace it."""
    _check_name(path)
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OSError(_missing_folder(target, folder))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OSError(_cannot_write(target, exc.strerror or exc)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private; give it the mode a plain open() would, or the
        # mode of the file it replaces
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OSError(_cannot_write(target, exc.strerror or exc)) from None
        raise
    return target


def _cannot_write(target, why) -> str:
    return translate("FileIO", "cannot write {0}: {1}").format(target, why)


def _missing_folder(target, folder) -> str:
    return translate("FileIO", "cannot write {0}: folder {1} does not exist").format(target,
                                                                                     folder)


def _read_umask() -> int:
    umask = os.umask(0)   # the only way to read it; done once, at import, before any thread
    os.umask(umask)
    return umask


_UMASK = _read_umask()


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_UMASK


def check_writable(path: str | os.PathLike) -> Path:
    """Fail early, before anything is computed, with the ``OSError`` (naming the path) that
    :func:`write_atomic` would raise: the folder is missing or may not be written, the path is a
    folder, or it is a read-only file."""
    _check_name(path)
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OSError(_missing_folder(target, folder))
    if target.is_dir():
        raise OSError(translate("FileIO", "cannot write {0}: it is a folder").format(target))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OSError(translate("FileIO", "cannot write {0}: permission denied").format(target))
    if target.exists() and not os.access(target, os.W_OK):
        raise OSError(translate("FileIO", "cannot write {0}: the file is read-only")
                      .format(target))
    return target


def write_text_atomic(path: str | os.PathLike, text: str) -> Path:
    return write_atomic(path, lambda fh: fh.write(text.encode("utf-8")))


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> Path:
    return write_atomic(path, lambda fh: fh.write(data))
