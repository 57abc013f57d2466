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

    from app.store.profile_files import ui_language

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
    build has no stdout). Lines (seconds from process start, then ``cpu=`` the process's CPU
    seconds so far):

    - ``STARTUP_READY s``: the first screen (unlock or welcome) is shown and the event loop runs.
    - ``STARTUP_LOADED s``: with $JEMPUT_PROBE_PASSPHRASE, the passphrase is typed into the
      unlock screen the moment it shows (an operator who takes no time to type) and this is
      when the landing page (Beranda) is shown and usable: the profile opened, the work area
      built, its first paint done and the event loop back. Without it, when the modules the
      landing page needs are imported (what loads while the operator types).
    - ``STARTUP_SETTLED s`` (with the passphrase): what loads behind Beranda is done (the
      sync client, its worker started, the other pages' modules).
    - ``STARTUP_PAGE name ms`` (with the passphrase, after SETTLED): opening each other page
      the first time (built, shown, painted), in navigation order.

    With $JEMPUT_PROBE_DEMO=1 the probe then opens the demo profile (DIR/demo, made if
    missing) as the demo button does, shows every page and reports
    `STARTUP_DEMO <seconds> <pages>` (or `STARTUP_FAILED <kind>`, exit 1).
    """
    import os

    from PySide6.QtCore import QTimer

    probe_file = os.environ.get("JEMPUT_PROBE_FILE")
    passphrase = os.environ.get("JEMPUT_PROBE_PASSPHRASE")

    def emit(line: str) -> None:
        print(line, flush=True)
        if probe_file:
            with open(probe_file, "a", encoding="utf-8") as fh:
                fh.write(line + "\n")

    def since_start() -> str:
        return f"{time.perf_counter() - started:.3f}"

    def with_cpu() -> str:
        """Seconds since start, then the process's CPU seconds so far (a busy machine stretches the first)."""
        return f"{since_start()} cpu={time.process_time():.3f}"

    def finish(code: int) -> None:
        window.close()  # stops the sync worker and closes the profile as a real close does
        app.exit(code)

    def visit_pages() -> None:
        for row in range(window.main.nav.count()):
            window.main.nav.setCurrentRow(row)
            app.processEvents()
        emit(f"STARTUP_DEMO {since_start()} {window.main.nav.count()}")
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

    def wait_for_landing(deadline: float) -> None:
        if window.main is not None and window.main.is_built("home"):
            QTimer.singleShot(0, landed)  # after the paint events the first show posted
        elif time.perf_counter() > deadline or window.unlock.message.text():
            emit("STARTUP_FAILED unlock")
            finish(1)
        else:
            QTimer.singleShot(5, lambda: wait_for_landing(deadline))

    def landed() -> None:
        emit(f"STARTUP_LOADED {with_cpu()}")
        window.wait_for_imports()
        window.ensure_sync_worker()
        emit(f"STARTUP_SETTLED {with_cpu()}")
        for row, name in enumerate(window.main.PAGES):
            if window.main.is_built(name):
                continue
            opened = time.perf_counter()
            window.main.nav.setCurrentRow(row)
            app.processEvents()
            emit(f"STARTUP_PAGE {name} {(time.perf_counter() - opened) * 1000:.1f}")
        finish(0)

    def report() -> None:
        emit(f"STARTUP_READY {with_cpu()}")
        if passphrase:
            window.unlock.passphrase.setText(passphrase)
            window.unlock.unlock_button.click()
            wait_for_landing(time.perf_counter() + 60)
            return
        window._preload(wait=True)  # what loads while the operator types the passphrase
        emit(f"STARTUP_LOADED {with_cpu()}")
        if os.environ.get("JEMPUT_PROBE_DEMO") != "1":
            app.quit()
            return
        window._start_failed = failed  # looked up when the open finishes
        window.open_demo()
        wait_for_demo(time.perf_counter() + 60)

    QTimer.singleShot(0, report)
