"""Goals: one verdict per goal of every kind the language has, with the numbers behind it.

One module per goal family: `level` (drempel, niveau), `direction` (relatief, richting,
trend), `units` (count over units), `reported` (categorisch, mijlpaal, kwalitatief). They
share `selection` (baseline, window, the value for the target moment) and `numeric` (the
rules before and at the deadline for a numeric target).
"""

from __future__ import annotations

from lea_rules.evaluation.goals.context import Context
from lea_rules.evaluation.goals.direction import judge_direction, judge_relative, judge_trend
from lea_rules.evaluation.goals.level import judge_level
from lea_rules.evaluation.goals.recurring import judge_recurring
from lea_rules.evaluation.goals.reported import judge_categorical, judge_reported
from lea_rules.evaluation.goals.selection import choose_baseline
from lea_rules.evaluation.goals.units import judge_units
from lea_rules.evaluation.model import GoalEvaluation
from lea_rules.goal_values import goal_recurrence
from lea_rules.nodes import CompareGoal, DirectionGoal, Goal, MilestoneGoal, Result, TrendGoal, UnitsGoal

__all__ = ["Context", "choose_baseline", "evaluate_goal"]


def evaluate_goal(ctx: Context, result: Result, goal: Goal) -> GoalEvaluation:
    if goal_recurrence(goal) is not None and isinstance(goal, (CompareGoal, UnitsGoal, MilestoneGoal,
                                                              DirectionGoal)):
        return judge_recurring(ctx, result, goal, evaluate_goal)
    if isinstance(goal, CompareGoal):
        if goal.value.number is None:
            return judge_categorical(ctx, goal)
        return judge_level(ctx, result, goal)
    if isinstance(goal, DirectionGoal):
        if goal.by is not None:
            return judge_relative(ctx, result, goal)
        return judge_direction(ctx, result, goal)
    if isinstance(goal, TrendGoal):
        return judge_trend(ctx, result, goal)
    if isinstance(goal, UnitsGoal):
        return judge_units(ctx, result, goal)
    return judge_reported(ctx, goal)
