"""Targets keep no_kk and tempat_lahir: set by a row that has them, kept by one that lacks them
(the server's feed), cleared by an empty value; a malformed KK number is refused."""

from __future__ import annotations

import pytest

from app.store.targets import TargetRepo
from store_support import make_resident


def _row(resident, **extra):
    return {"nik": resident.nik, "nama": resident.nama, "kelurahan_kode": resident.kelurahan_kode,
            "rt": resident.rt, "rw": resident.rw, **extra}


def test_no_kk_and_tempat_lahir_are_set_kept_and_cleared(store, fake):
    targets = TargetRepo(store)
    a, b = make_resident(fake), make_resident(fake)
    targets.upsert_many([_row(a, no_kk=a.no_kk, tempat_lahir=" kota  solok "), _row(b)])
    assert (targets.get(a.nik).no_kk, targets.get(a.nik).tempat_lahir) == (a.no_kk, "KOTA SOLOK")
    assert (targets.get(b.nik).no_kk, targets.get(b.nik).tempat_lahir) == ("", "")
    # What the sync pull writes: no such keys (or None) -> kept, even when other fields change.
    assert targets.upsert_many([_row(a, alamat="JL. BARU", recorded_elsewhere=False),
                                _row(b, no_kk=None)]) == (0, 2)
    assert (targets.get(a.nik).no_kk, targets.get(a.nik).tempat_lahir) == (a.no_kk, "KOTA SOLOK")
    assert targets.get(a.nik).alamat == "JL. BARU"
    targets.upsert_many([_row(a, no_kk="", tempat_lahir="")])
    assert (targets.get(a.nik).no_kk, targets.get(a.nik).tempat_lahir) == ("", "")


@pytest.mark.parametrize("bad", ["123", "16710112030800X7", "16710112030800071"])
def test_a_malformed_kk_number_is_refused(store, fake, bad):
    targets, a = TargetRepo(store), make_resident(fake)
    errors: list = []
    assert targets.upsert_many([_row(a, no_kk=bad)], errors=errors) == (0, 0)
    assert errors == [(1, "nomor KK harus 16 angka")]
    assert bad not in errors[0][1]
