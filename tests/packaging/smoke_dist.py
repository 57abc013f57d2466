"""Smoke-check a PyInstaller build of Jemput: run the built binary, exit 1 if anything fails.

    python tests/packaging/smoke_dist.py [dist/jemput]      (`make dist` runs it)

Not a pytest file (pytest collects test_*.py only; the suite must not need a
build). Run it with the project's Python environment: the target rows are
generated people from `app.demo` (faker id_ID), and the XLSX check needs
openpyxl. Everything is written to a temporary folder that is removed after.

Checks: --help, --version, the startup probe on an empty folder (first screen,
nothing created), `demo`, the window opening the demo profile and showing every
page (startup probe with JEMPUT_PROBE_DEMO=1), `doctor` on it (bundled master
data, Haar cascades, style, translation), `export`, `init` of a new profile
(seed master data found) and `import-targets` from CSV and XLSX (a bad row
listed by its line number). The probe lines are read from $JEMPUT_PROBE_FILE,
so this also works for a windowed build without stdout.

Prints one line per check and ends with ONE line that is a JSON object of
the figures (size, probe seconds, failures).
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSPHRASE = "latihan-jemput-2026"
NEW_PASSPHRASE = "kata-sandi-uji-paket"
TIMEOUT_S = 180


class Smoke:
    def __init__(self, dist: Path, work: Path):
        self.dist = dist
        self.binary = dist / ("jemput.exe" if os.name == "nt" else "jemput")
        self.work = work
        self.failures: list[str] = []
        self.figures: dict[str, float | int | str] = {}

    def run(self, *argv, passphrase: str | None = None, env: dict | None = None):
        clean = {k: v for k, v in os.environ.items()
                 if k not in ("JEMPUT_PASSPHRASE", "JEMPUT_NEW_PASSPHRASE", "JEMPUT_HOME",
                              "JEMPUT_PROBE_FILE", "JEMPUT_PROBE_DEMO", "PYTHONPATH", "PYTHONHOME")}
        clean.setdefault("QT_QPA_PLATFORM", "offscreen")
        clean["JEMPUT_HOME"] = str(self.work / "home")  # never the user's own profile
        if passphrase is not None:
            clean["JEMPUT_PASSPHRASE"] = passphrase
        clean.update(env or {})
        started = time.perf_counter()
        result = subprocess.run([str(self.binary), *map(str, argv)], cwd=self.work, env=clean,
                                capture_output=True, text=True, encoding="utf-8",
                                errors="replace", timeout=TIMEOUT_S, stdin=subprocess.DEVNULL)
        result.seconds = time.perf_counter() - started
        return result

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        print(f"{'ok   ' if ok else 'GAGAL'} {name}{': ' + detail if detail else ''}", flush=True)
        if not ok:
            self.failures.append(name)
        return ok

    def expect(self, name: str, result, *needles: str, code: int = 0, stream: str = "stdout") -> bool:
        text = getattr(result, stream)
        missing = [n for n in needles if n not in text]
        ok = result.returncode == code and not missing and "Traceback" not in result.stderr
        detail = f"{result.seconds:.2f} s"
        if not ok:
            detail += f", exit {result.returncode}, missing {missing}\n{_tail(result.stdout)}{_tail(result.stderr)}"
        return self.check(name, ok, detail)

    def probe(self, data: Path, *, demo: bool):
        probe_file = self.work / f"probe-{'demo' if demo else 'start'}.txt"
        env = {"JEMPUT_PROBE_FILE": str(probe_file)}
        if demo:
            env["JEMPUT_PROBE_DEMO"] = "1"
        result = self.run("--data", data, "--startup-probe", env=env)
        lines = probe_file.read_text(encoding="utf-8").split("\n") if probe_file.exists() else []
        found = {}
        for line in lines:
            parts = line.split()
            if len(parts) >= 2 and parts[0].startswith("STARTUP_"):
                found[parts[0]] = parts[1:]
        return result, found

    # -- the checks -----------------------------------------------------------
    def all(self) -> None:
        if not self.check("binary", self.binary.is_file(), str(self.binary)):
            return
        self.figures["size_mb"] = round(_folder_size(self.dist) / 2**20, 1)

        self.expect("--help", self.run("--help"), "import-targets", "doctor", "demo")
        version = self.run("--version")
        self.check("--version", version.returncode == 0 and re.fullmatch(r"jemput \d\S*\s*", version.stdout)
                   is not None, version.stdout.strip() or version.stderr.strip()[-300:])

        cli = self.dist / ("jemput-cli.exe" if os.name == "nt" else "jemput-cli")
        if self.check("jemput-cli (console program)", cli.is_file(), str(cli)):
            cli_version = subprocess.run([str(cli), "--version"], capture_output=True, text=True,
                                         timeout=TIMEOUT_S, cwd=self.work, stdin=subprocess.DEVNULL)
            self.check("jemput-cli --version", cli_version.stdout == version.stdout and cli_version.returncode == 0,
                       cli_version.stdout.strip() or cli_version.stderr.strip()[-300:])

        fresh = self.work / "baru"
        result, found = self.probe(fresh, demo=False)
        ok = result.returncode == 0 and {"STARTUP_READY", "STARTUP_LOADED"} <= found.keys()
        if self.check("startup probe", ok and not fresh.exists(),
                      f"{found} in {result.seconds:.2f} s" + ("" if ok else _tail(result.stderr))):
            self.figures["probe_ready_s"] = float(found["STARTUP_READY"][0])
            self.figures["probe_loaded_s"] = float(found["STARTUP_LOADED"][0])
            self.figures["probe_process_s"] = round(result.seconds, 3)

        data = self.work / "data"
        self.expect("demo", self.run("--data", data, "demo"), "300 target", DEMO_PASSPHRASE)
        result, found = self.probe(data, demo=True)
        pages = found.get("STARTUP_DEMO", ["", ""])[1:2]
        ok = result.returncode == 0 and pages == ["9"]  # the side navigation's pages (app.ui.main_area.MainArea.PAGES)
        if self.check("window opens the demo", ok,
                      f"{found} in {result.seconds:.2f} s" + ("" if ok else _tail(result.stderr))):
            self.figures["probe_demo_s"] = float(found["STARTUP_DEMO"][0])

        demo = data / "demo"
        doctor = self.run("--data", demo, "doctor", passphrase=DEMO_PASSPHRASE)
        if self.expect("doctor", doctor, "OK         Buka basis data", "OK         Berkas aplikasi",
                       "OK         Integritas basis data"):
            print("      " + "\n      ".join(doctor.stdout.strip().splitlines()))

        export = self.work / "demo.json"
        if self.expect("export", self.run("--data", demo, "export", "--format", "json", "-o", export,
                                          passphrase=DEMO_PASSPHRASE)):
            rows = json.loads(export.read_text(encoding="utf-8"))
            self.check("export content", len(rows) == 10, f"{len(rows)} rekaman")

        field = self.work / "lapangan"
        init = self.run("--data", field, "init", "--operator", "Operator Uji", passphrase=NEW_PASSPHRASE)
        if not self.expect("init", init, "Profil dibuat"):
            return
        self.check("seed master data", re.search(r"data master awal: [1-9][\d.]* wilayah", init.stdout)
                   is not None, init.stdout.strip().splitlines()[-1])
        self.import_targets(field)

    def import_targets(self, field: Path) -> None:
        from app.demo import demo_residents, target_row

        people = [target_row(r) for r in demo_residents(6, seed=41)]
        header = list(people[0])
        rows = [[p[k] for k in header] for p in people[:5]]
        bad = dict(people[5], nik=people[5]["nik"][:15])  # line 7: a 15-digit NIK
        path = self.work / "target.csv"
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(rows + [[bad[k] for k in header]])
        result = self.run("--data", field, "import-targets", path, "--no-progress", passphrase=NEW_PASSPHRASE)
        self.expect("import-targets csv", result, "5 baru, 0 diperbarui, 1 baris tidak valid")
        self.check("import-targets bad row listed", result.stderr.startswith("baris 7:"),
                   result.stderr.strip()[:200])

        try:
            from openpyxl import Workbook
        except ImportError:
            self.check("import-targets xlsx", True, "dilewati: openpyxl tidak terpasang di Python ini")
            return
        book = Workbook()
        sheet = book.active
        sheet.append(header)
        for row in rows:
            sheet.append(row)
        xlsx = self.work / "target.xlsx"
        book.save(xlsx)
        result = self.run("--data", field, "import-targets", xlsx, "--no-progress", passphrase=NEW_PASSPHRASE)
        self.expect("import-targets xlsx", result, "0 baru, 5 diperbarui, 0 baris tidak valid")


def _tail(text: str, lines: int = 15) -> str:
    text = text.strip()
    return "\n" + "\n".join(text.splitlines()[-lines:]) if text else ""


def _folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str]) -> int:
    dist = Path(argv[0] if argv else ROOT / "dist" / "jemput").resolve()
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # app.demo for the generated target rows
    work = Path(tempfile.mkdtemp(prefix="jemput-smoke-"))
    smoke = Smoke(dist, work)
    try:
        smoke.all()
    except subprocess.TimeoutExpired as exc:
        smoke.check("timeout", False, f"{exc.cmd[1:]} > {TIMEOUT_S} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(("Semua pemeriksaan lulus." if not smoke.failures
           else f"{len(smoke.failures)} pemeriksaan GAGAL: {', '.join(smoke.failures)}"))
    print(json.dumps({**smoke.figures, "failed": smoke.failures}))
    return 1 if smoke.failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
