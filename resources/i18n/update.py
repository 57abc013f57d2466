"""Refresh the UI translations: lupdate over app/ui (keeping what is translated), then lrelease.

Run `make translations` (or `python resources/i18n/update.py`) after adding or
changing `tr()` strings. New or changed strings land in `jemput_<lang>.ts`
marked `type="unfinished"`; translate them (Qt Linguist: `pyside6-linguist
resources/i18n/jemput_en.ts`, or by hand in the XML), then run this again.
lrelease leaves unfinished entries out of the .qm, so the UI shows the
Indonesian source for them until they are done; tests/ui/test_i18n.py fails
while any are left.

Options: `--no-release` only merges the .ts files; `--keep-obsolete` keeps
strings no longer in the code (marked vanished) instead of dropping them.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

I18N_DIR = Path(__file__).resolve().parent
ROOT = I18N_DIR.parent.parent
SOURCE_DIR = ROOT / "app" / "ui"
SOURCE_LANGUAGE = "id"
LANGUAGES = ("en",)


def ts_path(lang: str) -> Path:
    return I18N_DIR / f"jemput_{lang}.ts"


def qm_path(lang: str) -> Path:
    return I18N_DIR / f"jemput_{lang}.qm"


def source_files() -> list[Path]:
    """Every Python file of the UI, in a stable order."""
    return sorted(SOURCE_DIR.rglob("*.py"))


def qt_tool(name: str) -> str:
    """Path of lupdate/lrelease shipped inside the PySide6 wheel (or a pyside6-<name> on PATH)."""
    exe = name + (".exe" if os.name == "nt" else "")
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / exe
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found: install PySide6 (pip install -e '.[test]')")
    return found


def lupdate(ts: Path, *, keep_obsolete: bool = False, quiet: bool = False) -> None:
    """Extract the tr() strings of app/ui into `ts`, merging with what it already holds."""
    args = [qt_tool("lupdate"), *(os.path.relpath(p, ROOT) for p in source_files()),
            "-source-language", SOURCE_LANGUAGE, "-target-language", ts.stem.rsplit("_", 1)[-1],
            "-ts", os.path.relpath(ts, ROOT)]
    if not keep_obsolete:
        args.insert(1, "-no-obsolete")
    if quiet:
        args.insert(1, "-silent")
    subprocess.run(args, cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path, *, quiet: bool = False) -> None:
    """Compile `ts` to `qm`, leaving out unfinished translations."""
    args = [qt_tool("lrelease"), "-nounfinished", str(ts), "-qm", str(qm)]
    if quiet:
        args.insert(1, "-silent")
    subprocess.run(args, cwd=ROOT, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-release", action="store_true", help="only update the .ts files")
    parser.add_argument("--keep-obsolete", action="store_true", help="keep strings gone from the code")
    args = parser.parse_args(argv)
    for lang in LANGUAGES:
        lupdate(ts_path(lang), keep_obsolete=args.keep_obsolete)
        if not args.no_release:
            lrelease(ts_path(lang), qm_path(lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
