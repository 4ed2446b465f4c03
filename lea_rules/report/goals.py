"""Goals: a target of the agenda as a short sentence for readers (`VVE-bereik ≥ 85% in 2027`)."""

from __future__ import annotations

from lea_rules.data.units import counted
from lea_rules.nodes import (
    Agenda,
    Comparator,
    CompareGoal,
    DirectionGoal,
    Goal,
    MilestoneGoal,
    Moment,
    QualitativeGoal,
    Quantity,
    TrendGoal,
    Unit,
    UnitsGoal,
)
from lea_rules.recurrence import Recurrence
from lea_rules.report.formatting import Formatter

_SIGNS = {Comparator.GE: "\u2265", Comparator.GT: ">", Comparator.LE: "\u2264", Comparator.LT: "<",
          Comparator.EQ: "="}

_WORDS: dict[str, dict[str, str]] = {
    "nl": {"in": "in", "on": "op", "vs": "t.o.v.", "up": "gestegen", "down": "gedaald", "by": "met",
           "more": "stijgend", "less": "dalend", "trend": "(trend, zonder doeljaar)", "all": "alle",
           "at_least": "tenminste", "with": "met", "milestone": "mijlpaal", "qualitative":
           "kwalitatief: de beleidsmedewerker beoordeelt het elk jaar", "end": "einde looptijd",
           "relative": "relatief: {by} van de waarde in {ref}", "absolute": "absoluut"},
    "en": {"in": "in", "on": "on", "vs": "compared with", "up": "risen", "down": "fallen", "by": "by",
           "more": "rising", "less": "falling", "trend": "(trend, no target year)", "all": "all",
           "at_least": "at least", "with": "with", "milestone": "milestone", "qualitative":
           "qualitative: the policy officer assesses it each year", "end": "end of period",
           "relative": "relative: {by} of the value in {ref}", "absolute": "absolute"},
}


def _label(agenda: Agenda, name: str) -> str:
    indicator = agenda.indicator(name)
    return indicator.label if indicator is not None else name


def describe_moment(moment: Moment | None, fmt: Formatter, end_year: int | None = None) -> str:
    words = _WORDS[fmt.lang]
    if moment is None:
        return f"{words['in']} {end_year} ({words['end']})" if end_year else f"{words['in']} {words['end']}"
    if moment.day is not None:
        return f"{words['on']} {fmt.date(moment.day)}"
    return f"{words['in']} {moment.describe()}"


def _when(goal: CompareGoal | UnitsGoal | MilestoneGoal, fmt: Formatter, end: int) -> str:
    """The moment of a goal, or how often a recurring goal holds (`jaarlijks vanaf 2025`)."""
    if goal.recurrence is None:
        return describe_moment(goal.deadline, fmt, end)
    return describe_recurrence(goal.recurrence, fmt.lang)


def describe_recurrence(recurrence: Recurrence, lang: str) -> str:
    """`jaarlijks vanaf 2025` as written; in English `every year from 2025`."""
    if lang != "en":
        return recurrence.written
    if recurrence.step == 2:
        how = "every other year"
    elif "begin" in recurrence.written:
        how = "at the start of every school year"
    else:
        how = "every school year" if recurrence.school_year else "every year"
    if recurrence.start is None:
        return how
    start = (f"{recurrence.start - 1}/{recurrence.start}" if recurrence.school_year
             else str(recurrence.start))
    return f"{how} from {start}"


def describe_quantity(quantity: Quantity) -> str:
    # As the writer typed it (agenda text is not reformatted): `85%`, `€ 200.000`.
    return quantity.describe()


def describe_goal(goal: Goal, agenda: Agenda, fmt: Formatter) -> str:
    words = _WORDS[fmt.lang]
    end = agenda.period[1]
    if isinstance(goal, CompareGoal):
        name = "" if goal.indicator_implicit else f"{_label(agenda, goal.indicator)} "
        text = f"{name}{_SIGNS[goal.comparator]} {describe_quantity(goal.value)}"
        if goal.tolerance is not None:
            text += f" \u00b1 {goal.tolerance.text}"
        return f"{text} {_when(goal, fmt, end)}"
    if isinstance(goal, DirectionGoal):
        verb = words["up"] if goal.direction > 0 else words["down"]
        by = ""
        if goal.by is not None:
            # `met 20%` is relative to the reference year, `met 2 procentpunt` absolute: say which
            shown = describe_quantity(goal.by)
            how = (words["relative"].format(by=shown, ref=goal.reference.describe())
                   if goal.by.unit is Unit.PERCENT else words["absolute"])
            by = f" {words['by']} {shown} ({how})"
        return (f"{_label(agenda, goal.indicator)} {verb}{by} {describe_moment(goal.deadline, fmt, end)} "
                f"{words['vs']} {goal.reference.describe()}")
    if isinstance(goal, TrendGoal):
        verb = words["more"] if goal.direction > 0 else words["less"]
        return f"{_label(agenda, goal.indicator)} {verb} {words['trend']}"
    if isinstance(goal, UnitsGoal):
        count = words["all"] if goal.minimum is None else f"{words['at_least']} {goal.minimum.text}"
        condition = _label(agenda, goal.indicator)
        if goal.comparator is not None and goal.value is not None:
            condition += f" {_SIGNS[goal.comparator]} {describe_quantity(goal.value)}"
        many = counted(goal.group, 2 if goal.minimum is None else int(goal.minimum.value))
        return f"{count} {many} {words['with']} {condition} {_when(goal, fmt, end)}"
    if isinstance(goal, MilestoneGoal):
        return f"{words['milestone']} {_when(goal, fmt, end)}"
    assert isinstance(goal, QualitativeGoal)
    return words["qualitative"]


def describe_goals(goals: tuple[Goal, ...], agenda: Agenda, fmt: Formatter) -> str:
    joiner = " en " if fmt.lang == "nl" else " and "
    return joiner.join(describe_goal(goal, agenda, fmt) for goal in goals)
