"""Atomic writes: a failed write keeps the old file and leaves no temporary behind."""

import pytest

from beale_gui.core.fileio import write_atomic, write_text_atomic


def test_write_replaces_the_file(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")
    write_text_atomic(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_failure_midway_keeps_the_old_file(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")

    def half_then_fail(fh):
        fh.write(b"partial")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left on device"):
        write_atomic(target, half_then_fail)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_missing_folder_says_so(tmp_path):
    with pytest.raises(OSError, match="does not exist"):
        write_text_atomic(tmp_path / "nope" / "a.txt", "x")


def test_non_os_errors_also_clean_up(tmp_path):
    target = tmp_path / "a.txt"

    def fail(fh):
        fh.write(b"x")
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError):
        write_atomic(target, fail)
    assert list(tmp_path.iterdir()) == []


def test_new_files_get_the_usual_mode_and_replaced_files_keep_theirs(tmp_path):
    import os

    new = tmp_path / "new.txt"
    write_text_atomic(new, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert new.stat().st_mode & 0o777 == 0o666 & ~umask
    old = tmp_path / "old.txt"
    old.write_text("old")
    old.chmod(0o640)
    write_text_atomic(old, "new")
    assert old.stat().st_mode & 0o777 == 0o640
