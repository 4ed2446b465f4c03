"""Golden snapshots of the rendered report for the small fixture agenda, both editions.

The working edition (`--werkversie`) is report-kleinstad*.html, the council edition (the default)
report-kleinstad-raad*.html.

The report is made through the CLI, as a user makes it, from a copy of
tests/fixtures/report_small. The "stand van de gegevens" comes from the fixture's
leveringen.csv and the report has no date of its own making, so nothing is normalised: the
file must be the same byte for byte. Regenerate deliberately with `LEA_BLESS=1 pytest
tests/test_report_golden.py` and review the diff before committing it.
"""

from __future__ import annotations

import difflib
import os
import shutil
import time
from pathlib import Path

import pytest

from lea_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "report_small"
GOLDEN = ROOT / "tests" / "golden"


WORKING = ("--werkversie",)
COUNCIL: tuple[str, ...] = ()


def render_fixture(tmp_path: Path, lang: str, edition: tuple[str, ...] = WORKING) -> str:
    work = tmp_path / "kleinstad"
    shutil.copytree(FIXTURE, work)
    now = time.time()
    for path in (work / "data" / "kleinstad").iterdir():
        os.utime(path, (now, now))  # file times are not the data's date: they must not matter
    out = tmp_path / f"report-{lang}.html"
    code = main(["report", str(work / "kleinstad.lea"), "--year", "2025", "--lang", lang, "-o", str(out),
                 *edition])
    assert code == 0
    return out.read_bytes().decode("utf-8")


@pytest.mark.parametrize(("lang", "edition", "name"),
                         [("nl", WORKING, "report-kleinstad.html"),
                          ("en", WORKING, "report-kleinstad-en.html"),
                          ("nl", COUNCIL, "report-kleinstad-raad.html"),
                          ("en", COUNCIL, "report-kleinstad-raad-en.html")],
                         ids=["werkversie-nl", "werkversie-en", "raadsversie-nl", "raadsversie-en"])
def test_report_matches_golden(lang: str, edition: tuple[str, ...], name: str, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    actual = render_fixture(tmp_path, lang, edition)
    capsys.readouterr()
    golden = GOLDEN / name
    if os.environ.get("LEA_BLESS") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual.encode("utf-8"))
        return
    assert golden.is_file(), f"{golden} is missing: run LEA_BLESS=1 pytest {Path(__file__).name}"
    expected = golden.read_bytes().decode("utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            str(golden), "rendered", n=2))
        pytest.fail(f"the report differs from {golden.name}; review it and bless with LEA_BLESS=1:\n"
                    f"{diff[:6000]}")


def test_cover_shows_the_delivery_date_and_no_date_of_making(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    html = render_fixture(tmp_path, "nl")
    capsys.readouterr()
    assert "<dt>Stand van de gegevens</dt><dd>30 juni 2025</dd>" in html
    assert "Gemaakt op" not in html and 'class="generated"' not in html
    assert str(tmp_path) not in html


def test_without_a_delivery_log_the_date_is_unknown(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    work = tmp_path / "kleinstad"
    shutil.copytree(FIXTURE, work)
    (work / "data" / "kleinstad" / "leveringen.csv").unlink()
    out = tmp_path / "report.html"
    agenda = str(work / "kleinstad.lea")
    assert main(["report", agenda, "--year", "2025", "-o", str(out), "--werkversie"]) == 0
    capsys.readouterr()
    html = out.read_text(encoding="utf-8")
    assert "<dt>Stand van de gegevens</dt><dd>onbekend: geen leveringen.csv</dd>" in html
    assert main(["evaluate", str(work / "kleinstad.lea"), "--year", "2025", "--format", "json"]) == 0
    assert '"data_date": null' in capsys.readouterr().out
