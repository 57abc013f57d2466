"""What needs an administrator, against the real server process: `jemput-server
review` lists parked conflicts and duplicate-NIK groups made by two registered
devices; `resolve-duplicate` gives a verdict that reaches the device through
``GET /status``; hostile input is refused clearly and changes nothing."""

from __future__ import annotations

import json
import uuid as uuidlib
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa

from sync.protocol import RecordingPayload
from sync.protocol_reasons import ReasonCodes
from sync.server import admin, review, tables, transactions

from adminkit import AdminBrowser, make_admin
from serverkit import RECORDING_DATE, DeviceClient, Recording, make_recording
from support.server import server_cli as run_cli


def _named_device(live_server, name: str, area: str = "13.72") -> DeviceClient:
    r = live_server.register(live_server.enrollment_code(area, name=name))
    assert r.status_code == 201, r.text
    body = r.json()
    return DeviceClient(live_server.url, body["token"], body["device_id"], area)


def _duplicate_pair(live_server, people, recording, tag: str):
    """Two devices record the same resident: both recordings wait for review."""
    a = _named_device(live_server, f"Tim {tag} A")
    b = _named_device(live_server, f"Tim {tag} B")
    resident = people.resident()
    rec_a, rec_b = recording(resident=resident), recording(resident=resident)
    assert a.send(rec_a)[0]["outcome"] == "accepted"
    assert b.send(rec_b)[0]["outcome"] == "duplicate_review"
    return a, b, rec_a, rec_b, resident


def _review(live_server) -> dict:
    return json.loads(run_cli("review", *live_server.cli_args, "--json").stdout)


def _rows(live_server, *uuids: str) -> dict[str, tuple]:
    r = tables.recordings
    with live_server.engine.connect() as conn:
        rows = conn.execute(sa.select(r.c.uuid, r.c.status, r.c.reasons, r.c.seq).where(r.c.uuid.in_(uuids)))
        return {row.uuid: tuple(row) for row in rows}


def test_review_lists_a_conflict_and_a_duplicate_pair(live_server, people, recording):
    a, b, rec_a, rec_b, resident = _duplicate_pair(live_server, people, recording, "Tinjau")
    # a conflict: device A sends another recording again under its UUID, changed
    mine = recording()
    a.send(mine)
    body = mine.payload.model_dump(mode="json")
    body["resident"]["alamat"] = "JALAN LAIN NO. 9"
    changed = Recording(mine.uuid, RecordingPayload.model_validate(body), mine.media)
    assert a.send(changed)[0]["outcome"] == "conflict"

    found = _review(live_server)
    [group] = [g for g in found["duplicates"] if g["nik"] == resident["nik"]]
    assert group["open"] == 2
    by_uuid = {rec["uuid"]: rec for rec in group["recordings"]}
    assert set(by_uuid) == {rec_a.uuid, rec_b.uuid}
    assert by_uuid[rec_a.uuid]["device_name"] == "Tim Tinjau A" and by_uuid[rec_b.uuid]["device_name"] == "Tim Tinjau B"
    for rec in by_uuid.values():
        assert rec["status"] == "duplicate_review" and rec["open"] is True
        assert rec["nama"] == resident["nama"] and rec["nik"] == resident["nik"]
        assert rec["received_at"].endswith("Z") and rec["recorded_at"].startswith(f"{RECORDING_DATE.isoformat()}T09:30")

    [conflict] = [c for c in found["conflicts"] if c["uuid"] == mine.uuid]
    assert conflict["device_name"] == "Tim Tinjau A" and conflict["differs"] == ["resident.alamat"]
    assert conflict["stored"]["uuid"] == mine.uuid and conflict["stored"]["status"] == "accepted"
    assert conflict["nama"] == mine.payload.resident.nama and conflict["received_at"]
    assert found["counts"] == {"konflik": len(found["conflicts"]), "grup_nik_ganda": len(found["duplicates"]),
                               "pengecualian": len(found["flagged"])}

    text = run_cli("review", *live_server.cli_args).stdout
    assert rec_a.uuid in text and rec_b.uuid in text and mine.uuid in text
    assert "Tim Tinjau B" in text and resident["nama"] in text and "resident.alamat" in text
    assert "MENUNGGU KEPUTUSAN" in text and "resolve-duplicate" in text

    # the dashboard shows the counts only, never who
    page = AdminBrowser(live_server.url).logged_in(make_admin(live_server.engine)).dashboard().text
    counts = review.review_counts(live_server.engine)
    assert f'<b id="konflik">{counts["konflik"]}</b>' in page
    assert f'<b id="grup-nik-ganda">{counts["grup_nik_ganda"]}</b>' in page
    assert counts["konflik"] >= 1 and counts["grup_nik_ganda"] >= 1
    assert resident["nik"] not in page and resident["nama"] not in page
    status = json.loads(run_cli("status", *live_server.cli_args, "--json").stdout)
    assert status["grup_nik_ganda"] == counts["grup_nik_ganda"] and status["konflik"] == counts["konflik"]


def test_a_verdict_reaches_the_device_through_its_status_feed(live_server, people, recording):
    a, b, rec_a, rec_b, resident = _duplicate_pair(live_server, people, recording, "Putus")
    cursor_a, cursor_b = a.status()["next_cursor"], b.status()["next_cursor"]
    assert [e["status"] for e in a.status()["items"]] == ["duplicate_review"]

    out = run_cli("resolve-duplicate", *live_server.cli_args, rec_a.uuid, "--keep")
    assert "diterima" in out.stdout and "Tim Putus A" in out.stdout
    assert rec_b.uuid in out.stdout  # the other one still waits
    [entry] = a.status(cursor_a)["items"]
    assert entry["uuid"] == rec_a.uuid and entry["status"] == "accepted" and entry["seq"] > cursor_a
    assert [r["code"] for r in entry["reasons"]] == [ReasonCodes.REVIEW_KEPT]
    assert b.status(cursor_b)["items"] == []  # B's recording has no verdict yet
    cursor_a = a.status(cursor_a)["next_cursor"]

    reason = "Foto dan tanda tangan milik orang lain; rekam ulang dengan KK asli"
    out = run_cli("resolve-duplicate", *live_server.cli_args, rec_b.uuid.upper(), "--reject", "--reason",
                  f"  {reason}\n")
    assert "ditolak" in out.stdout and "masih menunggu" not in out.stdout
    [entry] = b.status(cursor_b)["items"]
    assert entry["uuid"] == rec_b.uuid and entry["status"] == "rejected" and entry["seq"] > cursor_b
    [why] = entry["reasons"]
    assert why["code"] == ReasonCodes.REVIEW_REJECTED and why["severity"] == "error" and reason in why["message"]
    assert a.status(cursor_a)["items"] == []  # B's verdict is not A's news

    found = _review(live_server)
    assert resident["nik"] not in {g["nik"] for g in found["duplicates"]}  # nothing left to decide
    # the same recording again would be a second verdict: refused
    again = run_cli("resolve-duplicate", *live_server.cli_args, rec_a.uuid, "--keep", check=False)
    assert again.returncode == 1 and "tidak sedang menunggu" in again.stderr
    # a replayed batch answers with the verdict (the first outcome stays the original)
    [replay] = b.send(rec_b)
    assert replay["outcome"] == "already_have" and replay["status"] == "rejected"

    log = live_server.log.read_text(encoding="utf-8", errors="replace")
    assert resident["nik"] not in log and resident["nama"] not in log and reason not in log


def _status_seqs(conn) -> int:  # noqa: ANN001
    """Every device's status sequence, added up: unchanged when nothing changed."""
    return conn.execute(sa.select(sa.func.sum(tables.devices.c.status_seq))).scalar_one()


def test_hostile_resolutions_are_refused_and_change_nothing(live_server, people, recording):
    a, b, rec_a, rec_b, _resident = _duplicate_pair(live_server, people, recording, "Usil")
    plain = recording()
    assert a.send(plain)[0]["outcome"] == "accepted"
    cursor_a, cursor_b = a.status()["next_cursor"], b.status()["next_cursor"]
    before = _rows(live_server, rec_a.uuid, rec_b.uuid, plain.uuid)
    with live_server.engine.connect() as conn:
        counter = _status_seqs(conn)

    cases = [  # through the command line
        ([str(uuidlib.uuid4()), "--keep"], 1, "tidak ditemukan"),
        ([rec_b.uuid, "--reject"], 1, "alasan penolakan wajib"),
        ([rec_b.uuid, "--reject", "--reason", "x" * 20_000], 1, "alasan terlalu panjang"),
        ([rec_b.uuid, "--keep", "--reject"], 2, "not allowed"),  # argparse: exactly one verdict
    ]
    with ThreadPoolExecutor(len(cases)) as pool:  # the commands fail before writing: run them side by side
        outs = list(pool.map(lambda args: run_cli("resolve-duplicate", *live_server.cli_args, *args, check=False),
                             [args for args, _, _ in cases]))
    for (args, code, message), out in zip(cases, outs):
        assert out.returncode == code and message in out.stderr, (args[:2], out.stderr)
        assert "Traceback" not in out.stderr
    # the same checks, and more, straight through the admin API the commands call
    for uuid, keep, reason, message in [
        ("bukan-uuid'; DROP TABLE recordings;--", True, None, "UUID rekaman tidak valid"),
        (rec_b.uuid, False, " \t\n ", "alasan penolakan wajib"),
        (rec_b.uuid, True, "y" * 501, "alasan terlalu panjang"),
        (rec_b.uuid, False, "rekam \x1b[31mulang", "karakter kendali"),  # a terminal escape sequence
        (plain.uuid, True, None, "tidak sedang menunggu"),
    ]:
        with pytest.raises(review.AdminError, match=message):
            review.resolve_duplicate(live_server.engine, uuid, keep=keep, reason=reason)

    assert _rows(live_server, rec_a.uuid, rec_b.uuid, plain.uuid) == before
    with live_server.engine.connect() as conn:
        assert _status_seqs(conn) == counter
    assert a.status(cursor_a)["items"] == [] and b.status(cursor_b)["items"] == []


# --------------------------------------------------------------------------- closing conflicts


def _changed(rec: Recording, **resident_changes) -> Recording:
    """The same UUID with other content (the laptop edited it after sending)."""
    body = rec.payload.model_dump(mode="json")
    body["resident"].update(resident_changes)
    return Recording(rec.uuid, RecordingPayload.model_validate(body), rec.media)


def _conflict_rows(live_server, uuid: str) -> list[dict]:
    c = tables.conflicts
    with live_server.engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.select(c).where(c.c.uuid == uuid).order_by(c.c.id)).mappings()]


def _open_counts(live_server, *, cli: bool = False) -> tuple[int, int, int]:
    """Open conflicts as the dashboard, `status` and `review` count them (`cli`: the
    commands themselves, else the functions they call)."""
    page = AdminBrowser(live_server.url).logged_in(make_admin(live_server.engine)).dashboard().text
    shown = int(page.split('<b id="konflik">', 1)[1].split("<", 1)[0])
    if cli:
        status = json.loads(run_cli("status", *live_server.cli_args, "--json").stdout)
        return shown, status["konflik"], _review(live_server)["counts"]["konflik"]
    return (shown, admin.status_counts(live_server.engine)["konflik"],
            review.review(live_server.engine).to_json()["counts"]["konflik"])


def test_a_conflict_is_closed_keeping_the_server_copy(live_server, people, recording):
    device = _named_device(live_server, "Tim Konflik")
    rec = recording()
    assert device.send(rec)[0]["outcome"] == "accepted"
    copies = [_changed(rec, alamat=f"JALAN LAIN NO. {n}") for n in (7, 8, 9)]
    for copy in copies:
        assert device.send(copy)[0]["outcome"] == "conflict"
    first, second, third = (row["id"] for row in _conflict_rows(live_server, rec.uuid))
    before_counts = _open_counts(live_server)
    assert len(set(before_counts)) == 1 and before_counts[0] >= 3
    cursor = device.status()["next_cursor"]
    stored = _rows(live_server, rec.uuid)
    with live_server.engine.connect() as conn:
        counter = _status_seqs(conn)

    reason = "Alamat di salinan server sesuai KK; kiriman ubahan diabaikan"
    out = run_cli("resolve-conflict", *live_server.cli_args, str(first), "--keep-server", "--reason", reason)
    assert f"Konflik {first} " in out.stdout and rec.uuid in out.stdout and "salinan server tetap" in out.stdout
    assert reason not in out.stdout + out.stderr
    assert _open_counts(live_server) == tuple(n - 1 for n in before_counts)

    listed = {c["id"]: c for c in _review(live_server)["conflicts"]}
    assert first not in listed and {second, third} <= set(listed)
    assert listed[second]["open"] is True and listed[second]["resolution"] is None
    everything = json.loads(run_cli("review", *live_server.cli_args, "--all", "--json").stdout)
    closed = {c["id"]: c for c in everything["conflicts"]}[first]
    assert closed["open"] is False and closed["resolution"] == "kept_server" and closed["reason"] == reason
    assert closed["resolved_at"].endswith("Z") and closed["differs"] == ["resident.alamat"]
    assert everything["counts"]["konflik"] == before_counts[0] - 1 and everything["counts"]["konflik_selesai"] >= 1
    text = run_cli("review", *live_server.cli_args, "--all").stdout
    assert f"Konflik {first}: rekaman {rec.uuid}  [SELESAI: kept_server" in text and reason in text
    assert f"Konflik {second}: rekaman {rec.uuid}\n" in text and "resolve-conflict" in text

    # by the recording's UUID (as typed, upper case): every open conflict of it closes
    out = run_cli("resolve-conflict", *live_server.cli_args, f" {rec.uuid.upper()} ", "--keep-server",
                  "--reason", "Sama: salinan server dipakai")
    assert f"Konflik {second}, {third} " in out.stdout
    rows = _conflict_rows(live_server, rec.uuid)
    assert [(r["resolution"], r["reason"]) for r in rows] == [
        ("kept_server", reason), ("kept_server", "Sama: salinan server dipakai"),
        ("kept_server", "Sama: salinan server dipakai")]
    assert _open_counts(live_server, cli=True) == tuple(n - 3 for n in before_counts)

    # nothing happened to the recording: same row, no new change number, nothing for the device
    assert _rows(live_server, rec.uuid) == stored
    with live_server.engine.connect() as conn:
        assert _status_seqs(conn) == counter
    assert device.status(cursor)["items"] == []
    # the same copy sent again is still a conflict, and the closed one stays closed
    assert device.send(copies[0])[0]["outcome"] == "conflict"
    assert _conflict_rows(live_server, rec.uuid) == rows

    log = live_server.log.read_text(encoding="utf-8", errors="replace")
    assert rec.nik not in log and rec.payload.resident.nama not in log and reason not in log


def test_a_new_version_from_the_device_dismisses_its_open_conflicts(live_server, people, recording):
    device = _named_device(live_server, "Tim Versi")
    rec = recording()
    assert device.send(rec)[0]["outcome"] == "accepted"
    changed = _changed(rec, alamat="JALAN BARU NO. 1")
    assert device.send(changed)[0]["outcome"] == "conflict"
    before = _open_counts(live_server)[0]

    newer = make_recording(changed.payload.model_dump(mode="json")["resident"], replaces=rec.uuid)
    assert device.send(newer)[0]["outcome"] == "accepted"
    [row] = _conflict_rows(live_server, rec.uuid)
    assert row["resolution"] == "dismissed" and row["resolved_at"] is not None and newer.uuid in row["reason"]
    assert _open_counts(live_server) == (before - 1,) * 3
    rows = _rows(live_server, rec.uuid, newer.uuid)
    assert rows[rec.uuid][1] == "replaced" and rows[newer.uuid][1] == "accepted"
    # closed already: the administrator is told so, and nothing changes
    again = run_cli("resolve-conflict", *live_server.cli_args, str(row["id"]), "--keep-server", "--reason", "x",
                    check=False)
    assert again.returncode == 1 and "sudah diselesaikan (dismissed" in again.stderr
    assert _conflict_rows(live_server, rec.uuid) == [row]


def test_hostile_conflict_resolutions_are_refused_and_change_nothing(live_server, people, recording):
    device = _named_device(live_server, "Tim Usil Konflik")
    rec = recording()
    assert device.send(rec)[0]["outcome"] == "accepted"
    assert device.send(_changed(rec, alamat="JALAN USIL NO. 3"))[0]["outcome"] == "conflict"
    done = recording()
    assert device.send(done)[0]["outcome"] == "accepted"
    assert device.send(_changed(done, alamat="JALAN USIL NO. 4"))[0]["outcome"] == "conflict"
    [open_row], [done_row] = _conflict_rows(live_server, rec.uuid), _conflict_rows(live_server, done.uuid)
    review.resolve_conflict(live_server.engine, str(done_row["id"]), reason="sudah dicek")
    before = {u: _conflict_rows(live_server, u) for u in (rec.uuid, done.uuid)}
    stored = _rows(live_server, rec.uuid, done.uuid)
    counts = _open_counts(live_server)
    ref = str(open_row["id"])

    cases = [  # through the command line: (arguments, exit code, words on stderr)
        (["999999999", "--keep-server", "--reason", "x"], 1, "tidak ditemukan"),
        (["1; DROP TABLE conflicts;--", "--keep-server", "--reason", "x"], 1, "sebut ID konflik"),
        ([ref, "--keep-server"], 1, "alasan wajib diisi"),
        ([ref, "--keep-server", "--reason", "x" * 20_000], 1, "alasan terlalu panjang"),
        ([str(done_row["id"]), "--keep-server", "--reason", "lagi"], 1, "sudah diselesaikan (kept_server"),
        ([ref, "--reason", "tanpa keputusan"], 2, "--keep-server"),  # argparse: the verdict is required
    ]
    with ThreadPoolExecutor(len(cases)) as pool:  # they fail before writing: run them side by side
        outs = list(pool.map(lambda args: run_cli("resolve-conflict", *live_server.cli_args, *args, check=False),
                             [args for args, _, _ in cases]))
    for (args, code, message), out in zip(cases, outs):
        assert out.returncode == code and message in out.stderr, (args[:1], out.stderr)
        assert "Traceback" not in out.stderr and out.stdout == ""
    assert "x" * 600 not in outs[3].stderr  # the error names the length, not the text
    # more, straight through the admin API the command calls
    for target, reason, message in [
        ("0", "x", "tidak ditemukan"),
        ("9" * 40, "x", "tidak ditemukan"),
        (str(uuidlib.uuid4()), "x", "tidak ditemukan"),
        ("\u0661\u0662", "x", "sebut ID konflik"),  # Arabic-Indic digits are no ID
        (ref, " \t\n ", "alasan wajib diisi"),
        (ref, None, "alasan wajib diisi"),
        (ref, "y" * 501, "alasan terlalu panjang"),
        (ref, "salinan \x1b[31mserver", "karakter kendali"),  # a terminal escape sequence
        (done.uuid.upper(), "lagi", "sudah diselesaikan"),
    ]:
        with pytest.raises(review.AdminError, match=message):
            review.resolve_conflict(live_server.engine, target, reason=reason)

    assert {u: _conflict_rows(live_server, u) for u in (rec.uuid, done.uuid)} == before
    assert _rows(live_server, rec.uuid, done.uuid) == stored
    assert _open_counts(live_server) == counts


def test_a_verdict_waits_for_a_batch_deciding_on_the_same_nik(live_server, people, recording):
    """`resolve-duplicate` takes the NIK's lock as the intake does: while another
    transaction holds it (a batch in another worker), the verdict waits, then lands."""
    if live_server.engine.dialect.name != "postgresql":
        pytest.skip("SQLite's write transaction already excludes every other writer")
    _a, _b, rec_a, _rec_b, resident = _duplicate_pair(live_server, people, recording, "Kunci")
    holder = live_server.engine.connect()
    try:
        holder.begin()
        # as `intake` does for its batch's NIKs
        transactions.lock_keys(holder, [(transactions.NIK_KEY, resident["nik"])])
        with ThreadPoolExecutor(1) as pool, live_server.engine.connect() as watcher:
            verdict = pool.submit(review.resolve_duplicate, live_server.engine, rec_a.uuid, keep=True)
            waiting = 0
            while not waiting and not verdict.done():  # until it queues behind our advisory lock
                waiting = watcher.exec_driver_sql(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").scalar()
                watcher.rollback()
            assert waiting and not verdict.done(), "the verdict did not wait for the NIK's lock"
            holder.rollback()
            assert verdict.result(timeout=30).status == "accepted"
    finally:
        holder.close()
