"""The dashboard's "Warga belum memiliki NIK/KK" page over real HTTP against the real server process: only
behind a login, the waiting family listed with its members, the form refusing a wrong CSRF token and
numbers that do not fit (with the reason, nothing stored), then storing the right ones, after which the
family leaves the list and its device's status feed carries the numbers."""

from __future__ import annotations

import uuid

import pytest
import requests

from sync.protocol_registration import REGISTRATIONS_PATH, RegistrationItem
from sync.server import registrations

from adminkit import AdminBrowser, csrf_of, make_admin, next_address
from serverkit import RECORDING_DATE, loopback_aliases_work

pytestmark = pytest.mark.skipif(not loopback_aliases_work(),
                                reason="this system cannot use 127.0.0.2 as a source address")
PAGE = "/dashboard/registrasi"


def test_the_office_enters_the_issued_numbers_on_the_dashboard(live_server, people):
    area = live_server.fresh_area()
    device = live_server.device(area)
    family = people.family_data(area, RECORDING_DATE, children=1)
    item = RegistrationItem.model_validate({"uuid": str(uuid.uuid4()), "recorded_on": RECORDING_DATE.isoformat(),
                                            "family": family})
    sent = device.post(REGISTRATIONS_PATH, json={"items": [item.model_dump(mode="json")]})
    assert sent.status_code == 200 and sent.json()["results"][0]["outcome"] == "accepted"

    assert requests.get(live_server.url + PAGE, timeout=10, allow_redirects=False).headers["location"] == "/login"
    browser = AdminBrowser(live_server.url, next_address()).logged_in(make_admin(live_server.engine))
    assert 'href="/dashboard/registrasi"' in browser.dashboard().text
    page = browser.get(PAGE)
    assert page.status_code == 200 and f'id="keluarga-{item.uuid}"' in page.text
    for member in family["members"]:
        assert member["nama"] in page.text
    kk, niks = people.issued_for(family)

    forged = browser.post(PAGE, {"csrf_token": "bukan-token", "uuid": item.uuid, "kk": kk, "nik": "\n".join(niks)})
    assert forged.status_code == 403 and "CSRF" in forged.text
    wrong = browser.post(PAGE, {"csrf_token": csrf_of(page.text), "uuid": item.uuid, "kk": kk,
                                "nik": "\n".join(reversed(niks))})
    assert wrong.status_code == 422 and "anggota ke-1: Tanggal lahir dalam NIK" in wrong.text
    assert niks[0] not in wrong.text.split('id="galat"', 1)[1].split("</p>", 1)[0]
    held = {h.uuid: h for h in registrations.list_registrations(live_server.engine)}
    assert held[item.uuid].issued_at is None

    spaced = "\n".join(f"{n[:6]} {n[6:12]} {n[12:]}" for n in niks) + "\n"
    done = browser.post(PAGE, {"csrf_token": csrf_of(page.text), "uuid": item.uuid, "kk": kk, "nik": spaced})
    assert done.status_code == 200 and 'id="berhasil"' in done.text
    assert f'id="keluarga-{item.uuid}"' not in done.text
    feed = device.get("/status", params={"since": 0}).json()
    [issued] = [r for r in feed["registrations"] if r["uuid"] == item.uuid]
    assert issued["no_kk"] == kk and issued["niks"] == niks
