"""Signed blocks (compact JWS): structure refused when wrong, RS256/ES256/EdDSA verified with the x5c certificate."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.x509.oid import NameOID

from app.biometrics.jws import BadSignature, MalformedBlock, b64url_encode, read_block, verify
from app.biometrics.simulator.signer import Signer, unsigned

PAYLOAD = {"bioType": "Finger", "qualityScore": "80"}


@pytest.fixture(scope="module")
def signer():
    return Signer()


def _cert(key, algorithm):
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test device")])
    now = dt.datetime.now(dt.timezone.utc)
    return (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now).not_valid_after(now + dt.timedelta(days=1))
            .sign(key, algorithm))


def _compact(header: dict, payload: dict, sign) -> str:
    head = b64url_encode(json.dumps(header).encode())
    body = b64url_encode(json.dumps(payload).encode())
    return f"{head}.{body}.{b64url_encode(sign(f'{head}.{body}'.encode()))}"


def _x5c(cert) -> list[str]:
    return [base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()]


def test_a_device_signed_block_reads_and_verifies(signer):
    block = read_block(signer.sign(PAYLOAD))
    assert block.payload == PAYLOAD and block.header["alg"] == "RS256" and block.header["typ"] == "JWT"
    assert block.certificate == signer.certificate
    assert verify(block) is True


def test_a_changed_payload_or_signature_fails(signer):
    head, body, sig = signer.sign(PAYLOAD).split(".")
    other = b64url_encode(json.dumps({**PAYLOAD, "qualityScore": "99"}).encode())
    with pytest.raises(BadSignature):
        verify(read_block(f"{head}.{other}.{sig}"))
    with pytest.raises(BadSignature):
        verify(read_block(f"{head}.{body}.{sig[::-1]}"))


@pytest.mark.parametrize("raw", [
    None, "", "abc", "a.b", "a.b.c.d", "eyJ9.eyJ9.", "e30.W10.AAAA",  # "{}" header (no alg), "[]" payload
    "e30+.e30.AAAA", "bm90IGpzb24.e30.AAAA",
])
def test_what_is_not_a_compact_jws_is_malformed(raw):
    with pytest.raises(MalformedBlock):
        read_block(raw)


def test_an_unsigned_block_is_read_only_where_the_spec_allows_it():
    raw = unsigned(PAYLOAD)
    assert read_block(raw, signed_required=False).payload == PAYLOAD
    assert verify(read_block(raw, signed_required=False)) is False
    with pytest.raises(MalformedBlock):
        read_block(raw)
    no_cert = _compact({"alg": "RS256"}, PAYLOAD, lambda data: b"sig")
    assert verify(read_block(no_cert)) is False  # nothing to verify with: the caller decides


def test_es256_and_eddsa_devices_verify_too():
    ec_key = ec.generate_private_key(ec.SECP256R1())

    def es256(data: bytes) -> bytes:
        r, s = decode_dss_signature(ec_key.sign(data, ec.ECDSA(hashes.SHA256())))
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")

    block = read_block(_compact({"alg": "ES256", "x5c": _x5c(_cert(ec_key, hashes.SHA256()))}, PAYLOAD, es256))
    assert verify(block) is True
    ed_key = ed25519.Ed25519PrivateKey.generate()
    block = read_block(_compact({"alg": "EdDSA", "x5c": _x5c(_cert(ed_key, None))}, PAYLOAD, ed_key.sign))
    assert verify(block) is True
    mismatch = read_block(_compact({"alg": "RS256", "x5c": _x5c(_cert(ed_key, None))}, PAYLOAD, ed_key.sign))
    with pytest.raises(MalformedBlock):
        verify(mismatch)
