"""A refusal the window explains (weak passphrase, busy device) is logged by code without a traceback;
a real fault keeps its traceback at error level. Neither puts the message (which may name a resident) in the log."""

import logging

from app.core.messages import CodedError
from app.store.errors import StoreError
from app.ui.workers import run_task


def _run(qtbot, exc):
    got = []
    run_task(lambda: (_ for _ in ()).throw(exc), on_error=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    return got[0]


def test_expected_refusal_logged_by_code_at_info(qtbot, caplog):
    caplog.set_level(logging.INFO, logger="app.ui.workers")
    exc = _run(qtbot, StoreError(kind="invalid", code="nik.required"))
    assert isinstance(exc, StoreError)
    records = [r for r in caplog.records if r.name == "app.ui.workers"]
    assert [r.levelno for r in records] == [logging.INFO]
    assert "nik.required" in records[0].getMessage() and "Traceback" not in records[0].getMessage()
    assert exc.message not in caplog.text


def test_coded_error_is_expected_too(qtbot, caplog):
    caplog.set_level(logging.INFO, logger="app.ui.workers")
    _run(qtbot, CodedError("nik.length", {"length": 15}))
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_fault_keeps_traceback_at_error(qtbot, caplog):
    caplog.set_level(logging.INFO, logger="app.ui.workers")
    _run(qtbot, RuntimeError("Siti Aminah 3171010101900001"))
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and "RuntimeError" in errors[0].getMessage()
    assert "Siti" not in caplog.text and "3171010101900001" not in caplog.text
    corrupt = _run(qtbot, StoreError("rusak", kind="corrupt"))
    assert corrupt.kind == "corrupt"
    assert len([r for r in caplog.records if r.levelno == logging.ERROR]) == 2
