"""The signed blocks of SBI (RFC 7515 compact JWS): read, check their structure, verify with the device cert.

A device signs ``data`` (RCAPTURE), ``deviceInfo`` (MOSIPDINFO) and its
``digitalId`` as ``base64url(header).base64url(payload).base64url(signature)``;
the header holds ``alg`` (RS256) and ``x5c`` (the device's certificate, base64
DER; the first one counts). An unregistered device sends only
``base64url(payload)``. `read_block` refuses anything else (wrong number of
parts, bad base64url, a header or payload that is not a JSON object) with
`MalformedBlock`; `verify` checks the signature with the certificate's public
key when there is one (RS256, ES256 or EdDSA) and raises `BadSignature` when it
does not hold. Whether the certificate itself chains to a trusted device
provider is a policy question for the caller (`SignedBlock.certificate`).
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


class MalformedBlock(ValueError):
    """A signed block that is not a compact JWS (or a bare base64url JSON payload)."""


class BadSignature(ValueError):
    """A signed block whose signature does not hold for its certificate."""


def b64url_decode(text: str) -> bytes:
    """base64url without padding (as JWS writes it); MalformedBlock when it is not."""
    if not isinstance(text, str) or any(c in text for c in "+/= \n"):
        raise MalformedBlock("not base64url")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise MalformedBlock("not base64url") from None


def b64url_encode(data: bytes) -> str:
    """base64url without padding."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _json_object(raw: bytes) -> dict:
    try:
        value = json.loads(raw)
    except (UnicodeDecodeError, ValueError):
        raise MalformedBlock("not JSON") from None
    if not isinstance(value, dict):
        raise MalformedBlock("not a JSON object")
    return value


@dataclass(frozen=True)
class SignedBlock:
    """A read block: header (empty when unsigned), payload, and what the signature covers."""

    raw: str
    header: dict
    payload: dict
    signing_input: bytes
    signature: bytes

    @property
    def signed(self) -> bool:
        return bool(self.signature)

    @property
    def certificate(self) -> x509.Certificate | None:
        """The first certificate of ``x5c`` (None when absent); MalformedBlock when unreadable."""
        chain = self.header.get("x5c")
        if chain is None:
            return None
        first = chain[0] if isinstance(chain, list) and chain else chain
        if not isinstance(first, str):
            raise MalformedBlock("x5c is not a certificate")
        try:
            der = base64.b64decode(first, validate=True)
        except (binascii.Error, ValueError):
            try:
                der = b64url_decode(first)
            except MalformedBlock:
                raise MalformedBlock("x5c is not base64") from None
        try:
            return x509.load_der_x509_certificate(der)
        except ValueError:
            raise MalformedBlock("x5c is not a certificate") from None


def read_block(raw: object, *, signed_required: bool = True) -> SignedBlock:
    """Read `raw` as a compact JWS (or, when `signed_required` is False, also as a bare payload)."""
    if not isinstance(raw, str) or not raw:
        raise MalformedBlock("not a string")
    parts = raw.split(".")
    if len(parts) == 1 and not signed_required:
        return SignedBlock(raw, {}, _json_object(b64url_decode(parts[0])), b"", b"")
    if len(parts) != 3 or not all(parts):
        raise MalformedBlock("not three parts")
    header = _json_object(b64url_decode(parts[0]))
    payload = _json_object(b64url_decode(parts[1]))
    signature = b64url_decode(parts[2])
    if not isinstance(header.get("alg"), str):
        raise MalformedBlock("no alg")
    return SignedBlock(raw, header, payload, f"{parts[0]}.{parts[1]}".encode("ascii"), signature)


def verify(block: SignedBlock) -> bool:
    """Check the block's signature with its ``x5c`` certificate: True when verified, False when there is
    no certificate to verify with; BadSignature when it does not hold, MalformedBlock for an unknown alg."""
    cert = block.certificate
    if cert is None or not block.signed:
        return False
    alg, key = block.header["alg"], cert.public_key()
    try:
        if alg == "RS256" and isinstance(key, rsa.RSAPublicKey):
            key.verify(block.signature, block.signing_input, padding.PKCS1v15(), hashes.SHA256())
        elif alg == "ES256" and isinstance(key, ec.EllipticCurvePublicKey) and len(block.signature) == 64:
            r, s = int.from_bytes(block.signature[:32], "big"), int.from_bytes(block.signature[32:], "big")
            key.verify(encode_dss_signature(r, s), block.signing_input, ec.ECDSA(hashes.SHA256()))
        elif alg == "EdDSA" and isinstance(key, ed25519.Ed25519PublicKey):
            key.verify(block.signature, block.signing_input)
        else:
            raise MalformedBlock("unsupported alg")
    except InvalidSignature:
        raise BadSignature("signature does not verify") from None
    return True
