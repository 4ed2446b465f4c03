"""Recurring goals (`jaarlijks`, `per schooljaar`, `vanaf 2025`): one verdict per occurrence.

Each occurrence is the goal with that occurrence as its target moment, judged by the goal's own
family (level, units, categorical, milestone) exactly as `... in 2025` would be. A recurring
direction (`gedaald jaarlijks`) is, per occurrence, `gedaald in 2026 t.o.v. 2025`: compared with
the occurrence before it (the first with the one before the first, or the agenda's `basis:`). An occurrence
at or before the peiljaar is judged at its deadline; one without a measurement is Geen gegevens
(never zero, never red). A milestone's occurrence is judged on the stand in that year's
progress file. An occurrence after the peiljaar is still to come: its verdict is the one before
a deadline.

The goal's status (docs/evaluation.md, *Terugkerende doelen*): the latest occurrence up to the
peiljaar decides, and the earlier ones that were missed (oranje or rood) are named in its rule,
so a missed year reaches the raad. Before the first occurrence, the first one decides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from lea_rules.evaluation.goals.context import Context
from lea_rules.evaluation.model import Colour, GoalEvaluation, Occurrence, Status
from lea_rules.goal_values import CompareGoal, DirectionGoal, MilestoneGoal, UnitsGoal, goal_recurrence
from lea_rules.nodes import Agenda, Measure, Moment, Result
from lea_rules.period import is_past, moment_period, school_year_ending
from lea_rules.recurrence import Recurrence
from lea_rules.verdict.reasons import Reason, Rule
from lea_rules.words.goals import describe_goal

RecurringGoal = CompareGoal | UnitsGoal | MilestoneGoal | DirectionGoal
Judge = Callable[[Context, Result, RecurringGoal], GoalEvaluation]
MISSED = (Colour.RED, Colour.ORANGE)


def occurrence_moment(recurrence: Recurrence, year: int) -> Moment:
    """The target moment of the occurrence that ends in `year`: the year, or the schooljaar
    that ends in it (`per schooljaar`: 2024/2025 for 2025)."""
    if recurrence.school_year:
        return Moment(Measure.SCHOOL_YEAR, school_year_ending(year).year, recurrence.span)
    return Moment(Measure.CALENDAR_YEAR, year, recurrence.span)


def occurrence_moments(recurrence: Recurrence, period: tuple[int, int]) -> list[Moment]:
    return [occurrence_moment(recurrence, year) for year in recurrence.years(period)]


def milestone_years(agenda: Agenda) -> set[int]:
    """The years whose progress file a recurring milestone of the agenda is judged on."""
    return {year for _, result in agenda.all_results() for goal in result.current_goals
            if isinstance(goal, MilestoneGoal) and goal.recurrence is not None
            for year in goal.recurrence.years(agenda.period)}


def judge_recurring(ctx: Context, result: Result, goal: RecurringGoal, judge: Judge) -> GoalEvaluation:
    recurrence = goal_recurrence(goal)
    assert recurrence is not None
    moments = occurrence_moments(recurrence, ctx.agenda.period)
    started = any(is_past(m, ctx.peiljaar) for m in moments)
    verdicts: list[GoalEvaluation] = []
    for i, moment in enumerate(moments):
        upcoming = not is_past(moment, ctx.peiljaar)
        first_to_come = upcoming and not started and i == 0
        single: RecurringGoal = replace(goal, deadline=moment, recurrence=None)
        judged = result
        if isinstance(goal, DirectionGoal):  # compared with the occurrence before it
            year = moment_period(moment).end_year
            single = replace(goal, deadline=moment, recurrence=None,
                             reference=occurrence_moment(recurrence, year - recurrence.step))
            if i > 0:  # the agenda's basis: is the value before the first occurrence only
                judged = replace(result, baseline=None)
        verdict = judge(_context_for(ctx, result, goal, moment, upcoming, first_to_come), judged, single)
        verdicts.append(verdict if upcoming else _no_value(verdict, moment))
    occurrences = [_occurrence(m, v, not is_past(m, ctx.peiljaar))
                   for m, v in zip(moments, verdicts, strict=True)]
    past = [i for i, o in enumerate(occurrences) if not o.upcoming]
    if past:
        decisive = past[-1]
        missed = tuple(occurrences[i].moment.text for i in past[:-1] if occurrences[i].colour in MISSED)
        reason = Reason(Rule.RECURRING_LATEST, inner=verdicts[decisive].explanation.rule,
                        period=occurrences[decisive].moment.text, periods=missed)
    else:
        decisive = 0
        reason = Reason(Rule.RECURRING_FIRST, inner=verdicts[0].explanation.rule,
                        period=occurrences[0].moment.text)
    chosen = verdicts[decisive]
    return chosen.model_copy(update={
        "description": describe_goal(goal),
        "past": all(not o.upcoming for o in occurrences),
        "explanation": chosen.explanation.model_copy(update={"rule": reason}),
        "recurrence": recurrence.written, "occurrences": occurrences})


def _context_for(ctx: Context, result: Result, goal: RecurringGoal, moment: Moment, upcoming: bool,
                 first_to_come: bool) -> Context:
    """A milestone's occurrence is judged on the stand of the year it ends in (voortgang-JJJJ.yaml);
    one still to come has no stand yet, except the first when none has passed: the stand now."""
    if not isinstance(goal, MilestoneGoal) or first_to_come:
        return ctx
    if upcoming:
        return replace(ctx, stand=None, stand_illustrative=False)
    progress = ctx.yearly.get(moment_period(moment).end_year)
    entry = progress.resultaten.get(result.code) if progress is not None else None
    return replace(ctx, stand=entry.stand if entry is not None else None,
                   stand_illustrative=bool(progress is not None and progress.illustratief))


def _no_value(verdict: GoalEvaluation, moment: Moment) -> GoalEvaluation:
    """An occurrence at or before the peiljaar without its measurement: Geen gegevens."""
    if verdict.status is not Status.FINAL_PENDING:
        return verdict
    reason = Reason(Rule.RECURRING_NO_VALUE, period=moment_period(moment).text)
    return verdict.model_copy(update={
        "status": Status.NO_DATA, "colour": Status.NO_DATA.colour,
        "explanation": verdict.explanation.model_copy(update={
            "rule": reason, "provisional": False, "provisional_status": None, "projection": None})})


def _occurrence(moment: Moment, verdict: GoalEvaluation, upcoming: bool) -> Occurrence:
    e = verdict.explanation
    final = e.measurement_for_target.final if e.measurement_for_target is not None else None
    value = e.latest if not upcoming and final is not None else None
    return Occurrence(moment=moment_period(moment), upcoming=upcoming, status=verdict.status,
                      colour=verdict.colour, rule=e.rule, value=value,
                      illustrative=e.illustrative if not upcoming else False)
