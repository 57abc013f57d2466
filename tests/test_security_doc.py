"""docs/SECURITY.md names the tests that show each answer: every test file and test it names exists, and
every threat of issue 12 has its section."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "SECURITY.md").read_text(encoding="utf-8")
THREATS = ("Lost or stolen laptop", "Departed operator", "Curious colleague", "Malicious network",
           "Tampered record", "Careless export")


def test_every_threat_has_its_section():
    headings = re.findall(r"^## (.+)$", DOC, flags=re.M)
    assert [h for h in headings if h in THREATS] == list(THREATS)


def test_every_named_test_exists():
    files = set(re.findall(r"tests/[\w/]+\.py", DOC))
    assert files and all((ROOT / f).is_file() for f in files), sorted(f for f in files if not (ROOT / f).is_file())
    defined = {name for path in (ROOT / "tests").rglob("*.py")
               for name in re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), flags=re.M)}
    named = set(re.findall(r"(?:::|`)(test_\w+)`", DOC))  # `test_x` and path.py::test_x`
    missing = sorted(n for n in named if n not in defined)
    assert len(named) > 30 and not missing, missing
