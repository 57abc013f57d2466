"""Start the desktop application: QApplication, style, language, main window."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.ui import i18n

STYLE = Path(__file__).resolve().parent.parent.parent / "resources" / "style.qss"


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Jemput")
    app.setOrganizationName("Jemput")
    if STYLE.exists():
        app.setStyleSheet(STYLE.read_text(encoding="utf-8"))
    return app


def run_gui(data_dir: Path, lang: str | None = None) -> int:
    """Open the window on the profile folder `data_dir`; returns the exit code."""
    started = time.perf_counter()
    app = make_app()
    from app.ui.main_window import AppWindow

    from app.store.profile import ui_language

    i18n.install(lang or ui_language(data_dir))
    window = AppWindow(data_dir)
    window.resize(1366, 740)
    window.show()
    if "--startup-probe" in sys.argv:
        _start_probe(app, window, started)
    return app.exec()


def _start_probe(app: QApplication, window, started: float) -> None:
    """`--startup-probe`: print when the first screen is shown and the rest has loaded, then quit.

    Used by tests/benchmarks/bench_ui.py and tests/packaging/smoke_dist.py. The
    lines also go to the file named by $JEMPUT_PROBE_FILE (a windowed Windows
    build has no stdout). With $JEMPUT_PROBE_DEMO=1 the probe then opens the demo
    profile (DIR/demo, made if missing) as the demo button does, shows every page
    and reports `STARTUP_DEMO <seconds> <pages>` (or `STARTUP_FAILED <kind>`, exit 1).
    """
    import os

    from PySide6.QtCore import QTimer

    probe_file = os.environ.get("JEMPUT_PROBE_FILE")

    def emit(line: str) -> None:
        print(line, flush=True)
        if probe_file:
            with open(probe_file, "a", encoding="utf-8") as fh:
                fh.write(line + "\n")

    def finish(code: int) -> None:
        window.close()  # stops the sync worker and closes the profile as a real close does
        app.exit(code)

    def visit_pages() -> None:
        for row in range(window.main.nav.count()):
            window.main.nav.setCurrentRow(row)
            app.processEvents()
        emit(f"STARTUP_DEMO {time.perf_counter() - started:.3f} {window.main.nav.count()}")
        finish(0)

    def wait_for_demo(deadline: float) -> None:
        if window.main is not None:
            visit_pages()
        elif time.perf_counter() > deadline:
            emit("STARTUP_FAILED timeout")
            finish(1)
        else:
            QTimer.singleShot(50, lambda: wait_for_demo(deadline))

    def failed(exc: BaseException) -> None:
        emit(f"STARTUP_FAILED {type(exc).__name__}")  # the kind only: no personal data
        finish(1)

    def report() -> None:
        emit(f"STARTUP_READY {time.perf_counter() - started:.3f}")
        window._preload(wait=True)  # what loads while the operator types the passphrase
        emit(f"STARTUP_LOADED {time.perf_counter() - started:.3f}")
        if os.environ.get("JEMPUT_PROBE_DEMO") != "1":
            app.quit()
            return
        window._start_failed = failed  # looked up when the open finishes
        window.open_demo()
        wait_for_demo(time.perf_counter() + 60)

    QTimer.singleShot(0, report)
