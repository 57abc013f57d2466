"""Switch the UI language: Bahasa Indonesia is the source, English a .qm file.

Strings are written in Indonesian through `tr()`; `resources/i18n/jemput_en.qm`
(compiled from `jemput_en.ts` by `make translations`) holds English.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

I18N_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "i18n"
_current: QTranslator | None = None


def install(lang: str) -> bool:
    """Install the translator for `lang` ('id' removes any); True if one is active."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _current is not None:
        app.removeTranslator(_current)
        _current = None
    if lang == "id":
        return False
    translator = QTranslator(app)
    if translator.load(str(I18N_DIR / f"jemput_{lang}.qm")):
        app.installTranslator(translator)
        _current = translator
        return True
    return False
