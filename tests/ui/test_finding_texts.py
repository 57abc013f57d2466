"""Messages by code through tr(): every code the core and capture layers, the server, the sync client,
the store and the session emit is in the catalogue (app/core/messages.py), its template rebuilds the
Indonesian message exactly, and it reads as English with English chosen (app/ui/texts.py)."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

from app.capture import quality
from app.core.eligibility import assess_eligibility
from app.core.findings import Finding, Params, Severity
from app.core.kk import check_kk
from app.core.lifecycle import RecordingStatus
from app.core.exceptions import PhotoFlag, SignatureFlag
from app.core.media_rules import check_media
from app.core.messages import (
    APPROVAL, CATALOGUE, DELIVERY, FINDINGS, REGISTRATION, SCHEDULES, BIOMETRIC, PHOTO, RECORDING, SERVER, STORE, SYNC, TARGETS, TRIPS, placeholders, render,
    templates,
)
from app.core.names import check_name
from app.core.nik import NikError, build_nik, check_nik, parse_nik
from app.core.regions import RegionIndex
from app.core.repeat import Earlier, repeat_finding
from app.core.resident import Resident
from app.core.validation import ValidationContext, validate_resident
from app.core.values import JenisKelamin, StatusPerkawinan
from app.store.outbox import CONFLICT_CODE
from app.ui import i18n
from app.ui.texts import finding_text, message_text
from sync.protocol_reasons import ReasonCodes

from support.capture import capture_cases

ROOT = Path(__file__).resolve().parents[2]
RECORDING_DATE = dt.date(2025, 11, 25)
D = dt.date

# Code-like string literals in app/core and app/capture that are not message codes.
NOT_FINDING_CODES = {
    "camera.lost", "camera.unavailable", "capture.error",  # CaptureError kinds (classes, not messages)
    "haarcascade_eye.xml", "haarcascade_frontalface_default.xml",  # OpenCV cascade files
}
CODE_LIKE = re.compile(r"[a-z][a-z_]*\.[a-z][a-z_]*")
# Where app/store and app/session.py raise a refusal by code: its class and the argument holding the code.
RAISERS = {"TransitionError", "OnServer", "CodedError", "StoreError", "NotFound", "WrongPassphrase",
           "ProfileMissing", "SchemaTooNew", "__init__", "render"}

REGIONS = RegionIndex.from_rows([
    ("31", "DKI JAKARTA"), ("31.71", "KOTA ADM. JAKARTA PUSAT"), ("31.71.01", "GAMBIR"),
    ("31.71.01.1001", "GAMBIR"),
    ("32", "JAWA BARAT"), ("32.73", "KOTA BANDUNG"), ("32.73.01", "SUKASARI"),
    ("32.73.01.1001", "SARIJADI"),
])
CTX = ValidationContext(REGIONS, RECORDING_DATE)
BORN = D(1990, 5, 12)
NIK = build_nik("317101", BORN, JenisKelamin.LAKI_LAKI, 1)  # a man born 12 May 1990, Gambir
KK = "3171010000000001"


def _resident(**changes) -> Resident:
    base = dict(
        nik=NIK, no_kk=KK, nama="BUDI SANTOSO", tempat_lahir="JAKARTA", tanggal_lahir=BORN,
        jenis_kelamin=JenisKelamin.LAKI_LAKI, alamat="JL. MERDEKA 1", rt="1", rw="2",
        provinsi_kode="31", kabupaten_kode="31.71", kecamatan_kode="31.71.01",
        kelurahan_kode="31.71.01.1001", status_perkawinan=StatusPerkawinan.BELUM_KAWIN,
    )
    base.update(changes)
    return Resident(**base)


def core_findings() -> list[Finding]:
    """Findings of the core validators over inputs chosen to reach every code and wording."""
    out: list[Finding] = []
    # NIK: structure, then disagreements with the form and the master data.
    out += check_nik("")
    out += check_nik("12ab")
    out += check_nik("3171013201900000")  # day 32 (date_invalid), serial 0000
    out += check_nik(NIK, birth_date=D(1990, 5, 13), sex="P", regions=REGIONS,
                     address_kecamatan_kode="32.73.01")
    out += check_nik(build_nik("317101", D(1990, 7, 1), "L", 2), birth_date=D(1990, 3, 2))  # SIAK hint
    out += check_nik(build_nik("317101", D(1985, 12, 31), "P", 3), birth_date=D(1985, 1, 9))  # SIMDUK hint
    out += check_nik(build_nik("999901", BORN, "L", 4), regions=REGIONS)  # not a kecamatan
    # KK
    out += check_kk("")
    out += check_kk("12ab")
    out += check_kk("9999010000000001", regions=REGIONS, address_kabupaten_kode="32.73")
    # Names, with every wording of name.invalid_chars.
    out += check_name("", "nama_ayah")
    out += check_name("A" * 61, "nama_ibu")
    out += check_name("Budi 2", "tempat_lahir")
    out += check_name("a1234567890@#", "nama")  # 12 bad characters: 10 shown "and 2 more"
    out += check_name("-BUDI", "nama")
    # Eligibility, with both wordings of too_young.
    out += assess_eligibility(D(2009, 3, 1), None, RECORDING_DATE).findings  # 16: pre_record
    out += assess_eligibility(D(2015, 3, 1), None, RECORDING_DATE).findings  # too young, min 16
    out += assess_eligibility(D(2015, 3, 1), None, RECORDING_DATE, min_recording_age=17).findings
    # The whole record.
    out += validate_resident(Resident(), CTX)  # every field.required
    out += validate_resident(_resident(alamat="X" * 121, catatan="Y" * 501, rt="1234", rw="000",
                                       telepon="12", tanggal_lahir=D(1900, 1, 1)), CTX)
    out += validate_resident(_resident(tanggal_lahir=D(2030, 1, 1)), CTX)
    out += validate_resident(_resident(provinsi_kode="xx", kabupaten_kode="31.72",
                                       kecamatan_kode="32.73.01", kelurahan_kode="31.71.01.1001"), CTX)
    out += check_media(has_photo=False, photo_exception=None, has_signature=False, signature_exception="")
    # A NIK another recording on the laptop holds (one, then three).
    earlier = [Earlier("u-1", RecordingStatus.ACCEPTED, "2025-11-20T03:00:00+00:00"),
               Earlier("u-2", RecordingStatus.DRAFT, ""), Earlier("u-3", RecordingStatus.SENT, "")]
    out += [repeat_finding(earlier[:1]), repeat_finding(earlier)]
    # The exception flags (app/core/exceptions.py): no reason, "Lainnya" without words, a flag without
    # its photo; a signature replacement with no mode, a guardian without name or relation, a thumbprint
    # without its image.
    out += check_media(has_photo=False, photo_exception="terbaring", has_signature=True, signature_exception=None,
                       photo_flag=PhotoFlag.make(None), signature_flag=SignatureFlag.make(None))
    out += check_media(has_photo=True, photo_exception=None, has_signature=False, signature_exception="tidak ada",
                       photo_flag=PhotoFlag.make("lainnya", ""),
                       signature_flag=SignatureFlag.make("tanda_tangan_wali"))
    out += check_media(has_photo=True, photo_exception=None, has_signature=False, signature_exception="-",
                       signature_flag=SignatureFlag.make("cap_jempol"))
    return out


# Fault cases of tests/capture/cases.py that reach every photo quality code.
PHOTO_CASES = ["two_faces", "dark", "bright", "uneven_light", "blurred", "rotated", "small_face",
               "large_face", "off_centre", "glasses", "wrong_background", "busy_background", "blank_wall"]


@pytest.fixture(scope="module")
def all_findings() -> list[Finding]:
    cases = capture_cases()
    out = core_findings()
    for name in PHOTO_CASES:
        out += quality.assess(getattr(cases, name)(), expected_background="merah").findings
    return out


def _in_catalogue(path: Path) -> bool:
    """The catalogue's own files, whose literals are its codes, not uses of them: app/core/messages.py,
    its groups (app/core/messages_*.py) and their strings for the translator (app/ui/catalogue_strings.py)."""
    core = path.parent == ROOT / "app" / "core" and (path.stem == "messages" or path.stem.startswith("messages_"))
    return core or path.name == "catalogue_strings.py"


def _emitted_codes() -> set[str]:
    """Every code-like string literal of app/core (but the catalogue) and app/capture, and the server's reason codes."""
    found = set()
    for path in sorted((ROOT / "app" / "core").glob("*.py")) + sorted((ROOT / "app" / "capture").glob("*.py")):
        if _in_catalogue(path):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE_LIKE.fullmatch(node.value):
                found.add(node.value)
    server = {v for k, v in vars(ReasonCodes).items() if k.isupper()}
    return ((found - NOT_FINDING_CODES) | server | _sync_codes() | _raised_codes() | _name_codes()
            | _bundle_codes() | _window_codes() | _coded_error_codes())


def _bundle_codes() -> set[str]:
    """The hand-carry bundle's and the no-NIK registrations' refusals ("bundle.*", "registration.*"
    literals of both ends: sync/ and app/)."""
    found = set()
    for path in sorted((ROOT / "sync").rglob("*.py")) + sorted((ROOT / "app").rglob("*.py")):
        if not _in_catalogue(path):
            found |= set(re.findall(r'"((?:bundle|registration)\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    return found


def _window_codes() -> set[str]:
    """The codes the window words itself with (``message_text("code"...)`` in app/ui)."""
    found = set()
    for path in sorted((ROOT / "app" / "ui").rglob("*.py")):
        found |= set(re.findall(r'message_text\(\s*"([a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    return found


def _name_codes() -> set[str]:
    """The names of values the catalogue words (their code built from the value: `Category.code`,
    `Outcome.code`, `TripType.code`, a student's status)."""
    from app.core.approval import RETURN_REASONS, reason_code
    from app.core.card_delivery import CardState, Reason, Relation
    from app.core.categories import Category
    from app.core.outcomes import Outcome
    from app.core.school import StudentStatus
    from app.core.trips import TripType

    return ({c.code for c in Category} | {o.code for o in Outcome} | {t.code for t in TripType}
            | {f"student.{s.value}" for s in StudentStatus} | {reason_code(r) for r in RETURN_REASONS}
            | {f"delivery_state.{s.value}" for s in CardState} | {f"delivery_reason.{r.value}" for r in Reason}
            | {f"delivery_relation.{r.value}" for r in Relation})


def _coded_error_codes() -> set[str]:
    """The codes raised as ``CodedError("code"...)`` anywhere in app/ and sync/ (a page's own check,
    a file reader's refusal, a dashboard form's)."""
    found = set()
    for path in sorted((ROOT / "sync").rglob("*.py")) + sorted((ROOT / "app").rglob("*.py")):
        found |= set(re.findall(r'CodedError\(\s*"([a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    return found


def _sync_codes() -> set[str]:
    """The codes the sync client raises and parks with (its "sync.*" literals, and the window's worker's
    for a crashed run), and the stored conflict code."""
    found = {CONFLICT_CODE}
    for path in sorted((ROOT / "sync" / "client").glob("*.py")) + [ROOT / "app" / "ui" / "sync_worker.py"]:
        found |= set(re.findall(r'"(sync\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    return found - {"sync.client"}


def _raised_codes() -> set[str]:
    """The codes app/store, app/session.py, the lifecycle, roles and passphrase strength raise their refusals with (`RAISERS`' arguments
    and ``code=``)."""
    found = set()
    extra = [ROOT / "app" / "session.py", ROOT / "app" / "core" / "lifecycle.py",
             ROOT / "app" / "core" / "roles.py", ROOT / "app" / "core" / "passphrase_strength.py"]
    for path in sorted((ROOT / "app" / "store").glob("*.py")) + extra:
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(call, ast.Call):
                continue
            name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
            args = [k.value for k in call.keywords if k.arg == "code"]
            if name in RAISERS:
                args += call.args
            for arg in args:
                for node in ast.walk(arg):
                    if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                            and CODE_LIKE.fullmatch(node.value):
                        found.add(node.value)
    # The limits' refusal of a new recording (`LimitsState.refusal`), which save_form raises.
    limits = (ROOT / "app" / "core" / "limits.py").read_text(encoding="utf-8")
    return found | set(re.findall(r'"(recording\.[a-z_]+)"', limits))


@pytest.fixture
def english(qapp):
    assert i18n.install("en"), "jemput_en.qm did not load"
    yield
    i18n.install("id")


# ------------------------------------------------------------------ the catalogue

def test_every_code_in_the_sources_has_a_template():
    codes = _emitted_codes()
    assert len(codes) >= 60, sorted(codes)
    missing = sorted(codes - set(CATALOGUE))
    assert not missing, f"codes without a template in app/core/messages.py: {missing}"
    stale = sorted(set(CATALOGUE) - codes)
    assert not stale, f"templates for codes nothing emits any more: {stale}"
    assert {v for k, v in vars(ReasonCodes).items() if k.isupper()} == set(SERVER)
    assert _sync_codes() == set(SYNC)
    raised = _raised_codes()  # the store's and session's refusals; a topic's own (targets, trips, …) in its group
    assert set(RECORDING) | set(STORE) <= raised <= set(RECORDING) | set(STORE) | set(TARGETS) | set(TRIPS) \
        | set(APPROVAL) | set(DELIVERY) | set(REGISTRATION) | set(SCHEDULES) | set(BIOMETRIC)
    assert {"outcome.target_unknown", "outcome.direkam_needs_recording"} <= raised


def _nik_error() -> Finding:
    """parse_nik's own wording of nik.date_invalid (29 February 1900), as a finding."""
    with pytest.raises(NikError) as info:
        parse_nik("1372012902000001", birth_date=D(1900, 3, 1))
    return Finding(info.value.code, "nik", Severity.ERROR, str(info.value), info.value.params)


def test_the_inputs_reach_every_code_and_every_wording(all_findings):
    assert {f.code for f in all_findings} == set(FINDINGS) | set(PHOTO)
    used = {(f.code, frozenset(f.params)) for f in all_findings + [_nik_error()]}
    for code in {**FINDINGS, **PHOTO}:
        for template in templates(code):
            names = frozenset(re.findall(r"\{(\w+)\}", template))
            assert (code, names) in used, f"no input reaches {code!r} worded as {template!r}"


# ------------------------------------------------------------------ Indonesian and English

def test_indonesian_text_is_the_message_exactly(qapp, all_findings):
    i18n.install("id")
    for f in all_findings + [_nik_error()]:
        assert finding_text(f) == f.message, f.code
        assert message_text(f.code, f.params) == render(f.code, f.params) == f.message, f.code


def test_english_text_is_translated_and_filled(english, all_findings):
    for f in all_findings + [_nik_error()]:
        text = finding_text(f)
        assert text and text != f.message, f.message
        assert "{" not in text and "}" not in text, text
        for value in f.params.values():  # codes, numbers and characters come through as they are
            if re.fullmatch(r"[\d.]+|\"..?\"(, \"..?\")*", value):
                assert value in text, (value, text)


def test_every_template_of_the_catalogue_reads_as_english_with_no_unfilled_placeholder(english):
    for code in CATALOGUE:
        for template in templates(code):
            params = {name: f"<{name}>" for name in placeholders(template)}
            indonesian, english_text = render(code, params), message_text(code, params)
            assert "{" not in english_text and "}" not in english_text, (code, english_text)
            assert all(v in english_text for v in params.values()), (code, english_text)
            if template not in ("{detail}", "{reasons}"):  # the server's own words, passed through
                assert english_text != indonesian, (code, template)


def test_english_words_inside_messages(english):
    f = check_nik(NIK, birth_date=D(1990, 5, 13), sex="P")
    by_code = {x.code: finding_text(x) for x in f}
    assert by_code["nik.birth_date_mismatch"].startswith(
        "The birth date in the NIK (12 May 1990) differs from the form (13 May 1990).")
    assert "(male)" in by_code["nik.sex_mismatch"] and "(female)" in by_code["nik.sex_mismatch"]
    [required] = check_name("", "nama_ibu")
    assert finding_text(required) == "Mother's name is required."
    [too_young] = assess_eligibility(D(2015, 3, 1), None, RECORDING_DATE).findings
    assert finding_text(too_young) == (
        "Cannot be recorded yet: aged 10 and never married. May be recorded from 1 March 2031 "
        "(age 16, the card is held until age 17 on 1 March 2032).")
    [rt] = [x for x in validate_resident(_resident(rt="1234"), CTX) if x.code == "rt_rw.invalid"]
    assert finding_text(rt) == "RT must be 1-3 digits and not 0 (e.g. 001)."


def test_unknown_codes_and_unfitting_params_fall_back_to_the_message(english):
    newer = Finding("nik.recorded_twice", "nik", Severity.ERROR, "NIK sudah direkam di perangkat lain.")
    assert finding_text(newer) == newer.message
    assert message_text("nik.recorded_twice") == "nik.recorded_twice"  # no message to fall back to: the code
    # A known code whose message is not its wording (an older server's words) stays as it is.
    server = Finding("nik.duplicate", "nik", Severity.ERROR, "NIK sudah direkam di perangkat lain.")
    assert finding_text(server) == server.message
    # A stored photo finding from before params existed: the Indonesian message stays.
    old = Finding("photo.tilted", "photo", Severity.WARNING, "Kepala miring (12°). Minta warga menegakkan kepala.")
    assert finding_text(old) == old.message
    new = Finding("photo.tilted", "photo", Severity.WARNING, old.message, {"angle": "12"})
    assert finding_text(new) == "Head tilted (12°). Ask the resident to hold their head upright."


# ------------------------------------------------------------------ Finding.params

def test_params_keep_findings_frozen_comparable_and_serialisable():
    [f] = check_nik("1234")
    assert f.params == {"length": "4"} and isinstance(f.params, Params)
    assert hash(f) == hash(Finding(f.code, f.field, f.severity, f.message, {"length": "4"}))
    assert f == Finding.from_dict(f.to_dict())
    assert f.to_dict()["params"] == {"length": "4"}
    plain = Finding("x.y", "nik", Severity.ERROR, "Pesan.")
    assert plain.params == {} and "params" not in plain.to_dict()
    assert Finding.from_dict({"code": "x.y", "field": "nik", "severity": "error", "message": "Pesan."}) == plain
    with pytest.raises(TypeError):
        f.params["length"] = "5"  # type: ignore[index]


# ------------------------------------------------------------------ where the window shows them

def test_form_and_findings_panel_show_english(qtbot, session, english):
    from PySide6.QtWidgets import QLabel

    from app.ui.pages.enroll import EnrollPage

    page = EnrollPage(session)
    qtbot.addWidget(page)
    page.start_new()
    form = page.form
    # 31 April in the NIK (error next to the field); a man's NIK and "perempuan" on the form (warning).
    qtbot.keyClicks(form.nik, "1372013104010003")
    form.revalidate()
    label = form._field_labels["nik"]
    assert label.text().startswith("The birth date digits in the NIK (digits 7-12) are not a real date")
    panel_texts = [w.text() for w in form.findings_panel.findChildren(QLabel)]
    assert any(t.startswith("\u2716 The birth date digits in the NIK") for t in panel_texts), panel_texts
    assert not any("bukan tanggal yang ada" in t for t in panel_texts + [label.text()])


def test_photo_checks_show_english(qtbot, english):
    from app.ui.widgets.photo_step import ChecksList

    checks = ChecksList()
    qtbot.addWidget(checks)
    report = quality.assess(capture_cases().rotated(20.0), expected_background="merah")
    assert "photo.tilted" in report.codes
    checks.update_report(report)
    assert checks.text("tilt").startswith("Head tilted (")
    assert checks.text("tilt").endswith("°). Ask the resident to hold their head upright.")
