"""`jemput people` and the unlock wait on the command line (in-process `main`, real profile files)."""

from __future__ import annotations

from app.store.profile import read_profile

ANI = "jeruk-nipis-sepeda-41"


def test_people_add_list_remove(cli, profile_dir, monkeypatch):
    monkeypatch.setenv("JEMPUT_NEW_PASSPHRASE", ANI)
    code, out, err = cli("--data", profile_dir, "people", "add", "Ani", "--role", "operator")
    assert code == 0, err
    assert "Ani (operator) ditambahkan" in out
    code, out, _ = cli("--data", profile_dir, "people", "list")
    assert code == 0 and "admin" in out and "Operator Uji" in out and "Ani" in out

    monkeypatch.setenv("JEMPUT_PASSPHRASE", ANI)  # Ani opens the profile, but may not manage people
    code, out, err = cli("--data", profile_dir, "list")
    assert code == 0, err
    code, out, err = cli("--data", profile_dir, "people", "list")
    assert code == 1 and "tidak boleh mengelola pengguna" in err

    monkeypatch.setenv("JEMPUT_PASSPHRASE", "kopi-susu-panas-2024")
    code, out, err = cli("--data", profile_dir, "people", "remove", "Ani")
    assert code == 0 and "dihapus" in out
    monkeypatch.setenv("JEMPUT_PASSPHRASE", ANI)
    code, out, err = cli("--data", profile_dir, "list")
    assert code == 1 and "Kata sandi salah" in err


def test_a_weak_passphrase_is_refused_in_indonesian(cli, profile_dir, monkeypatch):
    monkeypatch.setenv("JEMPUT_NEW_PASSPHRASE", "12345678")
    code, out, err = cli("--data", profile_dir, "people", "add", "Budi")
    assert code == 1 and "terlalu mudah ditebak" in err
    code, out, _ = cli("--data", profile_dir, "people", "list")
    assert "Budi" not in out


def test_wrong_passphrases_on_the_command_line_wait_too(cli, profile_dir, monkeypatch):
    monkeypatch.setenv("JEMPUT_PASSPHRASE", "salah-lagi-salah-lagi")
    for _ in range(3):
        code, _, err = cli("--data", profile_dir, "list")
        assert code == 1 and "Kata sandi salah" in err
    monkeypatch.setenv("JEMPUT_PASSPHRASE", "kopi-susu-panas-2024")  # even the right one waits now
    code, _, err = cli("--data", profile_dir, "list")
    assert code == 1 and "Coba lagi dalam 5 detik" in err
    assert read_profile(profile_dir).unlock["failures"] == 3
