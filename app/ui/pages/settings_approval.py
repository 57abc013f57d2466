"""Pengaturan → Persetujuan dan batas: whether completed recordings wait for a supervisor, and the limits
(`app.core.limits`): how many may wait, how many days may pass without a sync or a backup (0: off)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QSpinBox, QWidget

from app.core.limits import DEFAULT_STOP_DAYS, DEFAULT_WAITING_STOP, DEFAULT_WAITING_WARN, DEFAULT_WARN_DAYS
from app.store.approvals import REQUIRED_KEY
from app.store.limits import STOP_DAYS_KEY, WAITING_STOP_KEY, WAITING_WARN_KEY, WARN_DAYS_KEY


class ApprovalBox(QGroupBox):
    """The switch and the four limits; `save()` stores (and audits) only what changed."""

    def __init__(self, session, parent: QWidget):
        super().__init__(self.tr("Persetujuan dan batas"), parent)
        self.session = session
        self.required = QCheckBox(self.tr("Rekaman selesai menunggu persetujuan supervisor sebelum dikirim"), self)
        self.required.setChecked(session.approval_required())
        form = QFormLayout(self)
        form.addRow(self.required)
        self.limits: dict[str, QSpinBox] = {}
        for key, default, title, suffix in (
                (WAITING_WARN_KEY, DEFAULT_WAITING_WARN, self.tr("Peringatan bila menunggu persetujuan"),
                 self.tr(" rekaman")),
                (WAITING_STOP_KEY, DEFAULT_WAITING_STOP, self.tr("Hentikan rekaman baru bila menunggu"),
                 self.tr(" rekaman")),
                (WARN_DAYS_KEY, DEFAULT_WARN_DAYS, self.tr("Peringatan bila belum sinkron/cadangan"),
                 self.tr(" hari")),
                (STOP_DAYS_KEY, DEFAULT_STOP_DAYS, self.tr("Hentikan rekaman baru bila belum sinkron/cadangan"),
                 self.tr(" hari"))):
            spin = QSpinBox(self)
            spin.setRange(0, 10_000)
            spin.setSuffix(suffix)
            spin.setSpecialValueText(self.tr("Mati"))
            value = session.get_setting(key, default)
            spin.setValue(value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else default)
            form.addRow(title, spin)
            self.limits[key] = spin

    def save(self) -> None:
        """Store what differs from the profile (each change audited by the session)."""
        if self.required.isChecked() != self.session.approval_required():
            self.session.set_setting(REQUIRED_KEY, self.required.isChecked())
        for key, spin in self.limits.items():
            if self.session.get_setting(key) != spin.value():
                self.session.set_setting(key, spin.value())
