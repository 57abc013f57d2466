"""The screens before the main window: first run (demo or set-up) and unlock.

Opening a profile runs the slow KDF, so it goes to a worker; the page only
shows a busy state. Repeated wrong passphrases are slowed down: after the
third failure each further try waits longer (2, 4, 8 ... up to 60 seconds).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.passphrase_strength import MIN_LENGTH as MIN_PASSPHRASE_LENGTH


def _card(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 14)
    layout.setSpacing(8)
    return frame, layout


def _title(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("pageTitle")
    label.setWordWrap(True)
    return label


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


class WelcomePage(QWidget):
    """First run: try the demo, or set up the real profile.

    Signals:
        demoRequested: open (creating if needed) the demo profile.
        setupRequested(dict): operator name, passphrase, server address or None.
    """

    demoRequested = Signal()
    setupRequested = Signal(dict)

    def __init__(self, demo_passphrase: str, parent=None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 24)
        outer.addWidget(_title(self.tr("Selamat datang di Jemput"), self))
        outer.addWidget(_hint(self.tr(
            "Perekaman KTP-el jemput bola yang tetap jalan tanpa sinyal. "
            "Semua data warga tersimpan terenkripsi di laptop ini."), self))
        row = QHBoxLayout()
        row.setSpacing(20)

        demo, dl = _card(self)
        dl.addWidget(_title(self.tr("Coba dengan data demo"), demo))
        dl.addWidget(_hint(self.tr(
            "Profil latihan berisi warga contoh (buatan, bukan data asli) di satu kelurahan. "
            "Aman untuk mencoba semua fitur. Kata sandi profil demo:"), demo))
        box = QLabel(demo_passphrase, demo)
        box.setObjectName("passphraseBox")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dl.addWidget(box)
        self.demo_button = QPushButton(self.tr("Buka profil demo"), demo)
        self.demo_button.clicked.connect(self.demoRequested)
        dl.addWidget(self.demo_button)
        dl.addStretch(1)

        setup, sl = _card(self)
        sl.addWidget(_title(self.tr("Siapkan laptop ini untuk perekaman"), setup))
        sl.addWidget(_hint(self.tr(
            "Kata sandi ini mengunci basis data. Tanpa kata sandi, data tidak dapat dibuka "
            "oleh siapa pun, termasuk kami. Catat dan simpan di tempat aman."), setup))
        form = QFormLayout()
        self.operator = QLineEdit(setup)
        self.operator.setPlaceholderText(self.tr("mis. Rina Operator"))
        self.passphrase = QLineEdit(setup)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("tiga kata acak atau lebih, minimal %1 karakter").replace("%1", str(MIN_PASSPHRASE_LENGTH)))
        self.passphrase2 = QLineEdit(setup)
        self.passphrase2.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Nama operator"), self.operator)
        form.addRow(self.tr("Kata sandi"), self.passphrase)
        form.addRow(self.tr("Ulangi kata sandi"), self.passphrase2)
        sl.addLayout(form)
        self.offline = QRadioButton(self.tr("Kerja offline dulu (server diatur nanti)"), setup)
        self.online = QRadioButton(self.tr("Sudah punya alamat server:"), setup)
        self.offline.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.offline)
        group.addButton(self.online)
        self.server = QLineEdit(setup)
        self.server.setPlaceholderText("https://dukcapil.example.go.id/jemput")
        self.server.setEnabled(False)
        self.online.toggled.connect(self.server.setEnabled)
        sl.addWidget(self.offline)
        sl.addWidget(self.online)
        sl.addWidget(self.server)
        self.message = QLabel(setup)
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
        sl.addWidget(self.message)
        self.setup_button = QPushButton(self.tr("Buat profil"), setup)
        self.setup_button.setObjectName("primary")
        self.setup_button.clicked.connect(self._submit)
        self.passphrase2.returnPressed.connect(self._submit)
        sl.addWidget(self.setup_button)
        sl.addStretch(1)

        row.addWidget(demo, 1)
        row.addWidget(setup, 1)
        outer.addLayout(row)
        outer.addStretch(1)

    def _submit(self) -> None:
        name = " ".join(self.operator.text().split())
        p1, p2 = self.passphrase.text(), self.passphrase2.text()
        server = self.server.text().strip() if self.online.isChecked() else None
        if not name:
            self.show_error(self.tr("Isi nama operator."))
            self.operator.setFocus()
        elif len(p1) < MIN_PASSPHRASE_LENGTH:
            self.show_error(self.tr("Kata sandi minimal %1 karakter.").replace("%1", str(MIN_PASSPHRASE_LENGTH)))
            self.passphrase.setFocus()
        elif p1 != p2:
            self.show_error(self.tr("Kedua kata sandi tidak sama."))
            self.passphrase2.setFocus()
        elif self.online.isChecked() and not server.startswith(("https://", "http://")):
            self.show_error(self.tr("Alamat server harus diawali https:// (atau http:// untuk uji)."))
            self.server.setFocus()
        else:
            self.show_error("")
            self.set_busy(True)
            self.setupRequested.emit({"operator": name, "passphrase": p1, "server_url": server})

    def show_error(self, text: str) -> None:
        self.message.setText(text)

    def set_busy(self, busy: bool) -> None:
        self.setup_button.setEnabled(not busy)
        self.demo_button.setEnabled(not busy)
        self.setup_button.setText(self.tr("Menyiapkan…") if busy else self.tr("Buat profil"))


class UnlockPage(QWidget):
    """Passphrase prompt for an existing profile.

    It offers no demo: the demo's passphrase is public, and a button beside a
    real profile's invites recording real residents into it. The demo opens
    from the welcome page (no real profile yet) or with ``jemput demo``.

    Signals:
        unlockRequested(str): the passphrase to try.
    """

    unlockRequested = Signal(str)


    def __init__(self, parent=None):
        super().__init__(parent)
        self.failures = 0
        self._wait_left = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 40, 40, 40)
        outer.addStretch(1)
        card, cl = _card(self)
        card.setMaximumWidth(520)
        cl.addWidget(_title(self.tr("Buka Jemput"), card))
        self.who = _hint("", card)
        cl.addWidget(self.who)
        self.passphrase = QLineEdit(card)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Kata sandi profil"))
        self.passphrase.returnPressed.connect(self._submit)
        cl.addWidget(self.passphrase)
        self.message = QLabel(card)
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
        cl.addWidget(self.message)
        buttons = QHBoxLayout()
        self.unlock_button = QPushButton(self.tr("Buka"), card)
        self.unlock_button.setObjectName("primary")
        self.unlock_button.clicked.connect(self._submit)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        cl.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 1)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.setFocusProxy(self.passphrase)

    def set_profile_label(self, text: str) -> None:
        self.who.setText(text)

    def _submit(self) -> None:
        if self._wait_left > 0 or not self.unlock_button.isEnabled():
            return
        text = self.passphrase.text()
        if not text:
            self.message.setText(self.tr("Ketik kata sandi profil."))
            return
        self.set_busy(True)
        self.unlockRequested.emit(text)

    def set_busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setText(self.tr("Membuka…") if busy else self.tr("Buka"))
        if not busy:
            self.passphrase.setFocus()

    def failed(self, message: str, wait_s: float | None = None) -> None:
        """A wrong passphrase: say so, and slow the next try after a few failures
        (`wait_s`: the wait the profile itself counts, `app.store.unlock_guard`)."""
        self.failures += 1
        self.set_busy(False)
        self.passphrase.selectAll()
        delay = max(self.delay_after(self.failures), int(-(-(wait_s or 0) // 1)))
        if delay:
            self._wait_left = delay
            self.unlock_button.setEnabled(False)
            self._timer.start()
        self._show(message)

    @classmethod
    def delay_after(cls, failures: int) -> int:
        from app.core.unlock_delay import delay_after

        return int(delay_after(failures))

    def _show(self, message: str) -> None:
        if self._wait_left > 0:
            message += " " + self.tr("Coba lagi dalam %n detik.", "", self._wait_left)
        self.message.setText(message)
        self._base_message = message.split(" " + self.tr("Coba lagi"))[0]

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._timer.stop()
            self.unlock_button.setEnabled(True)
        self._show(self._base_message)


