"""One resident, once (app/core/repeat.py): which typed NIK is looked up, the warning a second
recording carries, and the reason read back from acknowledgements (laptop or payload)."""

from __future__ import annotations

import pytest

from app.core.findings import Acknowledgement, Severity, verdict
from app.core.lifecycle import RecordingStatus
from app.core.repeat import REPEAT_CODE, Earlier, created_on, lookup_nik, repeat_finding, repeat_reason

NIK = "1671014509900003"


@pytest.mark.parametrize("typed, looked_up", [
    (NIK, NIK),
    (" 1671 0145 0990 0003 ", NIK),
    ("1671-0145-0990-0003", NIK),
    (NIK[:15], None),
    (NIK + "1", None),
    ("", None),
    (None, None),
    ("abcdefghijklmnop", None),
    ("١٦٧١٠١٤٥٠٩٩٠٠٠٠٣", None),  # Arabic-Indic digits are not a NIK
    ("1671014509900003\x00", None),
    ("9" * 100_000, None),
])
def test_lookup_nik(typed, looked_up):
    assert lookup_nik(typed) == looked_up


def test_no_earlier_recording_no_warning():
    assert repeat_finding([]) is None


def test_the_warning_names_the_latest_and_needs_a_reason():
    earlier = [Earlier("u-1", RecordingStatus.ACCEPTED, "2026-03-04T05:06:07+00:00")]
    found = repeat_finding(earlier)
    assert (found.code, found.field, found.severity) == (REPEAT_CODE, "nik", Severity.WARNING)
    assert found.message.startswith("NIK ini sudah ada di laptop ini: rekaman Diterima tanggal ")
    assert found.params["date"] == created_on("2026-03-04T05:06:07+00:00") != ""
    assert not verdict([found]).can_complete
    assert not verdict([found], [Acknowledgement(REPEAT_CODE, "nik", "  ab  ")]).can_complete
    assert verdict([found], [Acknowledgement(REPEAT_CODE, "nik", "foto pertama rusak")]).can_complete

    more = repeat_finding(earlier + [Earlier("u-2", RecordingStatus.DRAFT, "")] * 2)
    assert "dan 2 rekaman lain" in more.message


@pytest.mark.parametrize("stamp", ["", "kemarin", "2026-13-45", None, "9999-12-31T23:59:59"])
def test_an_unreadable_time_is_shown_as_a_dash(stamp):
    assert created_on(stamp) in ("", "31-12-9999")
    found = repeat_finding([Earlier("u", RecordingStatus.DRAFT, stamp)])
    assert found.params["date"] in ("-", "31-12-9999")


def test_the_reason_is_read_from_acknowledgements_of_any_shape():
    assert repeat_reason([]) is None
    assert repeat_reason([Acknowledgement("nik.birth_date_mismatch", "nik", "KK benar")]) is None
    assert repeat_reason([Acknowledgement(REPEAT_CODE, "nik", "  warga minta rekam ulang ")]) == \
        "warga minta rekam ulang"
    hostile = [{"code": REPEAT_CODE}, {"code": REPEAT_CODE, "reason": 5}, {"code": REPEAT_CODE, "reason": "  "},
               {"reason": "tanpa kode"}, {"code": REPEAT_CODE, "reason": "yang ini"}]
    assert repeat_reason(hostile) == "yang ini"
