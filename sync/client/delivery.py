"""Sending card deliveries (`sync.protocol_delivery`): the pending cards, then the pending events, each marked once
the server holds it.

Only to a server that takes them (``Capabilities.card_delivery``); an older
server never sees one and they wait. ``accepted`` or ``already_have`` marks a
card or event synced (a resend after a lost answer is harmless: the server
keys them); ``conflict`` and a 422 for that item alone mark it refused, never
sent again. A 422 for several is split in halves to find the one refused.
Events carry their proof, so they go in small pages.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import requests

from app.store.card_delivery import Card, CardDelivery, CardEvent
from sync.client.errors import SyncError
from sync.client.http import refused
from sync.client.run import SyncReport
from sync.protocol_caps import Capabilities
from sync.protocol_delivery import (
    DELIVERY_PATH,
    MAX_DELIVERY_CARDS,
    MAX_DELIVERY_EVENTS,
    DeliveryCardItem,
    DeliveryEventItem,
    DeliveryProof,
    DeliveryPushResponse,
)

if TYPE_CHECKING:
    from sync.client.pump import SyncPump

__all__ = ["card_item", "event_item", "send_deliveries"]

CONFLICT = "sync.conflict"
REFUSED = "sync.item_refused"
EVENTS_PER_REQUEST = 16  # 16 proofs of at most 256 KiB stay under the server's 8 MiB body limit


def card_item(card: Card, batch_name: str) -> dict:
    return DeliveryCardItem(id=card.id, batch_id=card.batch_id, batch_name=batch_name[:100], nik=card.nik,
                            kelurahan_kode=card.kelurahan_kode[:20], rw=card.rw[:8],
                            rt=card.rt[:8]).model_dump(mode="json")


def event_item(event: CardEvent, delivery: CardDelivery) -> dict:
    """The wire form of a stored event (the same every time it is sent)."""
    proof = delivery.proof(event.uuid)
    return DeliveryEventItem(
        uuid=event.uuid, card_id=event.card_id, kind=event.kind.value, reason=event.reason,
        receiver_name=event.receiver_name, relation=event.relation, school=event.school, event_date=event.event_date,
        recorded_at=event.recorded_at, operator=event.operator[:100], note=event.note, trip=event.trip,
        proof=DeliveryProof.of(proof.kind.value, proof.mime, proof.data) if proof else None,
    ).model_dump(mode="json")


def send_deliveries(pump: "SyncPump", report: SyncReport, caps: Capabilities) -> None:
    """Send every pending card, then every pending event (oldest first), if the server takes them."""
    if not caps.card_delivery:
        return
    delivery = CardDelivery(pump.store)
    _send(pump, report, delivery, "cards", "cards", min(MAX_DELIVERY_CARDS, pump.batch_size, caps.max_batch_items),
          lambda n: [(c.id, (c, name)) for c, name in delivery.pending_cards(limit=n)],
          lambda row: card_item(*row))
    _send(pump, report, delivery, "card_events", "events", min(MAX_DELIVERY_EVENTS, EVENTS_PER_REQUEST),
          lambda n: [(e.uuid, e) for e in delivery.pending_events(limit=n)],
          lambda event: event_item(event, delivery))


def _send(pump: "SyncPump", report: SyncReport, delivery: CardDelivery, table: str, wire: str, size: int,
          pending, build) -> None:  # noqa: ANN001
    """Pages of `size` pending rows (keyed), each row sent once per run (a refused one is not tried again)."""
    size, tried = max(1, size), set()
    while True:
        pump._check_abort()
        rows = [(k, row) for k, row in pending(len(tried) + size) if k not in tried][:size]
        if not rows:
            return
        tried.update(k for k, _ in rows)
        _post(pump, report, delivery, table, wire, [(k, build(row)) for k, row in rows])


def _post(pump: "SyncPump", report: SyncReport, delivery: CardDelivery, table: str, wire: str,
          page: list[tuple[str, dict]]) -> None:
    def parse(resp: requests.Response):
        return DeliveryPushResponse.model_validate_json(resp.content) if resp.status_code == 200 else resp

    body = json.dumps({wire: [item for _, item in page]}, ensure_ascii=False).encode("utf-8")
    answer = pump.http.call("POST", DELIVERY_PATH, data=body, headers={"Content-Type": "application/json"},
                            parse=parse)
    if isinstance(answer, DeliveryPushResponse):
        results = getattr(answer, wire)
        if [r.id for r in results] != [k for k, _ in page]:
            raise SyncError("server", "sync.answer_mismatch")
        report.deliveries_synced += delivery.mark_synced(
            table, [r.id for r in results if r.outcome in ("accepted", "already_have")])
        for r in results:
            if r.outcome == "conflict":
                delivery.mark_refused(table, r.id, CONFLICT)
                report.deliveries_refused += 1
        return
    if answer.status_code == 422 and len(page) > 1:
        half = len(page) // 2
        _post(pump, report, delivery, table, wire, page[:half])
        _post(pump, report, delivery, table, wire, page[half:])
        return
    if answer.status_code == 422:
        delivery.mark_refused(table, page[0][0], REFUSED)
        report.deliveries_refused += 1
        return
    raise refused(answer)
