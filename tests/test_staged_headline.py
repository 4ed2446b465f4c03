"""A missed past stage of a staged target stays visible in the result's headline status."""

from __future__ import annotations

from decimal import Decimal

from lea_rules import nodes as n
from lea_rules.evaluation.engine import headline_index
from lea_rules.evaluation.model import Explanation, GoalEvaluation, Status
from lea_rules.source import Span

SPAN = Span(1, 1, 1, 2)


def _goal(year: int, value: int) -> n.CompareGoal:
    number = n.Number(Decimal(value), str(value), 0, SPAN)
    return n.CompareGoal("teams", n.Comparator.GE, n.Quantity(SPAN, number=number), SPAN,
                         n.Moment(n.Measure.CALENDAR_YEAR, year, SPAN))


def _verdict(status: Status, past: bool) -> GoalEvaluation:
    return GoalEvaluation(kind="drempel", description="d", status=status, colour=status.colour,
                          past=past, explanation=Explanation(rule="r"))


def test_missed_past_stage_outranks_a_grey_next_stage() -> None:
    goals = [_goal(2025, 6), _goal(2027, 12)]
    verdicts = [_verdict(Status.NOT_ACHIEVED, past=True), _verdict(Status.TOO_FEW_POINTS, past=False)]
    assert headline_index(goals, verdicts) == 0


def test_achieved_past_stage_gives_way_to_the_next_stage() -> None:
    goals = [_goal(2025, 6), _goal(2027, 12)]
    verdicts = [_verdict(Status.ACHIEVED, past=True), _verdict(Status.ACCELERATION_NEEDED, past=False)]
    assert headline_index(goals, verdicts) == 1


def test_next_stage_that_is_worse_than_the_missed_one_stays_headline() -> None:
    goals = [_goal(2025, 6), _goal(2027, 12)]
    verdicts = [_verdict(Status.ALMOST_ACHIEVED, past=True), _verdict(Status.WRONG_DIRECTION, past=False)]
    assert headline_index(goals, verdicts) == 1
