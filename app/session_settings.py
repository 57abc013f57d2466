"""What an open profile's settings say, topic by topic: biometrics, camera and photo checks, limits.

`TopicSettings` is a part of `app.session.Session` (its base): the methods
read the profile's settings (and `app.store.limits`) through the session's
`store`, `get_setting`, `set_setting` and `require`, so every caller keeps
asking the session (`session.biometric_mode()`, `session.camera_source()`).
No Qt.
"""

from __future__ import annotations

from dataclasses import replace

from app.biometric_slot import BiometricSlot
from app.core.biometric_attempts import QualityPolicy
from app.core.biometric_requirement import SETTING_KEY as BIOMETRICS_MODE_KEY
from app.core.biometric_requirement import BiometricMode, biometric_findings
from app.core.findings import Finding

CAMERA_SOURCES_KEY = "camera_sources"  # file/folder sources offered in the camera chooser
BIOMETRICS_POLICY_KEY = "biometrics_policy"  # requested scores and tries ({"finger", "thumbs", "iris", "tries"})
SBI_PORTS_KEY = "sbi_ports"  # ports of 127.0.0.1 where biometric device services are looked for


class TopicSettings:
    """The per-topic settings of `Session` (needs its `store`, `get_setting`, `set_setting`, `require`)."""

    # ---------------------------------------------------------------- limits
    def unsaved_state(self):
        """How long completed recordings have waited for a sync or a backup (`app.core.limits`): ``warn``
        for the window's banner, ``stop`` refuses new recordings (`save_form`)."""
        from app.store.limits import read_unsaved_state

        return read_unsaved_state(self.store)

    def limits_state(self):
        """Both limits (`app.core.limits.LimitsState`): unsaved days and recordings waiting for approval."""
        from app.store.limits import read_limits_state

        return read_limits_state(self.store)

    # ------------------------------------------------------------ biometrics
    def biometric_mode(self) -> BiometricMode:
        """Whether the fingerprint and iris steps are off, offered or required (Pengaturan)."""
        return BiometricMode.parse(self.get_setting(BIOMETRICS_MODE_KEY, BiometricMode.OFF.value))

    def biometric_findings(self, bio: BiometricSlot) -> list[Finding]:
        """What the profile's biometric mode says of a form's fingers and irises (`app.core.biometric_requirement`)."""
        return biometric_findings(bio.biometrics, self.biometric_mode(), bio.proofed())

    def biometric_policy(self) -> QualityPolicy:
        """Requested scores and tries: MOSIP's reference values with what Pengaturan changed."""
        stored = self.get_setting(BIOMETRICS_POLICY_KEY, {}) or {}
        values: dict = {}
        for name in ("finger", "thumbs", "iris"):
            value = stored.get(name) if isinstance(stored, dict) else None
            if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 100:
                values[name] = float(value)
        tries = stored.get("tries") if isinstance(stored, dict) else None
        if isinstance(tries, int) and not isinstance(tries, bool) and 1 <= tries <= 10:
            values["tries"] = tries
        return replace(QualityPolicy(), **values)

    def sbi_ports(self) -> tuple[int, ...]:
        """The ports of 127.0.0.1 where biometric device services are looked for (SBI: 4501-4600)."""
        from app.biometrics.discovery import PORTS

        stored = self.get_setting(SBI_PORTS_KEY)
        if isinstance(stored, list):
            ports = tuple(p for p in stored if isinstance(p, int) and not isinstance(p, bool) and 0 < p < 65536)
            if ports:
                return ports
        return tuple(PORTS)

    # ------------------------------------------------- camera and photo checks
    def photo_thresholds(self):
        """The photo-check limits: calibrated defaults with what Pengaturan changed."""
        from app.capture.quality import thresholds_from_dict

        return thresholds_from_dict(self.get_setting("photo_thresholds", {}) or {})

    def set_photo_thresholds(self, changes: dict | None) -> None:
        """Store changed limits (None or {} goes back to the calibrated defaults)."""
        from app.capture.quality import thresholds_from_dict

        self.require("settings")
        thresholds_from_dict(changes or {})  # refuse unknown types before storing
        self.set_setting("photo_thresholds", dict(changes or {}))

    def camera_source(self):
        """The frame source chosen in Pengaturan: a camera index or a file/folder path."""
        value = str(self.get_setting("camera_source", "0") or "0").strip()
        return int(value) if value.isdigit() else value

    def camera_sources(self) -> list[str]:
        """The file and folder sources offered beside the webcams found (the chosen one among them)."""
        extra = [str(s).strip() for s in (self.get_setting(CAMERA_SOURCES_KEY, []) or []) if str(s).strip()]
        current = self.camera_source()
        if isinstance(current, str) and current not in extra:
            extra.append(current)
        return extra

    def choose_camera(self, spec) -> None:
        """Remember the camera (index) or file/folder source chosen in the photo step or Pengaturan."""
        text = str(spec).strip() or "0"
        stored = [str(s) for s in (self.get_setting(CAMERA_SOURCES_KEY, []) or [])]
        if not text.isdigit() and text not in stored:
            self.set_setting(CAMERA_SOURCES_KEY, [*stored, text])
        self.set_setting("camera_source", text)
