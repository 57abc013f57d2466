"""One unlocked profile as the UI uses it: store, master data, settings.

No Qt here: the window calls these methods (slow ones from a worker) and
shows the results. Business rules stay in `app.core`; storage in `app.store`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import app.store.sqlite_lib  # noqa: F401 - first: sqlite_utils without numpy at unlock (see there)
from app.biometric_slot import BiometricSlot
from app.core.biometric_requirement import SETTING_KEY as BIOMETRICS_MODE_KEY
from app.core.biometric_requirement import BiometricMode
from app.core.exceptions import PhotoFlag, SignatureFlag
from app.core.findings import Finding
from app.core.lifecycle import RecordingStatus, fixable_rejection
from app.core.messages import CodedError, render
from app.core.receipt import Receipt, build_receipt, has_receipt, office_or_default
from app.core.recording_check import RecordingCheck, check_recording
from app.core.regions import RegionIndex
from app.core.registration import Registration
from app.core.repeat import Earlier, lookup_nik, repeat_finding
from app.core.resident import Resident
from app.core.validation import ValidationContext
from app.core.values import JenisKelamin
from app.fsio import open_private
from app.session_settings import BIOMETRICS_POLICY_KEY, CAMERA_SOURCES_KEY, SBI_PORTS_KEY  # noqa: F401 - their home before
from app.session_settings import TopicSettings
from app.store import approvals
from app.store.database import Store, create_profile, open_profile
from app.store.database import profile_exists as _store_profile_exists
from app.store.errors import StoreError
from app.store.profile import UI_FILE, ui_language
from app.store.operators import OperatorRepo
from app.store.media import MediaItem, biometric_items
from app.store.outbox import Outbox
from app.store.recordings import Recording, RecordingRepo, move_status
from app.store.registrations import Registrations, StoredRegistration
from app.store.regions_store import import_regions_csv, load_region_index, region_count
from app.store.settings import Settings, is_demo_profile
from app.store.target_filter import TargetFilter
from app.store.targets import TargetRepo
from app.store.visits import VisitOutcomes
from app.store.school import School
from app.store.schedules import Schedules
from app.store.card_delivery import CardDelivery
from app.store.trips import Trips

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SEED_REGIONS = RESOURCES / "regions" / "seed_cities.csv"
DEMO_FOLDER = "demo"
# Pengaturan's "Bukti perekaman": the Dinas heading the receipt, and where residents ask.
RECEIPT_OFFICE_KEY = "receipt_office"
RECEIPT_CONTACT_KEY = "receipt_contact"


def _demo_passphrase() -> str:
    from app.demo.profile import DEMO_PASSPHRASE

    return DEMO_PASSPHRASE


DEMO_PASSPHRASE = _demo_passphrase()


def default_data_dir() -> Path:
    """JEMPUT_HOME, else the platform's per-user data folder."""
    env = os.environ.get("JEMPUT_HOME")
    if env:
        return Path(env)
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "jemput"


def profile_exists(data_dir: Path) -> bool:
    return _store_profile_exists(data_dir)


def error_message(exc: BaseException) -> tuple[str | None, dict, str]:
    """What the operator reads for `exc`: its code (None: words without one), params and Indonesian words.

    Never the exception text of an unexpected error (it could carry personal
    data), only its kind. The window shows the code (`app.ui.texts.error_text`).
    """
    if isinstance(exc, (StoreError, ValueError)):
        code = getattr(exc, "code", None)
        words = exc.message if isinstance(exc, StoreError) else str(exc)
        return (code, dict(getattr(exc, "params", None) or {}), words) if isinstance(code, str) else (None, {}, words)
    if isinstance(exc, (PermissionError, FileNotFoundError)):
        return "error.file_unreadable", {}, render("error.file_unreadable")
    params = {"kind": type(exc).__name__}
    return "error.unexpected", params, render("error.unexpected", params)


class IncompleteRecordingError(CodedError):
    """A recording asked to complete that its check refuses (errors or unconfirmed warnings).

    Attributes:
        check: the `RecordingCheck` that refused it.
    """

    def __init__(self, check: RecordingCheck):
        super().__init__("recording.incomplete")
        self.check = check


@dataclass
class MediaSlot:
    """The photo or signature of the recording being edited.

    Attributes:
        data: new bytes to write at the next save (None: nothing new).
        present: a photo/signature exists (new, or already stored).
        exception: the reason there is none; for a photo kept with an exception, a
            thumbprint or a guardian's signature: the flag's summary (what the review shows).
        summary: one line for the operator.
        flag: the exception flag as a dict (`app.core.exceptions.PhotoFlag` /
            `SignatureFlag`), or None for an ordinary photo/signature.
    """

    data: bytes | None = None
    mime: str = ""
    meta: dict = field(default_factory=dict)
    present: bool = False
    exception: str | None = None
    summary: str = ""
    flag: dict | None = None

    @property
    def flagged(self) -> bool:
        """An exception the supervisor and the server should see (a flag, or no photo/signature)."""
        return self.flag is not None or (not self.present and bool(self.exception))


def _flag_summary(kind: str, flag: dict | None) -> str | None:
    if not flag:
        return None
    parsed = PhotoFlag.from_dict(flag) if kind == "photo" else SignatureFlag.from_dict(flag)
    return parsed.summary() if parsed is not None else None


def _stored_slot(kind: str, item, exception: str | None, summary: str, flag: dict | None = None) -> MediaSlot:
    flagged = _flag_summary(kind, flag)
    if item is not None:
        return MediaSlot(None, item.mime, dict(item.meta or {}), True, flagged, flagged or summary, flag)
    if exception:
        return MediaSlot(None, "", {}, False, exception, flagged or exception, flag)
    return MediaSlot()


def _same_draft(stored: Recording, new: Recording) -> bool:
    """`new` would store nothing new over `stored`, a draft (same record, confirmations and exceptions)."""
    return (stored.status is RecordingStatus.DRAFT and stored.resident == new.resident
            and list(stored.acknowledgements) == list(new.acknowledgements)
            and stored.photo_exception == new.photo_exception
            and stored.signature_exception == new.signature_exception
            and stored.photo_flag == new.photo_flag and stored.signature_flag == new.signature_flag
            and stored.biometrics == new.biometrics)


class Session(TopicSettings):
    """An unlocked profile (its per-topic settings: `TopicSettings`).

    Attributes:
        store: the open `Store`.
        regions: master data as a `RegionIndex`.
        operator_name: the operator recording on this laptop.
    """

    def __init__(self, store: Store, data_dir: Path, *, is_demo: bool = False):
        self.store = store
        self.data_dir = Path(data_dir)
        self.recordings = RecordingRepo(store)
        self.targets = TargetRepo(store)
        self.settings = Settings(store)
        # A demo profile says so itself: opened as the demo, or by its folder on the unlock page.
        self.is_demo = is_demo or is_demo_profile(store)
        if region_count(store) == 0 and SEED_REGIONS.exists():
            with SEED_REGIONS.open(encoding="utf-8") as fh:
                import_regions_csv(store, fh)
        self.regions: RegionIndex = load_region_index(store)
        self._min_recording_age = int(self.settings.get("min_recording_age", 16))
        operators = OperatorRepo(store).list()
        # The person whose passphrase opened the profile (the first operator for a profile nobody holds yet).
        self.operator_name = store.person.name if store.person is not None else (
            operators[0].name if operators else "")
        self.importing = False  # a target import holds the store (see import_targets)

    # ------------------------------------------------------------- opening
    @classmethod
    def open(cls, data_dir: Path, passphrase: str) -> "Session":
        return cls(open_profile(data_dir, passphrase), data_dir)

    @classmethod
    def create(cls, data_dir: Path, passphrase: str, *, operator: str, server_url: str | None = None,
               kdf_params=None) -> "Session":
        """A new profile with its first operator (`kdf_params` only for tests)."""
        from app.store.passphrase import check_new_passphrase
        from app.store.people import bind

        check_new_passphrase(passphrase)
        store = create_profile(data_dir, passphrase, kdf_params=kdf_params)
        try:
            # The one who makes the profile is its admin (adds the team in Pengaturan or `jemput people`).
            OperatorRepo(store).create(operator, "admin", key_slot=store.slot_id)
            bind(store)
            settings = Settings(store)
            settings.set("min_recording_age", 16)
            settings.set("server_url", server_url or None)
        except BaseException:
            store.close()
            raise
        return cls(store, data_dir)

    @classmethod
    def open_demo(cls, data_dir: Path) -> "Session":
        from app.demo.profile import open_or_create_demo

        folder = Path(data_dir) / DEMO_FOLDER
        session = cls(open_or_create_demo(folder), folder, is_demo=True)
        if BIOMETRICS_MODE_KEY not in session.settings:  # the steps work against the demo's simulator
            session.settings.set(BIOMETRICS_MODE_KEY, BiometricMode.OPTIONAL.value)
        return session

    def close(self) -> None:
        if not self.store.closed:
            self.store.close()

    def change_passphrase(self, old: str, new: str, *, kdf_params=None) -> None:
        """Re-key the open profile (slow: call from a worker). The session keeps working.

        Raises `WrongPassphrase` for a wrong `old`, `StoreError` (kind
        ``invalid``) for an unacceptable `new`; nothing changes in either case.
        """
        from app.store.passphrase import change_passphrase

        if self.is_demo:
            raise StoreError(kind="invalid", code="profile.demo_passphrase")
        change_passphrase(self.store.dir, old, new, kdf_params, store=self.store,
                          actor=self.operator_name)

    # ------------------------------------------------------------ settings
    def get_setting(self, key: str, default=None):
        return self.settings.get(key, default)

    # --------------------------------------------------------------- roles
    @property
    def role(self) -> str | None:
        from app.store.people import role_of

        return role_of(self.store)

    def can(self, action: str) -> bool:
        """Whether the person working may do `action` (`app.core.roles`); the window greys out the rest."""
        from app.core.roles import allowed

        return allowed(self.role, action)

    def require(self, action: str) -> None:
        """CodedError ``role.forbidden`` unless the person working may do `action`."""
        from app.core.roles import require

        require(self.role, action)

    def check_unlock(self, passphrase: str, *, clock=None) -> bool:
        """The lock screen: whether `passphrase` belongs to an active person (who then works on).

        Counted like a failed unlock (`app.store.unlock_guard`): a wrong one
        makes the next attempt wait, and StoreError ``unlock.wait`` says how long.
        """
        import time

        from app.store import people, unlock_guard
        from app.store.profile import read_profile

        now = (clock or time.time)()
        unlock_guard.check(read_profile(self.store.dir), now)
        person = people.verify(self.store, passphrase) if passphrase else None
        if person is None:
            unlock_guard.record_failure(self.store.dir, now)
            return False
        if person.key_slot:
            self.store.person = people.get_person(self.store, person.id)
            self.store.slot_id = person.key_slot
            self.operator_name = person.name
        unlock_guard.succeeded(self.store)
        return True

    def set_setting(self, key: str, value) -> None:
        from app.core.roles import setting_action

        self.require(setting_action(key))
        self.settings.change(key, value, actor=self.operator_name or "")
        if key == "min_recording_age":
            self._min_recording_age = int(value)

    def language(self) -> str:
        return ui_language(self.data_dir)

    def set_language(self, lang: str) -> None:
        path = self.data_dir / UI_FILE
        tmp = path.with_suffix(".tmp")
        with os.fdopen(open_private(tmp), "w", encoding="utf-8") as fh:  # 0600 like the rest of the profile
            fh.write(json.dumps({"language": lang}))
        os.replace(tmp, path)

    def validation_context(self, today: dt.date | None = None) -> ValidationContext:
        return ValidationContext(
            regions=self.regions,
            recording_date=today or dt.date.today(),
            min_recording_age=self._min_recording_age,
        )

    # ---------------------------------------------------------- recordings
    def save_form(self, result, uuid: str | None) -> Recording:
        """Save what the form holds: a draft, or a complete recording put in the queue.

        Completion is checked again here (not only by the form's buttons): a
        record with errors or unconfirmed warnings is never queued. A draft saved
        again unchanged (no new media either) writes nothing.
        """
        resident: Resident = result.resident
        stored = None if uuid is None else self.recordings.get(uuid)
        if stored is None:
            refusal = self.limits_state().refusal()
            if refusal is not None:  # nothing synced or backed up for too long, or too many wait: no new ones
                raise CodedError(*refusal)
            rec = Recording.new(resident, operator=self.operator_name)
        else:
            rec = stored.with_changes(resident=resident)
        photo, signature = result.photo, result.signature
        bio: BiometricSlot = getattr(result, "biometrics", None) or BiometricSlot()
        rec = rec.with_changes(acknowledgements=list(result.acknowledgements),
                               photo_exception=None if photo.present else photo.exception,
                               signature_exception=None if signature.present else signature.exception,
                               photo_flag=photo.flag if photo.present else None,
                               signature_flag=signature.flag, biometrics=bio.content())
        media = [MediaItem(kind, slot.mime, slot.data, slot.meta)
                 for kind, slot in (("photo", photo), ("signature", signature)) if slot.data is not None]
        media += biometric_items(bio.records, bio.proofs)
        if result.complete:
            check = check_recording(resident, self.validation_context(),
                                    has_photo=photo.present, photo_exception=photo.exception,
                                    has_signature=signature.present, signature_exception=signature.exception,
                                    acknowledgements=result.acknowledgements,
                                    input_findings=self.repeat_findings(resident.nik, rec.uuid)
                                    + self.biometric_findings(bio),
                                    photo_flag=PhotoFlag.from_dict(rec.photo_flag),
                                    signature_flag=SignatureFlag.from_dict(rec.signature_flag))
            if not check.can_complete:
                raise IncompleteRecordingError(check)
            rec = rec.with_changes(status=RecordingStatus.COMPLETE)
            if self.approval_required():  # it waits for a supervisor; only `approve` queues it
                with self.store.transaction():
                    self.recordings.save(rec, media, enqueue=False)
                    approvals.mark_waiting(self.store, rec.uuid, actor=self.operator_name)
            else:
                self.recordings.save(rec, media, enqueue=True)
        else:
            rec = rec.with_changes(status=RecordingStatus.DRAFT)
            if stored is not None and not media and _same_draft(stored, rec):
                return stored  # nothing changed: nothing is written
            self.recordings.save(rec, media, enqueue=False)
        # What is on disk now is the baseline: nothing new left to write.
        for slot in (photo, signature):
            slot.data = None
        bio.written()
        return self.recordings.get(rec.uuid)

    # ------------------------------------------------------------ approval
    def approval_required(self) -> bool:
        """Whether completed recordings wait for a supervisor (setting ``approval.required``, on by default)."""
        return approvals.is_required(self.store)

    def waiting_for_approval(self):
        """The recordings waiting for a supervisor, oldest first (`app.core.approval.WaitingRecording`)."""
        return approvals.waiting(self.store)

    def approve(self, uuids) -> int:
        """Approve waiting recordings into the sync queue (a supervisor or admin only)."""
        return approvals.approve(self.store, list(uuids), actor=self.operator_name)

    def return_recording(self, uuid: str, reason: str, note: str = "") -> None:
        """Return a waiting recording to its operator as a draft with a reason (a supervisor or admin only)."""
        approvals.return_recording(self.store, uuid, reason, note, actor=self.operator_name)

    def returned_words(self, uuid: str) -> str:
        """Why a supervisor returned this recording, while it is returned ("" otherwise)."""
        return approvals.returned_words(self.store, uuid)

    def recording_media(self, uuid: str) -> dict[str, bytes]:
        """kind -> bytes of a recording's stored media (the supervisor's review shows photo and signature)."""
        return {m.kind: m.data for m in self.recordings.media(uuid) if m.data}

    def day_report(self, day: dt.date):
        """The day-end report of `day` (`app.core.day_report.DayReport`): per operator, with the team's name
        (the laptop's registered name). It lists residents' names: a supervisor's or admin's, like an export."""
        from app.store.day_report import read_day_report
        from app.store.sync_keys import SyncKeys

        self.require("export")
        return read_day_report(self.store, day, team=str(self.get_setting(SyncKeys.DEVICE_NAME, "") or ""))

    def day_report_written(self, report) -> None:
        """Audit a day-end report written to a file (the day and counts; never a name)."""
        from app.store.audit import AuditLog

        AuditLog(self.store).append("report.day_written", actor=self.operator_name, detail={
            "day": report.day.isoformat(), "operators": len(report.operators),
            "recordings": sum(len(o.recordings) for o in report.operators)})

    def earlier_recordings(self, nik: str, besides: str | None = None) -> list[Earlier]:
        """Other recordings of a typed NIK on this laptop, latest version of each, latest first
        (none while fewer than 16 digits are typed). `besides`: the recording being edited."""
        nik = lookup_nik(nik)
        if nik is None:
            return []
        return [Earlier(r.uuid, r.status, r.created_at)
                for r in self.recordings.latest_of_nik(nik, besides=besides)]

    def repeat_findings(self, nik: str, besides: str | None = None) -> list[Finding]:
        """The warning a second recording of `nik` carries (see `app.core.repeat`), as a list."""
        found = repeat_finding(self.earlier_recordings(nik, besides))
        return [found] if found is not None else []

    def recording_of_target(self, nik: str) -> Recording | None:
        """The recording of a target's NIK on this laptop (its latest version, the latest changed), if any."""
        found = self.recordings.latest_of_nik(nik, limit=1) if lookup_nik(nik) else []
        return found[0] if found else None

    def version_of(self, uuid: str) -> int:
        """1 for a first recording, 2 for its first correction, ..."""
        return self.recordings.version_of(uuid)

    def media_slots(self, recording: Recording):
        """The stored photo and signature of a recording, as the form holds them."""
        items = {m.kind: m for m in self.recordings.media(recording.uuid)}
        return (_stored_slot("photo", items.get("photo"), recording.photo_exception, "Foto tersimpan.",
                             recording.photo_flag),
                _stored_slot("signature", items.get("signature"), recording.signature_exception,
                             "Tanda tangan tersimpan.", recording.signature_flag))

    def biometric_slot(self, recording: Recording) -> BiometricSlot:
        """The stored fingers and irises of a recording, as the form holds them."""
        kinds = self.recordings.media_hashes(recording.uuid)
        return BiometricSlot.stored(getattr(recording, "biometrics", None), kinds)

    def get_recording(self, uuid: str) -> Recording:
        return self.recordings.get(uuid)

    def receipt(self, uuid: str) -> Receipt:
        """The resident's receipt of a completed recording (draft: `receipt.not_complete`; personal
        data purged: `recording.purged`). Its date is the recording's `created_at` in local time, the
        same one the server receives with the record."""
        rec = self.recordings.get(uuid)
        if rec.purged:
            raise CodedError("recording.purged")
        if not has_receipt(rec.status):
            raise CodedError("receipt.not_complete")
        recorded_on = dt.datetime.fromisoformat(rec.created_at).astimezone().date()
        return build_receipt(rec.uuid, rec.resident, recorded_on, operator=rec.operator or self.operator_name,
                             office=str(self.get_setting(RECEIPT_OFFICE_KEY, "") or ""),
                             contact=str(self.get_setting(RECEIPT_CONTACT_KEY, "") or ""), demo=self.is_demo)

    def receipt_for_target(self, nik: str) -> Receipt:
        """The receipt of the newest completed recording of a target's NIK (`receipt.not_complete`: none)."""
        statuses = [s for s in RecordingStatus if has_receipt(s)]
        found = [r for r in self.recordings.list(status=statuses, search=nik, limit=20) if r.resident.nik == nik]
        for rec in found:
            if not rec.purged:
                return self.receipt(rec.uuid)
        raise CodedError("recording.purged" if found else "receipt.not_complete")

    def next_target_in_rt(self, nik: str) -> Resident | None:
        """The next resident to visit in `nik`'s RT, pre-filled from the target list (None: nobody left)."""
        target = self.targets.next_open_in_rt(nik)
        return None if target is None else self.resident_from_target(target.nik)

    # ------------------------------------------------------------ retention
    def retention_days(self) -> int:
        """Days after the server's verdict before personal data leaves the laptop (0: never)."""
        from app.store.retention import retention_days

        return retention_days(self.store)

    def purge_settled(self, days: int | None = None, *, dry_run: bool = False):
        """Run the retention purge now (slow on a big profile: call from a worker).

        `days` defaults to the ``retention_days`` setting; None is returned when
        that is 0 (never). See `app.store.retention`.
        """
        from app.store.retention import purge_settled

        days = self.retention_days() if days is None else days
        if days <= 0:
            return None
        return purge_settled(self.store, days, dry_run=dry_run, actor=self.operator_name)

    # --------------------------------------------------------------- backup
    def backup(self, dest, *, keep: int | None = None, progress=None, now=None, free_bytes: int | None = None):
        """Copy the profile into a new backup folder under `dest` (slow: call from the database
        worker). Returns `app.store.backup.BackupResult`; see `backup_profile`."""
        from app.store.backup import backup_profile

        return backup_profile(self.store, dest, keep=keep, progress=progress, now=now,
                              free_bytes=free_bytes, actor=self.operator_name)

    def last_backup(self) -> dict | None:
        """When and where the last backup went (``at`` ISO UTC, ``folder``, ``recordings``, ``bytes``)."""
        from app.store.backup import last_backup

        return last_backup(self.store)

    # ----------------------------------------------------------------- sync
    def fix_rejected(self, uuid: str) -> Recording:
        """A new draft that corrects a recording the server rejected.

        It gets its own UUID and names the old one in `replaces_uuid` (see
        `_new_version`), so the operator only fixes what the server named. The
        rejected recording stays as it is (the server marks it replaced once
        the new version arrives). Asking again returns the draft already made.
        """
        if self.recordings.get(uuid).status is not RecordingStatus.REJECTED:
            raise CodedError("fix.not_rejected")
        return self.correct(uuid)

    def can_correct(self, uuid: str) -> bool:
        """A correction of `uuid` would be a new version: the server holds it, its data is still
        here, and no newer version was sent already."""
        old = self.recordings.find(uuid)
        if old is None or old.purged or self.recordings.can_edit(uuid):
            return False
        if old.status is RecordingStatus.REJECTED and not fixable_rejection(r.code for r in old.server_reasons):
            return False  # an administrator's duplicate verdict: not corrected and resent
        newer = self.recordings.newer_version(uuid)
        return newer is None or newer.status in (RecordingStatus.DRAFT, RecordingStatus.COMPLETE)

    def correct(self, uuid: str) -> Recording:
        """A draft that corrects a recording the server holds (sent, accepted, in review,
        rejected, or queued with its record already on the server): the next version of
        the same recording, never a second recording of the resident.

        It gets its own UUID and names the old one in `replaces_uuid` (see `_new_version`);
        the server marks the old one replaced when the new one arrives. A recording still
        editable here is changed in place instead (``correct.editable``). Asking again returns
        the draft already made.
        """
        old = self.recordings.get(uuid)
        if old.purged:
            raise CodedError("fix.purged")
        if self.recordings.can_edit(uuid):
            raise CodedError("correct.editable")
        if old.status is RecordingStatus.REJECTED and not fixable_rejection(r.code for r in old.server_reasons):
            raise CodedError("fix.duplicate_verdict")
        existing = self.recordings.newer_version(uuid)
        if existing is not None:
            if existing.status in (RecordingStatus.DRAFT, RecordingStatus.COMPLETE):
                return existing
            raise CodedError("fix.already_fixed")
        return self._new_version(old, queue=False)

    def resend_conflict_as_new_version(self, uuid: str) -> Recording:
        """Send what the laptop holds of a conflict as a new version (queued).

        A conflict: the server already holds this UUID with other content, so it
        parked the laptop's copy. The laptop's (edited) recording becomes a new
        version with its own UUID naming the old one in `replaces_uuid`, queued
        at once (it was complete before); the server marks the old one replaced
        when it stores the new one, and closes its parked copy. The old
        recording's outbox entry is settled (acknowledged, the server's status
        kept) and the recording counts as sent: the server holds a copy of it,
        so it is never sent or edited again. One transaction.
        """
        old = self.recordings.get(uuid)
        entry = Outbox(self.store).get(uuid)
        if entry is None or not entry.conflict:  # decided by the stored code, never by its words
            raise CodedError("conflict.not_parked")
        if self.recordings.newer_version(uuid) is not None:
            raise CodedError("conflict.already_new_version")
        with self.store.transaction():
            new = self._new_version(old, queue=True)
            move_status(self.store, uuid, RecordingStatus.SENT, actor=self.operator_name or old.operator)
        return new

    def _new_version(self, old: Recording, *, queue: bool) -> Recording:
        """A new version of `old`: its own UUID, `replaces_uuid` = old; the resident,
        confirmed warnings, exceptions and media copied. Saved as a draft, or
        (`queue`) complete and queued."""
        new = Recording.new(
            old.resident, operator=self.operator_name or old.operator,
            acknowledgements=list(old.acknowledgements), photo_exception=old.photo_exception,
            signature_exception=old.signature_exception, photo_flag=old.photo_flag,
            signature_flag=old.signature_flag, replaces_uuid=old.uuid,
            status=RecordingStatus.COMPLETE if queue else RecordingStatus.DRAFT,
        )
        self.recordings.save(new, self.recordings.media(old.uuid), enqueue=queue)
        return self.recordings.get(new.uuid)

    def list_recordings(self, flt, limit: int = 200, offset: int = 0) -> list[dict]:
        rows = self.recordings.list(
            status=flt.status, search=flt.search or None,
            date_from=dt.date.fromisoformat(flt.date_from) if flt.date_from else None,
            date_to=dt.date.fromisoformat(flt.date_to) if flt.date_to else None,
            limit=limit, offset=offset)
        return [{
            "uuid": r.uuid, "nama": r.resident.nama, "nik": r.resident.nik, "status": r.status.value,
            "updated_at": r.updated_at, "server_message": r.server_message,
            "server_reasons": r.server_reasons, "purged": r.purged,
        } for r in rows]

    def status_counts(self) -> dict[str, int]:
        return {status.value: n for status, n in self.recordings.counts_by_status().items()}

    def recorded_on(self, day: dt.date) -> int:
        """Recordings completed (not drafts) created on `day`."""
        statuses = [s for s in RecordingStatus if s is not RecordingStatus.DRAFT]
        return self.recordings.count(status=statuses, date_from=day, date_to=day)

    # ------------------------------------------------------------- targets
    def list_targets(self, search: str, *, only_open: bool, limit: int, offset: int,
                     only_elsewhere: bool = False, where: TargetFilter | None = None) -> list[dict]:
        """One page of Daftar Warga; `only_open` hides residents recorded here or by another team,
        `only_elsewhere` shows only those another team recorded; `where` filters and sorts
        (`TargetFilter`)."""
        targets = self.targets.page(search=search or None, only_open=only_open, only_elsewhere=only_elsewhere,
                                    limit=limit, offset=offset, where=where)
        out = []
        for t in targets:
            region = self.regions.get(t.kelurahan_kode) if t.kelurahan_kode else None
            out.append({
                "nik": t.nik, "nama": t.nama,
                "tanggal_lahir": t.tanggal_lahir.isoformat() if t.tanggal_lahir else "",
                "rt": t.rt, "rw": t.rw, "kelurahan_kode": t.kelurahan_kode,
                "kelurahan_nama": region.nama if region else "",
                "status_ktp": t.status_ktp, "recorded": t.recorded,
                "recorded_elsewhere": t.recorded_elsewhere,
                "outcome": t.outcome.value if t.outcome else "",
                "revisit_date": t.revisit_date.isoformat() if t.revisit_date else "",
            })
        return out

    def count_targets(self, search: str, *, only_open: bool, only_elsewhere: bool = False,
                      where: TargetFilter | None = None) -> int:
        """How many residents `list_targets` lists with the same filters (all pages; a moment on a
        city's list: call from the database worker)."""
        return self.targets.count_matching(search or None, only_open=only_open, only_elsewhere=only_elsewhere,
                                           where=where)

    def target_kelurahan(self) -> list[tuple[str, str]]:
        """(code, name) of the kelurahan on the target list, by name (for the filter bar)."""
        codes = self.targets.kelurahan_codes()
        named = [(code, (self.regions.get(code).nama if self.regions.get(code) else code)) for code in codes]
        return sorted(named, key=lambda item: (item[1], item[0]))

    def target_marks(self, nik: str) -> set[str]:
        """The categories marked on this resident (values of `Category`)."""
        return {c.value for c in VisitOutcomes(self.store).marked(nik)}

    def mark_target(self, nik: str, category: str, marked: bool) -> None:
        """Mark (or unmark) a resident with a category by hand (difabel, tahanan, ...)."""
        visits = VisitOutcomes(self.store)
        if marked:
            visits.mark([nik], category, source=f"tangan:{self.operator_name}")
        else:
            visits.unmark(nik, category)

    @property
    def trips(self) -> Trips:
        """The trips (kunjungan) of this profile (`app.store.trips`)."""
        return Trips(self.store)

    @property
    def schedules(self) -> Schedules:
        """Recording slots per RT and their invitations (`app.store.schedules`)."""
        return Schedules(self.store)

    def letterhead(self) -> str:
        """The office that heads printed papers (the receipt's setting, else the Dinas)."""
        return office_or_default(str(self.get_setting(RECEIPT_OFFICE_KEY, "") or ""))

    @property
    def delivery(self) -> CardDelivery:
        """Card delivery (antar KTP-el): batches, the round, handovers (`app.store.card_delivery`)."""
        return CardDelivery(self.store)

    @property
    def school(self) -> School:
        """School trips' class lists and card deliveries (`app.store.school`)."""
        return School(self.store)

    @property
    def registrations(self) -> Registrations:
        """Families with no NIK/KK yet registered here, and the numbers issued for them (`app.store.registrations`)."""
        return Registrations(self.store)

    def address_of_kelurahan(self, kode: str) -> dict[str, str]:
        """The provinsi..kelurahan codes and names of a kelurahan (``{"kecamatan_kode": ..., ...}``)."""
        out: dict[str, str] = {}
        for region in self.regions.lineage(kode) if kode else []:
            prefix = {1: "provinsi", 2: "kabupaten", 3: "kecamatan", 4: "kelurahan"}[int(region.level)]
            out[f"{prefix}_kode"], out[f"{prefix}_nama"] = region.kode, region.nama
        return out

    def register_family(self, registration: Registration) -> StoredRegistration:
        """Keep a family with no NIK/KK yet, recorded today; raises `RegistrationRefused` with every error."""
        return self.registrations.create(registration, today=dt.date.today(), operator=self.operator_name,
                                         regions=self.regions)

    def set_target_outcome(self, nik: str, outcome: str, *, revisit_date: dt.date | None = None,
                           note: str = "") -> None:
        """Record a visit outcome the operator chose today (`VisitOutcomes.record`); raises `CodedError`."""
        VisitOutcomes(self.store).record(nik, outcome, today=dt.date.today(), operator=self.operator_name,
                                         revisit_date=revisit_date, note=note)

    def import_targets(self, path, *, progress=None, cancelled=None):
        """Import a target list (CSV/XLSX) the way `jemput import-targets` does (slow: call from the
        database worker); see `app.target_import.import_targets`. While it runs, `importing` is True:
        the store is held by one transaction, so the window reads nothing from it meanwhile."""
        from app.target_import import import_targets

        self.importing = True
        try:
            return import_targets(self.store, path, progress=progress, cancelled=cancelled)
        finally:
            self.importing = False

    def target_totals(self) -> tuple[int, int, int]:
        """(targets, recorded here or by another team, of those by another team)."""
        rows = self.targets.progress_by("kecamatan")
        return sum(p.target for p in rows), sum(p.recorded for p in rows), sum(p.elsewhere for p in rows)

    def resident_from_target(self, nik: str) -> Resident:
        """A resident pre-filled with what the target list knows."""
        t = self.targets.get(nik)
        if t is None:
            return Resident(nik=nik)
        data = {"nik": t.nik, "nama": t.nama, "tanggal_lahir": t.tanggal_lahir, "alamat": t.alamat,
                "rt": t.rt, "rw": t.rw, "no_kk": t.no_kk, "tempat_lahir": t.tempat_lahir}
        if t.jenis_kelamin:
            data["jenis_kelamin"] = JenisKelamin.parse(t.jenis_kelamin)
        data.update(self.address_of_kelurahan(t.kelurahan_kode))
        return Resident(**data)

    def progress_snapshot(self, today: dt.date | None = None):
        """Laporan's figures, every grouping at once (`app.store.progress_query.snapshot`; a moment on a
        city's list: call from the database worker). Days are the laptop's local days; derived
        categories as of `today` (default: today)."""
        from app.store.progress_query import snapshot

        offset = dt.datetime.now().astimezone().utcoffset() or dt.timedelta(0)
        return snapshot(self.store, on=today or dt.date.today(),
                        utc_offset_minutes=int(offset.total_seconds() // 60))
