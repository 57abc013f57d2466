"""POST /media-bundle against the real server process over HTTP: several small
whole files in one request, each verified on its own; bad bundles are refused
with a clear problem and change nothing."""

from __future__ import annotations

import os

from sync import protocol
from sync.protocol_bundle import BUNDLE_CONTENT_TYPE, encode_bundle
from sync.protocol_problems import Problems

from serverkit import make_recording


def _post(device, body: bytes, **headers):  # noqa: ANN001, ANN202
    return device.post(protocol.Paths.MEDIA_BUNDLE, data=body,
                       headers={"Content-Type": BUNDLE_CONTENT_TYPE, **headers})


def _received(device, uuid: str) -> bool:
    return {e["uuid"]: e for e in device.status()["items"]}[uuid]["received_complete"]


def test_a_bundle_completes_every_file_and_the_recordings(live_server, device, people):
    recs = [make_recording(people.resident()) for _ in range(3)]
    device.send(*recs)
    files = [(sha, data) for rec in recs for sha, data in rec.media.items()]
    r = _post(device, encode_bundle(files))
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["sha256"] for x in results] == [sha for sha, _ in files]
    assert all(x["complete"] and x["problem"] is None and x["offset"] == x["size"] for x in results)
    for sha, data in files:
        assert (live_server.data / "media" / sha).read_bytes() == data
    assert not list((live_server.data / "media" / "partial").iterdir())
    assert all(_received(device, rec.uuid) for rec in recs)
    # The same bundle again: a harmless replay, nothing rewritten.
    before = {sha: (live_server.data / "media" / sha).stat().st_mtime_ns for sha, _ in files}
    again = _post(device, encode_bundle(files))
    assert again.status_code == 200 and all(x["complete"] for x in again.json()["results"])
    assert before == {sha: (live_server.data / "media" / sha).stat().st_mtime_ns for sha, _ in files}


def test_one_bad_file_does_not_spoil_the_others(live_server, device, people):
    rec = make_recording(people.resident())
    stranger = make_recording(people.resident())  # never sent: its files are not expected
    device.send(rec)
    (photo_sha, photo), (sig_sha, sig) = rec.media.items()
    damaged = bytes([photo[0] ^ 0xFF]) + photo[1:]
    (other_sha, other), = list(stranger.media.items())[:1]
    body = protocol.canonical_json({"files": [
        {"sha256": photo_sha, "size": len(damaged)},
        {"sha256": sig_sha, "size": len(sig)},
        {"sha256": other_sha, "size": len(other)},
    ]}) + b"\n" + damaged + sig + other
    r = _post(device, body)
    assert r.status_code == 200, r.text
    photo_r, sig_r, other_r = r.json()["results"]
    assert photo_r["complete"] is False and photo_r["problem"] == Problems.MEDIA_HASH_MISMATCH.code
    assert "SHA-256" in photo_r["message"] and photo_r["offset"] == 0
    assert sig_r["complete"] is True
    assert other_r["complete"] is False and other_r["problem"] == Problems.MEDIA_NOT_EXPECTED.code
    media = live_server.data / "media"
    assert not (media / photo_sha).exists() and not (media / other_sha).exists()
    assert (media / sig_sha).read_bytes() == sig
    assert _received(device, rec.uuid) is False  # the photo is still missing
    # The photo the resumable way afterwards: now the recording is received.
    device.upload(photo_sha, photo)
    assert _received(device, rec.uuid) is True


def test_a_file_of_another_size_than_its_recording_says_is_refused(live_server, device, people):
    rec = make_recording(people.resident())
    device.send(rec)
    sha, data = next(iter(rec.media.items()))
    longer = data + b"x"
    body = protocol.canonical_json({"files": [{"sha256": sha, "size": len(longer)}]}) + b"\n" + longer
    r = _post(device, body)
    assert r.status_code == 200
    [item] = r.json()["results"]
    assert item["problem"] == Problems.MEDIA_SIZE_DIFFERS.code and not item["complete"]
    assert str(len(data)) in item["message"]
    assert not (live_server.data / "media" / sha).exists()


def test_unreadable_bundles_get_422_with_the_reason(live_server, device, people):
    rec = make_recording(people.resident())
    device.send(rec)
    sha, data = next(iter(rec.media.items()))
    manifest = protocol.canonical_json({"files": [{"sha256": sha, "size": len(data)}]})
    cases = {
        "no newline": manifest + data,
        "not json": b"{files: nope}\n" + data,
        "short": manifest + b"\n" + data[:-1],
        "long": manifest + b"\n" + data + b"extra",
        "empty list": b'{"files":[]}\n',
        "not a sha": b'{"files":[{"sha256":"../../etc/passwd","size":1}]}\nx',
        "negative size": protocol.canonical_json({"files": [{"sha256": sha, "size": -1}]}) + b"\n",
        "too many files": protocol.canonical_json(
            {"files": [{"sha256": sha, "size": 0}] * (protocol.MAX_BUNDLE_FILES + 1)}) + b"\n",
        "empty body": b"",
        "binary garbage": os.urandom(2000),
    }
    for name, body in cases.items():
        r = _post(device, body)
        assert r.status_code == 422, (name, r.status_code, r.text)
        problem = r.json()
        assert problem["code"] == Problems.BUNDLE_INVALID.code, name
        assert problem["message"].startswith("Paket media tidak dapat dibaca"), name
    assert not (live_server.data / "media" / sha).exists()
    assert not list((live_server.data / "media" / "partial").iterdir())


def test_bundle_needs_a_token_and_respects_the_size_limit(live_server, device, people):
    rec = make_recording(people.resident())
    device.send(rec)
    files = list(rec.media.items())
    import requests

    anonymous = requests.post(live_server.url + protocol.Paths.MEDIA_BUNDLE, data=encode_bundle(files),
                              headers={protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION,
                                       "Content-Type": BUNDLE_CONTENT_TYPE}, timeout=20)
    assert anonymous.status_code == 401
    forged = requests.post(live_server.url + protocol.Paths.MEDIA_BUNDLE, data=encode_bundle(files),
                           headers={protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION,
                                    "Authorization": "Bearer " + "x" * 43,
                                    "Content-Type": BUNDLE_CONTENT_TYPE}, timeout=20)
    assert forged.status_code == 401
    caps = device.get(protocol.Paths.CAPABILITIES).json()
    limit = caps["max_bundle_bytes"]
    assert limit == protocol.DEFAULT_MAX_BUNDLE_BYTES
    huge = _post(device, b"x" * (limit + 1))
    assert huge.status_code == 413
    assert huge.json()["code"] == Problems.BUNDLE_TOO_LARGE.code
    assert str(limit) in huge.json()["message"]
    for sha, _data in files:
        assert not (live_server.data / "media" / sha).exists()
