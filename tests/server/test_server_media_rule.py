"""The server applies the laptop's media rule (`app.core.media_rules` through `check_recording`)."""

from __future__ import annotations

import pytest

from sync.protocol_reasons import ReasonCodes


@pytest.mark.parametrize("field, reason, code", [
    ("photo_exception", "x", ReasonCodes.PHOTO_MISSING),
    ("signature_exception", " ab ", ReasonCodes.SIGNATURE_MISSING),
])
def test_an_exception_reason_too_short_is_refused(device, recording, field, reason, code):
    short = recording(with_media=False)
    short.payload = short.payload.model_copy(update={field: reason})
    [result] = device.send(short)
    assert result["outcome"] == "rejected"
    assert {r["code"] for r in result["reasons"]} == {code}


def test_a_real_reason_is_accepted(device, recording):
    enough = recording(with_media=False)
    enough.payload = enough.payload.model_copy(update={"photo_exception": "abc"})
    [result] = device.send(enough)
    assert result["outcome"] == "accepted", result["reasons"]
