"""A recording's lifecycle: its statuses, the moves allowed between them, and its outbox entry's states.

draft -> complete -> queued -> sent -> accepted | duplicate_review | rejected.
A recording may be edited only before it is sent; a rejected one can be fixed
(back to draft) and resent as a new version. A queued recording has an outbox
entry: pending -> acked, or pending -> parked (a person must look) -> pending.
"""

from __future__ import annotations

from enum import Enum

from app.core.messages import CodedError


class RecordingStatus(str, Enum):
    DRAFT = "draft"
    COMPLETE = "complete"
    QUEUED = "queued"
    SENT = "sent"
    ACCEPTED = "accepted"
    DUPLICATE_REVIEW = "duplicate_review"
    REJECTED = "rejected"

    @property
    def editable(self) -> bool:
        return self in (RecordingStatus.DRAFT, RecordingStatus.COMPLETE, RecordingStatus.QUEUED)

    @property
    def label(self) -> str:
        """The status as the operator reads it (Bahasa Indonesia)."""
        return _LABELS[self]


class OutboxState(str, Enum):
    """Where a recording's outbox entry is.

    ``pending``: to send (its back-off in ``next_attempt_at``); ``acked``: the
    server holds this exact content; ``parked``: the server refused it for good,
    a person must look (its problem code says why).
    """

    PENDING = "pending"
    ACKED = "acked"
    PARKED = "parked"


_LABELS = {
    RecordingStatus.DRAFT: "Draf",
    RecordingStatus.COMPLETE: "Menunggu persetujuan",  # completed; with approval off it is queued at once
    RecordingStatus.QUEUED: "Menunggu kirim",
    RecordingStatus.SENT: "Terkirim",
    RecordingStatus.ACCEPTED: "Diterima",
    RecordingStatus.DUPLICATE_REVIEW: "Perlu ditinjau",
    RecordingStatus.REJECTED: "Ditolak",
}

_S = RecordingStatus
ALLOWED_TRANSITIONS: dict[RecordingStatus, frozenset[RecordingStatus]] = {
    _S.DRAFT: frozenset({_S.DRAFT, _S.COMPLETE, _S.QUEUED}),
    _S.COMPLETE: frozenset({_S.DRAFT, _S.QUEUED}),
    # queued -> complete: an approved recording edited before it was sent waits for approval again
    _S.QUEUED: frozenset({_S.DRAFT, _S.COMPLETE, _S.SENT, _S.ACCEPTED, _S.DUPLICATE_REVIEW, _S.REJECTED}),
    _S.SENT: frozenset({_S.ACCEPTED, _S.DUPLICATE_REVIEW, _S.REJECTED}),
    _S.ACCEPTED: frozenset({_S.DUPLICATE_REVIEW, _S.REJECTED}),
    _S.DUPLICATE_REVIEW: frozenset({_S.ACCEPTED, _S.REJECTED}),
    _S.REJECTED: frozenset({_S.DRAFT}),
}


class TransitionError(CodedError):
    """A status change the lifecycle does not allow (``code``: ``recording.*``)."""


def can_move(current: RecordingStatus, new: RecordingStatus) -> bool:
    return new in ALLOWED_TRANSITIONS[current]


def check_move(current: RecordingStatus, new: RecordingStatus) -> None:
    if not can_move(current, new):
        raise TransitionError("recording.move_forbidden", {"current": current.label, "new": new.label})


DUPLICATE_VERDICT_CODE = "review.rejected"
"""The reason code of an administrator's rejection after a duplicate-NIK review
(`sync.protocol_reasons.ReasonCodes.REVIEW_REJECTED`, the same text)."""


def fixable_rejection(reason_codes) -> bool:  # noqa: ANN001 - any iterable of codes
    """Whether a rejected recording may be fixed and resent as a new version.

    Not when an administrator rejected it as a duplicate NIK: that resident is
    recorded elsewhere, and a corrected copy would only reopen the question (the
    server sends such a version to review on its own). Every other rejection
    (the server's checks) is fixed the ordinary way.
    """
    return DUPLICATE_VERDICT_CODE not in set(reason_codes)
