"""What the resident's receipt (bukti perekaman) says: one page, the same on screen, on paper and in a PDF.

The receipt is a document for the resident, so it is worded in Bahasa
Indonesia whatever language the operator's window uses (like the SIAK value
labels, its words are data here, not UI text). `build_receipt` gathers the
lines from the recording and the profile's settings; `app.ui.receipt_pdf`
only lays them out. The registration number is `app.core.receipt_number`'s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core._text import collapse_spaces, format_date_id
from app.core.lifecycle import RecordingStatus
from app.core.receipt_number import format_registration_number, registration_number
from app.core.resident import Resident

TITLE = "BUKTI PEREKAMAN KTP-EL"
DEMO_TITLE = "DEMO — BUKAN BUKTI PEREKAMAN"
DEMO_NOTE = "Dicetak dari profil latihan (demo) dengan warga buatan. Ini bukan dokumen resmi."
DEFAULT_OFFICE = "Dinas Kependudukan dan Pencatatan Sipil"
DEFAULT_CONTACT = "Kantor Disdukcapil kabupaten/kota tempat Anda tinggal"
NOTE = ("Simpan bukti ini. KTP-el dicetak setelah data Anda diverifikasi. Saat bertanya tentang KTP-el Anda, "
        "sebutkan nomor registrasi di atas atau tunjukkan kode QR-nya.")
WHERE_TO_ASK = "Tempat bertanya"


@dataclass(frozen=True)
class Receipt:
    """One receipt, ready to lay out.

    Attributes:
        number: the registration number as printed (``XXXX-XXXX-XXX``).
        qr_payload: what the QR code holds: the number only (no personal data).
        rows: (label, value) lines in print order.
        office: the Dinas heading the page.
        where_to_ask: who answers the resident's questions.
    """

    title: str
    office: str
    number: str
    qr_payload: str
    rows: tuple[tuple[str, str], ...]
    where_to_ask: str
    note: str = NOTE


def has_receipt(status: RecordingStatus | str, *, purged: bool = False) -> bool:
    """A recording gets a receipt once completed (not a draft, not one the server rejected: its
    correction gets its own), while the laptop still holds the resident's data."""
    return not purged and RecordingStatus(status) not in (RecordingStatus.DRAFT, RecordingStatus.REJECTED)


def _place(r: Resident) -> str:
    """'Jl. Merdeka 5, RT 003/RW 001, Kel. Tanah Garam, Kec. Lubuk Sikarah, Kota Solok'."""
    parts = [collapse_spaces(r.alamat)]
    if r.rt or r.rw:
        parts.append(f"RT {r.rt or '-'}/RW {r.rw or '-'}")
    for prefix, name in (("Kel.", r.kelurahan_nama), ("Kec.", r.kecamatan_nama), ("", r.kabupaten_nama)):
        if name.strip():
            parts.append(f"{prefix} {collapse_spaces(name)}".strip())
    return ", ".join(p for p in parts if p)


def office_or_default(office: str) -> str:
    """The office that heads a printed paper: the setting, else the Dinas."""
    return collapse_spaces(office) or DEFAULT_OFFICE


def build_receipt(uuid: str, resident: Resident, recorded_on: dt.date, *, operator: str,
                  office: str = "", contact: str = "", demo: bool = False) -> Receipt:
    """The receipt of the recording `uuid`; empty `office`/`contact` settings fall back to the defaults.
    A demo profile's receipt (`demo`) says so in its title and note, so it can never pass for a real one."""
    office = office_or_default(office)
    number = registration_number(uuid)
    rows = (
        ("Nama", collapse_spaces(resident.nama)),
        ("NIK", resident.nik),
        ("Tanggal perekaman", format_date_id(recorded_on)),
        ("Tempat", _place(resident) or "-"),
        ("Tim perekaman", f"{collapse_spaces(operator) or '-'}, {office}"),
    )
    return Receipt(DEMO_TITLE if demo else TITLE, office, format_registration_number(number), number, rows,
                   collapse_spaces(contact) or DEFAULT_CONTACT, DEMO_NOTE if demo else NOTE)
