"""The official SIAK value lists carry the right codes."""

import pytest

from app.core.values import (
    Agama, Disabilitas, GolonganDarah, HubunganKeluarga, JenisKelamin, Kewarganegaraan,
    Pekerjaan, Pendidikan, StatusPerkawinan,
)


def test_pekerjaan_has_89_codes_in_siak_order():
    assert len(Pekerjaan) == 89
    assert Pekerjaan(1).label == "Belum/Tidak Bekerja"
    assert Pekerjaan(60).label == "Walikota"
    assert Pekerjaan(70).label == "Akuntan"
    assert Pekerjaan(80).label == "Peneliti"
    assert Pekerjaan(88).label == "Wiraswasta"
    assert Pekerjaan(89).label == "Lainnya"


@pytest.mark.parametrize(
    "enum, code, label",
    [
        (Agama, 7, "Kepercayaan Terhadap Tuhan YME"),
        (StatusPerkawinan, 4, "Cerai Mati"),
        (GolonganDarah, 10, "AB-"),
        (GolonganDarah, 13, "Tidak Tahu"),
        (Pendidikan, 7, "Akademi/Diploma III/S. Muda"),
        (HubunganKeluarga, 11, "Lainnya"),
        (Disabilitas, 3, "Rungu/Wicara"),
    ],
)
def test_codes_and_labels(enum, code, label):
    assert enum(code).label == label
    assert enum.parse(label) is enum(code)
    assert enum.parse(str(code)) is enum(code)


def test_blood_group_sign_matters():
    assert GolonganDarah.parse("A+") is GolonganDarah.A_POS
    assert GolonganDarah.parse("A-") is GolonganDarah.A_NEG
    assert GolonganDarah.parse("a") is GolonganDarah.A


@pytest.mark.parametrize("bad", ["", "99", "Zoroaster", None, 3.5])
def test_unknown_value_raises_with_indonesian_message(bad):
    with pytest.raises(ValueError, match="tidak dikenal"):
        Agama.parse(bad)


def test_sex_and_citizenship_parse():
    assert JenisKelamin.parse("Perempuan") is JenisKelamin.PEREMPUAN
    assert JenisKelamin.parse("lk") is JenisKelamin.LAKI_LAKI
    assert Kewarganegaraan.parse("wna") is Kewarganegaraan.WNA
    with pytest.raises(ValueError):
        JenisKelamin.parse("X")
