"""Visit outcomes in a batch (protocol 1.2): checked with the laptop's own rules, stored once per UUID.

Each outcome is checked with `app.core.outcomes.check_outcome` on its visit
day (the day of ``visited_at``, UTC): an outcome the laptop could not have set
(a revisit date before the visit, a revisit date on another outcome,
``direkam`` without its recording) makes the request a 422 naming it, and
nothing of the batch's outcomes is stored. Stored in one write transaction: a
new UUID is ``accepted``; a UUID already held with the same content is
``already_have`` (nothing changes: a resend after a lost answer is harmless);
with other content ``conflict`` (the stored row stays).
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy.engine import Connection, Engine

from app.core.messages import CodedError
from app.core.outcomes import check_outcome
from sync.protocol import OutcomeResult, TripRef, VisitOutcomeItem, payload_sha256
from sync.protocol_problems import Problems
from sync.server import clock, tables
from sync.server.deps import Device
from sync.server.failures import ProblemError
from sync.server.keep_once import store_once

log = logging.getLogger("jemput.server.outcomes")


def trip_columns(trip: TripRef | None) -> dict:
    """The trip_id, trip_name and trip_type columns of a recording or an outcome (None without a trip)."""
    return {"trip_id": trip.id if trip else None, "trip_name": trip.name if trip else None,
            "trip_type": trip.type if trip else None}


def _visit_day(item: VisitOutcomeItem) -> dt.date:
    moment = item.visited_at
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc)
    return moment.date()


def check_outcomes(items: list[VisitOutcomeItem]) -> None:
    """Raise a 422 problem naming the first outcome the rules refuse."""
    for i, item in enumerate(items):
        try:
            check_outcome(item.outcome, _visit_day(item), revisit_date=item.revisit_date, note=item.note,
                          recording_uuid=item.recording_uuid)
        except CodedError as exc:
            raise ProblemError(Problems.BODY_INVALID, errors=[
                {"loc": ["body", "outcomes", str(i)], "msg": exc.message, "type": exc.code}]) from None


def _stored_form(item: VisitOutcomeItem) -> dict:
    return {
        "uuid": item.uuid, "nik": item.nik, "outcome": item.outcome, "visited_at": clock.as_stored(item.visited_at),
        "operator": item.operator, "revisit_date": item.revisit_date, "note": item.note,
        "recording_uuid": item.recording_uuid, **trip_columns(item.trip),
    }


def _content_sha256(item: VisitOutcomeItem) -> str:
    return payload_sha256(item.model_dump(mode="json"))


def store_outcomes(engine: Engine, device: Device, items: list[VisitOutcomeItem],
                   conn: Connection | None = None) -> list[OutcomeResult]:
    """Store the outcomes (already checked), one row per UUID (`store_once`, on `conn` if
    given); one answer per item, in order."""
    if not items:
        return []
    now = clock.utcnow()
    answers = store_once(engine, tables.visit_outcomes, "uuid", lambda: (
        (item.uuid, _content_sha256(item), {**_stored_form(item), "device_id": device.id, "received_at": now})
        for item in items), log, "hasil kunjungan", device.id, conn=conn)
    return [OutcomeResult(uuid=item.uuid, outcome=a) for item, a in zip(items, answers)]
