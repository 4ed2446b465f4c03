"""`twee keer per jaar` in a goal: one E321 with a hint that, followed, leaves a valid agenda.

"Tenminste tweemaal per jaar" is a count (docs/language.md, *Terugkerende doelen*). A writer types it
without `tenminste` too, after `mijlpaal`, after a value (`>= 2 keer per jaar`) or as the value
(`lea-overleggen tweemaal per jaar`); each gets E321 on the words, and following the hint as a writer
would gives 0 errors and a goal that holds every year.
"""

from __future__ import annotations

import re

import pytest

from lea_rules.api import Checked, check_source
from lea_rules.goal_values import CompareGoal, goal_recurrence
from lea_rules.source import SourceFile

HEAD = """gemeente: "Voorbeeld"
titel: "LEA Voorbeeld 2024-2027"
periode: 2024-2027
indicator lea-overleggen "Aantal LEA-overleggen in het jaar"
  eenheid: aantal
  beter: hoger
  meting: {measure}
thema 1 "Kansengelijkheid"
  ambitie 1.1 "Elk kind een goede start"
    resultaat "Het LEA-overleg komt bijeen"
"""


NO_INDICATOR = HEAD.split("indicator ")[0] + HEAD[HEAD.index('thema 1 "Kansengelijkheid"'):]


def check(doel: str, measure: str = "kalenderjaar", head: str = HEAD) -> Checked:
    return check_source(SourceFile("t.lea", head.format(measure=measure) + f"      doel: {doel}\n"))


def only_error(checked: Checked) -> tuple[str, str]:
    errors = [d for d in checked.diagnostics if d.is_error]
    assert len(errors) == 1, [d.message for d in errors]
    assert errors[0].help is not None
    return errors[0].code, errors[0].help


def followed(doel: str, hint: str) -> str:
    """The goal line after the hint: `schrijf 'A' in plaats van 'B'` replaces B by A; `schrijf 'A'`
    is the whole goal."""
    swap = re.fullmatch(r"schrijf '(.+)' in plaats van '(.+?)'(?:: .*| \(.*\))?", hint)
    if swap is not None:
        assert swap.group(2) in doel
        return doel.replace(swap.group(2), swap.group(1))
    whole = re.fullmatch(r"schrijf '(.+)'", hint)
    assert whole is not None, hint
    return whole.group(1)


def assert_valid_and_yearly(checked: Checked, school: bool = False) -> object:
    """No error, and the one goal holds every year (or every schooljaar); the goal."""
    assert [d.code for d in checked.diagnostics if d.is_error] == []
    assert checked.agenda is not None
    (_, result), = checked.agenda.all_results()
    goal, = result.goals
    recurrence = goal_recurrence(goal)
    assert recurrence is not None and recurrence.step == 1 and recurrence.school_year == school
    return goal


@pytest.mark.parametrize(("doel", "measure", "fixed"), [
    ("lea-overleggen >= 2 keer per jaar", "kalenderjaar", "lea-overleggen >= 2 jaarlijks"),
    ("lea-overleggen minimaal 2 keer per jaar", "kalenderjaar", "lea-overleggen minimaal 2 jaarlijks"),
    ("lea-overleggen >= 3x per jaar", "kalenderjaar", "lea-overleggen >= 3 jaarlijks"),
    ("lea-overleggen tweemaal per jaar", "kalenderjaar", "lea-overleggen >= 2 jaarlijks"),
    ("lea-overleggen 2 keer per jaar", "kalenderjaar", "lea-overleggen >= 2 jaarlijks"),
    ("lea-overleggen >= twee keer per jaar", "kalenderjaar", "lea-overleggen >= 2 jaarlijks"),
    ("lea-overleggen minimaal drie keer per jaar", "kalenderjaar", "lea-overleggen minimaal 3 jaarlijks"),
    ("lea-overleggen >= 2 keer per schooljaar", "schooljaar", "lea-overleggen >= 2 per schooljaar"),
])
def test_a_count_a_year_on_a_counting_indicator_follows_to_a_yearly_target(
        doel: str, measure: str, fixed: str) -> None:
    code, hint = only_error(check(doel, measure))
    assert code == "E321"
    assert followed(doel, hint) == fixed
    goal = assert_valid_and_yearly(check(fixed, measure), school=measure == "schooljaar")
    assert isinstance(goal, CompareGoal) and goal.value.number is not None
    count = re.search(r"\d+", doel) or re.search(r"\d+", fixed)
    assert count is not None and goal.value.number.text == count.group(0)


@pytest.mark.parametrize(("doel", "count", "every", "measure"), [
    ("mijlpaal tweemaal per jaar", 2, "jaarlijks", "kalenderjaar"),
    ("mijlpaal twee keer per jaar", 2, "jaarlijks", "kalenderjaar"),
    ("mijlpaal 2 keer per jaar", 2, "jaarlijks", "kalenderjaar"),
    ("mijlpaal 2x per jaar", 2, "jaarlijks", "kalenderjaar"),
    ("mijlpaal minimaal twee keer per jaar", 2, "jaarlijks", "kalenderjaar"),
    ("mijlpaal tenminste tweemaal per jaar", 2, "jaarlijks", "kalenderjaar"),
    ("mijlpaal ten minste drie keer per jaar", 3, "jaarlijks", "kalenderjaar"),
    ("mijlpaal driemaal per schooljaar", 3, "per schooljaar", "schooljaar"),
])
def test_times_a_year_on_a_milestone_follows_to_a_counting_indicator(
        doel: str, count: int, every: str, measure: str) -> None:
    head = NO_INDICATOR
    code, hint = only_error(check(doel, head=head))
    assert code == "E321"
    asked = re.fullmatch(r"maak een indicator met 'eenheid: aantal' en 'meting: (\w+)' die de keren telt, en "
                         r"schrijf 'doel: <indicator> >= (\d+) (.+)'", hint)
    assert asked is not None, hint
    assert (asked.group(1), int(asked.group(2)), asked.group(3)) == (measure, count, every)
    # the writer follows it: an indicator that counts the times, and the goal as the hint writes it
    fixed = f"lea-overleggen >= {count} {every}"
    assert_valid_and_yearly(check(fixed, measure), school=measure == "schooljaar")


@pytest.mark.parametrize("doel", ["mijlpaal eenmaal per jaar", "mijlpaal één keer per jaar"])
def test_once_a_year_on_a_milestone_is_a_yearly_milestone(doel: str) -> None:
    head = NO_INDICATOR
    code, hint = only_error(check(doel, head=head))
    assert code == "E321"
    fixed = followed(doel, hint)
    assert fixed == "mijlpaal jaarlijks"
    assert_valid_and_yearly(check(fixed, head=head))
