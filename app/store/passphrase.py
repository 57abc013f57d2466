"""Change a profile's passphrase: new random salt, new argon2id key, SQLCipher ``PRAGMA rekey``.

The order is what makes it crash-safe (a crash at any point leaves a profile
that the old or the new passphrase opens, never neither):

1. `begin_change`: check the new passphrase, draw a new salt, derive the new
   key, and write the salt and parameters into ``profile.json`` as a
   ``pending`` entry next to the current ``kdf`` one (atomic replace).
   Crash here: the database still has the old key; ``kdf`` + old passphrase open it.
2. `rekey`: ``PRAGMA rekey`` with the raw key, the same ``"x'..'"`` form as
   ``PRAGMA key``. SQLCipher rewrites every page in ONE transaction (in WAL
   mode the re-encrypted pages commit to the WAL together, and the salt in the
   file header does not change), then the WAL is folded back into the file.
   Crash before the commit: old key, as above. Crash after it: ``kdf`` no
   longer opens the file, ``pending`` + new passphrase does, and
   `app.store.database.unlock` then promotes the pending entry.
3. `open_with`: a fresh connection with the new key must open the file; the
   store continues on it (SQLCipher says ``ok`` even for a re-key it rolled back).
4. `finish_change`: ``pending`` becomes ``kdf`` (atomic replace). Done.

`change_passphrase` runs the steps; the steps are public so a test can stop
between them. The audit log records that the passphrase changed and the KDF
parameters, never a passphrase, key or salt.
"""

from __future__ import annotations

import logging
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3

from app.store._util import utc_now
from app.store.database import Store, connect, open_profile, remove_backups, restrict_profile
from app.store.errors import StoreError, WrongPassphrase, known_errors
from app.store.keys import MIN_PASSPHRASE_LENGTH, KdfParams, derive_key, new_salt, sqlcipher_key_literal
from app.store.profile import PendingKey, ProfileInfo, db_path, read_profile, write_profile

__all__ = [
    "PassphraseChange",
    "change_passphrase",
    "check_new_passphrase",
    "begin_change",
    "rekey",
    "open_with",
    "finish_change",
]

log = logging.getLogger(__name__)

AUDIT_ACTION = "profile.passphrase_changed"


@dataclass(frozen=True)
class PassphraseChange:
    """A change under way: ``profile.json`` already holds `info.pending`.

    Attributes:
        directory: the profile folder.
        info: the profile as written, with its `pending` entry.
        key: the new raw key (kept out of repr).
    """

    directory: Path
    info: ProfileInfo
    key: bytes = field(repr=False)


def _normalized(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def check_new_passphrase(new: str, old: str | None = None) -> None:
    """Raise `StoreError` (kind ``invalid``) for a new passphrase a profile must not get
    (empty, short, weak by zxcvbn's estimate, or the old one)."""
    from app.core.messages import CodedError
    from app.core.passphrase_strength import check_strength

    if not isinstance(new, str) or new == "":
        raise StoreError(kind="invalid", code="passphrase.new_empty")
    if len(new) < MIN_PASSPHRASE_LENGTH:
        raise StoreError(kind="invalid", code="passphrase.new_too_short", params={"min": MIN_PASSPHRASE_LENGTH})
    if old is not None and _normalized(new) == _normalized(old):
        raise StoreError(kind="invalid", code="passphrase.new_same")
    try:
        check_strength(new)
    except CodedError as exc:
        raise StoreError(kind="invalid", code=exc.code, params=exc.params) from None


def begin_change(
    directory: str | os.PathLike, info: ProfileInfo, new: str, kdf_params: KdfParams | None = None
) -> PassphraseChange:
    """Step 1: derive the new key from a new salt and write it to ``profile.json`` as pending.

    `info` is the profile whose ``kdf`` opens the database now. `kdf_params`
    defaults to the profile's current parameters.
    """
    check_new_passphrase(new)
    directory = Path(directory)
    pending = PendingKey(salt=new_salt(), kdf=kdf_params or info.kdf, since=utc_now())
    key = derive_key(new, pending.salt, pending.kdf)
    staged = info.with_pending(pending)
    write_profile(directory, staged)
    return PassphraseChange(directory, staged, key)


def rekey(conn: sqlcipher3.Connection, key: bytes) -> None:
    """Step 2: re-encrypt the whole database on `conn` under `key` (one transaction).

    SQLCipher answers ``ok`` even when it had to roll the re-key back (e.g.
    disk full while writing the WAL), and its codec may then be half-switched;
    so what counts is whether a fresh connection opens the file with `key`
    afterwards (`change_passphrase` checks, and replaces `conn` either way).
    """
    with known_errors():
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        conn.execute(f"PRAGMA rekey = {sqlcipher_key_literal(key)}").fetchall()
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def open_with(directory: str | os.PathLike, key: bytes) -> sqlcipher3.Connection | None:
    """Step 3: a fresh connection with `key`, or None when the key does not open the file."""
    try:
        with known_errors():
            return connect(db_path(directory), key)
    except WrongPassphrase:
        return None


def finish_change(change: PassphraseChange) -> ProfileInfo:
    """Step 4: the pending salt and parameters become the profile's own."""
    info = change.info.promoted()
    write_profile(change.directory, info)
    return info


def change_passphrase(
    profile_dir: str | os.PathLike,
    old: str,
    new: str,
    kdf_params: KdfParams | None = None,
    *,
    store: Store | None = None,
    actor: str = "",
) -> ProfileInfo:
    """Replace the passphrase `old` by `new`; returns the profile as now written.

    `kdf_params` defaults to the profile's current argon2id parameters (pass
    `DEFAULT_KDF_PARAMS` to move an old profile to this release's defaults).
    With `store` (the profile already open, e.g. the window's session) the
    store stays open and usable: afterwards it runs on a connection opened
    with the new key. Without it the profile is opened with `old` and closed.

    Raises `WrongPassphrase` when `old` does not open the profile, and
    `StoreError` (kind ``invalid``) when `new` is shorter than
    `MIN_PASSPHRASE_LENGTH` or equals `old`; in both cases nothing on disk
    changes. Any other failure leaves the old passphrase in force, except the
    one named in its message (the new key is in force but ``profile.json``
    could not be finished; opening with the new passphrase finishes it).
    """
    directory = Path(profile_dir)
    check_new_passphrase(new, old)
    if not isinstance(old, str) or old == "":
        raise WrongPassphrase()
    own = store is None
    if own:
        store = open_profile(directory, old)
    try:
        with store.lock:
            store._check_open()
            info = read_profile(directory)
            if info.has_slots:
                # One person's slot is rewrapped; the database key does not change.
                from app.store.people import change_own_passphrase

                change_own_passphrase(store, old, new, kdf_params=kdf_params, actor=actor)
                restrict_profile(directory)
                remove_backups(directory)  # migration copies still open with the old passphrase
                log.info("profile passphrase changed (one key slot)")
                return store.profile
            if not own:
                # The window's store is open already: prove `old` with a second connection.
                conn = open_with(directory, derive_key(old, info.salt, info.kdf))
                if conn is None:
                    raise WrongPassphrase()
                conn.close()
            change = begin_change(directory, info.with_pending(None), new, kdf_params)
            store.profile = _rekey_store(store, change, old)
            restrict_profile(directory)
            # Migration backups still open with the old passphrase: a changed
            # (perhaps leaked) passphrase must not keep a copy of the data readable.
            remove_backups(directory)
            kdf = store.profile.kdf
            from app.store.audit import AuditLog

            AuditLog(store).append(AUDIT_ACTION, actor=actor or "system", detail={
                "kdf": kdf.name, "time_cost": kdf.time_cost,
                "memory_cost": kdf.memory_cost, "parallelism": kdf.parallelism,
            })
        log.info("profile passphrase changed")
        return store.profile
    finally:
        if own:
            store.close()


def _rekey_store(store: Store, change: PassphraseChange, old: str) -> ProfileInfo:
    """Steps 2-4 on an open store; the store ends on a fresh connection with the key in force."""
    failure: BaseException | None = None
    try:
        rekey(store.conn, change.key)
    except (StoreError, sqlcipher3.Error) as exc:
        failure = exc
    conn = open_with(change.directory, change.key)
    if conn is None:
        # The re-key did not commit: the old key still holds, and the store's
        # connection may be half-switched, so it is replaced by a clean one.
        before = change.info.with_pending(None)
        old_key = derive_key(old, before.salt, before.kdf)
        conn = open_with(change.directory, old_key)
        if conn is not None:
            store.replace_connection(conn, old_key)
        log.error("passphrase change: the re-key did not commit (%s)", type(failure).__name__)
        raise StoreError(kind=getattr(failure, "kind", "store"), code="passphrase.rekey_failed") from failure
    store.replace_connection(conn, change.key)
    try:
        return finish_change(change)
    except OSError as exc:
        raise StoreError(kind="io", code="passphrase.profile_file_unfinished") from exc
