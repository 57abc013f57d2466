"""Card delivery (antar KTP-el): batches of printed cards, the round, handovers and undelivered reasons.

A batch is a list of NIKs (a file or scanned one by one): all or nothing, a
bad line or a NIK twice refuses the whole file naming the lines. A card is
``menunggu`` until a handover (``diserahkan``: who received it, how they are
related, the day, a photo or signature of the recipient) or an attempt that
failed (``tidak_terserahkan`` with a reason). A failed attempt may be followed
by another attempt or a handover; after a handover nothing else is recorded.
A card may also be handed to a school (``sekolah``): the school's staff member
receives it for the student (issue 11's receipt per student).
Pure: every decision is made on the days passed in; the clock is never read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from app.core.messages import CodedError
from app.core.nik import normalize_nik_input
from app.core.worded import Worded

MAX_BATCH_CARDS = 100_000
MAX_BATCH_NAME = 100
MAX_RECEIVER = 100
MAX_NOTE = 300
MAX_PROOF_BYTES = 256 * 1024
PROOF_MIMES = ("image/png", "image/jpeg")
SHOWN_LINES = 5


class CardState(Worded, str, Enum, group="delivery_state"):
    MENUNGGU = "menunggu"
    DISERAHKAN = "diserahkan"
    TIDAK_TERSERAHKAN = "tidak_terserahkan"


class Reason(Worded, str, Enum, group="delivery_reason"):
    """Why a card was not handed over on an attempt."""

    TIDAK_DI_RUMAH = "tidak_di_rumah"
    PINDAH = "pindah"
    MENINGGAL = "meninggal"
    MENOLAK = "menolak"
    ALAMAT_TIDAK_DITEMUKAN = "alamat_tidak_ditemukan"
    LAINNYA = "lainnya"


class Relation(Worded, str, Enum, group="delivery_relation"):
    """Who received the card, relative to the resident."""

    SENDIRI = "sendiri"
    SUAMI_ISTRI = "suami_istri"
    ORANG_TUA = "orang_tua"
    ANAK = "anak"
    SAUDARA = "saudara"
    KETUA_RT = "ketua_rt"
    PETUGAS_SEKOLAH = "petugas_sekolah"
    LAINNYA = "lainnya"


class ProofKind(str, Enum):
    FOTO = "foto"
    TANDA_TANGAN = "tanda_tangan"


def _parse(enum: type[Enum], value: object, code: str):
    if isinstance(value, enum):
        return value
    try:
        return enum(str(value).strip().lower())
    except ValueError:
        raise CodedError(code) from None


def parse_reason(value: object) -> Reason:
    return _parse(Reason, value, "delivery.reason_unknown")


def parse_relation(value: object) -> Relation:
    return _parse(Relation, value, "delivery.relation_unknown")


# --------------------------------------------------------------------------- batches

def _lines_text(lines: list[int]) -> str:
    shown = ", ".join(str(n) for n in lines[:SHOWN_LINES])
    return shown + (f" (+{len(lines) - SHOWN_LINES} lagi)" if len(lines) > SHOWN_LINES else "")


def parse_batch(lines: Iterable[tuple[int, str]], *, limit: int = MAX_BATCH_CARDS) -> list[str]:
    """The NIKs of a batch from (line number, first cell) pairs, in order; raises `CodedError`.

    Empty lines are skipped, and so is a first non-empty line without any digit
    (a header). A line that is not a NIK, or a NIK seen before, refuses the batch.
    """
    niks: list[str] = []
    seen: dict[str, int] = {}
    bad: list[int] = []
    repeated: list[int] = []
    first = True
    for number, cell in lines:
        text = str(cell or "").strip()
        if not text:
            continue
        if first and not any(ch.isdigit() for ch in text):
            first = False
            continue
        first = False
        nik = normalize_nik_input(text)
        if len(nik) != 16 or not nik.isascii() or not nik.isdigit():
            bad.append(number)
        elif nik in seen:
            repeated.append(number)
        else:
            seen[nik] = number
            niks.append(nik)
        if len(niks) + len(bad) + len(repeated) > limit:
            raise CodedError("delivery.batch_too_big", {"limit": limit})
    if bad:
        raise CodedError("delivery.batch_bad_lines", {"count": len(bad), "lines": _lines_text(bad)})
    if repeated:
        raise CodedError("delivery.batch_repeated", {"count": len(repeated), "lines": _lines_text(repeated)})
    if not niks:
        raise CodedError("delivery.batch_empty")
    return niks


def check_batch_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise CodedError("delivery.batch_name_required")
    if len(name) > MAX_BATCH_NAME:
        raise CodedError("delivery.batch_name_too_long", {"limit": MAX_BATCH_NAME})
    return name


# --------------------------------------------------------------------------- handover and attempts

@dataclass(frozen=True)
class Proof:
    """A photo or signature of the recipient (PNG or JPEG bytes)."""

    kind: ProofKind
    mime: str
    data: bytes = field(repr=False)


def check_proof(proof: Proof | None) -> Proof:
    if proof is None or not proof.data:
        raise CodedError("delivery.proof_required")
    if proof.mime not in PROOF_MIMES:
        raise CodedError("delivery.proof_format")
    if len(proof.data) > MAX_PROOF_BYTES:
        raise CodedError("delivery.proof_too_big", {"limit": MAX_PROOF_BYTES // 1024})
    magic_ok = proof.data.startswith(b"\x89PNG") if proof.mime == "image/png" else proof.data.startswith(b"\xff\xd8")
    if not magic_ok:
        raise CodedError("delivery.proof_format")
    return proof


def _check_day(day: dt.date, today: dt.date) -> None:
    if day > today:
        raise CodedError("delivery.date_future")


def _check_note(note: str) -> str:
    note = " ".join((note or "").split())
    if len(note) > MAX_NOTE:
        raise CodedError("delivery.note_too_long", {"limit": MAX_NOTE})
    return note


def _check_open(state: CardState | str | None) -> None:
    if state is not None and CardState(state) is CardState.DISERAHKAN:
        raise CodedError("delivery.already_handed")


@dataclass(frozen=True)
class Handover:
    receiver_name: str
    relation: Relation
    handed_on: dt.date
    note: str = ""
    school: str = ""


def check_handover(receiver_name: str, relation: Relation | str, handed_on: dt.date, *, today: dt.date,
                   proof: Proof | None, state: CardState | str | None = None, note: str = "",
                   school: str = "") -> Handover:
    """The handover if it may be recorded; raises `CodedError` saying why not.

    `state` is the card's state now; a school handover needs the school's name
    and is received by its staff (``petugas_sekolah``).
    """
    _check_open(state)
    relation = parse_relation(relation)
    receiver = " ".join((receiver_name or "").split())
    if not receiver:
        raise CodedError("delivery.receiver_required")
    if len(receiver) > MAX_RECEIVER:
        raise CodedError("delivery.receiver_too_long", {"limit": MAX_RECEIVER})
    school = " ".join((school or "").split())
    if (relation is Relation.PETUGAS_SEKOLAH) != bool(school):
        raise CodedError("delivery.school_receiver")
    if len(school) > MAX_RECEIVER:
        raise CodedError("delivery.receiver_too_long", {"limit": MAX_RECEIVER})
    _check_day(handed_on, today)
    check_proof(proof)
    return Handover(receiver, relation, handed_on, _check_note(note), school)


@dataclass(frozen=True)
class Attempt:
    reason: Reason
    tried_on: dt.date
    note: str = ""


def check_attempt(reason: Reason | str, tried_on: dt.date, *, today: dt.date, state: CardState | str | None = None,
                  note: str = "") -> Attempt:
    """An attempt that did not hand the card over; ``lainnya`` needs a note."""
    _check_open(state)
    reason = parse_reason(reason)
    note = _check_note(note)
    if reason is Reason.LAINNYA and len(note) < 3:
        raise CodedError("delivery.note_required")
    _check_day(tried_on, today)
    return Attempt(reason, tried_on, note)


# --------------------------------------------------------------------------- the round and progress

def _number(text: str) -> int:
    """An RT or RW as a number ('001' and '1' alike); none last."""
    digits = "".join(ch for ch in text or "" if ch.isdigit())
    return int(digits) if digits else 10**9


_CHUNK = re.compile(r"(\d+)")


def _natural(text: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in _CHUNK.split((text or "").casefold()) if p)


def round_key(kelurahan_kode: str, rw: str, rt: str, alamat: str, nama: str, nik: str) -> tuple:
    """Sort key of a card on a delivery round: kelurahan, RW, RT, then the address (house numbers as numbers)."""
    return (kelurahan_kode or "~", _number(rw), _number(rt), _natural(alamat), (nama or "").casefold(), nik)


@dataclass
class DeliveryProgress:
    """Cards of an area: how many, handed over, not handed over (by reason), still waiting."""

    cards: int = 0
    handed: int = 0
    undelivered: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    @property
    def waiting(self) -> int:
        return self.cards - self.handed - self.undelivered

    def count(self, state: CardState | str, reason: str | None = None) -> None:
        state = CardState(state)
        self.cards += 1
        if state is CardState.DISERAHKAN:
            self.handed += 1
        elif state is CardState.TIDAK_TERSERAHKAN:
            self.undelivered += 1
            key = reason or Reason.LAINNYA.value
            self.reasons[key] = self.reasons.get(key, 0) + 1

    def add(self, other: "DeliveryProgress") -> None:
        self.cards += other.cards
        self.handed += other.handed
        self.undelivered += other.undelivered
        for k, v in other.reasons.items():
            self.reasons[k] = self.reasons.get(k, 0) + v

    @property
    def percent(self) -> str:
        """'96,0%' (Indonesian decimal comma) handed over; '-' without cards."""
        return f"{100 * self.handed / self.cards:.1f}%".replace(".", ",") if self.cards else "-"


def progress_by_area(cards: Iterable[tuple[str, str, str, str | None]]) -> dict[tuple[str, str], DeliveryProgress]:
    """(kelurahan, RT) -> progress, from (kelurahan, RT, state, reason) per card."""
    out: dict[tuple[str, str], DeliveryProgress] = {}
    for kel, rt, state, reason in cards:
        out.setdefault((kel or "", rt or ""), DeliveryProgress()).count(state, reason)
    return out


def latest_state(events: Iterable[tuple[str, str, str | None]]) -> tuple[CardState, str | None]:
    """A card's state from its events in order (sort key, kind, reason); a handover is final."""
    state, reason = CardState.MENUNGGU, None
    for _key, kind, why in sorted(events, key=lambda e: e[0]):
        if state is CardState.DISERAHKAN:
            break
        state, reason = CardState(kind), why
    return state, (reason if state is CardState.TIDAK_TERSERAHKAN else None)
