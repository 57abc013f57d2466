"""Store errors: one base class with a `kind`, messages in Bahasa Indonesia.

Like qutebrowser's `KnownError`, these are conditions to tell the operator
(wrong passphrase, disk full, a file from a newer version); anything else is a
bug and propagates as is. No message ever carries a NIK, a name or a photo.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping

import sqlcipher3

from app.core.messages import render


class StoreError(Exception):
    """A storage problem the operator can understand and act on.

    Attributes:
        kind: stable machine code (`wrong_passphrase`, `profile_missing`,
            `schema_too_new`, `disk_full`, `io`, `busy`, `corrupt`, `exists`,
            `invalid`, `not_found`, `store`).
        message: the explanation in Bahasa Indonesia.
        code, params: the message's code in `app.core.messages` and its values, when
            it has one (then `message` is rendered from it and the window shows it
            by code); None for the messages not moved to the catalogue yet.
    """

    kind = "store"

    def __init__(self, message: str | None = None, *, kind: str | None = None, code: str | None = None,
                 params: Mapping[str, object] | None = None):
        self.code = code
        self.params = dict(params or {})
        if message is None:
            if code is None:
                raise TypeError("StoreError needs a message or a code")
            message = render(code, self.params)
        super().__init__(message)
        self.message = message
        if kind is not None:
            self.kind = kind


class WrongPassphrase(StoreError):
    kind = "wrong_passphrase"

    def __init__(self, message: str | None = None):
        super().__init__(message, code=None if message else "store.wrong_passphrase")


class ProfileMissing(StoreError):
    kind = "profile_missing"

    def __init__(self, message: str | None = None):
        super().__init__(message, code=None if message else "store.profile_missing")


class SchemaTooNew(StoreError):
    kind = "schema_too_new"

    def __init__(self, message: str | None = None):
        super().__init__(message, code=None if message else "store.schema_too_new")


class NotFound(StoreError):
    kind = "not_found"


def _known_error(exc: BaseException) -> StoreError | None:
    """Map an SQLite error to a `StoreError` the operator can act on, if it is one."""
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return StoreError(kind="disk_full", code="store.disk_full")
    if "disk i/o error" in text or "unable to open database file" in text:
        return StoreError(kind="io", code="store.io")
    if "database is locked" in text or "database is busy" in text:
        return StoreError(kind="busy", code="store.busy")
    if "malformed" in text or "file is not a database" in text:
        return StoreError(kind="corrupt", code="store.corrupt")
    return None


@contextlib.contextmanager
def known_errors() -> Iterator[None]:
    """Re-raise disk-full, I/O, busy and corruption errors as `StoreError`."""
    try:
        yield
    except (sqlcipher3.OperationalError, sqlcipher3.DatabaseError) as exc:
        if isinstance(exc, sqlcipher3.IntegrityError):
            raise
        mapped = _known_error(exc)
        if mapped is None:
            raise
        raise mapped from exc
