"""Card delivery in the encrypted store: 500 cards imported from a file, 480 handed over with a signature and 20
with reasons add up per RT; a batch is all or nothing; the proof stays inside the database."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.card_delivery import CardState, Proof, ProofKind
from app.core.messages import CodedError
from app.store.card_delivery import PENDING, CardDelivery
from app.targetfile.niks import nik_cells
from support import delivery_data as dd

ON = dt.date(2026, 12, 2)


def test_a_batch_of_500_goes_round_by_round_and_adds_up_per_rt(store, tmp_path):
    cards = dd.plan()
    dd.store_targets(store, cards)
    path = tmp_path / "cetak.csv"
    path.write_text(dd.batch_text(cards), encoding="utf-8")
    delivery = CardDelivery(store)
    info = delivery.import_batch("Cetak 2 Desember", nik_cells(path), source="cetak.csv", actor="Operator Uji")
    assert (info.cards, info.without_area) == (500, 0)
    round_ = delivery.round_list("16.71.01.1001", "003")
    assert len(round_) == 50 and all(c.state is CardState.MENUNGGU for c in round_)
    assert [(c.rw, c.alamat) for c in round_] == sorted(
        [(c.rw, c.alamat) for c in round_], key=lambda x: (x[0], int(x[1].rsplit(" ", 1)[1])))
    dd.deliver(store, cards, ON)
    figures = delivery.progress()
    expected = dd.hand_count(cards)
    assert {k: (p.cards, p.handed, p.undelivered, p.reasons) for k, p in figures.items()} == expected
    assert sum(p.handed for p in figures.values()) == 480 and sum(p.undelivered for p in figures.values()) == 20
    assert delivery.pending_count() == 500 + 500
    # The proof is kept in the database, byte for byte, and never for an attempt.
    handed = next(c for c in cards if c["reason"] is None)
    [event] = delivery.events(handed["nik"])
    assert delivery.proof(event.uuid).data == dd.signature_png(handed["nik"])
    failed = next(c for c in cards if c["reason"] is not None)
    [attempt] = delivery.events(failed["nik"])
    assert attempt.reason == failed["reason"].value and delivery.proof(attempt.uuid) is None
    # After an attempt the card can still be handed over; after a handover nothing more.
    delivery.hand_over(failed["nik"], failed["nama"], "sendiri", ON, today=ON,
                       proof=Proof(ProofKind.FOTO, "image/jpeg", b"\xff\xd8\xff" + b"1" * 100))
    with pytest.raises(CodedError) as err:
        delivery.not_delivered(failed["nik"], "menolak", ON, today=ON)
    assert err.value.code == "delivery.already_handed"
    assert store.query("SELECT count(*) FROM audit WHERE action LIKE 'delivery.%'")[0][0] == 1 + 500 + 1


def test_a_bad_batch_stores_nothing(store, tmp_path):
    delivery = CardDelivery(store)
    cards = dd.plan(30, 0)
    bad = tmp_path / "rusak.txt"
    bad.write_text(dd.batch_text(cards) + "1671-0101\n\u0661\u0662\u0663\n", encoding="utf-8")
    with pytest.raises(CodedError) as err:
        delivery.import_batch("Rusak", nik_cells(bad))
    assert err.value.code == "delivery.batch_bad_lines" and "baris 32, 33" in err.value.message
    twice = tmp_path / "dua.csv"
    twice.write_text(dd.batch_text(cards + cards[:2]), encoding="utf-8")
    with pytest.raises(CodedError) as err:
        delivery.import_batch("Dua kali", nik_cells(twice))
    assert err.value.code == "delivery.batch_repeated"
    huge = tmp_path / "besar.csv"
    with open(huge, "wb") as fh:
        fh.truncate(21 * 1024 * 1024)
    with pytest.raises(CodedError) as err:
        nik_cells(huge)
    assert err.value.code == "delivery.batch_file_too_big"
    many = tmp_path / "banyak.txt"  # under 20 MB, but more cards than one batch takes
    many.write_text("".join(f"{3171010000000000 + i}\n" for i in range(1, 100_002)), encoding="utf-8")
    with pytest.raises(CodedError) as err:
        delivery.import_batch("Banyak", nik_cells(many))
    assert err.value.code == "delivery.batch_too_big" and "100000" in err.value.message
    binary = tmp_path / "biner.csv"
    binary.write_bytes(b"\xff\xfe\x00\x81" * 100)
    with pytest.raises(CodedError) as err:
        nik_cells(binary)
    assert err.value.code == "delivery.batch_unreadable"
    fake_xlsx = tmp_path / "palsu.xlsx"
    fake_xlsx.write_bytes(b"PK\x03\x04garbage")
    with pytest.raises(CodedError):
        nik_cells(fake_xlsx)
    with pytest.raises(CodedError) as err:
        delivery.import_batch("  ", [(1, cards[0]["nik"])])
    assert err.value.code == "delivery.batch_name_required"
    assert store.query("SELECT count(*) FROM cards")[0][0] == 0
    assert store.query("SELECT count(*) FROM card_batches")[0][0] == 0
    # A NIK whose card is still out cannot come in another batch; once handed over, a reprint can.
    delivery.import_batch("Pertama", [(1, cards[0]["nik"]), (2, cards[1]["nik"])])
    with pytest.raises(CodedError) as err:
        delivery.import_batch("Kedua", [(1, cards[2]["nik"]), (2, cards[1]["nik"])])
    assert err.value.code == "delivery.card_open_elsewhere"
    assert store.query("SELECT count(*) FROM cards")[0][0] == 2
    delivery.hand_over(cards[1]["nik"], "X", "sendiri", ON, today=ON,
                       proof=Proof(ProofKind.TANDA_TANGAN, "image/png", dd.signature_png("x")))
    reprint = delivery.import_batch("Cetak ulang", [(1, cards[1]["nik"])])
    assert reprint.cards == 1 and reprint.without_area == 1
    assert delivery.card(cards[1]["nik"]).state is CardState.MENUNGGU


def test_an_xlsx_batch_and_scanned_niks(store, tmp_path):
    import openpyxl

    cards = dd.plan(12, 0)
    wb = openpyxl.Workbook()
    wb.active.append(["NIK"])
    for c in cards[:10]:
        wb.active.append([c["nik"]])
    path = tmp_path / "cetak.xlsx"
    wb.save(path)
    delivery = CardDelivery(store)
    assert delivery.import_batch("XLSX", nik_cells(path)).cards == 10
    scanned = [(i + 1, c["nik"]) for i, c in enumerate(cards[10:])]
    assert delivery.import_batch("Pindai", scanned).cards == 2
    assert [b[3] for b in delivery.batches()] in ([2, 10], [10, 2])
    assert len(delivery.pending_cards()) == 12 and all(c.sync_state == PENDING for c, _ in delivery.pending_cards())


def test_retention_deletes_the_proofs_the_server_has_held_long_enough(store):
    from app.store.retention import purge_settled

    cards = dd.plan(6, 1)
    dd.store_targets(store, cards)
    delivery = CardDelivery(store)
    delivery.import_batch("Cetak", [(i + 1, c["nik"]) for i, c in enumerate(cards)])
    dd.deliver(store, cards, ON)  # 5 handovers with a signature, 1 attempt
    events = [e for c in cards for e in delivery.events(c["nik"])]
    held = [e.uuid for e in events[:3]]
    delivery.mark_synced("card_events", held)
    with store.transaction() as db:  # acknowledged 40 days ago
        db.conn.execute("UPDATE card_events SET synced_at = '2026-10-01T00:00:00.000+00:00' WHERE sync_state = 'acked'")
    now = dt.datetime(2026, 11, 15, tzinfo=dt.timezone.utc)
    dry = purge_settled(store, 30, now=now, dry_run=True)
    assert dry.proofs == sum(1 for e in events[:3] if e.kind is CardState.DISERAHKAN) and dry.dry_run
    result = purge_settled(store, 30, now=now)
    assert result.proofs == dry.proofs > 0 and "penerima KTP-el" in result.summary()
    assert all(delivery.proof(u) is None for u in held)
    assert all(delivery.proof(e.uuid) is not None for e in events[3:] if e.kind is CardState.DISERAHKAN)
    assert purge_settled(store, 30, now=now).proofs == 0  # again: nothing new
