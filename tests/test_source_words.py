"""Where a figure comes from is typed; the words layer says it, in Dutch for JSON and in English."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from lea_rules.cli import main
from lea_rules.verdict.figures import AgendaBaseline, Derived
from lea_rules.words import en, nl

ROOT = Path(__file__).resolve().parent.parent


def test_sources_in_dutch_as_the_json_has_them() -> None:
    assert nl.source(Derived()) == "berekend met de formule van de indicator"
    formula = Derived("{0} / {1} \u00d7 {2}", (Decimal(463), Decimal(10884), Decimal(100)))
    assert nl.source(formula) == "berekend: 463 / 10.884 \u00d7 100"
    assert nl.source(AgendaBaseline()) == "basis in de agenda"
    assert nl.source(AgendaBaseline(undated=True)) == "basis in de agenda, zonder datum"


def test_sources_in_english() -> None:
    assert en.source(Derived()) == "computed with the indicator's formula"
    formula = Derived("{0} / {1} \u00d7 {2}", (Decimal("463.5"), Decimal(10884), Decimal(100)))
    assert en.source(formula) == "computed: 463.5 / 10,884 \u00d7 100"
    assert en.source(AgendaBaseline()) == "baseline in the agenda"
    assert en.source(AgendaBaseline(undated=True)) == "baseline in the agenda, undated"


@pytest.mark.parametrize("version", [[], ["--werkversie"]])
def test_english_report_of_hengelo_says_its_sources_in_english(tmp_path: Path, version: list[str]) -> None:
    out = tmp_path / "hengelo-en.html"
    code = main(["report", str(ROOT / "agendas" / "hengelo.lea"), "--year", "2025", "--lang", "en",
                 "-o", str(out), *version])
    assert code == 0
    text = out.read_text(encoding="utf-8")
    if version:
        assert 'id="kengetallen-kop"' in text  # the agenda has kengetallen, some derived by formula
    assert "baseline in the agenda" in text
    assert "berekend" not in text
    assert "basis in de agenda" not in text
