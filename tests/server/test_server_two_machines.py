"""Two server machines, one PostgreSQL database, one S3 bucket (moto on 127.0.0.1):
the races of test_server_workers.py with the requests spread over both machines.
The same chunk PUT 40 times at once is written once and every answer names the
same offset; the same media bundle posted 40 times at once stores one copy."""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from sync import protocol
from sync.protocol_bundle import BUNDLE_CONTENT_TYPE, encode_bundle
from sync.protocol_problems import Problems

from serverkit import LIVE_CHUNK, LiveServer, make_recording
from support.s3 import start_shared_servers


@pytest.fixture(scope="module")
def machines(tmp_path_factory, postgres_cluster, moto_s3, seed_regions_csv):
    """Two ``jemput-server run`` processes (data folders of their own) on one database and one bucket."""
    bucket = moto_s3.new_bucket()
    servers = start_shared_servers([tmp_path_factory.mktemp("mesin-1"), tmp_path_factory.mktemp("mesin-2")],
                                   postgres_cluster.new_database(), moto_s3, bucket,
                                   "--max-chunk-bytes", str(LIVE_CHUNK), regions=seed_regions_csv,
                                   server_class=LiveServer)
    yield servers, bucket
    for server in servers:
        server.stop()
        server.dispose()


def _errors(server: LiveServer) -> list[str]:
    text = server.log.read_text(encoding="utf-8", errors="replace")
    return [line for line in text.splitlines() if "Traceback" in line or '" 50' in line]


def _held(r: requests.Response) -> tuple[int, bool]:
    body = r.json()
    state = body if r.status_code == 200 else body["details"]
    assert r.status_code == 200 or body["code"] == Problems.OFFSET_MISMATCH.code, body
    return state["offset"], state["complete"]


def test_the_same_chunk_through_both_machines_at_once_is_written_once(machines, moto_s3, people):
    servers, bucket = machines
    device = servers[0].device()
    rec = make_recording(people.resident(), photo_size=3 * LIVE_CHUNK + 123)
    device.send(rec)
    sha, data = max(rec.media.items(), key=lambda kv: len(kv[1]))

    def race(offset: int) -> list[requests.Response]:
        def put(n: int) -> requests.Response:
            return requests.put(servers[n % 2].url + protocol.Paths.media(sha), timeout=60,
                                data=data[offset:offset + LIVE_CHUNK],
                                headers={**device.http.headers, protocol.OFFSET_HEADER: str(offset),
                                         "Content-Type": "application/octet-stream"})

        with ThreadPoolExecutor(20) as pool:
            return list(pool.map(put, range(40)))

    first = race(0)
    assert sorted(r.status_code for r in first) == [200] + [409] * 39
    assert {_held(r) for r in first} == {(LIVE_CHUNK, False)}
    assert moto_s3.objects(bucket, f"media/{sha}") == {f"media/{sha}.part/{0:013d}": data[:LIVE_CHUNK]}
    for offset in (LIVE_CHUNK, 2 * LIVE_CHUNK):  # the next chunks, one machine then the other
        r = requests.put(servers[offset // LIVE_CHUNK % 2].url + protocol.Paths.media(sha), timeout=60,
                         data=data[offset:offset + LIVE_CHUNK],
                         headers={**device.http.headers, protocol.OFFSET_HEADER: str(offset)})
        assert r.status_code == 200 and _held(r) == (offset + LIVE_CHUNK, False), r.text
    last = race(3 * LIVE_CHUNK)  # the chunk that completes the file, 40 times at once
    assert sorted(r.status_code for r in last) == [200] + [409] * 39
    assert {_held(r) for r in last} == {(len(data), True)}
    assert moto_s3.objects(bucket, f"media/{sha}") == {f"media/{sha}": data}  # no chunk object left
    assert hashlib.sha256(data).hexdigest() == sha
    feed = {e["uuid"]: e for e in device.status()["items"]}
    assert feed[rec.uuid]["received_complete"] is False  # the signature is still missing
    assert all(_errors(s) == [] for s in servers)


def test_one_bundle_posted_through_both_machines_at_once_stores_one_copy(machines, moto_s3, people):
    servers, bucket = machines
    device = servers[1].device()
    recs = [make_recording(people.resident()) for _ in range(2)]
    device.send(*recs)
    files = [(sha, data) for rec in recs for sha, data in rec.media.items()]
    body = encode_bundle(files)

    def post(n: int) -> requests.Response:
        return requests.post(servers[n % 2].url + protocol.Paths.MEDIA_BUNDLE, data=body, timeout=60,
                             headers={**device.http.headers, "Content-Type": BUNDLE_CONTENT_TYPE})

    with ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(post, range(40)))
    assert sorted({r.status_code for r in answers}) == [200]
    assert all(x["complete"] and x["problem"] is None for r in answers for x in r.json()["results"])
    for sha, data in files:
        assert moto_s3.objects(bucket, f"media/{sha}") == {f"media/{sha}": data}  # nothing else of it
    for server in servers:  # either machine tells the device the same
        device.base = server.url
        feed = {e["uuid"]: e for e in device.status()["items"]}
        assert all(feed[rec.uuid]["received_complete"] for rec in recs)
    assert all(_errors(s) == [] for s in servers)
