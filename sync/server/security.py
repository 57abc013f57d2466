"""Device secrets: one-time enrollment codes and bearer tokens, kept only as SHA-256.

A token is 32 random bytes (URL-safe base64); the server stores its SHA-256,
so a copy of the database does not let anyone act as a device. Enrollment
codes are short enough to type (``XXXX-XXXX-XXXX`` from an alphabet without
look-alike characters) and are also stored hashed.
"""

from __future__ import annotations

import hashlib
import secrets

TOKEN_BYTES = 32
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I, O, 0, 1


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_enrollment_code() -> str:
    chars = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    return f"{chars[:4]}-{chars[4:8]}-{chars[8:]}"


def normalize_code(code: str) -> str:
    """What the operator typed -> the canonical code (case, spaces and dashes ignored)."""
    plain = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(plain[i:i + 4] for i in range(0, len(plain), 4))


def secret_sha256(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()
