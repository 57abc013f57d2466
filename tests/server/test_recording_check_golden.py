"""The intake's answers, recording by recording, equal a golden file recorded before the speed work of issue 15.

`tests/server/data/recording_check_golden.json.gz` holds 320 generated recordings (clean and
messy: wrong NIK/KK, odd names, wrong or unknown regions, bad RT/RW and phone numbers, birth
dates out of range, codes outside the lists, missing media with and without exceptions, photo
and signature flags, acknowledgements, biometric sets complete, incomplete, excepted and
malformed, recording dates ahead of and behind the server's) with what the code answered for
each: the intake's reasons (`check_payload`, in order, messages included), the resident it
stores, `date_reasons`, `exception_flags`, `payload_sha256`, the unique media, and the laptop's
`check_recording` findings and verdict of the same biodata as typed (not yet normalised).

The test reads the recordings from the file (not from the generator), so it does not depend
on Faker's version. A deliberate change of a rule or a message needs the file written again:
    python tests/server/test_recording_check_golden.py --write
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import random
import sys
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "data" / "recording_check_golden.json.gz"
SEED = ROOT / "resources" / "regions" / "seed_cities.csv"
ON = dt.date(2026, 6, 15)  # the recording date of most cases; the server's date varies per case

if __name__ == "__main__":  # --write: run as a script from anywhere
    sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "server")]

from app.core.findings import Acknowledgement  # noqa: E402
from app.core.recording_check import check_recording  # noqa: E402
from app.core.regions import RegionIndex, to_digits  # noqa: E402
from app.core.resident import Resident  # noqa: E402
from app.core.validation import ValidationContext  # noqa: E402
from sync.protocol import BatchItem, RecordingPayload, build_item, payload_sha256  # noqa: E402
from sync.server.intake import _unique_media, check_payload, date_reasons, exception_flags  # noqa: E402


def _regions() -> RegionIndex:
    return RegionIndex.from_csv(SEED.read_text(encoding="utf-8").splitlines())


# --------------------------------------------------------------------------- what the code answers


def answers(case: dict, regions: RegionIndex) -> dict[str, Any]:
    """Everything the intake (and the laptop's check) says about one case."""
    item = BatchItem.model_validate(case["item"])
    payload = item.payload
    received_on = dt.date.fromisoformat(case["received_on"])
    index = regions if case["regions"] else None
    reasons, resident = check_payload(payload, index, case["max_media_bytes"], received_on, case["policy"])
    out: dict[str, Any] = {
        "reasons": [r.model_dump() for r in reasons],
        "resident": resident.to_dict() if resident is not None else None,
        "date_reasons": [r.model_dump() for r in date_reasons(payload.recording_date, received_on)],
        "exception_flags": exception_flags(payload),
        "payload_sha256": payload_sha256(case["item"]["payload"]),
        "hash_ok": payload_sha256(case["item"]["payload"]) == item.payload_sha256,
        "unique_media": [m.sha256 for m in _unique_media(payload)],
        "kelurahan_digits": None,
    }
    if resident is not None:
        try:
            out["kelurahan_digits"] = to_digits(resident.kelurahan_kode)
        except ValueError:
            out["kelurahan_digits"] = ""
    try:  # the laptop's check of the biodata as typed (normalised inside)
        typed = Resident.from_dict(case["item"]["payload"]["resident"])
    except ValueError as exc:
        out["laptop"] = {"error": str(exc)}
    else:
        kinds = {m.kind.value for m in payload.media}
        check = check_recording(
            typed, ValidationContext(regions=index, recording_date=min(payload.recording_date, received_on)),
            has_photo="photo" in kinds, photo_exception=payload.photo_exception,
            has_signature="signature" in kinds, signature_exception=payload.signature_exception,
            acknowledgements=[Acknowledgement(a.code, a.field, a.reason) for a in payload.acknowledgements])
        out["laptop"] = {
            "findings": [f.to_dict() for f in check.findings],
            "blocking": [f.to_dict() for f in check.verdict.blocking],
            "acknowledged": [f.to_dict() for f in check.verdict.acknowledged],
        }
    return out


# --------------------------------------------------------------------------- the cases (only for --write)


def _sha(rng: random.Random) -> str:
    return hashlib.sha256(rng.randbytes(16)).hexdigest()


def _media(rng: random.Random, *kinds: str, size: int = 30_000) -> list[dict]:
    return [{"sha256": _sha(rng), "size": size, "kind": k,
             "mime": "image/png" if k == "signature" else "image/jpeg"} for k in kinds]


def _biometrics(rng: random.Random, excepted: dict[str, str] | None = None, skip: tuple[str, ...] = (),
                proofs: bool = True) -> tuple[dict, list[dict]]:
    from app.core.biometric_content import RECORD_KINDS

    excepted = excepted or {}
    slots, media = {}, []
    for kind in RECORD_KINDS:
        if kind in skip:
            continue
        if kind in excepted:
            slots[kind] = {"exception": excepted[kind]}
            if proofs:
                media.append({"sha256": _sha(rng), "size": 5000, "kind": "proof_" + kind, "mime": "image/jpeg"})
            continue
        slots[kind] = {"score": float(rng.randint(40, 99)), "tries": rng.randint(1, 3), "reached": rng.random() > .2}
        media.append({"sha256": _sha(rng), "size": 8000, "kind": kind, "mime": "application/octet-stream"})
    return {"slots": slots}, media


def _resident_variants(people, rng: random.Random) -> list[tuple[str, dict]]:
    """(label, changes) of messy biodata; each applied to a fresh generated resident."""
    r = people.resident_data(None, ON)
    kec = r["kecamatan_kode"]
    return [
        ("clean", {}),
        ("clean digits codes", {k: r[k].replace(".", "") for k in
                                ("provinsi_kode", "kabupaten_kode", "kecamatan_kode", "kelurahan_kode")}),
        ("lower names", {"nama": "  siti   nur'aini ", "nama_ayah": "ahmad", "nama_ibu": "ni luh putu ari"}),
        ("typographic apostrophe", {"nama": "SITI NUR\u2019AINI", "tempat_lahir": "PALEMBANG\u3000"}),
        ("full-width name", {"nama": "\uff33\uff29\uff34\uff29 \uff21"}),
        ("accented name", {"nama": "JOSÉ MARÍA", "nama_ibu": "Zoë"}),
        ("digits in name", {"nama": "BUDI 2", "tempat_lahir": "KM 12"}),
        ("symbols in name", {"nama": "BUDI@#$%^&*()!?<>[]{}=+~", "nama_ayah": "_ALI"}),
        ("control char name", {"nama": "BUDI\u200bSANTOSO", "nama_ibu": "SITI\u0301"}),
        ("name starts with dot", {"nama": ".BUDI", "nama_ayah": "'ALI"}),
        ("long name", {"nama": "A" * 61, "tempat_lahir": "B " * 40}),
        ("empty names", {"nama": "", "tempat_lahir": "", "nama_ayah": "", "nama_ibu": ""}),
        ("emoji name", {"nama": "BUDI \U0001f600"}),
        ("nik letters", {"nik": "16710A0101900001"}),
        ("nik short", {"nik": "167101010190"}),
        ("nik empty", {"nik": ""}),
        ("nik spaces", {"nik": " " + r["nik"] + " "}),
        ("nik date invalid", {"nik": r["nik"][:6] + "320290" + "0001"}),
        ("nik 29 feb 00", {"nik": r["nik"][:6] + "290200" + "0003", "tanggal_lahir": "2000-02-29"}),
        ("nik serial zero", {"nik": r["nik"][:12] + "0000"}),
        ("nik birth mismatch", {"tanggal_lahir": "1990-07-01"}),
        ("nik birth mismatch 31 dec", {"nik": r["nik"][:6] + "311285" + "0004", "tanggal_lahir": "1985-12-30"}),
        ("nik sex mismatch", {"jenis_kelamin": "P" if int(r["nik"][6:8]) <= 40 else "L"}),
        ("nik region unknown", {"nik": "990101" + r["nik"][6:]}),
        ("nik region other", {"nik": "167102" + r["nik"][6:]}),
        ("kk letters", {"no_kk": "16710X0000000001"}),
        ("kk short", {"no_kk": "1671"}),
        ("kk empty", {"no_kk": ""}),
        ("kk unknown", {"no_kk": "9901010000000001"}),
        ("kk other kec", {"no_kk": "1671020000000001"}),
        ("no birth date", {"tanggal_lahir": None}),
        ("birth future", {"tanggal_lahir": "2027-01-01"}),
        ("too old", {"tanggal_lahir": "1900-01-01"}),
        ("too young", {"tanggal_lahir": "2016-03-01", "status_perkawinan": 1}),
        ("pre-record 16", {"tanggal_lahir": "2010-01-10", "status_perkawinan": 1}),
        ("young married", {"tanggal_lahir": "2011-01-10", "status_perkawinan": 2}),
        ("29 feb", {"tanggal_lahir": "2008-02-29", "status_perkawinan": 1}),
        ("precision month", {"tanggal_lahir_presisi": "month", "tanggal_lahir": "1980-05-15"}),
        ("precision year", {"tanggal_lahir_presisi": "year", "tanggal_lahir": "1975-07-01"}),
        ("region wrong level", {"kecamatan_kode": r["kabupaten_kode"], "kelurahan_kode": kec}),
        ("region unknown", {"kelurahan_kode": kec + ".2999"}),
        ("region inconsistent", {"kabupaten_kode": "16.72"}),
        ("region malformed", {"provinsi_kode": "1", "kabupaten_kode": "16.00", "kecamatan_kode": "abc",
                              "kelurahan_kode": "16.71.01.0000"}),
        ("region empty", {"provinsi_kode": "", "kabupaten_kode": "", "kecamatan_kode": "", "kelurahan_kode": ""}),
        ("region spaces", {"kelurahan_kode": " " + r["kelurahan_kode"] + " ", "kecamatan_kode": kec + " "}),
        ("region kota 70", {"kabupaten_kode": "16.70", "provinsi_kode": "09"}),
        ("rt rw short", {"rt": "1", "rw": "12"}),
        ("rt rw zero", {"rt": "0", "rw": "000"}),
        ("rt rw letters", {"rt": "1a", "rw": "abcd"}),
        ("rt rw long", {"rt": "12345", "rw": " 7 "}),
        ("rt rw empty", {"rt": "", "rw": ""}),
        ("alamat long", {"alamat": "JL. " + "MERDEKA " * 20}),
        ("alamat messy", {"alamat": "  jl.   merdeka\tno 5 \n "}),
        ("alamat empty", {"alamat": "   "}),
        ("catatan long", {"catatan": "x" * 501}),
        ("phone good", {"telepon": "+62 812-3456-7890"}),
        ("phone brackets", {"telepon": "(0711) 123.456"}),
        ("phone letters", {"telepon": "08123abc"}),
        ("phone short", {"telepon": "0812"}),
        ("phone long", {"telepon": "0812345678901234567"}),
        ("phone plus only", {"telepon": "+"}),
        ("no sex", {"jenis_kelamin": None}),
        ("missing lists", {"agama": None, "status_perkawinan": None, "pekerjaan": None, "pendidikan": None,
                           "hubungan_keluarga": None}),
        ("agama unknown code", {"agama": 99}),
        ("pekerjaan unknown code", {"pekerjaan": 999}),
        ("disabilitas dup", {"disabilitas": [1, 1, 2]}),
        ("disabilitas bad", {"disabilitas": [77]}),
        ("wna", {"kewarganegaraan": "WNA"}),
        ("golongan darah none", {"golongan_darah": None}),
        ("golongan darah bad", {"golongan_darah": 55}),
        ("everything wrong", {"nik": "12", "no_kk": "ab", "nama": "1", "tempat_lahir": "", "tanggal_lahir": None,
                              "rt": "x", "rw": "", "provinsi_kode": "00", "kelurahan_kode": "",
                              "telepon": "x", "catatan": "y" * 600, "alamat": ""}),
    ]


def _payload_variants(rng: random.Random) -> list[tuple[str, dict, dict]]:
    """(label, payload changes, check settings) of media, flags, acknowledgements, biometrics and dates."""
    photo_sig = lambda: _media(rng, "photo", "signature")  # noqa: E731
    dup = _media(rng, "photo")[0]
    bio_ok, bio_media = _biometrics(rng)
    exc, exc_media = _biometrics(rng, {"finger_03": "amputasi", "iris_left": "tidak_dapat_membuka_mata"})
    noproof, noproof_media = _biometrics(rng, {"finger_07": "luka_perban"}, proofs=False)
    lainnya, lainnya_media = _biometrics(rng, {"finger_01": "lainnya"})
    lainnya["slots"]["finger_01"]["text"] = "jari bengkak"
    partial, partial_media = _biometrics(rng, skip=("finger_09", "finger_10", "iris_right"))
    lacking, lacking_media = _biometrics(rng)
    lacking_media = lacking_media[2:]
    extra, extra_media = _biometrics(rng, {"finger_02": "amputasi"})
    extra_media += [{"sha256": _sha(rng), "size": 9000, "kind": "finger_02", "mime": "application/octet-stream"}]
    bad = []
    for slots in ({"finger_99": {"score": 50.0}}, {"finger_01": {"score": 150.0}}, {"finger_01": {"score": True}},
                  {"finger_01": {"score": 50.0, "tries": 0}}, {"finger_01": {"exception": "tidak_dapat_duduk"}},
                  {"finger_01": {"exception": "amputasi", "text": 5}}, {"finger_01": {"exception": "mana"}},
                  {"finger_01": {"tries": 2}}, {"iris_left": {"exception": "sidik_jari_aus"}}):
        bad.append(({"slots": slots}, []))
    ack_good = [{"code": "nik.birth_date_mismatch", "field": "nik", "reason": "KTP lama salah cetak"}]
    ack_short = [{"code": "nik.birth_date_mismatch", "field": "nik", "reason": " a "}]
    ack_other = [{"code": "eligibility.pre_record", "field": "tanggal_lahir", "reason": "sekolah"}]
    default = {"received_on": ON.isoformat(), "policy": "required_when_present", "max_media_bytes": 10 * 2**20}
    variants: list[tuple[str, dict, dict]] = [
        ("media ok", {"media": photo_sig()}, default),
        ("no media with exceptions", {"media": [], "photo_exception": "terbaring sakit",
                                      "signature_exception": "tidak dapat tanda tangan"}, default),
        ("no media no exceptions", {"media": []}, default),
        ("no media short exceptions", {"media": [], "photo_exception": " x ", "signature_exception": "ab"}, default),
        ("photo only", {"media": _media(rng, "photo"), "signature_exception": "lumpuh"}, default),
        ("signature only", {"media": _media(rng, "signature")}, default),
        ("media too large", {"media": _media(rng, "photo", "signature", size=60_000)},
         dict(default, max_media_bytes=50_000)),
        ("duplicate media", {"media": [dup, dict(dup, kind="signature"), *_media(rng, "signature")]}, default),
        ("photo flag ok", {"media": photo_sig(), "photo_flag": {"reason": "terbaring", "text": "",
                                                                 "failed_checks": ["pose", "pose", "light"]}}, default),
        ("photo flag no reason", {"media": photo_sig(), "photo_flag": {"reason": None}}, default),
        ("photo flag unknown reason", {"media": photo_sig(), "photo_flag": {"reason": "malas"}}, default),
        ("photo flag lainnya no text", {"media": photo_sig(), "photo_flag": {"reason": "lainnya", "text": " a "}},
         default),
        ("photo flag without photo", {"media": _media(rng, "signature"), "photo_exception": "terbaring",
                                      "photo_flag": {"reason": "disabilitas"}}, default),
        ("signature cap jempol", {"media": photo_sig(), "signature_flag": {"mode": "cap_jempol"}}, default),
        ("cap jempol no image", {"media": _media(rng, "photo"), "signature_exception": "cap jempol di kantor",
                                 "signature_flag": {"mode": "cap_jempol"}}, default),
        ("wali incomplete", {"media": photo_sig(), "signature_flag": {"mode": "tanda_tangan_wali",
                                                                       "guardian_name": "  A ",
                                                                       "guardian_relation": "tetangga"}}, default),
        ("wali ok", {"media": photo_sig(), "signature_flag": {"mode": "tanda_tangan_wali", "guardian_name": "SITI",
                                                               "guardian_relation": "anak"}}, default),
        ("tidak ada no reason", {"media": _media(rng, "photo"), "signature_exception": "tidak bisa",
                                 "signature_flag": {"mode": "tidak_ada", "reason": ""}}, default),
        ("signature flag no mode", {"media": photo_sig(), "signature_flag": {"mode": None}}, default),
        ("ack good", {"media": photo_sig(), "acknowledgements": ack_good}, default),
        ("ack short", {"media": photo_sig(), "acknowledgements": ack_short}, default),
        ("ack other", {"media": photo_sig(), "acknowledgements": ack_other}, default),
        ("biometrics ok", {"media": photo_sig() + bio_media, "biometrics": bio_ok}, default),
        ("biometrics excepted", {"media": photo_sig() + exc_media, "biometrics": exc}, default),
        ("biometrics no proofs", {"media": photo_sig() + noproof_media, "biometrics": noproof}, default),
        ("biometrics lainnya", {"media": photo_sig() + lainnya_media, "biometrics": lainnya}, default),
        ("biometrics partial", {"media": photo_sig() + partial_media, "biometrics": partial}, default),
        ("biometrics partial off", {"media": photo_sig() + partial_media, "biometrics": partial},
         dict(default, policy="off")),
        ("biometrics lacking records", {"media": photo_sig() + lacking_media, "biometrics": lacking}, default),
        ("biometrics extra media", {"media": photo_sig() + extra_media, "biometrics": extra}, default),
        ("biometric media without set", {"media": photo_sig() + bio_media[:3]}, default),
        ("no biometrics required", {"media": photo_sig()}, dict(default, policy="required")),
        ("biometrics empty set", {"media": photo_sig(), "biometrics": {"slots": {}}}, default),
        ("biometrics no photo", {"media": bio_media, "biometrics": bio_ok,
                                 "photo_flag": {"reason": "terbaring"}}, default),
        *[(f"biometrics invalid {i}", {"media": photo_sig(), "biometrics": b}, default)
          for i, (b, _m) in enumerate(bad)],
        ("date ahead", {"media": photo_sig()}, dict(default, received_on=(ON - dt.timedelta(days=5)).isoformat())),
        ("date behind", {"media": photo_sig()}, dict(default, received_on=(ON + dt.timedelta(days=60)).isoformat())),
        ("date slightly ahead", {"media": photo_sig()}, dict(default, received_on=(ON - dt.timedelta(days=1)).isoformat())),
        ("no master data", {"media": photo_sig()}, dict(default, regions=False)),
        ("trip", {"media": photo_sig(), "trip": {"id": str(uuid.UUID(int=rng.getrandbits(128))),
                                                  "name": "Sekolah 1", "type": "sekolah"}}, default),
        ("replaces", {"media": photo_sig(), "replaces": str(uuid.UUID(int=rng.getrandbits(128)))}, default),
    ]
    return variants


def generate(seed: int = 15) -> list[dict]:
    """The cases: every biodata variant with clean media, every payload variant with clean biodata,
    then random mixes of both (also with the master data left out)."""
    from faker import Faker
    from serverkit import People

    regions = _regions()
    Faker.seed(seed)
    rng = random.Random(seed)
    people = People(regions, Faker("id_ID"), random.Random(seed))
    residents = _resident_variants(people, rng)
    payloads = _payload_variants(rng)
    combos = [(rv, payloads[0]) for rv in residents] + [(residents[0], pv) for pv in payloads]
    for _ in range(200):
        combos.append((rng.choice(residents), rng.choice(payloads)))
    cases = []
    for (rlabel, rchanges), (plabel, pchanges, settings) in combos:
        area = rng.choice([None, "16.71", "13.72", None])
        resident = people.resident_data(area, ON, **rchanges)
        body = {"resident": resident, "recording_date": ON.isoformat(),
                "recorded_at": f"{ON.isoformat()}T09:30:00+07:00", "operator": "operator1",
                "acknowledgements": [], "photo_exception": None, "signature_exception": None, **pchanges}
        item = build_item(str(uuid.UUID(int=rng.getrandbits(128))), RecordingPayload.model_validate(body))
        if rng.random() < 0.03:
            item["payload_sha256"] = "0" * 64  # a hash that does not match
        cases.append({"label": f"{rlabel} / {plabel}", "item": item, "regions": settings.get("regions", True),
                      **{k: v for k, v in settings.items() if k != "regions"}})
    return cases


def write() -> None:
    regions = _regions()
    cases = [dict(case, expected=answers(case, regions)) for case in generate()]
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps({"cases": cases}, ensure_ascii=False, sort_keys=True, indent=0).encode("utf-8")
    GOLDEN.write_bytes(gzip.compress(data, mtime=0))
    codes = Counter(r["code"] for c in cases for r in c["expected"]["reasons"])
    print(f"{len(cases)} cases, {len(codes)} reason codes, {GOLDEN.stat().st_size} bytes: {GOLDEN}")


# --------------------------------------------------------------------------- the test


def _golden() -> list[dict]:
    return json.loads(gzip.decompress(GOLDEN.read_bytes()))["cases"]


def test_the_golden_file_covers_clean_and_messy_recordings():
    cases = _golden()
    codes = Counter(r["code"] for c in cases for r in c["expected"]["reasons"])
    laptop = Counter(f["code"] for c in cases for f in c["expected"]["laptop"].get("findings", []))
    assert len(cases) >= 300
    assert sum(1 for c in cases if not c["expected"]["reasons"]) >= 40  # accepted ones too
    assert len(codes) >= 40, sorted(codes)
    for code in ("payload.invalid", "nik.birth_date_mismatch", "name.invalid_chars", "region.unknown",
                 "region.inconsistent", "recording.photo_missing", "media.too_large", "biometrics.invalid",
                 "biometrics.incomplete", "exception.guardian_name_required", "eligibility.too_young"):
        assert code in codes, code
    assert laptop["nik.birth_date_mismatch"] > laptop.get("nik.serial_zero", 0) >= 1
    assert any(c["expected"]["date_reasons"] for c in cases)
    assert any(c["expected"]["exception_flags"] for c in cases)
    assert any(not c["expected"]["hash_ok"] for c in cases)


def test_every_answer_equals_the_golden_file():
    regions = _regions()
    cases = _golden()
    differing = [c["label"] for c in cases if answers(c, regions) != c["expected"]]
    assert not differing, f"{len(differing)} of {len(cases)} cases answer differently, e.g. {differing[:5]}"


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        write()
    else:
        print(__doc__)
