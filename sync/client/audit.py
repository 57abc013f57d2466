"""Sending the audit trail (protocol 1.3) at the end of a sync run, to a server that takes it.

The run first adds its own entry (``sync.run``, counts only), then sends the
trail from the last entry the server holds (that one included: the server
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
from sync.protocol import AuditEntryItem, AuditPush, AuditPushResponse, Capabilities, Paths

if TYPE_CHECKING:
    from sync.client.pump import SyncPump

__all__ = ["send_audit"]


def _parse(resp: requests.Response):
    """Inside the retry loop: an answer cut short is tried again (the server keeps entries idempotently)."""
    return AuditPushResponse.model_validate_json(resp.content) if resp.status_code == 200 else resp


def send_audit(pump: "SyncPump", report: SyncReport, caps: Capabilities) -> None:
    log = AuditLog(pump.store)
    log.append(RUN_ACTION, actor="sync", detail={
        "sent": report.sent, "acked": report.acked, "parked": report.parked, "failed": report.failed,
        "outcomes_synced": report.outcomes_synced, "deliveries_synced": report.deliveries_synced})
    if not caps.audit_trail:
        return
    size = max(1, min(pump.batch_size, caps.max_batch_items))
    state = AuditSyncState.load(pump.store)
    after, flagged = max(0, state.synced_through - 1), state.flagged_at_entry
    while True:
        pump._check_abort()
        page = log.chain(after_id=after, limit=size)
        if not page:
            break
        body = AuditPush(entries=[AuditEntryItem(
            id=e.id, ts=e.ts, actor=e.actor[:100], action=e.action, recording_uuid=e.recording_uuid,
            detail=e.detail, prev_hash=e.prev_hash, hash=e.hash) for e in page])
        answer = pump.http.call("POST", Paths.AUDIT, data=body.model_dump_json().encode("utf-8"),
                                headers={"Content-Type": "application/json"}, parse=_parse)
        if not isinstance(answer, AuditPushResponse):
            raise refused(answer)
        flagged = answer.flagged_at_entry
        AuditSyncState.save(pump.store, answer.held_through, flagged)
        report.audit_sent += len(page)
        if answer.held_through < page[-1].id:
            break  # the server stopped (a rewritten chain): no use sending more now
        after = answer.held_through
    report.audit_flagged_at = flagged
