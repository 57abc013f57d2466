"""The simulator's device key: a fresh RSA key and self-signed certificate, and RS256 compact JWS with it."""

from __future__ import annotations

import base64
import datetime as dt
import json

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

from app.biometrics.jws import b64url_encode


class Signer:
    """Signs blocks as the device would (header ``alg`` RS256, ``typ`` JWT, ``x5c`` the certificate)."""

    def __init__(self, serial: str = "JEMPUTSIM0001"):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"Jemput simulator {serial}"),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Jemput (latihan)")])
        now = dt.datetime.now(dt.timezone.utc)
        self.certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                            .public_key(self.key.public_key()).serial_number(x509.random_serial_number())
                            .not_valid_before(now - dt.timedelta(days=1))
                            .not_valid_after(now + dt.timedelta(days=365))
                            .sign(self.key, hashes.SHA256()))
        der = self.certificate.public_bytes(serialization.Encoding.DER)
        header = {"alg": "RS256", "typ": "JWT", "x5c": [base64.b64encode(der).decode("ascii")]}
        self._header = b64url_encode(json.dumps(header, separators=(",", ":")).encode("utf-8"))

    def sign(self, payload: dict) -> str:
        """`payload` as ``header.payload.signature``."""
        body = b64url_encode(json.dumps(payload, separators=(",", ":")).encode("utf-8"))
        signing_input = f"{self._header}.{body}".encode("ascii")
        signature = self.key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
        return f"{self._header}.{body}.{b64url_encode(signature)}"


def unsigned(payload: dict) -> str:
    """`payload` as an unsigned block (base64url of its JSON), as discovery sends the digitalId."""
    return b64url_encode(json.dumps(payload, separators=(",", ":")).encode("utf-8"))
