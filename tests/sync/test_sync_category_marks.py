"""Marked categories over real HTTP: each change made on the laptop reaches a real server on 127.0.0.1
exactly once (a resend after a lost answer changes nothing), the server's latest change per NIK and
category is the laptop's; hostile changes are refused with nothing stored; an older server never sees
one and they wait."""

from __future__ import annotations

import datetime as dt

import requests
import sqlalchemy as sa

from app.core.categories import Category
from app.store.category_marks import CategoryMarks
from app.store.visits import VisitOutcomes
from sync import protocol
from sync.protocol_caps import Capabilities
from sync.client import Keys
from sync.client.category_marks import mark_item
from sync.protocol_marks import CATEGORY_MARKS_PATH
from sync.server import tables
from sync.server.category_marks import marked_niks


def _server_rows(server) -> list[tuple]:
    m = tables.category_marks
    with server.engine.connect() as conn:
        return conn.execute(sa.select(m.c.uuid, m.c.nik, m.c.category, m.c.marked).order_by(m.c.id)).all()


def _marked_on_server(server, category: Category) -> set[str]:
    with server.engine.connect() as conn:
        return set(conn.execute(marked_niks(category.value)).scalars())


def test_changes_reach_the_server_once_and_the_latest_wins(session, people, server, registered):
    pump = registered(server)
    visits, marks = VisitOutcomes(session.store), CategoryMarks(session.store)
    a, b = people.resident().nik, people.resident().nik
    visits.mark([a, b], Category.DIFABEL, source="tangan")
    visits.unmark(a, Category.DIFABEL)
    visits.mark([a], Category.DIFABEL)  # marked again: three changes for a, the last one marks
    visits.unmark(b, Category.DIFABEL)
    assert pump.has_work()
    report = pump.run_once()
    assert report.ok, report.error
    assert (report.marks_synced, report.marks_refused) == (5, 0) and marks.pending_count() == 0
    assert _marked_on_server(server, Category.DIFABEL) == {a} and len(_server_rows(server)) == 5
    # As if the answer had been lost: the laptop sends them all again; nothing changes on the server.
    with session.store.transaction() as tx:
        tx.conn.execute("UPDATE category_marks SET sync_state = 'pending'")
    report = pump.run_once()
    assert report.marks_synced == 5 and len(_server_rows(server)) == 5
    assert _marked_on_server(server, Category.DIFABEL) == {a}
    assert pump.run_once().marks_synced == 0 and not pump.has_work()


def test_hostile_changes_are_refused_and_nothing_is_stored(session, people, server, registered):
    pump = registered(server)
    headers = {protocol.PROTOCOL_HEADER: protocol.PROTOCOL_VERSION,
               "Authorization": f"Bearer {pump.settings.get(Keys.TOKEN)}"}
    visits, marks = VisitOutcomes(session.store), CategoryMarks(session.store)
    visits.mark([people.resident().nik], Category.TAHANAN, source="Rutan Uji")
    [change] = marks.pending()
    item = mark_item(change)

    def post(body) -> requests.Response:
        return requests.post(server.url + CATEGORY_MARKS_PATH, json=body, headers=headers, timeout=30)

    for hostile in ({"items": []}, {"items": "semua"}, {"items": [{**item, "category": "lansia"}]},
                    {"items": [{**item, "category": "raja"}]}, {"items": [{**item, "nik": "3171 0101 0190 0001"}]},
                    {"items": [{**item, "uuid": "bukan-uuid"}]}, {"items": [{**item, "marked": "ya"}]},
                    {"items": [{**item, "source": "x" * 201}]}, {"items": [{**item, "changed_at": "kemarin"}]},
                    {"items": [item] * (protocol.MAX_BATCH_ITEMS + 1)}):
        answer = post(hostile)
        assert answer.status_code in (413, 422), (hostile if len(str(hostile)) < 500 else "", answer.text)
    answer = post({"items": [{**item, "category": "lansia"}]})
    assert answer.json()["details"]["errors"][0]["loc"][:4] == ["body", "items", "0", "category"]
    assert _server_rows(server) == []

    # The laptop's own copy goes through; the same UUID with other content is a conflict, not stored.
    assert pump.run_once().marks_synced == 1
    assert post({"items": [{**item, "marked": False}]}).json()["results"] == [
        {"uuid": change.uuid, "outcome": "conflict"}]
    assert [r.marked for r in _server_rows(server)] == [True]


def test_a_server_without_category_marks_gets_none_and_they_wait(session, people, server, registered):
    pump = registered(server)
    visits = VisitOutcomes(session.store)
    visits.mark([people.resident().nik], Category.PERBATASAN)
    pump._configure()
    caps = pump._capabilities().model_copy(update={"category_marks": False})
    pump._caps = caps
    pump.settings.set(Keys.CAPABILITIES, {"caps": caps.model_dump(mode="json"), "at": 9e12, "url": pump.http.base})
    report = pump.run_once(force=True)
    assert report.ok and report.marks_synced == 0
    assert CategoryMarks(session.store).pending_count() == 1 and _server_rows(server) == []
    assert not pump.has_work()


def test_an_older_laptop_is_unaffected(session, people, server, registered):
    """A capabilities answer without the field (an older server's) reads as no marks taken."""
    caps = Capabilities.model_validate({
        "protocol_version": "1.3", "max_batch_items": 10, "max_media_bytes": 1, "max_chunk_bytes": 1,
        "media_kinds": ["photo"], "server_time": dt.datetime.now(dt.timezone.utc).isoformat()})
    assert caps.category_marks is False
