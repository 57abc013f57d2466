"""`jemput mark-targets`: a list's residents get a category (NIKs in the first column, written as
people write them); lines without a NIK are skipped; nothing but counts is printed."""

from __future__ import annotations

from app.core.categories import Category
from app.store.target_filter import TargetFilter
from app.store.targets import TargetRepo
from app.store.visits import VisitOutcomes
from cli_support import TODAY, open_store


def test_a_school_list_marks_pelajar(cli, profile_dir, tmp_path, people):
    with open_store(profile_dir) as store:
        TargetRepo(store).upsert_many(people[:10])
    nik = people[2]["nik"]
    spaced = f"{nik[:4]} {nik[4:8]}-{nik[8:12]}.{nik[12:]}"
    lines = ["NIK;NAMA;KELAS", f"{people[0]['nik']};{people[0]['nama']};XI IPA 1", f"{spaced};X;XI IPA 1",
             "", "bukan nik;Y;Z", f"{people[0]['nik']};dua kali;", "9999999999999999;TIDAK ADA;XI"]
    path = tmp_path / "kelas.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = cli("mark-targets", "--data", profile_dir, "--category", "Pelajar", path)
    assert code == 0, err
    assert out.strip() == ("3 NIK ditandai Pelajar (3 baru); 3 baris tanpa NIK dilewati; "
                           "1 NIK belum ada di daftar target.")
    assert people[0]["nama"] not in out + err and nik not in out + err
    with open_store(profile_dir) as store:
        assert VisitOutcomes(store).marked(nik) == {Category.PELAJAR}
        got = {t.nik for t in TargetRepo(store).page(where=TargetFilter(category=Category.PELAJAR, on=TODAY),
                                                      limit=100)}
        assert {people[0]["nik"], nik} <= got
    code, out, _ = cli("mark-targets", "--data", profile_dir, "-k", "pelajar", path)
    assert code == 0 and "(0 baru)" in out  # again: nothing new


def test_bad_categories_and_files_are_refused(cli, profile_dir, tmp_path):
    path = tmp_path / "daftar.csv"
    path.write_text("1671010101900001\n", encoding="utf-8")
    for category, words in (("lansia", "tanggal lahir"), ("preman", "kategori tidak dikenal")):
        code, _out, err = cli("mark-targets", "--data", profile_dir, "--category", category, path)
        assert code != 0 and words in err
    code, _out, err = cli("mark-targets", "--data", profile_dir, "--category", "difabel", tmp_path / "tidak-ada.csv")
    assert code != 0 and "tidak ditemukan" in err
    path.write_bytes(b"\xff\xfe\x00garbage\xff")
    code, _out, err = cli("mark-targets", "--data", profile_dir, "--category", "difabel", path)
    assert code != 0 and "UTF-8" in err
