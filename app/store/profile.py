"""The plaintext ``profile.json`` beside the database: KDF name, salt, parameters, schema version.

It holds nothing about residents. It is written atomically (temporary file,
fsync, rename) because losing the salt would lock the operator out for good,
and readable by the owner only (0600 on POSIX).

While the passphrase is being changed it also holds a ``pending`` entry: the
new salt and parameters, written *before* the database is re-keyed and
promoted to the main ``kdf`` entry once the re-key has committed (see
`app.store.passphrase`). Opening tries ``kdf`` first and ``pending`` second,
so a crash at any point leaves a profile that one of the two passphrases opens.

Format 2 (`app.store.keyslots`): the database key is random and ``slots``
holds it wrapped once per person; ``kdf`` then only names the parameters new
slots get (no salt). A format-1 profile (one passphrase, the key derived from
it) is moved to format 2 on its first unlock (`app.store.people.adopt_legacy`);
while that move is under way ``pending_slots`` holds the new slot next to the
old ``kdf``, so a crash leaves a file that the same passphrase opens.
``unlock`` holds the count and time of failed unlocks (`app.store.unlock_guard`)
and ``last_slot`` the slot that opened last (tried first next time).
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.fsio import fsync_dir, open_private
from app.store.errors import StoreError
from app.store.keys import KdfParams
from app.store.keyslots import KeySlot
from app.store.profile_files import (  # noqa: F401 - re-exported: where the files are
    DB_NAME,
    PROFILE_NAME,
    UI_FILE,
    db_path,
    profile_exists,
    profile_path,
    ui_language,
)

PROFILE_FORMAT = 1  # one passphrase, key derived from it (read, and migrated on unlock)
SLOTS_FORMAT = 2  # random key wrapped per person
FORMATS = (PROFILE_FORMAT, SLOTS_FORMAT)


@dataclass(frozen=True)
class ProfileInfo:
    """What ``profile.json`` says.

    Attributes:
        salt: the argon2id salt.
        kdf: the argon2id parameters.
        schema_version: the schema version last written (informational: the
            database itself is the authority).
        created_at: when the profile was created (ISO UTC).
        pending: the salt and parameters of a passphrase change that may or
            may not have re-keyed the database yet (None when none is under way).
    """

    salt: bytes
    kdf: KdfParams
    schema_version: int = 0
    created_at: str = ""
    pending: "PendingKey | None" = None
    slots: tuple[KeySlot, ...] = ()
    pending_slots: tuple[KeySlot, ...] = ()
    unlock: dict = field(default_factory=dict)
    last_slot: str = ""

    @property
    def has_slots(self) -> bool:
        """Format 2: the database key is random and wrapped per person."""
        return bool(self.slots)

    def to_dict(self) -> dict:
        data = {
            "app": "jemput",
            "format": SLOTS_FORMAT if self.slots else PROFILE_FORMAT,
            "kdf": self.kdf.to_dict() if self.slots else _kdf_entry(self.salt, self.kdf),
            "cipher": "sqlcipher4-raw-key",
            "schema_version": self.schema_version,
            "created_at": self.created_at,
        }
        if self.slots:
            data["slots"] = [s.to_dict() for s in self.slots]
        if self.pending_slots:
            data["pending_slots"] = [s.to_dict() for s in self.pending_slots]
        if self.pending is not None:
            data["pending"] = {"kdf": _kdf_entry(self.pending.salt, self.pending.kdf),
                               "since": self.pending.since}
        if self.unlock:
            data["unlock"] = dict(self.unlock)
        if self.last_slot:
            data["last_slot"] = self.last_slot
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "ProfileInfo":
        kdf = data["kdf"]
        pending = data.get("pending")
        unlock = data.get("unlock", {})
        return cls(
            slots=tuple(KeySlot.from_dict(s) for s in data.get("slots", ())),
            pending_slots=tuple(KeySlot.from_dict(s) for s in data.get("pending_slots", ())),
            unlock=dict(unlock) if isinstance(unlock, dict) else {"failures": -1},
            last_slot=str(data.get("last_slot", "")),
            salt=base64.b64decode(kdf.get("salt", ""), validate=True),
            kdf=KdfParams.from_dict(kdf),
            schema_version=int(data.get("schema_version", 0)),
            created_at=str(data.get("created_at", "")),
            pending=None if pending is None else PendingKey(
                salt=base64.b64decode(pending["kdf"]["salt"], validate=True),
                kdf=KdfParams.from_dict(pending["kdf"]),
                since=str(pending.get("since", "")),
            ),
        )

    def with_schema_version(self, version: int) -> "ProfileInfo":
        return replace(self, schema_version=version)

    def with_slots(self, slots, **changes) -> "ProfileInfo":
        return replace(self, slots=tuple(slots), **changes)

    def with_unlock(self, unlock: dict) -> "ProfileInfo":
        return replace(self, unlock=dict(unlock))

    def with_pending(self, pending: "PendingKey | None") -> "ProfileInfo":
        return replace(self, pending=pending)

    def promoted(self) -> "ProfileInfo":
        """The pending salt and parameters become the profile's own."""
        if self.pending is None:
            raise ValueError("tidak ada kunci tertunda")
        return replace(self, salt=self.pending.salt, kdf=self.pending.kdf, pending=None)


@dataclass(frozen=True)
class PendingKey:
    """The new salt and parameters of a passphrase change under way.

    Attributes:
        salt: the new argon2id salt.
        kdf: the new argon2id parameters.
        since: when the change began (ISO UTC).
    """

    salt: bytes
    kdf: KdfParams
    since: str = ""


def _kdf_entry(salt: bytes, kdf: KdfParams) -> dict:
    return {**kdf.to_dict(), "salt": base64.b64encode(salt).decode("ascii")}


def read_profile(directory: str | os.PathLike) -> ProfileInfo:
    path = profile_path(directory)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") not in FORMATS:
            raise StoreError(kind="schema_too_new", code="profile.format_unknown")
        return ProfileInfo.from_dict(data)
    except StoreError:
        raise
    except FileNotFoundError:
        raise
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreError(kind="corrupt", code="profile.file_corrupt") from exc


def write_profile(directory: str | os.PathLike, info: ProfileInfo) -> None:
    """Replace ``profile.json`` atomically and durably (owner-only on POSIX)."""
    path = profile_path(directory)
    tmp = path.with_name(path.name + ".tmp")
    text = json.dumps(info.to_dict(), indent=2, sort_keys=True) + "\n"
    with os.fdopen(open_private(tmp), "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)
