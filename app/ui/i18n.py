"""Switch the UI language: Bahasa Indonesia is the source, English a .qm file.

Strings are written in Indonesian through `tr()`; `resources/i18n/jemput_en.qm`
(compiled from `jemput_en.ts` by `make translations`) holds English. Qt's own
strings (dialog buttons, the file dialog, the context menu of text fields) are
English in Qt; for Indonesian `resources/i18n/qtbase_id.qm` translates them
(Qt ships none). A native file dialog would follow the system's language, so
while the UI is Indonesian on a system that is not, Qt's own dialogs are used.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator

I18N_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "i18n"
QT_INDONESIAN = I18N_DIR / "qtbase_id.qm"
_current: list[QTranslator] = []


def install(lang: str) -> bool:
    """Install the translators for `lang`; True if the UI's own strings are translated ('id' is the source)."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    while _current:
        app.removeTranslator(_current.pop())
    own = False
    files = [QT_INDONESIAN] if lang == "id" else [I18N_DIR / f"jemput_{lang}.qm"]
    for path in files:
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _current.append(translator)
            own = own or path.name.startswith("jemput_")
    native_speaks_it = QLocale.system().language() == QLocale.Language.Indonesian
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, lang == "id" and not native_speaks_it)
    return own
