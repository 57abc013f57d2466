"""Generated field work for Laporan's tests, and its hand count.

`fill(store, on)` stores a small target list over three kelurahan in two
kecamatan (RW/RT, lansia, pelajar, adults, one without a birth date), marks
categories, flags residents another team recorded, completes, rejects,
corrects and accepts recordings here (some of NIKs not on the list, some by a
second operator, some on earlier days), and sets visit outcomes, all through
the store's own calls. It returns the plan (plain dicts); `hand_count` then
counts each grouping from the plan alone, in plain Python, the way a person
would with the list on paper.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from app.core.categories import Category
from app.core.lifecycle import RecordingStatus
from app.core.outcomes import Outcome
from app.core.resident import Resident
from app.store.recordings import Recording, RecordingRepo
from app.store.targets import TargetRepo
from app.store.visits import VisitOutcomes

ON = dt.date(2025, 6, 15)
KELURAHAN = ("16.71.01.1001", "16.71.01.1002", "16.71.02.1003")
OFFSET = 420  # WIB
OPERATORS = ("SITI", "BUDI")


def _birth(i: int) -> dt.date | None:
    if i % 19 == 0:
        return None
    if i % 4 == 0:
        return dt.date(1950 + i % 15, 1 + i % 12, 1 + i % 28)  # lansia (60+ on ON)
    if i % 4 == 1 and i % 3 == 0:
        return dt.date(2008, 7, 1 + i % 28)  # turns 17 between 1 July and 28 July 2025: pelajar
    return dt.date(1980 + i % 20, 1 + i % 12, 1 + i % 28)


def fill(store, n: int = 150) -> list[dict]:
    """Store the generated list and field work; returns one dict per target (the plan)."""
    plan = []
    for i in range(n):
        plan.append({
            "nik": f"1671{i % 9 + 10:02d}{(i % 28) + 1:02d}0190{i:04d}",
            "nama": f"WARGA NOMOR {i}",
            "birth": _birth(i),
            "kelurahan": KELURAHAN[i % 3],
            "rw": f"{i % 2 + 1:03d}",
            "rt": f"{i % 5 + 1:03d}",
            "elsewhere": i % 7 == 3,
            "marks": {c for c, every in ((Category.DIFABEL, 9), (Category.PELAJAR, 17), (Category.TAHANAN, 23))
                      if i % every == 1},
            "recordings": [],  # (status, operator, created_at) of this NIK's counted recordings
            "outcome": None,
            "visits": [],  # (day, operator) of outcomes set by hand
        })
    TargetRepo(store).upsert_many([
        {"nik": p["nik"], "nama": p["nama"], "tanggal_lahir": p["birth"], "rt": p["rt"], "rw": p["rw"],
         "kelurahan_kode": p["kelurahan"], "recorded_elsewhere": p["elsewhere"]} for p in plan], source="uji")
    visits = VisitOutcomes(store)
    for category in (Category.DIFABEL, Category.PELAJAR, Category.TAHANAN):
        visits.mark([p["nik"] for p in plan if category in p["marks"]], category, source="uji")
    visits.mark(["3171010101900001"], Category.DIFABEL, source="uji")  # not on the list: not counted

    repo = RecordingRepo(store)

    def record(nik: str, i: int, status: RecordingStatus, *, replaces: str | None = None) -> Recording:
        operator = OPERATORS[i % 2]
        # 23:30 UTC is already the next day in WIB: the day counted is the local one.
        created = dt.datetime(2025, 6, 10 + i % 4, 23 if i % 2 else 3, 30, tzinfo=dt.timezone.utc)
        rec = Recording.new(Resident(nik=nik, nama=f"WARGA {i}"), operator=operator,
                            status=RecordingStatus.COMPLETE, replaces_uuid=replaces
                            ).with_changes(created_at=created.isoformat(timespec="milliseconds"))
        repo.save(rec, enqueue=status is not RecordingStatus.COMPLETE)
        if status in (RecordingStatus.ACCEPTED, RecordingStatus.REJECTED):
            repo.set_status(rec.uuid, RecordingStatus.SENT)
            repo.set_status(rec.uuid, status)
        return rec

    for i, p in enumerate(plan):
        if i % 5 == 0 or i % 7 == 3 and i % 2:  # some recorded here; some of those elsewhere too
            status = RecordingStatus.ACCEPTED if i % 10 == 0 else RecordingStatus.QUEUED
            record(p["nik"], i, status)
            p["recordings"].append((status, OPERATORS[i % 2], i))
            p["outcome"] = Outcome.DIREKAM
        elif i % 11 == 0:
            repo.save(Recording.new(Resident(nik=p["nik"]), operator="SITI"), enqueue=False)  # a draft: nothing
        elif i % 13 == 0:
            record(p["nik"], i, RecordingStatus.REJECTED)  # rejected: not recorded
            p["outcome"] = Outcome.DIREKAM  # completing it linked the outcome; the rejection leaves it
        elif i % 6 == 1:
            outcome = Outcome.TIDAK_DI_RUMAH if i % 4 == 1 else Outcome.MENOLAK
            visits.record(p["nik"], outcome, today=ON, operator=OPERATORS[i % 2])
            p["outcome"] = outcome
        elif i % 6 == 2:
            visits.record(p["nik"], Outcome.KUNJUNGAN_ULANG, today=ON, operator="BUDI", revisit_date=ON)
            p["outcome"] = Outcome.KUNJUNGAN_ULANG
    # A rejected recording fixed: the fix counts once, the rejected one not at all.
    fixed = plan[26]
    first = record(fixed["nik"], 26, RecordingStatus.REJECTED)
    record(fixed["nik"], 26, RecordingStatus.QUEUED, replaces=first.uuid)
    fixed["recordings"].append((RecordingStatus.QUEUED, OPERATORS[0], 26))
    fixed["outcome"] = Outcome.DIREKAM
    # Two recordings of NIKs not on the list: work, but no target's progress.
    for i, nik in enumerate(("3171010101900002", "3171010101900003")):
        record(nik, i, RecordingStatus.QUEUED)
        plan.append({"nik": nik, "off_list": True, "recordings": [(RecordingStatus.QUEUED, OPERATORS[i % 2], i)],
                     "visits": []})
    # When were the hand-set outcomes written (now, in UTC): read back, the day the person would see.
    for when, operator, nik in store.query(
            "SELECT visited_at, operator, nik FROM visit_outcomes WHERE outcome != 'direkam'"):
        next(p for p in plan if p["nik"] == nik)["visits"].append((_local_day(when), operator))
    return plan


def _local_day(iso: str) -> str:
    moment = dt.datetime.fromisoformat(iso)
    return (moment + dt.timedelta(minutes=OFFSET)).date().isoformat()


def _work_day(i: int) -> str:
    created = dt.datetime(2025, 6, 10 + i % 4, 23 if i % 2 else 3, 30)
    return (created + dt.timedelta(minutes=OFFSET)).date().isoformat()


def categories_of(p: dict) -> set[str]:
    out = {c.value for c in p["marks"]}
    born = p["birth"]
    if born is not None:
        age = ON.year - born.year - ((ON.month, ON.day) < (born.month, born.day))
        if age >= 60:
            out.add("lansia")
        turns_17 = dt.date(born.year + 17, born.month, born.day)
        if age < 17 and turns_17 <= dt.date(2025, 12, 15):
            out.add("pelajar")
    return out


def hand_count(plan: list[dict]) -> dict[str, dict[tuple, tuple[int, ...]]]:
    """Per grouping: key -> (target, here, accepted, elsewhere) or, for day/operator,
    (recorded, on_list, accepted, visits)."""
    out: dict[str, dict] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    for p in plan:
        if p.get("off_list"):
            continue
        here = bool(p["recordings"])
        accepted = any(s is RecordingStatus.ACCEPTED for s, _, _ in p["recordings"])
        elsewhere = p["elsewhere"] and not here
        figures = (1, int(here), int(accepted), int(elsewhere))
        keys = {
            "kecamatan": (p["kelurahan"][:8],), "kelurahan": (p["kelurahan"],),
            "rw": (p["kelurahan"], p["rw"]), "rt": (p["kelurahan"], p["rw"], p["rt"]),
            "hasil": (p["outcome"].value if p["outcome"] else "",),
        }
        for name, key in keys.items():
            row = out[name][key]
            for k in range(4):
                row[k] += figures[k]
        for category in categories_of(p):
            row = out["kategori"][(category,)]
            for k in range(4):
                row[k] += figures[k]
    for p in plan:
        on_list = not p.get("off_list")
        for status, operator, i in p["recordings"]:
            for name, key in (("hari", (_work_day(i),)), ("operator", (operator,))):
                row = out[name][key]
                row[0] += 1
                row[1] += int(on_list)
                row[2] += int(status is RecordingStatus.ACCEPTED)
        for day, operator in p["visits"]:
            out["hari"][(day,)][3] += 1
            out["operator"][(operator,)][3] += 1
    return {name: {key: tuple(v) for key, v in rows.items()} for name, rows in out.items()}
