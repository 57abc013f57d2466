"""The fingers and irises of the recording being edited, as the form holds them until the save.

`BiometricSlot` is to the biometric steps what `app.session.MediaSlot` is to
the photo: the state shown (a `BiometricSet`: per finger and eye the kept
score or the exception), and the bytes not yet on disk (the ISO records of the
captured slots, the proof-of-exception photos). A step's result replaces its
modality's slots (`with_step`); the save writes `content()` into
`Recording.biometrics` and its `records` and `proofs` as media items of the kinds of
`app.core.biometric_content`, in the recording's one transaction.

No Qt, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from app.core.biometric_content import from_content, is_proof_kind, slot_of_kind, to_content
from app.core.biometric_positions import Modality
from app.core.biometric_set import BiometricSet, Captured, modality_of


@dataclass
class BiometricSlot:
    """Fingers and irises of one form.

    Attributes:
        biometrics: each slot captured (score, tries, reached) or excepted, as far as the steps went.
        records: slot -> ISO 19794 record not yet written (`data` of the device's capture, unchanged).
        proofs: slot -> proof-of-exception JPEG not yet written.
        stored_proofs: slots whose proof photo the recording already holds.
        device_ids: modality value -> the device that captured it (shown in the review).
    """

    biometrics: BiometricSet = field(default_factory=BiometricSet)
    records: dict[str, bytes] = field(default_factory=dict)
    proofs: dict[str, bytes] = field(default_factory=dict)
    stored_proofs: frozenset[str] = frozenset()
    device_ids: dict[str, str] = field(default_factory=dict)

    @classmethod
    def stored(cls, content: dict | None, media_kinds: Iterable[str]) -> "BiometricSlot":
        """What a saved recording holds: its `biometrics` content and the kinds of its media items."""
        bset = from_content(content) if content else BiometricSet()
        proofs = frozenset(slot_of_kind(k) for k in media_kinds if is_proof_kind(k))
        return cls(bset, stored_proofs=proofs)

    def with_step(self, modality: Modality, biometrics: BiometricSet, captures: Mapping[str, object],
                  proofs: Mapping[str, bytes], device_id: str = "") -> "BiometricSlot":
        """This slot with `modality`'s slots replaced by a step's result (`captures`: slot -> its kept
        capture, with ``iso_record``; `proofs`: slot -> proof JPEG taken in the step)."""
        kept = {s: v for s, v in self.biometrics.slots.items() if modality_of(s) is not modality}
        mine = {s: v for s, v in biometrics.slots.items() if modality_of(s) is modality}
        records = {s: b for s, b in self.records.items() if modality_of(s) is not modality}
        records |= {s: bytes(c.iso_record) for s, c in captures.items() if s in mine}
        new_proofs = {s: b for s, b in self.proofs.items() if modality_of(s) is not modality}
        new_proofs |= {s: bytes(b) for s, b in proofs.items() if s in mine and not isinstance(mine[s], Captured)}
        devices = dict(self.device_ids)
        if device_id:
            devices[modality.value] = device_id
        return replace(self, biometrics=BiometricSet({**kept, **mine}), records=records, proofs=new_proofs,
                       device_ids=devices)

    def done(self, modality: Modality) -> bool:
        """Every slot of `modality` captured or excepted."""
        return not self.biometrics.missing((modality,))

    def has(self, modality: Modality) -> bool:
        """Any slot of `modality` captured or excepted."""
        return any(modality_of(s) is modality for s in self.biometrics.slots)

    def proofed(self) -> frozenset[str]:
        """Slots with a proof photo (stored, or new)."""
        return self.stored_proofs | frozenset(self.proofs)

    def content(self) -> dict | None:
        """`Recording.biometrics`: `to_content` of the set, None while nothing is captured or excepted."""
        return to_content(self.biometrics) if self.biometrics.slots else None

    def written(self) -> None:
        """The save put the new bytes on disk: they are the baseline now."""
        self.stored_proofs = self.proofed()
        self.records = {}
        self.proofs = {}
