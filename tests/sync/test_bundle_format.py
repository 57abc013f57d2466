"""The bundle format itself (sync/bundle.py), without a server: what goes in comes out, in order,
over many chunks; a cut, reordered or re-signed stream is refused; receipts are checked."""

from __future__ import annotations

import hashlib
import io
import os
import struct

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from sync import bundle
from sync.bundle import BundleError


@pytest.fixture
def keys():
    server = X25519PrivateKey.generate()
    device_private, device_public = bundle.new_signing_key()
    return server, bundle.b64(bundle.raw_public(server)), device_private, device_public


def _write(keys, records, media) -> bytes:
    server, server_pub, device_private, _ = keys
    out = io.BytesIO()
    w = bundle.BundleWriter(out, server_key_b64=server_pub, device_id=7, device_key_b64=device_private,
                            created_at="2026-12-02T00:00:00+00:00", records=len(records), media=len(media))
    for r in records:
        w.add_record(r)
    for data in media:
        w.add_media(hashlib.sha256(data).hexdigest(), data)
    w.finish()
    return out.getvalue()


def _read(keys, data: bytes) -> list:
    server, server_pub, _, device_public = keys
    fh = io.BytesIO(data)
    header, _digest = bundle.open_checked(fh, server_key_id=bundle.key_id(bundle.raw_public(server)),
                                          device_key=lambda device_id: device_public)
    assert header.device_id == 7
    return list(bundle.frames(fh, header, server))


def test_what_goes_in_comes_out_over_many_chunks(keys):
    records = [{"item": {"uuid": str(i), "payload": {"nama": "x" * 500}}, "content_sha256": "c"} for i in range(300)]
    media = [os.urandom(size) for size in (1, 65535, 65536, 200_000, 3)]
    data = _write(keys, records, media)
    assert len(data) > bundle.CHUNK_BYTES * 5
    got = _read(keys, data)
    assert [v for k, v in got if k == "record"] == records
    assert [v[1] for k, v in got if k == "media"] == media
    assert b"xxxxxxxxxx" not in data


def _chunks(data: bytes, header_end: int) -> list[tuple[int, int]]:
    spans, at = [], header_end
    while data[at:at + 4] != bundle.SIG_MAGIC:
        (n,) = struct.unpack(">I", data[at:at + 4])
        spans.append((at, at + 4 + n))
        at += 4 + n
    return spans


def _resign(keys, body: bytes) -> bytes:
    signer = bundle.signing_key(keys[2])
    return body + bundle.SIG_MAGIC + signer.sign(bundle.SIG_DOMAIN + hashlib.sha256(body).digest())


def test_a_stream_cut_at_a_chunk_boundary_is_refused_even_when_signed_again(keys):
    """The STREAM last-chunk flag: the device's own key cannot make a cut-off bundle look whole."""
    data = _write(keys, [{"n": i, "pad": "y" * 1000} for i in range(200)], [])
    header = bundle.read_header(io.BytesIO(data))
    spans = _chunks(data, len(bundle.MAGIC) + 4 + len(header.raw))
    assert len(spans) >= 3
    cut = _resign(keys, data[:spans[-2][1]])  # the last chunk dropped
    with pytest.raises(BundleError) as info:
        _read(keys, cut)
    assert info.value.code == "bundle.truncated"
    a, b = spans[0], spans[1]
    swapped = _resign(keys, data[:a[0]] + data[b[0]:b[1]] + data[a[0]:a[1]] + data[b[1]:spans[-1][1]])
    with pytest.raises(BundleError) as info:
        _read(keys, swapped)
    assert info.value.code == "bundle.undecryptable"


def test_refusals_name_their_cause(keys):
    data = _write(keys, [{"n": 1}], [b"abc"])
    server, _, _, device_public = keys
    own_id = bundle.key_id(bundle.raw_public(server))
    cases = {
        b"NOTJEMPUT" + data[9:]: "bundle.not_a_bundle",
        data[:-1]: "bundle.truncated",
        data + b"x": "bundle.damaged",
    }
    for bad, code in cases.items():
        with pytest.raises(BundleError) as info:
            bundle.open_checked(io.BytesIO(bad), server_key_id=own_id, device_key=lambda _d: device_public)
        assert info.value.code == code
    with pytest.raises(BundleError) as info:
        bundle.open_checked(io.BytesIO(data), server_key_id="0" * 64, device_key=lambda _d: device_public)
    assert info.value.code == "bundle.other_server"
    other = bundle.new_signing_key()[1]
    with pytest.raises(BundleError) as info:
        bundle.open_checked(io.BytesIO(data), server_key_id=own_id, device_key=lambda _d: other)
    assert info.value.code == "bundle.signature_invalid"


def test_receipts_are_checked_with_the_server_key():
    server = Ed25519PrivateKey.generate()
    public = bundle.b64(bundle.raw_public(server))
    data = bundle.sign_receipt({"device_id": 7, "items": [{"uuid": "u", "status": "accepted"}]}, server)
    assert bundle.read_receipt(data, public)["items"][0]["uuid"] == "u"
    for bad in (data.replace(b'"accepted"', b'"rejected"'), data[:-5], b"{}"):
        with pytest.raises(BundleError) as info:
            bundle.read_receipt(bad, public)
        assert info.value.code == "bundle.receipt_invalid"
    with pytest.raises(BundleError):
        bundle.read_receipt(data, bundle.b64(bundle.raw_public(Ed25519PrivateKey.generate())))
