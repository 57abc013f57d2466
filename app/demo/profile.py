"""The demo profile: an encrypted profile filled with generated people, so the app looks alive.

It holds the seed master data, one operator ("Operator Demo"), the generated
residents of `app.demo.residents` as the target list (BELUM REKAM), and a handful of
recordings: drafts, complete and queued ones (with placeholder photo and
signature images drawn here, never real faces), and one whose NIK birth date
differs from the form, confirmed by the operator with a reason.

Filling runs in one transaction and ends by setting ``demo.ready``; a profile
whose filling was interrupted is completed the next time `open_or_create_demo`
opens it. Importing this module is cheap (faker and OpenCV load on use).
"""

from __future__ import annotations

import datetime as dt
import os
import struct
import zlib
from pathlib import Path

from app.core.findings import Acknowledgement
from app.core.recording_check import RecordingCheck, check_recording
from app.core.lifecycle import RecordingStatus
from app.core.photo_rules import expected_background
from app.core.resident import Resident
from app.core.validation import ValidationContext, normalize_resident
from app.store.database import Store, create_profile, open_profile, profile_exists
from app.store.errors import StoreError

from app.demo.passphrase import DEMO_PASSPHRASE  # noqa: F401 - re-exported

DEMO_OPERATOR = "Operator Demo"
DEMO_MIN_RECORDING_AGE = 16
READY_KEY = "demo.ready"
SEED_REGIONS = Path(__file__).resolve().parent.parent.parent / "resources" / "regions" / "seed_cities.csv"

# How many recordings of each kind the demo holds.
DRAFTS = 3
QUEUED = 6
RECORDED_ELSEWHERE = 12  # targets another team recorded (as the server's target feed would say)


def create_demo_profile(
    data_dir: str | os.PathLike,
    *,
    count: int = 300,
    passphrase: str = DEMO_PASSPHRASE,
    today: dt.date | None = None,
) -> Store:
    """Create and fill the demo profile in `data_dir`; returns it open.

    Raises `StoreError` (kind ``exists``) when a profile is already there.
    `today` (default: the system date) is the recording date the generated
    ages and checks refer to.
    """
    if profile_exists(data_dir):
        raise StoreError(kind="exists", code="profile.exists")
    store = create_profile(data_dir, passphrase)
    try:
        fill_demo(store, count=count, today=today)
    except BaseException:
        store.close()
        raise
    return store


def open_or_create_demo(
    data_dir: str | os.PathLike,
    *,
    count: int = 300,
    passphrase: str = DEMO_PASSPHRASE,
    today: dt.date | None = None,
) -> Store:
    """Open the demo profile in `data_dir`, creating it first if there is none.

    A profile there that the demo passphrase does not open raises
    `WrongPassphrase`: it is not the demo, and it is left alone.
    """
    if not profile_exists(data_dir):
        return create_demo_profile(data_dir, count=count, passphrase=passphrase, today=today)
    # The demo passphrase is public: trying it on another profile is no guess to count there.
    store = open_profile(data_dir, passphrase, count_failure=False)
    try:
        if not is_ready(store):
            fill_demo(store, count=count, today=today)
    except BaseException:
        store.close()
        raise
    return store


def is_ready(store: Store) -> bool:
    from app.store.settings import Settings

    return bool(Settings(store).get(READY_KEY, False))


def fill_demo(store: Store, *, count: int = 300, today: dt.date | None = None) -> None:
    """Put the demo content into `store` in one transaction; parts already there are kept."""
    from app.demo.residents import demo_residents, target_row
    from app.store.operators import OperatorRepo
    from app.store.recordings import RecordingRepo
    from app.store.regions_store import import_regions_csv, load_region_index, region_count
    from app.store.settings import DEMO_KEY, Settings
    from app.store.targets import TargetRepo

    today = today or dt.date.today()
    # Stored as the form stores them: names and address upper case, RT/RW padded.
    residents = [normalize_resident(r) for r in demo_residents(count, today=today)]
    with store.transaction():
        if region_count(store) == 0:
            with SEED_REGIONS.open(encoding="utf-8") as fh:
                import_regions_csv(store, fh)
        operators = OperatorRepo(store)
        if operators.count() == 0:
            operators.create(DEMO_OPERATOR, "operator")
        settings = Settings(store)
        settings.set("min_recording_age", DEMO_MIN_RECORDING_AGE)
        settings.set(DEMO_KEY, True)
        targets = TargetRepo(store)
        targets.upsert_many((target_row(r) for r in residents), source="demo")
        # As if a sync had brought word that another team recorded a few (from the end of
        # the list: the demo's own recordings come from its start).
        elsewhere = ({**target_row(r), "recorded_elsewhere": True} for r in residents[-RECORDED_ELSEWHERE:])
        targets.upsert_many(elsewhere, source="demo")
        recordings = RecordingRepo(store)
        if recordings.count() == 0:
            ctx = ValidationContext(load_region_index(store), today, DEMO_MIN_RECORDING_AGE)
            _add_recordings(recordings, residents, ctx)
        settings.set(READY_KEY, True)


def _check(person: Resident, ctx: ValidationContext, acks: list[Acknowledgement] = ()) -> RecordingCheck:
    """The check a real save makes, for a demo recording with its photo and signature."""
    return check_recording(person, ctx, has_photo=True, photo_exception=None, has_signature=True,
                           signature_exception=None, acknowledgements=acks)


def _add_recordings(repo, residents: list[Resident], ctx: ValidationContext) -> None:
    from app.store.recordings import Recording

    clean = [r for r in residents if not _check(r, ctx).findings]
    picks = iter(clean)  # a small `count` simply gives fewer recordings
    # Drafts: work in progress, some fields still empty.
    for index, person in zip(range(DRAFTS), picks):
        if index == 0:
            person = Resident(nik=person.nik, nama=person.nama, tanggal_lahir=person.tanggal_lahir,
                              jenis_kelamin=person.jenis_kelamin)
        else:
            person = person.with_changes(pekerjaan=None, pendidikan=None, tempat_lahir="")
        repo.save(Recording.new(person, operator=DEMO_OPERATOR), enqueue=False)
    # Completed ones, queued for the server (as the form's "Selesai" queues them).
    for _index, person in zip(range(QUEUED), picks):
        rec = Recording.new(person, operator=DEMO_OPERATOR, status=RecordingStatus.COMPLETE)
        repo.save(rec, _media(person), enqueue=True)
    # One whose NIK carries another birth date than the documents: confirmed with a reason.
    for person in picks:
        born = person.tanggal_lahir
        person = person.with_changes(tanggal_lahir=born.replace(day=born.day + 2 if born.day <= 26 else 3))
        found = _check(person, ctx).findings
        acks = [
            Acknowledgement(f.code, f.field, "Tanggal di NIK keliru sejak diterbitkan; sesuai akta kelahiran.")
            for f in found
        ]
        if found and _check(person, ctx, acks).can_complete:
            rec = Recording.new(person, operator=DEMO_OPERATOR, status=RecordingStatus.COMPLETE,
                                acknowledgements=acks)
            repo.save(rec, _media(person), enqueue=True)
            return


# -- placeholder images ---------------------------------------------------------

def _media(person: Resident):
    from app.store.recordings import MediaItem

    colour = expected_background(person.tanggal_lahir.year, person.kewarganegaraan)
    return [
        MediaItem("photo", "image/png", _portrait_png(colour.rgb), {"approved": True, "demo": True}),
        MediaItem("signature", "image/png", _signature_png(len(person.nama)), {"demo": True}),
    ]


def _png(width: int, height: int, rows: list[bytes]) -> bytes:
    """An 8-bit RGB PNG from raw rows (3 bytes a pixel)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + row for row in rows)
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 6))
            + chunk(b"IEND", b""))


def _portrait_png(background: tuple[int, int, int], width: int = 120, height: int = 160) -> bytes:
    """A flat silhouette (head and shoulders) on the background colour of the birth year."""
    bg = bytes(background)
    grey = bytes((90, 90, 96))
    cx, cy, rx, ry = width / 2, height * 0.38, width * 0.2, height * 0.19
    rows = []
    for y in range(height):
        row = bytearray(bg * width)
        for x in range(width):
            head = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1.0
            shoulders = y > height * 0.66 and abs(x - cx) < width * 0.42 - (height - y) * 0.3
            if head or shoulders:
                row[3 * x:3 * x + 3] = grey
        rows.append(bytes(row))
    return _png(width, height, rows)


def _signature_png(seed: int, width: int = 160, height: int = 60) -> bytes:
    """A scribble: a few loops of a sine-like stroke on white."""
    import math

    rows = [bytearray(b"\xff" * 3 * width) for _ in range(height)]
    for x in range(8, width - 8):
        y = int(height / 2 + (height / 3) * math.sin(x / (6 + seed % 5)) * math.cos(x / 23))
        for dy in (0, 1):
            yy = min(height - 1, max(0, y + dy))
            rows[yy][3 * x:3 * x + 3] = b"\x20\x20\x60"
    return _png(width, height, [bytes(r) for r in rows])
