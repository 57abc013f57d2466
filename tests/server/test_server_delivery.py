"""Card deliveries (sync.protocol_delivery) on SQLite and PostgreSQL: cards and events kept once per key, a resend
changes nothing, other content is a conflict, an event the rules refuse is a 422 storing nothing, the proof is a
media file, and the progress per RT counts each card's latest event."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from app.core.card_delivery import MAX_PROOF_BYTES, Reason, Relation
from sync import protocol
from sync.protocol_caps import Capabilities
from sync.protocol_delivery import (
    DELIVERY_PATH,
    PROOF_MAX_BYTES,
    DeliveryProof,
    DeliveryPushResponse,
    ReasonValue,
    RelationValue,
)
from sync.server import admin, tables
from sync.server.delivery_intake import delivery_progress
from support.delivery_data import signature_png


@pytest.fixture(params=["sqlite", "postgresql"])
def client(request, tmp_path):
    from fastapi.testclient import TestClient

    from sync.server.app import create_app
    from sync.server.settings import Settings

    url = f"sqlite:///{tmp_path / 'srv.db'}" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    app = create_app(Settings(data_dir=tmp_path / "srv", database_url=url))
    code = admin.add_device(app.state.engine, "Tim Antar", "16.71").enrollment_code
    with TestClient(app, headers={protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION}) as c:
        token = c.post(protocol.Paths.REGISTER, json={"enrollment_code": code}).json()["token"]
        c.headers["Authorization"] = f"Bearer {token}"
        yield c
    app.state.engine.dispose()


def _card(rt: str = "001", **changes) -> dict:
    card = {"id": str(uuid.uuid4()), "batch_id": "11111111-2222-4333-8444-555555555555", "batch_name": "Cetak 1",
            "nik": "1671014501900001", "kelurahan_kode": "16.71.01.1001", "rw": "001", "rt": rt}
    return {**card, **changes}


def _handover(card_id: str, **changes) -> dict:
    proof = DeliveryProof.of("tanda_tangan", "image/png", signature_png(card_id)).model_dump(mode="json")
    event = {"uuid": str(uuid.uuid4()), "card_id": card_id, "kind": "diserahkan", "receiver_name": "Siti",
             "relation": "sendiri", "event_date": "2026-12-02", "recorded_at": "2026-12-02T09:00:00+07:00",
             "operator": "op", "proof": proof}
    return {**event, **changes}


def _attempt(card_id: str, reason: str = "pindah", **changes) -> dict:
    return {"uuid": str(uuid.uuid4()), "card_id": card_id, "kind": "tidak_terserahkan", "reason": reason,
            "event_date": "2026-12-02", "recorded_at": "2026-12-02T09:00:00+07:00", **changes}


def _count(client, table) -> int:
    with client.app.state.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar()


def test_the_wire_values_are_the_rules_values():
    assert set(ReasonValue.__args__) == {r.value for r in Reason}
    assert set(RelationValue.__args__) == {r.value for r in Relation}
    assert PROOF_MAX_BYTES == MAX_PROOF_BYTES


def test_cards_and_events_are_kept_once_and_progress_counts_the_latest(client):
    caps = Capabilities.model_validate(client.get(protocol.Paths.CAPABILITIES).json())
    assert caps.card_delivery is True
    cards = [_card("001"), _card("001", nik="1671014501900002"), _card("002", nik="1671014501900003")]
    events = [_attempt(cards[0]["id"], "tidak_di_rumah"), _handover(cards[0]["id"], event_date="2026-12-03",
                                                                   recorded_at="2026-12-03T10:00:00+07:00"),
              _attempt(cards[1]["id"], "meninggal")]
    body = {"cards": cards, "events": events}
    first = client.post(DELIVERY_PATH, json=body)
    assert first.status_code == 200, first.text
    answer = DeliveryPushResponse.model_validate(first.json())
    assert [r.outcome for r in answer.cards + answer.events] == ["accepted"] * 6
    assert client.app.state.media.path(events[1]["proof"]["sha256"]).read_bytes() == signature_png(cards[0]["id"])
    again = DeliveryPushResponse.model_validate(client.post(DELIVERY_PATH, json=body).json())
    assert [r.outcome for r in again.cards + again.events] == ["already_have"] * 6
    assert (_count(client, tables.delivery_cards), _count(client, tables.delivery_events)) == (3, 3)
    changed = client.post(DELIVERY_PATH, json={"events": [{**events[2], "reason": "menolak"}]})
    assert [r["outcome"] for r in changed.json()["events"]] == ["conflict"]
    figures = delivery_progress(client.app.state.engine)
    rt1, rt2 = figures[("16710110" "01", "001")], figures[("1671011001", "002")]
    assert (rt1.cards, rt1.handed, rt1.undelivered, rt1.reasons) == (2, 1, 1, {"meninggal": 1})
    assert (rt2.cards, rt2.handed, rt2.waiting) == (1, 0, 1)


@pytest.mark.parametrize("bad", [
    lambda c: _handover(c, proof=None),
    lambda c: _handover(c, receiver_name=" "),
    lambda c: _handover(c, relation="petugas_sekolah"),
    lambda c: _handover(c, event_date="2026-12-05"),
    lambda c: _attempt(c, "lainnya"),
    lambda c: {**_attempt(c), "reason": None},
])
def test_an_event_the_rules_refuse_is_a_422_and_nothing_is_kept(client, bad):
    card = _card()
    resp = client.post(DELIVERY_PATH, json={"cards": [card], "events": [_attempt(card["id"]), bad(card["id"])]})
    assert resp.status_code == 422, resp.text
    assert resp.json()["details"]["errors"][0]["loc"][:3] == ["body", "events", "1"]
    assert (_count(client, tables.delivery_cards), _count(client, tables.delivery_events)) == (0, 0)


def test_a_forged_or_oversized_proof_or_an_empty_push_is_refused(client):
    card = _card()
    forged = _handover(card["id"])
    forged["proof"]["sha256"] = "0" * 64
    assert client.post(DELIVERY_PATH, json={"events": [forged]}).status_code == 422
    not_image = _handover(card["id"], proof=DeliveryProof.of("foto", "image/jpeg", b"GIF89a" * 10).model_dump())
    assert client.post(DELIVERY_PATH, json={"events": [not_image]}).status_code == 422
    oversized = DeliveryProof.of("foto", "image/jpeg", b"\xff\xd8" + b"0" * MAX_PROOF_BYTES).model_dump()
    assert client.post(DELIVERY_PATH, json={"events": [_handover(card["id"], proof=oversized)]}).status_code == 422
    assert client.post(DELIVERY_PATH, json={"cards": [], "events": []}).status_code == 422
    assert client.post(DELIVERY_PATH, json={"cards": [_card(nik="12345")]}).status_code == 422
    assert _count(client, tables.delivery_events) == 0
