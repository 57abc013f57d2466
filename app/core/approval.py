"""Supervisor approval of completed recordings: the states, the reasons to return one, and what the
supervisor must see about each recording (every exception).

With approval on (the default, a setting), a recording the operator completes waits (``waiting``);
a supervisor approves it into the sync queue (``approved``) or returns it with a reason (``returned``):
it goes back to the operator as a draft and cannot sync until it is completed and approved again.
Pure: `app.store.approvals` keeps the state, the session and the window ask here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.core.messages import CodedError, render

WAITING, APPROVED, RETURNED = "waiting", "approved", "returned"
STATES = (WAITING, APPROVED, RETURNED)

# Why a supervisor returns a recording: codes of `RETURN_REASON_GROUP` in the message catalogue (the code is
# audited; the note stays in the encrypted profile).
RETURN_REASONS = ("foto", "tanda_tangan", "data", "pengecualian", "biometrik", "lainnya")
NOTE_LIMIT = 300


def approval_required(setting: Any) -> bool:
    """The setting as stored (absent: None): on unless switched off explicitly."""
    return setting is not False


def check_return(reason: str, note: str) -> tuple[str, str]:
    """The reason code and the note, trimmed; CodedError for an unknown reason, a missing or long note."""
    note = " ".join((note or "").split())
    if reason not in RETURN_REASONS:
        raise CodedError("approval.reason_unknown")
    if reason == "lainnya" and not note:
        raise CodedError("approval.note_required")
    if len(note) > NOTE_LIMIT:
        raise CodedError("approval.note_too_long", {"limit": NOTE_LIMIT})
    return reason, note


def reason_code(reason: str) -> str:
    """The catalogue code of a return reason's words."""
    return f"approval_reason.{reason}"


def return_words(reason: str, note: str) -> str:
    """What the operator reads on a returned recording."""
    label = render(reason_code(reason)) if reason in RETURN_REASONS else reason
    return f"{label}: {note}" if note else label


@dataclass(frozen=True)
class WaitingRecording:
    """One recording as the supervisor reviews it (the window shows photo and signature beside it)."""

    uuid: str
    created_at: str
    operator: str
    nama: str
    nik: str
    exceptions: tuple[str, ...]
    returned_before: str = ""  # the words of an earlier return, if it came back


def media_exceptions(photo_flag, signature_flag, photo_exception: str | None,  # noqa: ANN001
                     signature_exception: str | None) -> list[str]:
    """The photo and signature exceptions in words (flags: `app.core.exceptions` objects or None)."""
    out = []
    if photo_flag is not None:
        out.append(photo_flag.summary())
    elif photo_exception:
        out.append("Foto: pengecualian")
    if signature_flag is not None:
        out.append(signature_flag.summary())
    elif signature_exception:
        out.append("Tanda tangan: pengecualian")
    return out


def biometric_exceptions(biometrics: Any) -> list[str]:
    """Every excepted finger or eye (`app.core.biometric_requirement.exception_lines`, the words the
    day-end report uses too) and every capture below the threshold, in words.

    `biometrics` is a `BiometricSet`, or its JSON form (`app.core.biometric_content.to_content`), or
    None (nothing to say). A JSON form that does not read is said so, never skipped in silence.
    """
    from app.core.biometric_content import ContentError, from_content, to_content
    from app.core.biometric_positions import EYE_BY_SBI, FINGER_BY_SBI
    from app.core.biometric_requirement import exception_lines
    from app.core.biometric_set import BiometricSet

    if isinstance(biometrics, BiometricSet):
        bset, content = biometrics, to_content(biometrics)
    elif isinstance(biometrics, dict):
        content = biometrics
        try:
            bset = from_content(content)
        except ContentError:
            return exception_lines(content)  # its "cannot be read" line
    else:
        return []
    out = exception_lines(content)
    out += [f"{(FINGER_BY_SBI.get(slot) or EYE_BY_SBI[slot]).label}: kualitas di bawah ambang"
            for slot in bset.below_threshold()]
    return out
