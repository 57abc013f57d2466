"""Pengaturan's "Pengguna" section (admins only): who may open this profile, adding and removing them.

Each person has their own passphrase (`app.store.people`); adding one
derives a key-encryption key (argon2id, slow on purpose), so it runs on the
database worker. The rules (strength, one passphrase per person, the last
admin, oneself) are the store's; this widget only shows its answers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from app.ui.texts import error_text
from app.ui.widgets.form_error import show_message
from app.ui.workers import run_task


class PeopleBox(QGroupBox):
    """The list of people with their roles, a form to add one, and a button to remove the chosen one."""

    def __init__(self, session, parent=None):
        super().__init__(self.tr("Pengguna laptop ini"), parent)
        self.session = session
        grid = QGridLayout(self)
        self.people = QListWidget(self)
        self.people.setMaximumHeight(120)
        grid.addWidget(self.people, 0, 0, 1, 4)
        self.remove_button = QPushButton(self.tr("Hapus pengguna terpilih"), self)
        self.remove_button.clicked.connect(self._remove)
        grid.addWidget(self.remove_button, 1, 3)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Nama"))
        self.role = QComboBox(self)
        for value, label in (("operator", self.tr("Operator")), ("supervisor", self.tr("Supervisor")),
                             ("admin", self.tr("Admin"))):
            self.role.addItem(label, value)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Kata sandinya sendiri"))
        self.add_button = QPushButton(self.tr("Tambah pengguna"), self)
        self.add_button.clicked.connect(self._add)
        for column, widget in enumerate((self.name, self.role, self.passphrase, self.add_button)):
            grid.addWidget(widget, 2, column)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        grid.addWidget(self.message, 3, 0, 1, 4)
        self.refresh()

    def refresh(self) -> None:
        from app.store.people import list_people

        self.people.clear()
        for person in list_people(self.session.store):
            item = QListWidgetItem(f"{person.name} — {person.role}", self.people)
            item.setData(Qt.ItemDataRole.UserRole, person.id)

    def _busy(self, busy: bool) -> None:
        for widget in (self.add_button, self.remove_button, self.name, self.passphrase):
            widget.setEnabled(not busy)

    def _say(self, text: str, *, ok: bool) -> None:
        show_message(self.message, text, "okText" if ok else "errorText")

    def _add(self) -> None:
        from app.store.people import add_person

        store, name, role, passphrase = self.session.store, self.name.text(), self.role.currentData(), \
            self.passphrase.text()
        self._busy(True)
        run_task(lambda: add_person(store, name, role, passphrase), self._added, self._failed)

    def _added(self, person) -> None:
        self._busy(False)
        self.name.clear()
        self.passphrase.clear()
        self.refresh()
        self._say(self.tr("%1 ditambahkan; kata sandinya membuka profil ini.").replace("%1", person.name), ok=True)

    def _remove(self) -> None:
        from app.store.people import remove_person

        item = self.people.currentItem()
        if item is None:
            self._say(self.tr("Pilih pengguna yang akan dihapus."), ok=False)
            return
        store, person_id = self.session.store, item.data(Qt.ItemDataRole.UserRole)
        self._busy(True)
        run_task(lambda: remove_person(store, person_id), self._removed, self._failed)

    def _removed(self, person) -> None:
        self._busy(False)
        self.refresh()
        self._say(self.tr("%1 dihapus; kata sandinya tidak membuka profil ini lagi.").replace("%1", person.name),
                  ok=True)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self._say(error_text(exc), ok=False)
