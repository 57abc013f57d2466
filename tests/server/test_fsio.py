"""app.fsio: the file helpers the store and the server share (what it may import: tests/test_architecture.py)."""

from __future__ import annotations

import os
import stat

import pytest

from app.fsio import fsync_dir, make_private_dir, open_private, restrict_file

POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="owner-only mode bits are a POSIX matter")


@POSIX_ONLY
def test_private_folder_and_files_are_owner_only(tmp_path):
    parent = tmp_path / "profil"
    parent.mkdir(mode=0o755)
    parent.chmod(0o755)
    folder = parent / "media"
    make_private_dir(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(parent.stat().st_mode) == 0o755  # only the folder itself is tightened
    loose = folder / "lama.txt"
    loose.write_text("x")
    loose.chmod(0o644)
    restrict_file(loose)
    assert stat.S_IMODE(loose.stat().st_mode) == 0o600
    restrict_file(folder / "tidak-ada")  # missing: ignored
    fd = open_private(folder / "baru.bin")
    with os.fdopen(fd, "wb") as fh:
        fh.write(b"\x00\x01")
    assert stat.S_IMODE((folder / "baru.bin").stat().st_mode) == 0o600


def test_fsync_dir_accepts_a_folder_and_ignores_a_missing_one(tmp_path):
    fsync_dir(tmp_path)
    fsync_dir(tmp_path / "tidak-ada")
