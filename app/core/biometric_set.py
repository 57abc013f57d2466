"""The biometric part of a KTP-el recording: ten fingers and two irises, each captured or an exception.

Each slot (a finger or an eye, by its SBI name) is either captured (the
quality score of the kept try, how many tries it took, whether it reached the
threshold) or an exception with a reason from `BiometricExceptionReason` (free
text only for ``lainnya``; a proof-of-exception photo is expected for each).
`BiometricSet.missing()` lists the slots with neither: a recording is complete
when none is missing. The fingerprint and iris steps fill it, the review shows
it, and the store and the server's completeness policy can judge it by the
same rule.

Pure Python: no I/O.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from enum import Enum

from app.core.biometric_positions import EYES, FINGERS, Modality


class BiometricExceptionReason(str, Enum):
    """Why a finger or an eye is not captured."""

    AMPUTASI = "amputasi"
    LUKA_PERBAN = "luka_perban"
    SIDIK_JARI_AUS = "sidik_jari_aus"
    CACAT_BAWAAN = "cacat_bawaan"
    TIDAK_DAPAT_MEMBUKA_MATA = "tidak_dapat_membuka_mata"
    TIDAK_DAPAT_DUDUK = "tidak_dapat_duduk"
    LAINNYA = "lainnya"

    @property
    def label(self) -> str:
        return _LABELS[self]

    def applies_to(self, modality: Modality | str) -> bool:
        return Modality(modality) in _APPLIES[self]


_LABELS = {
    BiometricExceptionReason.AMPUTASI: "Amputasi",
    BiometricExceptionReason.LUKA_PERBAN: "Luka / perban",
    BiometricExceptionReason.SIDIK_JARI_AUS: "Sidik jari aus (lansia)",
    BiometricExceptionReason.CACAT_BAWAAN: "Cacat bawaan",
    BiometricExceptionReason.TIDAK_DAPAT_MEMBUKA_MATA: "Tidak dapat membuka mata",
    BiometricExceptionReason.TIDAK_DAPAT_DUDUK: "Tidak dapat duduk / terbaring",
    BiometricExceptionReason.LAINNYA: "Lainnya",
}
_BOTH = frozenset({Modality.FINGER, Modality.IRIS})
_APPLIES = {
    BiometricExceptionReason.AMPUTASI: _BOTH,  # a finger, or an eye that is no longer there
    BiometricExceptionReason.LUKA_PERBAN: _BOTH,
    BiometricExceptionReason.SIDIK_JARI_AUS: frozenset({Modality.FINGER}),
    BiometricExceptionReason.CACAT_BAWAAN: _BOTH,
    BiometricExceptionReason.TIDAK_DAPAT_MEMBUKA_MATA: frozenset({Modality.IRIS}),
    BiometricExceptionReason.TIDAK_DAPAT_DUDUK: frozenset({Modality.IRIS}),
    BiometricExceptionReason.LAINNYA: _BOTH,
}

FINGER_SLOTS = tuple(f.sbi for f in FINGERS)
EYE_SLOTS = tuple(e.sbi for e in EYES)


def modality_of(slot: str) -> Modality:
    """Finger or iris, by slot name (KeyError for an unknown one)."""
    modality = _MODALITY_OF.get(slot) if isinstance(slot, str) else None
    if modality is None:
        raise KeyError(slot)
    return modality


_MODALITY_OF = {s: Modality.FINGER for s in FINGER_SLOTS} | {s: Modality.IRIS for s in EYE_SLOTS}


@functools.cache
def _slots_of(modalities: tuple[Modality, ...]) -> tuple[str, ...]:
    """The slots of these modalities, fingers first then eyes (a constant per tuple, remembered)."""
    return tuple(s for s in FINGER_SLOTS + EYE_SLOTS if modality_of(s) in modalities)


@dataclass(frozen=True)
class Captured:
    """A slot captured: the kept try's score, the tries taken, and whether it reached the threshold."""

    score: float
    tries: int = 1
    reached: bool = True


@dataclass(frozen=True)
class Excepted:
    """A slot not captured, with its reason (and text for ``lainnya``)."""

    reason: BiometricExceptionReason
    text: str = ""


def check_state(slot: str, state: Captured | Excepted) -> None:
    """Whether `state` may fill `slot`: KeyError for an unknown slot, ValueError for an exception
    reason that does not apply to it (an eye reason on a finger)."""
    kind = modality_of(slot)
    if isinstance(state, Excepted) and not state.reason.applies_to(kind):
        raise ValueError("reason does not apply to this slot")


@dataclass(frozen=True)
class BiometricSet:
    """The state of every slot (absent = not yet done)."""

    slots: dict[str, Captured | Excepted] = field(default_factory=dict)

    def with_slot(self, slot: str, state: Captured | Excepted) -> "BiometricSet":
        check_state(slot, state)
        return replace(self, slots={**self.slots, slot: state})

    def without(self, slot: str) -> "BiometricSet":
        return replace(self, slots={k: v for k, v in self.slots.items() if k != slot})

    def missing(self, modalities: tuple[Modality, ...] = (Modality.FINGER, Modality.IRIS)) -> tuple[str, ...]:
        """Slots neither captured nor excepted, fingers first then eyes."""
        return tuple(s for s in _slots_of(tuple(modalities)) if s not in self.slots)

    def exceptions(self) -> dict[str, Excepted]:
        """Every excepted slot (the supervisor sees each one)."""
        return {k: v for k, v in self.slots.items() if isinstance(v, Excepted)}

    def below_threshold(self) -> tuple[str, ...]:
        """Captured slots whose kept try did not reach the threshold (best of the tries kept)."""
        return tuple(k for k, v in self.slots.items() if isinstance(v, Captured) and not v.reached)
