"""English UI: the .ts covers every tr() string, all are translated and compiled, and the window switches language."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtWidgets import QGroupBox, QLabel

from app.session import Session
from app.ui import i18n
from app.ui.main_window import AppWindow

from support.i18n import qt_tool, update_module
from support.profiles import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "jemput_en.ts"
QM = ROOT / "resources" / "i18n" / "jemput_en.qm"
REFRESH = "run `make translations`, translate the entries marked unfinished, then run it again"

NAV_ID = ["Beranda", "Daftar Warga", "Rekam Baru", "Antrian & Sinkron", "Laporan", "Pengaturan", "Kunjungan", "Jadwal",
          "Antar KTP-el"]
NAV_EN = ["Home", "Residents", "New Recording", "Queue & Sync", "Reports", "Settings", "Trips", "Schedules",
          "KTP-el delivery"]
SETTINGS_ROW = NAV_ID.index("Pengaturan")

# What a translation must carry over unchanged: Qt and str.format placeholders, escaped
# ampersands, keyboard hints, URL schemes and file patterns.
TOKENS = re.compile(r"%n|%\d|%v|%m|\{\w+\}|&&|Ctrl\+\w+|\bF\d{1,2}\b|\bEsc\b|\bDel\b|https?://|\*\.\w+")
# Domain words that stay Indonesian in English (GLOSSARY.md).
DOMAIN = re.compile(r"\b(NIK|KK|RT|RW|KTP-el|e-KTP|wajib KTP|kelurahan|desa|kecamatan|kabupaten|kota|"
                    r"provinsi|Dukcapil)\b", re.IGNORECASE)


def _messages(path: Path) -> list[tuple[str, ET.Element]]:
    """(context name, <message>) for every live message (vanished/obsolete ones left out)."""
    out = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            if message.find("translation").get("type") not in ("vanished", "obsolete"):
                out.append((name, message))
    return out


def _key(context: str, message: ET.Element) -> tuple:
    return context, message.findtext("source"), message.findtext("comment") or "", message.get("numerus") == "yes"


def _texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


# ------------------------------------------------------------------ the files

def test_every_string_is_translated():
    messages = _messages(TS)
    assert len(messages) > 250, "the .ts looks truncated"
    bad = []
    for context, message in messages:
        translation = message.find("translation")
        texts = _texts(message)
        if (translation.get("type") == "unfinished" or not all(t.strip() for t in texts)
                or (message.get("numerus") == "yes" and len(texts) != 2)):
            bad.append(f"{context}: {message.findtext('source')!r}")
    assert not bad, f"{len(bad)} untranslated ({REFRESH}):\n" + "\n".join(bad)


def test_translations_keep_placeholders_hints_and_domain_words():
    bad = []
    for context, message in _messages(TS):
        source = message.findtext("source")
        for text in _texts(message):
            if Counter(TOKENS.findall(source)) != Counter(TOKENS.findall(text)):
                bad.append(f"{context}: {source!r} -> {text!r} (placeholders/hints differ)")
            missing = {w.lower() for w in DOMAIN.findall(source)} - {w.lower() for w in DOMAIN.findall(text)}
            if missing:
                bad.append(f"{context}: {source!r} -> {text!r} (lost {sorted(missing)})")
            if source[:1].isspace() != text[:1].isspace() or source[-1:].isspace() != text[-1:].isspace():
                bad.append(f"{context}: {source!r} -> {text!r} (leading/trailing space differs)")
    assert not bad, "\n".join(bad)


def test_ts_lists_every_tr_string_in_app_ui(tmp_path):
    update = update_module()
    fresh = tmp_path / "fresh_en.ts"
    subprocess.run([qt_tool(update, "lupdate"), "-silent", *map(str, update.source_files()), "-ts", str(fresh)],
                   check=True, cwd=ROOT)
    in_code = Counter(_key(c, m) for c, m in _messages(fresh))
    in_ts = Counter(_key(c, m) for c, m in _messages(TS))
    missing = sorted(set(in_code) - set(in_ts))
    gone = sorted(set(in_ts) - set(in_code))
    assert not missing, f"strings in app/ui missing from jemput_en.ts ({REFRESH}):\n" + "\n".join(map(str, missing))
    assert not gone, f"jemput_en.ts holds strings no longer in app/ui ({REFRESH}):\n" + "\n".join(map(str, gone))
    assert sum(in_code.values()) == sum(in_ts.values())


def test_catalogue_strings_module_is_generated_from_the_current_catalogue():
    """lupdate sees the Qt-free catalogue only through app/ui/catalogue_strings.py: it must be current."""
    update = update_module()
    assert update.CATALOGUE_MODULE.read_text(encoding="utf-8") == update.catalogue_module_text(), (
        f"app/ui/catalogue_strings.py is out of date with app/core/messages.py: {REFRESH}")
    from app.core.messages import CATALOGUE, templates
    from app.ui import catalogue_strings, texts

    assert set(catalogue_strings.TEMPLATES) == {t for code in CATALOGUE for t in templates(code)}
    assert update.CATALOGUE_CONTEXT == texts.CONTEXT


def test_qm_is_compiled_from_the_current_ts(tmp_path):
    update = update_module()
    rebuilt = tmp_path / "jemput_en.qm"
    qt_tool(update, "lrelease")  # skips when PySide6 ships no lrelease
    update.lrelease(TS, rebuilt, quiet=True)
    assert QM.read_bytes() == rebuilt.read_bytes(), f"jemput_en.qm is stale: {REFRESH}"


# ------------------------------------------------------------------ the window

@pytest.fixture
def english_window(qtbot, profile_dir):
    """The window as `jemput` starts it for a profile whose operator chose English."""
    s = Session.open(profile_dir, PASSPHRASE)
    s.set_language("en")
    s.close()
    assert i18n.install("en"), "jemput_en.qm did not load"
    win = AppWindow(profile_dir)
    qtbot.addWidget(win)
    try:
        yield win
    finally:
        win.close()  # stops the sync worker and waits for database jobs before the session closes
        i18n.install("id")


def _nav(win) -> list[str]:
    return [win.main.nav.item(i).text() for i in range(win.main.nav.count())]


def _form_texts(win) -> set[str]:
    form = win.main.enroll.form
    return ({label.text() for label in form.findChildren(QLabel)}
            | {box.title() for box in form.findChildren(QGroupBox)} | {form.save_button.text()})


def _choose_language(qtbot, win, lang: str) -> None:
    old = win.main
    win.main.nav.setCurrentRow(SETTINGS_ROW)
    settings = win.main.settings
    settings.language.setCurrentIndex(settings.language.findData(lang))
    settings.save.click()
    qtbot.waitUntil(lambda: win.main is not old, timeout=10_000)


def test_window_speaks_english_and_switches_back(qtbot, english_window):
    win = english_window
    assert win.unlock.unlock_button.text() == "Unlock"
    win.try_unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: win.main is not None, timeout=10_000)

    assert _nav(win) == NAV_EN
    texts = _form_texts(win)
    assert {"Identity", "Address", "KK number", "Full name", "Date of birth", "Kel./Desa",
            "Save draft (Ctrl+S)"} <= texts
    assert not {"Nomor KK", "Nama lengkap", "Identitas"} & texts
    assert win.queue_label.text() == "Queue: 0 recordings"

    _choose_language(qtbot, win, "id")
    assert _nav(win) == NAV_ID
    texts = _form_texts(win)
    assert {"Identitas", "Alamat", "Nomor KK", "Nama lengkap", "Tanggal lahir", "Simpan draf (Ctrl+S)"} <= texts
    assert not {"KK number", "Full name", "Identity"} & texts
    assert win.queue_label.text() == "Antrian: 0 rekaman"
    assert win.main.nav.currentRow() == SETTINGS_ROW, "the operator stays on Pengaturan"
    assert win.session.language() == "id"

    _choose_language(qtbot, win, "en")
    assert _nav(win) == NAV_EN
    assert win.session.language() == "en"
