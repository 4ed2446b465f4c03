"""A share of the units (`tenminste de helft van de voorschool met ...`, `minimaal 80% van de IKC
met ...`): judged as a count whose needed number is the share of the declared units, rounded up."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lea_rules.data.units import DeclaredUnit, DeclaredUnits
from lea_rules.evaluation.engine import evaluate
from lea_rules.evaluation.goals.units import needed
from lea_rules.evaluation.model import Colour, EvaluationReport, GoalEvaluation, Status
from lea_rules.nodes import Agenda, UnitsGoal
from lea_rules.words import en, nl
from lea_rules.words.goals import describe_goal
from tests.evaluation_helpers import build_agenda, obs

AGENDA = """\
gemeente: "Testdorp"
titel: "LEA Testdorp 2024-2028"
periode: 2024-2028
groep IKC: "integraal kindcentrum"
groep wijk: "wijk"

indicator brug "Brugfunctionaris"
  eenheid: ja/nee
  per: IKC, wijk
  meting: kalenderjaar

thema 1 "Alles"
  resultaat helft "De helft van de IKC's"
    doel: tenminste de helft van de IKC met brug in 2027
  resultaat tachtig "80% van de IKC's"
    doel: minimaal 80% van de IKC met brug in 2027
  resultaat samen "70% van de IKC's en wijken"
    doel: ten minste 70% van de IKC en/of wijk met brug in 2027
"""


@pytest.fixture(scope="module")
def agenda() -> Agenda:
    return build_agenda(AGENDA)


def judge(agenda: Agenda, code: str, flags: Sequence[bool | None], wijken: Sequence[bool | None] = (),
          ) -> GoalEvaluation:
    names = [f"IKC {i}" for i in range(1, len(flags) + 1)]
    wijk_names = [f"Wijk {i}" for i in range(1, len(wijken) + 1)]
    units = DeclaredUnits("data/testdorp/eenheden.csv", tuple(
        [DeclaredUnit("IKC", n) for n in names] + [DeclaredUnit("wijk", n) for n in wijk_names]))
    data = [obs("brug", "2027", flag, unit=name)
            for name, flag in zip([*names, *wijk_names], [*flags, *wijken], strict=True) if flag is not None]
    report = evaluate(agenda, data, None, 2027, units=units)
    EvaluationReport.model_validate_json(report.model_dump_json())  # the JSON stays valid
    (result,) = [r for r in report.results if r.code == code]
    return result.goals[0]


def test_the_share_is_read_from_the_words(agenda: Agenda) -> None:
    goals = {r.code: r.goals[0] for _, r in agenda.all_results()}
    half, eighty = goals["helft"], goals["tachtig"]
    assert isinstance(half, UnitsGoal) and isinstance(eighty, UnitsGoal)
    assert half.share is not None and half.share.value == 50 and half.minimum is None
    assert eighty.share is not None and eighty.share.value == 80 and eighty.share.text == "80%"
    assert describe_goal(half) == "tenminste de helft van de IKC met brug in 2027"
    assert describe_goal(eighty) == "tenminste 80% van de IKC met brug in 2027"


def test_four_of_six_meets_the_half_and_the_words_say_share_and_number(agenda: Agenda) -> None:
    goal = judge(agenda, "helft", [True, True, True, True, False, False])
    assert goal.status is Status.ACHIEVED and goal.colour is Colour.GREEN
    assert nl.aim(goal.explanation.target_text) == ">= 3 IKC's (de helft van 6)"
    assert en.aim(goal.explanation.target_text) == "\u2265 3 IKC's (half of 6)"
    assert nl.source(goal.explanation.latest.source)  # type: ignore[union-attr] == "4 van 6 IKC's (67%) voldoen"


def test_eighty_percent_of_six_needs_five(agenda: Agenda) -> None:
    four = judge(agenda, "tachtig", [True] * 4 + [False] * 2)
    assert four.status is Status.NOT_ACHIEVED and four.colour is Colour.RED
    assert nl.aim(four.explanation.target_text) == ">= 5 IKC's (80% van 6)"
    five = judge(agenda, "tachtig", [True] * 5 + [False])
    assert five.status is Status.ACHIEVED


def test_a_missing_unit_that_could_still_make_it_is_incomplete(agenda: Agenda) -> None:
    goal = judge(agenda, "tachtig", [True] * 4 + [None, False])
    assert goal.status is Status.INCOMPLETE and goal.colour is Colour.GREY
    assert "5 van 6 IKC's geleverd; 1 ontbreekt" in nl.rule(goal.explanation.rule)


def test_over_groups_together_the_share_is_of_all_their_units(agenda: Agenda) -> None:
    # 70% of 4 IKC's and 6 wijken (10 units) is 7
    goal = judge(agenda, "samen", [True] * 4, [True, True, True, False, False, False])
    assert goal.status is Status.ACHIEVED
    assert nl.aim(goal.explanation.target_text) == ">= 7 IKC's en wijken (70% van 10)"
    short = judge(agenda, "samen", [True] * 3 + [False], [True, True, True, False, False, False])
    assert short.status is Status.NOT_ACHIEVED


@given(share=st.integers(min_value=1, max_value=100), declared=st.integers(min_value=0, max_value=40))
def test_needed_is_the_share_rounded_up(share: int, declared: int) -> None:
    required = needed(Decimal(share), declared)
    assert required == math.ceil(share * declared / 100)
    assert 0 <= required <= declared


@settings(max_examples=60, deadline=None)
@given(flags=st.lists(st.sampled_from([True, False, None]), min_size=1, max_size=9))
def test_the_verdict_follows_the_count_of_units_that_meet(agenda: Agenda, flags: list[bool | None]) -> None:
    goal = judge(agenda, "tachtig", flags)
    meeting, missing = flags.count(True), flags.count(None)
    required = math.ceil(80 * len(flags) / 100)
    if missing == len(flags):  # no unit delivered: no figure at all
        assert goal.status is Status.NO_DATA, flags
    elif meeting >= required:
        assert goal.status is Status.ACHIEVED, flags
    elif meeting + missing >= required:
        assert goal.status is Status.INCOMPLETE, flags
    else:
        assert goal.status is Status.NOT_ACHIEVED, flags
