"""Durations as documents write them ("binnen 6 weken", "na maximaal twee jaar"): `eenheid: dagen`,
`weken`, `maanden`, `jaar`, read with their word in goals, baselines, imports and reports."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from lea_rules.data.problems import ValueProblem
from lea_rules.data.template import MEASURE_WORDS, RequestRow
from lea_rules.data.values import PLAUSIBLE_MAX, UNIT_WORDS, read_value
from lea_rules.evaluation.engine import evaluate
from lea_rules.evaluation.shown_units import unit_words
from lea_rules.nodes import CompareGoal, Unit
from lea_rules.words import nl
from lea_rules.words.goals import describe_goal
from tests.evaluation_helpers import build_agenda, obs

DURATIONS = (Unit.DAYS, Unit.WEEKS, Unit.MONTHS, Unit.YEARS)
AGENDA = build_agenda("""\
gemeente: "Testdorp"
titel: "LEA Testdorp 2025-2028"
periode: 2025-2028

indicator wachttijd "Gemiddelde wachttijd voor jeugdhulp via school"
  eenheid: weken
  beter: lager
  meting: kalenderjaar

indicator doorstroomduur "Duur tot doorstroom naar regulier onderwijs"
  eenheid: jaar
  beter: lager
  meting: kalenderjaar

thema 1 "Zorg"
  resultaat wacht "De gemiddelde wachttijd is in 2027 maximaal 6 weken"
    doel: wachttijd <= 6 weken in 2027
    basis: 9,5 weken in 2024
  resultaat door "Nieuwkomers stromen na maximaal twee jaar door"
    doel: doorstroomduur maximaal 2 jaar jaarlijks
""")


def test_every_unit_has_its_words_for_data_and_template() -> None:
    for unit in Unit:
        if unit is not Unit.PERCENTAGE_POINT:  # only the change of a percentage, never an indicator's
            assert unit in MEASURE_WORDS, unit
        assert unit in UNIT_WORDS, unit
    for unit in DURATIONS:
        assert unit in PLAUSIBLE_MAX and MEASURE_WORDS[unit] == unit.value


def test_the_goal_and_the_baseline_keep_their_word() -> None:
    goals = {r.code: (r, r.goals[0]) for _, r in AGENDA.all_results()}
    result, goal = goals["wacht"]
    assert isinstance(goal, CompareGoal) and goal.value.unit is Unit.WEEKS
    assert describe_goal(goal) == "wachttijd <= 6 weken in 2027"
    assert result.baseline is not None and result.baseline[0].describe() == "9,5 weken"
    assert AGENDA.indicator("wachttijd").bounds() == (Decimal(0), None)  # type: ignore[union-attr]


def test_the_report_says_the_duration_in_both_languages() -> None:
    assert [unit_words(u.value, "nl") for u in DURATIONS] == ["dagen", "weken", "maanden", "jaar"]
    assert [unit_words(u.value, "en") for u in DURATIONS] == ["days", "weeks", "months", "years"]
    report = evaluate(AGENDA, [obs("wachttijd", "2025", "8.5"), obs("wachttijd", "2026", "7")], None, 2026)
    (goal,) = next(r for r in report.results if r.code == "wacht").goals
    assert goal.unit == "weken"
    assert nl.aim(goal.explanation.target_text) == "<= 6 weken"


@pytest.mark.parametrize(("raw", "unit", "value"), [
    ("6 weken", Unit.WEEKS, Decimal(6)), ("9,5 weken", Unit.WEEKS, Decimal("9.5")),
    ("6", Unit.WEEKS, Decimal(6)), ("2 jaar", Unit.YEARS, Decimal(2)), ("14 dagen", Unit.DAYS, Decimal(14)),
    ("3 maanden", Unit.MONTHS, Decimal(3)),
])
def test_an_imported_value_may_carry_its_word(raw: str, unit: Unit, value: Decimal) -> None:
    indicator = next(i for i in AGENDA.indicators if i.name == "wachttijd")
    assert read_value(raw, replace(indicator, unit=unit)).number == value


def test_an_imported_value_in_another_duration_is_refused() -> None:
    indicator = next(i for i in AGENDA.indicators if i.name == "wachttijd")
    with pytest.raises(ValueProblem) as refused:
        read_value("42 dagen", indicator)
    assert refused.value.code == "D221" and "een aantal dagen" in str(refused.value)
    assert "een aantal weken" in str(refused.value)


def test_the_template_asks_for_the_duration() -> None:
    indicator = next(i for i in AGENDA.indicators if i.name == "doorstroomduur")
    assert RequestRow(indicator, "2026", "", None).cells()[2] == "jaar"
