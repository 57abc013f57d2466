"""Visit outcomes in a batch (protocol 1.2) on SQLite and PostgreSQL: stored once per UUID, a resend
changes nothing, other content under a held UUID is a conflict, and bad outcomes are a 422 storing nothing."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
import sqlalchemy as sa

from sync import protocol
from sync.protocol_caps import Capabilities
from sync.protocol_problems import Problems
from sync.server import admin, tables



@pytest.fixture(params=["sqlite", "postgresql"])
def client(request, tmp_path):
    from fastapi.testclient import TestClient

    from sync.server.app import create_app
    from sync.server.settings import Settings

    url = f"sqlite:///{tmp_path / 'srv.db'}" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    app = create_app(Settings(data_dir=tmp_path / "srv", database_url=url, max_batch_items=20))
    code = admin.add_device(app.state.engine, "Tim Kunjungan", "13.72").enrollment_code
    with TestClient(app, headers={protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION}) as c:
        token = c.post(protocol.Paths.REGISTER, json={"enrollment_code": code}).json()["token"]
        c.headers["Authorization"] = f"Bearer {token}"
        yield c
    app.state.engine.dispose()


def _outcome(**changes) -> dict:
    item = {"uuid": str(uuid.uuid4()), "nik": "1372010101900001", "outcome": "tidak_di_rumah",
            "visited_at": "2026-12-02T09:15:00+07:00", "operator": "op-1", "note": ""}
    item.update(changes)
    return item


def _rows(client) -> list[dict]:
    with client.app.state.engine.connect() as conn:
        v = tables.visit_outcomes
        return [dict(r) for r in conn.execute(sa.select(v).order_by(v.c.id)).mappings()]


def _post(client, outcomes, items=()):
    return client.post(protocol.Paths.BATCH, json={"items": list(items), "outcomes": outcomes})


def test_capabilities_offer_visit_outcomes(client):
    caps = Capabilities.model_validate(client.get(protocol.Paths.CAPABILITIES).json())
    assert caps.visit_outcomes is True


def test_outcomes_are_stored_once_and_a_resend_changes_nothing(client):
    revisit = _outcome(outcome="kunjungan_ulang", revisit_date="2026-12-09", note="sakit, minta datang Selasa")
    sent = [_outcome(), revisit]
    first = _post(client, sent)
    assert first.status_code == 200, first.text
    answer = protocol.BatchResponse.model_validate(first.json())
    assert answer.results == [] and [(o.uuid, o.outcome) for o in answer.outcomes] == [
        (sent[0]["uuid"], "accepted"), (revisit["uuid"], "accepted")]
    rows = _rows(client)
    assert [(r["uuid"], r["outcome"], r["revisit_date"]) for r in rows] == [
        (sent[0]["uuid"], "tidak_di_rumah", None), (revisit["uuid"], "kunjungan_ulang", dt.date(2026, 12, 9))]
    assert rows[0]["visited_at"] == dt.datetime(2026, 12, 2, 2, 15)  # kept in UTC
    assert rows[1]["note"] == "sakit, minta datang Selasa" and rows[1]["operator"] == "op-1"
    again = protocol.BatchResponse.model_validate(_post(client, sent).json())
    assert [o.outcome for o in again.outcomes] == ["already_have", "already_have"]
    assert _rows(client) == rows
    changed = protocol.BatchResponse.model_validate(_post(client, [{**sent[0], "outcome": "menolak"}]).json())
    assert [o.outcome for o in changed.outcomes] == ["conflict"]
    assert _rows(client) == rows  # the server's copy stays


def test_recordings_and_outcomes_in_one_batch(client, people):
    from serverkit import make_recording

    rec = make_recording(people.resident("13.72"))
    direkam = _outcome(nik=rec.nik, outcome="direkam", recording_uuid=rec.uuid)
    answer = protocol.BatchResponse.model_validate(_post(client, [direkam], [rec.item]).json())
    assert [r.outcome for r in answer.results] == [protocol.ItemOutcome.ACCEPTED]
    assert [o.outcome for o in answer.outcomes] == ["accepted"]
    assert _rows(client)[0]["recording_uuid"] == rec.uuid


BAD = [
    ({"outcome": "hilang"}, "outcome"),
    ({"outcome": ""}, "outcome"),
    ({"outcome": 3}, "outcome"),
    ({"nik": "13720101019"}, "nik"),
    ({"nik": "１３７２０１０１０１９０００01"}, "nik"),
    ({"uuid": "not-a-uuid"}, "uuid"),
    ({"visited_at": "kemarin"}, "visited_at"),
    ({"outcome": "kunjungan_ulang", "revisit_date": "2026-12-01"}, "outcome.revisit_past"),
    ({"outcome": "kunjungan_ulang"}, "outcome.revisit_required"),
    ({"revisit_date": "2026-12-09"}, "outcome.revisit_not_allowed"),
    ({"outcome": "direkam"}, "outcome.direkam_needs_recording"),
    ({"note": "x" * 501}, "note"),
]


def test_bad_outcomes_are_a_422_and_nothing_is_stored(client):
    for changes, where in BAD:  # one server per backend for all cases (a PostgreSQL cluster is slow to start)
        resp = _post(client, [_outcome(), _outcome(**changes)])
        assert resp.status_code == 422, changes
        body = resp.json()
        assert body["code"] == Problems.BODY_INVALID.code
        errors = body["details"]["errors"]
        assert any(where in (e["type"], *e["loc"]) for e in errors), (changes, errors)
        assert _rows(client) == []


def test_an_empty_batch_and_a_too_large_one_are_refused(client):
    assert client.post(protocol.Paths.BATCH, json={"items": [], "outcomes": []}).status_code == 422
    assert client.post(protocol.Paths.BATCH, json={}).status_code == 422
    resp = _post(client, [_outcome() for _ in range(21)])
    assert resp.status_code == 413 and resp.json()["code"] == Problems.BATCH_TOO_LARGE.code
    assert _rows(client) == []


def test_an_older_client_batch_without_outcomes_still_works(client, people):
    from serverkit import make_recording

    rec = make_recording(people.resident("13.72"))
    resp = client.post(protocol.Paths.BATCH, json={"items": [rec.item]}, headers={protocol.PROTOCOL_HEADER: "1.1"})
    assert resp.status_code == 200 and resp.json()["results"][0]["outcome"] == "accepted"
    assert resp.json()["outcomes"] == []
