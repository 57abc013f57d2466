"""The receipt's content: the lines a resident takes home, from the recording and the settings."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.receipt import DEFAULT_CONTACT, DEFAULT_OFFICE, build_receipt
from app.core.receipt_number import format_registration_number, registration_number
from app.core.resident import Resident

UUID = "6f1c0e2a-9b7d-4c3e-8a21-0d9e8f7a6b5c"


def _resident(**changes) -> Resident:
    base = Resident(nik="1372015405010003", nama="SITI  NUR'AINI", alamat="Jl. Syech Kukut  No. 5", rt="003",
                    rw="001", kelurahan_nama="TANAH GARAM", kecamatan_nama="LUBUK SIKARAH",
                    kabupaten_nama="KOTA SOLOK")
    return base.with_changes(**changes)


def test_receipt_lines_name_the_resident_the_visit_and_the_number():
    receipt = build_receipt(UUID, _resident(), dt.date(2026, 3, 1), operator="Rina", office=" Disdukcapil  Kota Solok ",
                            contact="Kantor Disdukcapil Kota Solok, Jl. Lubuk Sikarah 1, telp. 0755-20001")
    rows = dict(receipt.rows)
    assert rows["Nama"] == "SITI NUR'AINI"
    assert rows["NIK"] == "1372015405010003"
    assert rows["Tanggal perekaman"] == "1 Maret 2026"
    assert rows["Tempat"] == ("Jl. Syech Kukut No. 5, RT 003/RW 001, Kel. TANAH GARAM, Kec. LUBUK SIKARAH, "
                              "KOTA SOLOK")
    assert rows["Tim perekaman"] == "Rina, Disdukcapil Kota Solok"
    assert receipt.office == "Disdukcapil Kota Solok"
    assert receipt.where_to_ask.startswith("Kantor Disdukcapil Kota Solok")
    assert receipt.qr_payload == registration_number(UUID)
    assert receipt.number == format_registration_number(receipt.qr_payload)
    assert "1372015405010003" not in receipt.qr_payload  # the QR holds the number only


def test_empty_settings_and_a_sparse_record_still_give_a_whole_receipt():
    receipt = build_receipt(UUID, Resident(nik="1372015405010003", nama="ANI"), dt.date(2026, 12, 31),
                            operator="  ", office="", contact="   ")
    rows = dict(receipt.rows)
    assert receipt.office == DEFAULT_OFFICE and receipt.where_to_ask == DEFAULT_CONTACT
    assert rows["Tempat"] == "-"
    assert rows["Tim perekaman"] == f"-, {DEFAULT_OFFICE}"
    assert rows["Tanggal perekaman"] == "31 Desember 2026"


def test_a_recording_without_a_real_uuid_gets_no_receipt():
    with pytest.raises(ValueError):
        build_receipt("not-a-uuid", _resident(), dt.date(2026, 3, 1), operator="Rina")


def test_a_demo_profiles_receipt_says_it_is_no_real_receipt():
    """Demo stays demo: a receipt printed from the training profile cannot pass for a real one."""
    real = build_receipt(UUID, _resident(), dt.date(2026, 3, 1), operator="Rina")
    demo = build_receipt(UUID, _resident(), dt.date(2026, 3, 1), operator="Rina", demo=True)
    assert "DEMO" not in real.title and "demo" not in real.note
    assert demo.title.startswith("DEMO") and "bukan dokumen resmi" in demo.note
    assert demo.rows == real.rows and demo.number == real.number
