"""Goals: a target of the agenda as one short sentence, the one walk over the kinds of goal.

Two readers see a goal, with the same structure and their own words:

- the JSON `description` (`nl`): the goal in the words of the language, with the indicator's
  name, ASCII signs and the moment only when the goal names one (`VVE-bereik >= 85% in 2027`);
- the report (`nl_plain`, `en`): the indicator's label, the signs ≥ and ≤, the moment always
  (the end of the agenda when the goal names none) and whether `met 20%` is relative or absolute.

What differs between them is a `GoalWording`; `describe_goal` is the only sentence of a goal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from lea_rules.nodes import (
    Comparator,
    CompareGoal,
    DirectionGoal,
    Goal,
    MilestoneGoal,
    Moment,
    TrendGoal,
    Unit,
    UnitsGoal,
    groups_written,
)
from lea_rules.period import moment_words
from lea_rules.recurrence import Recurrence

_SHARE = {"nl": {"half": "de helft", "of_the": "van de"}, "en": {"half": "half", "of_the": "of the"}}

WORDS: Mapping[str, Mapping[str, str]] = {
    "nl": {"up": "gestegen", "down": "gedaald", "by": "met", "vs": "t.o.v.", "more": "vergroten",
           "less": "verminderen", "trend": "", "all": "alle", "at_least": "tenminste", "with": "met",
           **_SHARE["nl"], "milestone": "mijlpaal", "qualitative": "kwalitatief", "and": " en "},
    "nl_plain": {"in": "in", "on": "op", "vs": "t.o.v.", "up": "gestegen", "down": "gedaald", "by": "met",
                 "more": "stijgend", "less": "dalend", "trend": "(trend, zonder doeljaar)", "all": "alle",
                 "at_least": "tenminste", "with": "met", **_SHARE["nl"], "milestone": "mijlpaal",
                 "qualitative": "kwalitatief: de beleidsmedewerker beoordeelt het elk jaar",
                 "end": "einde looptijd",
                 "relative": "relatief: {by} van de waarde in {ref}", "absolute": "absoluut", "and": " en "},
    "en": {"in": "in", "on": "on", "vs": "compared with", "up": "risen", "down": "fallen", "by": "by",
           "more": "rising", "less": "falling", "trend": "(trend, no target year)", "all": "all",
           "at_least": "at least", "with": "with", **_SHARE["en"], "milestone": "milestone", "qualitative":
           "qualitative: the policy officer assesses it each year", "end": "end of period",
           "relative": "relative: {by} of the value in {ref}", "absolute": "absolute", "and": " and "},
}
"""The words of a goal per language: `nl` is the JSON `description`, the others the report's."""

SIGNS: Mapping[Comparator, str] = {Comparator.GE: "\u2265", Comparator.GT: ">", Comparator.LE: "\u2264",
                                   Comparator.LT: "<", Comparator.EQ: "="}
"""The report's signs; the JSON keeps the comparator as written in ASCII (`>=`)."""


def _ascii(comparator: Comparator) -> str:
    return comparator.value


def _as_named(indicator: str) -> str:
    return indicator


def _written_moment(moment: Moment | None) -> str:
    return f" {moment_words(moment)}" if moment else ""


def _groups_as_written(groups: tuple[str, ...], count: int) -> str:
    return groups_written(groups)


def _recurrence_as_written(recurrence: Recurrence) -> str:
    return recurrence.written


@dataclass(frozen=True)
class GoalWording:
    """How one reader sees a goal: the words, the signs, the indicator's name and the moment."""

    words: Mapping[str, str]
    sign: Callable[[Comparator], str] = _ascii
    name: Callable[[str], str] = _as_named
    moment: Callable[[Moment | None], str] = _written_moment
    """The moment with its leading space (`" in 2027"`), or "" for no moment."""
    groups: Callable[[tuple[str, ...], int], str] = _groups_as_written
    """The units counted over (`IKC`, `school en/of wijk`), for how many (2 stands for `alle`)."""
    name_implicit: bool = True
    """Name the indicator of a level goal that left it implicit (`doel: >= 85%` under its indicator)."""
    explain_change: bool = False
    """Say whether the change of a `gestegen met` goal is relative (a percentage) or absolute."""
    recurrence: Callable[[Recurrence], str] = _recurrence_as_written
    """How often a recurring goal holds, in place of its moment (`jaarlijks vanaf 2025`)."""


JSON_WORDING = GoalWording(WORDS["nl"])
"""The JSON `description`: the goal in the words of the language."""


def describe_goal(goal: Goal, wording: GoalWording = JSON_WORDING) -> str:
    """The goal as one sentence, e.g. `VVE-bereik >= 85% in 2027` (JSON) or `VVE-bereik ≥ 85% in 2027`."""
    words = wording.words
    if isinstance(goal, CompareGoal):
        named = wording.name_implicit or not goal.indicator_implicit
        name = f"{wording.name(goal.indicator)} " if named else ""
        tolerance = f" \u00b1 {goal.tolerance.text}" if goal.tolerance is not None else ""
        return (f"{name}{wording.sign(goal.comparator)} {goal.value.describe()}{tolerance}"
                f"{_when(goal, wording)}")
    if isinstance(goal, DirectionGoal):
        verb = words["up"] if goal.direction > 0 else words["down"]
        if goal.reference is None or goal.recurrence is not None:  # `gedaald jaarlijks`
            assert goal.recurrence is not None
            return f"{wording.name(goal.indicator)} {verb} {wording.recurrence(goal.recurrence)}"
        by = ""
        if goal.by is not None:
            by = f" {words['by']} {goal.by.describe()}"
            if wording.explain_change:  # `met 20%` is relative to the reference, `met 2 procentpunt` absolute
                how = (words["relative"].format(by=goal.by.describe(), ref=goal.reference.describe())
                       if goal.by.unit is Unit.PERCENT else words["absolute"])
                by += f" ({how})"
        return (f"{wording.name(goal.indicator)} {verb}{by}{wording.moment(goal.deadline)} {words['vs']} "
                f"{goal.reference.describe()}")
    if isinstance(goal, TrendGoal):
        verb = words["more"] if goal.direction > 0 else words["less"]
        trend = f" {words['trend']}" if words["trend"] else ""
        return f"{wording.name(goal.indicator)} {verb}{trend}"
    if isinstance(goal, UnitsGoal):
        count = words["all"] if goal.minimum is None else f"{words['at_least']} {goal.minimum.text}"
        if goal.share is not None:  # `tenminste de helft van de voorschool`, `tenminste 80% van de IKC`
            share = words["half"] if goal.share.text == "de helft" else goal.share.text
            count = f"{words['at_least']} {share} {words['of_the']}"
        condition = (f" {wording.sign(goal.comparator)} {goal.value.describe()}"
                     if goal.comparator is not None and goal.value is not None else "")
        many = wording.groups(goal.groups, 2 if goal.minimum is None else int(goal.minimum.value))
        return (f"{count} {many} {words['with']} {wording.name(goal.indicator)}{condition}"
                f"{_when(goal, wording)}")
    if isinstance(goal, MilestoneGoal):
        return f"{words['milestone']}{_when(goal, wording)}"
    return words["qualitative"]


def _when(goal: CompareGoal | UnitsGoal | MilestoneGoal, wording: GoalWording) -> str:
    """` in 2027`, ` jaarlijks` (a recurring goal: how often it holds), or the wording's no moment."""
    if goal.recurrence is not None:
        return f" {wording.recurrence(goal.recurrence)}"
    return wording.moment(goal.deadline)


def describe_goals(goals: tuple[Goal, ...], wording: GoalWording = JSON_WORDING) -> str:
    """Several goals of one result (a staged target) as one sentence: `... en ...`."""
    return wording.words["and"].join(describe_goal(goal, wording) for goal in goals)
