"""Messages by code from the Qt-free layers (camera and source errors, the server's reasons) and the sync
client's leftover messages are listed for the translator and shown in English when English is chosen;
other texts pass through."""

from __future__ import annotations

import pytest

import app.capture.camera as camera
import sync.client as client
from app.core.findings import Finding
from app.core.messages import CAPTURE, SERVER, placeholders, render, templates
from app.ui import i18n
from app.ui.texts import SYNC_MESSAGES, finding_text, message_text, server_reasons_text, translate_message
from sync.protocol import ReasonCodes
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
    missing = [m for m in _client_messages() if m not in SYNC_MESSAGES]
    assert not missing, missing
    assert len(set(SYNC_MESSAGES)) == len(SYNC_MESSAGES)


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
    for message in SYNC_MESSAGES:
        translated = translate_message(message)
        assert translated and translated != message, message
    assert translate_message(client.MSG_OFFLINE).startswith("The server cannot be reached")
    for code in CAPTURE:
        assert message_text(code) and message_text(code) != render(code), code
    assert message_text(camera.CAMERA_DISCONNECTED).startswith("The camera was disconnected.")


def test_unknown_and_empty_texts_pass_through(english):
    server_words = "Server menolak permintaan (HTTP 413). Terlalu banyak rekaman dalam satu kiriman (maksimal 50)."
    assert translate_message(server_words) == server_words
    assert translate_message("") == "" and translate_message(None) == ""


def test_indonesian_is_the_source(qapp):
    i18n.install("id")
    assert translate_message(client.MSG_OFFLINE) == client.MSG_OFFLINE
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
