"""No-NIK registrations in a real SQLCipher store: kept once with the active trip, refused whole with
reasons, pending until the server holds them, and the issued numbers kept only when they fit."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from faker import Faker

from app.core.regions import RegionIndex
from app.core.registration import Issued, Registration, RegistrationRefused
from app.store.audit import AuditLog
from app.store.registrations import ACKED, REFUSED, Registrations
from app.store.trips import Trips
from support.people import GeneratedPeople

TODAY = dt.date.today()


@pytest.fixture
def people(seed_regions_csv) -> GeneratedPeople:
    with open(seed_regions_csv, encoding="utf-8", newline="") as f:
        regions = RegionIndex.from_csv(f)
    fake = Faker("id_ID")
    fake.seed_instance(5)
    return GeneratedPeople(regions, fake, random.Random(5))


def test_a_registration_is_kept_with_its_trip_and_listed(store, people):
    trips = Trips(store)
    trip = trips.create("Desa Batas", "perbatasan", "Jorong Lubuk", TODAY, TODAY + dt.timedelta(days=2), ["Ani"])
    trips.activate(trip.id, TODAY)
    regs = Registrations(store)
    family = people.family_data("13.72", TODAY)
    held = regs.create(Registration.from_dict(family), today=TODAY, operator="Operator Uji")
    assert held.trip == trip.ref() and held.status == "pending"
    again = regs.get(held.uuid)
    assert again is not None and again.registration == Registration.from_dict(family)
    assert again.trip == trip.ref() and again.recorded_on == TODAY
    assert [r.uuid for r in regs.list()] == [held.uuid] and regs.pending_count() == 1
    entry = [e for e in AuditLog(store).entries() if e.action == "nonik.registered"][-1]
    assert entry.detail == {"uuid": held.uuid, "members": 4}


def test_a_refused_registration_stores_nothing_and_says_why(store, people):
    regs = Registrations(store)
    family = people.family_data("13.72", TODAY)
    family["members"][0]["hubungan_keluarga"] = 4
    family["members"][1]["nama"] = "X" * 300
    with pytest.raises(RegistrationRefused) as caught:
        regs.create(Registration.from_dict(family), today=TODAY)
    codes = {f.code for f in caught.value.findings}
    assert {"registration.head_missing", "name.too_long"} <= codes
    assert regs.list() == [] and regs.pending_count() == 0


def test_sync_states_and_issued_numbers(store, people):
    regs = Registrations(store)
    family = people.family_data("13.72", TODAY, children=1)
    first = regs.create(Registration.from_dict(family), today=TODAY)
    second = regs.create(Registration.from_dict(people.family_data("13.72", TODAY)), today=TODAY)
    assert [r.uuid for r in regs.pending()] == [first.uuid, second.uuid]
    assert regs.mark_synced([first.uuid]) == 1 and regs.mark_synced([first.uuid]) == 0
    regs.mark_refused(second.uuid, "sync.item_refused")
    assert regs.get(first.uuid).status == "waiting" and regs.get(second.uuid).sync_state == REFUSED
    assert regs.pending() == []

    kk, niks = people.issued_for(family)
    wrong = Issued(kk, tuple(reversed(niks)))  # the head's NIK on the child: does not fit
    assert regs.apply_issued([(first.uuid, wrong), ("00000000-0000-4000-8000-000000000000", wrong)]) == 0
    assert regs.get(first.uuid).issued is None
    assert regs.apply_issued([(first.uuid, Issued(kk, tuple(niks)))]) == 1
    done = regs.get(first.uuid)
    assert done.status == "issued" and done.issued == Issued(kk, tuple(niks)) and done.sync_state == ACKED
    assert regs.apply_issued([(first.uuid, Issued(kk, tuple(niks)))]) == 0  # a repeat changes nothing
