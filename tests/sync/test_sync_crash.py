"""The server dies mid-sync (SIGKILL: no goodbye, no flush) and comes back on the
same data folder: the next sync completes and every recording is held exactly once."""

from __future__ import annotations

import hashlib

import pytest

from app.core.lifecycle import RecordingStatus
from app.store.outbox import Outbox
from app.store.recordings import RecordingRepo
from sync.client import Keys
from support.server import prepare_server_data, start_server
from sync_support import media_for, record

N = 60


SMALL_BUNDLES = ("--max-bundle-bytes", str(128 * 1024))


@pytest.fixture
def server(tmp_path):
    """A server of this test alone, with small media bundles (about four files each):
    many requests, so the kill below lands mid-sync and not after the last one."""
    holder = [start_server(prepare_server_data(tmp_path / "server"), *SMALL_BUNDLES)]
    yield holder
    holder[-1].stop()
    holder[-1].dispose()


def test_server_killed_mid_sync_then_next_sync_completes_exactly_once(session, people, server, registered):
    holder, server = server, server[0]
    # One upload at a time: nothing else is already in flight when the server dies.
    pump = registered(server, batch_size=20, first_batch=20, upload_workers=1)
    recs = [record(session.store, people, media=media_for(people.rng, target_kb=30)) for _ in range(N)]
    local = {m.sha256: m.data for r in recs for m in RecordingRepo(session.store).media(r.uuid)}
    killed = []

    def progress(p):
        if not killed and p.bytes_total and p.bytes_done >= 0.4 * p.bytes_total:
            server.kill()
            killed.append(p)

    first = pump.run_once(progress)
    assert killed, "the server was never killed"
    assert first.error_kind == "offline" and first.failed > 0
    assert 0 < first.acked < N
    assert session.get_setting(Keys.LAST_ERROR) == first.error
    assert first.error_code == session.get_setting(Keys.LAST_ERROR_CODE) == "sync.unreachable"
    failed = [e for e in Outbox(session.store).pending(N, now="9999-12-31") if e.attempts]
    assert len(failed) == first.failed and {e.last_error_code for e in failed} == {"sync.unreachable"}
    assert Outbox(session.store).counts()["pending"] == N - first.acked

    revived = server.restart(*SMALL_BUNDLES)
    holder.append(revived)
    try:
        second = pump.run_once(force=True)
        assert second.ok, second.error
        assert first.acked + second.acked == N
        status = revived.status()
        media_files = revived.media_files()
    finally:
        revived.stop()  # (the fixture stops it too: a second stop is harmless)
    assert status["rekaman_total"] == N and status["rekaman_accepted"] == N
    assert status["rekaman_diterima_lengkap"] == N and status["konflik"] == 0
    assert status["berkas_sebagian"] == 0 and set(media_files) == set(local)
    for name, data in media_files.items():
        assert hashlib.sha256(data).hexdigest() == name and data == local[name]
    assert Outbox(session.store).counts() == {"pending": 0, "acked": N, "parked": 0}
    assert RecordingRepo(session.store).counts_by_status()[RecordingStatus.ACCEPTED] == N
    assert session.get_setting(Keys.LAST_ERROR) is None and session.get_setting(Keys.NEXT_ATTEMPT) is None
