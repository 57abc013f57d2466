"""A complete recording has a photo and a signature, or a reason for each missing one."""

import pytest

from app.core.media_rules import check_media


@pytest.mark.parametrize(
    "has_photo, photo_exc, has_sig, sig_exc, codes",
    [
        (True, None, True, None, set()),
        (False, None, True, None, {"media.photo_required"}),
        (True, None, False, None, {"media.signature_required"}),
        (False, "warga terbaring, alat medis", False, "cap jempol di kantor", set()),
        (False, "  ", True, None, {"media.photo_required"}),
        (False, "ok", False, "", {"media.photo_required", "media.signature_required"}),
    ],
)
def test_media_completeness(has_photo, photo_exc, has_sig, sig_exc, codes):
    found = check_media(has_photo=has_photo, photo_exception=photo_exc,
                        has_signature=has_sig, signature_exception=sig_exc)
    assert {f.code for f in found} == codes
    assert all(f.is_error for f in found)
