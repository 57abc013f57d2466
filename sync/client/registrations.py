"""Sending no-NIK registrations (sync/protocol_registration.py) with `sync.client.keyed`: each kept once by
its UUID, only to a server that offers them (``Capabilities.registrations``; an older one never sees one)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.store.registrations import StoredRegistration
from sync.client.keyed import KeyedSender
from sync.client.run import SyncReport
from sync.protocol_caps import Capabilities
from sync.protocol_registration import REGISTRATIONS_PATH, RegistrationBatchResponse, RegistrationItem

if TYPE_CHECKING:
    from sync.client.pump import SyncPump

__all__ = ["registration_item", "send_registrations"]


def registration_item(r: StoredRegistration) -> dict:
    """The wire form of a stored registration (the same every time it is sent)."""
    item = RegistrationItem.model_validate({
        "uuid": r.uuid, "recorded_on": r.recorded_on.isoformat(), "created_at": r.created_at,
        "operator": r.operator[:100], "family": r.registration.to_dict(), "trip": r.trip})
    return item.model_dump(mode="json")


def send_registrations(pump: "SyncPump", report: SyncReport, caps: Capabilities) -> None:
    """Send every pending registration (oldest first) if the server takes them."""
    if not caps.registrations:
        return
    sender = KeyedSender.for_rows(REGISTRATIONS_PATH, "items", registration_item, RegistrationBatchResponse,
                                  lambda answer: answer.results, pump.registrations)
    synced, refused = sender.send_capped(pump, caps.max_batch_items)
    report.registrations_synced += synced
    report.registrations_refused += refused
