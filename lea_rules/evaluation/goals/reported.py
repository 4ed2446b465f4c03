"""Reported: categorical targets (`inspectieoordeel = "goed"`), milestones and qualitative results.

A categorical target is judged on the observed category; without it, and for milestones and
qualitative results, the writer's reported stand for the peiljaar decides.
"""

from __future__ import annotations

from collections.abc import Sequence

from lea_rules.evaluation import rules
from lea_rules.evaluation.goals.context import Context, deadline_of, goal_evaluation, moment_label
from lea_rules.evaluation.goals.selection import final_point, pending
from lea_rules.evaluation.model import Explanation, GoalEvaluation, Status
from lea_rules.evaluation.rules import Verdict
from lea_rules.evaluation.series import SeriesPoint, totals
from lea_rules.nodes import Comparator, CompareGoal, Goal, MilestoneGoal, Quantity
from lea_rules.period import TargetMoment, available, is_past, moment_period
from lea_rules.verdict.notes import Note, Remark
from lea_rules.verdict.reasons import Aim, AimKind, Measurement, Reason, Rule
from lea_rules.verdict.status import GoalKind


def _reported_verdict(ctx: Context, wrap: Rule | None = None) -> Verdict:
    """The writer's stand; `wrap`: the categorical rule that fell back on it."""
    verdict = rules.reported(ctx.stand)
    return Verdict(verdict.status, Reason(wrap, inner=verdict.rule)) if wrap else verdict


def judge_categorical(ctx: Context, goal: CompareGoal) -> GoalEvaluation:
    """`inspectieoordeel-vve = "goed"`: met when the observed category is the required one."""
    indicator = ctx.indicator(goal.indicator)
    deadline, implicit = deadline_of(ctx.agenda, goal.deadline, goal)
    past = is_past(deadline, ctx.peiljaar)
    points = [p for p in totals(indicator, ctx.observations, ctx.agenda)
              if available(p.period, ctx.peiljaar) and (p.rating is not None or p.flag is not None)]

    def met(point: SeriesPoint) -> bool:
        return _category_met(goal.value, goal.comparator, indicator.ratings, point)

    final = final_point(points, deadline, past)
    latest = final or (points[-1] if points else None)
    used_stand = False
    provisional_status: Status | None = None
    if final is not None:
        verdict = (Verdict(Status.ACHIEVED, Reason(Rule.CATEGORY_FINAL_MET)) if met(final)
                   else Verdict(Status.NOT_ACHIEVED, Reason(Rule.CATEGORY_FINAL_MISSED)))
    else:
        if latest is not None and met(latest):
            verdict = Verdict(Status.ALREADY_MET, Reason(Rule.CATEGORY_LATEST_MET))
        else:
            wrap = Rule.CATEGORY_LATEST_MISSED if latest is not None else Rule.CATEGORY_NO_DATA
            verdict = _reported_verdict(ctx, wrap)
            used_stand = True
        if past:
            provisional_status = verdict.status
            verdict = pending(verdict)
    used = [p for p in points if latest is not None and p.start <= latest.start]
    return goal_evaluation(GoalKind.CATEGORICAL, goal, indicator, verdict, past=past, explanation=Explanation(
        rule=verdict.rule, latest=latest.to_point() if latest else None,
        target_text=Aim(AimKind.COMPARE, comparator=goal.comparator, quantity=goal.value.describe()),
        target_moment=moment_label(deadline, implicit),
        measurement_for_target=Measurement(moment_period(deadline), indicator.measure,
                                           final.period if final else None, span=deadline.written),
        points=[p.to_point() for p in used], provisional=provisional_status is not None,
        provisional_status=provisional_status,
        illustrative=any(p.illustrative for p in used) or (used_stand and ctx.stand is not None
                                                           and ctx.stand_illustrative),
        notes=[Note(Remark.RATINGS_ORDER, ratings=tuple(indicator.ratings))]
        if indicator.ratings else []))


def _category_met(required: Quantity, comparator: Comparator, order: Sequence[str],
                  point: SeriesPoint) -> bool:
    if required.flag is not None:
        return point.flag is required.flag
    if required.rating is None or point.rating is None:
        return False
    return rules.rating_met(point.rating, required.rating, comparator, order)


def judge_reported(ctx: Context, goal: Goal) -> GoalEvaluation:
    """Milestones and qualitative results: the writer's reported state maps to a status."""
    verdict = _reported_verdict(ctx)
    moment: TargetMoment | None = None
    past = False
    notes: list[Note] = []
    kind = GoalKind.QUALITATIVE
    if isinstance(goal, MilestoneGoal):
        kind = GoalKind.MILESTONE
        deadline, implicit = deadline_of(ctx.agenda, goal.deadline, goal)
        moment, past = moment_label(deadline, implicit), is_past(deadline, ctx.peiljaar)
        if past and verdict.status not in (Status.ACHIEVED, Status.NOT_ACHIEVED, Status.NOT_ASSESSED):
            notes.append(Note(Remark.MILESTONE_OVERDUE, period=deadline.describe()))
    return goal_evaluation(kind, goal, None, verdict, past=past, explanation=Explanation(
        rule=verdict.rule, target_moment=moment, notes=notes,
        illustrative=ctx.stand is not None and ctx.stand_illustrative))

