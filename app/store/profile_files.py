"""Where a profile's files are and what the first screen reads of them without loading the store.

The unlock screen asks only whether a profile exists and which language it spoke
last: neither needs the key derivation, the key slots or SQLCipher
(`app.store.profile` reads and writes ``profile.json`` itself and re-exports these).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

DB_NAME = "jemput.db"
PROFILE_NAME = "profile.json"
UI_FILE = "ui.json"
"""The display language, kept outside the encrypted database so that the
unlock screen already speaks it (nothing about residents is in it)."""


def db_path(directory: str | os.PathLike) -> Path:
    return Path(directory) / DB_NAME


def profile_path(directory: str | os.PathLike) -> Path:
    return Path(directory) / PROFILE_NAME


def profile_exists(directory: str | os.PathLike) -> bool:
    """Whether `directory` holds a Jemput profile (its database and ``profile.json``)."""
    return db_path(directory).is_file() and profile_path(directory).is_file()


def ui_language(directory: str | os.PathLike) -> str:
    """The language chosen last time in this profile folder ('id' by default)."""
    try:
        return json.loads((Path(directory) / UI_FILE).read_text(encoding="utf-8")).get("language", "id")
    except (OSError, ValueError, AttributeError):
        return "id"
