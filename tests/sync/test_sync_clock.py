"""The laptop's clock moved in-process (the pump's clock, `sync.client.clock.utc_now`, and the
store's stamps): the server's clock decides a recording's date, and the laptop's retention
counts from when it received a verdict on its own clock, so a clock years behind and later
corrected never purges the safety copies at once."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.lifecycle import RecordingStatus
from app.core.resident import Resident
from app.store import _util as store_clock
from app.store.recordings import Recording, RecordingRepo
from app.store.retention import CLOCK_SKEW_KEY, clock_trusted, observe_clock, purge_by_setting, purge_settled
from sync.client import clock as pump_clock
from sync.protocol_reasons import ReasonCodes
from sync_support import media_for

YEARS = dt.timedelta(days=3 * 365)


@pytest.fixture
def laptop_clock(monkeypatch):
    """Moves the laptop's clock (the pump's and the store's stamps) by an offset."""
    real_pump = pump_clock.utc_now
    offset = {"by": dt.timedelta(0)}

    def pump_now() -> dt.datetime:
        return real_pump() + offset["by"]

    def store_now() -> str:
        return store_clock.to_utc_iso(dt.datetime.now(dt.timezone.utc) + offset["by"])

    import sync.client.batches as batches
    import sync.client.pump as pump_mod
    import app.store.outbox as outbox_mod
    import app.store.outbox_rows as outbox_rows
    import app.store.recordings as recordings_mod

    for module in (pump_clock, batches, pump_mod):
        monkeypatch.setattr(module, "utc_now", pump_now)
    for module in (store_clock, recordings_mod, outbox_mod, outbox_rows):
        monkeypatch.setattr(module, "utc_now", store_now)

    def move(by: dt.timedelta) -> None:
        offset["by"] = by

    yield move


def _recorded(store, people, on: dt.date) -> Recording:  # noqa: ANN001
    """A complete, queued recording made on the laptop's day `on` (valid on that day)."""
    resident = Resident.from_dict(people.resident_data(people.area, on))
    rec = Recording.new(resident, operator="operator-uji", status=RecordingStatus.COMPLETE)
    RecordingRepo(store).save(rec, media_for(people.rng), enqueue=True)
    return RecordingRepo(store).get(rec.uuid)


def test_a_clock_years_behind_sends_to_review_and_purges_nothing_when_corrected(
        session, people, module_server, registered, laptop_clock):
    laptop_clock(-YEARS)
    pump = registered(module_server)
    rec = _recorded(session.store, people, (dt.datetime.now(dt.timezone.utc) - YEARS).date())
    report = pump.run_once(force=True)
    assert report.ok and report.acked == 1, report.error
    got = session.get_recording(rec.uuid)
    assert got.status is RecordingStatus.DUPLICATE_REVIEW  # the server's clock decided: review
    assert [r.code for r in got.server_reasons] == [ReasonCodes.DATE_BEHIND]
    skew = session.get_setting(CLOCK_SKEW_KEY)
    assert abs(skew - YEARS.total_seconds()) < 120  # the laptop knows its clock is off
    assert not clock_trusted(session.store) and purge_by_setting(session.store) is None

    # The administrator keeps it; the laptop (clock still behind) receives the verdict.
    from support.server import server_cli

    server_cli("resolve-duplicate", *module_server.cli_args, rec.uuid, "--keep")
    assert pump.run_once(force=True).statuses_updated == 1
    stamped = dt.datetime.fromisoformat(session.get_recording(rec.uuid).updated_at)
    assert stamped < dt.datetime.now(dt.timezone.utc) - YEARS + dt.timedelta(minutes=5)  # its own clock

    # NTP corrects the clock: the next sync sees it and moves the receipt stamps along...
    laptop_clock(dt.timedelta(0))
    pump._forget_capabilities()
    assert pump.run_once(force=True).ok
    assert clock_trusted(session.store)
    moved = dt.datetime.fromisoformat(session.get_recording(rec.uuid).updated_at)
    assert abs((moved - dt.datetime.now(dt.timezone.utc)).total_seconds()) < 600
    # ...so the safety copy stays for the full period, counted from receipt
    result = purge_by_setting(session.store)
    assert result is not None and result.recordings == 0
    assert len(session.recordings.media(rec.uuid)) == 2
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=31)
    assert purge_settled(session.store, 30, now=later).recordings == 1  # and then it goes


def test_observe_clock_moves_only_stamps_from_before_a_forward_correction(session, people):
    now = dt.datetime.now(dt.timezone.utc)
    store = session.store
    assert observe_clock(store, now, local_now=now) == 0 and clock_trusted(store)
    assert observe_clock(store, now, local_now=now - YEARS) == 0  # first sight of a wrong clock
    assert not clock_trusted(store)
    old = _recorded(store, people, (now - YEARS).date())
    new = _recorded(store, people, now.date())
    with store.transaction() as db:  # received while the clock was behind, and one after
        db.conn.execute("UPDATE recordings SET updated_at = ? WHERE uuid = ?",
                        (store_clock.to_utc_iso(now - YEARS - dt.timedelta(hours=1)), old.uuid))
        db.conn.execute("UPDATE recordings SET updated_at = ? WHERE uuid = ?",
                        (store_clock.to_utc_iso(now), new.uuid))
    assert observe_clock(store, now, local_now=now + dt.timedelta(seconds=1)) == 1  # corrected
    moved = dt.datetime.fromisoformat(session.get_recording(old.uuid).updated_at)
    assert abs((moved - (now - dt.timedelta(hours=1))).total_seconds()) < 5  # an hour before the correction
    assert session.get_recording(new.uuid).updated_at == store_clock.to_utc_iso(now)
    # a clock set years ahead, a verdict received then, and the clock set right again:
    # the stamp written in the wrong future comes back to its receipt moment
    assert observe_clock(store, now, local_now=now + YEARS) == 2  # forward again: both move (kept longer)
    with store.transaction() as db:
        db.conn.execute("UPDATE recordings SET updated_at = ? WHERE uuid = ?",
                        (store_clock.to_utc_iso(now + YEARS - dt.timedelta(minutes=10)), new.uuid))
    before = session.get_recording(old.uuid).updated_at
    assert observe_clock(store, now, local_now=now) == 2  # stamps in the corrected clock's future
    back = dt.datetime.fromisoformat(session.get_recording(new.uuid).updated_at)
    assert abs((back - (now - dt.timedelta(minutes=10))).total_seconds()) < 5
    assert session.get_recording(old.uuid).updated_at < before
    assert observe_clock(store, now, local_now=now + dt.timedelta(hours=2)) == 0  # within a day: nothing
