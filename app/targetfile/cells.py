"""One cell of a target list as a value: birth dates, text, NIK/KK numbers, RT/RW, status KTP-el."""

from __future__ import annotations

import datetime as dt
import re

from app.core.nik import NIK_LENGTH, normalize_nik_input
from app.core.values import StatusKtpEl

_ISO = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")
_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?")
_NAMED = re.compile(r"(\d{1,2})[\s./-]*([A-Za-z]+)\.?[\s./-]*(\d{4})")
_MONTHS = {
    name: number
    for number, names in enumerate((
        ("januari", "jan"), ("februari", "pebruari", "feb", "peb"), ("maret", "mar"),
        ("april", "apr"), ("mei", "may"), ("juni", "jun"), ("juli", "jul"),
        ("agustus", "agu", "agt", "ags", "agus", "aug", "august"), ("september", "sep", "sept"),
        ("oktober", "okt", "oct", "october"), ("november", "nopember", "nov", "nop"),
        ("desember", "des", "dec", "december"),
    ), start=1)
    for name in names
}
_SCIENTIFIC = re.compile(r"[0-9](?:[.,][0-9]+)?[eE]\+?[0-9]+")


class DateError(ValueError):
    """A birth date cell that is not a date (the message says why)."""


def parse_birth_date(value: object, *, epoch: dt.datetime | None = None) -> dt.date:
    """A birth date from a cell; `DateError` (a ValueError) with the reason otherwise.

    Text: YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY, YYYY/MM/DD (a time
    part such as ``00:00:00`` is ignored), and a month by name as SIAK and
    Excel write it: "17 Agustus 1945", "17-Agu-1945", "17 Aug 1945". XLSX:
    date cells and, with `epoch`, date serial numbers.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _excel_serial(value, epoch)
    text = "" if value is None else str(value).strip()
    if not text:
        raise DateError("tanggal lahir wajib diisi")
    if len(text) == 10 and text.isascii():  # fast paths: YYYY-MM-DD and DD-MM-YYYY
        try:
            if text[4] == "-" and text[7] == "-":
                return dt.date.fromisoformat(text)
            sep = text[2]
            if sep in "-/." and text[5] == sep and text[:2].isdigit() and text[3:5].isdigit() \
                    and text[6:].isdigit():
                return dt.date(int(text[6:]), int(text[3:5]), int(text[:2]))
        except ValueError:
            pass  # not a real date, or another layout: the full parse below says which
    if len(text) > 10 and _TIME_TAIL.fullmatch(text[10:]) is not None:
        text = text[:10]
    match = _ISO.fullmatch(text)
    if match is not None:
        year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
    else:
        match = _DMY.fullmatch(text)
        if match is not None:
            day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        else:
            day, month, year = _named_month(text)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError("tanggal lahir bukan tanggal yang ada di kalender") from None


def _named_month(text: str) -> tuple[int, int, int]:
    """(day, month, year) of "17 Agustus 1945"; DateError when it is not such a date."""
    match = _NAMED.fullmatch(text) if len(text) <= 40 else None
    month = _MONTHS.get(match.group(2).lower()) if match is not None else None
    if match is None or month is None:
        raise DateError(
            "tanggal lahir tidak dikenali (pakai YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY "
            "atau 17 Agustus 1945)"
        )
    return int(match.group(1)), month, int(match.group(3))


def _excel_serial(value: float, epoch: dt.datetime | None) -> dt.date:
    if epoch is None:
        raise DateError("tanggal lahir tidak dikenali")
    from openpyxl.utils.datetime import from_excel

    try:
        moment = from_excel(value, epoch=epoch)
    except (ValueError, OverflowError, TypeError):
        raise DateError("tanggal lahir (angka tanggal Excel) tidak valid") from None
    if not isinstance(moment, dt.datetime):
        raise DateError("tanggal lahir (angka tanggal Excel) tidak valid")
    return moment.date()


def cell_text(value: object) -> str:
    """A cell as stripped text; integral floats lose their '.0' (Excel numbers)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return str(value).strip()


def number_text(value: object, label: str) -> str:
    """A NIK/KK cell as 16-digit text, separators removed; ValueError when Excel lost its digits.

    Excel keeps 15 significant digits, so a 16-digit NIK typed into a number
    cell has already lost its last digit (it reads ...0), and one shown as
    3.17101010190001E+15 (an Excel number written into a CSV) has lost more.
    Such a value is refused, never rounded. A number that cannot have been cut
    (16 digits, the last not 0, exact in a double) is taken as it is.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if _intact_number(value):
            return str(int(value))
        raise ValueError(_lost_digits(label))
    text = cell_text(value)
    if len(text) == NIK_LENGTH and text.isascii() and text.isdigit():
        return text  # the usual case, first
    if len(text) <= 40 and _SCIENTIFIC.fullmatch(text) is not None:
        raise ValueError(_lost_digits(label))
    return normalize_nik_input(text)


def _intact_number(value: int | float) -> bool:
    if isinstance(value, float) and not value.is_integer():
        return False
    number = int(value)
    return 10 ** (NIK_LENGTH - 1) <= number < min(10 ** NIK_LENGTH, 2**53) and number % 10 != 0


def _lost_digits(label: str) -> str:
    return (f"{label} tersimpan sebagai angka di Excel dan digit terakhirnya hilang: "
            f"simpan kolom {label} sebagai teks")


def region_from_parts(prop: str, kab: str, kec: str, kel: str) -> str | None:
    """SIAK's NO_PROP, NO_KAB, NO_KEC, NO_KEL as a 10-digit kelurahan code; None if not digits.

    Leading zeros may be missing ("1" = "01", "1" = "0001"); a NO_KEL that holds
    the whole 10-digit code of the same kecamatan is taken too.
    """
    parts = []
    for text, width in ((prop, 2), (kab, 2), (kec, 2)):
        if not (text.isascii() and text.isdigit() and len(text) <= width):
            return None
        parts.append(text.zfill(width))
    head = "".join(parts)
    if len(kel) == 10 and kel.startswith(head):
        kel = kel[6:]
    if not (kel.isascii() and kel.isdigit() and len(kel) <= 4):
        return None
    return head + kel.zfill(4)


def pad_rt_rw(text: str, label: str) -> str:
    """RT/RW padded to 3 digits ('7' -> '007'); empty stays empty; ValueError otherwise."""
    if not text:
        return ""
    if len(text) <= 3 and text.isascii() and text.isdigit() and int(text) > 0:
        return text.zfill(3)
    raise ValueError(f"{label} harus 1-3 angka dan bukan 0 (mis. 001)")


_STATUS_BY_KEY = {re.sub(r"[^A-Z]", "", s.value): s.value for s in StatusKtpEl}


def status_ktp(text: str) -> str:
    """The SIAK status KTP-el value of a cell (default BELUM REKAM); ValueError if unknown."""
    if not text:
        return StatusKtpEl.BELUM_REKAM.value
    value = _STATUS_BY_KEY.get(re.sub(r"[^A-Z]", "", text.upper()))
    if value is None:
        raise ValueError(
            "status KTP-el tidak dikenal (pakai BELUM REKAM, SUDAH REKAM, PRINT READY RECORD, "
            "CARD PRINTED atau BELUM WAJIB)"
        )
    return value
