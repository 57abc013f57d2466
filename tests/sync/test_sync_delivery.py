"""Card deliveries over real HTTP to a real server on 127.0.0.1: 500 cards, 480 handed over with a signature and
20 with reasons; after sync the server's figures per RT are the laptop's and the hand count; an answer lost on the
way, a server killed mid-sync and a repeat sync duplicate nothing."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from app.store.card_delivery import CardDelivery
from faultproxy import FaultProxy
from support import delivery_data as dd
from sync.protocol_delivery import DELIVERY_PATH
from sync.server import tables
from sync.server.dashboard import render
from sync.server.delivery_intake import delivery_progress

ON = dt.date.today()


def _rows(server, table) -> int:
    with server.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar()


def _figures(progress) -> dict:
    return {(kel.replace(".", ""), rt): (p.cards, p.handed, p.undelivered, p.reasons)
            for (kel, rt), p in progress.items()}


def test_500_cards_sync_exactly_once_and_add_up_per_rt_on_both_ends(session, server, registered):
    cards = dd.plan()
    dd.store_targets(session.store, cards)
    delivery = CardDelivery(session.store)
    delivery.import_batch("Cetak uji", [(i + 1, c["nik"]) for i, c in enumerate(cards)])
    dd.deliver(session.store, cards, ON)
    laptop = _figures(delivery.progress())
    assert laptop == {(kel.replace(".", ""), rt): v for (kel, rt), v in dd.hand_count(cards).items()}

    lost = {"cards": 0, "events": 0}

    def decide(req):
        # The first page of cards and of events reaches the server, but its answer never comes back.
        if req.method == "POST" and req.path == DELIVERY_PATH:
            kind = "events" if b'"events"' in req.body[:20] else "cards"
            if not lost[kind]:
                lost[kind] += 1
                return "drop_after"
        return None

    with FaultProxy(server.port, decide=decide) as proxy:
        pump = registered(server, url=proxy.url, batch_size=100)
        assert pump.has_work()
        runs = 0
        while delivery.pending_count() and runs < 10:
            runs += 1
            pump.run_once(force=True)
        assert lost == {"cards": 1, "events": 1}
        assert delivery.pending_count() == 0 and not pump.has_work()
        posts = proxy.count("POST", DELIVERY_PATH)
        again = pump.run_once(force=True)
        assert again.ok and again.deliveries_synced == 0
        assert proxy.count("POST", DELIVERY_PATH) == posts  # nothing left to send
    assert (_rows(server, tables.delivery_cards), _rows(server, tables.delivery_events)) == (500, 500)
    status = server.status()  # jemput-server status
    assert (status["kartu_antar"], status["antar_diserahkan"], status["antar_tidak_terserahkan"]) == (500, 480, 20)
    on_server = _figures(delivery_progress(server.engine))
    assert on_server == laptop
    assert sum(v[1] for v in on_server.values()) == 480 and sum(v[2] for v in on_server.values()) == 20
    with server.engine.connect() as conn:
        proofs = conn.execute(sa.select(tables.delivery_events.c.proof_sha256)
                              .where(tables.delivery_events.c.kind == "diserahkan")).scalars().all()
    held = server.media_files()
    assert len(proofs) == 480 and all(p in held for p in proofs)
    # The dashboard shows them per kelurahan beside the recording progress (no names, no NIKs).
    page = render(server.engine, "admin", "t")
    table = page[page.index('id="tabel-antar-kelurahan"'):page.index("</table>", page.index('id="tabel-antar-kelurahan"'))]
    for kel in dd.KELURAHAN:
        mine = [v for (k, _rt), v in dd.hand_count(cards).items() if k == kel]
        cells = [sum(v[0] for v in mine), sum(v[1] for v in mine), sum(v[2] for v in mine)]
        assert f"<td>{cells[0]}</td><td>{cells[1]}</td><td>{cells[2]}</td><td>0</td>" in table, (kel, cells)
    assert all(c["nik"] not in page and c["nama"] not in page for c in cards)


def test_a_server_killed_mid_sync_then_the_next_sync_keeps_each_event_once(session, server, registered):
    cards = dd.plan(120, 10)
    dd.store_targets(session.store, cards)
    delivery = CardDelivery(session.store)
    delivery.import_batch("Cetak uji", [(i + 1, c["nik"]) for i, c in enumerate(cards)])
    dd.deliver(session.store, cards, ON)
    killed = []

    def decide(req):
        if req.method == "POST" and req.path == DELIVERY_PATH and b'"events"' in req.body[:20]:
            killed.append(len(killed) + 1)
            if len(killed) == 2:
                server.kill()  # the server dies under the second page of events
        return None

    with FaultProxy(server.port, decide=decide) as proxy:
        pump = registered(server, url=proxy.url, batch_size=20)
        first = pump.run_once(force=True)
        assert first.error and len(killed) == 2
        assert 0 < delivery.pending_count() < 120
        revived = server.restart()  # same port: the proxy reaches it again
        runs = 0
        while delivery.pending_count() and runs < 5:
            runs += 1
            pump.run_once(force=True)
    assert delivery.pending_count() == 0
    assert (_rows(revived, tables.delivery_cards), _rows(revived, tables.delivery_events)) == (120, 120)
    assert _figures(delivery_progress(revived.engine)) == _figures(delivery.progress())
    revived.stop()


def test_a_server_without_card_delivery_gets_none_and_they_wait(session, server, registered):
    """An older server (no ``card_delivery`` in its capabilities): nothing is sent, cards and events stay
    pending, and they do not keep an automatic sync going."""
    from sync.client import Keys

    cards = dd.plan(5, 1)
    dd.store_targets(session.store, cards)
    delivery = CardDelivery(session.store)
    delivery.import_batch("Cetak uji", [(i + 1, c["nik"]) for i, c in enumerate(cards)])
    dd.deliver(session.store, cards, ON)
    pump = registered(server)
    pump._configure()
    caps = pump._capabilities().model_copy(update={"card_delivery": False})
    pump._caps = caps
    pump.settings.set(Keys.CAPABILITIES, {"caps": caps.model_dump(mode="json"), "at": 9e12, "url": pump.http.base})
    report = pump.run_once(force=True)
    assert report.ok and report.deliveries_synced == 0
    assert delivery.pending_count() == 10 and _rows(server, tables.delivery_cards) == 0
    assert not pump.has_work()
