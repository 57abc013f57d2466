"""`Resident._of` (the fast build `from_dict` and `with_changes` use) equals the dataclass's own constructor."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.core.resident import _DEFAULTS, RESIDENT_FIELDS, BirthDatePrecision, Resident
from app.core.values import Agama, Disabilitas, JenisKelamin


def test_every_field_has_an_immutable_default_and_nothing_runs_after_init():
    assert not hasattr(Resident, "__post_init__")
    assert list(_DEFAULTS) == list(RESIDENT_FIELDS)  # a field without a default would be left unset by _of
    for value in _DEFAULTS.values():
        hash(value)  # immutable: shared by every record built


def test_built_fast_or_by_the_constructor_the_record_is_the_same():
    values = {"nik": "1671014101900001", "nama": "SITI", "tanggal_lahir": dt.date(1990, 1, 1),
              "tanggal_lahir_presisi": BirthDatePrecision.MONTH, "jenis_kelamin": JenisKelamin.PEREMPUAN,
              "agama": Agama.ISLAM, "disabilitas": (Disabilitas.FISIK,)}
    fast, slow = Resident._of(values), Resident(**values)
    assert fast == slow and repr(fast) == repr(slow) and hash(fast) == hash(slow)
    assert vars(fast) == vars(slow) and list(vars(fast)) == list(vars(slow))
    assert Resident._of({}) == Resident()
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.nama = "X"  # type: ignore[misc]


def test_with_changes_is_dataclasses_replace():
    r = Resident(nik="1", nama="A", rt="001")
    assert r.with_changes(nama="B", rw="002") == dataclasses.replace(r, nama="B", rw="002")
    assert r.with_changes() == r
    with pytest.raises(TypeError):
        r.with_changes(no_such_field="x")
