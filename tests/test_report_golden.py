"""Golden snapshot of the rendered report for the small fixture agenda.

The report is made through the CLI, as a user makes it, from a copy of
tests/fixtures/report_small with fixed file dates (the "stand van de gegevens"). Only the
generation date is normalised. Regenerate deliberately with `LEA_BLESS=1 pytest
tests/test_report_golden.py` and review the diff before committing it.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from lea_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "report_small"
GOLDEN = ROOT / "tests" / "golden"
DATA_TIME = datetime(2025, 6, 30, 12, 0).timestamp()

GENERATED = re.compile(r'<time class="generated" datetime="[^"]*">[^<]*</time>')


def normalise(html: str) -> str:
    return GENERATED.sub('<time class="generated" datetime="GENERATED">GENERATED</time>', html)


def render_fixture(tmp_path: Path, lang: str) -> str:
    work = tmp_path / "kleinstad"
    shutil.copytree(FIXTURE, work)
    for path in (work / "data" / "kleinstad").iterdir():
        os.utime(path, (DATA_TIME, DATA_TIME))
    out = tmp_path / f"report-{lang}.html"
    code = main(["report", str(work / "kleinstad.lea"), "--year", "2025", "--lang", lang, "-o", str(out)])
    assert code == 0
    return normalise(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("lang", "name"),
                         [("nl", "report-kleinstad.html"), ("en", "report-kleinstad-en.html")])
def test_report_matches_golden(lang: str, name: str, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    actual = render_fixture(tmp_path, lang)
    capsys.readouterr()
    golden = GOLDEN / name
    if os.environ.get("LEA_BLESS") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    assert golden.is_file(), f"{golden} is missing: run LEA_BLESS=1 pytest {Path(__file__).name}"
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            str(golden), "rendered", n=2))
        pytest.fail(f"the report differs from {golden.name}; review it and bless with LEA_BLESS=1:\n"
                    f"{diff[:6000]}")


def test_normalise_only_touches_the_generation_date() -> None:
    html = '<p>x</p><time class="generated" datetime="2025-07-01">1 juli 2025</time><p>30 juni 2025</p>'
    assert normalise(html) == ('<p>x</p><time class="generated" datetime="GENERATED">GENERATED</time>'
                               "<p>30 juni 2025</p>")
