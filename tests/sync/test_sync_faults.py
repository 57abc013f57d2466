"""A hostile link: a seeded fault-injecting proxy drops connections (before and
after the server answered), cuts requests and answers half-way, delays, and
answers 503; after enough rounds the server holds exactly what was recorded,
each once, photos intact. And a photo cut at 90 % resumes from the server's offset."""

from __future__ import annotations

import hashlib
import random

import pytest

from app.core.lifecycle import RecordingStatus
from app.store.outbox import Outbox
from app.store.queue_view import sync_overview
from app.store.recordings import RecordingRepo
from faultproxy import FAULTS, FaultProxy
from sync.client import Keys
from support.server import prepare_server_data, start_server
from sync_support import big_jpeg, media_for, record

N = 40


@pytest.fixture(params=["resumable", "bundles"])
def small_chunk_server(tmp_path, request):
    """Small chunks and batches (many requests for the proxy to spoil); media go one
    file at a time the resumable way, or a few small files per bundle."""
    data = prepare_server_data(tmp_path / "server")
    bundle = "0" if request.param == "resumable" else str(128 * 1024)
    server = start_server(data, "--max-chunk-bytes", "8192", "--max-batch-items", "10", "--max-bundle-bytes", bundle)
    server.mode = request.param
    yield server
    server.stop()
    server.dispose()


def test_faulty_link_delivers_everything_exactly_once(session, people, small_chunk_server, registered):
    server = small_chunk_server
    probabilities = {"drop": 0.05, "drop_after": 0.06, "cut_request": 0.04, "cut_response": 0.05,
                     "delay": 0.05, "503": 0.05}
    with FaultProxy(server.port, probabilities=probabilities, seed=1234, max_delay=0.05) as proxy:
        pump = registered(server, url=proxy.url, batch_size=10, first_batch=5)
        recs = [record(session.store, people, media=media_for(people.rng, target_kb=20)) for _ in range(N)]
        local = {m.sha256: m.data for r in recs for m in RecordingRepo(session.store).media(r.uuid)}
        rounds = 0
        runs = []  # what each run said, for the failure message of a rare miss
        while Outbox(session.store).counts()["pending"] and rounds < 40:
            rounds += 1
            report = pump.run_once(force=True)
            runs.append((report.sent, report.acked, report.parked, report.failed, report.error_code))
        faults = dict(proxy.faults)
        batches = proxy.count("POST", "/recordings/batch")
        bundles = proxy.count("POST", "/media-bundle")
    parked = [(p.code, p.params) for p in sync_overview(session.store).problems if p.parked]
    assert Outbox(session.store).counts() == {"pending": 0, "acked": N, "parked": 0}, (rounds, runs, parked)
    assert all(faults.get(name, 0) > 0 for name in FAULTS), faults
    assert batches > N // 10, (batches, runs)  # batches were resent after faults (replays are harmless)
    assert (bundles > N // 10) if server.mode == "bundles" else bundles == 0, (bundles, runs)

    status = server.status()
    assert status["rekaman_total"] == N and status["rekaman_accepted"] == N
    assert status["rekaman_diterima_lengkap"] == N and status["konflik"] == 0
    files = server.media_files()
    assert set(files) == set(local)
    for name, data in files.items():
        assert hashlib.sha256(data).hexdigest() == name and data == local[name]
    counts = RecordingRepo(session.store).counts_by_status()
    assert counts[RecordingStatus.ACCEPTED] == N


@pytest.fixture
def chunked_server(tmp_path):
    data = prepare_server_data(tmp_path / "server")
    server = start_server(data, "--max-chunk-bytes", "65536")
    yield server
    server.stop()
    server.dispose()


def test_upload_cut_at_90_percent_resumes_from_the_servers_offset(session, people, chunked_server, registered):
    server = chunked_server
    photo = big_jpeg(random.Random(7), 1_000_000)
    size = len(photo)
    sha = hashlib.sha256(photo).hexdigest()
    state = {"broken": False, "cut_at": None}

    def decide(req):
        if state["broken"]:
            return "drop"  # the link is gone after the cut
        if req.method == "PUT" and req.path == f"/media/{sha}":
            offset = int(req.headers["upload-offset"])
            mark = int(size * 0.9)
            if state["cut_at"] is None and offset + len(req.body) > mark:
                state["cut_at"] = offset
                state["broken"] = True
                return ("cut_request", mark - offset)
        return None

    with FaultProxy(server.port, decide=decide) as proxy:
        pump = registered(server, url=proxy.url)
        rec = record(session.store, people, media=media_for(people.rng, photo=photo))
        first = pump.run_once()
        assert first.error and first.acked == 0 and first.failed == 1
        assert "tidak dapat dihubungi" in first.error
        assert session.get_setting(Keys.NEXT_ATTEMPT)
        held = (server.data / "media" / "partial" / sha).stat().st_size
        assert held == state["cut_at"] and held >= 0.8 * size
        sent_before = proxy.body_bytes("PUT", f"/media/{sha}")
        puts_before = proxy.count("PUT", f"/media/{sha}")

        state["broken"] = False
        second = pump.run_once(force=True)
        assert second.ok and second.acked == 1
        resumed = [s for s in proxy.seen if s.method == "PUT" and s.path == f"/media/{sha}"][puts_before:]
        assert resumed[0].offset == held  # straight from the batch answer, no restart from 0
        resent = proxy.body_bytes("PUT", f"/media/{sha}") - sent_before
    assert resent == size - held and resent < 0.2 * size
    assert (server.data / "media" / sha).read_bytes() == photo
    assert RecordingRepo(session.store).get(rec.uuid).status is RecordingStatus.ACCEPTED


def _first_bundle_spoilt(session, people, server, registered, n: int, fault):
    """Record `n` recordings and sync once through a proxy that spoils the first
    media bundle with `fault(body)`; returns the report, the recordings, how many
    bundles were posted and the PUTs seen."""
    spoilt = {"n": 0}

    def decide(req):
        if req.method == "POST" and req.path == "/media-bundle" and spoilt["n"] == 0:
            spoilt["n"] += 1
            return fault(req.body)
        return None

    with FaultProxy(server.port, decide=decide) as proxy:
        pump = registered(server, url=proxy.url)
        recs = [record(session.store, people, media=media_for(people.rng, target_kb=20)) for _ in range(n)]
        report = pump.run_once()
        bundles = proxy.count("POST", "/media-bundle")
        puts = [s for s in proxy.seen if s.method == "PUT"]
    assert spoilt["n"] == 1
    return report, recs, bundles, puts


def test_a_bundle_cut_half_way_leaves_nothing_and_its_files_go_one_by_one(session, people, module_server,
                                                                         registered):
    """A bundle is all or nothing on the wire: a cut one leaves no partial file on
    the server; rather than risk the same megabyte again on a link that drops,
    its files go the resumable way (each kept once sent) and the run finishes."""
    report, recs, bundles, puts = _first_bundle_spoilt(
        session, people, module_server, registered, 4, lambda body: ("cut_request", len(body) * 2 // 3))
    assert report.ok and report.acked == 4, report.error
    assert bundles == 1
    assert len(puts) == 8 and {p.offset for p in puts} == {0}  # every file of the cut bundle, whole
    assert not list((module_server.data / "media" / "partial").iterdir())
    files = module_server.media_files()
    for rec in recs:
        for m in RecordingRepo(session.store).media(rec.uuid):
            assert files[m.sha256] == m.data
        assert RecordingRepo(session.store).get(rec.uuid).status is RecordingStatus.ACCEPTED


def test_a_file_damaged_inside_a_bundle_goes_again_the_resumable_way(session, people, module_server, registered):
    """The server checks each file of a bundle on its own: the damaged one is
    refused (422.2), the others are kept, and the client sends that one alone."""
    report, recs, bundles, puts = _first_bundle_spoilt(
        session, people, module_server, registered, 3, lambda body: ("corrupt", len(body) - 10))  # last file
    assert report.ok and report.acked == 3, report.error
    assert bundles == 1
    assert len({s.path for s in puts}) == 1 and puts[0].offset == 0  # only the damaged file, from its start
    files = module_server.media_files()
    for rec in recs:
        for m in RecordingRepo(session.store).media(rec.uuid):
            assert files[m.sha256] == m.data
