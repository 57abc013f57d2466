"""Crash safety: a writer killed with SIGKILL mid-save leaves whole recordings or none."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.store.database import open_profile
from app.store.outbox import Outbox
from app.store.recordings import RecordingRepo
from support.profiles import PASSPHRASE

WRITER = Path(__file__).with_name("crash_writer.py")
COMMITS_BEFORE_KILL = 40
DEADLINE_S = 20


def test_sigkill_mid_save_loses_nothing_committed(profile_dir):
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(profile_dir), PASSPHRASE],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    printed: list[str] = []
    started = time.monotonic()
    try:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        while len(printed) < COMMITS_BEFORE_KILL:
            line = proc.stdout.readline()
            assert line, f"writer stopped early: {proc.stderr.read()[-2000:]}"
            printed.append(line.strip())
            assert time.monotonic() - started < DEADLINE_S
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    printed += [line.strip() for line in proc.stdout.read().splitlines() if line.strip()]
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    with open_profile(profile_dir, PASSPHRASE) as store:
        assert store.integrity_check() == "ok"
        assert store.query("PRAGMA foreign_key_check") == []
        repo = RecordingRepo(store)
        outbox = Outbox(store)
        uuids = [r[0] for r in store.query("SELECT uuid FROM recordings")]
        assert set(printed) <= set(uuids)
        # At most the one save in flight may have committed without being printed.
        assert len(uuids) - len(printed) in (0, 1)
        for uuid in uuids:
            rec = repo.get(uuid)
            rows = store.query("SELECT kind, sha256, size, bytes FROM media WHERE recording_uuid = ?", (uuid,))
            assert sorted(r[0] for r in rows) == ["photo", "signature"]
            for _, sha, size, data in rows:
                assert hashlib.sha256(data).hexdigest() == sha and len(data) == size
            entry = outbox.get(uuid)
            assert entry is not None and entry.state == "pending"
            assert entry.content_sha256 == rec.content_sha256({r[0]: r[1] for r in rows})
        assert store.query("SELECT count(*) FROM outbox")[0][0] == len(uuids)
        saved = store.query("SELECT count(*) FROM audit WHERE action = 'recording.saved'")[0][0]
        assert saved == len(uuids)
