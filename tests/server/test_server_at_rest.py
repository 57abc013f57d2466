"""The server's data at rest and its media intake, against the real server process:
a fresh data folder is 0700 with every file 0600 after a recording and its media
arrived (SQLite, WAL, media, a partial upload); an older folder is tightened at
start; the log names no resident; bytes that are not a JPEG/PNG image are refused."""

from __future__ import annotations

import os
import stat
import struct
import zlib

import pytest

from sync import protocol
from sync.protocol import MediaKind, media_descriptor
from sync.protocol_bundle import BUNDLE_CONTENT_TYPE, encode_bundle
from sync.protocol_problems import Problems
from sync.server.media_check import Checks

from serverkit import LIVE_CHUNK, DeviceClient, LiveServer, make_recording
from support.images import image_bytes
from support.server import prepare_server_data, start_server

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path) -> int:  # noqa: ANN001
    return stat.S_IMODE(os.stat(path).st_mode)


def _tree(data) -> tuple[dict, dict]:  # noqa: ANN001
    folders, files = {}, {}
    for root, dirs, names in os.walk(data):
        for d in dirs:
            folders[os.path.relpath(os.path.join(root, d), data)] = _mode(os.path.join(root, d))
        for n in names:
            if n.startswith("server-") and n.endswith(".log"):
                continue  # the test harness's capture of the server's output, not the server's file
            files[os.path.relpath(os.path.join(root, n), data)] = _mode(os.path.join(root, n))
    return folders, files


@pytest.fixture
def fresh_server(tmp_path, seed_regions_csv):
    old = os.umask(0o022)  # a usual umask: the server must not rely on a strict one
    try:
        data = prepare_server_data(tmp_path / "server-data", regions=seed_regions_csv)
        server = start_server(data, "--max-chunk-bytes", str(LIVE_CHUNK), server_class=LiveServer)
    finally:
        os.umask(old)
    yield server
    server.stop()
    server.dispose()


def test_a_fresh_data_folder_is_owner_only_after_intake(fresh_server, people):
    device = fresh_server.device()
    done = make_recording(people.resident())
    half = make_recording(people.resident(), photo_size=3 * LIVE_CHUNK)
    assert [r["outcome"] for r in device.send(done, half)] == ["accepted", "accepted"]
    device.upload_all(done)
    photo_sha = half.payload.media[0].sha256
    assert device.put_chunk(photo_sha, 0, half.media[photo_sha][:LIVE_CHUNK]).status_code == 200

    data = fresh_server.data
    folders, files = _tree(data)
    assert _mode(data) == 0o700
    assert folders == {"media": 0o700, os.path.join("media", "partial"): 0o700,
                       os.path.join("media", "locks"): 0o700,  # the workers' file locks (sync.server.filelock)
                       "bundle-keys": 0o700}  # the keys of hand-carried bundles, made at registration
    names = set(files)
    assert {"jemput-server.db", "jemput-server.db-wal", "jemput-server.db-shm"} <= names
    assert {os.path.join("media", sha) for sha in done.media} <= names
    assert os.path.join("media", "partial", photo_sha) in names
    assert os.path.join("media", "locks", f"{photo_sha[:2]}.lock") in names
    assert {os.path.join("bundle-keys", "x25519.key"), os.path.join("bundle-keys", "ed25519.key")} <= names
    assert files and all(mode == 0o600 for mode in files.values()), files


def test_an_older_loose_folder_is_tightened_at_start(tmp_path, seed_regions_csv):
    data = prepare_server_data(tmp_path / "old", regions=seed_regions_csv)
    (data / "media" / "partial").mkdir(parents=True)
    loose = data / "media" / ("ab" * 32)
    loose.write_bytes(b"x")
    for path, mode in ((data, 0o755), (data / "media", 0o755), (loose, 0o644), (data / "jemput-server.db", 0o644)):
        os.chmod(path, mode)
    server = start_server(data)
    try:
        assert (_mode(data), _mode(data / "media"), _mode(loose), _mode(data / "jemput-server.db")) == (
            0o700, 0o700, 0o600, 0o600)
    finally:
        server.stop()


def test_the_log_names_no_resident(live_server, device, people):
    recs = [make_recording(people.resident()) for _ in range(3)]
    dup = make_recording(recs[0].payload.resident.model_dump(mode="json"))
    device.send(*recs, dup)
    for rec in recs:
        device.upload_all(rec)
    text = live_server.log.read_text(encoding="utf-8", errors="replace")
    assert "POST /recordings/batch" in text  # the log is there...
    for rec in recs:  # ...and carries ids and counts only
        assert rec.nik not in text and rec.payload.resident.nama not in text


# --------------------------------------------------------------------------- media are what they claim


def _with_photo(people, photo: bytes):  # noqa: ANN001, ANN202
    rec = make_recording(people.resident())
    signature = image_bytes(1100)
    descriptors = [media_descriptor(MediaKind.PHOTO, photo, "image/jpeg"),
                   media_descriptor(MediaKind.SIGNATURE, signature, "image/png")]
    rec.payload = rec.payload.model_copy(update={"media": descriptors})
    rec.media = {descriptors[0].sha256: photo, descriptors[1].sha256: signature}
    return rec, descriptors[0].sha256


def _png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))


BAD = {
    "random bytes as image/jpeg": (lambda: os.urandom(100), Checks.NOT_IMAGE),
    "text": (lambda: b"<html>bukan foto</html>" * 10, Checks.NOT_IMAGE),
    "a PNG header claiming 60000x60000": (lambda: _png_header(60000, 60000) + os.urandom(2000), Checks.DIMENSIONS),
    "a PNG of 4x4 pixels": (lambda: _png_header(4, 4) + os.urandom(200), Checks.DIMENSIONS),
    "a JPEG cut in half": (lambda: image_bytes(1100, "jpeg")[:300], Checks.UNDECODABLE),
    "JPEG magic then garbage": (lambda: b"\xff\xd8\xff\xe0" + os.urandom(500), Checks.NO_SIZE),
    "a PNG whose data is garbage": (lambda: _png_header(64, 64) + os.urandom(800), Checks.UNDECODABLE),
}


@pytest.mark.parametrize("case", list(BAD))
def test_non_images_are_refused_with_422_and_discarded(live_server, device: DeviceClient, people, case):
    make, check = BAD[case]
    photo = make()
    rec, sha = _with_photo(people, photo)
    [result] = device.send(rec)
    assert result["outcome"] == "accepted"  # the record itself is fine; its photo is not
    r = device.put_chunk(sha, 0, photo)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["code"] == Problems.MEDIA_NOT_IMAGE.code == "422.5"
    assert body["details"]["check"] == check
    assert "JPEG atau PNG" in body["message"]
    assert not (live_server.data / "media" / sha).exists()
    assert not (live_server.data / "media" / "partial" / sha).exists()
    head = device.http.head(device.base + protocol.Paths.media(sha), timeout=20)
    assert head.headers[protocol.OFFSET_HEADER] == "0" and head.headers[protocol.COMPLETE_HEADER] == "0"


def test_a_non_image_sent_in_chunks_is_refused_on_its_last_chunk(live_server, device, people):
    photo = os.urandom(2 * LIVE_CHUNK + 10)
    rec, sha = _with_photo(people, photo)
    device.send(rec)
    assert device.put_chunk(sha, 0, photo[:LIVE_CHUNK]).status_code == 200
    assert device.put_chunk(sha, LIVE_CHUNK, photo[LIVE_CHUNK:2 * LIVE_CHUNK]).status_code == 200
    last = device.put_chunk(sha, 2 * LIVE_CHUNK, photo[2 * LIVE_CHUNK:])
    assert (last.status_code, last.json()["code"]) == (422, "422.5")
    assert not (live_server.data / "media" / "partial" / sha).exists()
    assert not (live_server.data / "media" / sha).exists()


def test_a_bundle_refuses_the_non_image_and_keeps_the_real_ones(live_server, device, people):
    bad = os.urandom(1500)
    rec, bad_sha = _with_photo(people, bad)
    good = make_recording(people.resident())
    device.send(rec, good)
    files = [(bad_sha, bad), *good.media.items()]
    r = device.post(protocol.Paths.MEDIA_BUNDLE, data=encode_bundle(files),
                    headers={"Content-Type": BUNDLE_CONTENT_TYPE})
    assert r.status_code == 200, r.text
    first, *rest = r.json()["results"]
    assert (first["complete"], first["problem"]) == (False, "422.5")
    assert all(x["complete"] for x in rest)
    assert not (live_server.data / "media" / bad_sha).exists()
    for sha, data in good.media.items():
        assert (live_server.data / "media" / sha).read_bytes() == data
