"""The in-process app (FastAPI TestClient): the progress page, error bodies, size
limits, and recovery of a media file completed just before a crash."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from sync import protocol
from sync.protocol_caps import Capabilities
from sync.server import admin

from adminkit import PASSWORD, csrf_of, make_admin
from serverkit import make_recording


def _targets_csv(path, residents):
    cols = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode"]
    lines = [",".join(cols)] + [",".join(f'"{r[c]}"' for c in cols) for r in residents]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_dashboard_counts_recordings_against_targets(app, authed, people, tmp_path):
    area = "33.71.02"  # Magelang Utara
    residents = [people.resident(area) for _ in range(4)]
    report = admin.import_targets(app.state.engine, _targets_csv(tmp_path / "t.csv", residents))
    assert report.inserted == 4
    recs = [make_recording(r, with_media=False) for r in residents[:3]]
    assert [x["outcome"] for x in authed.post(protocol.Paths.BATCH, json={"items": [r.item for r in recs]})
            .json()["results"]] == ["accepted"] * 3

    _log_in(app, authed)
    page = authed.get(protocol.Paths.DASHBOARD)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert "33.71.02 Magelang Utara" in html
    assert "<td>4</td><td>3</td><td>75,0%</td>" in html  # target 4, recorded 3
    for r in residents:
        assert r["nik"] not in html and r["nama"] not in html
    assert authed.get("/").text == html


def _log_in(app, client) -> None:
    form = client.get("/login")
    r = client.post("/login", data={"csrf_token": csrf_of(form.text), "nama": make_admin(app.state.engine),
                                    "sandi": PASSWORD}, follow_redirects=False)
    assert r.status_code == 303, r.text


def test_the_dashboard_needs_a_login_from_anywhere(app):
    """No 'looks local' exception: the server machine itself and a remote address alike."""
    for address in ("127.0.0.1", "10.20.30.40"):
        with TestClient(app, client=(address, 5555)) as browser:
            r = browser.get(protocol.Paths.DASHBOARD, follow_redirects=False)
            assert r.status_code == 303 and r.headers["location"] == "/login"
            _log_in(app, browser)
            assert browser.get(protocol.Paths.DASHBOARD).status_code == 200


def test_unknown_paths_and_methods_answer_with_problems(client):
    r = client.get("/nope")
    assert r.status_code == 404 and r.json()["code"] == "404.1"
    r = client.delete(protocol.Paths.BATCH)
    assert r.status_code == 405 and r.json()["code"] == "405.1"
    assert r.headers["Allow"] == "POST"
    r = client.options(protocol.Paths.media("ab" * 32))
    assert set(r.headers["Allow"].split(", ")) == {"GET", "HEAD", "PUT", "PATCH"}


def test_oversize_bodies_are_refused_with_413(authed, app_settings):
    big = b"{" + b" " * (app_settings.max_body_bytes + 10) + b"}"
    r = authed.post(protocol.Paths.BATCH, content=big, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["details"]["limit"] == app_settings.max_body_bytes
    r = authed.post(protocol.Paths.REGISTER, content=big, headers={"Content-Type": "application/json"})
    assert r.status_code == 413


def test_openapi_states_this_servers_batch_limit(client, app_settings):
    doc = client.get("/openapi.json").json()
    assert doc["components"]["schemas"]["BatchRequest"]["properties"]["items"]["maxItems"] == app_settings.max_batch_items
    assert doc["info"]["version"] == protocol.PROTOCOL_VERSION


def test_media_completed_before_a_crash_is_reconciled(app, authed, people):
    rec = make_recording(people.resident(), photo_size=2000)
    [result] = authed.post(protocol.Paths.BATCH, json={"items": [rec.item]}).json()["results"]
    assert result["received_complete"] is False
    # the files reached their final names, but the process died before the commit
    for sha, data in rec.media.items():
        (app.state.settings.media_dir / sha).write_bytes(data)
    for sha in rec.media:
        r = authed.head(protocol.Paths.media(sha))
        assert r.headers[protocol.COMPLETE_HEADER] == "1"
    feed = authed.get(protocol.Paths.STATUS).json()
    assert [e["received_complete"] for e in feed["items"] if e["uuid"] == rec.uuid] == [True]


def test_capabilities_report_the_servers_limits(authed, app_settings):
    caps = authed.get(protocol.Paths.CAPABILITIES).json()
    assert caps["max_chunk_bytes"] == app_settings.max_chunk_bytes
    assert caps["max_media_bytes"] == app_settings.max_media_bytes
    assert caps["max_batch_items"] == app_settings.max_batch_items
    assert caps["media_kinds"] == ["photo", "signature"]
    Capabilities.model_validate(caps)


def test_new_regions_are_used_without_a_restart(app, authed, people, tmp_path):
    resident = people.resident("13.72")
    ok = make_recording(resident, with_media=False)
    assert authed.post(protocol.Paths.BATCH, json={"items": [ok.item]}).json()["results"][0]["outcome"] == "accepted"
    # master data without Kota Solok: the same kind of record now names an unknown region
    path = tmp_path / "wilayah.csv"
    path.write_text("kode,nama\n14,Riau\n14.72,Kota Dumai\n", encoding="utf-8")
    with open(path, encoding="utf-8") as fh:
        admin.import_regions(app.state.engine, fh)
    again = make_recording(people.resident("13.72"), with_media=False)
    [result] = authed.post(protocol.Paths.BATCH, json={"items": [again.item]}).json()["results"]
    assert result["outcome"] == "rejected"
    assert "region.unknown" in {r["code"] for r in result["reasons"]}
    json.dumps(result)


def test_odd_login_bodies_are_refused_as_forms_not_crashes(app):
    """JSON, too many fields or an oversize body: the form is refused (403, the form again), never a 500."""
    with TestClient(app) as browser:
        token = csrf_of(browser.get("/login").text)
        many = "&".join(f"f{n}=x" for n in range(50)) + f"&csrf_token={token}"
        for body, kind in ((f'{{"csrf_token": "{token}"}}', "application/json"),
                           (many, "application/x-www-form-urlencoded"),
                           (f"csrf_token={token}&nama={'a' * 9000}", "application/x-www-form-urlencoded")):
            r = browser.post("/login", content=body, headers={"Content-Type": kind}, follow_redirects=False)
            assert r.status_code == 403 and "tidak sah" in r.text
