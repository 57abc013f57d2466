"""The work area builds only the page the operator lands on (Beranda); every other page is imported and
built the first time it is shown (Ctrl+1 … Ctrl+9, the navigation, Ctrl+N, or code asking `main.enroll`).
The sync worker starts once its client has loaded behind Beranda. Real window, real profile, offscreen."""

from __future__ import annotations

from PySide6.QtCore import Qt

from support.profiles import PASSPHRASE
from support.window import unlocked_window

TITLES = ["Beranda", "Daftar Warga", "Rekam Baru", "Antrian & Sinkron", "Laporan", "Pengaturan", "Kunjungan",
          "Jadwal", "Antar KTP-el"]


def _ctrl(qtbot, win, number: int) -> None:
    target = win.focusWidget() or win.main.nav
    qtbot.keyClick(target, Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.ControlModifier)


def _built(main) -> list[str]:
    return [name for name in main.PAGES if main.is_built(name)]


def test_each_page_is_built_when_first_shown_and_every_ctrl_number_lands_on_a_usable_page(qtbot, profile_dir):
    win = unlocked_window(qtbot, profile_dir, PASSPHRASE)
    try:
        main = win.main
        assert _built(main) == ["home"] and main.stack.count() == 1
        assert main.stack.currentWidget() is main.home and main.home.isVisible()
        assert [main.nav.item(i).text() for i in range(main.nav.count())] == TITLES  # every title from the start
        assert [main.nav.item(i).toolTip() for i in range(main.nav.count())] == [f"Ctrl+{i}" for i in range(1, 10)]
        first = {}
        for number, name in enumerate(main.PAGES, start=1):
            _ctrl(qtbot, win, number)
            page = main.stack.currentWidget()
            assert _built(main) == list(main.PAGES[:number]), "only the pages opened so far are built"
            assert page is main.page(name) and main.nav.currentRow() == number - 1
            assert page.isVisible() and page.isEnabled() and page.width() > 500
            assert main.stack.count() == number
            first[name] = page
        for number in (5, 1, 9, 2, 3):  # back to pages already built: the same widgets, nothing built again
            _ctrl(qtbot, win, number)
            assert main.stack.currentWidget() is first[main.PAGES[number - 1]]
        assert main.stack.count() == len(main.PAGES)
        # Rekam Baru (Ctrl+3 last) is usable: the cursor is in the NIK field and it takes typing.
        form = main.enroll.form
        assert win.focusWidget() is form.nik
        qtbot.keyClicks(form.nik, "3201")
        assert form.nik.text().replace(" ", "").startswith("3201")
    finally:
        win.close()


def test_ctrl_n_builds_the_form_on_demand_and_the_sync_worker_starts_behind_beranda(qtbot, profile_dir):
    win = unlocked_window(qtbot, profile_dir, PASSPHRASE)
    try:
        main = win.main
        assert not main.is_built("enroll")
        qtbot.waitUntil(lambda: win.sync_worker is not None, timeout=20_000)  # loaded behind Beranda
        assert win.sync_label.text().startswith("Sinkron terakhir: ")
        assert not main.is_built("queue"), "starting the sync worker builds no page"
        qtbot.keyClick(main.nav, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        assert main.is_built("enroll") and main.stack.currentWidget() is main.enroll
        assert main.nav.currentRow() == main.PAGES.index("enroll")
        assert main.enroll.uuid is None and not main.enroll.form.has_content()
        _ctrl(qtbot, win, 4)  # Antrian & Sinkron shows the worker the window started, not a second one
        assert main.queue.worker is win.sync_worker
    finally:
        win.close()


def test_closing_before_the_form_was_ever_opened_builds_it_not(qtbot, profile_dir):
    win = unlocked_window(qtbot, profile_dir, PASSPHRASE)
    main = win.main
    win.close()
    assert not main.is_built("enroll")


def test_the_frozen_build_is_told_of_every_page_module():
    """The pages are imported by name when first shown: PyInstaller's analysis cannot see them."""
    from pathlib import Path

    from app.ui.main_area import PAGE_CLASSES

    spec = (Path(__file__).resolve().parents[2] / "build.spec").read_text(encoding="utf-8")
    assert 'f"app.ui.pages.{name}"' in spec
    for module, _cls in PAGE_CLASSES.values():
        assert module.startswith("app.ui.pages.") and f'"{module.rsplit(".", 1)[1]}"' in spec, module
