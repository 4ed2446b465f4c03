"""Golden snapshots of `lea evaluate --format json` for the shipped agendas.

These pin the evaluation's JSON twin byte for byte, so that a restructuring of the evaluation
(typed values, one words layer, one Period) can show that nothing a user or another tool reads
has changed. Regenerate deliberately with `LEA_BLESS=1 pytest tests/test_evaluation_golden.py`
and review the diff before committing it.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from lea_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
CASES = [(name, year) for name in ("hengelo", "enschede", "midden-groningen") for year in (2024, 2025)]


@pytest.mark.parametrize(("name", "year"), CASES)
def test_evaluation_json_matches_golden(name: str, year: int, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["evaluate", str(ROOT / "agendas" / f"{name}.lea"), "--year", str(year), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err[-3000:]
    # the JSON names the agenda by its absolute path: the checkout's place is not behaviour
    actual = captured.out.replace(json.dumps(str(ROOT))[1:-1], "<project>")
    golden = GOLDEN / f"evaluate-{name}-{year}.json"
    if os.environ.get("LEA_BLESS") == "1":
        golden.write_text(actual, encoding="utf-8")
        return
    assert golden.is_file(), f"{golden} is missing: run LEA_BLESS=1 pytest {Path(__file__).name}"
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            golden.name, "lea evaluate", n=2))
        pytest.fail(f"`lea evaluate {name} --year {year} --format json` differs from {golden.name}; "
                    f"review it and bless with LEA_BLESS=1:\n{diff[:6000]}")


@pytest.mark.parametrize("name", ["hengelo", "enschede", "midden-groningen"])
def test_evaluation_table_matches_golden(name: str, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The terminal table reads the same evaluation: pinned too, so both faces stay in step."""
    monkeypatch.setenv("COLUMNS", "160")
    code = main(["evaluate", str(ROOT / "agendas" / f"{name}.lea"), "--year", "2025"])
    captured = capsys.readouterr()
    assert code == 0, captured.err[-3000:]
    golden = GOLDEN / f"evaluate-{name}-2025.txt"
    if os.environ.get("LEA_BLESS") == "1":
        golden.write_text(captured.out, encoding="utf-8")
        return
    assert golden.is_file(), f"{golden} is missing: run LEA_BLESS=1 pytest {Path(__file__).name}"
    expected = golden.read_text(encoding="utf-8")
    if captured.out != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), captured.out.splitlines(True),
                                            golden.name, "lea evaluate", n=2))
        pytest.fail(f"the table of `lea evaluate {name}` differs from {golden.name}; review it and bless "
                    f"with LEA_BLESS=1:\n{diff[:6000]}")
