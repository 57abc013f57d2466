"""The way to the server: plain http:// only to loopback and private networks (unless a
setting allows it), told in Bahasa Indonesia before a byte leaves; certificates verified,
and an optional pin of the server certificate's SHA-256 checked on every connection
(a real TLS server on 127.0.0.1 with a certificate made here by `cryptography`)."""

from __future__ import annotations

import hashlib

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from app.core.messages import CodedError
from sync.client import Keys, SyncError
from sync.client.transport import check_plain_http, is_local_address, normalize_pin
from sync_support import make_pump

LOCAL = ["http://127.0.0.1:8765", "http://localhost:8765", "http://192.168.1.20:8765", "http://10.1.2.3",
         "http://172.16.5.4", "http://169.254.10.1", "http://[::1]:8765", "http://[fd12:3456::7]",
         "http://[fe80::1]", "https://8.8.8.8", "https://[2606:4700:4700::1111]"]
PUBLIC = ["http://8.8.8.8:8765", "http://1.1.1.1", "http://100.64.0.9", "http://172.32.0.1",
          "http://[2606:4700:4700::1111]:8765", "http://[::ffff:8.8.8.8]"]


@pytest.mark.parametrize("url", LOCAL)
def test_plain_http_is_allowed_to_loopback_and_private_networks(url):
    check_plain_http(url)  # no error


@pytest.mark.parametrize("url", PUBLIC)
def test_plain_http_to_a_public_address_is_refused_in_plain_words(url):
    with pytest.raises(SyncError) as caught:
        check_plain_http(url)
    error = caught.value
    assert (error.kind, error.code) == ("config", "sync.http_public")
    assert "tanpa enkripsi" in error.message and "https://" in error.message
    check_plain_http(url, allow=True)  # the explicit setting


def test_local_addresses():
    assert is_local_address("192.168.0.1") and is_local_address("::ffff:10.0.0.1")
    assert not is_local_address("0.0.0.0") and not is_local_address("bukan-alamat")


def test_registration_to_a_public_http_address_sends_nothing(session):
    pump = make_pump(session.store)
    with pytest.raises(SyncError) as caught:
        pump.register("http://8.8.8.8:9", "KODE-1234-ABCD")
    assert caught.value.code == "sync.http_public"
    assert pump.http.requests == 0 and not pump.registered
    assert session.get_setting(Keys.ENROLL_NONCE) is None  # refused before anything was prepared
    session.set_setting(Keys.ALLOW_HTTP, True)  # the administrator's explicit choice
    pump.http.configure("http://8.8.8.8:9", None, True)
    pump._configured = None
    session.set_setting(Keys.SERVER_URL, "http://8.8.8.8:9")
    session.set_setting(Keys.TOKEN, "x" * 43)
    pump._configure()  # now accepted (whether it answers is another matter)


def test_a_sync_run_over_public_http_stops_with_the_reason(session):
    session.set_setting(Keys.SERVER_URL, "http://8.8.8.8:9")
    session.set_setting(Keys.TOKEN, "x" * 43)
    pump = make_pump(session.store)
    report = pump.run_once(force=True)
    assert report.error_code == "sync.http_public" and report.requests == 0
    pump.close()


def _sha256_of(cert_path) -> str:  # noqa: ANN001
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def test_a_pinned_certificate_is_checked_on_every_connection(session, self_signed_https):
    url, ca = self_signed_https
    right = _sha256_of(ca)
    session.set_setting(Keys.SERVER_URL, url)
    session.set_setting(Keys.CA_BUNDLE, str(ca))
    pump = make_pump(session.store)
    session.set_setting(Keys.CERT_SHA256, ":".join(right[i:i + 2] for i in range(0, 64, 2)).upper())
    assert pump.probe() is True  # the right pin, typed the way browsers show it

    session.set_setting(Keys.CERT_SHA256, "ab" * 32)  # another certificate's
    assert pump.probe() is False
    with pytest.raises(SyncError) as caught:
        pump.register(url, "KODE-1234-ABCD")
    assert (caught.value.kind, caught.value.code) == ("tls", "sync.cert_pin_mismatch")
    assert "sidik jari SHA-256" in caught.value.message

    session.set_setting(Keys.CERT_SHA256, None)
    assert pump.probe() is True  # no pin: the chain check alone
    session.set_setting(Keys.CA_BUNDLE, None)
    session.set_setting(Keys.CERT_SHA256, right)
    assert pump.probe() is False  # a pin never turns the chain check off
    pump.close()


def test_pins_are_read_strictly():
    assert normalize_pin(" AB" * 32) == "ab" * 32 and normalize_pin("") is None
    for bad in ("ab" * 31, "zz" * 32, "ab" * 33):
        with pytest.raises(CodedError):
            normalize_pin(bad)
