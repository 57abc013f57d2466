"""The server's reasons keep their structure on the way to the laptop: `Reason`
carries the finding's params (protocol 1.1, optional), the laptop stores the
reasons beside the Indonesian message (batch answer and status feed), and the
window shows them in its own language (English here) through `finding_text`."""

from __future__ import annotations

import dataclasses
import json

import pytest
from PySide6.QtCore import Qt

from app.core.findings import Finding, Severity
from app.core.lifecycle import RecordingStatus
from app.ui import i18n
from app.ui.texts import finding_text
from app.ui.pages.sync_page import SyncPage
from app.ui.recordings_model import RecordingsModel
from app.ui.sync_worker import SyncWorker
from sync.client import sync_overview
from sync.protocol import Reason
from sync.protocol_feeds import StatusEntry
from sync.protocol_reasons import ReasonCodes
from sync_support import make_pump, record

pytestmark = pytest.mark.gui


@pytest.fixture
def english(qapp):
    assert i18n.install("en"), "jemput_en.qm did not load"
    yield
    i18n.install("id")


# ------------------------------------------------------------------ the wire


def test_reason_round_trip_with_and_without_params():
    finding = Finding("nik.length", "nik", Severity.ERROR, "NIK harus tepat 16 angka (sekarang 15).", {"length": 15})
    reason = Reason.of(finding)
    assert reason.params == {"length": "15"}
    again = Reason.model_validate_json(reason.model_dump_json())
    assert again == reason and Finding.from_dict(again.model_dump()) == finding

    bare = Reason.of(Finding("kk.required", "no_kk", Severity.ERROR, "Nomor KK wajib diisi."))
    assert bare.params == {}
    assert Reason.model_validate_json(bare.model_dump_json()) == bare
    # An older peer's reason (no params) reads as before; a newer peer's extra field is ignored.
    old = {"code": "kk.required", "field": "no_kk", "severity": "error", "message": "Nomor KK wajib diisi."}
    assert Reason.model_validate(old).params == {}
    assert Reason.model_validate({**old, "hint": "x", "params": {"a": "b"}}).params == {"a": "b"}
    entry = StatusEntry.model_validate({"uuid": "u", "status": "rejected", "received_complete": False,
                                        "seq": 1, "reasons": [old]})
    assert entry.reasons[0].params == {}


@pytest.mark.parametrize("params", [
    {str(i): "x" for i in range(11)},
    {"k" * 41: "x"},
    {"k": "x" * 201},
    {"k": 3},
])
def test_reason_params_are_bounded(params):
    with pytest.raises(ValueError):
        Reason.model_validate({"code": "c", "field": "f", "severity": "error", "message": "m", "params": params})
    # Built from a finding, params beyond the limits are left out and the message stays.
    if all(isinstance(v, str) for v in params.values()):
        reason = Reason.of(Finding("c", "f", Severity.ERROR, "m", params))
        assert reason.params == {} and reason.message == "m"


# ------------------------------------------------------------------ a real server


def test_rejected_reasons_are_stored_and_shown_in_english(qtbot, session, people, module_server, registered,
                                                          english):
    pump = registered(module_server)
    resident = dataclasses.replace(people.resident(), nama="BUDI 7 SANTOSO")
    rec = record(session.store, people, resident=resident)
    report = pump.run_once()
    assert report.acked == 1 and report.rejected == 1
    got = session.get_recording(rec.uuid)
    assert got.status is RecordingStatus.REJECTED
    [reason] = [r for r in got.server_reasons if r.code == "name.invalid_chars"]
    assert reason.field == "nama" and reason.params["label"] == "Nama" and "7" in reason.params["chars"]
    assert reason.message in got.server_message  # the Indonesian line is kept as before
    stored = session.store.query("SELECT server_reasons FROM recordings WHERE uuid = ?", (rec.uuid,))[0][0]
    assert any(r["code"] == "name.invalid_chars" for r in json.loads(stored))

    [problem] = sync_overview(session.store).problems
    assert problem.reasons == got.server_reasons
    english_text = finding_text(reason)
    assert english_text.startswith("Name contains characters that are not allowed")

    page = SyncPage(session, worker=SyncWorker(session, pump=make_pump(session.store)))
    qtbot.addWidget(page)
    page.refresh()
    shown = page.model.index(0, 3)
    assert english_text in page.model.data(shown)
    assert "tidak boleh dipakai" not in page.model.data(shown)
    assert english_text in page.model.data(shown, Qt.ItemDataRole.ToolTipRole)

    # The recordings list's server column says the same.
    model = RecordingsModel(session)
    model.reload()
    [row] = [i for i in range(model.rowCount()) if model.uuid_at(i) == rec.uuid]
    assert english_text in model.data(model.index(row, model.COLUMNS.index("server")))


def test_status_feed_reasons_are_stored(new_session, people, module_server, registered):
    a, b = new_session("a"), new_session("b")
    pump_a, pump_b = registered(module_server, a), registered(module_server, b)
    resident = people.resident()
    rec_a = record(a.store, people, resident=resident)
    assert pump_a.run_once().acked == 1
    assert a.get_recording(rec_a.uuid).server_reasons == ()  # accepted: nothing to say
    record(b.store, people, resident=resident)
    assert pump_b.run_once().duplicates == 1
    assert pump_a.run_once().statuses_updated == 1  # the flag arrives through the status feed
    got = a.get_recording(rec_a.uuid)
    assert got.status is RecordingStatus.DUPLICATE_REVIEW
    assert [r.code for r in got.server_reasons] == [ReasonCodes.DUPLICATE_NIK]
    assert got.server_reasons[0].message in got.server_message
