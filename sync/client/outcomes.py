"""Sending visit outcomes (protocol 1.2) with `sync.client.keyed`: the pending ones in batches, each marked
once the server holds it.

Only to a server that offers them (``Capabilities.visit_outcomes``); an older
server never sees one and they wait. An outcome the server answers
``accepted`` or ``already_have`` is synced (a resend after a lost answer is
harmless: the server keys them by UUID); ``conflict`` (the UUID held with
other content) and a 422 for that outcome alone mark it refused, never sent
again. A 422 for several is split in halves to find the one refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.store.visits import VisitOutcome
from sync.client.keyed import CONFLICT, REFUSED, KeyedSender
from sync.client.run import SyncReport
from sync.protocol import BatchResponse, Paths, VisitOutcomeItem
from sync.protocol_caps import Capabilities

if TYPE_CHECKING:
    from sync.client.pump import SyncPump

__all__ = ["CONFLICT", "REFUSED", "outcome_item", "send_outcomes"]


def outcome_item(o: VisitOutcome) -> dict:
    """The wire form of a stored outcome (the same every time it is sent)."""
    item = VisitOutcomeItem(uuid=o.uuid, nik=o.nik, outcome=o.outcome.value, visited_at=o.visited_at,
                            operator=o.operator[:100], revisit_date=o.revisit_date, note=o.note,
                            recording_uuid=o.recording_uuid, trip=o.trip)
    return item.model_dump(mode="json", exclude_none=True)


def send_outcomes(pump: "SyncPump", report: SyncReport, caps: Capabilities) -> None:
    """Send every pending outcome (oldest first) if the server takes them."""
    if not caps.visit_outcomes:
        return
    sender = KeyedSender.for_rows(Paths.BATCH, "outcomes", outcome_item, BatchResponse,
                                  lambda answer: answer.outcomes, pump.visits)
    synced, refused = sender.send_capped(pump, caps.max_batch_items)
    report.outcomes_synced += synced
    report.outcomes_refused += refused
