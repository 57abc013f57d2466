"""The plaintext ``profile.json`` beside the database: KDF name, salt, parameters, schema version.

It holds nothing about residents. It is written atomically (temporary file,
fsync, rename) because losing the salt would lock the operator out for good.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

from app.store._util import fsync_dir
from app.store.errors import StoreError
from app.store.keys import KdfParams

DB_NAME = "jemput.db"
PROFILE_NAME = "profile.json"
PROFILE_FORMAT = 1


@dataclass(frozen=True)
class ProfileInfo:
    """What ``profile.json`` says.

    Attributes:
        salt: the argon2id salt.
        kdf: the argon2id parameters.
        schema_version: the schema version last written (informational: the
            database itself is the authority).
        created_at: when the profile was created (ISO UTC).
    """

    salt: bytes
    kdf: KdfParams
    schema_version: int = 0
    created_at: str = ""

    def to_dict(self) -> dict:
        return {
            "app": "jemput",
            "format": PROFILE_FORMAT,
            "kdf": {**self.kdf.to_dict(), "salt": base64.b64encode(self.salt).decode("ascii")},
            "cipher": "sqlcipher4-raw-key",
            "schema_version": self.schema_version,
            "created_at": self.created_at,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "ProfileInfo":
        kdf = data["kdf"]
        return cls(
            salt=base64.b64decode(kdf["salt"], validate=True),
            kdf=KdfParams.from_dict(kdf),
            schema_version=int(data.get("schema_version", 0)),
            created_at=str(data.get("created_at", "")),
        )

    def with_schema_version(self, version: int) -> "ProfileInfo":
        return replace(self, schema_version=version)


def db_path(directory: str | os.PathLike) -> Path:
    return Path(directory) / DB_NAME


def profile_path(directory: str | os.PathLike) -> Path:
    return Path(directory) / PROFILE_NAME


def read_profile(directory: str | os.PathLike) -> ProfileInfo:
    path = profile_path(directory)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != PROFILE_FORMAT:
            raise StoreError("Format profile.json tidak dikenal.", kind="schema_too_new")
        return ProfileInfo.from_dict(data)
    except StoreError:
        raise
    except FileNotFoundError:
        raise
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreError("Berkas profile.json rusak atau tidak dapat dibaca.", kind="corrupt") from exc


def write_profile(directory: str | os.PathLike, info: ProfileInfo) -> None:
    """Replace ``profile.json`` atomically and durably."""
    path = profile_path(directory)
    tmp = path.with_name(path.name + ".tmp")
    text = json.dumps(info.to_dict(), indent=2, sort_keys=True) + "\n"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


