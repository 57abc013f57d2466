"""Card delivery rules (app/core/card_delivery.py): batches all or nothing, handovers and attempts, the round order,
progress per area."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.card_delivery import (
    CardState,
    DeliveryProgress,
    Proof,
    ProofKind,
    check_attempt,
    check_handover,
    latest_state,
    parse_batch,
    progress_by_area,
    round_key,
)
from app.core.messages import CodedError

TODAY = dt.date(2026, 12, 2)
PNG = Proof(ProofKind.TANDA_TANGAN, "image/png", b"\x89PNG\r\n\x1a\n" + b"x" * 50)
NIK = "1671014501900001"


def _code(fn, *a, **kw) -> str:
    with pytest.raises(CodedError) as err:
        fn(*a, **kw)
    return err.value.code


def test_a_batch_reads_niks_with_separators_skips_a_header_and_blank_lines():
    lines = [(1, "NIK"), (2, "1671-0145-0190-0001"), (3, ""), (4, " 1671 0145 0190 0002 ")]
    assert parse_batch(lines) == ["1671014501900001", "1671014501900002"]


def test_a_bad_line_or_a_repeat_refuses_the_whole_batch_naming_the_lines():
    bad = [(1, NIK), (2, "16710145019000"), (3, "ABC"), (4, "1671014501900002")]
    with pytest.raises(CodedError) as err:
        parse_batch(bad)
    assert err.value.code == "delivery.batch_bad_lines" and "baris 2, 3" in err.value.message
    again = [(1, NIK), (2, "1671014501900002"), (3, "1671-0145-0190-0001")]
    with pytest.raises(CodedError) as err:
        parse_batch(again)
    assert err.value.code == "delivery.batch_repeated" and "baris 3" in err.value.message
    many = [(n, "X1") for n in range(1, 10)]
    with pytest.raises(CodedError) as err:
        parse_batch([(0, NIK)] + many)
    assert "(+4 lagi)" in err.value.message
    assert _code(parse_batch, [(1, "NIK"), (2, "  ")]) == "delivery.batch_empty"
    assert _code(parse_batch, [(n, f"{n:016d}") for n in range(1, 12)], limit=10) == "delivery.batch_too_big"


def test_a_handover_needs_a_receiver_a_proof_a_past_day_and_an_open_card():
    ok = check_handover("  Siti   Aminah ", "suami_istri", TODAY, today=TODAY, proof=PNG)
    assert ok.receiver_name == "Siti Aminah" and ok.relation.value == "suami_istri"
    assert _code(check_handover, "", "sendiri", TODAY, today=TODAY, proof=PNG) == "delivery.receiver_required"
    assert _code(check_handover, "A", "sendiri", TODAY, today=TODAY, proof=None) == "delivery.proof_required"
    fake = Proof(ProofKind.FOTO, "image/jpeg", b"not a jpeg")
    assert _code(check_handover, "A", "sendiri", TODAY, today=TODAY, proof=fake) == "delivery.proof_format"
    huge = Proof(ProofKind.FOTO, "image/jpeg", b"\xff\xd8" + b"0" * 300_000)
    assert _code(check_handover, "A", "sendiri", TODAY, today=TODAY, proof=huge) == "delivery.proof_too_big"
    assert _code(check_handover, "A", "sendiri", TODAY + dt.timedelta(days=1), today=TODAY,
                 proof=PNG) == "delivery.date_future"
    assert _code(check_handover, "A", "kakek", TODAY, today=TODAY, proof=PNG) == "delivery.relation_unknown"
    assert _code(check_handover, "A", "sendiri", TODAY, today=TODAY, proof=PNG,
                 state="diserahkan") == "delivery.already_handed"


def test_a_school_receives_for_its_student_through_its_staff():
    ok = check_handover("Bu Rina (TU)", "petugas_sekolah", TODAY, today=TODAY, proof=PNG, school="SMAN 3 Dumai")
    assert ok.school == "SMAN 3 Dumai"
    assert _code(check_handover, "Bu Rina", "petugas_sekolah", TODAY, today=TODAY, proof=PNG) == \
        "delivery.school_receiver"
    assert _code(check_handover, "Bu Rina", "sendiri", TODAY, today=TODAY, proof=PNG, school="SMAN 3") == \
        "delivery.school_receiver"


def test_an_attempt_has_a_reason_and_other_needs_a_note():
    assert check_attempt("MENINGGAL", TODAY, today=TODAY).reason.value == "meninggal"
    assert _code(check_attempt, "lainnya", TODAY, today=TODAY) == "delivery.note_required"
    assert check_attempt("lainnya", TODAY, today=TODAY, note="rumah kosong dijual").note == "rumah kosong dijual"
    assert _code(check_attempt, "hilang", TODAY, today=TODAY) == "delivery.reason_unknown"
    assert _code(check_attempt, "pindah", TODAY, today=TODAY, state=CardState.DISERAHKAN) == "delivery.already_handed"
    # A failed attempt may be followed by a handover.
    assert check_handover("A", "sendiri", TODAY, today=TODAY, proof=PNG, state="tidak_terserahkan")


def test_the_round_goes_rw_rt_then_house_numbers_as_numbers():
    cards = [("K", "002", "001", "JL. MAWAR NO. 10", "A", "1"), ("K", "1", "002", "JL. MAWAR NO. 2", "B", "2"),
             ("K", "001", "002", "JL. MAWAR NO. 10", "C", "3"), ("K", "001", "001", "JL. MELATI 1", "D", "4"),
             ("K", "", "", "", "E", "5")]
    order = [c[4] for c in sorted(cards, key=lambda c: round_key(*c))]
    assert order == ["D", "B", "C", "A", "E"]


def test_progress_adds_up_per_area_and_a_handover_is_final():
    figures = progress_by_area([("K1", "001", "diserahkan", None), ("K1", "001", "tidak_terserahkan", "pindah"),
                                ("K1", "001", "menunggu", None), ("K1", "002", "diserahkan", None)])
    rt1 = figures[("K1", "001")]
    assert (rt1.cards, rt1.handed, rt1.undelivered, rt1.waiting, rt1.reasons) == (3, 1, 1, 1, {"pindah": 1})
    total = DeliveryProgress()
    for p in figures.values():
        total.add(p)
    assert (total.cards, total.handed, total.percent) == (4, 2, "50,0%")
    assert latest_state([("2", "diserahkan", None), ("1", "tidak_terserahkan", "menolak")]) == (
        CardState.DISERAHKAN, None)
    assert latest_state([("1", "diserahkan", None), ("2", "tidak_terserahkan", "menolak")]) == (
        CardState.DISERAHKAN, None)
    assert latest_state([]) == (CardState.MENUNGGU, None)
