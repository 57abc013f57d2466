"""The server's long-term keys for hand-carried bundles, kept 0600 in its data folder.

``bundle-keys/x25519.key``: bundles are encrypted to its public half (laptops get it
at registration). ``bundle-keys/ed25519.key``: signs the receipts the office writes
back to the stick. Raw 32-byte private keys, made on first use; several worker
processes making them at once agree on one (the first link wins).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.fsio import fsync_dir, make_private_dir, open_private
from sync.bundle import b64, key_id, raw_private, raw_public

FOLDER = "bundle-keys"


@dataclass(frozen=True)
class ServerKeys:
    """The server's bundle keys (private) and what laptops are told (public, base64)."""

    encryption: X25519PrivateKey
    signing: Ed25519PrivateKey

    @property
    def encryption_public(self) -> str:
        return b64(raw_public(self.encryption))

    @property
    def signing_public(self) -> str:
        return b64(raw_public(self.signing))

    @property
    def key_id(self) -> str:
        return key_id(raw_public(self.encryption))


def _load_or_make(path: Path, make) -> bytes:  # noqa: ANN001 - a key class's generate
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        data = raw_private(make())
        temp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
        try:
            with os.fdopen(open_private(temp), "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            try:
                os.link(temp, path)  # never replaces a key another process made meanwhile
            except FileExistsError:
                data = path.read_bytes()
            fsync_dir(path.parent)
        finally:
            temp.unlink(missing_ok=True)
    if len(data) != 32:
        raise RuntimeError(f"kunci kiriman {path.name} rusak (bukan 32 bita)")
    return data


def server_keys(data_dir: Path) -> ServerKeys:
    """The server's bundle keys under `data_dir`, made on first use."""
    folder = Path(data_dir) / FOLDER
    make_private_dir(folder)
    enc = _load_or_make(folder / "x25519.key", X25519PrivateKey.generate)
    sig = _load_or_make(folder / "ed25519.key", Ed25519PrivateKey.generate)
    return ServerKeys(X25519PrivateKey.from_private_bytes(enc), Ed25519PrivateKey.from_private_bytes(sig))
