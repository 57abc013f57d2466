"""The server applies the laptop's media rule (`app.core.media_rules` through `check_recording`)."""

from __future__ import annotations

from sync.protocol import ReasonCodes


def _codes(result: dict) -> set[str]:
    return {r["code"] for r in result["reasons"]}


def test_a_photo_exception_reason_too_short_is_refused(device, recording):
    short = recording(with_media=False)
    short.payload = short.payload.model_copy(update={"photo_exception": "x"})
    [result] = device.send(short)
    assert result["outcome"] == "rejected"
    assert _codes(result) == {ReasonCodes.PHOTO_MISSING}


def test_a_signature_exception_reason_too_short_is_refused(device, recording):
    short = recording(with_media=False)
    short.payload = short.payload.model_copy(update={"signature_exception": " ab "})
    [result] = device.send(short)
    assert result["outcome"] == "rejected"
    assert _codes(result) == {ReasonCodes.SIGNATURE_MISSING}


def test_a_real_reason_is_accepted(device, recording):
    enough = recording(with_media=False)
    enough.payload = enough.payload.model_copy(update={"photo_exception": "abc"})
    [result] = device.send(enough)
    assert result["outcome"] == "accepted", result["reasons"]
