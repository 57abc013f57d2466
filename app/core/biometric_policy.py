"""Whether a recording's fingers and irises are complete, and whether each ISO record is what its kind says.

The completeness policy (`BiometricPolicy`, a server setting the laptop can
show the same way):

- ``off``: fingers and irises are not required (what a recording carries is
  still checked for consistency);
- ``required_when_present`` (the default): a recording that carries a
  biometric set must have all ten fingers and both irises, each captured or
  an exception; a recording with no set at all (an older laptop, or one
  without devices) is accepted as before;
- ``required``: every recording must carry a complete set.

`findings` gives the errors by these rules plus the consistency of the set
with the media it names: a captured slot needs its ISO record, an excepted
or absent one has none (a proof photo only for an exception). `check_record`
reads one record and checks that it is a 19794-4 finger record for a finger
kind (every view at that finger's ISO position, or position unknown) or a
19794-6 iris record for an eye kind (that eye's label, or undefined); whether
the image inside decodes is the caller's business (OpenCV).

Pure Python: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from app.core.biometric_content import PROOF_KINDS, RECORD_KINDS, media_kind, proof_kind, slot_of_kind
from app.core.biometric_positions import (
    FINGER_BY_SBI, EYES, FINGERS, iso_eye_matches, iso_position_matches,
)
from app.core.biometric_records import IsoRecord, IsoRecordError, parse_finger_record, parse_iris_record
from app.core.biometric_set import BiometricSet, Captured, Excepted
from app.core.findings import Finding, Severity, finding

FIELD = "biometrics"


class BiometricPolicy(str, Enum):
    """How many fingers and irises a recording must carry (see the module's text)."""

    OFF = "off"
    REQUIRED_WHEN_PRESENT = "required_when_present"
    REQUIRED = "required"


DEFAULT_POLICY = BiometricPolicy.REQUIRED_WHEN_PRESENT

_LABELS = {f.sbi: f.label for f in FINGERS} | {e.sbi: e.label for e in EYES}
_BIOMETRIC_KINDS = frozenset(RECORD_KINDS) | frozenset(PROOF_KINDS)


def slot_labels(slots: Iterable[str]) -> str:
    """Indonesian labels of slots, comma-separated ("Jempol kanan, Mata kiri")."""
    return ", ".join(_LABELS[s] for s in slots)


def completeness(bset: BiometricSet | None, policy: BiometricPolicy | str = DEFAULT_POLICY) -> list[Finding]:
    """The policy's errors for this set (None: the recording carries no set)."""
    policy = policy if type(policy) is BiometricPolicy else BiometricPolicy(policy)
    if policy is BiometricPolicy.OFF:
        return []
    if bset is None:
        if policy is BiometricPolicy.REQUIRED:
            return [finding("biometrics.missing", FIELD, Severity.ERROR)]
        return []
    missing = bset.missing()
    if missing:
        return [finding("biometrics.incomplete", FIELD, Severity.ERROR, count=len(missing),
                        slots=slot_labels(missing))]
    return []


def record_kinds(bset: BiometricSet | None) -> set[str]:
    """The ISO record kinds a set needs: one per captured slot."""
    slots = bset.slots if bset is not None else {}
    return {media_kind(s) for s, v in slots.items() if isinstance(v, Captured)}


def allowed_kinds(bset: BiometricSet | None, records: set[str] | None = None) -> set[str]:
    """The biometric media kinds a set allows: its records (`records`, when the caller has them
    already), and a proof photo per excepted slot."""
    slots = bset.slots if bset is not None else {}
    records = record_kinds(bset) if records is None else records
    return records | {proof_kind(s) for s, v in slots.items() if isinstance(v, Excepted)}


def consistency(bset: BiometricSet | None, kinds: Iterable[str]) -> list[Finding]:
    """Errors where the set and the biometric media kinds a recording names disagree."""
    held = set(kinds) & _BIOMETRIC_KINDS
    wanted = record_kinds(bset)
    allowed = allowed_kinds(bset, wanted)
    out = []
    absent = wanted - held
    lacking = [slot_of_kind(k) for k in RECORD_KINDS if k in absent]
    if lacking:
        out.append(finding("biometrics.record_missing", FIELD, Severity.ERROR, slots=slot_labels(lacking)))
    extra = sorted({slot_of_kind(k) for k in held - allowed}, key=list(_LABELS).index)
    if extra:
        out.append(finding("biometrics.media_unexpected", FIELD, Severity.ERROR, slots=slot_labels(extra)))
    return out


def findings(bset: BiometricSet | None, kinds: Iterable[str],
             policy: BiometricPolicy | str = DEFAULT_POLICY) -> list[Finding]:
    """Completeness by `policy`, then consistency with the media `kinds`."""
    return completeness(bset, policy) + consistency(bset, kinds)


def exceptions_summary(bset: BiometricSet) -> str | None:
    """Every excepted finger and eye in one line for the supervisor, fingers first; None when none."""
    excepted = bset.exceptions()
    if not excepted:
        return None
    parts = []
    for slot in _LABELS:
        if slot in excepted:
            state = excepted[slot]
            why = state.reason.label + (f": {state.text}" if state.text else "")
            parts.append(f"{_LABELS[slot]} ({why})")
    return "Pengecualian sidik jari/iris: " + ", ".join(parts) + "."


def check_record(kind: str, data: bytes) -> IsoRecord:
    """The parsed record of media `kind` ("finger_03", "iris_left"); `IsoRecordError` when it is not
    that record (``iso.*`` codes; ``iso.wrong_position`` for another finger or eye)."""
    if kind not in RECORD_KINDS:
        raise ValueError("not a biometric record kind")
    slot = slot_of_kind(kind)
    if slot in FINGER_BY_SBI:
        record = parse_finger_record(data)
        fits = all(iso_position_matches(slot, v.position) for v in record.views)
    else:
        record = parse_iris_record(data)
        fits = all(iso_eye_matches(slot, v.eye_label) for v in record.views)
    if not fits:
        raise IsoRecordError("iso.wrong_position", {"slot": _LABELS[slot]})
    return record


__all__ = [
    "BiometricPolicy", "DEFAULT_POLICY", "allowed_kinds", "check_record", "completeness", "consistency",
    "exceptions_summary", "findings", "record_kinds",
    "slot_labels",
]
