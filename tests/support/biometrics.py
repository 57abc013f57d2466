"""Fingers and irises for tests: the simulator's ISO records as a recording's media and content.

`biometric_recording` gives what `RecordingRepo.save` takes beside a resident:
the `to_content` form of the set and the media items (ISO records of the
captured slots, a proof JPEG per excepted slot). Records come from the SBI
simulator's generator, so they are the bytes a device would send; none is a person's.
"""

from __future__ import annotations

import os

import cv2
import numpy as np

from app.biometrics.simulator.images import finger_record, iris_record
from app.core.biometric_records import IRIS_MONO_PNG, IrisView, QualityBlock, build_iris_record
from app.core.biometric_content import to_content
from app.core.biometric_positions import EYES, FINGERS
from app.core.biometric_set import BiometricExceptionReason, BiometricSet, Captured, Excepted
from app.store.media import MediaItem, biometric_items

FINGER_SCORE = 80
IRIS_SCORE = 85


def proof_photo() -> bytes:
    """A small JPEG of noise (a proof-of-exception photo; a new one each call)."""
    noise = np.frombuffer(os.urandom(48 * 64 * 3), np.uint8).reshape(48, 64, 3)
    ok, buf = cv2.imencode(".jpg", noise)
    assert ok
    return buf.tobytes()


def noise_iris_record(eye_label: int = 2) -> bytes:
    """A 19794-6 record of random noise (a new one each call, unlike the simulator's seeded eyes)."""
    ok, buf = cv2.imencode(".png", np.frombuffer(os.urandom(64 * 48), np.uint8).reshape(48, 64))
    assert ok
    view = IrisView(eye_label=eye_label, image=buf.tobytes(), width=64, height=48, image_format=IRIS_MONO_PNG,
                    quality=(QualityBlock(IRIS_SCORE),))
    return build_iris_record([view])


def slot_records() -> dict[str, bytes]:
    """Slot (SBI name) -> the simulator's ISO record, for all ten fingers and both eyes."""
    records = {f.sbi: finger_record(f.iso_position, FINGER_SCORE) for f in FINGERS}
    return records | {e.sbi: iris_record(e.iso_label, IRIS_SCORE) for e in EYES}


def biometric_recording(
    excepted: dict[str, BiometricExceptionReason] | None = None, *, skip: tuple[str, ...] = (),
    proofs: bool = True,
) -> tuple[dict, list[MediaItem]]:
    """(content, media) of a full set: every slot captured except `excepted` (with a proof photo
    each when `proofs`) and `skip` (neither captured nor excepted)."""
    excepted = excepted or {}
    bset, records = BiometricSet(), {}
    for slot, record in slot_records().items():
        if slot in skip:
            continue
        if slot in excepted:
            bset = bset.with_slot(slot, Excepted(excepted[slot]))
            continue
        score = FINGER_SCORE if record[:3] == b"FIR" else IRIS_SCORE
        bset = bset.with_slot(slot, Captured(float(score)))
        records[slot] = record
    photos = {slot: proof_photo() for slot in excepted} if proofs else {}
    return to_content(bset), biometric_items(records, photos)
