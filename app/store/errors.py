"""Store errors: one base class with a `kind`, messages in Bahasa Indonesia.

Like qutebrowser's `KnownError`, these are conditions to tell the operator
(wrong passphrase, disk full, a file from a newer version); anything else is a
bug and propagates as is. No message ever carries a NIK, a name or a photo.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import sqlcipher3


class StoreError(Exception):
    """A storage problem the operator can understand and act on.

    Attributes:
        kind: stable machine code (`wrong_passphrase`, `profile_missing`,
            `schema_too_new`, `disk_full`, `io`, `busy`, `corrupt`, `exists`,
            `invalid`, `not_found`, `store`).
        message: the explanation in Bahasa Indonesia.
    """

    kind = "store"

    def __init__(self, message: str, *, kind: str | None = None):
        super().__init__(message)
        self.message = message
        if kind is not None:
            self.kind = kind


class WrongPassphrase(StoreError):
    kind = "wrong_passphrase"

    def __init__(self, message: str = "Kata sandi salah. Periksa kembali lalu coba lagi."):
        super().__init__(message)


class ProfileMissing(StoreError):
    kind = "profile_missing"

    def __init__(self, message: str = "Profil tidak ditemukan di folder ini. Buat profil baru lebih dulu."):
        super().__init__(message)


class SchemaTooNew(StoreError):
    kind = "schema_too_new"

    def __init__(
        self,
        message: str = (
            "Basis data ini dibuat oleh versi Jemput yang lebih baru. "
            "Perbarui aplikasi sebelum membukanya."
        ),
    ):
        super().__init__(message)


class NotFound(StoreError):
    kind = "not_found"


def _known_error(exc: BaseException) -> StoreError | None:
    """Map an SQLite error to a `StoreError` the operator can act on, if it is one."""
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return StoreError("Penyimpanan penuh. Kosongkan ruang disk lalu coba lagi.", kind="disk_full")
    if "disk i/o error" in text or "unable to open database file" in text:
        return StoreError("Gagal membaca/menulis berkas basis data (kesalahan disk).", kind="io")
    if "database is locked" in text or "database is busy" in text:
        return StoreError("Basis data sedang dipakai proses lain. Tutup aplikasi lain lalu coba lagi.", kind="busy")
    if "malformed" in text or "file is not a database" in text:
        return StoreError("Berkas basis data rusak.", kind="corrupt")
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
