"""Sending the audit trail (protocol 1.3) at the end of a sync run, to a server that takes it.

What the server does not hold yet goes at the start of a run, beside the first
batch (`send_trail_early`); at the end the run adds its own entry (``sync.run``,
counts only), then sends the trail from the last entry the server holds (that one included: the server
compares it with its copy) in pages of the server's batch size. The server's
answer (`AuditPushResponse`) moves ``audit.synced_through`` and carries its
flag when this laptop's chain no longer continues the server's copy; a flagged
run still finishes (the flag is the server's and the supervisor's business,
shown by ``jemput audit status``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import requests

from app.store.audit import AuditLog
from app.store.audit_sync import RUN_ACTION, AuditSyncState
from sync.client.http import refused
from sync.client.run import SyncReport
from sync.protocol import MAX_BATCH_ITEMS, Paths
from sync.protocol_audit import AuditEntryItem, AuditPush, AuditPushResponse
from sync.protocol_caps import Capabilities

if TYPE_CHECKING:
    from sync.client.pump import SyncPump

__all__ = ["send_audit", "send_trail_early"]


def _parse(resp: requests.Response):
    """Inside the retry loop: an answer cut short is tried again (the server keeps entries idempotently)."""
    return AuditPushResponse.model_validate_json(resp.content) if resp.status_code == 200 else resp


def send_audit(pump: "SyncPump", report: SyncReport, caps: Capabilities, counted_through: int = 0) -> None:
    """Add this run's entry and send the trail (`counted_through`: what `send_trail_early` sent)."""
    log = AuditLog(pump.store)
    log.append(RUN_ACTION, actor="sync", detail={
        "sent": report.sent, "acked": report.acked, "parked": report.parked, "failed": report.failed,
        "outcomes_synced": report.outcomes_synced, "deliveries_synced": report.deliveries_synced})
    if caps.audit_trail:
        _send_trail(pump, report, log, counted_through)


def send_trail_early(pump: "SyncPump", report: SyncReport, caps: Capabilities) -> int:
    """At the start of a run, while the first batch's answer is on its way: the entries the server
    does not hold yet, so the end of the run sends only what the run added. Returns the last id sent."""
    if not caps.audit_trail:
        return 0
    log = AuditLog(pump.store)
    held = AuditSyncState.load(pump.store).synced_through
    newest = log.chain(after_id=held, limit=MAX_BATCH_ITEMS)  # one page: the rest waits for the end
    if not newest:
        return 0
    return _send_trail(pump, report, log, 0, through=newest[-1].id)


def _send_trail(pump: "SyncPump", report: SyncReport, log: AuditLog, counted_through: int,
                through: int | None = None) -> int:
    """The trail from the last entry the server holds (that one included: the server compares it with
    its copy) in pages, up to entry `through` (None: all); entries past `counted_through` count as
    sent. Returns the last id sent."""
    size = MAX_BATCH_ITEMS  # what `AuditPush` takes on every server: entries are small, round trips are not
    state = AuditSyncState.load(pump.store)
    after, flagged = max(0, state.synced_through - 1), state.flagged_at_entry
    last = 0
    while True:
        pump._check_abort()
        page = [e for e in log.chain(after_id=after, limit=size) if through is None or e.id <= through]
        if not page or (through is not None and page[-1].id <= after):
            break
        body = AuditPush(entries=[AuditEntryItem(
            id=e.id, ts=e.ts, actor=e.actor[:100], action=e.action, recording_uuid=e.recording_uuid,
            detail=e.detail, prev_hash=e.prev_hash, hash=e.hash) for e in page])
        data, headers = pump.http.json_body(body.model_dump_json().encode("utf-8"))
        answer = pump.http.call("POST", Paths.AUDIT, data=data, headers=headers, parse=_parse)
        if not isinstance(answer, AuditPushResponse):
            raise refused(answer)
        flagged = answer.flagged_at_entry
        AuditSyncState.save(pump.store, answer.held_through, flagged)
        report.audit_sent += sum(1 for e in page if e.id > counted_through)
        last = page[-1].id
        if answer.held_through < page[-1].id:
            break  # the server stopped (a rewritten chain): no use sending more now
        after = answer.held_through
    report.audit_flagged_at = flagged
    return last
