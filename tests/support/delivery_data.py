"""Generated card deliveries for the tests (never real people): 500 cards over two kelurahan and five RTs,
480 handed over and 20 with reasons, and the hand count of each RT from the plan alone.

`plan(n)` says what each card is and what happens to it; `store_targets`,
`import_cards` and `deliver` put it through the store's own calls.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections import Counter

import cv2
import numpy as np

from app.core.card_delivery import Proof, ProofKind, Reason
from app.core.nik import build_nik
from app.store.card_delivery import CardDelivery
from app.store.targets import TargetRepo

KELURAHAN = ("16.71.01.1001", "16.71.01.1002")
RTS = ("001", "002", "003", "004", "005")
REASONS = (Reason.TIDAK_DI_RUMAH, Reason.PINDAH, Reason.MENINGGAL, Reason.MENOLAK)
FIRST = ("ANI", "BUDI", "CITRA", "DEDI", "EKA", "FAJAR", "GITA", "HADI", "INDAH", "JOKO")
LAST = ("SAPUTRA", "LESTARI", "WIBOWO", "HANDAYANI", "SANTOSO", "RAHAYU")


def plan(n: int = 500, undelivered: int = 20) -> list[dict]:
    """One dict per card: nik, nama, alamat, area, and its fate (None: handed over, else the reason)."""
    out = []
    step = max(1, n // max(1, undelivered))
    for i in range(n):
        born = dt.date(1960 + i % 40, 1 + i % 12, 1 + i % 28)
        out.append({
            "nik": build_nik("167101" if i % 2 == 0 else "167102", born, "LP"[i % 2], i + 1),
            "nama": f"{FIRST[i % 10]} {LAST[i % 6]} {i}",
            "alamat": f"JL. MAWAR NO. {(i * 7) % 90 + 1}",
            "kelurahan": KELURAHAN[i % 2],
            "rw": f"{i % 3 + 1:03d}",
            "rt": RTS[i % 5],
            "reason": REASONS[(i // step) % len(REASONS)] if i % step == step - 1 and i // step < undelivered else None,
        })
    return out


def store_targets(store, cards: list[dict]) -> None:
    TargetRepo(store).upsert_many([{"nik": c["nik"], "nama": c["nama"], "alamat": c["alamat"], "rt": c["rt"],
                                    "rw": c["rw"], "kelurahan_kode": c["kelurahan"]} for c in cards], source="uji")


def batch_text(cards: list[dict], header: bool = True) -> str:
    """A batch file as the printing office hands it over (a header, NIKs written with separators)."""
    lines = ["NIK;NAMA"] if header else []
    lines += [f"{c['nik'][:4]}-{c['nik'][4:8]}-{c['nik'][8:12]}-{c['nik'][12:]};x" for c in cards]
    return "\n".join(lines) + "\n"


def signature_png(seed: str) -> bytes:
    """A small PNG of pen strokes (the recipient's signature)."""
    rng = np.random.default_rng(zlib.crc32(seed.encode()))
    img = np.full((60, 200), 255, np.uint8)
    pts = np.cumsum(rng.integers(-6, 7, size=(12, 2)), axis=0) + [100, 30]
    cv2.polylines(img, [pts.astype(np.int32)], False, 0, 2)
    ok, buf = cv2.imencode(".png", img)
    assert ok
    return buf.tobytes()


def deliver(store, cards: list[dict], on: dt.date, operator: str = "Operator Uji") -> None:
    """Record each card's fate through the store."""
    delivery = CardDelivery(store)
    for i, c in enumerate(cards):
        if c["reason"] is None:
            relation = "sendiri" if i % 3 else "suami_istri"
            receiver = c["nama"] if relation == "sendiri" else f"PASANGAN {i}"
            delivery.hand_over(c["nik"], receiver, relation, on, today=on, operator=operator,
                               proof=Proof(ProofKind.TANDA_TANGAN, "image/png", signature_png(c["nik"])))
        else:
            delivery.not_delivered(c["nik"], c["reason"], on, today=on, operator=operator)


def hand_count(cards: list[dict]) -> dict[tuple[str, str], tuple[int, int, int, dict[str, int]]]:
    """(kelurahan digits or code, RT) -> (cards, handed, undelivered, reasons), counted from the plan."""
    out = {}
    for kel in KELURAHAN:
        for rt in RTS:
            mine = [c for c in cards if c["kelurahan"] == kel and c["rt"] == rt]
            if mine:
                reasons = Counter(c["reason"].value for c in mine if c["reason"])
                out[(kel, rt)] = (len(mine), len(mine) - sum(reasons.values()), sum(reasons.values()), dict(reasons))
    return out
