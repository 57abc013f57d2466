"""Fingers and eyes of a KTP-el recording: their SBI names, ISO codes and the 4-4-2 capture segments.

The names are MOSIP SBI 0.9.5's ``bioSubType`` values ("Left IndexFinger" …
"Right Thumb"; iris "Left"/"Right"); the codes are ISO/IEC 19794-4:2011's
finger positions (1 right thumb … 10 left little, 13/14/15 the plain four
fingers and the two thumbs) and 19794-6:2011's eye labels (1 right, 2 left).
A registration slap scanner captures ten fingers in three segments (4-4-2):
``deviceSubId`` 1 the left four, 2 the right four, 3 the two thumbs; an iris
device ``deviceSubId`` 1 left, 2 right, 3 both.

Pure Python: no I/O (the client, the simulator, the steps and the server share it).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Modality(str, Enum):
    """The SBI ``type`` / ``bioType`` of a capture."""

    FINGER = "Finger"
    IRIS = "Iris"
    FACE = "Face"


DISCOVER_ANY = "Biometric Device"
"""The discovery ``type`` that asks every device to answer."""


@dataclass(frozen=True)
class Finger:
    """One finger: its SBI name, ISO 19794-4 position code, hand and short Indonesian label."""

    sbi: str
    iso_position: int
    hand: str  # "left" / "right"
    label: str


FINGERS: tuple[Finger, ...] = (
    Finger("Right Thumb", 1, "right", "Jempol kanan"),
    Finger("Right IndexFinger", 2, "right", "Telunjuk kanan"),
    Finger("Right MiddleFinger", 3, "right", "Jari tengah kanan"),
    Finger("Right RingFinger", 4, "right", "Jari manis kanan"),
    Finger("Right LittleFinger", 5, "right", "Kelingking kanan"),
    Finger("Left Thumb", 6, "left", "Jempol kiri"),
    Finger("Left IndexFinger", 7, "left", "Telunjuk kiri"),
    Finger("Left MiddleFinger", 8, "left", "Jari tengah kiri"),
    Finger("Left RingFinger", 9, "left", "Jari manis kiri"),
    Finger("Left LittleFinger", 10, "left", "Kelingking kiri"),
)
"""The ten fingers in ISO 19794-4 position order."""

FINGER_BY_SBI = {f.sbi: f for f in FINGERS}
FINGER_BY_POSITION = {f.iso_position: f for f in FINGERS}

ISO_FINGER_UNKNOWN = 0
ISO_PLAIN_RIGHT_FOUR = 13
ISO_PLAIN_LEFT_FOUR = 14
ISO_PLAIN_THUMBS = 15
ISO_MULTI_FINGER_POSITIONS = frozenset({ISO_PLAIN_RIGHT_FOUR, ISO_PLAIN_LEFT_FOUR, ISO_PLAIN_THUMBS})
VALID_FINGER_POSITIONS = frozenset(FINGER_BY_POSITION) | ISO_MULTI_FINGER_POSITIONS | {ISO_FINGER_UNKNOWN}


@dataclass(frozen=True)
class Segment:
    """One capture of a slap scanner: its ``deviceSubId`` and the fingers it takes."""

    device_sub_id: int
    name: str
    fingers: tuple[str, ...]  # SBI names
    iso_position: int  # the plain multi-finger position of the whole slap


SEGMENTS: tuple[Segment, ...] = (
    Segment(1, "Telapak kiri (4 jari)",
            ("Left IndexFinger", "Left MiddleFinger", "Left RingFinger", "Left LittleFinger"), ISO_PLAIN_LEFT_FOUR),
    Segment(2, "Telapak kanan (4 jari)",
            ("Right IndexFinger", "Right MiddleFinger", "Right RingFinger", "Right LittleFinger"),
            ISO_PLAIN_RIGHT_FOUR),
    Segment(3, "Dua jempol", ("Left Thumb", "Right Thumb"), ISO_PLAIN_THUMBS),
)
"""The 4-4-2 sequence: left slap, right slap, two thumbs (ten fingers in all)."""

SEGMENT_BY_SUB_ID = {s.device_sub_id: s for s in SEGMENTS}


def segment_of(finger_sbi: str) -> Segment:
    """The 4-4-2 segment that captures `finger_sbi` (KeyError for a name that is not a finger)."""
    FINGER_BY_SBI[finger_sbi]
    return next(s for s in SEGMENTS if finger_sbi in s.fingers)


@dataclass(frozen=True)
class Eye:
    """One eye: SBI name, ISO 19794-6 eye label, the iris device's ``deviceSubId`` for it alone, label."""

    sbi: str
    iso_label: int
    device_sub_id: int
    label: str


EYES: tuple[Eye, ...] = (
    Eye("Left", 2, 1, "Mata kiri"),
    Eye("Right", 1, 2, "Mata kanan"),
)
EYE_BY_SBI = {e.sbi: e for e in EYES}
EYE_BY_LABEL = {e.iso_label: e for e in EYES}
ISO_EYE_UNDEFINED = 0
IRIS_BOTH_SUB_ID = 3
"""``deviceSubId`` of a double iris camera taking both eyes at once."""

UNKNOWN_SUBTYPE = "UNKNOWN"


def subtypes_of(modality: Modality | str) -> tuple[str, ...]:
    """Every SBI ``bioSubType`` of `modality` (face: none)."""
    kind = Modality(modality)
    if kind is Modality.FINGER:
        return tuple(f.sbi for f in FINGERS)
    if kind is Modality.IRIS:
        return tuple(e.sbi for e in EYES)
    return ()


def iso_position_matches(finger_sbi: str, iso_position: int) -> bool:
    """Whether an ISO record's finger position fits the SBI subtype it was sent as (0 = unknown fits)."""
    if finger_sbi == UNKNOWN_SUBTYPE or iso_position == ISO_FINGER_UNKNOWN:
        return True
    finger = FINGER_BY_SBI.get(finger_sbi)
    return finger is not None and finger.iso_position == iso_position


def iso_eye_matches(eye_sbi: str, iso_label: int) -> bool:
    """Whether an ISO iris record's eye label fits the SBI subtype it was sent as (0 = undefined fits)."""
    if eye_sbi == UNKNOWN_SUBTYPE or iso_label == ISO_EYE_UNDEFINED:
        return True
    eye = EYE_BY_SBI.get(eye_sbi)
    return eye is not None and eye.iso_label == iso_label
