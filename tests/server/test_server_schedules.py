"""The office's planning on the dashboard (in-process app, real SQLite, real login): 1,000 targets over 5 RTs and
2 equipment sets planned and invited through the page's forms within capacity, each once; the random order is the
laptop's own (`app.core.schedules.order_by_seed`); a missed slot re-invites; a form without the session's CSRF token
changes nothing; the page shows counts, never a name or NIK."""

from __future__ import annotations

import csv
import datetime as dt
import re

import sqlalchemy as sa

from app.core.schedules import RtKey, order_by_seed
from sync.server import admin, clock, tables
from sync.server import schedules as plans
from sync.server.schedule_page import SCHEDULE_PATH

from adminkit import PASSWORD, make_admin

HEADER = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode"]
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def _targets(app, people, tmp_path, per_rt: int, rts: int = 5) -> tuple[str, list[dict]]:
    first = people.resident("13.72")
    kel = first["kelurahan_kode"]
    rows = [dict(people.resident("13.72"), kelurahan_kode=kel, rw="002", rt=f"{i % rts + 1:03d}")
            for i in range(per_rt * rts)]
    path = tmp_path / "targets.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([HEADER] + [[r[k] for k in HEADER] for r in rows])
    report = admin.import_targets(app.state.engine, path)
    assert report.inserted == per_rt * rts, report.problems[:3]
    return kel, rows


def _login(client, app) -> str:
    name = make_admin(app.state.engine)
    token = _CSRF.search(client.get("/login").text).group(1)
    r = client.post("/login", data={"csrf_token": token, "nama": name, "sandi": PASSWORD}, follow_redirects=False)
    assert r.status_code == 303
    return _CSRF.search(client.get(SCHEDULE_PATH).text).group(1)


def test_thousand_targets_five_rts_planned_and_invited_on_the_dashboard(app, client, people, tmp_path):
    kel, rows = _targets(app, people, tmp_path, 200)
    csrf = _login(client, app)
    page = client.get(SCHEDULE_PATH).text
    assert page.count(f"{SCHEDULE_PATH}?rt=") == 5 and "Jadwal dan undangan per RT" in page
    today = dt.date.today()
    for n in range(1, 6):
        rt = f"{kel}/002/{n:03d}"
        r = client.post(SCHEDULE_PATH, data={"csrf_token": csrf, "aksi": "rencana", "rt": rt, "tempat": "Balai RW 02",
                                             "tanggal": today.isoformat(), "mulai": "08:00", "selesai": "12:00",
                                             "set": "2", "menit": "10"})
        assert r.status_code == 200 and "5 jadwal baru (48 warga per jadwal)" in r.text, r.text[-400:]
        r = client.post(SCHEDULE_PATH, data={"csrf_token": csrf, "aksi": "undang", "rt": rt, "urutan": "acak",
                                             "kode": "2026"})
        assert r.status_code == 200 and "200 warga diundang." in r.text
        assert '<table id="tabel-jadwal">' in r.text
    engine = app.state.engine
    with engine.connect() as conn:
        per_nik = dict(conn.execute(sa.select(tables.schedule_invitations.c.nik, sa.func.count())
                                    .group_by(tables.schedule_invitations.c.nik)).all())
    assert len(per_nik) == 1000 and set(per_nik.values()) == {1}
    for figures in plans.rt_figures(engine):
        assert (figures.targets, figures.slots, figures.invited) == (200, 5, 200)
        for slot in plans.slots(engine, figures.rt):
            assert slot.invited <= slot.capacity == 48
    # The server seats in the laptop's seeded order: the first slot holds the first 48 of order_by_seed.
    rt = RtKey(kel, "002", "001")
    first = plans.slots(engine, rt)[0]
    with engine.connect() as conn:
        seated = set(conn.execute(sa.select(tables.schedule_invitations.c.nik)
                                  .where(tables.schedule_invitations.c.slot_id == first.id)).scalars())
    niks = [r["nik"] for r in rows if r["rt"] == "001"]
    assert seated == set(order_by_seed(niks, 2026)[:48])
    page = client.get(SCHEDULE_PATH, params={"rt": f"{kel}/002/001"}).text
    assert not any(r["nik"] in page or r["nama"] in page for r in rows)


def test_missed_slot_reinvites_and_forms_without_csrf_change_nothing(app, client, people, tmp_path):
    kel, rows = _targets(app, people, tmp_path, 12, rts=1)
    engine, rt = app.state.engine, RtKey(kel, "002", "001")
    from app.core.schedules import check_window

    monday = dt.date.today() + dt.timedelta(days=7 - dt.date.today().weekday())  # next Monday
    window = check_window("Pos RT 01", dt.time(8), dt.time(9), 1, 10)  # 6 a slot
    assert len(plans.plan(engine, rt, monday, window, today=monday, admin="uji")) == 2
    assert len(plans.assign_rt(engine, rt, "urut", today=monday).invitations) == 12
    plans.plan(engine, rt, monday + dt.timedelta(days=3), window, today=monday, admin="uji")  # nothing left to seat
    assert len(plans.slots(engine, rt)) == 2
    with engine.begin() as conn:  # one more slot later in the week, for who misses Monday
        conn.execute(sa.insert(tables.schedule_slots).values(
            id="00000000-0000-4000-8000-000000000016", kelurahan_kode=kel, rw="002", rt="001", place="Pos RT 01",
            day=monday + dt.timedelta(days=4), start_time="08:00", end_time="09:00", equipment_sets=1,
            minutes_per_recording=10, capacity=6, created_at=clock.utcnow(), created_by="uji"))
    tuesday = monday + dt.timedelta(days=1)
    again = plans.reinvite_missed(engine, rt, today=tuesday)
    assert len(again.invitations) == 6 and again.without_slot == ()
    assert {slot for _, slot in again.invitations} == {"00000000-0000-4000-8000-000000000016"}
    assert plans.reinvite_missed(engine, rt, today=tuesday).invitations == ()  # never the same offer twice

    _login(client, app)
    before = plans.rt_figures(engine)
    r = client.post(SCHEDULE_PATH, data={"csrf_token": "salah", "aksi": "terjauh", "rt": f"{kel}/002/001",
                                         "terjauh": "1"})
    assert r.status_code == 403 and plans.rt_figures(engine) == before
    csrf = _CSRF.search(client.get(SCHEDULE_PATH).text).group(1)
    r = client.post(SCHEDULE_PATH, data={"csrf_token": csrf, "aksi": "rencana", "rt": f"{kel}/002/001",
                                         "tempat": "", "tanggal": monday.isoformat(), "mulai": "08:00",
                                         "selesai": "09:00", "set": "1", "menit": "10"})
    assert r.status_code == 422 and "Tempat perekaman wajib diisi." in r.text
    r = client.post(SCHEDULE_PATH, data={"csrf_token": csrf, "aksi": "undang", "rt": "bukan-rt"})
    assert r.status_code == 422 and "Pilih RT yang dijadwalkan." in r.text
    r = client.post(SCHEDULE_PATH, data={"csrf_token": csrf, "aksi": "terjauh", "rt": f"{kel}/002/001",
                                         "terjauh": "1"})
    assert r.status_code == 200 and "RT ditandai terjauh" in r.text
    assert [f.farthest for f in plans.rt_figures(engine)] == [True]
    client.cookies.clear()  # logged out: the page and its forms send the browser to the login
    for answer in (client.get(SCHEDULE_PATH, follow_redirects=False),
                   client.post(SCHEDULE_PATH, data={"csrf_token": csrf, "aksi": "terjauh", "rt": f"{kel}/002/001",
                                                    "terjauh": "0"}, follow_redirects=False)):
        assert answer.status_code == 303 and answer.headers["location"] == "/login"
    assert [f.farthest for f in plans.rt_figures(engine)] == [True]
