"""Antar KTP-el page on real widgets offscreen: a batch file imported off the GUI thread, a bad one refused with
the lines named, the round of one RT, a handover (F5, signature) and an attempt (F6, reason) by keyboard, a
scanned NIK kept for a new batch, progress per RT, and the delivery list PDF read back with pdftotext and
pdftoppm. Also renders the page at 1366×768 to a PNG (``JEMPUT_SHOTS`` or the test's tmp dir) for a human look."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from app.core.card_delivery import CardState
from app.ui.pages.delivery import DeliveryPage
from app.ui.pages.delivery_dialogs import AttemptDialog, HandoverDialog
from app.ui.workers import db_pool
from support import delivery_data as dd

TODAY = dt.date(2026, 12, 2)
STROKE = [[(0.1 + i * 0.04, 0.3 + (i % 5) * 0.08, 0.5, i * 10) for i in range(20)]]


@pytest.fixture
def page(qtbot, session):
    p = DeliveryPage(session, today=TODAY)
    qtbot.addWidget(p)
    p.resize(1176, 740)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    yield p
    db_pool().waitForDone(10_000)


def _dialog(qtbot, page, kind):
    qtbot.waitUntil(lambda: isinstance(page.dialog, kind) and page.dialog.isVisible(), timeout=5000)
    return page.dialog


def _back(qtbot, page) -> None:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=5000)


def _choose(qtbot, combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _first_waiting(qtbot, page):
    """Select the first card of the round still waiting, with the arrow keys; returns it."""
    qtbot.waitUntil(lambda: page.round.rowCount() and page.round.item(0, 5) is not None, timeout=5000)
    row = next(r for r in range(page.round.rowCount()) if page.round.item(r, 5).text() == "Belum diantar")
    page.round.setFocus()
    qtbot.keyClick(page.round, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)  # the first row
    for _ in range(row):
        qtbot.keyClick(page.round, Qt.Key.Key_Down)
    card = page.selected_card()
    assert card.state is CardState.MENUNGGU
    return card


def test_batch_round_handover_attempt_and_progress_by_keyboard(qtbot, page, session, tmp_path):
    cards = dd.plan(60, 6)
    dd.store_targets(session.store, cards)
    bad = tmp_path / "rusak.csv"
    bad.write_text(dd.batch_text(cards[:3]) + "bukan nik\n" + cards[0]["nik"] + "\n", encoding="utf-8")
    page.import_batch(str(bad))
    qtbot.waitUntil(lambda: "baris 5" in page.message.text(), timeout=10_000)
    assert session.store.query("SELECT count(*) FROM cards")[0][0] == 0

    path = tmp_path / "cetak-2-desember.csv"
    path.write_text(dd.batch_text(cards), encoding="utf-8")
    page.import_batch(str(path))
    qtbot.waitUntil(lambda: "60 kartu" in page.message.text(), timeout=10_000)
    qtbot.waitUntil(lambda: page.round.rowCount() == 60, timeout=10_000)
    assert page.summary.text() == "Kartu 60 · diserahkan 0 · tidak terserahkan 0 · belum diantar 60"

    _choose(qtbot, page.kelurahan, dd.KELURAHAN[0])
    qtbot.waitUntil(lambda: page.round.rowCount() == 30, timeout=10_000)
    _choose(qtbot, page.rt, "003")
    qtbot.waitUntil(lambda: page.round.rowCount() == 6, timeout=10_000)
    rws = [page.round.item(r, 3).text() for r in range(6)]
    assert rws == sorted(rws, key=lambda t: int(t.split("/")[1]))  # the round goes RW by RW

    # A scanned NIK of this round selects its card; F5 hands it over with the recipient's signature.
    target = next(c for c in cards if c["kelurahan"] == dd.KELURAHAN[0] and c["rt"] == "003")
    page.nik.setFocus()
    qtbot.keyClicks(page.nik, target["nik"][:4] + " " + target["nik"][4:])
    qtbot.keyClick(page.nik, Qt.Key.Key_Return)
    assert page.selected_card().nik == target["nik"]
    qtbot.keyClick(page.round, Qt.Key.Key_F5)
    dialog = _dialog(qtbot, page, HandoverDialog)
    assert dialog.receiver.text() == target["nama"]
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # no signature yet: refused with the rule's words
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert "tanda tangan" in dialog.error.text().lower()
    dialog.pad.set_strokes(STROKE)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    _back(qtbot, page)
    assert session.delivery.card(target["nik"]).state is CardState.DISERAHKAN
    [event] = session.delivery.events(target["nik"])
    assert session.delivery.proof(event.uuid).data.startswith(b"\x89PNG")
    assert event.receiver_name == target["nama"] and event.relation == "sendiri"

    # Another card handed to the resident's spouse, with a photo of the recipient (a big phone picture, made small).
    nxt = _first_waiting(qtbot, page)
    qtbot.keyClick(page.round, Qt.Key.Key_F5)
    dialog = _dialog(qtbot, page, HandoverDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.relation, timeout=5000)
    qtbot.keyClick(dialog.relation, Qt.Key.Key_Down)  # Suami/istri: the name field empties
    assert dialog.receiver.text() == ""
    qtbot.keyClicks(dialog.receiver, "PASANGAN WARGA")
    big = tmp_path / "foto penerima.png"
    noise = QImage(2000, 1500, QImage.Format.Format_RGB32)
    noise.fill(Qt.GlobalColor.darkCyan)
    assert noise.save(str(big)) and big.stat().st_size > 1000
    dialog.set_photo(str(big))
    assert dialog.photo_label.text().startswith("Foto dipilih: 640×480")
    qtbot.keyClick(dialog.receiver, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    _back(qtbot, page)
    [event] = session.delivery.events(nxt.nik)
    proof = session.delivery.proof(event.uuid)
    assert (event.relation, event.receiver_name, proof.kind.value) == ("suami_istri", "PASANGAN WARGA", "foto")
    assert proof.data.startswith(b"\xff\xd8") and len(proof.data) < 256 * 1024

    # F6 on another card: "Pindah" chosen with the arrow keys.
    qtbot.waitUntil(lambda: "diserahkan 2 " in page.summary.text(), timeout=5000)
    other = _first_waiting(qtbot, page)
    qtbot.keyClick(page.round, Qt.Key.Key_F6)
    dialog = _dialog(qtbot, page, AttemptDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reason, timeout=5000)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    _back(qtbot, page)
    assert session.delivery.card(other.nik).reason == "pindah"
    qtbot.waitUntil(lambda: "diserahkan 2 · tidak terserahkan 1 · belum diantar 3" in page.summary.text(),
                    timeout=5000)
    statuses = sorted(page.round.item(r, 5).text() for r in range(6))
    assert statuses == ["Belum diantar"] * 3 + ["Diserahkan", "Diserahkan", "Pindah"]
    assert [page.per_rt.item(0, c).text() for c in range(1, 8)] == ["003", "6", "2", "1", "3", "33,3%", "0/6"]

    # A NIK not in any batch is kept for a batch of scanned cards.
    page.nik.setFocus()
    qtbot.keyClicks(page.nik, "1671014501990009")
    qtbot.keyClick(page.nik, Qt.Key.Key_Return)
    assert page.scanned == ["1671014501990009"] and page.save_scanned.isEnabled()
    qtbot.keyClicks(page.nik, "1671014501990009")
    qtbot.keyClick(page.nik, Qt.Key.Key_Return)
    assert "sudah dipindai" in page.message.text() and len(page.scanned) == 1
    page.store_scanned()
    qtbot.waitUntil(lambda: page.scanned == [], timeout=10_000)
    assert session.delivery.card("1671014501990009").state is CardState.MENUNGGU

    shots = Path(os.environ.get("JEMPUT_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    page.resize(1176, 740)
    assert page.grab().save(str(shots / "antar-ktp.png"))


def test_the_delivery_list_pdf_has_the_names_counts_and_ink(qtbot, page, session, tmp_path):
    cards = dd.plan(40, 4)
    dd.store_targets(session.store, cards)
    session.delivery.import_batch("Cetak uji", [(i + 1, c["nik"]) for i, c in enumerate(cards)])
    dd.deliver(session.store, cards[:20], TODAY)
    page.refresh()
    qtbot.waitUntil(lambda: page.round.rowCount() == 40, timeout=10_000)
    _choose(qtbot, page.kelurahan, dd.KELURAHAN[1])
    qtbot.waitUntil(lambda: page.round.rowCount() == 20, timeout=10_000)
    out = tmp_path / "daftar antar.pdf"
    page.write_pdf(str(out))
    qtbot.waitUntil(lambda: "disimpan" in page.message.text(), timeout=20_000)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    mine = [c for c in cards if c["kelurahan"] == dd.KELURAHAN[1]]
    assert text.count("Daftar Antar KTP-el") == 5  # one sheet per RT
    for rt in dd.RTS:
        in_rt = [c for c in mine if c["rt"] == rt]
        handed = sum(1 for c in in_rt if c["reason"] is None and cards.index(c) < 20)
        failed = sum(1 for c in in_rt if c["reason"] is not None and cards.index(c) < 20)
        assert (f"RT {rt}" in text and f"Kartu {len(in_rt)} · diserahkan {handed} · tidak terserahkan {failed}"
                in text), rt
    assert all(c["nama"] in text for c in mine) and all(c["nama"] not in text for c in cards if c not in mine)
    assert all(c["nik"] not in text for c in cards) and "************" in text  # masked
    assert "Petugas antar" in text and "Ketua RT" in text
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "hal")],
                   check=True)
    image = QImage(str(tmp_path / "hal-1.png"))
    assert image.width() > 300 and image.height() > image.width()  # A4 portrait
    gray = np.array([[image.pixelColor(x, y).lightness() for x in range(0, image.width(), 2)]
                     for y in range(0, image.height(), 2)])
    assert 0.01 < (gray < 128).mean() < 0.25  # ink on paper: text and rules, not blank, not black
