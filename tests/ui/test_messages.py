"""Messages by code from the Qt-free layers (camera and source errors, the server's reasons, the sync
client's failures, the store's refusals) are in the one catalogue and shown in English when English is
chosen; words stored without a code pass through."""

from __future__ import annotations

import pytest

import app.capture.camera as camera
import sync.client as client
from app.core.findings import Finding
from app.core.lifecycle import RecordingStatus, TransitionError, check_move
from app.core.messages import CAPTURE, CATALOGUE, SERVER, SYNC, placeholders, render, templates
from app.store.errors import StoreError, WrongPassphrase
from app.ui import i18n
from app.ui.texts import code_text, error_text, finding_text, message_text, server_reasons_text
from sync.protocol_reasons import ReasonCodes
from sync.server.intake import duplicate_reason


def _capture_codes() -> set[str]:
    """The codes app/capture/camera.py raises its errors with (its upper-case str constants with a dot)."""
    return {value for name, value in vars(camera).items()
            if name.isupper() and isinstance(value, str) and value.startswith(("camera.", "source."))}


def _client_messages() -> list[str]:
    return [value for name, value in vars(client).items()
            if name.startswith("MSG_") and isinstance(value, str) and "{" not in value]


def test_every_fixed_message_is_listed_for_the_translator():
    assert _capture_codes() == set(CAPTURE)
    sync_texts = {render(code) for code in SYNC if not placeholders(SYNC[code])}
    missing = [m for m in _client_messages() if m not in sync_texts]
    assert not missing, missing
    assert set(SYNC) <= set(CATALOGUE) and client.MESSAGES is SYNC


def test_capture_errors_carry_their_code_and_the_catalogue_text(tmp_path):
    with pytest.raises(camera.CameraUnavailable) as info:
        camera.open_source(str(tmp_path / "tidak-ada.png")).open()
    assert info.value.code == camera.FILE_MISSING and info.value.params == {}
    assert info.value.message == str(info.value) == "Berkas sumber gambar tidak ditemukan."
    assert camera.CameraLost(camera.CAMERA_DISCONNECTED).message == render("camera.disconnected")


@pytest.fixture
def english(qapp):
    assert i18n.install("en"), "jemput_en.qm did not load"
    yield
    i18n.install("id")


def test_messages_are_translated_when_english_is_chosen(english):
    for code in SYNC:
        params = {name: "7" for name in placeholders(SYNC[code])}
        translated = message_text(code, params)
        assert translated and (translated != render(code, params) or SYNC[code] == "{reasons}"), code
    assert render("sync.unreachable") == client.MSG_OFFLINE
    assert message_text("sync.unreachable").startswith("The server cannot be reached")
    for code in CAPTURE:
        assert message_text(code) and message_text(code) != render(code), code
    assert message_text(camera.CAMERA_DISCONNECTED).startswith("The camera was disconnected.")


def test_unknown_and_empty_texts_pass_through(english):
    server_words = "Server menolak permintaan (HTTP 413). Terlalu banyak rekaman dalam satu kiriman (maksimal 50)."
    assert code_text(None, None, server_words) == server_words
    assert code_text("sync.unclassified", {}, server_words) == server_words  # no wording: the stored words
    assert code_text("sync.refused", {"status": 413}, server_words) == server_words  # params fit no wording
    assert code_text(None) == "" and code_text(None, None, "") == ""
    assert code_text("sync.no_such_code") == "sync.no_such_code"
    assert server_reasons_text([], server_words) == server_words and server_reasons_text([], None) == ""


def test_a_stored_code_decides_over_the_words_stored_with_it(english):
    english_words = "The server does not recognise this device (token refused)."
    assert code_text("sync.token_rejected", {}, client.MSG_AUTH).startswith(english_words)
    assert code_text("sync.token_rejected", {}, "Kata-kata lama yang lain.").startswith(english_words)
    assert code_text("sync.server_unavailable", {"status": 503}, "x") == (
        "The server is unavailable at the moment (HTTP 503).")


def test_errors_told_by_code_read_in_the_windows_language(english):
    with pytest.raises(TransitionError) as info:
        check_move(RecordingStatus.SENT, RecordingStatus.DRAFT)
    assert info.value.code == "recording.move_forbidden"
    assert info.value.params == {"current": "Terkirim", "new": "Draf"}
    assert str(info.value) == "status rekaman tidak dapat berubah dari 'Terkirim' ke 'Draf'"
    assert error_text(info.value) == "the recording's status cannot change from 'Sent' to 'Draft'"
    assert error_text(WrongPassphrase()) == "Wrong password. Check it and try again."
    assert error_text(StoreError("Kata-kata tanpa kode.", kind="invalid")) == "Kata-kata tanpa kode."
    assert error_text(client.SyncError("offline", "sync.unreachable")).startswith("The server cannot be reached")
    with pytest.raises(ValueError) as bad_url:
        client.normalize_server_url("ftp://x")
    assert error_text(bad_url.value).startswith("The server address must start with https://")
    unexpected = error_text(RuntimeError("NIK 3171011205900001"))  # an unexpected error's own text never shows
    assert unexpected == "An unexpected error occurred (RuntimeError). Data already saved is safe."
    assert error_text(PermissionError("/home/x")) == "The file cannot be opened."
    short = StoreError(kind="invalid", code="passphrase.new_too_short", params={"min": 8})
    assert short.message == "Kata sandi baru minimal 8 karakter." and short.kind == "invalid"
    assert error_text(short) == "The new password must have at least 8 characters."


def test_indonesian_is_the_source(qapp):
    i18n.install("id")
    assert message_text("sync.unreachable") == client.MSG_OFFLINE
    assert code_text("sync.revoked", {}, "ignored") == client.MSG_REVOKED
    for code in SYNC:
        params = {name: "7" for name in placeholders(SYNC[code])}
        assert message_text(code, params) == render(code, params), code
    for code in CAPTURE:
        assert message_text(code) == render(code)


def test_the_servers_fixed_reasons_are_listed_and_translated(english):
    codes = {v for k, v in vars(ReasonCodes).items() if k.isupper()}
    assert len(codes) >= 8  # photo, signature, duplicate NIK, hash, conflict, four replacement rules
    assert codes == set(SERVER)
    for code in codes:
        for template in templates(code):
            params = {name: "7" for name in placeholders(template)}
            if template != "{detail}":  # the reader's own words, passed through
                assert message_text(code, params) != render(code, params), code


def test_a_server_reason_travels_as_code_and_reads_in_english(english):
    reason = duplicate_reason()
    assert reason.code == ReasonCodes.DUPLICATE_NIK and reason.params == {}
    assert reason.message == render(ReasonCodes.DUPLICATE_NIK)  # the text for older clients
    shown = finding_text(Finding.from_dict(reason.model_dump()))
    assert shown.startswith("This NIK was also recorded in another recording")
    assert server_reasons_text([Finding.from_dict(reason.model_dump())], reason.message) == shown
