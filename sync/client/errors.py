"""Sync failures and parked states as stable codes with parameters, told from the one catalogue.

Every `SyncError` carries a ``code`` (``sync.unreachable``, ``sync.revoked``...)
and its ``params``; its ``message`` is the template of `app.core.messages.SYNC`
filled in (the window translates the same template by code). Decisions
(pause the queue, offer a conflict as a new version) use the code, never the
words. The texts carry no personal data, so they may be logged.
"""

from __future__ import annotations

from typing import Any

from app.core import messages as catalogue
from app.store.outbox import CONFLICT_CODE

__all__ = [
    "MESSAGES", "error_text", "SyncError", "RegistrationError", "Aborted", "LocalMediaError",
    "enrollment_limited", "server_trouble",
]

MESSAGES = catalogue.SYNC
"""The client's codes and their templates: the catalogue's ``SYNC`` group (one Indonesian text per code)."""


def error_text(code: str, params: dict[str, Any] | None = None) -> str:
    """The Indonesian text of a code, its parameters filled in (an unknown code reads as itself)."""
    try:
        return catalogue.render(code, params).strip()
    except KeyError:
        return code


class SyncError(Exception):
    """A sync failure with a stable code, told in the operator's words.

    Attributes:
        kind: how the pump reacts: ``offline``, ``timeout``, ``server``,
            ``busy`` (retried), ``tls``, ``config``, ``refused``, ``media``
            (backed off), ``auth``, ``revoked``, ``protocol`` (pause the
            queue), ``aborted``.
        code, params: what happened (a code of `app.core.messages.SYNC`) and its values.
        message: Bahasa Indonesia, no personal data (`error_text`).
        status: the HTTP status, when there was an answer.
        problem: the problem code from the server's catalogue, if any.
    """

    TRANSIENT = frozenset({"offline", "timeout", "server", "busy"})

    def __init__(self, kind: str, code: str, params: dict[str, Any] | None = None, *, status: int | None = None,
                 problem: str | None = None, retry_after: float | None = None):
        self.kind = kind
        self.code = code
        self.params = dict(params or {})
        self.message = error_text(code, self.params)
        super().__init__(self.message)
        self.status = status
        self.problem = problem
        self.retry_after = retry_after

    @property
    def transient(self) -> bool:
        return self.kind in self.TRANSIENT


class Unreached(SyncError):
    """The first request of a run (standing in for the probe) found no server: the run stops at once,
    as after a failed probe, and nothing is counted against the queued recordings."""

    def __init__(self) -> None:
        super().__init__("offline", "sync.unreachable")

    @property
    def transient(self) -> bool:
        return False


class RegistrationError(SyncError):
    """The enrollment code was refused (or the address is not a Jemput server)."""


class Aborted(SyncError):
    """The run was asked to stop (`SyncPump.abort`)."""

    def __init__(self) -> None:
        super().__init__("aborted", "sync.aborted")


class LocalMediaError(SyncError):
    """A media file on the laptop no longer matches its SHA-256, or the server refused it as
    no image (``sync.media_not_image``) or no ISO record of its finger or eye
    (``sync.media_not_biometric``): the recording is parked."""

    def __init__(self, uuid: str, code: str = "sync.local_media_damaged", params: dict[str, Any] | None = None):
        super().__init__("media", code, params)
        self.uuid = uuid


def enrollment_limited(retry_after: float | None) -> tuple[str, dict[str, Any]]:
    """The code and params when the server refuses registration for a while (429)."""
    if not retry_after or retry_after <= 0:
        return "sync.enroll_limited_later", {}
    return "sync.enroll_limited", {"minutes": max(1, int(-(-retry_after // 60)))}  # whole minutes, up


def server_trouble(status: int) -> tuple[str, dict[str, Any]]:
    """The code and params of a 5xx or 429 answer."""
    if status == 429:
        return "sync.server_busy", {}
    if status in (502, 503, 504):
        return "sync.server_unavailable", {"status": status}
    return "sync.server_trouble", {"status": status}


MSG_OFFLINE = MESSAGES["sync.unreachable"]
MSG_AUTH = MESSAGES["sync.token_rejected"]
MSG_REVOKED = MESSAGES["sync.revoked"]
MSG_ENROLLMENT = MESSAGES["sync.enroll_code_invalid"]
MSG_CONFLICT = MESSAGES[CONFLICT_CODE]


def enrollment_limited_message(retry_after: float | None) -> str:
    """What the operator reads when the server refuses registration for a while (429)."""
    return error_text(*enrollment_limited(retry_after))
