"""The media routes' lighter request path: the token is checked on every call (a
revocation closes uploads at once), auth comes before offset and file checks,
a file sent in one chunk is verified in memory, and the listening socket has
TCP_NODELAY."""

from __future__ import annotations

import hashlib
import os
import socket

import requests

from sync import protocol
from sync.protocol import MediaKind, media_descriptor
from sync.protocol_problems import Problems
from sync.server import admin
from sync.server.cli import listening_socket

from serverkit import LIVE_CHUNK, make_recording
from support.images import image_bytes


def _recording(people, photo: bytes):
    rec = make_recording(people.resident())
    signature = image_bytes(1100)
    descriptors = [media_descriptor(MediaKind.PHOTO, photo),
                   media_descriptor(MediaKind.SIGNATURE, signature, "image/png")]
    rec.payload = rec.payload.model_copy(update={"media": descriptors})
    rec.media = {descriptors[0].sha256: photo, descriptors[1].sha256: signature}
    return rec, descriptors[0].sha256


def _media(url: str, method: str, sha: str, token: str | None, offset: str | None = None,
           data: bytes = b"") -> requests.Response:
    headers = {protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION, "Content-Type": "application/octet-stream"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    if offset is not None:
        headers[protocol.OFFSET_HEADER] = offset
    return requests.request(method, url + protocol.Paths.media(sha), headers=headers, data=data, timeout=10)


def test_revoked_token_is_refused_by_every_media_call_at_once(live_server, people):
    device = live_server.device()
    photo = image_bytes(3 * LIVE_CHUNK, "jpeg")
    rec, sha = _recording(people, photo)
    [result] = device.send(rec)
    assert result["outcome"] == "accepted"
    first = device.put_chunk(sha, 0, photo[:LIVE_CHUNK])
    assert first.status_code == 200 and first.json()["offset"] == LIVE_CHUNK
    for method in ("GET", "HEAD"):  # the token was just used: nothing may remember it
        assert _media(live_server.url, method, sha, device.token).status_code == 200

    admin.revoke_device(live_server.engine, str(device.device_id))

    for method in ("GET", "HEAD", "PUT", "PATCH"):
        r = _media(live_server.url, method, sha, device.token, offset=str(LIVE_CHUNK),
                   data=photo[LIVE_CHUNK:2 * LIVE_CHUNK] if method in ("PUT", "PATCH") else b"")
        assert r.status_code == 401, (method, r.status_code)
        assert r.headers["WWW-Authenticate"] == "Bearer"
        if method != "HEAD":
            assert r.json()["code"] == Problems.TOKEN_REVOKED.code
    assert (live_server.data / "media" / "partial" / sha).stat().st_size == LIVE_CHUNK  # nothing appended


def test_token_is_checked_before_offset_and_file(live_server, device):
    unknown = hashlib.sha256(os.urandom(16)).hexdigest()
    missing = _media(live_server.url, "PUT", unknown, None, offset="abc", data=b"x")
    forged = _media(live_server.url, "PUT", unknown, "A" * 43, offset="abc", data=b"x")
    assert (missing.status_code, missing.json()["code"]) == (401, Problems.TOKEN_MISSING.code)
    assert (forged.status_code, forged.json()["code"]) == (401, Problems.TOKEN_INVALID.code)
    bad_offset = _media(live_server.url, "PUT", unknown, device.token, offset="abc", data=b"x")
    assert (bad_offset.status_code, bad_offset.json()["code"]) == (400, Problems.OFFSET_INVALID.code)
    not_expected = _media(live_server.url, "PUT", unknown, device.token, offset="0", data=b"x")
    assert (not_expected.status_code, not_expected.json()["code"]) == (404, Problems.MEDIA_NOT_EXPECTED.code)
    head = _media(live_server.url, "HEAD", unknown, "A" * 43)
    assert head.status_code == 401


def test_whole_file_in_one_chunk_is_verified_before_it_is_kept(live_server, device, people):
    photo = image_bytes(LIVE_CHUNK // 2, "jpeg")
    rec, sha = _recording(people, photo)
    [result] = device.send(rec)
    assert result["outcome"] == "accepted"

    forged = bytearray(photo)
    forged[100] ^= 0xFF  # same size, other bytes
    wrong = device.put_chunk(sha, 0, bytes(forged))
    assert wrong.status_code == 422 and wrong.json()["code"] == Problems.MEDIA_HASH_MISMATCH.code
    assert not (live_server.data / "media" / "partial" / sha).exists()
    assert not (live_server.data / "media" / sha).exists()

    right = device.put_chunk(sha, 0, photo, method="PATCH")
    assert right.status_code == 200, right.text
    assert right.json()["complete"] is True and right.json()["offset"] == len(photo)
    assert right.headers[protocol.COMPLETE_HEADER] == "1"
    assert (live_server.data / "media" / sha).read_bytes() == photo
    assert not (live_server.data / "media" / "partial" / sha).exists()


def test_listening_socket_and_its_connections_have_tcp_nodelay():
    sock = listening_socket("127.0.0.1", 0)
    try:
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        with socket.create_connection(sock.getsockname(), timeout=5):
            accepted, _ = sock.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        sock.close()


def test_listening_socket_reports_a_port_in_use():
    first = listening_socket("127.0.0.1", 0)
    try:
        port = first.getsockname()[1]
        try:
            second = listening_socket("127.0.0.1", port)
        except OSError:
            pass
        else:
            second.close()
            raise AssertionError("a second socket was bound to a port in use")
    finally:
        first.close()
