"""`jemput schedule ...`: slots planned for an RT (or refused with the rule's words), residents invited in a seeded
random order, the farthest RT marked, the RTs and slots listed; nothing but counts, areas, days and hours printed."""

from __future__ import annotations

import datetime as dt

from app.store.schedules import Schedules
from cli_support import open_store
from support.schedule_data import add_rt_targets, rt_keys

TODAY = dt.date.today()


def test_plan_assign_list(cli, profile_dir):
    rt = rt_keys(1)[0]
    with open_store(profile_dir) as store:
        rows = add_rt_targets(store, [rt], 50)
    key = f"{rt.kelurahan_kode}/{rt.rw}/{rt.rt}"
    code, _out, err = cli("schedule", "plan", "--data", profile_dir, "--rt", key, "--place", "Balai RW 03",
                          "--date", TODAY.isoformat(), "--start", "10:00", "--end", "09:00")
    assert code == 1 and err.strip() == "jemput: Jam selesai harus sesudah jam mulai."
    code, out, err = cli("schedule", "plan", "--data", profile_dir, "--rt", key, "--place", "Balai RW 03",
                         "--date", TODAY.isoformat(), "--start", "08.00", "--end", "10:00", "--sets", "2",
                         "--minutes", "6", "--sundays")
    assert code == 0, err
    assert out.startswith("2 jadwal baru (40 warga per jadwal)")
    code, out, err = cli("schedule", "assign", "--data", profile_dir, "--rt", key, "--seed", "77")
    assert code == 0 and out.strip() == "50 warga diundang.", err
    code, out, err = cli("schedule", "farthest", "--data", profile_dir, "--rt", key)
    assert code == 0, err
    code, out, err = cli("schedule", "list", "--data", profile_dir, "--slots")
    assert code == 0, err
    assert f"{key}  50 target, 0 direkam, 2 jadwal, 50 diundang  (terjauh)" in out
    assert "Balai RW 03: 40/40" in out and "Balai RW 03: 10/40" in out
    assert not any(r["nik"] in out + err or r["nama"].upper() in out + err for r in rows)
    code, out, _ = cli("schedule", "reinvite", "--data", profile_dir, "--rt", key)
    assert code == 0 and out.strip() == "0 warga yang terlewat diundang ke jadwal berikutnya."
    with open_store(profile_dir) as store:
        assert len(Schedules(store).pickups(rt)) == 50
    code, _out, err = cli("schedule", "assign", "--data", profile_dir, "--rt", "tanpa-garis-miring")
    assert code == 2 and "KELURAHAN/RW/RT" in err
