"""What a sync costs besides the bytes: requests counted through a proxy, so the overhead cannot creep back.

No probe and no capabilities request of its own (the registration's answer
carries the capabilities and every answer their tag), the first request stands
in for the probe, two batches travel at once, the trail's old entries go beside
the first batch, and the end is one round trip (trail, statuses, targets at once).
"""

from __future__ import annotations

import gzip
import json
from collections import Counter

import requests

from app.store.outbox import Outbox
from faultproxy import FaultProxy
from sync import protocol
from sync.client import Keys
from sync.protocol_caps import CAPS_TAG_HEADER, Capabilities, caps_tag
from sync.protocol_problems import Problems
from sync_support import AREA, make_pump, media_for, record

N = 12


def _requests(proxy: FaultProxy, since: int = 0) -> Counter:
    return Counter(f"{s.method} {s.path.split('?')[0]}" for s in proxy.seen[since:])


def test_a_sync_makes_only_the_requests_its_work_needs(session, people, module_server, registered):
    with FaultProxy(module_server.port) as proxy:
        pump = registered(module_server, url=proxy.url)
        registering = len(proxy.seen)
        for _ in range(N):
            record(session.store, people, media=media_for(people.rng, target_kb=20))
        report = pump.run_once()
        assert report.ok and report.acked == N, report.error
        seen = _requests(proxy, registering)
        bundles = seen.pop("POST /media-bundle")
        # the first batch (10) and the rest; the old trail early, the new one (and the run's entry) at the end
        assert seen == {"POST /recordings/batch": 2, "POST /audit": 2, "GET /status": 1, "GET /targets": 1}, seen
        assert 1 <= bundles <= 6 and report.requests == sum(seen.values()) + bundles
        assert report.reachable is True

        before = len(proxy.seen)
        idle = pump.run_once()  # nothing queued: the trail's new entry and both feeds, one round trip
        assert idle.ok and idle.requests == 3
        assert _requests(proxy, before) == {"POST /audit": 1, "GET /status": 1, "GET /targets": 1}


def test_answers_carry_the_capabilities_tag_the_registration_kept(session, module_server, registered):
    pump = registered(module_server)
    kept = session.get_setting(Keys.CAPABILITIES)
    caps = Capabilities.model_validate(kept["caps"])
    assert kept["tag"] == caps_tag(caps) and kept["url"] == module_server.url and caps.gzip_requests
    answer = requests.get(module_server.url + protocol.Paths.HEALTH, timeout=10)
    assert answer.headers[CAPS_TAG_HEADER] == kept["tag"]
    assert pump.run_once().ok and pump.http.requests == 3  # no GET /capabilities


def test_a_reconfigured_server_is_asked_again_and_its_new_limits_hold(session, people, server, registered):
    pump = registered(server)
    old_tag = session.get_setting(Keys.CAPABILITIES)["tag"]
    server.stop()
    smaller = server.restart("--max-batch-items", "4")
    try:
        with FaultProxy(smaller.port) as proxy:
            pump.settings.set(Keys.SERVER_URL, proxy.url)  # (the same server, counted)
            for _ in range(6):
                record(session.store, people, media=media_for(people.rng, target_kb=10))
            # the kept capabilities still say 100 per batch: the cached ones are trusted at first,
            # the first answer's tag says they changed, and they are asked for again
            pump.settings.set(Keys.CAPABILITIES, {**session.get_setting(Keys.CAPABILITIES), "url": proxy.url})
            report = pump.run_once()
            assert report.ok and report.acked == 6, report.error
            assert _requests(proxy)["GET /capabilities"] == 1
        kept = session.get_setting(Keys.CAPABILITIES)
        assert kept["tag"] != old_tag and kept["caps"]["max_batch_items"] == 4
        assert pump._capabilities().max_batch_items == 4
    finally:
        smaller.stop()


def test_an_answer_without_the_tag_means_an_older_server(session, module_server, registered):
    """A downgrade: answers with no tag where the kept capabilities had one make them stale."""
    pump = registered(module_server)
    pump._configure()
    caps = pump._capabilities()
    assert not pump._caps_stale
    pump._note_caps_tag(pump._caps_tag)
    assert not pump._caps_stale
    pump._note_caps_tag(None)  # what an older server's answer carries
    assert pump._caps_stale
    assert pump._capabilities() == caps.model_copy(update={"server_time": pump._caps.server_time})
    assert not pump._caps_stale  # asked again (the same server: the same tag)


def test_capabilities_kept_without_a_tag_are_asked_again_after_hours(session, module_server, registered):
    pump = registered(module_server)
    kept = session.get_setting(Keys.CAPABILITIES)
    untagged = {k: v for k, v in kept.items() if k != "tag"}
    pump.settings.set(Keys.CAPABILITIES, {**untagged, "at": kept["at"] - 7 * 3600})
    pump._caps = None
    assert pump.run_once().ok
    assert session.get_setting(Keys.CAPABILITIES)["tag"] == kept["tag"]  # asked again, tag kept now


def test_an_unreachable_server_costs_one_request_and_nothing_is_counted(session, people, server, registered):
    pump = registered(server)
    rec = record(session.store, people)
    server.stop()
    report = pump.run_once()
    assert report.error_code == "sync.unreachable" and report.reachable is False
    assert report.requests == 1  # the first request is the probe: no retries
    entry = Outbox(session.store).get(rec.uuid)
    assert entry.attempts == 0 and session.get_setting(Keys.NEXT_ATTEMPT)


def test_the_server_reads_a_gzip_body_like_a_plain_one_and_bounds_it(session, people, module_server):
    headers = {protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION, "Content-Type": "application/json"}
    code = module_server.enrollment_code(area=AREA)
    body = {"enrollment_code": code, "device_label": "laptop-gzip", "nonce": "g" * 22}
    packed = gzip.compress(protocol.canonical_json(body))
    answer = requests.post(module_server.url + protocol.Paths.REGISTER, data=packed, timeout=30,
                           headers={**headers, "Content-Encoding": "gzip"})
    assert answer.status_code == 201, answer.text
    token = answer.json()["token"]
    headers["Authorization"] = f"Bearer {token}"

    broken = requests.post(module_server.url + protocol.Paths.BATCH, data=b"\x1f\x8bnot gzip at all", timeout=30,
                           headers={**headers, "Content-Encoding": "gzip"})
    assert broken.status_code == 400 and broken.json()["status"] == 400  # unreadable: refused, nothing stored

    bomb = gzip.compress(b'{"items":[' + b" " * (9 * 1024 * 1024) + b"]}")  # 9 MB of nothing, 9 KB packed
    big = requests.post(module_server.url + protocol.Paths.BATCH, data=bomb, timeout=30,
                        headers={**headers, "Content-Encoding": "gzip"})
    assert big.status_code == 413 and big.json()["code"] == Problems.BODY_TOO_LARGE.code


def test_a_pump_sends_its_batches_and_trail_compressed(session, people, module_server):
    posted = []

    def decide(req):  # noqa: ANN001 - keeps what the laptop posted
        if req.method == "POST" and req.path in (protocol.Paths.BATCH, protocol.Paths.AUDIT):
            posted.append((req.path, req.headers.get("content-encoding"), req.body))
        return None

    with FaultProxy(module_server.port, decide=decide) as proxy:
        pump = make_pump(session.store)
        pump.register(proxy.url, module_server.enrollment_code(area=AREA), "laptop-uji")
        recs = [record(session.store, people, media=media_for(people.rng, target_kb=10)) for _ in range(3)]
        report = pump.run_once()
        pump.close()
    assert report.ok and report.acked == 3
    [(_path, encoding, body)] = [p for p in posted if p[0] == protocol.Paths.BATCH]
    plain = gzip.decompress(body)
    assert encoding == "gzip" and len(body) < 0.7 * len(plain)
    assert [i["uuid"] for i in json.loads(plain)["items"]] == [r.uuid for r in recs]
    assert {p[1] for p in posted if p[0] == protocol.Paths.AUDIT} == {"gzip"}
    assert {session.get_recording(r.uuid).status.value for r in recs} == {"accepted"}
