"""Resumable media upload against the real server process over HTTP."""

from __future__ import annotations

import os
import socket
from urllib.parse import urlparse

import requests

from sync import protocol
from sync.protocol import MediaKind, media_descriptor
from sync.protocol_reasons import ReasonCodes

from serverkit import LIVE_CHUNK, make_recording
from support.images import image_bytes


def _recording_with_photo(people, photo: bytes):
    rec = make_recording(people.resident())
    signature = image_bytes(1100)
    descriptors = [media_descriptor(MediaKind.PHOTO, photo), media_descriptor(MediaKind.SIGNATURE, signature, "image/png")]
    rec.payload = rec.payload.model_copy(update={"media": descriptors})
    rec.media = {descriptors[0].sha256: photo, descriptors[1].sha256: signature}
    return rec, descriptors[0].sha256


def _head(device, sha):
    return device.http.head(device.base + protocol.Paths.media(sha), timeout=10)


def _cut_upload(device, sha: str, offset: int, chunk: bytes, send: int) -> None:
    """PUT a chunk but drop the connection after `send` bytes of its body (a 3G cut)."""
    url = urlparse(device.base)
    head = (f"PUT {protocol.Paths.media(sha)} HTTP/1.1\r\nHost: {url.netloc}\r\n"
            f"Authorization: Bearer {device.token}\r\n{protocol.PROTOCOL_HEADER}: {protocol.PROTOCOL_VERSION}\r\n"
            f"{protocol.OFFSET_HEADER}: {offset}\r\nContent-Type: application/octet-stream\r\n"
            f"Content-Length: {len(chunk)}\r\n\r\n").encode()
    with socket.create_connection((url.hostname, url.port), timeout=10) as sock:
        sock.sendall(head + chunk[:send])


def test_upload_cut_at_90_percent_resumes_from_the_servers_offset(live_server, device, people):
    photo = image_bytes(10 * LIVE_CHUNK, "jpeg")
    rec, sha = _recording_with_photo(people, photo)
    [result] = device.send(rec)
    assert result["outcome"] == "accepted"
    state = {m["sha256"]: m for m in result["media"]}[sha]
    assert state["offset"] == 0 and state["size"] == len(photo)

    for i in range(9):
        r = device.put_chunk(sha, i * LIVE_CHUNK, photo[i * LIVE_CHUNK:(i + 1) * LIVE_CHUNK])
        assert r.status_code == 200 and r.json()["complete"] is False
    _cut_upload(device, sha, 9 * LIVE_CHUNK, photo[9 * LIVE_CHUNK:], send=LIVE_CHUNK // 2)

    head = _head(device, sha)
    assert head.status_code == 200
    held = int(head.headers[protocol.OFFSET_HEADER])
    assert held == 9 * LIVE_CHUNK  # 90%: the cut chunk was not half-stored
    assert head.headers[protocol.LENGTH_HEADER] == str(len(photo))
    assert head.headers[protocol.COMPLETE_HEADER] == "0"
    assert (live_server.data / "media" / "partial" / sha).stat().st_size == held

    # status: not received in full yet
    entry = {e["uuid"]: e for e in device.status()["items"]}[rec.uuid]
    assert entry["received_complete"] is False

    done = device.put_chunk(sha, held, photo[held:])
    assert done.status_code == 200
    assert done.json() == {"sha256": sha, "size": len(photo), "kind": "photo",
                           "offset": len(photo), "complete": True}
    stored = live_server.data / "media" / sha
    assert stored.read_bytes() == photo
    assert not (live_server.data / "media" / "partial" / sha).exists()

    # the signature is still missing, so the recording is not complete yet
    assert {e["uuid"]: e for e in device.status()["items"]}[rec.uuid]["received_complete"] is False
    [sig] = [s for s in rec.media if s != sha]
    device.upload(sig, rec.media[sig])
    entry = {e["uuid"]: e for e in device.status()["items"]}[rec.uuid]
    assert entry["received_complete"] is True
    [again] = device.send(rec)
    assert again["outcome"] == "already_have" and again["received_complete"] is True
    assert all(m["complete"] and m["offset"] == m["size"] for m in again["media"])


def test_wrong_offset_gets_409_with_the_servers_offset(device, people):
    photo = image_bytes(3 * LIVE_CHUNK, "jpeg")
    rec, sha = _recording_with_photo(people, photo)
    device.send(rec)
    assert device.put_chunk(sha, 0, photo[:LIVE_CHUNK]).status_code == 200
    for offset in (0, 2 * LIVE_CHUNK):
        r = device.put_chunk(sha, offset, photo[offset:offset + LIVE_CHUNK])
        assert r.status_code == 409
        body = r.json()
        assert body["code"] == "409.1" and body["details"]["offset"] == LIVE_CHUNK
        assert str(LIVE_CHUNK) in body["message"]
    # PATCH with the offset in the query string works the same
    r = device.http.patch(device.base + protocol.Paths.media(sha), params={"offset": LIVE_CHUNK},
                          data=photo[LIVE_CHUNK:2 * LIVE_CHUNK], timeout=10)
    assert r.status_code == 200 and r.json()["offset"] == 2 * LIVE_CHUNK
    get = device.get(protocol.Paths.media(sha))
    assert get.status_code == 200 and get.json()["offset"] == 2 * LIVE_CHUNK
    # a complete file refuses more bytes, but says it is complete
    device.put_chunk(sha, 2 * LIVE_CHUNK, photo[2 * LIVE_CHUNK:])
    r = device.put_chunk(sha, 0, photo[:10])
    assert r.status_code == 409 and r.json()["details"] == {"offset": len(photo), "complete": True}


def test_sha256_mismatch_is_refused_and_discarded(live_server, device, people):
    photo = image_bytes(LIVE_CHUNK + 100, "jpeg")
    rec, sha = _recording_with_photo(people, photo)
    device.send(rec)
    assert device.put_chunk(sha, 0, photo[:LIVE_CHUNK]).status_code == 200
    corrupted = bytes([photo[LIVE_CHUNK] ^ 0xFF]) + photo[LIVE_CHUNK + 1:]
    r = device.put_chunk(sha, LIVE_CHUNK, corrupted)
    assert r.status_code == 422
    body = r.json()
    assert body["code"] == "422.2" and "SHA-256" in body["message"]
    assert int(_head(device, sha).headers[protocol.OFFSET_HEADER]) == 0
    assert not (live_server.data / "media" / sha).exists()
    assert not (live_server.data / "media" / "partial" / sha).exists()
    # sent again correctly, it is taken
    assert device.upload(sha, photo).json()["complete"] is True


def test_media_limits_and_unknown_files(device, people):
    photo = image_bytes(1100, "jpeg")
    rec, sha = _recording_with_photo(people, photo)
    unknown = "ab" * 32
    r = device.put_chunk(unknown, 0, b"x")
    assert r.status_code == 404 and r.json()["code"] == "404.2"
    assert _head(device, unknown).status_code == 404
    device.send(rec)
    assert device.put_chunk(sha, 0, photo).json()["complete"] is True  # once declared, it is taken

    big = os.urandom(LIVE_CHUNK + 1)
    rec2, sha2 = _recording_with_photo(people, image_bytes(3 * LIVE_CHUNK, "jpeg"))
    device.send(rec2)
    r = device.put_chunk(sha2, 0, big)
    assert r.status_code == 413 and r.json()["code"] == "413.2"
    r = device.put_chunk(sha2, 0, b"")
    assert r.status_code == 200 and r.json()["offset"] == 0
    assert device.http.put(device.base + protocol.Paths.media(sha2), data=b"x", timeout=10).status_code == 400
    assert device.put_chunk("not-a-sha", 0, b"x").status_code == 422

    # a recording declaring a file above the server's limit is rejected, nothing to upload
    rec3, _ = _recording_with_photo(people, image_bytes(1100, "jpeg"))
    huge = rec3.payload.media[0].model_copy(update={"size": 3 * 1024 * 1024})
    rec3.payload = rec3.payload.model_copy(update={"media": [huge, rec3.payload.media[1]]})
    [result] = device.send(rec3)
    assert result["outcome"] == "rejected"
    assert ReasonCodes.MEDIA_TOO_LARGE in {x["code"] for x in result["reasons"]}


def test_other_devices_cannot_upload_a_devices_media(live_server, device, people):
    photo = image_bytes(1100, "jpeg")
    rec, sha = _recording_with_photo(people, photo)
    device.send(rec)
    stranger = live_server.device()
    r = stranger.put_chunk(sha, 0, photo)
    assert r.status_code == 404
    r = requests.put(live_server.url + protocol.Paths.media(sha), data=photo, timeout=10,
                     headers={protocol.PROTOCOL_HEADER: "1.0", protocol.OFFSET_HEADER: "0"})
    assert r.status_code == 401
