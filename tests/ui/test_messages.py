"""Messages from the Qt-free layers (camera, sync client) are listed for the
translator and shown in English when English is chosen; other texts pass through."""

from __future__ import annotations

import pytest

import app.capture.camera as camera
import app.ui.camera_worker as camera_worker
import sync.client as client
from app.ui import i18n
from app.ui.messages import KNOWN, translate_message


def _constants() -> list[str]:
    return [value for module in (camera, client, camera_worker) for name, value in vars(module).items()
            if name.startswith("MSG_") and isinstance(value, str) and "{" not in value]


def test_every_fixed_message_is_listed_for_the_translator():
    missing = [m for m in _constants() if m not in KNOWN]
    assert not missing, missing
    assert len(set(KNOWN)) == len(KNOWN)


@pytest.fixture
def english(qapp):
    assert i18n.install("en"), "jemput_en.qm did not load"
    yield
    i18n.install("id")


def test_messages_are_translated_when_english_is_chosen(english):
    for message in KNOWN:
        translated = translate_message(message)
        assert translated and translated != message, message
    assert translate_message(client.MSG_OFFLINE).startswith("The server cannot be reached")


def test_unknown_and_empty_texts_pass_through(english):
    server_words = "Server menolak permintaan (HTTP 413). Terlalu banyak rekaman dalam satu kiriman (maksimal 50)."
    assert translate_message(server_words) == server_words
    assert translate_message("") == "" and translate_message(None) == ""


def test_indonesian_is_the_source(qapp):
    i18n.install("id")
    assert translate_message(client.MSG_OFFLINE) == client.MSG_OFFLINE


def _server_reason_texts() -> list[str]:
    """The fixed texts the server gives as reasons (`_reason(code, field, "text")` in its intake)."""
    import ast
    from pathlib import Path

    source = Path(__file__).resolve().parents[2] / "sync" / "server" / "intake.py"
    texts = []
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_reason" and len(node.args) >= 3
                and isinstance(node.args[2], ast.Constant) and isinstance(node.args[2].value, str)):
            texts.append(node.args[2].value)
    return texts


def test_the_servers_fixed_reasons_are_listed_and_translated(english):
    texts = _server_reason_texts()
    assert len(texts) >= 8  # photo, signature, duplicate NIK, hash, conflict, four replacement rules
    missing = [t for t in texts if t not in KNOWN]
    assert not missing, missing
    for text in texts:
        assert translate_message(text) != text, text
