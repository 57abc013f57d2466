"""`jemput change-passphrase` as a real subprocess: from the environment and from a terminal (pty)."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time

import pytest

from app.store.audit import AuditLog
from app.store.errors import WrongPassphrase
from cli_support import ROOT, file_digests, open_store, run_cli
from support.profiles import PASSPHRASE

NEW = "sandi-baru-yang-panjang"


def _refused(directory, passphrase: str) -> bool:
    try:
        open_store(directory, passphrase).close()
    except WrongPassphrase:
        return True
    return False


def test_change_from_environment(profile_dir):
    result = run_cli("--data", profile_dir, "change-passphrase", extra_env={"JEMPUT_NEW_PASSPHRASE": NEW})
    assert result.returncode == 0, result.stderr
    assert "sudah diganti" in result.stdout
    assert PASSPHRASE not in result.stdout + result.stderr and NEW not in result.stdout + result.stderr
    assert _refused(profile_dir, PASSPHRASE)
    with open_store(profile_dir, NEW) as store:
        [entry] = AuditLog(store).entries(action="profile.passphrase_changed")
        assert entry.actor == "cli"
    # The next command reads the new passphrase like any other.
    listed = run_cli("--data", profile_dir, "list", passphrase=NEW)
    assert listed.returncode == 0, listed.stderr


def test_wrong_old_passphrase_changes_nothing(profile_dir):
    before = file_digests(profile_dir)
    result = run_cli("--data", profile_dir, "change-passphrase", passphrase="bukan-sandi-ini",
                     extra_env={"JEMPUT_NEW_PASSPHRASE": NEW})
    assert result.returncode == 1
    assert result.stderr.startswith("jemput: Kata sandi salah")
    after = file_digests(profile_dir)
    after.pop("profile.json"), before.pop("profile.json")  # where the failed unlock is counted
    assert after == before
    assert _refused(profile_dir, NEW)


@pytest.mark.parametrize("new, message", [
    ("pendek", "minimal 8 karakter"),
    (PASSPHRASE, "sama dengan kata sandi lama"),
    ("", "tidak boleh kosong"),
])
def test_unacceptable_new_passphrase_changes_nothing(profile_dir, new, message):
    result = run_cli("--data", profile_dir, "change-passphrase", extra_env={"JEMPUT_NEW_PASSPHRASE": new})
    assert result.returncode == 1
    assert message in result.stderr and "tidak ada yang diubah" in result.stderr
    assert _refused(profile_dir, NEW)
    with open_store(profile_dir, PASSPHRASE) as store:
        assert not AuditLog(store).entries(action="profile.passphrase_changed")


def test_no_new_passphrase_without_a_terminal(profile_dir):
    result = run_cli("--data", profile_dir, "change-passphrase")
    assert result.returncode == 1
    assert "JEMPUT_NEW_PASSPHRASE" in result.stderr
    with open_store(profile_dir, PASSPHRASE):
        pass


def test_missing_profile(tmp_path):
    result = run_cli("--data", tmp_path / "tidak-ada", "change-passphrase", extra_env={"JEMPUT_NEW_PASSPHRASE": NEW})
    assert result.returncode == 1 and "profil tidak ditemukan" in result.stderr


def test_help_is_in_indonesian():
    result = run_cli("change-passphrase", "--help", passphrase=None)
    assert result.returncode == 0 and "JEMPUT_NEW_PASSPHRASE" in result.stdout and "kata sandi" in result.stdout


# -- typed at a terminal ---------------------------------------------------------

class Terminal:
    """The command on a pseudo-terminal (no controlling tty, so getpass reads stdin)."""

    def __init__(self, *argv):
        import pty

        self.master, slave = pty.openpty()
        env = {k: v for k, v in os.environ.items()
               if k not in ("JEMPUT_PASSPHRASE", "JEMPUT_NEW_PASSPHRASE", "JEMPUT_HOME")}
        self.proc = subprocess.Popen([sys.executable, "-m", "app", *map(str, argv)], cwd=ROOT, env=env,
                                     stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
        os.close(slave)
        self.seen = ""

    def expect(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.seen:
            left = deadline - time.monotonic()
            assert left > 0, f"no {text!r} on the terminal; saw {self.seen!r}"
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:  # the command ended
                    chunk = b""
                assert chunk, f"terminal closed before {text!r}; saw {self.seen!r}"
                self.seen += chunk.decode("utf-8", "replace")

    def type(self, line: str) -> None:
        os.write(self.master, line.encode() + b"\n")

    def finish(self) -> int:
        code = self.proc.wait(timeout=60)
        while True:
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if not ready:
                break
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                break
            if not chunk:
                break
            self.seen += chunk.decode("utf-8", "replace")
        os.close(self.master)
        return code


@pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")
def _answer_at_terminal(profile_dir, old: str, new: str, repeat: str) -> "Terminal":
    term = Terminal("--data", profile_dir, "change-passphrase")
    for prompt, answer in (("Kata sandi lama: ", old), ("Kata sandi baru: ", new),
                           ("Ulangi kata sandi baru: ", repeat)):
        term.expect(prompt)
        term.type(answer)
    return term


def test_change_typed_at_a_terminal(profile_dir):
    term = _answer_at_terminal(profile_dir, PASSPHRASE, NEW, NEW)
    assert term.finish() == 0, term.seen
    assert "sudah diganti" in term.seen
    assert PASSPHRASE not in term.seen and NEW not in term.seen  # nothing echoed
    with open_store(profile_dir, NEW):
        pass


@pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")
def test_mistyped_repeat_at_a_terminal_changes_nothing(profile_dir):
    term = _answer_at_terminal(profile_dir, PASSPHRASE, NEW, NEW + "x")
    assert term.finish() == 1
    assert "tidak sama" in term.seen
    assert _refused(profile_dir, NEW)
    with open_store(profile_dir, PASSPHRASE) as store:
        assert not AuditLog(store).entries(action="profile.passphrase_changed")
