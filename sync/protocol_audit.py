"""(1.3) The laptop's audit trail on the wire (``POST /audit``).

Only to a server whose ``Capabilities.audit_trail`` is true, the laptop sends
its entries in id order (`AuditPush`), each with its hash chain
(`app.core.audit_chain`); the server answers how far it holds an unbroken chain
and whether the laptop's chain stopped continuing its copy (`AuditPushResponse`).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from sync.protocol import MAX_BATCH_ITEMS, Sha256, _Model


class AuditEntryItem(_Model):
    """(1.3) One entry of the laptop's audit trail, with its hash chain (`app.core.audit_chain`).

    Ids, counts and kinds only: the laptop refuses personal data in ``detail``.
    """

    id: int = Field(ge=1, le=2**53 - 1)
    ts: str = Field(min_length=1, max_length=40)
    actor: str = Field(max_length=100)
    action: str = Field(min_length=1, max_length=100)
    recording_uuid: str | None = Field(default=None, max_length=36)
    detail: dict[str, Any] = Field(default_factory=dict)
    prev_hash: Sha256
    hash: Sha256


class AuditPush(_Model):
    """(1.3) Entries of the trail in id order, starting at or before the last one the server holds."""

    entries: list[AuditEntryItem] = Field(min_length=1, max_length=MAX_BATCH_ITEMS)


class AuditPushResponse(_Model):
    """(1.3) held_through: the last entry the server holds (an unbroken chain from entry 1; resend after it).
    flagged_at_entry: the first entry where the laptop's chain stopped continuing the server's copy (the
    device is flagged; None: not flagged)."""

    held_through: int
    flagged_at_entry: int | None = None
