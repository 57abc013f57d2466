"""Sending the changes of marked categories (sync/protocol_marks.py) with `sync.client.keyed`: each kept once
by its UUID, only to a server that offers them (``Capabilities.category_marks``; an older one never sees one,
and they wait)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.store.category_marks import CategoryMark
from sync.client.keyed import KeyedSender
from sync.client.run import SyncReport
from sync.protocol_caps import Capabilities
from sync.protocol_marks import CATEGORY_MARKS_PATH, CategoryMarkBatchResponse, CategoryMarkItem

if TYPE_CHECKING:
    from sync.client.pump import SyncPump

__all__ = ["mark_item", "send_category_marks"]


def mark_item(m: CategoryMark) -> dict:
    """The wire form of a stored change (the same every time it is sent)."""
    item = CategoryMarkItem(uuid=m.uuid, nik=m.nik, category=m.category.value, marked=m.marked,
                            changed_at=m.changed_at, source=m.source)
    return item.model_dump(mode="json")


def send_category_marks(pump: "SyncPump", report: SyncReport, caps: Capabilities) -> None:
    """Send every pending change (oldest first) if the server takes them."""
    if not caps.category_marks:
        return
    sender = KeyedSender.for_rows(CATEGORY_MARKS_PATH, "items", mark_item, CategoryMarkBatchResponse,
                                  lambda answer: answer.results, pump.category_marks)
    synced, refused = sender.send_capped(pump, caps.max_batch_items)
    report.marks_synced += synced
    report.marks_refused += refused
