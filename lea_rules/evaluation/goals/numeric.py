"""Numeric: a numeric target (drempel, niveau, relatief, eenheden) judged on its series.

Each family prepares a `Numeric` (series, target, how to read it); `judge_numeric` picks the
baseline and the window, applies the rules before or at the deadline and explains the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from lea_rules.evaluation import rules
from lea_rules.evaluation.goals.context import Context, goal_evaluation, moment_label
from lea_rules.evaluation.goals.selection import (
    available_points,
    choose_baseline,
    final_point,
    pending,
    values,
    window,
)
from lea_rules.evaluation.model import Explanation, GoalEvaluation, Status, UnitCheck
from lea_rules.evaluation.rules import Target, Verdict
from lea_rules.evaluation.series import SeriesPoint, has_break
from lea_rules.nodes import Goal, Indicator, Measure, Moment, Result, Unit
from lea_rules.period import is_past, moment_period, position
from lea_rules.verdict.notes import Note, Remark
from lea_rules.verdict.reasons import Aim, Measurement, Reason, Rule, UnitCount
from lea_rules.verdict.status import GoalKind


@dataclass(frozen=True)
class Numeric:
    """A numeric target ready for the rules: its series, target and how to read it."""

    kind: GoalKind
    goal: Goal
    indicator: Indicator
    series: list[SeriesPoint]
    target: Target  # on the judged scale (distance to X for an exact level)
    target_value: Decimal  # X as the reader knows it
    target_text: Aim
    deadline: Moment
    implicit: bool
    measure: Measure
    bounds: tuple[Decimal | None, Decimal | None]
    level: Decimal | None = None  # exact level: judged on |y - level|
    reference: Moment | None = None
    notes: tuple[Note, ...] = ()
    units: dict[str, list[UnitCheck]] = field(default_factory=dict)
    counts: dict[str, UnitCount] = field(default_factory=dict)  # count over units, per period
    required: int | None = None  # count over units: how many must meet (N, or every declared unit)
    groups: tuple[str, ...] = ()  # count over units: the groups counted over
    share: bool = False  # count over units: the figure is the share (%) that meets, not the number


def settle(spec: Numeric, count: UnitCount | None, verdict: Verdict, notes: list[Note]) -> Verdict:
    """Count over units with declared units missing: judged only when the missing cannot change it.

    Met when the units that meet already reach the required number (the missing cannot undo
    that); incomplete (grey) when the missing units could still make it; otherwise judged
    as it stands, because even if every missing unit met, the goal would not be reached.
    """
    if count is None or spec.required is None or count.missing == 0:
        return verdict
    if count.meeting >= spec.required:
        notes.append(Note(Remark.UNITS_MET_DESPITE_MISSING, count=count, groups=spec.groups))
        return verdict
    if count.meeting + count.missing >= spec.required:
        return Verdict(Status.INCOMPLETE, Reason(Rule.UNITS_INCOMPLETE, count=count, groups=spec.groups))
    notes.append(Note(Remark.UNITS_MISSED_EVEN_IF_ALL, count=count, groups=spec.groups))
    return verdict


def judge_numeric(ctx: Context, result: Result, spec: Numeric) -> GoalEvaluation:
    points = available_points(ctx, spec.series)
    past = is_past(spec.deadline, ctx.peiljaar)
    notes = list(spec.notes)
    base = choose_baseline(ctx, result, points, spec.measure, spec.reference)
    moment = moment_label(spec.deadline, spec.implicit)
    rule_for_target = Measurement(moment_period(spec.deadline), spec.measure, span=spec.deadline.written)
    if base is None:
        if spec.reference is not None:
            notes.append(Note(Remark.NO_REFERENCE_POINT, period=spec.reference.describe()))
        verdict = Verdict(Status.NO_DATA, Reason(Rule.NO_BASELINE))
        return goal_evaluation(spec.kind, spec.goal, spec.indicator, verdict, past=past,
                               explanation=Explanation(
                                   rule=verdict.rule, target_value=spec.target_value,
                                   target_text=spec.target_text, target_moment=moment,
                                   measurement_for_target=rule_for_target,
                                   illustrative=any(p.illustrative for p in points), notes=notes,
                                   units_share=spec.share))
    final = final_point(points, spec.deadline, past)
    used = window(points, base.point, final)
    observed = [p for p in used if not p.explicit]
    if base.point.explicit and observed and observed[0].t == base.point.t:
        notes.append(_same_moment_note(spec, observed[0], used[0] is observed[0]))
    t_target = position(spec.deadline, spec.measure)
    judged = values(used, spec.level)
    broken = has_break(used)
    provisional_status: Status | None = None
    count = spec.counts.get(observed[-1].period.text) if observed else None
    for earlier in observed[:-1]:
        gap = spec.counts.get(earlier.period.text)
        if gap is not None and gap.missing:
            notes.append(Note(Remark.UNITS_GAP_EARLIER, period=earlier.period.text, count=gap,
                              groups=spec.groups))
    if not observed:
        verdict = Verdict(Status.NO_DATA, Reason(Rule.NO_POINT_SINCE_BASELINE))
    elif final is not None and len(judged) == 1:
        verdict = settle(spec, count, rules.at_deadline_alone(judged[-1][1], spec.target), notes)
    elif final is not None:
        verdict = rules.at_deadline(judged[0][1], judged[-1][1], spec.target, comparable=not broken)
        if broken:
            notes.append(Note(Remark.BREAK_JUDGED_AT_DEADLINE))
        verdict = settle(spec, count, verdict, notes)
    else:
        if broken:
            now_met = spec.target.met(judged[-1][1])
            verdict = Verdict(Status.SERIES_BREAK, Reason(Rule.SERIES_BREAK), indicative=len(judged) < 3,
                              notes=(Note(Remark.BREAK_NOW_MET, flag=now_met),))
        else:
            verdict = rules.before_deadline(judged, spec.target, t_target)
        verdict = settle(spec, count, verdict, notes)
        if past:
            provisional_status = verdict.status
            notes.append(Note(Remark.PENDING, status=verdict.status))
            verdict = pending(verdict)
    if spec.level is not None and verdict.actual is not None:
        notes.append(Note(Remark.EXACT_LEVEL, value=spec.level))
    notes.extend(verdict.notes)
    latest = used[-1]
    units = spec.units.get(observed[-1].period.text, []) if observed else []
    explanation = Explanation(
        rule=verdict.rule, baseline=base.point.to_point(), baseline_kind=base.kind,
        latest=latest.to_point() if not latest.explicit else None,
        target_value=spec.target_value, target_text=spec.target_text, target_moment=moment,
        measurement_for_target=replace(rule_for_target, final=final.period if final else None),
        required_per_year=verdict.required, actual_per_year=verdict.actual,
        ratio=verdict.ratio, last_change_per_year=verdict.last_change,
        achieved_share=verdict.share,
        # voorlopig when the final value is pending
        projection=None if final is not None or broken or not observed
        else rules.projection(values(used), t_target, spec.bounds),
        points=[p.to_point() for p in used], indicative=verdict.indicative or len(used) < 3,
        provisional=provisional_status is not None,
        illustrative=any(p.illustrative for p in used) or any(u.illustrative for u in units),
        notes=notes, provisional_status=provisional_status, series_break=broken, units=units,
        units_period=observed[-1].period if units else None,
        units_declared=count.declared if count is not None else None,
        units_missing=count.missing if count is not None else None, units_share=spec.share)
    return goal_evaluation(spec.kind, spec.goal, spec.indicator, verdict, past=past, explanation=explanation)


def _same_moment_note(spec: Numeric, observed: SeriesPoint, is_baseline: bool) -> Note:
    """An observation at the moment of the agenda's `basis:` line is a measurement all the same."""
    return Note(Remark.SAME_MOMENT, period=observed.period.text,
                value=observed.value if observed.value is not None else Decimal(0),
                percent=spec.indicator.unit is Unit.PERCENT, flag=is_baseline)
