"""Direction: `gedaald met 20% in 2027 t.o.v. 2024` (relatief), `gedaald in 2027 t.o.v. 2024`
(richting) and `vergroten` (trend)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from lea_rules.evaluation import rules
from lea_rules.evaluation.goals.context import Context, deadline_of, goal_evaluation, moment_label
from lea_rules.evaluation.goals.numeric import Numeric, judge_numeric
from lea_rules.evaluation.goals.selection import (
    Baseline,
    available_points,
    choose_baseline,
    explicit_baseline,
    final_point,
    pending,
    values,
    window,
)
from lea_rules.evaluation.model import Explanation, GoalEvaluation, Status
from lea_rules.evaluation.rules import Target, Verdict
from lea_rules.evaluation.series import SeriesPoint, has_break, totals
from lea_rules.nodes import Comparator, DirectionGoal, Indicator, Moment, Result, TrendGoal, Unit
from lea_rules.period import counts_for, is_past, moment_period
from lea_rules.verdict.notes import Note, Remark
from lea_rules.verdict.reasons import Aim, AimKind, Measurement, Reason, Rule
from lea_rules.verdict.status import BaselineKind, GoalKind


def judge_relative(ctx: Context, result: Result, goal: DirectionGoal) -> GoalEvaluation:
    """`gedaald met 20% in 2027 t.o.v. 2024`: X = y2024 * (1 - 0,20), then as a threshold.

    `gedaald met 2 procentpunt` (or `met 5` on a count) is an absolute change: X = y2024 - 2.
    """
    indicator = ctx.indicator(goal.indicator)
    assert goal.by is not None and goal.by.number is not None
    compared = goal.reference
    assert compared is not None  # a recurring direction is judged per occurrence (recurring.py)
    relative = goal.by.unit is Unit.PERCENT
    kind = GoalKind.RELATIVE if relative else GoalKind.ABSOLUTE
    series = totals(indicator, ctx.observations, ctx.agenda)
    points = available_points(ctx, series)
    # the reference value: the measurement for the reference year, else the agenda's `basis:` when it
    # is written for that year (a basis line is data the writer took from the documents)
    ref = [p for p in points if counts_for(p.period, compared) and p.value is not None]
    explicit = explicit_baseline(result, indicator.measure, ctx.agenda.period[0])
    if not ref and explicit is not None and counts_for(explicit.period, compared):
        ref = [explicit]
    deadline, implicit = deadline_of(ctx.agenda, goal.deadline, goal)
    by = goal.by.number.value
    comparator = Comparator.GE if goal.direction > 0 else Comparator.LE
    change = Aim(AimKind.CHANGE, direction=goal.direction, quantity=goal.by.describe(),
                 period=compared.describe())
    if not ref or ref[-1].value is None:
        # Without the reference value there is no target number: judged as missing data.
        spec = Numeric(kind, goal, indicator, [], Target(comparator, Decimal(0)), Decimal(0), change,
                       deadline, implicit, indicator.measure, indicator.bounds(), reference=goal.reference)
        return judge_numeric(ctx, result, spec)
    reference, y_ref = ref[-1], ref[-1].value
    unit = indicator.unit.value if indicator.unit is not None else None
    low, high = indicator.bounds()
    if relative and y_ref == 0:
        zero = (Rule.BASE_ZERO_FALL if goal.direction < 0 and low is not None and low == 0
                else Rule.BASE_ZERO)
        return _not_judgeable(ctx, kind, goal, indicator, points, reference, deadline, implicit,
                              Reason(zero, period=reference.period.text, quantity=goal.by.describe(),
                                     indicator=indicator.name, unit=unit), change)
    x = y_ref * (1 + goal.direction * by / 100) if relative else y_ref + goal.direction * by
    if not relative and ((low is not None and x < low) or (high is not None and x > high)):
        return _not_judgeable(ctx, kind, goal, indicator, points, reference, deadline, implicit,
                              Reason(Rule.BEYOND_BOUNDS, period=reference.period.text, value=y_ref,
                                     direction=goal.direction, quantity=goal.by.describe(),
                                     indicator=indicator.name, unit=unit), change)
    target = Target(comparator, x)
    note = Note(Remark.RELATIVE_TARGET if relative else Remark.ABSOLUTE_TARGET, value=y_ref,
                other=by / 100 if relative else None, direction=goal.direction, quantity=goal.by.describe(),
                period=reference.period.text, percent=indicator.unit is Unit.PERCENT,
                target=x.quantize(Decimal("0.0001")).normalize())
    spec = Numeric(kind, goal, indicator, series, target, x,
                   Aim(AimKind.COMPUTED, comparator=comparator,
                       value=x.quantize(Decimal("0.01")).normalize(), unit=unit),
                   deadline, implicit, indicator.measure, indicator.bounds(), reference=goal.reference,
                   notes=(note,))
    return judge_numeric(ctx, result, spec)


def _not_judgeable(ctx: Context, kind: GoalKind, goal: DirectionGoal, indicator: Indicator,
                   points: Sequence[SeriesPoint], reference: SeriesPoint, deadline: Moment,
                   implicit: bool, rule: Reason, target_text: Aim) -> GoalEvaluation:
    """A target that cannot be computed from its reference value (a rise or fall from 0): grey."""
    verdict = Verdict(Status.NOT_JUDGEABLE, rule)
    used = window(points, reference)
    return goal_evaluation(kind, goal, indicator, verdict, past=is_past(deadline, ctx.peiljaar),
                           explanation=Explanation(
                               rule=rule, baseline=reference.to_point(), baseline_kind=BaselineKind.FROM_GOAL,
                               latest=used[-1].to_point() if not used[-1].explicit else None,
                               target_text=target_text,
                               target_moment=moment_label(deadline, implicit),
                               measurement_for_target=Measurement(moment_period(deadline), indicator.measure,
                                                                  span=deadline.written),
                               points=[p.to_point() for p in used], indicative=len(used) < 3,
                               illustrative=any(p.illustrative for p in used)))


def judge_direction(ctx: Context, result: Result, goal: DirectionGoal) -> GoalEvaluation:
    """`thuiszitters gedaald in 2027 t.o.v. 2024`: two signals before, strict comparison at the end."""
    indicator = ctx.indicator(goal.indicator)
    reference = goal.reference
    assert reference is not None  # a recurring direction is judged per occurrence (recurring.py)
    deadline, implicit = deadline_of(ctx.agenda, goal.deadline, goal)
    points = available_points(ctx, totals(indicator, ctx.observations, ctx.agenda))
    past = is_past(deadline, ctx.peiljaar)
    text = Aim(AimKind.REFERENCE, direction=goal.direction, period=reference.describe())
    named = [p for p in points if counts_for(p.period, reference)]
    explicit = explicit_baseline(result, indicator.measure, ctx.agenda.period[0])
    base = Baseline(named[-1], BaselineKind.FROM_GOAL) if named else (
        Baseline(explicit, BaselineKind.EXPLICIT) if explicit is not None else None)
    moment = moment_label(deadline, implicit)
    rule_for_target = Measurement(moment_period(deadline), indicator.measure, span=deadline.written)
    bound = indicator.bounds()[0 if goal.direction < 0 else 1]
    if base is not None and bound is not None and base.point.value == bound:
        unit = indicator.unit.value if indicator.unit is not None else None
        return _not_judgeable(ctx, GoalKind.DIRECTION, goal, indicator, points, base.point, deadline,
                              implicit,
                              Reason(Rule.AT_BOUND, period=base.point.period.text, value=bound,
                                     direction=goal.direction, unit=unit), text)
    if base is None:
        verdict = Verdict(Status.NO_DATA, Reason(Rule.NO_REFERENCE, period=reference.describe()))
        return goal_evaluation(GoalKind.DIRECTION, goal, indicator, verdict, past=past,
                               explanation=Explanation(
                                   rule=verdict.rule, target_text=text, target_moment=moment,
                                   measurement_for_target=rule_for_target,
                                   illustrative=any(p.illustrative for p in points)))
    final = final_point(points, deadline, past)
    used = window(points, base.point, final)
    judged = values(used)
    broken = has_break(used)
    provisional_status: Status | None = None
    notes: list[Note] = []
    if not [p for p in used if not p.explicit]:
        verdict = Verdict(Status.NO_DATA, Reason(Rule.NO_POINT_SINCE_BASELINE))
    elif final is not None:
        verdict = (Verdict(Status.SERIES_BREAK, Reason(Rule.DIRECTION_FINAL_BREAK)) if broken
                   else rules.direction_at_deadline(judged[0][1], judged[-1][1], goal.direction))
    else:
        verdict = (Verdict(Status.SERIES_BREAK, Reason(Rule.DIRECTION_BREAK)) if broken
                   else rules.two_signals(judged, goal.direction))
        if past:
            provisional_status = verdict.status
            notes.append(Note(Remark.PENDING, status=verdict.status))
            verdict = pending(verdict, keep_notes=False)
    notes.extend(verdict.notes)
    return goal_evaluation(GoalKind.DIRECTION, goal, indicator, verdict, past=past, explanation=Explanation(
        rule=verdict.rule, baseline=base.point.to_point(), baseline_kind=base.kind,
        latest=used[-1].to_point() if not used[-1].explicit else None,
        target_value=base.point.value, target_text=text, target_moment=moment,
        measurement_for_target=replace(rule_for_target, final=final.period if final else None),
        actual_per_year=verdict.actual, last_change_per_year=verdict.last_change,
        points=[p.to_point() for p in used], indicative=verdict.indicative or len(used) < 3,
        provisional=provisional_status is not None,
        illustrative=any(p.illustrative for p in used), notes=notes,
        provisional_status=provisional_status, series_break=broken))


def judge_trend(ctx: Context, result: Result, goal: TrendGoal) -> GoalEvaluation:
    """`schoolaanwezigheid vergroten`: the two-signal rule every year, as a trend, not a target."""
    indicator = ctx.indicator(goal.indicator)
    points = available_points(ctx, totals(indicator, ctx.observations, ctx.agenda))
    base = choose_baseline(ctx, result, points, indicator.measure)
    text = Aim(AimKind.TREND, direction=goal.direction)
    if base is None:
        verdict = Verdict(Status.NO_DATA, Reason(Rule.TREND_NO_DATA))
        return goal_evaluation(GoalKind.TREND, goal, indicator, verdict, past=False,
                               explanation=Explanation(rule=verdict.rule, target_text=text))
    used = window(points, base.point)
    broken = has_break(used)
    if not [p for p in used if not p.explicit]:
        verdict = Verdict(Status.NO_DATA, Reason(Rule.TREND_NO_POINT_SINCE_BASELINE))
    elif broken:
        verdict = Verdict(Status.SERIES_BREAK, Reason(Rule.TREND_BREAK))
    else:
        verdict = rules.two_signals(values(used), goal.direction, trend=True)
    return goal_evaluation(GoalKind.TREND, goal, indicator, verdict, past=False, explanation=Explanation(
        rule=verdict.rule, baseline=base.point.to_point(), baseline_kind=base.kind,
        latest=used[-1].to_point() if not used[-1].explicit else None, target_text=text,
        actual_per_year=verdict.actual, last_change_per_year=verdict.last_change,
        points=[p.to_point() for p in used], indicative=verdict.indicative or len(used) < 3,
        illustrative=any(p.illustrative for p in used), notes=list(verdict.notes),
        series_break=broken))
