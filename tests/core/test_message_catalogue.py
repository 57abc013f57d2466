"""The message catalogue: every code has well-formed Indonesian templates, `render` fills them, and the module is pure."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path
from string import Formatter

import pytest

import app.core.messages as messages
from app.core.findings import Finding, Params, Severity, finding
from app.core.messages import (
    APPROVAL, BIOMETRIC, BUNDLE, CAPTURE, CATALOGUE, DELIVERY, FINDINGS, PHOTO, RECORDING, REGISTRATION, SCHEDULES,
    SERVER, STORE, SYNC, TARGETS, TRIPS, CodedError,
    placeholders,
    render,
    template_for,
    templates,
)
from app.core.nik import NikError, parse_nik

GROUPS = (FINDINGS, PHOTO, CAPTURE, SERVER, SYNC, RECORDING, STORE, TARGETS, BIOMETRIC, TRIPS, BUNDLE, SCHEDULES,
          DELIVERY, REGISTRATION, APPROVAL)


def _dummy(template: str) -> dict[str, str]:
    return {name: f"<{name}>" for name in placeholders(template)}


def test_every_code_has_templates_with_distinct_placeholders():
    assert len(CATALOGUE) == sum(len(g) for g in GROUPS), "a code is in two groups"
    assert len(CATALOGUE) >= 65, len(CATALOGUE)
    for code, found in CATALOGUE.items():
        assert code.count(".") == 1 and code == code.strip().lower(), code
        wordings = templates(code)
        assert wordings and all(isinstance(t, str) and t.strip() for t in wordings), code
        keys = [placeholders(t) for t in wordings]
        assert len(set(keys)) == len(keys), f"{code}: two wordings with the same placeholders"
        for template in wordings:
            for _text, name, spec, conversion in Formatter().parse(template):
                if name is not None:  # plain {name}: a translator sees and keeps them as they are
                    assert name.isidentifier() and not spec and not conversion, (code, template)


def test_render_fills_the_wording_whose_placeholders_are_the_params():
    for code in CATALOGUE:
        for template in templates(code):
            params = _dummy(template)
            assert template_for(code, set(params)) == template
            text = render(code, params)
            assert "{" not in text and all(v in text for v in params.values())
    assert render("nik.length", {"length": 15}) == "NIK harus tepat 16 angka (sekarang 15)."
    assert render("review.kept") == "Ditinjau admin (NIK ganda): rekaman ini diterima."
    assert render("review.kept", {"note": "sudah dicek"}).endswith(" Catatan admin: sudah dicek")


def test_render_refuses_unknown_codes_and_unfitting_params():
    with pytest.raises(KeyError):
        render("nik.unknown_code")
    with pytest.raises(KeyError):
        render("nik.length")  # {length} missing
    with pytest.raises(KeyError):
        render("nik.required", {"length": 3})
    assert template_for("nik.unknown_code", set()) is None and templates("nik.unknown_code") == ()


def test_finding_takes_its_message_from_the_catalogue():
    f = finding("region.unknown", "kelurahan_kode", Severity.ERROR, level="kelurahan", code="31.71.01.9999")
    assert f == Finding("region.unknown", "kelurahan_kode", Severity.ERROR,
                        "Kode kelurahan 31.71.01.9999 tidak ada dalam data master.",
                        {"level": "kelurahan", "code": "31.71.01.9999"})
    assert isinstance(f.params, Params)
    assert finding("nik.length", "nik", Severity.ERROR, length=4).params == {"length": "4"}
    with pytest.raises(KeyError):
        finding("nik.length", "nik", Severity.ERROR)


def test_nik_error_carries_code_params_and_the_catalogue_text():
    with pytest.raises(NikError) as info:
        parse_nik("1372012902000001", birth_date=dt.date(1900, 3, 1))
    assert info.value.code == "nik.date_invalid" and info.value.params == {"year": 1900}
    assert str(info.value) == "Tanggal lahir dalam NIK tidak ada pada tahun 1900."
    with pytest.raises(NikError) as info:
        parse_nik("1234", reference_date=dt.date(2025, 1, 1))
    assert info.value.code == "nik.length" and str(info.value) == render("nik.length", {"length": 4})


def test_a_coded_error_carries_code_params_and_the_catalogue_text():
    exc = CodedError("recording.not_editable", {"status": "Terkirim"})
    assert isinstance(exc, ValueError) and (exc.code, exc.params) == ("recording.not_editable", {"status": "Terkirim"})
    assert exc.message == str(exc) == "rekaman berstatus 'Terkirim' tidak dapat diubah"
    with pytest.raises(KeyError):
        CodedError("recording.not_editable")  # {status} missing


def _imports(path: Path) -> tuple[set[str], ast.Module]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    return imported, tree


def test_the_catalogue_is_pure():
    """No Qt (the server and the command line use it), nothing of ours but the catalogue's own modules
    (messages.py and its groups, messages_*.py): the standard library only."""
    entry = Path(messages.__file__)
    parts = sorted(entry.parent.glob("messages_*.py"))
    own = {f"app.core.{p.stem}" for p in parts}
    imported, tree = _imports(entry)
    assert imported - own == {"__future__", "collections.abc", "string"}
    assert imported & own == own, "messages.py leaves a group module out of the catalogue"
    assert ast.get_docstring(tree)
    for part in parts:
        imported, tree = _imports(part)
        assert imported - own <= {"__future__"} and "app.core.messages" not in imported, part.name
        assert ast.get_docstring(tree), part.name
