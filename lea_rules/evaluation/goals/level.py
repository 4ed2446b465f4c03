"""Level: `VVE-bereik >= 85% in 2027` (drempel) and `vsv = 1,9% in 2027` (niveau)."""

from __future__ import annotations

from decimal import Decimal

from lea_rules.evaluation import rules
from lea_rules.evaluation.goals.context import Context, deadline_of
from lea_rules.evaluation.goals.numeric import Numeric, judge_numeric
from lea_rules.evaluation.model import GoalEvaluation
from lea_rules.evaluation.rules import Target
from lea_rules.evaluation.series import totals
from lea_rules.nodes import Better, Comparator, CompareGoal, Result, Unit
from lea_rules.verdict.notes import Note, Remark
from lea_rules.verdict.reasons import Aim, AimKind
from lea_rules.verdict.status import GoalKind


def level_target(ctx: Context, goal: CompareGoal) -> Numeric:
    """The target of a numeric comparison, ready for `judge_numeric`."""
    indicator = ctx.indicator(goal.indicator)
    assert goal.value.number is not None
    x = goal.value.number.value
    deadline, implicit = deadline_of(ctx.agenda, goal.deadline, goal)
    notes: list[Note] = []
    level: Decimal | None = None
    if goal.comparator is Comparator.EQ:
        tolerance = (goal.tolerance.value if goal.tolerance is not None
                     else rules.default_tolerance(goal.value.number.decimals))
        kind = GoalKind.LEVEL
        text = Aim(AimKind.LEVEL, quantity=goal.value.describe(), value=tolerance)
        if goal.tolerance is None:
            notes.append(Note(Remark.DEFAULT_TOLERANCE, value=tolerance))
        if indicator.better in (Better.HIGHER, Better.LOWER):
            # `beter:` says which way is better: beating the target is meeting it.
            lower = indicator.better is Better.LOWER
            target = Target(Comparator.LE, x + tolerance) if lower else Target(Comparator.GE, x - tolerance)
            notes.append(Note(Remark.BETTER_BEATS_LEVEL, better=indicator.better,
                              quantity=goal.value.describe(), comparator=target.comparator,
                              value=target.value, percent=goal.value.unit is Unit.PERCENT))
        else:
            target, level = rules.distance_target(tolerance), x
    else:
        whole = indicator.unit is not None and indicator.unit.whole
        target = rules.whole_target(goal.comparator, x) if whole else Target(goal.comparator, x)
        kind = GoalKind.THRESHOLD
        text = Aim(AimKind.COMPARE, comparator=goal.comparator, quantity=goal.value.describe())
        if target.comparator is not goal.comparator:
            notes.append(Note(Remark.WHOLE_NUMBERS, comparator=goal.comparator, value=x,
                              judged_as=target.comparator, other=target.value))
            x = target.value
    return Numeric(kind, goal, indicator, totals(indicator, ctx.observations, ctx.agenda), target, x,
                   text, deadline, implicit, indicator.measure, indicator.bounds(), level=level,
                   notes=tuple(notes))


def judge_level(ctx: Context, result: Result, goal: CompareGoal) -> GoalEvaluation:
    return judge_numeric(ctx, result, level_target(ctx, goal))
