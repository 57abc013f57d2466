"""Trip rules (types, dates, team, what "active" means) and school mode's split of a class list by day."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.messages import CodedError
from app.core.school import StudentStatus, assess_student, split_class
from app.core.trips import TripType, active_trip, check_activation, check_trip, parse_team
from sync.protocol import TRIP_TYPES

D = dt.date


def _trip(**kw):
    args = dict(name="Kunjungan SMA 1", trip_type="sekolah", place="SMAN 1 Solok", start=D(2026, 3, 2),
                end=D(2026, 3, 2), team=["Ani", "Budi"])
    args.update(kw)
    return check_trip(args.pop("name"), args.pop("trip_type"), args.pop("place"), args.pop("start"),
                      args.pop("end"), args.pop("team"))


def test_a_good_trip_is_cleaned():
    trip = _trip(name="  Kunjungan   SMA 1 ", team=["Ani", " ani ", "", "Budi  Santoso"])
    assert trip.name == "Kunjungan SMA 1" and trip.type is TripType.SEKOLAH
    assert trip.team == ("Ani", "Budi Santoso") and trip.nights == 0


@pytest.mark.parametrize("changes, code", [
    ({"name": " "}, "trip.name_required"),
    ({"name": "x" * 101}, "trip.name_too_long"),
    ({"trip_type": "pasar"}, "trip.type_unknown"),
    ({"place": ""}, "trip.place_required"),
    ({"start": None}, "trip.dates_required"),
    ({"end": D(2026, 3, 1)}, "trip.end_before_start"),
    ({"trip_type": "perbatasan"}, "trip.overnight_needs_nights"),
    ({"end": D(2026, 4, 2)}, "trip.too_long"),
    ({"team": [" ", ""]}, "trip.team_required"),
    ({"team": [f"Anggota {i}" for i in range(21)]}, "trip.team_too_big"),
])
def test_bad_trips_are_refused_with_their_code(changes, code):
    with pytest.raises(CodedError) as err:
        _trip(**changes)
    assert err.value.code == code and err.value.message


def test_a_border_trip_stays_nights_and_the_limit_is_31_days():
    trip = _trip(trip_type="perbatasan", end=D(2026, 3, 4))
    assert trip.type.overnight and trip.nights == 2
    assert _trip(end=D(2026, 4, 1)).nights == 30  # 31 days: allowed


def test_activation_and_active_follow_the_trip_days():
    trip = _trip(start=D(2026, 3, 2), end=D(2026, 3, 4), trip_type="perbatasan")
    with pytest.raises(CodedError) as err:
        check_activation(trip, D(2026, 3, 1))
    assert err.value.code == "trip.not_started"
    with pytest.raises(CodedError) as err:
        check_activation(trip, D(2026, 3, 5))
    assert err.value.code == "trip.ended"
    for day in (D(2026, 3, 2), D(2026, 3, 3), D(2026, 3, 4)):
        check_activation(trip, day)
        assert active_trip(trip, day) is trip
    assert active_trip(trip, D(2026, 3, 5)) is None and active_trip(None, D(2026, 3, 3)) is None


def test_trip_types_match_the_protocol_and_have_labels():
    assert tuple(t.value for t in TripType) == TRIP_TYPES
    assert all(t.label for t in TripType)


def test_team_typed_as_one_line():
    assert parse_team("Ani, Budi; Citra\n, ") == ["Ani", "Budi", "Citra"]


ON = D(2026, 3, 2)


def test_a_class_splits_by_the_day():
    students = [
        ("a", D(2010, 3, 3)),  # 15, turns 16 tomorrow: not yet
        ("b", D(2010, 3, 2)),  # 16 today: pre-record
        ("c", D(2009, 3, 3)),  # 16, 17 tomorrow: pre-record, card held until tomorrow
        ("d", D(2009, 3, 2)),  # 17 today: eligible
        ("e", D(2008, 2, 29)),  # 18: eligible
        ("f", D(2012, 1, 1)),  # 14: not yet
    ]
    groups = split_class(students, ON)
    assert groups == {StudentStatus.BELUM: ["a", "f"], StudentStatus.REKAM_AWAL: ["b", "c"],
                      StudentStatus.WAJIB: ["d", "e"]}
    a = assess_student(D(2010, 3, 3), ON)
    assert a.eligible_from == D(2026, 3, 3) and not a.card_held
    c = assess_student(D(2009, 3, 3), ON)
    assert c.card_held and c.card_held_until == D(2026, 3, 3)
    assert assess_student(D(2009, 3, 3), D(2026, 3, 3)).status is StudentStatus.WAJIB


def test_a_leap_day_student_and_a_lower_minimum_age():
    leap = assess_student(D(2012, 2, 29), D(2027, 2, 28), min_recording_age=15)
    assert leap.status is StudentStatus.BELUM and leap.eligible_from == D(2027, 3, 1)
    assert assess_student(D(2012, 2, 29), D(2027, 3, 1), min_recording_age=15).status is StudentStatus.REKAM_AWAL
    assert StudentStatus.REKAM_AWAL.label == "Rekam awal: kartu ditahan sampai 17"
