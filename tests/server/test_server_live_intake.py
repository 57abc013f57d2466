"""Batch intake against the real server process: every outcome, replacements,
and bodies that must get a clear 4xx (never a 500)."""

from __future__ import annotations

import datetime as dt
import json

import requests
import sqlalchemy as sa

from sync import protocol
from sync.protocol_reasons import ReasonCodes
from sync.server import tables

from serverkit import make_recording


def _stored(live_server, uuid: str) -> dict:
    with live_server.engine.connect() as conn:
        return dict(conn.execute(sa.select(tables.recordings).where(tables.recordings.c.uuid == uuid)).mappings().one())


def _codes(result: dict) -> set[str]:
    return {r["code"] for r in result["reasons"]}


def test_accepted_lists_expected_media(device, recording):
    rec = recording()
    [result] = device.send(rec)
    assert result["outcome"] == "accepted" and result["status"] == "accepted"
    assert result["reasons"] == [] and result["received_complete"] is False
    expected = {m["sha256"]: m for m in result["media"]}
    assert set(expected) == set(rec.media)
    for sha, data in rec.media.items():
        assert expected[sha]["size"] == len(data) and expected[sha]["offset"] == 0
        assert expected[sha]["complete"] is False
    assert {m["kind"] for m in result["media"]} == {"photo", "signature"}


def test_replay_is_already_have_and_changes_nothing(live_server, device, recording):
    rec = recording()
    [first] = device.send(rec)
    before = _stored(live_server, rec.uuid)
    [again] = device.send(rec)
    assert again["outcome"] == "already_have" and again["original"] == "accepted"
    assert again["status"] == first["status"] and again["media"] == first["media"]
    assert _stored(live_server, rec.uuid) == before


def test_same_uuid_other_payload_is_a_parked_conflict(live_server, device, recording):
    rec = recording()
    device.send(rec)
    before = _stored(live_server, rec.uuid)
    changed = make_recording(dict(rec.payload.resident.model_dump(mode="json"), alamat="JALAN LAIN NO. 9"))
    changed.uuid = rec.uuid
    [result] = device.send(changed)
    assert result["outcome"] == "conflict"
    assert result["status"] == "accepted"  # the server's copy is what it was
    assert ReasonCodes.CONFLICT in _codes(result)
    assert _stored(live_server, rec.uuid) == before
    with live_server.engine.connect() as conn:
        parked = conn.execute(sa.select(tables.conflicts).where(tables.conflicts.c.uuid == rec.uuid)).mappings().all()
    assert len(parked) == 1 and parked[0]["payload_sha256"] == changed.item["payload_sha256"]
    # the same conflicting copy again is not parked twice
    device.send(changed)
    with live_server.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(tables.conflicts)
                            .where(tables.conflicts.c.uuid == rec.uuid)).scalar_one() == 1


def test_same_nik_from_two_devices_flags_both(live_server, recording, people):
    a, b = live_server.device(), live_server.device()
    resident = people.resident()
    first, second = recording(resident=resident), recording(resident=resident)
    [ra] = a.send(first)
    cursor = a.status()["next_cursor"]
    [rb] = b.send(second)
    assert ra["outcome"] == "accepted"
    assert rb["outcome"] == "duplicate_review" and rb["status"] == "duplicate_review"
    assert ReasonCodes.DUPLICATE_NIK in _codes(rb)
    # both kept; the earlier one is flagged too, visible in its device's status feed
    feed = a.status(cursor)
    [entry] = [e for e in feed["items"] if e["uuid"] == first.uuid]
    assert entry["status"] == "duplicate_review"
    assert ReasonCodes.DUPLICATE_NIK in {r["code"] for r in entry["reasons"]}
    assert _stored(live_server, first.uuid)["status"] == "duplicate_review"
    assert _stored(live_server, second.uuid)["payload_sha256"] == second.item["payload_sha256"]


def test_bad_nik_date_is_rejected_with_reasons(device, recording, people):
    resident = people.resident()
    nik = resident["nik"]
    resident["nik"] = nik[:6] + "3213" + nik[10:]  # day 32, month 13
    [result] = device.send(recording(resident=resident))
    assert result["outcome"] == "rejected" and result["status"] == "rejected"
    assert "nik.date_invalid" in _codes(result)
    assert all(r["message"] for r in result["reasons"])
    assert result["media"] == []  # nothing to upload for a rejected recording


def test_warnings_need_the_operators_acknowledgement(device, recording, people):
    resident = people.resident()
    nik = resident["nik"]
    day = int(nik[6:8])
    other_day = day + 1 if day % 40 < 28 else day - 1
    resident["nik"] = f"{nik[:6]}{other_day:02d}{nik[8:]}"  # a NIK with the wrong day: a warning
    [bare] = device.send(recording(resident=resident))
    assert bare["outcome"] == "rejected"
    warning = [r for r in bare["reasons"] if r["severity"] == "warning"]
    assert [w["code"] for w in warning] == ["nik.birth_date_mismatch"]

    acks = [{"code": "nik.birth_date_mismatch", "field": "nik", "reason": "tanggal di NIK keliru sejak terbit"}]
    [acked] = device.send(recording(resident=resident, acknowledgements=acks))
    assert acked["outcome"] == "accepted", acked["reasons"]


def test_no_photo_needs_an_exception(device, recording):
    with_exception = recording(with_media=False)
    [ok] = device.send(with_exception)
    assert ok["outcome"] == "accepted" and ok["media"] == [] and ok["received_complete"] is True
    payload = recording(with_media=False).payload.model_copy(update={"photo_exception": None})
    bare = make_recording(payload.resident.model_dump(mode="json"), with_media=False)
    bare.payload = payload
    [result] = device.send(bare)
    assert result["outcome"] == "rejected" and ReasonCodes.PHOTO_MISSING in _codes(result)


def test_replacement_version_marks_the_old_one_replaced(live_server, device, recording, people):
    resident = people.resident()
    resident_bad = dict(resident, rt="0000")
    v1 = recording(resident=resident_bad)
    [r1] = device.send(v1)
    assert r1["outcome"] == "rejected"
    v2 = recording(resident=resident, replaces=v1.uuid)
    [r2] = device.send(v2)
    assert r2["outcome"] == "accepted", r2["reasons"]
    old = _stored(live_server, v1.uuid)
    assert old["status"] == "replaced" and old["replaced_by_uuid"] == v2.uuid
    assert old["payload_sha256"] == v1.item["payload_sha256"]  # kept, unchanged

    # a further correction of an accepted version with the same NIK: not a duplicate
    v3 = recording(resident=dict(resident, alamat="JALAN BARU NO. 1"), replaces=v2.uuid)
    [r3] = device.send(v3)
    assert r3["outcome"] == "accepted", r3["reasons"]
    feed = device.status()
    by_uuid = {e["uuid"]: e for e in feed["items"]}
    assert by_uuid[v2.uuid]["status"] == "replaced" and by_uuid[v2.uuid]["replaced_by"] == v3.uuid
    assert by_uuid[v3.uuid]["status"] == "accepted"

    # a fork (a second replacement of v2) and unknown / foreign predecessors are refused
    fork = recording(resident=resident, replaces=v2.uuid)
    unknown = recording(replaces="00000000-0000-4000-8000-000000000000")
    other = live_server.device()
    foreign = recording(replaces=v3.uuid)
    [rf, ru] = device.send(fork, unknown)
    [ro] = other.send(foreign)
    assert ReasonCodes.REPLACES_ALREADY_REPLACED in _codes(rf)
    assert ReasonCodes.REPLACES_UNKNOWN in _codes(ru)
    assert ReasonCodes.REPLACES_OTHER_DEVICE in _codes(ro)
    assert _stored(live_server, v3.uuid)["status"] == "accepted"


def test_a_batch_is_answered_item_by_item_in_order(device, recording, people):
    good = recording()
    bad = recording(resident=dict(people.resident(), nama=""))
    tampered = recording()
    item = tampered.item
    item["payload_sha256"] = "0" * 64
    r = device.post(protocol.Paths.BATCH, json={"items": [good.item, bad.item, item]})
    assert r.status_code == 200
    results = r.json()["results"]
    assert [x["uuid"] for x in results] == [good.uuid, bad.uuid, tampered.uuid]
    assert [x["outcome"] for x in results] == ["accepted", "rejected", "rejected"]
    assert "name.required" in _codes(results[1])
    assert results[2]["status"] is None and ReasonCodes.PAYLOAD_HASH_MISMATCH in _codes(results[2])
    # a hash mismatch stores nothing: the correct copy is then taken as new
    [fixed] = device.send(tampered)
    assert fixed["outcome"] == "accepted"


def test_same_nik_twice_in_one_batch(device, recording, people):
    resident = people.resident()
    first, second = recording(resident=resident), recording(resident=resident)
    results = device.send(first, second)
    assert [x["outcome"] for x in results] == ["accepted", "duplicate_review"]
    assert results[0]["status"] == "duplicate_review"  # flagged by the second, in the same answer


def _post_raw(device, body: bytes, content_type: str = "application/json") -> requests.Response:
    return device.http.post(device.base + protocol.Paths.BATCH, data=body,
                            headers={"Content-Type": content_type}, timeout=20)


def test_malformed_bodies_get_422_with_field_errors(device, recording):
    broken = _post_raw(device, b'{"items": [ {"uuid": ')
    assert broken.status_code == 422 and broken.json()["code"] == "422.1"

    item = recording().item
    item["payload"]["resident"]["nik"] = 1372010101900001  # a number, not text
    item["payload"]["recording_date"] = 20251120
    wrong = device.post(protocol.Paths.BATCH, json={"items": [item]})
    assert wrong.status_code == 422
    body = wrong.json()
    locs = {tuple(e["loc"]) for e in body["details"]["errors"]}
    assert ("body", "items", "0", "payload", "resident", "nik") in locs
    assert ("body", "items", "0", "payload", "recording_date") in locs
    assert "1372010101900001" not in wrong.text  # the input is not echoed back

    for bad in (b"[]", b'{"items": []}', b'{"items": "x"}', b"null", b'"text"', b"\xff\xfe"):
        r = _post_raw(device, bad)
        assert r.status_code == 422, (bad, r.status_code, r.text)
    assert _post_raw(device, b"items=1", "application/x-www-form-urlencoded").status_code == 422


def test_huge_and_overfull_bodies_are_refused(device, recording):
    huge = _post_raw(device, b'{"items": [' + b" " * (9 * 1024 * 1024) + b"]}")
    assert huge.status_code == 413 and huge.json()["code"] == "413.1"
    rec = recording()
    too_many = device.post(protocol.Paths.BATCH, json={"items": [rec.item] * 51})
    assert too_many.status_code == 413 and too_many.json()["code"] == "413.3"
    assert "50" in too_many.json()["message"]


def test_logs_hold_no_nik_or_name(live_server, device, recording):
    recs = [recording() for _ in range(3)]
    device.send(*recs)
    log = live_server.log.read_text(encoding="utf-8", errors="replace")
    assert "batch perangkat=" in log  # the intake does log, with ids and counts
    for rec in recs:
        assert rec.nik not in log
        assert rec.payload.resident.nama not in log


def test_stored_payload_is_the_payload_sent(live_server, device, recording):
    rec = recording()
    device.send(rec)
    row = _stored(live_server, rec.uuid)
    assert json.loads(row["payload"]) == rec.item["payload"]
    assert row["nik"] == rec.nik and row["device_id"] == device.device_id


def test_concurrent_batches_with_one_nik_keep_one_accepted(live_server, recording, people):
    from concurrent.futures import ThreadPoolExecutor

    devices = [live_server.device() for _ in range(4)]
    resident = people.resident()
    recs = [recording(resident=resident) for _ in devices]
    fillers = [[recording() for _ in range(10)] for _ in devices]
    with ThreadPoolExecutor(len(devices)) as pool:
        answers = list(pool.map(lambda i: devices[i].send(*fillers[i], recs[i]), range(len(devices))))
    outcomes = sorted(a[-1]["outcome"] for a in answers)
    assert outcomes == ["accepted", "duplicate_review", "duplicate_review", "duplicate_review"]
    assert all(x["outcome"] == "accepted" for a in answers for x in a[:-1])
    with live_server.engine.connect() as conn:
        rows = conn.execute(sa.select(tables.recordings.c.status, tables.recordings.c.seq)
                            .where(tables.recordings.c.nik == resident["nik"])).all()
        all_seqs = conn.execute(sa.select(tables.recordings.c.device_id, tables.recordings.c.seq)).all()
    assert sorted(r.status for r in rows) == ["duplicate_review"] * 4  # the first one flagged too
    assert len(all_seqs) == len(set(all_seqs))  # a device's change numbers never collide


def test_a_record_the_checks_cannot_handle_is_rejected_alone(device, recording, people):
    odd = people.resident(tanggal_lahir="9999-01-01")  # far-future dates overflow date arithmetic
    rec = recording(resident=odd)
    payload = rec.payload.model_copy(update={"recording_date": dt.date(9999, 12, 31)})
    rec.payload = payload
    good = recording()
    results = device.send(rec, good)
    assert [r["outcome"] for r in results] == ["rejected", "accepted"]
    # Far-future dates are now judged by the ordinary checks (the NIK's encoded date cannot
    # match year 9999) rather than failing inside them; either way only this item is rejected.
    codes = {r["code"] for r in results[0]["reasons"]}
    assert codes & {ReasonCodes.PAYLOAD_UNPROCESSABLE, "nik.birth_date_mismatch", "tanggal_lahir.future",
                    "eligibility.too_young"}, codes
