"""A count over units of a rating (`alle voorschool met oordeel >= "voldoende"`): the order of the
indicator's `waarden:` decides, as it does for the same comparison for the whole municipality."""

from __future__ import annotations

from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from lea_rules.evaluation.model import Status
from lea_rules.nodes import Agenda
from tests.evaluation_helpers import build_agenda, declared, obs, result_of

RATINGS = ("onvoldoende", "voldoende", "goed")
COMPARISONS = (">=", "minimaal", ">", "=")  # beter: hoger; `<=` is E230 there


@cache
def agenda(comparison: str, required: str) -> Agenda:
    return build_agenda(f"""\
gemeente: "Testdorp"
titel: "LEA Testdorp 2024-2027"
periode: 2024-2027
groep voorschool: "voorschool"

indicator oordeel "Oordeel van de inspectie per voorschool"
  eenheid: oordeel
  waarden: "onvoldoende", "voldoende", "goed"
  beter: hoger
  per: voorschool

indicator oordeel-gemeente "Oordeel van de inspectie voor de gemeente"
  eenheid: oordeel
  waarden: "onvoldoende", "voldoende", "goed"
  beter: hoger

thema 1 "Alles"
  resultaat r1 "Alle voorscholen"
    doel: alle voorschool met oordeel {comparison} "{required}" in 2025
  resultaat r2 "De gemeente"
    doel: oordeel-gemeente {comparison} "{required}" in 2025
""")


def test_at_least_voldoende_counts_goed_and_voldoende() -> None:
    units = declared("voorschool", "A", "B", "C")
    data = [obs("oordeel", "2025", unit="A", rating="goed"), obs("oordeel", "2025", unit="B", rating="goed"),
            obs("oordeel", "2025", unit="C", rating="voldoende")]
    for comparison in (">=", "minimaal"):
        found = result_of("r1", data, 2025, agenda=agenda(comparison, "voldoende"), units=units)
        goal = found.goals[0]
        assert goal.status is Status.ACHIEVED, (comparison, goal.status)
        checks = goal.explanation.units
        assert [c.meets for c in checks] == [True, True, True]


def test_one_onvoldoende_misses() -> None:
    units = declared("voorschool", "A", "B")
    data = [obs("oordeel", "2025", unit="A", rating="goed"),
            obs("oordeel", "2025", unit="B", rating="onvoldoende")]
    goal = result_of("r1", data, 2025, agenda=agenda(">=", "voldoende"), units=units).goals[0]
    assert goal.status is Status.NOT_ACHIEVED
    checks = goal.explanation.units
    assert [c.meets for c in checks] == [True, False]


@settings(max_examples=60, deadline=None)
@given(ratings=st.lists(st.sampled_from(RATINGS), min_size=1, max_size=5),
       comparison=st.sampled_from(COMPARISONS), required=st.sampled_from(RATINGS))
def test_count_equals_units_passing_the_municipality_comparison(
        ratings: list[str], comparison: str, required: str) -> None:
    names = [f"V{i}" for i in range(len(ratings))]
    units = declared("voorschool", *names)
    data = [obs("oordeel", "2025", unit=n, rating=r) for n, r in zip(names, ratings, strict=True)]
    goal = result_of("r1", data, 2025, agenda=agenda(comparison, required), units=units).goals[0]
    checks = goal.explanation.units
    one_by_one = []
    for rating in ratings:
        whole = result_of("r2", [obs("oordeel-gemeente", "2025", rating=rating)], 2025,
                          agenda=agenda(comparison, required)).goals[0]
        one_by_one.append(whole.status is Status.ACHIEVED)
    assert [c.meets for c in checks] == one_by_one
    assert (goal.status is Status.ACHIEVED) == all(one_by_one)
