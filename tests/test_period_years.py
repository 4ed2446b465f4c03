"""Which schooljaren belong to an agenda's period: one rule for W210, the data request and the evaluation.

A schooljaar belongs to the kalenderjaar in which it ends (period.year_of, docs/language.md *Welk
jaar een tijd telt*). For an agenda 2024-2027 that is 2023/2024 up to 2026/2027: `lea template`
asks for exactly those in the peiljaren 2024-2027, the evaluation judges them in those peiljaren,
`per schooljaar` has them as occurrences, and W210 keeps quiet about them and warns about the rest.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lea_rules.api import check_source
from lea_rules.data.template import request_period
from lea_rules.evaluation.goals.recurring import occurrence_moments
from lea_rules.nodes import Indicator, Measure, Moment
from lea_rules.period import in_period, is_past, year_of
from lea_rules.recurrence import Recurrence
from lea_rules.source import SourceFile, Span
from lea_rules.tijdstip import school_year_span

PERIOD = (2024, 2027)
SPAN = Span(1, 1, 1, 2)

AGENDA = """gemeente: "Voorbeeld"
titel: "LEA Voorbeeld 2024-2027"
periode: 2024-2027
indicator vve-bereik "Bereik VVE"
  eenheid: %
  beter: hoger
  meting: schooljaar
thema 1 "Kansengelijkheid"
  ambitie 1.1 "Elk kind een goede start"
    resultaat "Het bereik"
      doel: vve-bereik >= 85% in {moment}
    actie "Een leerlijn"
      gereed: {ready}
"""


def codes(moment: str, ready: str = "2027") -> list[str]:
    checked = check_source(SourceFile("jaren.lea", AGENDA.format(moment=moment, ready=ready)))
    return [d.code for d in checked.diagnostics]


def school_indicator() -> Indicator:
    checked = check_source(SourceFile("jaren.lea", AGENDA.format(moment="2027", ready="2027")))
    assert checked.agenda is not None
    indicator = checked.agenda.indicator("vve-bereik")
    assert indicator is not None and indicator.measure is Measure.SCHOOL_YEAR
    return indicator


def test_the_schooljaren_the_template_asks_for_are_the_ones_w210_accepts() -> None:
    indicator = school_indicator()
    asked = [request_period(indicator, peiljaar) for peiljaar in range(PERIOD[0], PERIOD[1] + 1)]
    assert asked == ["2023/2024", "2024/2025", "2025/2026", "2026/2027"]
    for text in asked:
        assert codes(text) == [], text
    assert codes("2022/2023") == ["W210"]
    assert codes("2027/2028") == ["W210"]  # ends in 2028, after the period
    assert codes("2028/2029") == ["W210"]


def test_per_schooljaar_has_the_same_schooljaren_and_each_is_judged_in_its_peiljaar() -> None:
    recurrence = Recurrence(SPAN, "per schooljaar", school_year=True)
    moments = occurrence_moments(recurrence, PERIOD)
    assert [f"{m.year}/{m.year + 1}" for m in moments] == ["2023/2024", "2024/2025", "2025/2026",
                                                            "2026/2027"]
    for peiljaar, moment in zip(range(PERIOD[0], PERIOD[1] + 1), moments, strict=True):
        assert is_past(moment, peiljaar) and not is_past(moment, peiljaar - 1)


@given(st.integers(2000, 2050))
def test_a_schooljaar_belongs_to_the_year_it_ends_in_whatever_its_form(first: int) -> None:
    moment = Moment(Measure.SCHOOL_YEAR, first, SPAN)
    span = school_year_span(first)
    assert year_of(moment) == year_of(span) == first + 1
    assert in_period(moment, PERIOD) == in_period(span, PERIOD) == (2023 <= first <= 2026)


def test_planning_uses_the_same_year_with_its_margin() -> None:
    assert codes("2027", ready="schooljaar 2027/2028") == []  # ends in 2028: within a year
    assert codes("2027", ready="schooljaar 2028/2029") == ["W310"]  # ends in 2029
    assert codes("2027", ready="schooljaar 2022/2023") == []  # ends in 2023: within a year
    assert codes("2027", ready="schooljaar 2021/2022") == ["W310"]
