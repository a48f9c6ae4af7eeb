"""Atomic file writes (a temporary file beside the target, then a rename) and safe reads of a
file the user named.

A failed write leaves any existing file as it was and raises ``OSError`` with a message that
names the path; so does a read that cannot be made (:func:`read_user_file`).
"""

from __future__ import annotations

import contextlib
import os
import stat
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


class FileTooLarge(OSError):
    """The file is larger than the reader's limit (its message says so; a caller may say
    more, e.g. what such a file is not)."""


def read_user_file(path: str | os.PathLike, limit: int, shown: str | None = None) -> bytes:
    """The bytes of the file the user named at ``path``, at most ``limit`` of them (``shown``:
    how messages name it; the path by default).

    OSError, with a message naming the file, for a name no file can have (a NUL), a file that
    is not a regular one (opened without blocking: a named pipe would wait for a writer
    forever; a device or socket), one larger than ``limit`` (:class:`FileTooLarge`), or the
    system's own reason (a missing file, a folder, no permission).
    """
    path = os.fspath(path)
    name = path if shown is None else shown
    if "\0" in path:   # open() would raise ValueError: no file has such a name
        raise OSError(translate("FileIO", "cannot read {0}: a file name cannot hold a NUL "
                                "character").format(repr(name)))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            mode = os.fstat(fd).st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):   # a folder: the read says so
                raise OSError(translate("FileIO", "cannot read {0}: not a regular file (a "
                                        "named pipe, device or socket)").format(name))
            data = fh.read(limit + 1)
    except OSError as exc:
        if not exc.errno:                 # ours, above: already says it all
            raise
        raise OSError(translate("FileIO", "cannot read {0}: {1}").format(
            name, exc.strerror or exc)) from None
    if len(data) > limit:
        raise FileTooLarge(translate("FileIO", "cannot read {0}: it is larger than {1} MB")
                           .format(name, limit // 2**20))
    return data


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
