"""The nomor KK (Kartu Keluarga): 16 digits, the first six the issuing kecamatan.

The split of the remaining ten digits is not published, so only length, ASCII
digits and the region prefix are checked. As with the NIK, structure faults
are errors and a prefix that is not a current kecamatan, or not the address's,
is a warning the operator confirms.
"""

from __future__ import annotations

from app.core._text import as_text, is_ascii_digits
from app.core.findings import Finding, Severity, finding
from app.core.regions import RegionIndex, is_well_formed, to_digits

FIELD = "no_kk"
KK_LENGTH = 16


def check_kk(
    no_kk: object,
    *,
    regions: RegionIndex | None = None,
    address_kabupaten_kode: str | None = None,
    address_kecamatan_kode: str | None = None,
) -> list[Finding]:
    """Every finding about a KK number.

    Errors: ``kk.required``, ``kk.not_digits``, ``kk.length``. Warnings:
    ``kk.region_unknown`` (prefix not a current kecamatan; without master
    data, an impossible code), ``kk.region_differs_address`` (compared with
    the address kecamatan when given, else with the address kabupaten/kota).
    """
    kk = as_text(no_kk).strip()
    if not kk:
        return [finding("kk.required", FIELD, Severity.ERROR)]
    found: list[Finding] = []
    if not is_ascii_digits(kk):
        found.append(finding("kk.not_digits", FIELD, Severity.ERROR))
    if len(kk) != KK_LENGTH:
        found.append(finding("kk.length", FIELD, Severity.ERROR, length=len(kk)))
    if found:
        return found
    region6 = kk[:6]
    dotted = f"{region6[:2]}.{region6[2:4]}.{region6[4:]}"
    known = (
        regions.kecamatan_for_nik_prefix(region6) is not None
        if regions is not None
        else is_well_formed(dotted)
    )
    if not known:
        found.append(finding("kk.region_unknown", FIELD, Severity.WARNING, region=dotted))
    address = _digits(address_kecamatan_kode, 6) or _digits(address_kabupaten_kode, 4)
    if address is not None and not region6.startswith(address):
        shown = ".".join(address[i:i + 2] for i in range(0, len(address), 2))
        found.append(finding("kk.region_differs_address", FIELD, Severity.WARNING,
                             region=dotted, address=shown))
    return found


def _digits(kode: object, length: int) -> str | None:
    """The first `length` digits of a well-formed region code deep enough; else None."""
    if not is_well_formed(kode):
        return None
    digits = to_digits(kode)  # type: ignore[arg-type]
    return digits[:length] if len(digits) >= length else None
