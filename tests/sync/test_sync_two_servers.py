"""A laptop syncs end to end through two server machines sharing one PostgreSQL
database and one S3 bucket, behind a proxy that alternates per request
(`two_servers.server_pair`): every record and file reaches the server exactly
once, byte-identical, each photo's chunks alternating between the machines,
nothing half-sent left."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.lifecycle import RecordingStatus
from app.store.outbox import Outbox
from app.store.recordings import RecordingRepo
from sync_support import big_jpeg, media_for, record, sha256_of
from two_servers import ServerPair, server_pair

N = 12
CHUNK = 16 * 1024
BUNDLE = 256 * 1024  # files up to 64 KiB (the signatures) travel in bundles, the photos in chunks


@pytest.fixture(scope="module")
def pair(tmp_path_factory, postgres_cluster, moto_s3) -> ServerPair:
    with server_pair(tmp_path_factory.mktemp("two-servers"), postgres_cluster.new_database(), moto_s3,
                     "--max-chunk-bytes", str(CHUNK), "--max-bundle-bytes", str(BUNDLE)) as servers:
        yield servers


def test_a_laptop_syncs_through_two_servers_sharing_database_and_bucket(session, people, pair, registered):
    pump = registered(pair, url=pair.url)
    recs = [record(session.store, people, media=media_for(people.rng, photo=big_jpeg(people.rng, 3 * CHUNK)))
            for _ in range(N)]
    local = {m.sha256: m.data for r in recs for m in RecordingRepo(session.store).media(r.uuid)}
    photos = {m.sha256 for r in recs for m in RecordingRepo(session.store).media(r.uuid, "photo")}
    assert len(local) == 2 * N and all(len(local[sha]) > 3 * CHUNK for sha in photos)

    report = pump.run_once()
    assert report.ok, report.error
    assert report.acked == N and report.parked == 0 and report.failed == 0
    assert report.bytes_media == sum(len(d) for d in local.values())  # every byte sent once
    assert RecordingRepo(session.store).counts_by_status()[RecordingStatus.ACCEPTED] == N
    assert Outbox(session.store).counts() == {"pending": 0, "acked": N, "parked": 0}

    # Every photo's chunks alternated between the two machines, and each was stored once.
    chunks = pair.served_by("PUT", "/media/")
    assert {path.rsplit("/", 1)[-1] for path in chunks} == photos
    for path, servers in chunks.items():
        assert len(servers) >= 4 and servers == [i % 2 for i in range(len(servers))], (path, servers)
    posts = [(p.split("?")[0], i) for m, p, i in pair.proxy.served if m == "POST"]
    assert {p for p, _i in posts} >= {"/recordings/batch", "/media-bundle"}
    assert {i for _p, i in posts} == {0, 1}  # batches and bundles too went to both machines
    assert sum(s.access_lines('"PUT /media/') for s in pair.servers) == sum(map(len, chunks.values()))

    files = pair.media_files()
    assert set(files) == set(local)
    for name, data in files.items():
        assert sha256_of(data) == name and data == local[name]
    assert set(pair.moto.objects(pair.bucket)) == {f"media/{sha}" for sha in local}  # no chunk left behind
    status = pair.status()
    assert status["rekaman_total"] == status["rekaman_accepted"] == status["rekaman_diterima_lengkap"] == N
    assert status["media_lengkap"] == status["berkas_media"] == 2 * N
    assert status["berkas_sebagian"] == 0 and status["konflik"] == 0
    for server in pair.servers:  # nothing went wrong on either machine
        log = server.log.read_text(encoding="utf-8", errors="replace")
        assert "Traceback" not in log and '" 50' not in log
        assert not [p for p in Path(server.data, "media").rglob("*") if p.is_file()]  # in the bucket only

    served = len(pair.proxy.served)
    again = pump.run_once()
    assert again.ok and again.sent == 0 and again.bytes_media == 0 and again.acked == 0
    assert not [x for x in pair.proxy.served[served:] if x[0] == "PUT" or x[1].startswith("/media-bundle")]
