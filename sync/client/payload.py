"""What goes on the wire for a recording: its deterministic payload, and the server's reasons read back."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from app.core.biometric_content import BIOMETRIC_MEDIA_KINDS
from app.store.recordings import Recording, reasons_to_json
from sync.client.clock import parse_iso, utc_now
from sync.protocol import Reason, RecordingPayload

__all__ = ["build_payload", "has_biometrics", "reasons_message", "reasons_json", "field_names", "compact"]


def reasons_message(reasons: Iterable[Reason]) -> str:
    """The server's reasons as one line (their messages name no person)."""
    seen: list[str] = []
    for r in reasons:
        if r.message and r.message not in seen:
            seen.append(r.message)
    return " ".join(m if m.endswith(".") else m + "." for m in seen)


def reasons_json(reasons: Iterable[Reason]) -> str | None:
    """The server's reasons as the JSON list stored next to the message (None when there are none)."""
    return reasons_to_json(r.model_dump(mode="json") for r in reasons)


def _recording_date(created_at: str) -> str:
    """The day of the recording on the laptop's own calendar (what the form validated against)."""
    moment = parse_iso(created_at) or utc_now()
    return moment.astimezone().date().isoformat()


def build_payload(rec: Recording, media: list[tuple[str, str, str, int]]) -> RecordingPayload:
    """The wire payload of a recording; `media` is (kind, sha256, mime, size) rows.

    Deterministic: the same recording always gives the same payload (and hash),
    so a resend is a replay. ``app_version`` is left out on purpose: an app
    update between two attempts would otherwise turn a replay into a conflict.
    """
    return RecordingPayload.model_validate({
        "resident": rec.resident.to_dict(),
        "recording_date": _recording_date(rec.created_at),
        "recorded_at": rec.created_at,
        "operator": rec.operator,
        "acknowledgements": [a.to_dict() for a in rec.acknowledgements],
        "photo_exception": rec.photo_exception,
        "signature_exception": rec.signature_exception,
        "media": [{"sha256": sha, "size": size, "kind": kind, "mime": mime}
                  for kind, sha, mime, size in sorted(media)],
        "replaces": rec.replaces_uuid,
    } | {key: value for key, value in (("photo_flag", rec.photo_flag), ("signature_flag", rec.signature_flag),
                                       ("trip", rec.trip), ("biometrics", rec.biometrics))
         if value is not None})


def has_biometrics(rec: Recording, media: list[tuple[str, str, str, int]]) -> bool:
    """Whether a recording carries fingers or irises (a set, or any of their media): only a server
    whose capabilities say ``biometrics`` takes it."""
    return rec.biometrics is not None or any(kind in BIOMETRIC_MEDIA_KINDS for kind, *_rest in media)


def field_names(exc: ValidationError) -> str:
    """The fields a payload failed on (at most five), for the parked entry's words."""
    names = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(p) for p in err.get("loc", ()) if not isinstance(p, int))
        if loc and loc not in names:
            names.append(loc)
    return ", ".join(names) or "isi rekaman"


def compact(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
