"""Qt's own strings in Bahasa Indonesia: dialog buttons, the file dialog, the text fields' context menu.

Qt ships no Indonesian ``qtbase`` translation; `resources/i18n/qtbase_id.qm` (ours)
is loaded by `app.ui.i18n.install("id")`. Real widgets, offscreen.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QMessageBox, QToolButton

from app.ui import i18n
from support.i18n import qt_tool, update_module

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "qtbase_id.ts"
QM = ROOT / "resources" / "i18n" / "qtbase_id.qm"

SB = QDialogButtonBox.StandardButton
BUTTONS = {SB.Ok: "OK", SB.Cancel: "Batal", SB.Yes: "Ya", SB.No: "Tidak", SB.Save: "Simpan", SB.Close: "Tutup",
           SB.Open: "Buka", SB.Apply: "Terapkan", SB.Discard: "Buang", SB.Help: "Bantuan", SB.Reset: "Atur Ulang",
           SB.Retry: "Coba Lagi", SB.Ignore: "Abaikan", SB.RestoreDefaults: "Kembalikan ke Bawaan"}


@pytest.fixture
def indonesian(qapp):
    i18n.install("id")
    yield
    i18n.install("id")


def _plain(text: str) -> str:
    return text.replace("&", "")


def _buttons(qtbot) -> dict:
    box = QDialogButtonBox()
    qtbot.addWidget(box)
    for which in BUTTONS:
        box.addButton(which)
    return {which: _plain(box.button(which).text()) for which in BUTTONS}


def test_dialog_buttons_speak_indonesian_and_english_again(qtbot, indonesian):
    assert _buttons(qtbot) == BUTTONS
    i18n.install("en")
    english = _buttons(qtbot)
    assert english[SB.Cancel] == "Cancel" and english[SB.Yes] == "Yes" and english[SB.Save] == "Save"


def test_message_box_buttons(qtbot, indonesian):
    box = QMessageBox(QMessageBox.Icon.Question, "Jemput", "Hapus?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert {_plain(b.text()) for b in box.buttons()} == {"Ya", "Tidak"}


def test_qt_file_dialog_is_indonesian(qtbot, indonesian, tmp_path):
    if QLocale.system().language() != QLocale.Language.Indonesian:
        assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs), \
            "a native dialog would follow the system's language"
    dialog = QFileDialog(None, "Pilih foto warga", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    labels = {w.objectName(): _plain(w.text()) for w in dialog.findChildren(QLabel) if w.objectName()}
    assert labels["lookInLabel"] == "Cari di:"
    assert labels["fileNameLabel"] == "Nama berkas:"
    assert labels["fileTypeLabel"] == "Jenis berkas:"
    box = dialog.findChild(QDialogButtonBox, "buttonBox")
    assert {_plain(b.text()) for b in box.buttons()} == {"Simpan", "Batal"}
    tips = {w.objectName(): w.toolTip() for w in dialog.findChildren(QToolButton) if w.objectName()}
    assert tips["backButton"] == "Kembali" and tips["forwardButton"] == "Maju"
    assert tips["toParentButton"] == "Folder Induk" and tips["newFolderButton"] == "Buat Folder Baru"
    assert tips["listModeButton"] == "Tampilan Daftar" and tips["detailModeButton"] == "Tampilan Rinci"
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    assert {_plain(b.text()) for b in box.buttons()} == {"Buka", "Batal"}
    assert "Semua Berkas (*)" in QCoreApplication.translate("QFileDialog", "All Files (*)")


def test_text_field_context_menu(qtbot, indonesian):
    edit = QLineEdit("Siti")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [_plain(a.text()).split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    assert texts[:7] == ["Batalkan", "Ulangi", "Potong", "Salin", "Tempel", "Hapus", "Pilih Semua"]
    menu.deleteLater()


def test_every_entry_is_translated_and_the_qm_is_fresh(tmp_path):
    root = ET.parse(TS).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 100
    for message in messages:
        translation = message.find("translation")
        assert translation.text and translation.get("type") is None, message.findtext("source")
        for token in ("%1", "\n", "(*)"):
            assert (token in message.findtext("source")) == (token in translation.text), message.findtext("source")
    update = update_module()
    qt_tool(update, "lrelease")  # skips when PySide6 ships no lrelease
    rebuilt = tmp_path / "qtbase_id.qm"
    update.lrelease(TS, rebuilt, quiet=True)
    assert QM.read_bytes() == rebuilt.read_bytes(), "qtbase_id.qm is stale: run `make translations`"
