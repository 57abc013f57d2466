"""Sending visit outcomes (protocol 1.2): the pending ones in batches, each marked once the server holds it.

Only to a server that offers them (``Capabilities.visit_outcomes``); an older
server never sees one and they wait. An outcome the server answers
``accepted`` or ``already_have`` is synced (a resend after a lost answer is
harmless: the server keys them by UUID); ``conflict`` (the UUID held with
other content) and a 422 for that outcome alone mark it refused, never sent
again. A 422 for several is split in halves to find the one refused.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import requests

from app.store.visits import VisitOutcome
from sync.client.errors import SyncError
from sync.client.http import refused
from sync.client.run import SyncReport
from sync.protocol import BatchResponse, Capabilities, Paths, VisitOutcomeItem

if TYPE_CHECKING:
    from sync.client.pump import SyncPump

__all__ = ["outcome_item", "send_outcomes"]

CONFLICT = "sync.conflict"
REFUSED = "sync.item_refused"


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
    size = max(1, min(pump.batch_size, caps.max_batch_items))
    tried: set[str] = set()
    while True:
        pump._check_abort()
        batch = [o for o in pump.visits.pending(limit=len(tried) + size) if o.uuid not in tried][:size]
        if not batch:
            return
        tried.update(o.uuid for o in batch)
        _post(pump, report, batch)


def _post(pump: "SyncPump", report: SyncReport, batch: list[VisitOutcome]) -> None:
    def parse(resp: requests.Response):
        return BatchResponse.model_validate_json(resp.content) if resp.status_code == 200 else resp

    body = json.dumps({"outcomes": [outcome_item(o) for o in batch]}, ensure_ascii=False).encode("utf-8")
    answer = pump.http.call("POST", Paths.BATCH, data=body, headers={"Content-Type": "application/json"},
                            parse=parse)
    if isinstance(answer, BatchResponse):
        if [r.uuid for r in answer.outcomes] != [o.uuid for o in batch]:
            raise SyncError("server", "sync.answer_mismatch")
        held = [r.uuid for r in answer.outcomes if r.outcome in ("accepted", "already_have")]
        report.outcomes_synced += pump.visits.mark_synced(held)
        for r in answer.outcomes:
            if r.outcome == "conflict":
                pump.visits.mark_refused(r.uuid, CONFLICT)
                report.outcomes_refused += 1
        return
    if answer.status_code == 422 and len(batch) > 1:
        half = len(batch) // 2
        _post(pump, report, batch[:half])
        _post(pump, report, batch[half:])
        return
    if answer.status_code == 422:
        pump.visits.mark_refused(batch[0].uuid, REFUSED)
        report.outcomes_refused += 1
        return
    raise refused(answer)
