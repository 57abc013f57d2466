"""Card delivery on the laptop: batches of printed cards, the round per RT, handovers and failed attempts.

The rules are `app.core.card_delivery`'s. A card takes its name and address
from the target list (or, for a NIK recorded off the list, from its
recording) when the batch is imported. Every card and every event waits in
``sync_state = 'pending'`` until the server holds it (keyed by the card's id
and the event's UUID, so a resend is harmless). The recipient's proof is a
blob in ``card_proofs``, inside the encrypted database like recordings' media.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid as uuid_mod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.card_delivery import (
    CardState,
    DeliveryProgress,
    Proof,
    ProofKind,
    check_attempt,
    check_batch_name,
    check_handover,
    parse_batch,
    progress_by_area,
    round_key,
)
from app.core.day_report import masked_nik
from app.core.messages import CodedError
from app.store._util import canonical_json, sha256_hex, utc_now
from app.store.audit import AuditLog
from app.store.trips import active_ref

if TYPE_CHECKING:
    from app.store.database import Store

PENDING, ACKED, REFUSED = "pending", "acked", "refused"
_CARD = "id, batch_id, nik, nama, alamat, rt, rw, kelurahan_kode, state, reason, updated_at, sync_state"
_EVENT = ("e.uuid, e.card_id, c.nik, e.kind, e.reason, e.receiver_name, e.relation, e.school, e.event_date,"
          " e.recorded_at, e.operator, e.note, e.trip, e.sync_state")


@dataclass(frozen=True)
class Card:
    id: str
    batch_id: str
    nik: str
    nama: str
    alamat: str
    rt: str
    rw: str
    kelurahan_kode: str
    state: CardState
    reason: str | None
    updated_at: str
    sync_state: str = PENDING


@dataclass(frozen=True)
class CardEvent:
    """A handover (``diserahkan``) or a failed attempt (``tidak_terserahkan``) of one card."""

    uuid: str
    card_id: str
    nik: str
    kind: CardState
    reason: str | None
    receiver_name: str
    relation: str | None
    school: str
    event_date: dt.date
    recorded_at: str
    operator: str
    note: str
    trip: dict | None
    sync_state: str = PENDING


@dataclass(frozen=True)
class BatchInfo:
    id: str
    name: str
    cards: int
    without_area: int  # NIKs neither on the target list nor recorded here


def _card(row: tuple) -> Card:
    return Card(*row[:8], CardState(row[8]), *row[9:])


def _event(row: tuple) -> CardEvent:
    return CardEvent(row[0], row[1], row[2], CardState(row[3]), *row[4:8], dt.date.fromisoformat(row[8]),
                     row[9], row[10], row[11], json.loads(row[12]) if row[12] else None, row[13])


def _whereabouts(conn, niks: list[str]) -> dict[str, tuple]:
    """nik -> (nama, alamat, rt, rw, kelurahan_kode) from the targets, else from a recording."""
    found: dict[str, tuple] = {}
    for start in range(0, len(niks), 500):
        part = niks[start:start + 500]
        marks = ", ".join("?" * len(part))
        for row in conn.execute(
                f"SELECT nik, nama, json_extract(payload, '$.alamat'), rt, rw, kelurahan_kode FROM recordings"
                f" WHERE nik IN ({marks}) AND status != 'draft' ORDER BY updated_at", part):
            found[row[0]] = tuple("" if v is None else str(v) for v in row[1:])
        for row in conn.execute(
                f"SELECT nik, nama, alamat, rt, rw, kelurahan_kode FROM targets WHERE nik IN ({marks})", part):
            found[row[0]] = tuple("" if v is None else str(v) for v in row[1:])
    return found


class CardDelivery:
    """Batches, the round, handovers and attempts, progress and sync state of one `Store`."""

    def __init__(self, store: "Store"):
        self.store = store

    # -- batches ------------------------------------------------------------------

    def import_batch(self, name: str, lines: Iterable[tuple[int, str]], *, source: str = "",
                     actor: str = "") -> BatchInfo:
        """A batch from (line number, cell) pairs (`app.targetfile.niks.nik_cells`, or scanned NIKs);
        all or nothing: raises `CodedError` for a bad line, a NIK twice, or a NIK with a card still open."""
        name = check_batch_name(name)
        niks = parse_batch(lines)
        now = utc_now()
        batch_id = str(uuid_mod.uuid4())
        with self.store.transaction() as db:
            open_ = []
            for start in range(0, len(niks), 500):
                part = niks[start:start + 500]
                open_ += [r[0] for r in db.conn.execute(
                    f"SELECT nik FROM cards WHERE state != 'diserahkan' AND nik IN ({', '.join('?' * len(part))})",
                    part)]
            if open_:
                raise CodedError("delivery.card_open_elsewhere", {"count": len(open_), "nik": masked_nik(open_[0])})
            where = _whereabouts(db.conn, niks)
            db.conn.execute("INSERT INTO card_batches (id, name, source, imported_at, actor) VALUES (?, ?, ?, ?, ?)",
                            (batch_id, name, source[:200], now, actor))
            db.conn.executemany(
                "INSERT INTO cards (id, batch_id, nik, nama, alamat, rt, rw, kelurahan_kode, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(str(uuid_mod.uuid4()), batch_id, nik, *where.get(nik, ("", "", "", "", "")), now) for nik in niks])
            AuditLog(self.store).append("delivery.batch", actor=actor,
                                        detail={"batch": batch_id, "cards": len(niks)})
        return BatchInfo(batch_id, name, len(niks), sum(1 for n in niks if n not in where))

    def batches(self) -> list[tuple[str, str, str, int]]:
        """(id, name, imported_at, cards) of every batch, newest first."""
        return [tuple(r) for r in self.store.query(
            "SELECT b.id, b.name, b.imported_at, count(c.id) FROM card_batches b LEFT JOIN cards c"
            " ON c.batch_id = b.id GROUP BY b.id ORDER BY b.imported_at DESC")]

    # -- the round ----------------------------------------------------------------

    def round_list(self, kelurahan_kode: str | None = None, rt: str | None = None, *,
                   states: Iterable[CardState] | None = None) -> list[Card]:
        """The cards of a kelurahan (and RT), in the order of a round: RW, RT, address."""
        sql, params = f"SELECT {_CARD} FROM cards WHERE 1 = 1", []
        if kelurahan_kode is not None:
            sql += " AND kelurahan_kode = ?"
            params.append(kelurahan_kode)
        if rt is not None:
            sql += " AND rt = ?"
            params.append(rt)
        if states is not None:
            wanted = [CardState(s).value for s in states]
            sql += f" AND state IN ({', '.join('?' * len(wanted))})"
            params += wanted
        cards = [_card(r) for r in self.store.query(sql, params)]
        return sorted(cards, key=lambda c: round_key(c.kelurahan_kode, c.rw, c.rt, c.alamat, c.nama, c.nik))

    def card(self, nik: str) -> Card:
        """The NIK's open card, else its latest one; raises `CodedError` when it has none."""
        rows = self.store.query(f"SELECT {_CARD} FROM cards WHERE nik = ? ORDER BY state = 'diserahkan',"
                                " updated_at DESC LIMIT 1", (nik,))
        if not rows:
            raise CodedError("delivery.card_unknown")
        return _card(rows[0])

    def progress(self) -> dict[tuple[str, str], DeliveryProgress]:
        """(kelurahan, RT) -> how many cards, handed over, not handed over (by reason)."""
        return progress_by_area(self.store.query("SELECT kelurahan_kode, rt, state, reason FROM cards"))

    # -- handovers and attempts ----------------------------------------------------

    def hand_over(self, nik: str, receiver_name: str, relation: str, handed_on: dt.date, *, proof: Proof | None,
                  today: dt.date, operator: str = "", note: str = "", school: str = "") -> CardEvent:
        """Record the handover of the NIK's card (`check_handover`); raises `CodedError`."""
        card = self.card(nik)
        checked = check_handover(receiver_name, relation, handed_on, today=today, proof=proof, state=card.state,
                                 note=note, school=school)
        return self._write(card, CardState.DISERAHKAN, None, checked.receiver_name, checked.relation.value,
                           checked.school, handed_on, checked.note, operator, today, proof)

    def not_delivered(self, nik: str, reason: str, tried_on: dt.date, *, today: dt.date, operator: str = "",
                      note: str = "") -> CardEvent:
        """Record an attempt that did not hand the card over (`check_attempt`); raises `CodedError`."""
        card = self.card(nik)
        checked = check_attempt(reason, tried_on, today=today, state=card.state, note=note)
        return self._write(card, CardState.TIDAK_TERSERAHKAN, checked.reason.value, "", None, "", tried_on,
                           checked.note, operator, today, None)

    def _write(self, card: Card, kind: CardState, reason: str | None, receiver: str, relation: str | None,
               school: str, day: dt.date, note: str, operator: str, today: dt.date, proof: Proof | None) -> CardEvent:
        now = utc_now()
        event_uuid = str(uuid_mod.uuid4())
        with self.store.transaction() as db:
            state = db.conn.execute("SELECT state FROM cards WHERE id = ?", (card.id,)).fetchone()[0]
            if state == CardState.DISERAHKAN.value:  # handed over meanwhile (another window)
                raise CodedError("delivery.already_handed")
            trip = active_ref(db, today)
            db.conn.execute(
                "INSERT INTO card_events (uuid, card_id, kind, reason, receiver_name, relation, school, event_date,"
                " recorded_at, operator, note, trip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (event_uuid, card.id, kind.value, reason, receiver, relation, school, day.isoformat(), now,
                 operator, note, canonical_json(trip) if trip else None))
            if proof is not None:
                db.conn.execute("INSERT INTO card_proofs (event_uuid, kind, mime, sha256, size, bytes)"
                                " VALUES (?, ?, ?, ?, ?, ?)", (event_uuid, ProofKind(proof.kind).value, proof.mime,
                                                               sha256_hex(proof.data), len(proof.data), proof.data))
            db.conn.execute("UPDATE cards SET state = ?, reason = ?, updated_at = ? WHERE id = ?",
                            (kind.value, reason, now, card.id))
            AuditLog(self.store).append("delivery." + kind.value, actor=operator,
                                        detail={"card": card.id, "event": event_uuid, "reason": reason})
        return CardEvent(event_uuid, card.id, card.nik, kind, reason, receiver, relation, school, day, now,
                         operator, note, trip)

    def events(self, nik: str) -> list[CardEvent]:
        """Every event of the NIK's cards, oldest first."""
        return [_event(r) for r in self.store.query(
            f"SELECT {_EVENT} FROM card_events e JOIN cards c ON c.id = e.card_id WHERE c.nik = ?"
            " ORDER BY e.recorded_at, e.rowid", (nik,))]

    def proof(self, event_uuid: str) -> Proof | None:
        rows = self.store.query("SELECT kind, mime, bytes FROM card_proofs WHERE event_uuid = ?", (event_uuid,))
        return Proof(ProofKind(rows[0][0]), rows[0][1], bytes(rows[0][2])) if rows else None

    # -- sync -----------------------------------------------------------------------

    def pending_cards(self, limit: int = 200) -> list[tuple[Card, str]]:
        """(card, batch name) of cards the server does not hold yet, in import order."""
        rows = self.store.query(
            f"SELECT {', '.join('c.' + c.strip() for c in _CARD.split(','))}, b.name FROM cards c"
            " JOIN card_batches b ON b.id = c.batch_id WHERE c.sync_state = ? ORDER BY c.rowid LIMIT ?",
            (PENDING, limit))
        return [(_card(r[:-1]), r[-1]) for r in rows]

    def pending_events(self, limit: int = 50) -> list[CardEvent]:
        """Events the server does not hold yet, oldest first."""
        return [_event(r) for r in self.store.query(
            f"SELECT {_EVENT} FROM card_events e JOIN cards c ON c.id = e.card_id WHERE e.sync_state = ?"
            " ORDER BY e.recorded_at, e.rowid LIMIT ?", (PENDING, limit))]

    def pending_count(self) -> int:
        return self.store.query(
            "SELECT (SELECT count(*) FROM cards WHERE sync_state = ?) + "
            "(SELECT count(*) FROM card_events WHERE sync_state = ?)", (PENDING, PENDING))[0][0]

    def mark_synced(self, table: str, ids: Iterable[str]) -> int:
        """The server holds these cards (``cards``) or events (``card_events``); returns how many were pending."""
        key = {"cards": "id", "card_events": "uuid"}[table]
        now = utc_now()
        with self.store.transaction() as db:
            cur = db.conn.executemany(
                f"UPDATE {table} SET sync_state = ?, synced_at = ?, sync_error_code = NULL"
                f" WHERE {key} = ? AND sync_state = ?", [(ACKED, now, i, PENDING) for i in ids])
            return cur.rowcount

    def mark_refused(self, table: str, id_: str, code: str) -> None:
        """The server refused this card or event for good (it is not sent again)."""
        key = {"cards": "id", "card_events": "uuid"}[table]
        with self.store.transaction() as db:
            db.conn.execute(f"UPDATE {table} SET sync_state = ?, sync_error_code = ? WHERE {key} = ?"
                            " AND sync_state = ?", (REFUSED, code, id_, PENDING))

    def purge_proofs(self, cutoff: str, *, dry_run: bool = False, actor: str = "") -> int:
        """Delete the recipients' photos and signatures the server has held since before `cutoff` (ISO UTC,
        the laptop's clock at the acknowledgement); returns how many (a dry run only counts). Retention's
        part for card delivery (`app.store.retention.purge_settled`)."""
        where = ("event_uuid IN (SELECT uuid FROM card_events WHERE sync_state = ? AND synced_at IS NOT NULL"
                 " AND synced_at < ?)")
        with self.store.transaction() as db:
            if dry_run:
                return db.conn.execute(f"SELECT count(*) FROM card_proofs WHERE {where}", (ACKED, cutoff)).fetchone()[0]
            gone = db.conn.execute(f"DELETE FROM card_proofs WHERE {where}", (ACKED, cutoff)).rowcount
            if gone:
                AuditLog(self.store).append("delivery.proofs_purged", actor=actor or "system", detail={"proofs": gone})
            return gone
