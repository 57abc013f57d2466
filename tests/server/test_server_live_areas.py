"""Area-scoped target feeds against the real server (SQLite and PostgreSQL): a list of
kelurahan, an area change the next pull follows, the compact and gzip forms, and a
cursor that stays exact while targets are imported during the pull."""

from __future__ import annotations

import csv
import gzip
import threading
from pathlib import Path

import requests

from sync import protocol
from sync.protocol_feeds import CompactTargetFeed, parse_target_page
from sync.server import admin

FIELDS = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode"]


def _import(live_server, path: Path, residents: list[dict]) -> admin.TargetImport:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(residents)
    return admin.import_targets(live_server.engine, path)


def _kelurahan(live_server, region_index, count: int) -> tuple[str, list[str]]:
    kecamatan = live_server.fresh_area()
    kel = [r.kode for r in region_index.children(kecamatan)]
    assert len(kel) >= count, kecamatan
    return kecamatan, kel[:count]


def _pull_all(device, since: int = 0, **params) -> tuple[list[dict], int, list]:
    """Every page from `since`: the items, the last cursor, and the area_reset values seen."""
    items, resets = [], []
    while True:
        page = device.targets(since, **params)
        if "area_reset" in page:
            resets.append(page["area_reset"])
        items += page["items"]
        since = page["next_cursor"]
        if not page["more"]:
            return items, since, resets


def test_a_device_of_some_kelurahan_pulls_only_those(live_server, people, region_index, tmp_path):
    kecamatan, (k1, k2, k3) = _kelurahan(live_server, region_index, 3)
    residents = {k: [people.resident(k) for _ in range(3)] for k in (k1, k2, k3)}
    _import(live_server, tmp_path / "t.csv", [r for rs in residents.values() for r in rs])
    device = live_server.device(f"{k1}, {k2}")
    items, _, resets = _pull_all(device)
    assert sorted(t["nik"] for t in items) == sorted(r["nik"] for r in residents[k1] + residents[k2])
    assert resets == []  # a device that never changed area gets no reset
    whole = live_server.device(kecamatan)
    assert len(_pull_all(whole)[0]) == 9


def test_changing_the_area_restarts_the_feed_for_the_new_one(live_server, people, region_index, tmp_path):
    _, (k1, k2) = _kelurahan(live_server, region_index, 2)
    old = [people.resident(k1) for _ in range(4)]
    new = [people.resident(k2) for _ in range(5)]
    _import(live_server, tmp_path / "t.csv", old + new)
    device = live_server.device(k1)
    items, cursor, _ = _pull_all(device, limit=3)
    assert {t["nik"] for t in items} == {r["nik"] for r in old}

    change = admin.set_device_area(live_server.engine, str(device.device_id), k2)
    assert change.changed and change.codes == [k2]
    # the targets of k2 were imported before the cursor: they still all arrive, once
    items, cursor2, resets = _pull_all(device, cursor, limit=2)
    assert sorted(t["nik"] for t in items) == sorted(r["nik"] for r in new)
    assert resets == [[k2]]  # on the first page only
    assert device.targets(cursor2)["items"] == [] and "area_reset" not in device.targets(cursor2)
    # a lost answer: the old cursor again restarts again (the laptop never saw the change)
    assert device.targets(cursor)["area_reset"] == [k2]
    # the same area again is no change: the cursor stays good
    assert not admin.set_device_area(live_server.engine, str(device.device_id), k2).changed
    assert device.targets(cursor2) == {"items": [], "next_cursor": cursor2, "more": False}
    # back to both: everything of both, again from the start
    admin.set_device_area(live_server.engine, str(device.device_id), f"{k2},{k1}")
    items, _, resets = _pull_all(device, cursor2)
    assert len(items) == 9 and resets == [[k1, k2]]


def test_the_compact_form_carries_the_same_rows_and_gzip_shrinks_the_wire(live_server, people, tmp_path):
    area = live_server.fresh_area()
    _import(live_server, tmp_path / "t.csv", [people.resident(area) for _ in range(40)])
    device = live_server.device(area)
    url = live_server.url + protocol.Paths.TARGETS
    full = device.get(protocol.Paths.TARGETS, params={"since": 0}, headers={"Accept-Encoding": "identity"})
    assert full.status_code == 200 and "Content-Encoding" not in full.headers
    raw = requests.get(url, params={"since": 0, "form": "compact"}, stream=True, timeout=20,
                       headers={**device.http.headers, "Accept-Encoding": "gzip"})
    wire = raw.raw.read()  # the bytes as sent, not decoded
    assert raw.headers["Content-Encoding"] == "gzip" and int(raw.headers["Content-Length"]) == len(wire)
    body = gzip.decompress(wire)
    compact = CompactTargetFeed.model_validate_json(body)
    assert compact.form == "compact" and len(compact.rows) == 40
    as_full = {t.nik: t for t in compact.as_feed().items}
    for item in full.json()["items"]:
        got = as_full[item["nik"]].model_dump(mode="json")
        assert {k: got[k] for k in item if k != "seq"} == {k: v for k, v in item.items() if k != "seq"}
    assert parse_target_page(full.content).items[0].nik == full.json()["items"][0]["nik"]
    assert len(body) < 0.6 * len(full.content)  # no repeated keys
    assert len(wire) < 0.5 * len(body)  # and compressed
    refused = device.get(protocol.Paths.TARGETS, params={"since": 0, "form": "tiny"})
    assert refused.status_code == 422


def test_the_cursor_misses_and_repeats_nothing_while_targets_are_imported(live_server, people, tmp_path):
    area = live_server.fresh_area()
    device = live_server.device(area)
    imported: list[str] = []
    importing = threading.Event()
    importing.set()
    problems: list[BaseException] = []

    def importer() -> None:
        try:
            for n in range(12):
                batch = [people.resident(area) for _ in range(25)]
                report = _import(live_server, tmp_path / f"t{n}.csv", batch)
                assert report.inserted == 25
                imported.extend(r["nik"] for r in batch)
        except BaseException as exc:  # noqa: BLE001 - reported below
            problems.append(exc)
        finally:
            importing.clear()

    seen: list[str] = []
    cursor = 0
    worker = threading.Thread(target=importer)
    worker.start()
    while importing.is_set():
        page = device.targets(cursor, limit=7, form="compact")
        seen += [row[0] for row in page["rows"]]
        cursor = page["next_cursor"]
    worker.join()
    assert not problems, problems
    items, _, _ = _pull_all(device, cursor)
    seen += [t["nik"] for t in items]
    assert len(seen) == len(set(seen)) == 300  # none twice
    assert set(seen) == set(imported)  # none missed
