"""The database key: argon2id over the operator's passphrase (argon2-cffi).

The 32-byte result is handed to SQLCipher as a raw key (``PRAGMA key =
"x'..'"``), so SQLCipher's own PBKDF2 is skipped and argon2id is the only,
memory-hard, slow step an attacker with a stolen laptop has to repeat.

Default parameters (`DEFAULT_KDF_PARAMS`): argon2id, version 0x13,
time_cost=3 passes, memory_cost=262144 KiB (256 MiB), parallelism=2 lanes,
32-byte output, 16-byte random salt per profile. On the 2-core reference
machine the derivation takes about 0.4 s (0.39-0.48 s measured when idle) and
the whole unlock 0.4-0.5 s, within the 1 s budget; RFC 9106's low-memory
option (t=3, 64 MiB) took 0.09 s there, so ours costs an attacker four times
the memory and about four times the time per guess. `tests/benchmarks/bench_store.py`
prints the current figures (``kdf``, ``unlock_s``).

The parameters and salt live in the profile's ``profile.json`` (see
`app.store.profile`), never hard-wired at unlock time, so a later release can
raise them for new profiles (and re-key old ones) without locking anyone out.
The passphrase is NFKC-normalised before hashing so the same text typed on a
different keyboard or input method gives the same key.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import asdict, dataclass

from app.core.passphrase_strength import MIN_LENGTH as MIN_PASSPHRASE_LENGTH  # noqa: F401 - re-exported

KDF_NAME = "argon2id"
SALT_BYTES = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters.

    Attributes:
        time_cost: number of passes over memory.
        memory_cost: memory in KiB.
        parallelism: lanes (threads).
        hash_len: key length in bytes (SQLCipher wants 32).
        name: the KDF; only ``argon2id`` is known.
    """

    time_cost: int = 3
    memory_cost: int = 262144
    parallelism: int = 2
    hash_len: int = 32
    name: str = KDF_NAME

    def __post_init__(self) -> None:
        if self.name != KDF_NAME:
            raise ValueError(f"KDF tidak dikenal: {self.name!r}")
        if self.time_cost < 1 or self.parallelism < 1 or self.memory_cost < 8 * self.parallelism:
            raise ValueError("parameter KDF tidak valid")
        if self.hash_len != 32:
            raise ValueError("panjang kunci harus 32 byte")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "KdfParams":
        return cls(
            time_cost=int(data["time_cost"]),
            memory_cost=int(data["memory_cost"]),
            parallelism=int(data["parallelism"]),
            hash_len=int(data.get("hash_len", 32)),
            name=str(data.get("name", KDF_NAME)),
        )


DEFAULT_KDF_PARAMS = KdfParams()


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def derive_key(passphrase: str, salt: bytes, params: KdfParams = DEFAULT_KDF_PARAMS) -> bytes:
    """The raw database key for `passphrase` (argon2id, `params`, `salt`)."""
    if not isinstance(passphrase, str) or passphrase == "":
        raise ValueError("kata sandi tidak boleh kosong")
    if len(salt) < 8:
        raise ValueError("salt terlalu pendek")
    from argon2.low_level import Type, hash_secret_raw  # here: the first screen needs only the constants

    secret = unicodedata.normalize("NFKC", passphrase).encode("utf-8")
    return hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        hash_len=params.hash_len,
        type=Type.ID,
    )


def sqlcipher_key_literal(key: bytes) -> str:
    """The key in SQLCipher's raw-key form ``"x'<64 hex>'"`` for ``PRAGMA key``."""
    if len(key) != 32:
        raise ValueError("kunci harus 32 byte")
    return "\"x'" + key.hex() + "'\""
