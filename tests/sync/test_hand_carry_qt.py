"""The queue page's "Kirim lewat flashdisk" box (pytest-qt, offscreen): the export runs on a worker
thread with a progress bar, the queue stays; the office's receipt read back acknowledges the recordings."""

from __future__ import annotations

import pytest

from app.store.outbox import Outbox
from app.ui.pages.sync_page import SyncPage
from app.ui.sync_worker import SyncWorker
from support.server import server_cli
from sync.bundle import SUFFIX
from sync_support import make_pump, record

pytestmark = pytest.mark.gui


def test_the_page_writes_a_bundle_and_reads_the_receipt(qtbot, session, people, module_server, registered, tmp_path):
    pump = registered(module_server)
    recs = [record(session.store, people) for _ in range(4)]
    page = SyncPage(session, worker=SyncWorker(session, pump=make_pump(session.store)))
    qtbot.addWidget(page)
    page.show()
    box = page.hand_carry
    assert box.isVisible() and box.export_button.isEnabled()
    values: list[int] = []
    box.bar.valueChanged.connect(values.append)
    folder = tmp_path / "usb"
    folder.mkdir()
    with qtbot.waitSignal(box.exported, timeout=20000) as blocker:
        box.export_to(str(folder))
        assert not box.export_button.isEnabled()  # one at a time
    result = blocker.args[0]
    assert result.records == 4 and values and values[-1] == 100 and box.bar.isHidden()
    assert [p.name for p in folder.iterdir()] == [result.path.name] and result.path.suffix == SUFFIX
    assert "4 rekaman" in box.message.text()
    assert page.counts["waiting"].text() == "4"  # a copy: the queue waits for the receipt

    server_cli("import-bundle", *module_server.cli_args, result.path)
    receipt = result.path.with_name(result.path.name.removesuffix(SUFFIX) + ".terima.json")
    with qtbot.waitSignal(box.changed, timeout=20000):
        box.read_receipt(str(receipt))
    assert page.counts["waiting"].text() == "0" and page.counts["accepted"].text() == "4"
    assert Outbox(session.store).counts()["acked"] == len(recs)
    assert pump.run_once().sent == 0


def test_an_unregistered_laptop_cannot_export(qtbot, session, people):
    record(session.store, people)
    page = SyncPage(session, worker=SyncWorker(session, pump=make_pump(session.store)))
    qtbot.addWidget(page)
    assert not page.hand_carry.export_button.isEnabled()
    assert "Daftarkan" in page.hand_carry.export_button.toolTip()
