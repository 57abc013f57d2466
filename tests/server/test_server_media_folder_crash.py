"""The folder store's bundle writes (`FolderMediaStore.put_many`) under a crash: a process killed
half-way leaves no file under a final name that is not whole, and, with unnamed files
(``O_TMPFILE``), nothing named behind at all; the same files are stored afterwards as if nothing
happened. Two writers of one file: with unnamed files exactly one of them wrote it."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from sync.server.media_folder import FolderMediaStore
from sync.server.media_store import Held
from support.images import image_bytes

ROOT = Path(__file__).resolve().parents[2]
MODES = [pytest.param(True, id="unnamed"), pytest.param(False, id="named-temps")]


def _store(folder: Path, unnamed: bool) -> FolderMediaStore:
    return FolderMediaStore(folder / "media", folder / "media" / "partial", unnamed_files=unnamed)


def _bundle(count: int) -> list[tuple[str, bytes, str]]:
    files = []
    for i in range(count):
        data = image_bytes(40_000, "jpeg") if i % 2 == 0 else image_bytes(1100)
        files.append((hashlib.sha256(data).hexdigest(), data, "photo" if i % 2 == 0 else "signature"))
    return files


def _child(folder: Path, unnamed: bool, body: str) -> subprocess.Popen:
    """A Python process running `body` with ``store`` (over `folder`) and ``bundles`` (those
    `_write_bundles` left in `folder`)."""
    code = textwrap.dedent(f"""
        import os, signal, sys, pickle, time
        from pathlib import Path
        from sync.server.media_folder import FolderMediaStore
        folder = Path({str(folder)!r})
        store = FolderMediaStore(folder / "media", folder / "media" / "partial", unnamed_files={unnamed!r})
        bundles = pickle.loads((folder / "bundles").read_bytes())
    """) + textwrap.dedent(body)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    return subprocess.Popen([sys.executable, "-c", code], env=env)


def _write_bundles(folder: Path, bundles: list) -> None:
    import pickle

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bundles").write_bytes(pickle.dumps(bundles))


def _whole_under_final_names(folder: Path) -> list[str]:
    """The names in media/ that are SHA-256s, each checked to hash to its name (whole)."""
    names = []
    for path in (folder / "media").iterdir():
        if path.is_file() and len(path.name) == 64:
            assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name, "a partial file under a final name"
            names.append(path.name)
    return names


@pytest.mark.parametrize("unnamed", MODES)
def test_a_crash_half_way_through_a_file_leaves_no_final_name_and_the_bundle_is_stored_again(tmp_path, unnamed):
    files = _bundle(6)
    _write_bundles(tmp_path, [files])
    # The process dies while writing the third file's bytes: half of them written, then SIGKILL.
    child = _child(tmp_path, unnamed, """
        real_write, calls = os.write, []
        def dying_write(fd, data):
            calls.append(fd)
            if len(calls) == 3:
                real_write(fd, bytes(data[:len(data) // 2]))
                os.kill(os.getpid(), signal.SIGKILL)
            return real_write(fd, data)
        os.write = dying_write
        store.put_many(bundles[0])
        sys.exit(3)  # never reached
    """)
    assert child.wait(timeout=60) == -signal.SIGKILL
    assert _whole_under_final_names(tmp_path) == []
    left = sorted(p.name for p in (tmp_path / "media" / "partial").iterdir())
    if unnamed:
        assert left == []  # the files had no name yet: nothing to clean up
    else:
        assert left and all(name.endswith(".tmp") for name in left)
    store = _store(tmp_path, unnamed)
    assert store.drop_stale_uploads(0, now=time.time() + 1) == 0  # temporary files go, counted as no upload
    assert sorted(p.name for p in (tmp_path / "media" / "partial").iterdir()) == []
    answers = store.put_many(files)
    assert answers == [(Held(len(data), True), True) for _sha, data, _kind in files]
    assert all(store.read(sha) == data for sha, data, _kind in files)
    assert store.counts() == (6, 0)


@pytest.mark.parametrize("unnamed", MODES)
def test_processes_killed_at_any_moment_leave_only_whole_files_under_final_names(tmp_path, unnamed):
    bundles = [_bundle(8) for _ in range(40)]
    _write_bundles(tmp_path, bundles)
    store = _store(tmp_path, unnamed)
    stored: list[str] = []
    for delay in (0.0, 0.01, 0.03):
        # A pause after each bundle, as a laptop's bundles come one request after another: the
        # writer takes at least 0.4 s, so the first kill lands half-way even on a busy machine
        # (without it, a fast writer was once done before the kill: nothing was tested).
        child = _child(tmp_path, unnamed, """
            for files in bundles:
                store.put_many(files)
                time.sleep(0.01)
        """)
        deadline = time.monotonic() + 60
        while len(_whole_under_final_names(tmp_path)) <= len(stored) and child.poll() is None:
            assert time.monotonic() < deadline, "the writer stored nothing"
            time.sleep(0.002)
        time.sleep(delay)  # killed while it stores (or just after it is done)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        stored = _whole_under_final_names(tmp_path)
        if unnamed:
            assert sorted(p.name for p in (tmp_path / "media" / "partial").iterdir()) == []
    assert 0 < len(stored) < sum(len(files) for files in bundles)  # the first kill came half-way at least
    store.drop_stale_uploads(0, now=time.time() + 1)
    for files in bundles:  # what a laptop then sends again is stored; what is held is left alone
        for (sha, data, _kind), (held, wrote) in zip(files, store.put_many(files)):
            assert held == Held(len(data), True) and wrote == (sha not in stored)
    assert store.counts() == (sum(len(files) for files in bundles), 0)
    assert sorted(p.name for p in (tmp_path / "media" / "partial").iterdir()) == []


def test_two_writers_of_the_same_files_with_unnamed_files_exactly_one_writes_each(tmp_path):
    files = _bundle(10)
    stores = [_store(tmp_path, True), _store(tmp_path, True)]
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda s: s.put_many(files), stores))
    for i, (_sha, data, _kind) in enumerate(files):
        assert {a[i][0] for a in answers} == {Held(len(data), True)}
        assert sum(a[i][1] for a in answers) == 1  # put-if-absent: the other found the name taken
    assert stores[0].counts() == (10, 0)
