"""Trips over real HTTP: a recording and visit outcomes made on the active trip reach a real server on
127.0.0.1 with the trip's id, name and type, stored in their own columns; without a trip nothing changes
(the wire form and hashes are those of before); an older client's batch without the field still goes in."""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa

from app.core.outcomes import Outcome
from app.store.recordings import RecordingRepo
from app.store.targets import TargetRepo
from app.store.trips import Trips
from app.store.visits import VisitOutcomes
from sync.client.outcomes import outcome_item
from sync.client.payload import build_payload
from sync.protocol import RecordingPayload, VisitOutcomeItem
from sync.server import tables
from sync_support import record


def _targets(session, people, n: int):
    residents = [people.resident() for _ in range(n)]
    TargetRepo(session.store).upsert_many([
        {"nik": r.nik, "nama": r.nama, "tanggal_lahir": r.tanggal_lahir, "kelurahan_kode": r.kelurahan_kode,
         "rt": r.rt, "rw": r.rw} for r in residents])
    return residents


def _rows(server, table) -> list[dict]:
    with server.engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.select(table).order_by(table.c.id)).mappings()]


def test_recordings_and_outcomes_carry_the_trip_to_the_server(session, people, server, registered):
    pump = registered(server)
    today = dt.date.today()
    residents = _targets(session, people, 4)
    visits = VisitOutcomes(session.store)
    without = visits.record(residents[0].nik, Outcome.TIDAK_DI_RUMAH, today=today)
    plain = record(session.store, people)

    trips = Trips(session.store)
    trip = trips.create("Perbatasan Sungai Abu", "perbatasan", "Desa Sungai Abu", today,
                        today + dt.timedelta(days=2), ["Ani", "Budi"])
    trips.activate(trip.id, today)
    on_trip = visits.record(residents[1].nik, Outcome.KUNJUNGAN_ULANG, today=today,
                            revisit_date=today + dt.timedelta(days=1))
    rec = record(session.store, people, resident=residents[2])  # a target: direkam, on the trip too

    report = pump.run_once()
    assert report.ok, report.error
    assert report.outcomes_synced == 3

    recordings = {r["uuid"]: r for r in _rows(server, tables.recordings)}
    assert (recordings[plain.uuid]["trip_id"], recordings[plain.uuid]["trip_name"]) == (None, None)
    got = recordings[rec.uuid]
    assert (got["trip_id"], got["trip_name"], got["trip_type"]) == (trip.id, trip.name, "perbatasan")
    assert json.loads(got["payload"])["trip"] == {"id": trip.id, "name": trip.name, "type": "perbatasan"}

    outcomes = {r["uuid"]: r for r in _rows(server, tables.visit_outcomes)}
    assert outcomes[without.uuid]["trip_id"] is None
    assert (outcomes[on_trip.uuid]["trip_id"], outcomes[on_trip.uuid]["trip_type"]) == (trip.id, "perbatasan")
    direkam = next(r for r in outcomes.values() if r["recording_uuid"] == rec.uuid)
    assert direkam["trip_name"] == trip.name

    # Renaming the trip later changes nothing already sent: a resend is still a replay.
    trips.update(trip.id, "Nama Lain", "perbatasan", trip.place, trip.start, trip.end, trip.team)
    assert RecordingRepo(session.store).get(rec.uuid).trip["name"] == trip.name
    again = pump.run_once()
    assert again.ok and again.sent == 0 and again.outcomes_synced == 0


def test_without_a_trip_the_wire_form_is_as_before(session, people):
    rec = record(session.store, people)
    payload = build_payload(rec, [])
    assert "trip" not in payload.model_dump(mode="json")
    _targets(session, people, 1)
    nik = session.store.query("SELECT nik FROM targets")[0][0]
    item = outcome_item(VisitOutcomes(session.store).record(nik, Outcome.MENOLAK, today=dt.date.today()))
    assert "trip" not in item and "trip" not in VisitOutcomeItem.model_validate(item).model_dump(mode="json")
    # An older peer's JSON (no field) and a newer one's (with it) both parse.
    body = payload.model_dump(mode="json")
    assert RecordingPayload.model_validate(body).trip is None
    trip = {"id": "6f1c2b1e-4a8e-4d8e-9a43-1a2b3c4d5e6f", "name": "SMAN 1", "type": "sekolah"}
    assert RecordingPayload.model_validate(body | {"trip": trip}).trip.name == "SMAN 1"
