"""The form, the save and the server's intake judge a recording with one check_recording()."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.core.findings import Acknowledgement, verdict
from app.core.regions import RegionIndex
from app.demo import demo_residents
from app.session import SEED_REGIONS, IncompleteRecordingError, MediaSlot
from app.ui.enrollment_form import EnrollmentForm, FormResult
from sync.protocol import MediaKind, RecordingPayload, media_descriptor
from sync.protocol_reasons import ReasonCodes
from sync.server.intake import check_payload

pytestmark = pytest.mark.gui

TODAY = dt.date.today()
PHOTO, SIGNATURE = b"\xff\xd8jpeg-bytes", b"\x89PNG-bytes"
# The server answers a media finding with its own (older) wire code.
_WIRE_TO_CORE = {ReasonCodes.PHOTO_MISSING: "media.photo_required",
                 ReasonCodes.SIGNATURE_MISSING: "media.signature_required"}


def _resident_with_a_warning():
    """A generated resident whose NIK's day differs from the birth date (a warning)."""
    resident = demo_residents(1, seed=5, today=TODAY)[0]
    nik = resident.nik
    day = int(nik[6:8])
    other_day = day + 1 if day % 40 < 28 else day - 1
    return dataclasses.replace(resident, nik=f"{nik[:6]}{other_day:02d}{nik[8:]}")


def _slots(photo_exception: str | None):
    photo = MediaSlot(exception=photo_exception) if photo_exception is not None else \
        MediaSlot(PHOTO, "image/jpeg", {}, True)
    return photo, MediaSlot(SIGNATURE, "image/png", {}, True)


def _form_blocking(qtbot, session, resident, acks, photo, signature) -> set[tuple[str, str]]:
    form = EnrollmentForm(session.regions, session.validation_context)
    qtbot.addWidget(form)
    form.load(resident, acks, photo=photo, signature=signature)
    return {(f.code, f.field) for f in verdict(form.findings(), acks).blocking}


def _save_blocking(session, resident, acks, photo, signature) -> set[tuple[str, str]]:
    try:
        session.save_form(FormResult(resident, list(acks), True, photo, signature), None)
    except IncompleteRecordingError as refused:
        return {(f.code, f.field) for f in refused.check.verdict.blocking}
    return set()


def _server_blocking(resident, acks, photo, signature) -> set[tuple[str, str]]:
    media = [media_descriptor(kind, slot.data, slot.mime)
             for kind, slot in ((MediaKind.PHOTO, photo), (MediaKind.SIGNATURE, signature)) if slot.present]
    payload = RecordingPayload.model_validate({
        "resident": resident.to_dict(), "recording_date": TODAY.isoformat(),
        "acknowledgements": [dataclasses.asdict(a) for a in acks],
        "photo_exception": photo.exception, "signature_exception": signature.exception,
        "media": [m.model_dump(mode="json") for m in media],
    })
    with SEED_REGIONS.open(encoding="utf-8") as fh:
        regions = RegionIndex.from_csv(fh)
    reasons, _ = check_payload(payload, regions, 10**7)
    return {(_WIRE_TO_CORE.get(r.code, r.code), r.field) for r in reasons}


@pytest.mark.parametrize("photo_exception, acknowledged, expected", [
    ("x", False, {("nik.birth_date_mismatch", "nik"), ("media.photo_required", "photo")}),
    ("x", True, {("media.photo_required", "photo")}),
    ("tidak dapat berdiri", False, {("nik.birth_date_mismatch", "nik")}),
    (None, True, set()),
])
def test_three_paths_give_the_same_findings(qtbot, session, photo_exception, acknowledged, expected):
    resident = _resident_with_a_warning()
    acks = [Acknowledgement("nik.birth_date_mismatch", "nik", "tanggal di NIK keliru sejak terbit")] \
        if acknowledged else []
    photo, signature = _slots(photo_exception)
    server = _server_blocking(resident, acks, photo, signature)
    form = _form_blocking(qtbot, session, resident, acks, photo, signature)
    saved = _save_blocking(session, resident, acks, photo, signature)
    assert form == saved == server == expected
