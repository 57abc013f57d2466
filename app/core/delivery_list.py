"""The delivery list (daftar antar KTP-el) on paper: one sheet per kelurahan and RT, the cards in round order.

Built from the store's cards (anything with the attributes of
`app.store.card_delivery.Card`); the PDF is laid out by `app.ui.delivery_pdf`.
The NIK is masked (last four digits: enough to match the card in hand).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.core._text import format_date_id
from app.core.card_delivery import CardState, DeliveryProgress, Reason, round_key
from app.core.day_report import masked_nik


@dataclass(frozen=True)
class SheetRow:
    number: int
    nama: str
    alamat: str
    rt_rw: str
    nik: str  # masked
    status: str  # Indonesian: empty while waiting, else "Diserahkan" or the reason


@dataclass
class DeliverySheet:
    title: str  # "Daftar Antar KTP-el"
    area: str  # "Kelurahan 16.71.01.1001 Nama — RT 003"
    printed: str  # "2 Desember 2026"
    rows: list[SheetRow] = field(default_factory=list)
    progress: DeliveryProgress = field(default_factory=DeliveryProgress)

    @property
    def summary(self) -> str:
        p = self.progress
        return (f"Kartu {p.cards} · diserahkan {p.handed} · tidak terserahkan {p.undelivered} · "
                f"belum diantar {p.waiting}")


def _status(card) -> str:  # noqa: ANN001 - a Card
    state = CardState(card.state)
    if state is CardState.MENUNGGU:
        return ""
    if state is CardState.DISERAHKAN:
        return state.label
    return Reason(card.reason).label if card.reason else state.label


def build_sheets(cards: Iterable, *, printed_on: dt.date, names: dict[str, str] | None = None) -> list[DeliverySheet]:
    """One sheet per (kelurahan, RT), in round order; `names` maps a kelurahan code to its name."""
    names = names or {}
    groups: dict[tuple[str, str], list] = {}
    for card in sorted(cards, key=lambda c: round_key(c.kelurahan_kode, c.rw, c.rt, c.alamat, c.nama, c.nik)):
        groups.setdefault((card.kelurahan_kode, card.rt), []).append(card)
    sheets = []
    for (kel, rt), mine in groups.items():
        kel_text = f"{kel} {names.get(kel, '')}".strip() if kel else "(tanpa wilayah)"
        sheet = DeliverySheet("Daftar Antar KTP-el", f"Kelurahan/desa {kel_text} — RT {rt or '-'}",
                              format_date_id(printed_on))
        for i, c in enumerate(mine, 1):
            sheet.rows.append(SheetRow(i, c.nama or "-", c.alamat or "-", f"{c.rt or '-'}/{c.rw or '-'}",
                                       masked_nik(c.nik), _status(c)))
            sheet.progress.count(c.state, c.reason)
        sheets.append(sheet)
    return sheets
