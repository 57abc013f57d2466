"""State from codes, never from sentences: the conflict resend is decided by the stored code,
and every sync failure and parked state the client raises has a code with a text in the catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sync.client
from app.core.lifecycle import OutboxState, RecordingStatus
from app.store.outbox import CONFLICT_CODE, Outbox
from app.core.messages import CATALOGUE, SYNC, render
from app.store.queue_view import sync_overview
from sync.client import MSG_CONFLICT, MESSAGES, SyncError, error_text
from sync.client.errors import enrollment_limited, server_trouble
from sync_support import record


def test_conflict_resend_follows_the_code_even_in_other_words(session, people):
    translated = record(session.store, people)
    worded = record(session.store, people)
    box = Outbox(session.store)
    # Stored in another language (or an older wording): still a conflict, by its code.
    box.park(translated.uuid, "The server already holds another version of this recording.", CONFLICT_CODE)
    # The conflict's very words with another code: not a conflict.
    box.park(worded.uuid, MSG_CONFLICT, "sync.item_refused", {"status": 422, "words": ""})
    problems = {p.uuid: p for p in sync_overview(session.store).problems}
    assert problems[translated.uuid].conflict and not problems[worded.uuid].conflict

    with pytest.raises(ValueError, match="konflik"):
        session.resend_conflict_as_new_version(worded.uuid)
    assert session.recordings.newer_version(worded.uuid) is None
    new = session.resend_conflict_as_new_version(translated.uuid)
    assert new.replaces_uuid == translated.uuid and new.status is RecordingStatus.QUEUED
    assert box.get(translated.uuid).state is OutboxState.ACKED
    assert session.get_recording(translated.uuid).status is RecordingStatus.SENT
    assert box.get(worded.uuid).state is OutboxState.PARKED


def test_every_code_the_client_uses_has_one_text():
    package = Path(sync.client.__file__).parent
    used = set()
    for path in package.glob("*.py"):
        used |= set(re.findall(r'"(sync\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    used -= {"sync.client"}
    assert used and used <= set(SYNC) <= set(CATALOGUE), used - set(SYNC)
    assert MESSAGES is SYNC  # the client's texts are the catalogue's, written once
    assert CONFLICT_CODE in SYNC and render(CONFLICT_CODE) == MSG_CONFLICT


def test_errors_carry_code_params_and_the_text_made_from_them():
    exc = SyncError("server", *server_trouble(503), status=503)
    assert (exc.code, exc.params, exc.message) == (
        "sync.server_unavailable", {"status": 503}, "Server sedang tidak tersedia (HTTP 503).")
    assert exc.transient and str(exc) == exc.message
    assert server_trouble(429) == ("sync.server_busy", {}) and server_trouble(500)[0] == "sync.server_trouble"
    assert enrollment_limited(121) == ("sync.enroll_limited", {"minutes": 3})
    assert enrollment_limited(None) == ("sync.enroll_limited_later", {})
    assert error_text("sync.refused", {"status": 403, "words": ""}) == "Server menolak permintaan (HTTP 403)."
    assert error_text("sync.no_such_code") == "sync.no_such_code"
    assert error_text("sync.refused", {"status": 403, "words": "Alasan."}) == render(
        "sync.refused", {"status": 403, "words": "Alasan."}) == "Server menolak permintaan (HTTP 403). Alasan."
