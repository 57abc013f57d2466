"""Status and field words shown by the window are translatable and complete."""

from app.core.lifecycle import RecordingStatus
from app.core.validation import REQUIRED_FIELDS
from app.ui import i18n
from app.ui.labels import FIELD_TITLES, field_title, status_label


def test_tables_cover_every_status_and_required_field(qapp):
    for status in RecordingStatus:
        assert status_label(status) == status.label  # Indonesian by default
    assert set(REQUIRED_FIELDS) | {"photo", "signature"} <= set(FIELD_TITLES)


def test_english_is_used_when_switched(qapp):
    try:
        assert i18n.install("en")
        assert status_label(RecordingStatus.REJECTED) == "Rejected"
        assert field_title("pekerjaan") == "Occupation"
    finally:
        i18n.install("id")
    assert status_label("rejected") == "Ditolak"
    assert field_title("unknown_field") == "unknown_field"
