"""Card deliveries from the laptops (`sync.protocol_delivery`): checked with the laptop's rules, kept once.

Each event is checked with `app.core.card_delivery` (a handover without a
receiver or proof, an attempt without its reason, a day after the laptop's
own day) and a refused one makes the request a 422 naming it, nothing stored.
A handover's proof goes to the media store (by its SHA-256) before its row is
written; cards and events are then kept once per key (`keep_once`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.core.card_delivery import CardState, Proof, ProofKind, check_attempt, check_handover, latest_state, \
    progress_by_area, DeliveryProgress
from app.core.messages import CodedError
from sync.protocol import payload_sha256
from sync.protocol_delivery import DeliveryEventItem, DeliveryPush, DeliveryPushResponse, DeliveryResult
from sync.protocol_problems import Problems
from sync.server import clock, tables, transactions
from sync.server.deps import Device
from sync.server.failures import ProblemError
from sync.server.keep_once import keep_once
from sync.server.media_store import MediaStore
from sync.server.outcome_intake import trip_columns

log = logging.getLogger("jemput.server.delivery")

LOCAL_SLACK = dt.timedelta(hours=14)  # the laptop's day may be ahead of UTC (WIT is +9, and a margin)


def _proof(item: DeliveryEventItem) -> Proof | None:
    return Proof(ProofKind(item.proof.kind), item.proof.mime, item.proof.raw()) if item.proof else None


def check_events(items: list[DeliveryEventItem]) -> None:
    """Raise a 422 problem naming the first event the rules refuse."""
    for i, item in enumerate(items):
        today = (clock.as_stored(item.recorded_at) + LOCAL_SLACK).date()
        try:
            if item.kind == CardState.DISERAHKAN.value:
                check_handover(item.receiver_name, item.relation or "", item.event_date, today=today,
                               proof=_proof(item), note=item.note, school=item.school)
                if item.reason is not None:
                    raise CodedError("delivery.reason_unknown")
            else:
                check_attempt(item.reason or "", item.event_date, today=today, note=item.note)
        except CodedError as exc:
            raise ProblemError(Problems.BODY_INVALID, errors=[
                {"loc": ["body", "events", str(i)], "msg": exc.message, "type": exc.code}]) from None


def _event_row(item: DeliveryEventItem) -> dict:
    return {"card_id": item.card_id, "kind": item.kind, "reason": item.reason, "receiver_name": item.receiver_name,
            "relation": item.relation, "school": item.school, "event_date": item.event_date,
            "recorded_at": clock.as_stored(item.recorded_at), "operator": item.operator, "note": item.note,
            "proof_sha256": item.proof.sha256 if item.proof else None,
            "proof_kind": item.proof.kind if item.proof else None, **trip_columns(item.trip)}


def store_push(engine: Engine, media: MediaStore, device: Device, push: DeliveryPush) -> DeliveryPushResponse:
    """Keep the cards and events (already checked); one answer each, in order."""
    for item in push.events:
        if item.proof is not None:
            media.put_whole(item.proof.sha256, item.proof.raw(), sync_dir=False)
    if any(item.proof for item in push.events):
        media.sync()
    now = clock.utcnow()

    def write(conn):
        cards = keep_once(conn, tables.delivery_cards, "card_id", (
            (c.id, payload_sha256(c.model_dump(mode="json")),
             {"device_id": device.id, "batch_id": c.batch_id, "batch_name": c.batch_name, "nik": c.nik,
              "kelurahan_digits": c.kelurahan_kode.replace(".", ""), "rw": c.rw, "rt": c.rt, "received_at": now})
            for c in push.cards))
        events = keep_once(conn, tables.delivery_events, "uuid", (
            (e.uuid, payload_sha256(e.model_dump(mode="json")),
             {**_event_row(e), "device_id": device.id, "received_at": now}) for e in push.events))
        return cards, events

    cards, events = transactions.run_write(engine, write)
    counts = Counter(cards + events)
    log.info("antar kartu perangkat=%d %s", device.id, " ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    return DeliveryPushResponse(cards=[DeliveryResult(id=c.id, outcome=a) for c, a in zip(push.cards, cards)],
                                events=[DeliveryResult(id=e.uuid, outcome=a) for e, a in zip(push.events, events)])


def delivery_progress(engine: Engine) -> dict[tuple[str, str], DeliveryProgress]:
    """(kelurahan digits, RT) -> cards, handed over, not handed over (by reason): each card's latest event."""
    c, e = tables.delivery_cards, tables.delivery_events
    events: dict[str, list] = {}
    with engine.connect() as conn:
        for card_id, kind, reason, day, at in conn.execute(
                sa.select(e.c.card_id, e.c.kind, e.c.reason, e.c.event_date, e.c.recorded_at)):
            events.setdefault(card_id, []).append(((day, at), kind, reason))
        cards = conn.execute(sa.select(c.c.card_id, c.c.kelurahan_digits, c.c.rt)).all()
    return progress_by_area((kel, rt, *latest_state(events.get(card_id, ()))) for card_id, kel, rt in cards)
