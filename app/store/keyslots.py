"""One random database key, wrapped once per person: the key slots of ``profile.json``.

The SQLCipher key of a profile is 32 random bytes. It is never stored as
such: each person who may open the profile has a *slot*, the key encrypted
(AES-256-GCM from `cryptography`) under a key-encryption key derived from
that person's passphrase with argon2id (`app.store.keys.derive_key`, the
slot's own random salt and parameters). The slot's id and format are the
GCM associated data, so a slot cannot be relabelled as another person's.

Adding a person writes one more slot; removing one deletes theirs (and the
database marks them removed, so a copy of the old ``profile.json`` still
opens nothing through the app); changing a passphrase rewraps one slot. None
of these re-encrypts the database. Which person a slot belongs to, and their
role, is in the encrypted database (``operators.key_slot``), not in the
plaintext file.
"""

from __future__ import annotations

import base64
import os
import secrets
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.store.keys import DEFAULT_KDF_PARAMS, KdfParams, derive_key, new_salt

DB_KEY_BYTES = 32
NONCE_BYTES = 12
SLOT_FORMAT = "jemput-slot-v1"


@dataclass(frozen=True)
class KeySlot:
    """The database key wrapped for one passphrase.

    Attributes:
        id: random hex id (``operators.key_slot`` names it).
        salt: argon2id salt of this slot's key-encryption key.
        kdf: argon2id parameters of this slot.
        nonce: the AES-GCM nonce.
        wrapped: the encrypted database key with its GCM tag (kept out of repr).
    """

    id: str
    salt: bytes = field(repr=False)
    kdf: KdfParams
    nonce: bytes = field(repr=False)
    wrapped: bytes = field(repr=False)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kdf": {**self.kdf.to_dict(), "salt": _b64(self.salt)},
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }

    @classmethod
    def from_dict(cls, data: dict) -> "KeySlot":
        return cls(
            id=str(data["id"]),
            salt=base64.b64decode(data["kdf"]["salt"], validate=True),
            kdf=KdfParams.from_dict(data["kdf"]),
            nonce=base64.b64decode(data["nonce"], validate=True),
            wrapped=base64.b64decode(data["wrapped"], validate=True),
        )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _aad(slot_id: str) -> bytes:
    return f"{SLOT_FORMAT}:{slot_id}".encode("ascii")


def new_db_key() -> bytes:
    return os.urandom(DB_KEY_BYTES)


def new_slot_id() -> str:
    return secrets.token_hex(8)


def wrap(db_key: bytes, passphrase: str, *, slot_id: str | None = None,
         kdf: KdfParams = DEFAULT_KDF_PARAMS) -> KeySlot:
    """A new slot (fresh salt and nonce) holding `db_key` for `passphrase`."""
    if len(db_key) != DB_KEY_BYTES:
        raise ValueError("kunci basis data harus 32 byte")
    slot_id = slot_id or new_slot_id()
    salt = new_salt()
    kek = derive_key(passphrase, salt, kdf)
    nonce = os.urandom(NONCE_BYTES)
    wrapped = AESGCM(kek).encrypt(nonce, db_key, _aad(slot_id))
    return KeySlot(id=slot_id, salt=salt, kdf=kdf, nonce=nonce, wrapped=wrapped)


def unwrap(slot: KeySlot, passphrase: str) -> bytes | None:
    """The database key `slot` holds for `passphrase`, or None when it is not this slot's passphrase."""
    try:
        kek = derive_key(passphrase, slot.salt, slot.kdf)
        key = AESGCM(kek).decrypt(slot.nonce, slot.wrapped, _aad(slot.id))
    except (InvalidTag, ValueError):
        return None
    return key if len(key) == DB_KEY_BYTES else None


def find_slot(slots: tuple[KeySlot, ...], passphrase: str,
              first: str = "") -> tuple[KeySlot, bytes] | None:
    """The slot `passphrase` opens and the key it holds (slot `first` tried first), or None."""
    ordered = sorted(slots, key=lambda s: s.id != first)
    for slot in ordered:
        key = unwrap(slot, passphrase)
        if key is not None:
            return slot, key
    return None
