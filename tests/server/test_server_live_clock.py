"""The server's clock decides (real server over HTTP): eligibility is judged on the
server's receive date, never a later laptop date; a recording dated beyond the
tolerances around that date goes to review with its own reason; and an
administrator's duplicate verdict sticks when a new version of the rejected
recording arrives."""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa

from app.core.nik import build_nik
from sync.protocol_reasons import DATE_AHEAD_DAYS, DATE_BEHIND_DAYS, ReasonCodes
from sync.server import review, tables

from serverkit import DeviceClient, make_recording

TODAY = dt.datetime.now(dt.timezone.utc).date()  # the server's date (UTC) while the test runs


def _dated(people, on: dt.date, **changes):  # noqa: ANN001, ANN202
    """A recording whose laptop said it was made on `on` (a resident valid on that day)."""
    rec = make_recording(people.resident_data(None, on, **changes))
    rec.payload = rec.payload.model_copy(update={"recording_date": on, "recorded_at": f"{on.isoformat()}T09:00:00+07:00"})
    return rec


def _codes(result: dict) -> set[str]:
    return {r["code"] for r in result["reasons"]}


def test_a_laptop_clock_ahead_cannot_make_a_fifteen_year_old_eligible(device: DeviceClient, people):
    born = TODAY - dt.timedelta(days=15 * 365 + 100)
    laptop_day = TODAY + dt.timedelta(days=800)  # 17 and a half on the laptop's calendar
    resident = people.resident_data(None, laptop_day, tanggal_lahir=born.isoformat(), status_perkawinan=1)
    resident["nik"] = build_nik(resident["nik"][:6], born, resident["jenis_kelamin"], int(resident["nik"][12:]))
    rec = make_recording(resident)
    rec.payload = rec.payload.model_copy(update={"recording_date": laptop_day})
    [result] = device.send(rec)
    assert result["outcome"] == "rejected"
    assert "eligibility.too_young" in _codes(result)


def test_dates_beyond_the_tolerances_go_to_review_with_their_own_reason(live_server, device, people):
    ahead = _dated(people, TODAY + dt.timedelta(days=DATE_AHEAD_DAYS + 4))
    behind = _dated(people, TODAY - dt.timedelta(days=3 * 365))  # a laptop clock years behind
    results = device.send(ahead, behind)
    assert [r["outcome"] for r in results] == ["duplicate_review", "duplicate_review"]
    assert _codes(results[0]) == {ReasonCodes.DATE_AHEAD}
    assert _codes(results[1]) == {ReasonCodes.DATE_BEHIND}
    [reason] = results[1]["reasons"]
    assert reason["severity"] == "warning" and reason["field"] == "recording_date"
    assert reason["params"]["server_date"] == TODAY.isoformat() and reason["params"]["days"] == str(DATE_BEHIND_DAYS)
    assert "jam laptop mungkin salah" in reason["message"]
    feed = {e["uuid"]: e for e in device.status()["items"]}
    assert feed[behind.uuid]["status"] == "duplicate_review"
    # the administrator sees them waiting and may keep one: the date reason stays as information
    found = review.review(live_server.engine)
    waiting = {r.uuid for g in found.duplicates for r in g.recordings if r.open}
    assert {ahead.uuid, behind.uuid} <= waiting
    done = review.resolve_duplicate(live_server.engine, behind.uuid, keep=True)
    assert done.status == "accepted"
    with live_server.engine.connect() as conn:
        stored = json.loads(conn.execute(sa.select(tables.recordings.c.reasons)
                                         .where(tables.recordings.c.uuid == behind.uuid)).scalar_one())
    assert [x["code"] for x in stored] == [ReasonCodes.DATE_BEHIND, ReasonCodes.REVIEW_KEPT]


def test_dates_within_the_tolerances_are_accepted(device, people):
    recs = [_dated(people, TODAY + dt.timedelta(days=d)) for d in (DATE_AHEAD_DAYS, 0, -7, -DATE_BEHIND_DAYS)]
    assert [r["outcome"] for r in device.send(*recs)] == ["accepted"] * 4


def _device(live_server, name: str) -> DeviceClient:
    r = live_server.register(live_server.enrollment_code("13.72", name=name))
    assert r.status_code == 201, r.text
    return DeviceClient(live_server.url, r.json()["token"], r.json()["device_id"], "13.72")


def test_a_kept_verdict_is_not_reopened_by_a_new_version_of_the_rejected_one(live_server, people):
    a, b = _device(live_server, "Tim Tetap A"), _device(live_server, "Tim Tetap B")
    resident = people.resident()
    rec_a, rec_b = make_recording(resident), make_recording(resident)
    assert a.send(rec_a)[0]["outcome"] == "accepted"
    assert b.send(rec_b)[0]["outcome"] == "duplicate_review"
    review.resolve_duplicate(live_server.engine, rec_a.uuid, keep=True)
    review.resolve_duplicate(live_server.engine, rec_b.uuid, keep=False, reason="Sudah direkam tim A")
    cursor = a.status()["next_cursor"]

    fixed = dict(resident, alamat="JALAN PERBAIKAN NO. 1")
    version = make_recording(fixed, replaces=rec_b.uuid)
    [result] = b.send(version)
    assert result["outcome"] == "duplicate_review"  # the new version waits for review on its own
    assert _codes(result) == {ReasonCodes.DUPLICATE_NIK}
    assert a.status(since=cursor)["items"] == []  # nothing changed for A
    r = tables.recordings
    with live_server.engine.connect() as conn:
        states = dict(conn.execute(sa.select(r.c.uuid, r.c.status)
                                   .where(r.c.uuid.in_([rec_a.uuid, rec_b.uuid, version.uuid]))).all())
    assert states == {rec_a.uuid: "accepted", rec_b.uuid: "replaced", version.uuid: "duplicate_review"}
    # a third device recording the NIK does not reopen it either
    c = _device(live_server, "Tim Tetap C")
    assert c.send(make_recording(resident))[0]["outcome"] == "duplicate_review"
    assert a.status(since=cursor)["items"] == []
