"""The SBI client against the simulated device service over real HTTP: a full recording, then every fault."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from app.biometrics.client import capture_request
from app.biometrics.model import DeviceError
from app.biometrics.transport import request_json
from app.biometrics.stream import PreviewStream, decode_frame
from app.core.biometric_attempts import BEST_KEPT, Attempts, QualityPolicy, segment_score
from app.core.biometric_positions import FINGER_BY_SBI, SEGMENTS, Modality
from app.core.biometric_records import parse_record
from app.core.messages import render
from app.core.sbi_codes import FIRST_PREVIOUS_HASH, chain_hash

LEFT_SLAP = SEGMENTS[0]


def _slap(client, finger, **kw):
    return client.rcapture(finger, Modality.FINGER, LEFT_SLAP.fingers, sub_id=LEFT_SLAP.device_sub_id, **kw)


def _fails(code, call, *args, **kw) -> DeviceError:
    with pytest.raises(DeviceError) as info:
        call(*args, **kw)
    assert info.value.code == code, info.value.code
    assert str(info.value) == render(code, info.value.params)
    return info.value


def test_ten_fingers_and_two_irises_in_one_chained_signed_recording(simulator, client, devices):
    finger, iris = devices
    assert finger.status == "Ready" and finger.signed and finger.sub_ids == (1, 2, 3)
    assert iris.device_sub_type == "Double"
    previous, captures = FIRST_PREVIOUS_HASH, []
    for segment in SEGMENTS:
        result = client.rcapture(finger, Modality.FINGER, segment.fingers, sub_id=segment.device_sub_id,
                                 previous_hash=previous)
        assert [c.bio_subtype for c in result.captures] == list(segment.fingers)
        previous = result.last_hash
        captures += result.captures
    result = client.rcapture(iris, Modality.IRIS, ["Left", "Right"], sub_id=3, previous_hash=previous,
                             requested_score=60)
    captures += result.captures
    assert len(captures) == 12 and simulator.captures() == 4
    chain = FIRST_PREVIOUS_HASH
    for capture in captures:  # one chain across modalities, recomputed from the raw ISO records
        assert capture.previous_hash == chain
        chain = chain_hash(chain, capture.iso_record)
        assert capture.hash == chain
        assert capture.signature_verified and capture.digital_id.count(".") == 2
        assert capture.quality_score > 0 and capture.device_code.startswith("JMPSIM")
        assert parse_record(capture.iso_record) == capture.record
        assert isinstance(capture.display, np.ndarray) and max(capture.display.shape) <= 320
    fingers = [c for c in captures if c.bio_type == "Finger"]
    assert sorted(c.view.position for c in fingers) == list(range(1, 11))
    assert all(c.view.position == FINGER_BY_SBI[c.bio_subtype].iso_position for c in fingers)
    assert {c.device_id for c in fingers} == {finger.device_id}
    assert [c.view.eye_label for c in captures[10:]] == [2, 1]


def test_an_exception_is_not_asked_for_and_not_captured(client, devices):
    finger, _iris = devices
    result = _slap(client, finger, exceptions=["Left RingFinger"])
    assert [c.bio_subtype for c in result.captures] == [
        "Left IndexFinger", "Left MiddleFinger", "Left LittleFinger"]


@pytest.mark.parametrize("fault, code, device_code", [
    ("busy", "sbi.busy", "111"), ("not_ready", "sbi.not_ready", "110"),
    ("not_registered", "sbi.not_registered", "100"),
])
def test_a_device_that_is_not_ready_says_so_before_and_on_capture(simulator, client, devices, fault, code,
                                                                    device_code):
    finger, _iris = devices
    simulator.set_faults(fault)
    now = next(d for d in client.device_info(simulator.port) if d.device_id == finger.device_id)
    assert now.status != "Ready" and now.error_code == device_code
    assert now.signed is (fault != "not_registered")  # an unregistered device sends its info unsigned
    _fails(code, client.ready, finger)
    assert _fails(code, _slap, client, finger).device_code == device_code
    simulator.set_faults()
    assert client.ready(finger).status == "Ready"


def test_an_authentication_device_is_not_used_for_recording(simulator, client, devices):
    finger, _iris = devices
    simulator.set_faults("auth_device")
    _fails("sbi.wrong_purpose", client.ready, finger)


def test_a_second_capture_while_one_runs_is_told_busy(simulator, client, devices):
    finger, _iris = devices
    simulator.set_faults("timeout", times=1, hang_seconds=1.5)
    first: dict = {}
    thread = threading.Thread(target=lambda: first.setdefault("result", _slap(client, finger)))
    thread.start()
    while simulator.captures() < 1:
        time.sleep(0.01)
    _fails("sbi.busy", _slap, client, finger)
    thread.join(timeout=10)
    assert len(first["result"].captures) == 4  # the first one still completes


def test_no_answer_in_time_is_a_timeout(simulator, client, devices):
    finger, _iris = devices
    simulator.set_faults("timeout")
    error = _fails("sbi.timeout", _slap, client, finger, timeout_ms=300)
    assert error.params == {"seconds": 2}  # 0.3 s asked + 1 s grace, rounded up


def test_low_scores_after_the_tries_keep_the_best_capture(simulator, client, devices):
    finger, _iris = devices
    policy = QualityPolicy()
    simulator.set_faults("low_score", low_score=30)
    attempts, kept = Attempts(policy.required(Modality.FINGER), policy.tries), []
    while attempts.verdict != BEST_KEPT:
        result = _slap(client, finger, requested_score=policy.finger)
        kept.append(result)
        attempts = attempts.add(segment_score([c.quality_score for c in result.captures]))
    assert attempts.scores == (25.5, 25.5, 25.5) and simulator.captures() == 3
    best = kept[attempts.best]
    assert best.captures[0].quality_score == 30 and best.captures[0].requested_score == 40
    assert best.captures[0].iso_record  # the best capture is kept whole, with its score
    code, params = attempts.low_score("Telapak kiri")
    assert render(code, params).startswith("Kualitas Telapak kiri 26 di bawah batas 40")


@pytest.mark.parametrize("fault, code", [
    ("drop", "sbi.disconnected"),
    ("broken_chain", "sbi.hash_chain"),
    ("malformed_block", "sbi.malformed_block"),
    ("bad_signature", "sbi.bad_signature"),
    ("not_iso", "iso.not_iso"),
    ("wrong_transaction", "sbi.wrong_transaction"),
])
def test_an_answer_that_is_not_what_it_claims_is_refused(simulator, client, devices, fault, code):
    finger, iris = devices
    simulator.set_faults(fault)
    _fails(code, _slap, client, finger)
    _fails(code, client.rcapture, iris, Modality.IRIS, ["Left"], sub_id=1)
    simulator.set_faults()
    assert len(_slap(client, finger).captures) == 4  # the device itself still works


def test_the_vendors_own_error_comes_with_its_words(simulator, client, devices):
    finger, _iris = devices
    simulator.set_faults("vendor_error")
    error = _fails("sbi.vendor_error", _slap, client, finger)
    assert error.params == {"code": "501", "info": "Sensor kotor"} and error.device_code == "501"


def test_an_unplugged_device_service_is_no_device(simulator, client, devices):
    finger, _iris = devices
    simulator.stop()
    _fails("sbi.no_device", _slap, client, finger)
    _fails("sbi.no_device", client.device_info, finger.port)


def test_the_preview_streams_jpeg_frames_until_closed(simulator, devices):
    finger, _iris = devices
    frames = []
    with PreviewStream(finger, 1, timeout_ms=10_000) as stream:
        for frame in stream:
            frames.append(decode_frame(frame))
            if len(frames) == 3:
                stream.close()
    assert len(frames) == 3 and all(f is not None and f.shape == (240, 320, 3) for f in frames)


def test_a_preview_cut_off_is_a_disconnection_and_a_not_ready_device_an_error(simulator, devices):
    finger, _iris = devices
    simulator.set_faults("drop")
    with pytest.raises(DeviceError) as info:
        with PreviewStream(finger, 1) as stream:
            for _frame in stream:
                pass
    assert info.value.code == "sbi.disconnected"
    simulator.set_faults("not_ready")
    _fails("sbi.not_ready", PreviewStream, finger, 1)


def test_a_finger_missing_from_the_answer_or_one_not_asked_for_is_refused(simulator, client, devices):
    finger, _iris = devices
    body = capture_request(finger, Modality.FINGER, LEFT_SLAP.fingers, sub_id=1)
    answer = request_json(simulator.port, "RCAPTURE", "/capture", body, 30)
    short = {"biometrics": answer["biometrics"][:3]}
    error = _fails("sbi.missing_capture", client.check_answer, short, body, finger)
    assert error.params == {"subtype": "Kelingking kiri"}
    fewer = {**body, "bio": [{**body["bio"][0], "bioSubType": list(LEFT_SLAP.fingers[:3])}]}
    error = _fails("sbi.wrong_subtype", client.check_answer, answer, fewer, finger)
    assert error.params == {"subtype": "Kelingking kiri"}
    assert len(client.check_answer(answer, body, finger).captures) == 4  # the same answer, as asked: whole
