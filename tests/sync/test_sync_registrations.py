"""No-NIK registrations over real HTTP: a family recorded on the laptop reaches a real server on
127.0.0.1 as a registration request (not a recording), exactly once; the office issues the KK and
NIKs with ``jemput-server registrations issue``; they come back in the status feed and the laptop
shows them. Hostile registrations and numbers are refused with the reason."""

from __future__ import annotations

import datetime as dt
import json

import requests
import sqlalchemy as sa

from app.core import registration as core_registration
from app.core.registration import Issued, Registration
from app.store.registrations import ACKED, REFUSED, Registrations
from support.server import server_cli
from sync import protocol, protocol_registration
from sync.client.config import Keys
from sync.client.registrations import registration_item, send_registrations
from sync.client.run import SyncReport
from sync.protocol_feeds import StatusFeed
from sync.protocol_registration import REGISTRATIONS_PATH
from sync.server import tables
from sync_support import AREA, record

TODAY = dt.date.today()


def _server_rows(server) -> list[dict]:
    with server.engine.connect() as conn:
        g = tables.registrations
        return [dict(r) for r in conn.execute(sa.select(g).order_by(g.c.id)).mappings()]


def test_a_family_goes_to_the_server_and_its_issued_numbers_come_back(session, people, server, registered):
    pump = registered(server)
    regs = Registrations(session.store)
    family = people.family_data(AREA, TODAY, children=2)
    held = regs.create(Registration.from_dict(family), today=TODAY, operator="Operator Uji")
    record(session.store, people)  # an ordinary recording in the same run
    assert pump.has_work()

    report = pump.run_once()
    assert report.ok, report.error
    assert report.registrations_synced == 1 and report.acked == 1
    assert regs.get(held.uuid).sync_state == ACKED and regs.get(held.uuid).status == "waiting"
    rows = _server_rows(server)
    assert [(r["uuid"], r["member_count"], r["no_kk"]) for r in rows] == [(held.uuid, 4, None)]
    with server.engine.connect() as conn:  # a registration request, not a recording of a known NIK
        assert conn.execute(sa.select(sa.func.count()).select_from(tables.recordings)).scalar_one() == 1

    again = pump.run_once()  # nothing more to send, nothing changes
    assert again.ok and again.registrations_synced == 0 and _server_rows(server) == rows
    assert server.access_lines(f'"POST {REGISTRATIONS_PATH}') == 1

    listed = server_cli("registrations", "list", *server.cli_args, "--json")
    [entry] = json.loads(listed.stdout)
    assert entry["uuid"] == held.uuid and entry["no_kk"] is None
    assert [m["nama"] for m in entry["family"]["members"]] == [m.nama for m in held.registration.members]

    kk, niks = people.issued_for(family)
    spaced_kk = f"{kk[:4]} {kk[4:8]} {kk[8:12]} {kk[12:]}"
    issued = server_cli("registrations", "issue", held.uuid.upper(), *server.cli_args, "--kk", spaced_kk,
                        *sum((["--nik", n] for n in niks), []), "--by", "Petugas Kantor")
    assert "tersimpan" in issued.stdout
    assert json.loads(server_cli("registrations", "list", *server.cli_args, "--json").stdout) == []

    report = pump.run_once()
    assert report.ok and report.registrations_issued == 1
    done = regs.get(held.uuid)
    assert done.status == "issued" and done.issued == Issued(kk, tuple(niks))
    assert done.registration.member_resident(2, nik=niks[2], no_kk=kk).nik == niks[2]
    assert pump.run_once().registrations_issued == 0  # the cursor moved on

    # Issued once: a second issue, and a NIK already given to someone, are refused with the reason.
    twice = server_cli("registrations", "issue", held.uuid, *server.cli_args, "--kk", kk,
                       *sum((["--nik", n] for n in niks), []), check=False)
    assert twice.returncode == 1 and "sudah diterbitkan" in twice.stderr
    other = regs.create(Registration.from_dict(family), today=TODAY)  # the same family registered twice
    assert pump.run_once().registrations_synced == 1
    kk2, _ = people.issued_for(family)
    reused = server_cli("registrations", "issue", other.uuid, *server.cli_args, "--kk", kk2,
                        *sum((["--nik", n] for n in niks), []), check=False)
    assert reused.returncode == 1 and "NIK anggota ke-1 sudah dipakai" in reused.stderr
    taken_kk = server_cli("registrations", "issue", other.uuid, *server.cli_args, "--kk", kk, check=False)
    assert taken_kk.returncode == 1 and "Isi satu NIK untuk setiap anggota" in taken_kk.stderr
    wrong = server_cli("registrations", "issue", other.uuid, *server.cli_args, "--kk", "12345",
                       *sum((["--nik", n] for n in reversed(niks)), []), check=False)
    assert wrong.returncode == 1 and "Nomor KK harus tepat 16 angka" in wrong.stderr
    assert "anggota ke-1: Tanggal lahir dalam NIK" in wrong.stderr
    assert niks[0] not in reused.stderr and niks[0] not in server.log.read_text()


def test_hostile_registrations_are_refused_with_reasons_and_nothing_is_stored(session, people, server, registered):
    pump = registered(server)
    token = pump.settings.get(Keys.TOKEN)
    headers = {protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION, "Authorization": f"Bearer {token}"}
    regs = Registrations(session.store)
    good = regs.create(Registration.from_dict(people.family_data(AREA, TODAY)), today=TODAY)
    item = registration_item(good)

    def post(body) -> requests.Response:
        return requests.post(server.url + REGISTRATIONS_PATH, json=body, headers=headers, timeout=30)

    no_head = json.loads(json.dumps(item))
    no_head["family"]["members"][0]["hubungan_keluarga"] = 4
    answer = post({"items": [no_head]})
    assert answer.status_code == 422
    assert answer.json()["details"]["errors"][0]["type"] == "registration.head_missing"
    future = json.loads(json.dumps(item))
    future["family"]["members"][2]["tanggal_lahir"] = (TODAY + dt.timedelta(days=3)).isoformat()
    errors = post({"items": [item, future]}).json()["details"]["errors"]
    assert errors[0]["type"] == "tanggal_lahir.future" and errors[0]["loc"][:3] == ["body", "items", "1"]
    for hostile in ({"items": []}, {"items": [{**item, "uuid": "bukan-uuid"}]},
                    {"items": [{**item, "family": {**item["family"], "members": []}}]},
                    {"items": [{**item, "family": {**item["family"], "members": [item["family"]["members"][0]] * 21}}]},
                    {"items": [{**item, "recorded_on": 20261202}]}, {"items": "semua"}):
        assert post(hostile).status_code == 422, hostile
    assert _server_rows(server) == []

    # The laptop's own copy goes through; the same UUID with other content is a conflict, set aside.
    assert pump.run_once().registrations_synced == 1
    changed = json.loads(json.dumps(item))
    changed["family"]["alamat"] = "JALAN LAIN 5"
    assert post({"items": [changed]}).json()["results"] == [{"uuid": good.uuid, "outcome": "conflict"}]
    assert post({"items": [item]}).json()["results"] == [{"uuid": good.uuid, "outcome": "already_have"}]
    assert len(_server_rows(server)) == 1

    # A registration the server refuses for good is marked refused on the laptop, not resent forever.
    bad = regs.create(Registration.from_dict(people.family_data(AREA, TODAY)), today=TODAY)
    with session.store.transaction() as tx:
        data = json.loads(tx.conn.execute("SELECT data FROM registrations WHERE uuid = ?", (bad.uuid,)).fetchone()[0])
        data["members"][0]["tanggal_lahir"] = (TODAY + dt.timedelta(days=30)).isoformat()
        tx.conn.execute("UPDATE registrations SET data = ? WHERE uuid = ?", (json.dumps(data), bad.uuid))
    report = pump.run_once()
    assert report.registrations_refused == 1 and regs.get(bad.uuid).sync_state == REFUSED
    assert not pump.has_work()


def test_both_ends_agree_on_the_family_size():
    assert protocol_registration.MAX_MEMBERS == core_registration.MAX_MEMBERS


def test_an_older_server_never_sees_a_registration_and_an_older_laptop_reads_the_feed(
        session, people, server, registered):
    pump = registered(server)
    assert pump.run_once().ok  # nothing to send yet: the server's capabilities are read and kept
    regs = Registrations(session.store)
    held = regs.create(Registration.from_dict(people.family_data(AREA, TODAY)), today=TODAY)
    older = pump._capabilities().model_copy(update={"registrations": False})  # as a server without them says
    report = SyncReport()
    send_registrations(pump, report, older)
    assert report.registrations_synced == 0 and regs.get(held.uuid).sync_state == "pending"
    assert server.access_lines(f'"POST {REGISTRATIONS_PATH}') == 0

    assert pump.run_once().registrations_synced == 1
    kk, niks = people.issued_for(regs.get(held.uuid).registration.to_dict())
    server_cli("registrations", "issue", held.uuid, *server.cli_args, "--kk", kk, *sum((["--nik", n] for n in niks), []))
    headers = {protocol.PROTOCOL_HEADER: "1.2", "Authorization": f"Bearer {pump.settings.get(Keys.TOKEN)}"}
    body = requests.get(server.url + "/status", params={"since": 0}, headers=headers, timeout=30).json()
    assert [r["uuid"] for r in body["registrations"]] == [held.uuid]
    older_feed = StatusFeed.model_validate(body)  # a 1.2 laptop's model: the extra list is ignored
    assert older_feed.next_cursor == body["registrations"][0]["seq"] and older_feed.items == []
