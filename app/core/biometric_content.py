"""How a recording carries its fingers and irises: media kinds and the JSON form of a `BiometricSet`.

Each captured slot travels as one media item holding its raw ISO record
(19794-4 for a finger, 19794-6 for an eye), under a kind named after the slot
("finger_01" … "finger_10" by ISO position, "iris_right", "iris_left"); each
excepted slot may carry a proof-of-exception photo under "proof_" + that kind.
The recording's content holds the set itself (`to_content`): per slot the kept
score, the tries and whether the threshold was reached, or the exception
reason (and its text for ``lainnya``). The laptop, the sync payload and the
server all read it with `from_content`, so both ends judge the same thing.

Pure Python: no I/O.
"""

from __future__ import annotations

from typing import Any

from app.core.biometric_positions import EYES, FINGERS
from app.core.biometric_set import BiometricExceptionReason, BiometricSet, Captured, Excepted, check_state

ISO_RECORD_MIME = "application/octet-stream"
PROOF_PHOTO_MIME = "image/jpeg"
PROOF_PREFIX = "proof_"

_KIND_OF_SLOT: dict[str, str] = {f.sbi: f"finger_{f.iso_position:02d}" for f in FINGERS} | {
    e.sbi: f"iris_{'right' if e.sbi == 'Right' else 'left'}" for e in EYES
}
_SLOT_OF_KIND = {kind: slot for slot, kind in _KIND_OF_SLOT.items()}

RECORD_KINDS: tuple[str, ...] = tuple(_KIND_OF_SLOT.values())
"""Media kinds of the ISO records, fingers in ISO order then the eyes."""
PROOF_KINDS: tuple[str, ...] = tuple(PROOF_PREFIX + k for k in RECORD_KINDS)
"""Media kinds of the proof-of-exception photos."""
BIOMETRIC_MEDIA_KINDS: tuple[str, ...] = RECORD_KINDS + PROOF_KINDS


def media_kind(slot: str) -> str:
    """The media kind of a slot's ISO record ("finger_03", "iris_left"); KeyError for an unknown slot."""
    return _KIND_OF_SLOT[slot]


def proof_kind(slot: str) -> str:
    """The media kind of a slot's proof-of-exception photo."""
    return PROOF_PREFIX + _KIND_OF_SLOT[slot]


def slot_of_kind(kind: str) -> str:
    """The slot (SBI name) a record or proof kind belongs to; KeyError for another kind."""
    return _SLOT_OF_KIND[kind.removeprefix(PROOF_PREFIX)]


def is_proof_kind(kind: str) -> bool:
    return kind in PROOF_KINDS


def to_content(bset: BiometricSet) -> dict[str, Any]:
    """JSON-safe form, keyed by media kind in a fixed order (so its hash is stable)."""
    slots: dict[str, Any] = {}
    for slot, kind in _KIND_OF_SLOT.items():
        state = bset.slots.get(slot)
        if isinstance(state, Captured):
            slots[kind] = {"score": float(state.score), "tries": int(state.tries), "reached": bool(state.reached)}
        elif isinstance(state, Excepted):
            slots[kind] = {"exception": state.reason.value} | ({"text": state.text} if state.text else {})
    return {"slots": slots}


class ContentError(ValueError):
    """The biometric content is malformed (unknown slot or reason, a bad score)."""


def from_content(data: Any) -> BiometricSet:
    """Read `to_content`'s form back; `ContentError` for anything malformed (never a partial set)."""
    if not isinstance(data, dict) or not isinstance(data.get("slots"), dict):
        raise ContentError("biometrics must be an object with 'slots'")
    slots: dict[str, Captured | Excepted] = {}  # checked one by one as `BiometricSet.with_slot` would
    for kind, value in data["slots"].items():
        if kind not in _SLOT_OF_KIND or not isinstance(value, dict):
            raise ContentError("unknown biometric slot")
        slot = _SLOT_OF_KIND[kind]
        try:
            if "exception" in value:
                text = value.get("text", "")
                if not isinstance(text, str) or len(text) > 500:
                    raise ContentError("exception text must be a short string")
                state: Captured | Excepted = Excepted(BiometricExceptionReason(value["exception"]), text)
            else:
                score, tries, reached = value["score"], value.get("tries", 1), value.get("reached", True)
                if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 <= score <= 100:
                    raise ContentError("score must be a number from 0 to 100")
                if isinstance(tries, bool) or not isinstance(tries, int) or not 1 <= tries <= 99:
                    raise ContentError("tries must be a whole number from 1 to 99")
                state = Captured(float(score), tries, bool(reached))
            check_state(slot, state)
            slots[slot] = state
        except (KeyError, ValueError, TypeError) as exc:  # TypeError: e.g. a list as the reason
            if isinstance(exc, ContentError):
                raise
            raise ContentError("malformed biometric slot") from exc
    return BiometricSet(slots)
