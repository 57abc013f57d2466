"""Status and target feeds with cursors, against the real server process."""

from __future__ import annotations

import csv
from pathlib import Path

from sync import protocol
from sync.server import admin

from support.server import server_cli as run_cli


def test_status_feed_returns_changes_after_the_cursor(live_server, recording, people):
    device = live_server.device(live_server.fresh_area())
    recs = [recording() for _ in range(5)]
    device.send(*recs)
    page = device.status(0, limit=3)
    assert [e["uuid"] for e in page["items"]] == [r.uuid for r in recs[:3]]
    assert page["more"] is True
    seqs = [e["seq"] for e in page["items"]]
    assert seqs == sorted(seqs) and page["next_cursor"] == seqs[-1]
    rest = device.status(page["next_cursor"])
    assert [e["uuid"] for e in rest["items"]] == [r.uuid for r in recs[3:]]
    assert rest["more"] is False
    cursor = rest["next_cursor"]
    empty = device.status(cursor)
    assert empty == {"items": [], "next_cursor": cursor, "more": False}

    # only this device's recordings, and a change to one of them shows up again
    other = live_server.device()
    dup = recording(resident=recs[1].payload.resident.model_dump(mode="json"))
    other.send(dup)
    changed = device.status(cursor)
    assert [e["uuid"] for e in changed["items"]] == [recs[1].uuid]
    assert changed["items"][0]["status"] == "duplicate_review"
    assert dup.uuid not in {e["uuid"] for e in device.status(0)["items"]}
    assert [e["uuid"] for e in other.status(0)["items"]] == [dup.uuid]


def test_status_feed_validates_its_cursor(device):
    for bad in ("-1", "abc", "1.5"):
        r = device.get(protocol.Paths.STATUS, params={"since": bad})
        assert r.status_code == 422, r.text
    assert device.get(protocol.Paths.STATUS, params={"limit": 0}).status_code == 422


def test_a_parameter_given_twice_is_refused_not_half_read(device):
    """Of ?since=x&since=5 the framework would read the last value and answer 200 as if the request
    were sound (found by the API fuzzer): every route refuses a repeated parameter, naming it."""
    for path in (protocol.Paths.STATUS, protocol.Paths.TARGETS):
        for query in ([("since", "abc"), ("since", "5")], [("since", "0"), ("since", "0")],
                      [("limit", "1"), ("since", "0"), ("limit", "2")]):
            r = device.get(path, params=query)
            assert r.status_code == 422, (path, query, r.text)
            body = r.json()
            assert body["code"] == "422.1"
            assert ["query", query[0][0]] in [e["loc"] for e in body["details"]["errors"]], body
        assert device.get(path, params=[("since", "0"), ("limit", "3")]).status_code == 200


def _write_targets(path: Path, rows: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["nik", "nama", "tanggal_lahir", "jenis_kelamin",
                                                "alamat", "rt", "rw", "kelurahan_kode"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def _target(resident: dict) -> dict:
    return {k: resident[k] for k in ("nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw",
                                     "kelurahan_kode")}


def test_target_feed_gives_the_area_and_marks_recorded(live_server, people, recording, tmp_path):
    area = live_server.fresh_area()
    inside = [people.resident(area) for _ in range(6)]
    elsewhere = live_server.fresh_area()
    outside = [people.resident(elsewhere) for _ in range(2)]
    path = _write_targets(tmp_path / "target.csv", [_target(r) for r in inside + outside])
    out = run_cli("import-targets", *live_server.cli_args, path)
    assert "8 baru" in out.stdout

    mine, colleague = live_server.device(area), live_server.device(area)
    feed = mine.targets(0)
    assert {t["nik"] for t in feed["items"]} == {r["nik"] for r in inside}
    assert all(t["recorded_by"] == "none" for t in feed["items"])
    assert feed["more"] is False
    cursor = feed["next_cursor"]
    assert mine.targets(cursor)["items"] == []
    item = {t["nik"]: t for t in feed["items"]}[inside[0]["nik"]]
    assert item["nama"] == inside[0]["nama"] and item["kelurahan_kode"] == inside[0]["kelurahan_kode"]

    # a colleague records two of them: they come back marked, nothing else does
    colleague.send(recording(resident=inside[0]), recording(resident=inside[1]))
    changed = mine.targets(cursor)
    assert {t["nik"]: t["recorded_by"] for t in changed["items"]} == {
        inside[0]["nik"]: "other_device", inside[1]["nik"]: "other_device"}
    theirs = {t["nik"]: t["recorded_by"] for t in colleague.targets(0)["items"]}
    assert theirs[inside[0]["nik"]] == "this_device" and theirs[inside[2]["nik"]] == "none"

    # re-importing the same file changes nothing; a corrected row comes back once
    next_cursor = changed["next_cursor"]
    report = admin.import_targets(live_server.engine, path)
    assert (report.inserted, report.updated, report.unchanged) == (0, 0, 8)
    assert mine.targets(next_cursor)["items"] == []
    corrected = [_target(r) for r in inside]
    corrected[3]["alamat"] = "JALAN PERBAIKAN NO. 3"
    report = admin.import_targets(live_server.engine, _write_targets(tmp_path / "fix.csv", corrected))
    assert (report.inserted, report.updated, report.unchanged) == (0, 1, 5)
    again = mine.targets(next_cursor)
    assert [(t["nik"], t["alamat"]) for t in again["items"]] == [(inside[3]["nik"], "JALAN PERBAIKAN NO. 3")]


def test_target_feed_pages(live_server, people, tmp_path):
    area = live_server.fresh_area()
    rows = [_target(people.resident(area)) for _ in range(7)]
    admin.import_targets(live_server.engine, _write_targets(tmp_path / "t.csv", rows))
    device = live_server.device(area)
    seen, cursor, more = [], 0, True
    while more:
        page = device.targets(cursor, limit=3)
        assert len(page["items"]) <= 3
        seen += [t["nik"] for t in page["items"]]
        cursor, more = page["next_cursor"], page["more"]
    assert sorted(seen) == sorted(r["nik"] for r in rows)
