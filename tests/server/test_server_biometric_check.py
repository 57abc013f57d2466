"""The server's check of biometric media (422.6) and the protocol's biometric kinds and field."""

from __future__ import annotations

import os

import pytest

from app.biometrics.simulator.images import finger_record, iris_record
from app.core.biometric_content import BIOMETRIC_MEDIA_KINDS
from app.core.biometric_records import (
    COMPRESSION_PNG, COMPRESSION_RAW, COMPRESSION_WSQ, FingerView, QualityBlock, build_finger_record,
)
from support.biometrics import biometric_recording, noise_iris_record, proof_photo
from support.images import image_bytes
from sync.protocol import MediaKind, RecordingPayload
from sync.protocol_problems import Problems
from sync.server.failures import ProblemError
from sync.server.media_check import check_media


def _finger(image: bytes, width: int = 16, height: int = 16, compression: int = COMPRESSION_PNG,
            position: int = 1) -> bytes:
    return build_finger_record([FingerView(position=position, image=image, width=width, height=height,
                                           compression=compression, quality=(QualityBlock(70),))])


def _refusal(kind: str, data: bytes) -> dict:
    with pytest.raises(ProblemError) as caught:
        check_media(kind, data)
    assert caught.value.spec is Problems.MEDIA_NOT_BIOMETRIC
    body = caught.value.spec.body(**caught.value.details)
    assert body["code"] == "422.6" and body["message"].startswith("Rekaman biometrik ditolak: ")
    return caught.value.details


def test_the_protocol_knows_every_kind_of_the_contract():
    assert sorted(k.value for k in MediaKind) == sorted(["photo", "signature", *BIOMETRIC_MEDIA_KINDS])


def test_a_payload_without_biometrics_has_no_such_key_and_one_with_them_keeps_them():
    base = {"resident": {"nik": "1671010101900001"}, "recording_date": "2026-01-02"}
    assert "biometrics" not in RecordingPayload.model_validate(base).model_dump(mode="json")
    content, _media = biometric_recording()
    dumped = RecordingPayload.model_validate(base | {"biometrics": content}).model_dump(mode="json")
    assert dumped["biometrics"] == content  # the hash is taken over exactly what the laptop built


def test_the_simulators_records_and_proof_photos_pass():
    check_media("finger_07", finger_record(7, 60))
    check_media("iris_right", iris_record(1, 90))
    check_media("iris_left", noise_iris_record(2))
    check_media("proof_finger_01", proof_photo())
    raw = _finger(os.urandom(16 * 16), compression=COMPRESSION_RAW)
    check_media("finger_01", raw)


def test_records_that_are_not_what_they_claim_are_refused():
    assert _refusal("finger_01", image_bytes(2000, "png"))["check"] == "iso.not_iso"
    assert _refusal("finger_02", finger_record(3, 80))["check"] == "iso.wrong_position"
    assert _refusal("iris_left", finger_record(6, 80))["check"] == "iso.wrong_modality"
    assert _refusal("finger_01", finger_record(1, 80)[:-10])["check"] in {"iso.length_mismatch", "iso.truncated"}
    assert _refusal("finger_01", _finger(b"not an image at all"))["check"] == "iso.undecodable"
    assert _refusal("finger_01", _finger(image_bytes(2000, "png"), width=17))["check"] == "iso.undecodable"
    assert _refusal("finger_01", _finger(os.urandom(100), compression=COMPRESSION_RAW))["check"] == "iso.undecodable"
    assert _refusal("finger_01", _finger(b"WSQ" * 20, compression=COMPRESSION_WSQ))["check"] == "iso.image_format"
    huge = _refusal("finger_01", _finger(b"x" * 50, width=60_000, height=60_000))
    assert huge["check"] == "iso.dimensions" and huge["width"] == 60_000


def test_a_proof_photo_must_be_an_image_like_the_photo():
    with pytest.raises(ProblemError) as caught:
        check_media("proof_iris_left", finger_record(1, 80))
    assert caught.value.spec is Problems.MEDIA_NOT_IMAGE


def test_the_policy_setting_is_one_of_the_three(tmp_path):
    from sync.server.settings import Settings

    assert Settings(tmp_path).biometric_policy == "required_when_present"
    again = Settings.from_json(Settings(tmp_path, biometric_policy="required").to_json())  # to the workers
    assert again.biometric_policy == "required"
    with pytest.raises(ValueError, match="biometric_policy"):
        Settings(tmp_path, biometric_policy="wajib")
