"""What the laptop accepts on the way to the server: no plain http:// across the internet, optional certificate pin.

Plain ``http://`` sends the device token, NIKs and photos in clear. It is
allowed only to this machine and to private networks (a Dinas office LAN, a
team's own hotspot): loopback, RFC 1918, link-local, IPv6 ULA. A host name
counts by what it resolves to, all of its addresses. Anything else is
refused before a byte is sent (``sync.http_public``) unless the setting
``Keys.ALLOW_HTTP`` says otherwise.

``https://`` always verifies the certificate chain (the system's CAs, or the
Dinas CA file in ``Keys.CA_BUNDLE``). With ``Keys.CERT_SHA256`` set, every new
connection also checks that the server's certificate (DER) has exactly that
SHA-256 (urllib3's ``assert_fingerprint``, before the request is sent); the pin
then stands in for the host-name check. A mismatch is ``sync.cert_pin_mismatch``.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit

from requests.adapters import HTTPAdapter

from app.core.messages import CodedError

from sync.client.errors import SyncError

__all__ = ["PinnedAdapter", "check_plain_http", "is_local_address", "normalize_pin", "PIN_MISMATCH"]

PIN_MISMATCH = "Fingerprints did not match"
"""The words of urllib3's SSLError when the certificate is not the pinned one."""


def is_local_address(address: str) -> bool:
    """Loopback, private (RFC 1918, IPv6 ULA) or link-local: never routed across the internet."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback or ip.is_link_local or (ip.is_private and not ip.is_unspecified)


def _addresses(host: str) -> list[str]:
    try:
        return sorted({info[4][0] for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)})
    except (OSError, UnicodeError):
        return []


def check_plain_http(url: str, *, allow: bool = False) -> None:
    """Raise `SyncError` (``sync.http_public``) for ``http://`` to a host that is not local;
    ``sync.unreachable`` when the name does not resolve (offline). `allow`: the setting says yes."""
    if allow or not url.lower().startswith("http://"):
        return
    host = urlsplit(url).hostname or ""
    addresses = _addresses(host)
    if not addresses:
        raise SyncError("offline", "sync.unreachable")
    if not all(is_local_address(a) for a in addresses):
        raise SyncError("config", "sync.http_public", {"host": host})


_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def normalize_pin(text: str | None) -> str | None:
    """A certificate SHA-256 as typed (``AB:CD:...`` or hex, any case) -> 64 lower-case hex;
    None for empty; ValueError (``sync.cert_pin_invalid``) for anything else."""
    if text is None or not str(text).strip():
        return None
    pin = re.sub(r"[\s:]", "", str(text)).lower()
    if not _HEX64.match(pin):
        raise CodedError("sync.cert_pin_invalid")
    return pin


class PinnedAdapter(HTTPAdapter):
    """An adapter whose every TLS connection must present the certificate with SHA-256 `pin`."""

    def __init__(self, pin: str, **kw):  # noqa: ANN003
        self.pin = pin
        super().__init__(**kw)

    def init_poolmanager(self, *args, **kw):  # noqa: ANN002, ANN003, ANN201
        kw["assert_fingerprint"] = self.pin
        return super().init_poolmanager(*args, **kw)
