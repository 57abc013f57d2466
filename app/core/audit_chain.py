"""The audit trail's hash chain: the one canonical serialisation of an entry, its hash, and the check.

Both ends import this module: the laptop's store (`app.store.audit`) chains
each new entry onto the previous one and `jemput audit verify` walks the chain;
the server (`sync.server.audit_trail`) recomputes every entry it receives and
compares it with the copy it already holds.

An entry's hash is SHA-256 over the canonical JSON (keys sorted, no spaces,
UTF-8, no NaN) of the object ``{"v", "id", "ts", "actor", "action",
"recording_uuid", "detail", "prev"}`` where ``prev`` is the previous entry's
hash (`GENESIS` for the first) and ``v`` is `CHAIN_VERSION`. Changing any field,
the position (``id``) or the link breaks that entry's hash; removing or
reordering entries breaks a link.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Iterable, Literal

CHAIN_VERSION = 1
GENESIS = "0" * 64

BreakKind = Literal["changed", "removed", "reordered"]


def canonical_entry(
    *, id: int, ts: str, actor: str, action: str, recording_uuid: str | None, detail: Any, prev: str
) -> bytes:
    """The bytes an entry's hash is computed over (defined here only)."""
    return json.dumps(
        {"v": CHAIN_VERSION, "id": int(id), "ts": ts, "actor": actor, "action": action,
         "recording_uuid": recording_uuid, "detail": detail, "prev": prev},
        sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False,
    ).encode("utf-8")


def entry_hash(
    *, id: int, ts: str, actor: str, action: str, recording_uuid: str | None, detail: Any, prev: str
) -> str:
    """SHA-256 (lower-case hex) of `canonical_entry`."""
    return hashlib.sha256(canonical_entry(
        id=id, ts=ts, actor=actor, action=action, recording_uuid=recording_uuid, detail=detail, prev=prev,
    )).hexdigest()


@dataclass(frozen=True)
class ChainEntry:
    """One audit entry as stored or sent: its fields, the previous hash it names, its own hash."""

    id: int
    ts: str
    actor: str
    action: str
    recording_uuid: str | None
    detail: Any
    prev_hash: str
    hash: str

    def computed_hash(self) -> str:
        return entry_hash(id=self.id, ts=self.ts, actor=self.actor, action=self.action,
                          recording_uuid=self.recording_uuid, detail=self.detail, prev=self.prev_hash)


@dataclass(frozen=True)
class ChainBreak:
    """The first entry where the chain does not hold.

    kind: ``changed`` (its content no longer matches its hash), ``removed``
    (the entry before it is missing) or ``reordered`` (it names as previous an
    entry that is not the one before it). ``entry_id`` is the entry's id,
    ``after_id`` the id of the entry before it in the walk (None at the start).
    """

    entry_id: int
    kind: BreakKind
    after_id: int | None


def first_break(entries: Iterable[ChainEntry], *, start_prev: str = GENESIS) -> ChainBreak | None:
    """Walk `entries` (in id order) and return the first break, or None when the chain holds.

    A link is checked before the entry's own hash, so an entry moved with its
    hash reads as ``reordered`` and a gap in the ids as ``removed``; a broken
    link between consecutive ids means the earlier entry was rewritten along
    with its hash (``changed``). A consistent rewrite of the whole chain from
    some entry on is invisible here: the server's copy shows it.
    """
    entries = list(entries)
    by_hash = {e.hash: e.id for e in entries}
    prev_hash, prev_id = start_prev, None
    for entry in entries:
        if entry.prev_hash != prev_hash:
            if entry.prev_hash in by_hash and by_hash[entry.prev_hash] != prev_id:
                return ChainBreak(entry.id, "reordered", prev_id)
            if prev_id is not None and entry.id == prev_id + 1:
                # nothing is missing between them: the entry before was rewritten along with its own hash
                return ChainBreak(prev_id, "changed", None)
            return ChainBreak(entry.id, "removed", prev_id)
        if entry.computed_hash() != entry.hash:
            return ChainBreak(entry.id, "changed", prev_id)
        if prev_id is not None and entry.id != prev_id + 1:
            # the links hold but ids are missing: the tail was cut and the chain continued from there
            return ChainBreak(entry.id, "removed", prev_id)
        prev_hash, prev_id = entry.hash, entry.id
    return None
