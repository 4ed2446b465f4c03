"""Describe: a goal in the words of the language, as the JSON `description` carries it."""

from __future__ import annotations

from lea_rules.nodes import (
    CompareGoal,
    DirectionGoal,
    Goal,
    MilestoneGoal,
    TrendGoal,
    UnitsGoal,
)
from lea_rules.period import moment_words


def describe_goal(goal: Goal) -> str:
    """The goal in the words of the language, e.g. `VVE-bereik >= 85% in 2027`."""
    if isinstance(goal, CompareGoal):
        tol = f" ± {goal.tolerance.text}" if goal.tolerance is not None else ""
        when = _when(goal)
        return f"{goal.indicator} {goal.comparator.value} {goal.value.describe()}{tol}{when}"
    if isinstance(goal, DirectionGoal):
        word = "gestegen" if goal.direction > 0 else "gedaald"
        by = f" met {goal.by.describe()}" if goal.by is not None else ""
        when = f" {moment_words(goal.deadline)}" if goal.deadline else ""
        return f"{goal.indicator} {word}{by}{when} t.o.v. {goal.reference.describe()}"
    if isinstance(goal, TrendGoal):
        return f"{goal.indicator} {'vergroten' if goal.direction > 0 else 'verminderen'}"
    if isinstance(goal, UnitsGoal):
        count = f"tenminste {goal.minimum.text}" if goal.minimum is not None else "alle"
        cond = (f" {goal.comparator.value} {goal.value.describe()}"
                if goal.comparator is not None and goal.value is not None else "")
        when = _when(goal)
        return f"{count} {goal.group} met {goal.indicator}{cond}{when}"
    if isinstance(goal, MilestoneGoal):
        return "mijlpaal" + _when(goal)
    return "kwalitatief"


def _when(goal: CompareGoal | UnitsGoal | MilestoneGoal) -> str:
    """` in 2027`, ` jaarlijks` (a recurring goal, as written), or nothing (end of the period)."""
    if goal.recurrence is not None:
        return f" {goal.recurrence.written}"
    return f" {moment_words(goal.deadline)}" if goal.deadline else ""
