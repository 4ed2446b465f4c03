"""Units: a count over units — `tenminste 6 IKC met brugfunctionaris` (number) or `alle IKC` (share)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_CEILING, Decimal

from lea_rules.data.model import Observation, ObservationStatus
from lea_rules.data.units import DeclaredUnits, unit_key
from lea_rules.evaluation import rules
from lea_rules.evaluation.goals.context import Context, deadline_of, goal_evaluation, moment_label
from lea_rules.evaluation.goals.numeric import Numeric, judge_numeric
from lea_rules.evaluation.model import Explanation, GoalEvaluation, Status, UnitCheck
from lea_rules.evaluation.rules import Target, Verdict
from lea_rules.evaluation.series import SeriesPoint, unit_observations
from lea_rules.nodes import Comparator, Result, UnitsGoal, normalise_group
from lea_rules.period import is_past, moment_period
from lea_rules.verdict.figures import UnitsMet, UnitValue
from lea_rules.verdict.notes import Note, Remark
from lea_rules.verdict.reasons import Aim, AimKind, Measurement, Reason, Rule, UnitCount
from lea_rules.verdict.status import GoalKind


def judge_units(ctx: Context, result: Result, goal: UnitsGoal) -> GoalEvaluation:
    """Count over units: the number (tenminste N) or share (alle, elk) of the declared units that meet.

    The units of the group are those in eenheden.csv, never those that happen to be in the
    data: a declared unit without a value is "geen gegevens" and the verdict says how many
    are missing (`settle`). Without declared units the goal cannot be judged. Over several
    groups together (`school en/of wijk`) the units are those of every group, a unit listed
    under two of them once; one group without declared units leaves the goal unjudged.
    """
    indicator = ctx.indicator(goal.indicator)
    deadline, implicit = deadline_of(ctx.agenda, goal.deadline, goal)
    groups = _groups(ctx, goal)
    units = ctx.units or DeclaredUnits()
    members = units.of_groups(groups)  # a unit under two of the groups is one unit
    declared = list(members)
    undeclared = tuple(g for g in groups if not units.of(g))
    if goal.minimum is not None:
        x = goal.minimum.value
        target = rules.whole_target(Comparator.GE, x)
        text = Aim(AimKind.AT_LEAST_UNITS, quantity=goal.minimum.text, value=goal.minimum.value,
                   groups=goal.groups)
        bounds: tuple[Decimal | None, Decimal | None] = (Decimal(0), None)
        notes: tuple[Note, ...] = (Note(Remark.UNITS_COUNTED),)
        required = int(target.value)
        if declared and required > len(declared):
            notes += (Note(Remark.UNITS_FEWER_DECLARED, file=units.label, number=len(declared),
                           groups=groups, required=required),)
    elif goal.share is not None:  # `de helft van de voorschool`: the share of the declared units, rounded up
        required = needed(goal.share.value, len(declared))
        x = Decimal(required)
        target = rules.whole_target(Comparator.GE, x)
        text = Aim(AimKind.SHARE_UNITS, quantity=goal.share.text, value=x, groups=goal.groups,
                   declared=len(declared))
        bounds = (Decimal(0), None)
        notes = (Note(Remark.UNITS_COUNTED),)
    else:
        x = Decimal(100)
        target, bounds = Target(Comparator.GE, x), (Decimal(0), Decimal(100))
        text = Aim(AimKind.ALL_UNITS, groups=goal.groups)
        notes = (Note(Remark.UNITS_SHARE, number=len(declared), groups=groups),)
        required = len(declared)
    if undeclared:  # a group without its units: which units count is not known, so no verdict
        verdict = Verdict(Status.NO_DATA, Reason(Rule.UNITS_UNDECLARED, groups=undeclared, file=units.label))
        return goal_evaluation(GoalKind.UNITS, goal, indicator, verdict, past=is_past(deadline, ctx.peiljaar),
                               explanation=Explanation(
                                   rule=verdict.rule, target_value=x, target_text=text,
                                   target_moment=moment_label(deadline, implicit),
                                   measurement_for_target=Measurement(moment_period(deadline),
                                                                      indicator.measure,
                                                                      span=deadline.written),
                                   units_declared=0, units_share=_all(goal)))
    keys = {unit_key(name): name for name in declared}

    def shown(name: str) -> list[str]:  # which of the groups a unit is in, when there is a choice
        return list(members[name]) if len(groups) > 1 else []
    series: list[SeriesPoint] = []
    checks: dict[str, list[UnitCheck]] = {}
    counts: dict[str, UnitCount] = {}
    for period, observations in unit_observations(indicator, ctx.observations).items():
        by_unit = {unit_key(o.breakdown or ""): o for o in observations
                   if unit_key(o.breakdown or "") in keys}
        if not by_unit:
            continue
        unit_checks = []
        for key, name in keys.items():
            found = by_unit.get(key)
            if found is None:
                unit_checks.append(UnitCheck(unit=name, value=UnitValue(), meets=False,
                                             illustrative=units.illustrative(name), missing=True,
                                             groups=shown(name)))
            else:
                unit_checks.append(UnitCheck(unit=found.breakdown or name, value=_unit_value(found),
                                             meets=_unit_meets(goal, found, indicator.ratings),
                                             illustrative=found.illustrative or units.illustrative(name),
                                             groups=shown(name)))
        used = list(by_unit.values())
        count = UnitCount(sum(1 for u in unit_checks if u.meets), len(used), len(declared))
        value = (Decimal(count.meeting) if goal.minimum is not None or goal.share is not None
                 else Decimal(count.meeting) * 100 / count.declared)
        labels = {o.series for o in used if o.series is not None}
        provisional = any(o.status is ObservationStatus.PROVISIONAL for o in used)
        series.append(SeriesPoint(
            period=period, value=value, source=UnitsMet(count, goal.groups, share=goal.share is not None,
                                                      sources=tuple(dict.fromkeys(o.source for o in used))),
            status=(ObservationStatus.PROVISIONAL if provisional else ObservationStatus.FINAL).value,
            illustrative=any(o.illustrative for o in used),
            series="+".join(sorted(labels)) if labels else None))
        checks[period.text] = unit_checks
        counts[period.text] = count
    series.sort(key=lambda p: p.start)
    spec = Numeric(GoalKind.UNITS, goal, indicator, series, target, x, text, deadline, implicit,
                   indicator.measure, bounds, notes=notes, units=checks, counts=counts, required=required,
                   groups=groups, share=_all(goal))
    return judge_numeric(ctx, result, spec)


def needed(share: Decimal, declared: int) -> int:
    """How many of the declared units a share asks for: the share of them, rounded up (80% of 6 is 5)."""
    return int((share * declared / 100).to_integral_value(rounding=ROUND_CEILING))


def _all(goal: UnitsGoal) -> bool:
    """`alle IKC`, `elk IKC`: judged as the share (%) of the declared units that meet."""
    return goal.minimum is None and goal.share is None


def _groups(ctx: Context, goal: UnitsGoal) -> tuple[str, ...]:
    """The goal's groups by their declared names, each once (`IKC's` is `IKC`)."""
    out: dict[str, str] = {}
    for written in goal.groups:
        group = ctx.agenda.group(written)
        name = group.name if group is not None else written
        out.setdefault(normalise_group(name), name)
    return tuple(out.values())


def _unit_value(obs: Observation) -> UnitValue:
    return UnitValue(number=obs.value, flag=obs.flag, rating=obs.rating)


def _unit_meets(goal: UnitsGoal, obs: Observation, order: Sequence[str]) -> bool:
    """Whether one unit meets; a rating compares by the order of the indicator's `waarden:`,
    as the same comparison does for the whole municipality."""
    if goal.comparator is None or goal.value is None:
        return obs.flag is True
    if goal.value.number is not None:
        return obs.value is not None and Target(goal.comparator, goal.value.number.value).met(obs.value)
    if goal.value.flag is not None:
        return obs.flag is goal.value.flag
    return obs.rating is not None and goal.value.rating is not None and rules.rating_met(
        obs.rating, goal.value.rating, goal.comparator, order)
