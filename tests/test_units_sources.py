"""A count over units: 'Bronnen' names where the units' figures come from, and the count
(`4 van 7 IKC's voldoen`) heads the table of the counted units. A new writer found
"Bronnen: 4 van 6 voorscholen voldoen" in the report: the explanation in the place of the sources.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from lea_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent


def report_text(name: str, tmp_path: Path, *extra: str) -> str:
    out = tmp_path / f"{name}.html"
    agenda = str(ROOT / "agendas" / f"{name}.lea")
    assert main(["report", agenda, "--year", "2025", "-o", str(out), *extra]) == 0
    text = re.sub(r"<[^>]+>", " ", out.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", html.unescape(text))


@pytest.mark.parametrize("extra", [(), ("--werkversie",)], ids=["raadsversie", "werkversie"])
def test_the_sources_of_a_count_over_units_are_the_sources_of_its_figures(
        extra: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = report_text("hengelo", tmp_path, *extra)
    capsys.readouterr()
    sources = re.findall(r"Bronnen:? (.{0,80})", text)
    assert sources and not [s for s in sources if re.match(r"\d+ van \d+ ", s)], sources
    counted = re.findall(r"Getelde eenheden \((?:\d{4}/)?\d{4}\):? \(?(\d+ van \d+ [^):;]+ voldo\w+)", text)
    assert "4 van 7 IKC's voldoen" in counted, counted
