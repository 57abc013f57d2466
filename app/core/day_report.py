"""The day-end report (laporan akhir hari) per operator: counts per visit outcome, the day's recordings,
their exceptions, and lines for the operator's and the supervisor's signatures.

Pure data: `app.store.day_report` reads the day from the profile, `app.ui.day_report_pdf` lays it out
with Qt's PDF writer. A resident appears by name and the last four digits of the NIK only (the paper
is signed and filed; the full NIK stays in the profile).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

OUTCOME_LABELS = {
    "direkam": "Direkam",
    "tidak_di_rumah": "Tidak di rumah",
    "menolak": "Menolak",
    "pindah": "Pindah",
    "meninggal": "Meninggal",
    "kunjungan_ulang": "Sakit / minta kunjungan ulang",
    "rekam_di_tempat_lain": "Sudah rekam di tempat lain",
}
STATUS_LABELS = {
    "draft": "Draf", "complete": "Menunggu persetujuan", "returned": "Dikembalikan supervisor",
    "queued": "Antre kirim", "sent": "Terkirim",
    "accepted": "Diterima", "duplicate_review": "Ditinjau (NIK ganda)", "rejected": "Ditolak",
}
NO_OPERATOR = "(tanpa operator)"
HOLDER_NOTE = ("Dokumen ini TIDAK terenkripsi dan memuat nama warga serta 4 digit akhir NIK: hanya untuk tim "
               "perekaman, supervisor dan petugas Disdukcapil yang berwenang. Simpan di map berkas; jangan "
               "difoto atau dikirim lewat chat.")


def masked_nik(nik: str) -> str:
    """``************1234``: enough for the team to find the record, not the whole number."""
    return "*" * max(0, len(nik) - 4) + nik[-4:] if nik else "-"


@dataclass(frozen=True)
class ReportRecording:
    time: str  # local HH:MM
    nama: str
    nik: str  # masked (`masked_nik`)
    status: str  # Indonesian label
    exceptions: tuple[str, ...] = ()


@dataclass
class OperatorDay:
    operator: str
    outcomes: dict[str, int] = field(default_factory=dict)  # label -> count, in OUTCOME_LABELS order
    recordings: list[ReportRecording] = field(default_factory=list)

    @property
    def exception_count(self) -> int:
        return sum(1 for r in self.recordings if r.exceptions)


@dataclass(frozen=True)
class DayReport:
    day: dt.date
    team: str
    operators: tuple[OperatorDay, ...]

    @property
    def title(self) -> str:
        return f"Laporan Akhir Hari {self.day.strftime('%d-%m-%Y')}"

    def team_outcomes(self) -> dict[str, int]:
        """The team's counts per visit outcome (every operator's added up)."""
        totals = {label: 0 for label in OUTCOME_LABELS.values()}
        for day in self.operators:
            for label, count in day.outcomes.items():
                totals[label] = totals.get(label, 0) + count
        return totals

    def team_statuses(self) -> dict[str, int]:
        """The team's recordings per status label, in `STATUS_LABELS` order (only those present)."""
        found = [r.status for day in self.operators for r in day.recordings]
        return {label: found.count(label) for label in STATUS_LABELS.values() if label in found}


def build_day_report(day: dt.date, team: str, recordings: list[dict], outcomes: list[tuple[str, str]]) -> DayReport:
    """`recordings`: dicts with operator, time, nama, nik, status, exceptions (list of words);
    `outcomes`: (operator, outcome code) of the day's visits. Operators in name order."""
    days: dict[str, OperatorDay] = {}

    def of(name: str) -> OperatorDay:
        name = name or NO_OPERATOR
        if name not in days:
            days[name] = OperatorDay(name, {label: 0 for label in OUTCOME_LABELS.values()})
        return days[name]

    for operator, code in outcomes:
        label = OUTCOME_LABELS.get(code, code)
        day_of = of(operator)
        day_of.outcomes[label] = day_of.outcomes.get(label, 0) + 1
    for r in sorted(recordings, key=lambda r: r["time"]):
        of(r["operator"]).recordings.append(ReportRecording(
            r["time"], r["nama"], masked_nik(r["nik"]), STATUS_LABELS.get(r["status"], r["status"]),
            tuple(r.get("exceptions", ()))))
    return DayReport(day, team, tuple(days[k] for k in sorted(days, key=str.casefold)))
