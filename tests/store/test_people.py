"""People and key slots: several passphrases open one database, removal, roles, the move from one
passphrase, and the failed-unlock wait that survives a restart (real SQLCipher files)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.core import roles
from app.core.messages import CodedError
from app.core.unlock_delay import FREE_ATTEMPTS, MAX_DELAY_S
from app.store import people
from app.store.audit import AuditLog
from app.store.database import Store, open_profile, unlock_profile
from app.store.errors import StoreError, WrongPassphrase
from app.store.keys import derive_key
from app.store.passphrase import change_passphrase, open_with, rekey
from app.store.profile import db_path, profile_path, read_profile
from app.store.recordings import RecordingRepo
from support.profiles import PASSPHRASE

LEGACY = Path(__file__).resolve().parents[1] / "data" / "legacy-profile"
ANI, BUDI, SITI = "jeruk-nipis-sepeda-41", "perahu-kertas-hujan-77", "awan-merah-gitar-tua-9"


class Clock:
    """A time source the tests move by hand (seconds), so no test sleeps."""

    def __init__(self, now: float = 1_800_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def team(tmp_path, profile_templates) -> Path:
    """A profile with an admin (PASSPHRASE), two operators and a supervisor."""
    directory = profile_templates.copy(tmp_path / "tim", operator="Admin Tim")
    with open_profile(directory, PASSPHRASE) as store:
        assert people.role_of(store) == roles.ADMIN
        people.add_person(store, "Ani", roles.OPERATOR, ANI)
        people.add_person(store, "Budi", roles.OPERATOR, BUDI)
        people.add_person(store, "Siti", roles.SUPERVISOR, SITI)
    return directory


def _who(directory: Path, passphrase: str) -> tuple[str, str]:
    with open_profile(directory, passphrase) as store:
        return store.person.name, store.person.role


def _refused(directory: Path, passphrase: str, clock=None) -> bool:
    try:
        open_profile(directory, passphrase, **({"clock": clock} if clock else {})).close()
    except WrongPassphrase:
        return True
    return False


def test_two_operators_and_a_supervisor_open_the_same_database(team, fake):
    from store_support import make_media, make_recording

    with open_profile(team, ANI) as store:
        rec = make_recording(fake)
        RecordingRepo(store).save(rec, make_media(), enqueue=True)
        key = store.key
    assert _who(team, ANI) == ("Ani", "operator")
    assert _who(team, BUDI) == ("Budi", "operator")
    assert _who(team, SITI) == ("Siti", "supervisor")
    with open_profile(team, SITI) as store:
        assert store.key == key  # one database key, wrapped four times
        assert RecordingRepo(store).get(rec.uuid).resident == rec.resident
    assert len(read_profile(team).slots) == 4
    text = profile_path(team).read_text()
    for secret in (ANI, BUDI, SITI, PASSPHRASE, key.hex(), "Ani", "Siti"):
        assert secret not in text  # no passphrase, key or name in the plaintext file


def test_adding_and_removing_never_reencrypts_the_database(team):
    with open_profile(team, PASSPHRASE) as store:
        key = store.key
        people.add_person(store, "Dewi", roles.OPERATOR, "lampu-taman-biru-58")
        assert _who_open(team, "lampu-taman-biru-58") == "Dewi"
        people.remove_person(store, people.find_person(store, "Dewi").id)
        assert store.key == key
    conn = open_with(team, key)  # the file is still encrypted with the same key
    assert conn is not None
    conn.close()
    assert _refused(team, "lampu-taman-biru-58")


def _who_open(directory: Path, passphrase: str) -> str:
    return _who(directory, passphrase)[0]


def test_a_removed_person_opens_nothing_even_with_the_old_profile_file(team):
    old_profile = profile_path(team).read_bytes()
    with open_profile(team, PASSPHRASE) as store:
        removed = people.remove_person(store, people.find_person(store, "Budi").id)
        assert removed.removed_at
        [entry] = AuditLog(store).entries(action="people.removed")
        assert entry.detail == {"operator_id": removed.id, "role": "operator"}
    assert _refused(team, BUDI)
    assert _who(team, ANI) == ("Ani", "operator")
    # Budi kept a copy of profile.json from before: his slot unwraps the key, but he is removed.
    profile_path(team).write_bytes(old_profile)
    assert _refused(team, BUDI)
    assert _who(team, SITI) == ("Siti", "supervisor")


def test_roles_refuse_what_they_must(team):
    for passphrase in (ANI, SITI):
        with open_profile(team, passphrase) as store:
            with pytest.raises(CodedError) as info:
                people.add_person(store, "Eko", roles.OPERATOR, "kancil-cerdik-sungai-3")
            assert info.value.code == "role.forbidden" and "mengelola pengguna" in info.value.message
            with pytest.raises(CodedError):
                people.remove_person(store, people.find_person(store, "Admin Tim").id)
    assert not roles.allowed(roles.OPERATOR, roles.EXPORT)
    assert not roles.allowed(roles.OPERATOR, roles.SETTINGS)
    assert not roles.allowed(roles.OPERATOR, roles.APPROVE)
    assert roles.allowed(roles.SUPERVISOR, roles.EXPORT) and not roles.allowed(roles.SUPERVISOR, roles.MANAGE_PEOPLE)
    with open_profile(team, PASSPHRASE) as store:
        with pytest.raises(StoreError) as info:
            people.remove_person(store, store.person.id)  # the last admin, and oneself
        assert info.value.code in ("people.self_remove", "people.last_admin")


@pytest.mark.parametrize("weak", ["12345678", "password1", "jemput2026", "Ani12345"])
def test_weak_passphrases_are_refused_in_indonesian(team, weak):
    before = profile_path(team).read_bytes()
    with open_profile(team, PASSPHRASE) as store:
        with pytest.raises(StoreError) as info:
            people.add_person(store, "Eko", roles.OPERATOR, weak)
    assert info.value.code in ("passphrase.too_weak",)
    assert "terlalu mudah ditebak" in info.value.message
    assert profile_path(team).read_bytes() == before


def test_one_passphrase_per_person(team):
    with open_profile(team, PASSPHRASE) as store:
        with pytest.raises(StoreError) as info:
            people.add_person(store, "Eko", roles.OPERATOR, ANI)
    assert info.value.code == "passphrase.in_use"


def test_changing_ones_passphrase_rewraps_only_ones_slot(team):
    new = "gunung-salju-kopi-hitam-12"
    with open_profile(team, ANI) as store:
        change_passphrase(team, ANI, new, store=store)
    assert _refused(team, ANI)
    assert _who(team, new) == ("Ani", "operator")
    assert _who(team, BUDI) == ("Budi", "operator")


# -- the move from one passphrase ------------------------------------------------

@pytest.fixture
def legacy(tmp_path) -> Path:
    """A one-passphrase profile made by the code before key slots (tests/data/legacy-profile/made_by.py)."""
    directory = tmp_path / "lama"
    directory.mkdir(mode=0o700)
    for name in ("jemput.db", "profile.json"):
        shutil.copy(LEGACY / name, directory / name)
    return directory


def _legacy_uuids() -> list[str]:
    return json.loads((LEGACY / "recordings.json").read_text())


def test_a_one_passphrase_profile_moves_to_key_slots_and_keeps_every_recording(legacy):
    info = read_profile(legacy)
    assert not info.has_slots
    legacy_key = derive_key(PASSPHRASE, info.salt, info.kdf)
    with open_profile(legacy, PASSPHRASE) as store:
        assert sorted(r.uuid for r in RecordingRepo(store).list()) == _legacy_uuids()
        assert store.integrity_check() == "ok"
        assert store.person.name == "Operator Lama" and store.person.role == roles.ADMIN
        assert AuditLog(store).entries(action="profile.key_slots_adopted")
        assert len(RecordingRepo(store).media(_legacy_uuids()[0])) == 2
    moved = read_profile(legacy)
    assert moved.has_slots and len(moved.slots) == 1 and moved.salt == b""
    assert json.loads(profile_path(legacy).read_text())["format"] == 2
    assert open_with(legacy, legacy_key) is None  # the key derived from the old passphrase opens nothing now
    with open_profile(legacy, PASSPHRASE) as store:  # and it opens again the new way
        assert RecordingRepo(store).count() == len(_legacy_uuids())


@pytest.mark.parametrize("stage", ["pending", "rekeyed"])
def test_a_move_cut_short_leaves_a_profile_the_passphrase_opens(legacy, stage):
    info = read_profile(legacy)
    conn, info, _finished, key, _slot = unlock_profile(legacy, info, PASSPHRASE)
    store = Store(legacy, conn, info, key)
    people.begin_adopt(store, PASSPHRASE)
    if stage == "rekeyed":
        slot_key = people.unwrap(read_profile(legacy).pending_slots[0], PASSPHRASE)
        rekey(store.conn, slot_key)
    store.conn.close()  # the process dies here
    assert read_profile(legacy).pending_slots
    assert _refused(legacy, "bukan-kata-sandi-ini")
    with open_profile(legacy, PASSPHRASE) as store:
        assert sorted(r.uuid for r in RecordingRepo(store).list()) == _legacy_uuids()
        assert store.person.role == roles.ADMIN
    done = read_profile(legacy)
    assert done.has_slots and not done.pending_slots


# -- failed unlocks wait, across restarts -----------------------------------------

def test_failed_unlocks_slow_down_exponentially_and_survive_a_restart(team):
    clock = Clock()
    waits = []
    for attempt in range(FREE_ATTEMPTS + 3):
        assert _refused(team, f"salah-{attempt}-kali-ya", clock)
        waits.append(read_profile(team).unlock)
        # A new process (nothing kept in memory) is refused while the wait runs, even the right passphrase.
        if attempt + 1 >= FREE_ATTEMPTS:
            with pytest.raises(StoreError) as info:
                open_profile(team, PASSPHRASE, clock=clock).close()
            assert info.value.code == "unlock.wait"
            first = info.value.params["seconds"]
            clock.now += first - 1
            with pytest.raises(StoreError):
                open_profile(team, PASSPHRASE, clock=clock).close()
            clock.now += 1
            if attempt + 1 > FREE_ATTEMPTS:
                assert first == 2 * previous
            previous = first
    assert waits[-1]["failures"] == FREE_ATTEMPTS + 3
    with open_profile(team, PASSPHRASE, clock=clock) as store:
        [entry] = AuditLog(store).entries(action="unlock.failed")
        assert entry.detail["failures"] == FREE_ATTEMPTS + 3
    assert read_profile(team).unlock == {}  # cleared by the success


def test_a_tampered_failure_count_only_makes_it_slower(team):
    clock = Clock()
    data = json.loads(profile_path(team).read_text())
    data["unlock"] = {"failures": "nol", "last_failure": clock.now + 10_000}
    profile_path(team).write_text(json.dumps(data))
    with pytest.raises(StoreError) as info:
        open_profile(team, PASSPHRASE, clock=clock).close()
    assert info.value.params["seconds"] == int(MAX_DELAY_S)
