"""The people who may open a profile: their key slots, roles, adding, removing, passphrase changes.

Each person is an ``operators`` row (name, role, ``key_slot``) in the
encrypted database and a key slot in ``profile.json`` (`app.store.keyslots`).
Every change here is ordered so that a crash between its two writes leaves
a profile that opens exactly as before or exactly as after:

- add: the slot is written first (an unbound slot opens nothing once people
  are bound, see `bind`), then the row;
- remove: the row is marked removed first (its slot then opens nothing),
  then the slot is deleted, then the migration copies (which open with old
  keys) are removed;
- passphrase change: one atomic replace of ``profile.json`` (same slot id,
  new salt and wrap); the database is not touched;
- `adopt_legacy` (a one-passphrase profile's first unlock): the new slot is
  written as ``pending_slots`` beside the old ``kdf``, the file is re-keyed to
  the random key, a fresh connection must open it, then the slot is
  promoted; `app.store.database.unlock_profile` finishes a move a crash
  interrupted after the re-key.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import sqlcipher3

from app.core import roles
from app.core.messages import CodedError
from app.core.passphrase_strength import check_strength
from app.store._util import utc_now
from app.store.audit import AuditLog
from app.store.errors import NotFound, StoreError, WrongPassphrase, known_errors
from app.store.keyslots import find_slot, new_db_key, unwrap, wrap
from app.store.operators import MAX_NAME_LENGTH
from app.store.profile import read_profile, write_profile

if TYPE_CHECKING:
    from app.store.database import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    role: str
    created_at: str
    key_slot: str | None
    removed_at: str | None

    @property
    def active(self) -> bool:
        return self.removed_at is None


_COLUMNS = "id, name, role, created_at, key_slot, removed_at"


def list_people(store: "Store", *, with_removed: bool = False) -> list[Person]:
    sql = f"SELECT {_COLUMNS} FROM operators"
    if not with_removed:
        sql += " WHERE removed_at IS NULL"
    return [Person(*r) for r in store.query(sql + " ORDER BY id")]


def _by_slot(store: "Store", slot_id: str) -> Person | None:
    rows = store.query(f"SELECT {_COLUMNS} FROM operators WHERE key_slot = ?", (slot_id,))
    return Person(*rows[0]) if rows else None


def role_of(store: "Store") -> str | None:
    """The role of whoever opened `store` (admin while nobody is bound yet: the profile's maker)."""
    person = store.person
    if person is None:
        return roles.ADMIN if not _any_bound(store) else None
    return person.role


def require(store: "Store", action: str) -> None:
    roles.require(role_of(store), action)


def _any_bound(store: "Store") -> bool:
    return bool(store.query("SELECT 1 FROM operators WHERE key_slot IS NOT NULL LIMIT 1"))


def bind(store: "Store") -> None:
    """Set `store.person` from the slot that opened it; refuse a removed or unknown person.

    A slot nobody holds yet opens the profile only while nobody holds any
    (a new profile, or a one-passphrase profile just moved to slots): then
    the first active operator takes it and becomes admin.
    """
    if not store.slot_id:
        return
    person = _by_slot(store, store.slot_id)
    if person is not None:
        if not person.active:
            raise WrongPassphrase()  # the same words as any wrong passphrase
        store.person = person
        return
    if _any_bound(store):
        raise WrongPassphrase()
    first = list_people(store)
    if not first:
        return
    with store.transaction() as db:
        db.conn.execute("UPDATE operators SET key_slot = ?, role = 'admin' WHERE id = ?",
                        (store.slot_id, first[0].id))
        AuditLog(store).append("people.bound", actor="system",
                               detail={"operator_id": first[0].id, "role": roles.ADMIN})
    store.person = _by_slot(store, store.slot_id)


def _check_new(store: "Store", passphrase: str, name: str = "") -> None:
    """Strong enough, and not opening a slot already (two people, one passphrase, would be one slot)."""
    try:
        check_strength(passphrase, tuple(name.lower().split()))
    except CodedError as exc:
        raise StoreError(kind="invalid", code=exc.code, params=exc.params) from None
    if find_slot(read_profile(store.dir).slots, passphrase) is not None:
        raise StoreError(kind="invalid", code="passphrase.in_use")


def add_person(store: "Store", name: str, role: str, passphrase: str, *, actor: str = "") -> Person:
    """A new person with their own passphrase (admin only). Slot first, then the row."""
    require(store, roles.MANAGE_PEOPLE)
    name = " ".join(str(name).split())
    if not name:
        raise CodedError("operator.name_empty")
    if len(name) > MAX_NAME_LENGTH:
        raise CodedError("operator.name_too_long", {"limit": MAX_NAME_LENGTH})
    if role not in roles.ROLES:
        raise CodedError("people.role_unknown", {"role": role})
    if store.query("SELECT 1 FROM operators WHERE name = ? COLLATE NOCASE", (name,)):
        raise StoreError(kind="exists", code="operator.name_taken")
    _check_new(store, passphrase, name)
    with store.lock:
        info = read_profile(store.dir)
        slot = wrap(store.key, passphrase, kdf=info.kdf)
        write_profile(store.dir, info.with_slots((*info.slots, slot)))
        store.profile = replace(store.profile, slots=(*info.slots, slot))
        try:
            with store.transaction() as db:
                cur = db.conn.execute(
                    "INSERT INTO operators (name, role, created_at, key_slot) VALUES (?, ?, ?, ?)",
                    (name, role, utc_now(), slot.id))
                new_id = cur.lastrowid
                AuditLog(store).append("people.added", actor=actor or _actor(store),
                                       detail={"operator_id": new_id, "role": role})
        except (StoreError, sqlcipher3.Error):
            _drop_slot(store, slot.id)
            raise
    log.info("person added (role %s)", role)
    return get_person(store, new_id)


def get_person(store: "Store", person_id: int) -> Person:
    rows = store.query(f"SELECT {_COLUMNS} FROM operators WHERE id = ?", (person_id,))
    if not rows:
        raise NotFound(code="operator.not_found")
    return Person(*rows[0])


def find_person(store: "Store", name_or_id: str) -> Person:
    text = str(name_or_id).strip()
    rows = store.query(f"SELECT {_COLUMNS} FROM operators WHERE name = ? COLLATE NOCASE AND removed_at IS NULL",
                       (" ".join(text.split()),))
    if not rows and text.isdigit():
        rows = store.query(f"SELECT {_COLUMNS} FROM operators WHERE id = ? AND removed_at IS NULL", (int(text),))
    if not rows:
        raise NotFound(code="operator.not_found")
    return Person(*rows[0])


def remove_person(store: "Store", person_id: int, *, actor: str = "") -> Person:
    """Remove a person (admin only): their row is marked first, then their slot deleted."""
    from app.store.database import remove_backups

    require(store, roles.MANAGE_PEOPLE)
    person = get_person(store, person_id)
    if not person.active:
        raise StoreError(kind="invalid", code="people.removed", params={"name": person.name})
    if store.person is not None and store.person.id == person.id:
        raise StoreError(kind="invalid", code="people.self_remove")
    if person.role == roles.ADMIN and sum(p.role == roles.ADMIN for p in list_people(store)) <= 1:
        raise StoreError(kind="invalid", code="people.last_admin")
    with store.lock:
        with store.transaction() as db:
            db.conn.execute("UPDATE operators SET removed_at = ? WHERE id = ?", (utc_now(), person.id))
            AuditLog(store).append("people.removed", actor=actor or _actor(store),
                                   detail={"operator_id": person.id, "role": person.role})
        if person.key_slot:
            _drop_slot(store, person.key_slot)
        # Migration copies open with keys of before; one of them may be this person's.
        remove_backups(store.dir)
    log.info("person removed")
    return get_person(store, person.id)


def _drop_slot(store: "Store", slot_id: str) -> None:
    info = read_profile(store.dir)
    kept = tuple(s for s in info.slots if s.id != slot_id)
    if kept != info.slots:
        write_profile(store.dir, info.with_slots(kept, last_slot="" if info.last_slot == slot_id else info.last_slot))
        store.profile = replace(store.profile, slots=kept)


def _actor(store: "Store") -> str:
    return store.person.name if store.person is not None else "system"


def verify(store: "Store", passphrase: str) -> Person | None:
    """The active person `passphrase` belongs to (None: nobody's), without reopening the file.

    Used by the window's lock screen; a slot that opens but belongs to nobody
    active counts as nobody.
    """
    info = read_profile(store.dir)
    found = find_slot(info.slots, passphrase, store.slot_id)
    if found is None or found[1] != store.key:
        return None
    person = _by_slot(store, found[0].id)
    if person is None:
        return None if _any_bound(store) else store.person
    return person if person.active else None


def change_own_passphrase(store: "Store", old: str, new: str, *, kdf_params=None, actor: str = "") -> None:
    """Rewrap the slot `old` opens under `new` (one atomic write of ``profile.json``)."""
    info = read_profile(store.dir)
    found = find_slot(info.slots, old, store.slot_id)
    if found is None or found[1] != store.key:
        raise WrongPassphrase()
    slot, key = found
    owner = _by_slot(store, slot.id)
    _check_new(store, new, owner.name if owner else "")
    fresh = wrap(key, new, slot_id=slot.id, kdf=kdf_params or slot.kdf)
    slots = tuple(fresh if s.id == slot.id else s for s in info.slots)
    write_profile(store.dir, info.with_slots(slots))
    store.profile = replace(store.profile, slots=slots)
    AuditLog(store).append("profile.passphrase_changed", actor=actor or _actor(store), detail={
        "operator_id": owner.id if owner else None, "kdf": fresh.kdf.name,
        "time_cost": fresh.kdf.time_cost, "memory_cost": fresh.kdf.memory_cost,
        "parallelism": fresh.kdf.parallelism,
    })


def begin_adopt(store: "Store", passphrase: str):
    """Step 1 of `adopt_legacy`: a random key and its slot, written as ``pending_slots``."""
    key = new_db_key()
    slot = wrap(key, passphrase, kdf=store.profile.kdf)
    write_profile(store.dir, replace(store.profile, pending_slots=(slot,)))
    return slot, key


def adopt_legacy(store: "Store", passphrase: str) -> None:
    """Move a one-passphrase profile to a random key wrapped for `passphrase` (see the module doc)."""
    from app.store.passphrase import open_with, rekey

    info = store.profile
    slot, key = begin_adopt(store, passphrase)
    failure: BaseException | None = None
    try:
        rekey(store.conn, key)
    except (StoreError, sqlcipher3.Error) as exc:
        failure = exc
    conn = open_with(store.dir, key)
    if conn is None:
        old = open_with(store.dir, store.key)
        if old is not None:
            store.replace_connection(old, store.key)
        write_profile(store.dir, info)
        raise StoreError(kind=getattr(failure, "kind", "store"), code="passphrase.rekey_failed") from failure
    store.replace_connection(conn, key)
    promoted = info.with_slots((slot,), pending_slots=(), salt=b"", pending=None, last_slot=slot.id)
    with known_errors():
        write_profile(store.dir, promoted)
    store.profile = promoted
    store.slot_id = slot.id
    AuditLog(store).append("profile.key_slots_adopted", actor="system", detail={"slots": 1})
    log.info("one-passphrase profile moved to key slots")


__all__ = [
    "Person", "add_person", "adopt_legacy", "begin_adopt", "bind", "change_own_passphrase", "find_person",
    "get_person", "list_people", "remove_person", "require", "role_of", "unwrap", "verify",
]
