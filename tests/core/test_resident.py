"""The resident record round-trips through its dict form."""

import datetime as dt

import pytest

from app.core.lifecycle import RecordingStatus, TransitionError, check_move
from app.core.resident import BirthDatePrecision, Resident, estimated_birth_date
from app.core.values import Agama, Disabilitas, JenisKelamin, Pekerjaan


def test_round_trip_through_dict():
    r = Resident(
        nik="1372014107050001", nama="SITI NUR'AINI", tanggal_lahir=dt.date(2005, 7, 1),
        tanggal_lahir_presisi=BirthDatePrecision.YEAR, jenis_kelamin=JenisKelamin.PEREMPUAN,
        agama=Agama.ISLAM, pekerjaan=Pekerjaan.PELAJAR_MAHASISWA,
        disabilitas=(Disabilitas.NETRA, Disabilitas.FISIK),
    )
    data = r.to_dict()
    assert data["agama"] == 1 and data["pekerjaan"] == 3 and data["disabilitas"] == [2, 1]
    assert data["tanggal_lahir"] == "2005-07-01"
    assert Resident.from_dict(data) == r
    assert r.birth_date_estimated


def test_estimated_birth_dates_follow_siak():
    assert estimated_birth_date(1950) == (dt.date(1950, 7, 1), BirthDatePrecision.YEAR)
    assert estimated_birth_date(1950, 3) == (dt.date(1950, 3, 15), BirthDatePrecision.MONTH)


def test_from_dict_rejects_bad_values():
    with pytest.raises(ValueError):
        Resident.from_dict({"tanggal_lahir": "31-04-2000"})
    with pytest.raises(ValueError):
        Resident.from_dict({"agama": 42})
    with pytest.raises(ValueError):
        Resident.from_dict({"nama": 12})


def test_lifecycle_forbids_editing_after_sent():
    check_move(RecordingStatus.DRAFT, RecordingStatus.COMPLETE)
    with pytest.raises(TransitionError):
        check_move(RecordingStatus.SENT, RecordingStatus.DRAFT)
    assert not RecordingStatus.SENT.editable and RecordingStatus.DRAFT.editable
