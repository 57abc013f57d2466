"""Visit outcomes over real HTTP: set on the laptop, synced to a real server on 127.0.0.1 exactly once
(a repeat sync sends nothing and changes nothing), visible there; ``direkam`` arrives linked to its
recording; an outcome the server refuses is set aside, not retried forever."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from app.core.outcomes import Outcome
from app.store.targets import TargetRepo
from app.store.visits import ACKED, VisitOutcomes
from sync.server import tables
from sync_support import record


def _targets(session, people, n: int):
    residents = [people.resident() for _ in range(n)]
    TargetRepo(session.store).upsert_many([
        {"nik": r.nik, "nama": r.nama, "tanggal_lahir": r.tanggal_lahir, "kelurahan_kode": r.kelurahan_kode,
         "rt": r.rt, "rw": r.rw} for r in residents])
    return residents


def _server_rows(server) -> list[dict]:
    with server.engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.select(tables.visit_outcomes).order_by(tables.visit_outcomes.c.id))
                .mappings()]


def test_outcomes_reach_the_server_exactly_once(session, people, server, registered):
    pump = registered(server)
    residents = _targets(session, people, 4)
    visits = VisitOutcomes(session.store)
    today = dt.date.today()
    set_here = [
        visits.record(residents[0].nik, Outcome.TIDAK_DI_RUMAH, today=today, operator="Operator Uji"),
        visits.record(residents[1].nik, Outcome.KUNJUNGAN_ULANG, today=today, operator="Operator Uji",
                      revisit_date=today + dt.timedelta(days=3), note="sakit demam"),
        visits.record(residents[2].nik, Outcome.MENINGGAL, today=today, operator="Operator Uji"),
    ]
    rec = record(session.store, people, resident=residents[3])  # completes: direkam, linked
    assert pump.has_work()

    report = pump.run_once()
    assert report.ok, report.error
    assert report.outcomes_synced == 4 and report.outcomes_refused == 0
    assert visits.pending() == [] and not pump.has_work()
    assert all(o.sync_state == ACKED for r in residents for o in visits.history(r.nik))

    rows = _server_rows(server)
    assert [(r["uuid"], r["nik"], r["outcome"]) for r in rows[:3]] == [
        (o.uuid, o.nik, o.outcome.value) for o in set_here]
    assert rows[1]["revisit_date"] == today + dt.timedelta(days=3) and rows[1]["note"] == "sakit demam"
    assert rows[3]["outcome"] == "direkam" and rows[3]["recording_uuid"] == rec.uuid
    assert rows[3]["nik"] == residents[3].nik
    status = server.status()
    assert status["hasil_kunjungan"] == 4 and status["kunjungan_kunjungan_ulang"] == 1
    batches = server.access_lines('"POST /recordings/batch')

    again = pump.run_once()
    assert again.ok and again.outcomes_synced == 0 and again.sent == 0
    assert server.access_lines('"POST /recordings/batch') == batches
    assert _server_rows(server) == rows

    # A later outcome is a new row; the earlier ones stay as they were.
    visits.record(residents[0].nik, Outcome.MENOLAK, today=today, operator="Operator Uji")
    assert pump.run_once().outcomes_synced == 1
    assert len(_server_rows(server)) == 5 and _server_rows(server)[:4] == rows


def test_a_resend_after_a_lost_answer_is_harmless_and_a_refused_outcome_is_set_aside(
        session, people, server, registered):
    pump = registered(server)
    residents = _targets(session, people, 2)
    visits = VisitOutcomes(session.store)
    today = dt.date.today()
    first = visits.record(residents[0].nik, Outcome.PINDAH, today=today)
    assert pump.run_once().outcomes_synced == 1
    # As if the answer had been lost: the laptop still thinks it is pending and sends it again.
    with session.store.transaction() as tx:
        tx.conn.execute("UPDATE visit_outcomes SET sync_state = 'pending' WHERE uuid = ?", (first.uuid,))
    report = pump.run_once()
    assert report.outcomes_synced == 1 and len(_server_rows(server)) == 1
    # An outcome the server's rules refuse (a revisit date before the visit, written behind the store's back).
    bad = visits.record(residents[1].nik, Outcome.KUNJUNGAN_ULANG, today=today, revisit_date=today)
    good = visits.record(residents[0].nik, Outcome.MENOLAK, today=today)
    with session.store.transaction() as tx:
        tx.conn.execute("UPDATE visit_outcomes SET revisit_date = '2000-01-01' WHERE uuid = ?", (bad.uuid,))
    report = pump.run_once()
    assert report.ok, report.error
    assert (report.outcomes_synced, report.outcomes_refused) == (1, 1)
    assert {o.uuid: o.sync_state for o in visits.history(residents[1].nik)} == {bad.uuid: "refused"}
    assert [r["uuid"] for r in _server_rows(server)] == [first.uuid, good.uuid]
    assert pump.run_once().outcomes_refused == 0  # not sent again


def test_a_server_without_visit_outcomes_gets_none_and_they_wait(session, people, server, registered):
    """A 1.1 server (no ``visit_outcomes`` in its capabilities): nothing is sent, the outcomes stay
    pending, and they do not keep an automatic sync going."""
    from sync.client import Keys

    pump = registered(server)
    [resident] = _targets(session, people, 1)
    visits = VisitOutcomes(session.store)
    visits.record(resident.nik, Outcome.MENOLAK, today=dt.date.today())
    pump._configure()
    caps = pump._capabilities().model_copy(update={"visit_outcomes": False})
    pump._caps = caps
    pump.settings.set(Keys.CAPABILITIES, {"caps": caps.model_dump(mode="json"),
                                              "at": 9e12, "url": pump.http.base})
    report = pump.run_once(force=True)
    assert report.ok and report.outcomes_synced == 0
    assert len(visits.pending()) == 1 and _server_rows(server) == []
    assert not pump.has_work()
