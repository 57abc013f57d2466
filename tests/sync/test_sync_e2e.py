"""End to end over real HTTP: register a laptop with a real server, record 200
people with real JPEG photos and PNG signatures, sync, and check the server holds
each exactly once with byte-identical media; a second sync sends nothing again.
The 200 also go through two server machines sharing a database and a bucket."""

from __future__ import annotations

import hashlib

import pytest

from app.core.lifecycle import RecordingStatus
from app.store.outbox import Outbox
from app.store.recordings import RecordingRepo
from sync.client import Keys, SyncProgress
from sync_support import record, sha256_of
from two_servers import ServerPair, server_pair

N = 200


@pytest.fixture(params=["one server", "two servers"])
def e2e_server(request, tmp_path):
    """A real server of this test alone; or two machines sharing one PostgreSQL database and one
    S3 bucket behind a proxy that alternates per request (`two_servers.server_pair`)."""
    if request.param == "one server":
        yield request.getfixturevalue("server")
        return
    with server_pair(tmp_path, request.getfixturevalue("postgres_cluster").new_database(),
                     request.getfixturevalue("moto_s3")) as pair:
        yield pair


@pytest.mark.slow
def test_200_recordings_reach_the_server_exactly_once(session, people, e2e_server, registered):
    server = e2e_server
    pump = registered(server)
    assert session.get_setting(Keys.TOKEN)  # kept in the encrypted settings
    recs = [record(session.store, people) for _ in range(N)]
    local_media = {m.sha256: m.data for r in recs for m in RecordingRepo(session.store).media(r.uuid)}
    assert len(local_media) == 2 * N  # every photo and signature differs
    assert all(data[:2] == b"\xff\xd8" or data[:4] == b"\x89PNG" for data in local_media.values())

    seen: list[SyncProgress] = []
    statuses_while_sending: set[RecordingStatus] = set()

    def progress(p: SyncProgress) -> None:
        seen.append(p)
        if p.phase == "send" and len(seen) == 3:
            # Mid-run: nothing shows as received before the server's receipt.
            counts = RecordingRepo(session.store).counts_by_status()
            statuses_while_sending.update(s for s, n in counts.items() if n)

    report = pump.run_once(progress)
    assert report.ok, report.error
    assert report.acked == N and report.parked == 0 and report.failed == 0
    assert report.bytes_media == sum(len(d) for d in local_media.values())
    assert seen[-1].phase == "done" and seen[-1].records_done == N and seen[-1].records_total == N
    assert seen[-1].bytes_done == seen[-1].bytes_total == report.bytes_media
    assert RecordingStatus.SENT not in statuses_while_sending

    counts = RecordingRepo(session.store).counts_by_status()
    assert counts[RecordingStatus.ACCEPTED] == N
    assert Outbox(session.store).counts() == {"pending": 0, "acked": N, "parked": 0}
    assert session.get_setting(Keys.LAST_SYNC)

    status = server.status()
    assert status["rekaman_total"] == N
    assert status["rekaman_accepted"] == N
    assert status["rekaman_diterima_lengkap"] == N
    assert status["media_lengkap"] == 2 * N and status["berkas_media"] == 2 * N
    assert status["berkas_sebagian"] == 0 and status["konflik"] == 0
    files = server.media_files()
    assert set(files) == set(local_media)
    for name, data in files.items():
        assert hashlib.sha256(data).hexdigest() == name
        assert data == local_media[name]

    batches = server.access_lines('"POST /recordings/batch')
    puts = server.access_lines('"PUT /media/')
    bundles = server.access_lines('"POST /media-bundle')
    # Small whole files travel in bundles: far fewer requests than files, none one by one.
    assert batches >= N // pump.batch_size and puts == 0
    assert sum(len(d) for d in local_media.values()) // (1024 * 1024) <= bundles <= N // 2

    if isinstance(server, ServerPair):  # both machines took batches and bundles
        assert {i for m, _p, i in server.proxy.served if m == "POST"} == {0, 1}

    again = pump.run_once()
    assert again.ok and again.sent == 0 and again.bytes_media == 0 and again.acked == 0
    assert server.access_lines('"POST /recordings/batch') == batches
    assert server.access_lines('"PUT /media/') == puts
    assert server.access_lines('"POST /media-bundle') == bundles
    assert server.status()["rekaman_total"] == N


def test_payload_is_deterministic_and_hash_matches_server(session, people, module_server, registered):
    """The same recording always becomes the same payload, so a resend is a replay."""
    from sync.client import build_payload
    from sync.protocol import build_item

    pump = registered(module_server)
    rec = record(session.store, people)
    meta = pump.recordings.media_meta([rec.uuid])[rec.uuid]
    a = build_item(rec.uuid, build_payload(rec, meta))
    b = build_item(rec.uuid, build_payload(RecordingRepo(session.store).get(rec.uuid), list(reversed(meta))))
    assert a == b
    report = pump.run_once()
    assert report.acked == 1
    photo = RecordingRepo(session.store).media(rec.uuid, "photo")[0]
    assert (module_server.data / "media" / photo.sha256).read_bytes() == photo.data
    assert sha256_of(photo.data) == photo.sha256
