"""Names as the KTP prints them: normalisation and the allowed characters."""

from __future__ import annotations

import pytest
from faker import Faker

from app.core.findings import Severity
from app.core.names import MAX_NAME_LENGTH, check_name, normalize_name


@pytest.mark.parametrize(
    "raw, normalized",
    [
        ("NI LUH PUTU ARI", "NI LUH PUTU ARI"),
        ("  ni   luh\tputu\nari ", "NI LUH PUTU ARI"),
        ("muh. rizky", "MUH. RIZKY"),
        ("Siti Nur'aini", "SITI NUR'AINI"),
        ("Siti Nur’aini", "SITI NUR'AINI"),  # typographic apostrophe
        ("Siti Nur‘aini", "SITI NUR'AINI"),
        ("I Gusti Ngurah Rai", "I GUSTI NGURAH RAI"),
        ("ＳＵＫＡＲＮＯ", "SUKARNO"),  # full-width letters
        ("", ""),
        (None, ""),
        ("\u00a0\u2003", ""),  # non-breaking and em spaces only
    ],
)
def test_normalize_name(raw, normalized):
    assert normalize_name(raw) == normalized


@pytest.mark.parametrize(
    "name",
    [
        "NI LUH PUTU ARI", "MUH. RIZKY", "SITI NUR'AINI", "SITI NUR’AINI", "I GUSTI NGURAH RAI",
        "SUKARNO",  # mononym
        "A",  # one letter is still a name
        "ANAK AGUNG GEDE NGURAH, S.H.", "MARIA-THERESIA", "abdul  rahman wahid",
        "X" * MAX_NAME_LENGTH,
    ],
)
def test_valid_names(name):
    assert check_name(name) == []


@pytest.mark.parametrize(
    "name, codes, shown",
    [
        ("BUDI 2", ["name.invalid_chars"], ['"2"']),
        ("AGUS SALIM 3RD", ["name.invalid_chars"], ['"3"']),
        ("AHMAD@HOME#1", ["name.invalid_chars"], ['"@"', '"#"', '"1"']),
        ("ANI 😀", ["name.invalid_chars"], ['"😀"']),
        ("ROBERT'); DROP TABLE resident;--", ["name.invalid_chars"], ['")"', '";"']),
        ("' OR '1'='1", ["name.invalid_chars"], ['"1"', '"="']),
        ("SITI_AMINAH", ["name.invalid_chars"], ['"_"']),
        ("JOSÉ", ["name.invalid_chars"], ['"É"']),
        ("ANA\u200bBELLA", ["name.invalid_chars"], ["U+200B"]),  # zero-width space
        ("BUDI ١٢٣", ["name.invalid_chars"], ['"١"', '"٢"', '"٣"']),
        ("-ANI", ["name.invalid_chars"], ["diawali huruf"]),
        ("...", ["name.invalid_chars"], ["diawali huruf"]),
        ("", ["name.required"], ["wajib"]),
        ("   ", ["name.required"], ["wajib"]),
        (None, ["name.required"], ["wajib"]),
        ("X" * (MAX_NAME_LENGTH + 1), ["name.too_long"], ["60", "61"]),
        ("A" * 100_000, ["name.too_long"], ["100000"]),
        ("9" * 100_000, ["name.too_long", "name.invalid_chars"], ['"9"']),
        ("".join(chr(c) for c in range(0x21, 0x7F)), ["name.too_long", "name.invalid_chars"],
         ["dan ", "lainnya"]),
    ],
)
def test_invalid_names(name, codes, shown):
    found = check_name(name)
    assert [f.code for f in found] == codes
    assert all(f.severity is Severity.ERROR and f.field == "nama" for f in found)
    message = " ".join(f.message for f in found)
    for piece in shown:
        assert piece in message


def test_only_bad_characters_are_named():
    [finding] = check_name("RINA 2 @")
    named = finding.message.split(":")[1].split(".")[0]
    assert '"2"' in named and '"@"' in named and '"R"' not in named and '" "' not in named


def test_optional_name_may_be_empty_but_not_wrong():
    assert check_name("", field="nama_ayah", required=False) == []
    assert check_name(None, field="nama_ibu", required=False) == []
    [f] = check_name("IBU 1", field="nama_ibu", required=False)
    assert f.field == "nama_ibu" and f.message.startswith("Nama ibu")
    [f] = check_name("", field="tempat_lahir")
    assert f.code == "name.required" and f.message.startswith("Tempat lahir")


def test_generated_indonesian_names_pass():
    fake = Faker("id_ID")
    fake.seed_instance(17)
    for _ in range(300):
        assert check_name(fake.name()) == []
