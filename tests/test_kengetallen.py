"""Kengetallen (`soort: kengetal`): their figures in the evaluation, derived ones computed.

Hengelo's verzuimpercentage is derived from the real jaarverslag counts and must reproduce
the published 3,47% (2021/2022) and 4,25% (2022/2023); with Borne's counts
(data/borne-referentie, read with gemeente="Borne") the published 2,13% and 3,29%.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lea_rules.cli import main
from lea_rules.evaluation.engine import evaluate
from lea_rules.evaluation.model import EvaluationReport, KengetalSeries
from lea_rules.evaluation.series import formula_text
from lea_rules.nodes import Agenda
from lea_rules.words import nl
from tests.evaluation_helpers import build_agenda, declared, obs

ROOT = Path(__file__).resolve().parent.parent
HENGELO = str(ROOT / "agendas" / "hengelo.lea")

SMALL = """\
gemeente: "Testdorp"
titel: "LEA Testdorp 2024-2027"
periode: 2024-2027
groep wijk: "wijk"

indicator teller "Teller"
  eenheid: aantal
  beter: lager
  meting: kalenderjaar
  per: wijk

indicator noemer "Noemer"
  eenheid: aantal
  beter: niveau
  meting: kalenderjaar
  per: wijk

indicator aandeel "Aandeel"
  eenheid: %
  beter: lager
  meting: kalenderjaar
  per: wijk
  formule: teller / noemer * 100
  soort: kengetal

indicator los "Niet gevolgd"
  eenheid: aantal
  beter: lager
  meting: kalenderjaar

thema 1 "Los"
  resultaat "Minder los"
    doel: los < 5 in 2027
"""


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> EvaluationReport:
    assert main(["evaluate", *args, "--format", "json"]) == 0
    return EvaluationReport.model_validate_json(capsys.readouterr().out)


def series_of(report: EvaluationReport, name: str) -> KengetalSeries:
    (found,) = [k for k in report.kengetallen if k.indicator == name]
    return found


def rounded(series: KengetalSeries, unit: str | None = None) -> dict[str, float]:
    return {p.period.text: round(float(p.value), 2) for p in series.points
            if p.unit == unit and p.value is not None}


def test_hengelo_verzuim_reproduces_the_published_percentages(capsys: pytest.CaptureFixture[str]) -> None:
    report = run_json(capsys, HENGELO, "--year", "2025")
    verzuim = series_of(report, "verzuim-percentage")
    assert verzuim.derived and verzuim.unit == "%"
    assert verzuim.formula == "jongeren-met-verzuim / leerplichtigen * 100"
    values = rounded(verzuim)
    assert values["2021/2022"] == 3.47 and values["2022/2023"] == 4.25
    real = {p.period.text: p for p in verzuim.points}
    assert real["2022/2023"].derived and not real["2022/2023"].illustrative
    assert real["2022/2023"].source == "berekend: 463 / 10.884 × 100"
    assert real["2022/2023"].inputs == {"jongeren-met-verzuim": 463, "leerplichtigen": 10884}
    # the demo years are made of illustrative counts, so the derived figure is illustrative too
    assert real["2024/2025"].illustrative


def test_borne_reference_data_gives_borne_percentages() -> None:
    # Borne's rows are read against Hengelo's indicators only when the caller says whose they are;
    # `lea evaluate hengelo --data data/borne-referentie` is refused (D510, see test_deliveries.py).
    from lea_rules.api import load_agenda
    from lea_rules.data.store import load_observations

    agenda = load_agenda(HENGELO)
    borne = load_observations(ROOT / "data" / "borne-referentie", agenda, gemeente="Borne")
    report = evaluate(agenda, borne, None, 2025)
    verzuim = series_of(report, "verzuim-percentage")
    assert rounded(verzuim) == {"2021/2022": 2.13, "2022/2023": 3.29}
    assert [nl.source(p.source) for p in verzuim.points] == ["berekend: 75 / 3.518 × 100",
                                                             "berekend: 121 / 3.683 × 100"]
    # no counts per wijk for Borne: the wijk kengetallen are there, without figures
    risk = series_of(report, "risico-onderwijsachterstand")
    assert risk.points == [] and risk.units == []


def test_hengelo_risk_per_wijk_keeps_the_wijken_without_a_figure(capsys: pytest.CaptureFixture[str]) -> None:
    report = run_json(capsys, HENGELO, "--year", "2025")
    names = [k.indicator for k in report.kengetallen]
    assert names == ["verzuim-percentage", "kinderen-2-13", "kinderen-risico-achterstand",
                     "risico-onderwijsachterstand"]
    risk = series_of(report, "risico-onderwijsachterstand")
    assert risk.group == "wijk" and not risk.derived
    # the wijken as data/hengelo/eenheden.csv declares them; the municipality total has no unit
    assert risk.units[:2] == ["Wijk 00 Binnenstad", "Wijk 01 Hengelose Es"] and len(risk.units) == 10
    values = {p.unit: p.value for p in risk.points}
    assert values["Wijk 02 Noord"] == 25 and values[None] == 15
    assert "Wijk 00 Binnenstad" not in values and "Wijk 09 Buitengebied" not in values
    assert "Wijk 00 Binnenstad" in risk.units and "Wijk 09 Buitengebied" in risk.units


def test_peiljaar_limits_the_figures() -> None:
    # The CLI refuses a peiljaar before the nulmeting year; the engine filter is tested directly.
    from lea_rules.api import load_agenda
    from lea_rules.data.store import load_observations

    agenda = load_agenda(HENGELO)
    report = evaluate(agenda, load_observations(ROOT / "data" / "hengelo", agenda), None, 2022)
    assert [p.period.text for p in series_of(report, "verzuim-percentage").points] == ["2021/2022"]
    assert series_of(report, "risico-onderwijsachterstand").points == []


def test_table_lists_the_kengetallen_after_the_results(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", HENGELO, "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert out.index("Kengetallen") > out.index("resultaten:")
    line = next(row for row in out.splitlines() if "2022/2023" in row and "berekend" in row)
    assert "4,25%" in line and "totaal" in line and "463 / 10.884 × 100" in line
    assert any("Wijk 02 Noord" in row and "25%" in row for row in out.splitlines())


@pytest.fixture(scope="module")
def small() -> Agenda:
    return build_agenda(SMALL)


def test_derived_per_unit_and_missing_inputs_give_no_point(small: Agenda) -> None:
    observations = [
        obs("teller", "2024", "30", unit="Noord"), obs("noemer", "2024", "200", unit="Noord"),
        obs("teller", "2024", "5", unit="Zuid"),  # no noemer for Zuid: no figure, never zero
        obs("teller", "2024", "4", unit="West"), obs("noemer", "2024", "0", unit="West"),  # / 0
        obs("noemer", "2024", "100", unit="Oost"),
        obs("teller", "2024", "39"), obs("noemer", "2024", "300"),  # totals
    ]
    wijken = declared("wijk", "Noord", "Zuid", "West", "Oost")
    report = evaluate(small, observations, None, 2025, units=wijken)
    (aandeel,) = report.kengetallen
    assert aandeel.units == ["Noord", "Zuid", "West", "Oost"]
    assert [(p.unit, p.value) for p in aandeel.points] == [(None, 13.0), ("Noord", 15.0)]
    assert nl.source(aandeel.points[1].source) == "berekend: 30 / 200 × 100"
    assert all(p.derived for p in aandeel.points)


def test_only_context_indicators_are_kengetallen(small: Agenda) -> None:
    report = evaluate(small, [obs("los", "2024", "3")], None, 2025)
    assert [k.indicator for k in report.kengetallen] == ["aandeel"]
    assert report.kengetallen[0].points == []


def test_formula_text_brackets_only_where_needed() -> None:
    written = "(teller - noemer) / (noemer - (teller + 1)) * -(teller + 2)"
    agenda = build_agenda(SMALL.replace("formule: teller / noemer * 100", f"formule: {written}"))
    indicator = agenda.indicator("aandeel")
    assert indicator is not None and indicator.formula is not None
    assert formula_text(indicator.formula) == written
    assert formula_text(indicator.formula, str.upper, times="×").startswith("(TELLER - NOEMER) / ")
