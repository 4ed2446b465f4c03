"""Every data diagnostic code (D100-D499) that lea can print is explained in docs/data.md, and vice versa.

The section "## Alle meldingen (D-codes)" has one table row per code: the code, what is
wrong (when it fires) and how to fix it.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "data.md"
SECTION = "## Alle meldingen (D-codes)"
ROW = re.compile(r"^\| (D\d{3}) \|(.*)\|\s*$", re.M)


def codes_in_source() -> dict[str, list[str]]:
    """Code -> the source files that use it, for every `"Dnnn"` string in lea_rules/."""
    used: dict[str, list[str]] = {}
    for path in sorted((ROOT / "lea_rules").rglob("*.py")):
        for code in re.findall(r"\"(D\d{3})\"", path.read_text(encoding="utf-8")):
            used.setdefault(code, []).append(str(path.relative_to(ROOT)))
    return used


def section_text() -> str:
    text = DOCS.read_text(encoding="utf-8")
    assert text.count(SECTION) == 1, f"docs/data.md heeft geen (of meer dan één) sectie '{SECTION}'"
    rest = text.split(SECTION, 1)[1]
    following = re.search(r"^## ", rest, re.M)
    return rest[: following.start()] if following else rest


def documented_rows() -> list[tuple[str, list[str]]]:
    return [(code, [cell.strip() for cell in cells.split(" | ")])
            for code, cells in ROW.findall(section_text())]


def test_source_scan_finds_the_data_codes() -> None:
    used = codes_in_source()
    assert len(used) >= 60, sorted(used)
    assert "D406" in used and "lea_rules/commands/check.py" in used["D406"]  # outside lea_rules/data


def test_every_code_in_the_source_is_documented() -> None:
    documented = {code for code, _ in documented_rows()}
    missing = {code: files for code, files in codes_in_source().items() if code not in documented}
    assert not missing, f"codes zonder uitleg in '{SECTION}' van docs/data.md: {missing}"


def test_every_documented_code_is_used() -> None:
    used = codes_in_source()
    stale = sorted(code for code, _ in documented_rows() if code not in used)
    assert not stale, f"docs/data.md documenteert codes die lea niet (meer) geeft: {stale}"


def test_each_code_is_documented_once_with_meaning_and_fix() -> None:
    rows = documented_rows()
    double = sorted(code for code, n in Counter(code for code, _ in rows).items() if n > 1)
    assert not double, f"een code hoort één betekenis (één rij) te hebben: {double}"
    for code, cells in rows:
        assert len(cells) == 2 and all(len(cell) > 10 for cell in cells), (
            f"{code}: de rij moet zeggen wat er mis is en hoe je het oplost: {cells}")


def test_codes_mentioned_elsewhere_in_the_docs_exist() -> None:
    used = codes_in_source()
    mentioned = set(re.findall(r"\bD\d{3}\b", DOCS.read_text(encoding="utf-8")))
    assert mentioned <= set(used), sorted(mentioned - set(used))
