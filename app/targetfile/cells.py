"""One cell of a target list as a value: birth dates, text, NIK/KK numbers, RT/RW, status KTP-el."""

from __future__ import annotations

import datetime as dt
import re

from app.core.values import StatusKtpEl

_ISO = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")
_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?")


class DateError(ValueError):
    """A birth date cell that is not a date (the message says why)."""


def parse_birth_date(value: object, *, epoch: dt.datetime | None = None) -> dt.date:
    """A birth date from a cell; `DateError` (a ValueError) with the reason otherwise.

    Text: YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY, YYYY/MM/DD (a time
    part such as ``00:00:00`` is ignored). XLSX: date cells and, with `epoch`,
    date serial numbers.
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
        if match is None:
            raise DateError(
                "tanggal lahir tidak dikenali (pakai YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY)"
            )
        day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError("tanggal lahir bukan tanggal yang ada di kalender") from None


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
    """A NIK/KK cell as text; an Excel number is refused (ValueError).

    Excel keeps 15 significant digits, so a 16-digit number typed into a
    number cell has already lost its last digit, and nothing in the file
    shows it. Only text cells are trusted.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError(
            f"{label} tersimpan sebagai angka di Excel (hanya 15 digit yang disimpan, digit "
            "terakhir bisa berubah); format kolom sebagai Teks lalu isi ulang"
        )
    return cell_text(value)


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
