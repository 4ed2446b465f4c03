"""Goals: one verdict per goal of every kind the language has, with the numbers behind it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from lea_rules.data.model import Observation, ObservationStatus, ReportedState, observation_value_text
from lea_rules.data.units import DeclaredUnits, plural, unit_key
from lea_rules.evaluation import rules
from lea_rules.evaluation.model import Explanation, GoalEvaluation, Status, UnitCheck
from lea_rules.evaluation.rules import Target, Verdict
from lea_rules.evaluation.series import SeriesPoint, has_break, totals, unit_observations
from lea_rules.nodes import (
    Agenda,
    Better,
    Comparator,
    CompareGoal,
    DirectionGoal,
    Goal,
    Indicator,
    Measure,
    MilestoneGoal,
    Moment,
    Quantity,
    Result,
    TrendGoal,
    Unit,
    UnitsGoal,
)
from lea_rules.numbers import format_dutch
from lea_rules.period import (
    available,
    before_agenda,
    counts_for,
    describe_rule,
    is_past,
    moment_period,
    moment_words,
    parse_period,
    position,
)


@dataclass(frozen=True)
class Context:
    """Everything one verdict may look at: the agenda, the data and the writer's stand."""

    agenda: Agenda
    observations: Sequence[Observation]
    peiljaar: int
    stand: ReportedState | None = None
    stand_illustrative: bool = False
    units: DeclaredUnits | None = None  # eenheden.csv; None: no group has declared units


# --- describing goals ----------------------------------------------------------


def moment_text(moment: Moment) -> str:
    return moment_words(moment)


def describe_goal(goal: Goal) -> str:
    """The goal in the words of the language, e.g. `VVE-bereik >= 85% in 2027`."""
    if isinstance(goal, CompareGoal):
        tol = f" ± {goal.tolerance.text}" if goal.tolerance is not None else ""
        when = f" {moment_text(goal.deadline)}" if goal.deadline else ""
        return f"{goal.indicator} {goal.comparator.value} {goal.value.describe()}{tol}{when}"
    if isinstance(goal, DirectionGoal):
        word = "gestegen" if goal.direction > 0 else "gedaald"
        by = f" met {goal.by.describe()}" if goal.by is not None else ""
        when = f" {moment_text(goal.deadline)}" if goal.deadline else ""
        return f"{goal.indicator} {word}{by}{when} t.o.v. {goal.reference.describe()}"
    if isinstance(goal, TrendGoal):
        return f"{goal.indicator} {'vergroten' if goal.direction > 0 else 'verminderen'}"
    if isinstance(goal, UnitsGoal):
        count = f"tenminste {goal.minimum.text}" if goal.minimum is not None else "alle"
        cond = (f" {goal.comparator.value} {goal.value.describe()}"
                if goal.comparator is not None and goal.value is not None else "")
        when = f" {moment_text(goal.deadline)}" if goal.deadline else ""
        return f"{count} {goal.group} met {goal.indicator}{cond}{when}"
    if isinstance(goal, MilestoneGoal):
        return "mijlpaal" + (f" {moment_text(goal.deadline)}" if goal.deadline else "")
    return "kwalitatief"


def _f(value: Decimal | None) -> float | None:
    return None if value is None else round(float(value), 6)


def _deadline(agenda: Agenda, written: Moment | None, span_from: Goal) -> tuple[Moment, bool]:
    """The written target moment, or the end of the agenda's period (the report says so)."""
    if written is not None:
        return written, False
    return Moment(Measure.CALENDAR_YEAR, agenda.period[1], span_from.span), True


def _moment_label(moment: Moment, implicit: bool) -> str:
    text = moment.describe()
    return f"{text} (einde periode)" if implicit else text


# --- dispatch --------------------------------------------------------------------


def evaluate_goal(ctx: Context, result: Result, goal: Goal) -> GoalEvaluation:
    if isinstance(goal, CompareGoal):
        if goal.value.number is None:
            return _categorical(ctx, goal)
        return _compare(ctx, result, goal)
    if isinstance(goal, DirectionGoal):
        if goal.by is not None:
            return _relative(ctx, result, goal)
        return _direction(ctx, result, goal)
    if isinstance(goal, TrendGoal):
        return _trend(ctx, result, goal)
    if isinstance(goal, UnitsGoal):
        return _units(ctx, result, goal)
    return _reported(ctx, goal)


def _evaluation(kind: str, goal: Goal, indicator: Indicator | None, verdict: Verdict, *,
                past: bool, explanation: Explanation) -> GoalEvaluation:
    return GoalEvaluation(
        kind=kind, description=describe_goal(goal),
        indicator=indicator.name if indicator else None,
        indicator_label=indicator.label if indicator else None,
        unit=indicator.unit.value if indicator and indicator.unit else None,
        status=verdict.status, colour=verdict.status.colour, past=past, explanation=explanation)


def _missing_indicator(kind: str, goal: Goal, name: str) -> GoalEvaluation:
    verdict = Verdict(Status.NO_DATA, f"indicator '{name}' is niet gedeclareerd")
    return _evaluation(kind, goal, None, verdict, past=False,
                       explanation=Explanation(rule=verdict.rule))


# --- numeric targets ---------------------------------------------------------------


@dataclass(frozen=True)
class Baseline:
    point: SeriesPoint
    kind: str  # expliciet | jaar uit het doel | nulmeting | eerste meting


@dataclass(frozen=True)
class Numeric:
    """A numeric target ready for the rules: its series, target and how to read it."""

    kind: str
    goal: Goal
    indicator: Indicator
    series: list[SeriesPoint]
    target: Target  # on the judged scale (distance to X for an exact level)
    target_value: Decimal  # X as the reader knows it
    target_text: str
    deadline: Moment
    implicit: bool
    measure: Measure
    bounds: tuple[Decimal | None, Decimal | None]
    level: Decimal | None = None  # exact level: judged on |y - level|
    reference: Moment | None = None
    notes: tuple[str, ...] = ()
    units: dict[str, list[UnitCheck]] = field(default_factory=dict)
    counts: dict[str, UnitCount] = field(default_factory=dict)  # count over units, per period
    required: int | None = None  # count over units: how many must meet (N, or every declared unit)
    group: str = ""


@dataclass(frozen=True)
class UnitCount:
    """Count over units in one period: of the declared units, how many meet and how many delivered."""

    meeting: int
    delivered: int
    declared: int

    @property
    def missing(self) -> int:
        return self.declared - self.delivered

    def describe(self, group: str) -> str:
        """`3 van 7 IKC's geleverd; 4 ontbreken`."""
        verb = "ontbreekt" if self.missing == 1 else "ontbreken"
        return (f"{self.delivered} van {self.declared} {plural(group, self.declared)} geleverd; "
                f"{self.missing} {verb}")


def _settle(spec: Numeric, count: UnitCount | None, verdict: Verdict, notes: list[str]) -> Verdict:
    """Count over units with declared units missing: judged only when the missing cannot change it.

    Met when the units that meet already reach the required number (the missing cannot undo
    that); incomplete (grey) when the missing units could still make it; otherwise judged
    as it stands, because even if every missing unit met, the goal would not be reached.
    """
    if count is None or spec.required is None or count.missing == 0:
        return verdict
    known = count.describe(spec.group)
    missing = plural(spec.group, count.missing)
    if count.meeting >= spec.required:
        notes.append(f"{known}; het doel is al gehaald met de geleverde {plural(spec.group)}: de "
                     f"ontbrekende {missing} kunnen dat niet ongedaan maken")
        return verdict
    if count.meeting + count.missing >= spec.required:
        return Verdict(Status.INCOMPLETE, f"gegevens onvolledig: {known}; met de ontbrekende {missing} kan "
                       "het doel nog gehaald worden, dus er is geen oordeel")
    notes.append(f"{known}; ook als de ontbrekende {missing} allemaal voldoen, wordt het doel niet gehaald")
    return verdict


def _available(ctx: Context, series: Sequence[SeriesPoint]) -> list[SeriesPoint]:
    return [p for p in series if available(p.period, ctx.peiljaar) and p.value is not None]


def _explicit_baseline(result: Result, measure: Measure) -> SeriesPoint | None:
    if result.baseline is None:
        return None
    quantity, moment = result.baseline
    if quantity.number is None:
        return None
    return SeriesPoint(period=moment_period(moment), value=quantity.number.value,
                       source="basis in de agenda", explicit=True,
                       position=position(moment, measure))


def choose_baseline(ctx: Context, result: Result, points: Sequence[SeriesPoint], measure: Measure,
                    reference: Moment | None = None) -> Baseline | None:
    """Explicit baseline; else the year the target names; else the nulmeting; else the first."""
    explicit = _explicit_baseline(result, measure)
    if explicit is not None:
        return Baseline(explicit, "expliciet")
    if reference is not None:
        named = [p for p in points if counts_for(p.period, reference)]
        return Baseline(named[-1], "jaar uit het doel") if named else None
    before = [p for p in points if before_agenda(p.period, ctx.agenda.period[0])]
    if before:
        # Real before illustrative: a published figure from before the period is the nulmeting,
        # even when an illustrative one lies closer to the period's start.
        real = [p for p in before if not p.illustrative]
        return Baseline(real[-1] if real else before[-1], "nulmeting")
    return Baseline(points[0], "eerste meting") if points else None


def _window(points: Sequence[SeriesPoint], baseline: SeriesPoint,
            until: SeriesPoint | None = None) -> list[SeriesPoint]:
    """The baseline and the observations after it (up to `until`).

    An observation at the moment of a `basis:` line is still a measurement: with the same value
    it is the baseline itself; with another value it follows the agenda's baseline (which stays y0).
    """
    later = [p for p in points if p.t > baseline.t and (until is None or p.start <= until.start)]
    same = [p for p in points if baseline.explicit and p.t == baseline.t]
    if same and same[-1].value == baseline.value:
        return [same[-1], *later]
    return [baseline, *same[-1:], *later]


def _values(window: Sequence[SeriesPoint], level: Decimal | None) -> list[rules.TimeValue]:
    pairs = [(p.t, p.value) for p in window if p.value is not None]
    return rules.to_distance(pairs, level) if level is not None else pairs


def _judge_numeric(ctx: Context, result: Result, spec: Numeric) -> GoalEvaluation:
    points = _available(ctx, spec.series)
    past = is_past(spec.deadline, ctx.peiljaar)
    notes = list(spec.notes)
    base = choose_baseline(ctx, result, points, spec.measure, spec.reference)
    moment = _moment_label(spec.deadline, spec.implicit)
    rule_for_target = describe_rule(spec.deadline, spec.measure)
    if base is None:
        if spec.reference is not None:
            notes.append(f"geen meting voor het referentiejaar {spec.reference.describe()}")
        verdict = Verdict(Status.NO_DATA, "geen meting om mee te beginnen (geen basis)")
        return _evaluation(spec.kind, spec.goal, spec.indicator, verdict, past=past, explanation=Explanation(
            rule=verdict.rule, target_value=_f(spec.target_value), target_text=spec.target_text,
            target_moment=moment, measurement_for_target=rule_for_target,
            illustrative=any(p.illustrative for p in points), notes=notes))
    final = None
    if past:
        candidates = [p for p in points if counts_for(p.period, spec.deadline)]
        final = candidates[-1] if candidates else None
    window = _window(points, base.point, final)
    observed = [p for p in window if not p.explicit]
    if base.point.explicit and observed and observed[0].t == base.point.t:
        shown = format_dutch(observed[0].value if observed[0].value is not None else Decimal(0))
        shown += "%" if spec.indicator.unit is Unit.PERCENT else ""
        notes.append(f"de meting over {observed[0].period.text} ({shown}) is een meting, ook al valt ze "
                     "op het moment van de basis in de agenda" + (
                         "" if window[0] is observed[0] else "; ze verschilt van die basis, en de "
                         "basis in de agenda telt als y0"))
    t_target = position(spec.deadline, spec.measure)
    values = _values(window, spec.level)
    raw = _values(window, None)
    broken = has_break(window)
    provisional_status: Status | None = None
    count = spec.counts.get(observed[-1].period.text) if observed else None
    for earlier in observed[:-1]:
        gap = spec.counts.get(earlier.period.text)
        if gap is not None and gap.missing:
            notes.append(f"{earlier.period.text}: {gap.describe(spec.group)} (die meting telt alleen de "
                         f"geleverde {plural(spec.group)} die voldoen)")
    if not observed:
        verdict = Verdict(Status.NO_DATA, "geen meting sinds de basis")
    elif past and final is not None:
        y0, y_final = values[0][1], values[-1][1]
        verdict = rules.at_deadline(y0, y_final, spec.target, comparable=not broken)
        if broken:
            notes.append("trendbreuk: de bron of definitie veranderde binnen de reeks; de meting voor "
                         "het doelmoment is wel beoordeeld")
        verdict = _settle(spec, count, verdict, notes)
    else:
        if broken:
            now_met = spec.target.met(values[-1][1])
            verdict = Verdict(Status.SERIES_BREAK, "trendbreuk: de bron of definitie veranderde binnen "
                              "de reeks; geen ratio en geen verwachting over de breuk heen",
                              indicative=len(values) < 3,
                              notes=("de laatste meting voldoet nu " + ("wel" if now_met else "niet")
                                     + " aan het doel",))
        else:
            verdict = rules.before_deadline(values, spec.target, t_target)
        verdict = _settle(spec, count, verdict, notes)
        if past:
            provisional_status = verdict.status
            notes.append(f"nog geen meting voor het doelmoment; voorlopige status: {verdict.status.value}")
            verdict = Verdict(Status.FINAL_PENDING, "eindmeting nog niet beschikbaar (voorlopig: "
                              + verdict.rule + ")", verdict.required, verdict.actual, verdict.ratio,
                              last_change=verdict.last_change, indicative=verdict.indicative,
                              notes=verdict.notes)
    if spec.level is not None and verdict.actual is not None:
        notes.append(f"exact niveau: beoordeeld als afstand tot {format_dutch(spec.level)} "
                     "(lager is beter); vereiste en werkelijke verandering gelden voor die afstand")
    notes.extend(verdict.notes)
    latest = window[-1]
    units = spec.units.get(observed[-1].period.text, []) if observed else []
    explanation = Explanation(
        rule=verdict.rule, baseline=base.point.to_point(), baseline_kind=base.kind,
        latest=latest.to_point() if not latest.explicit else None,
        target_value=_f(spec.target_value), target_text=spec.target_text, target_moment=moment,
        measurement_for_target=rule_for_target + (f": {final.period.text}" if final else ""),
        required_per_year=_f(verdict.required), actual_per_year=_f(verdict.actual),
        ratio=_f(verdict.ratio), last_change_per_year=_f(verdict.last_change),
        achieved_share=_f(verdict.share),
        projection=None if final is not None or broken or not observed
        else _f(rules.projection(raw, t_target, spec.bounds)),  # voorlopig when the final value is pending
        points=[p.to_point() for p in window], indicative=verdict.indicative or len(window) < 3,
        provisional=provisional_status is not None,
        illustrative=any(p.illustrative for p in window) or any(u.illustrative for u in units),
        notes=notes, provisional_status=provisional_status, series_break=broken, units=units,
        units_period=observed[-1].period.text if units else None,
        units_declared=count.declared if count is not None else None,
        units_missing=count.missing if count is not None else None)
    return _evaluation(spec.kind, spec.goal, spec.indicator, verdict, past=past, explanation=explanation)


def _compare(ctx: Context, result: Result, goal: CompareGoal) -> GoalEvaluation:
    indicator = ctx.agenda.indicator(goal.indicator)
    if indicator is None:
        return _missing_indicator("drempel", goal, goal.indicator)
    assert goal.value.number is not None
    x = goal.value.number.value
    deadline, implicit = _deadline(ctx.agenda, goal.deadline, goal)
    notes: list[str] = []
    level: Decimal | None = None
    if goal.comparator is Comparator.EQ:
        tolerance = (goal.tolerance.value if goal.tolerance is not None
                     else rules.default_tolerance(goal.value.number.decimals))
        kind = "niveau"
        text = f"= {goal.value.describe()} ± {format_dutch(tolerance)}"
        if goal.tolerance is None:
            notes.append(f"marge {format_dutch(tolerance)}: een halve eenheid van de laatst "
                         "geschreven decimaal")
        if indicator.better in (Better.HIGHER, Better.LOWER):
            # `beter:` says which way is better: beating the target is meeting it.
            lower = indicator.better is Better.LOWER
            target = Target(Comparator.LE, x + tolerance) if lower else Target(Comparator.GE, x - tolerance)
            sign = "%" if goal.value.unit is Unit.PERCENT else ""
            notes.append(f"beter: {indicator.better.value}: een waarde {'onder' if lower else 'boven'} "
                         f"{goal.value.describe()} haalt het doel ook; beoordeeld als "
                         f"{target.comparator.value} {format_dutch(target.value)}{sign}")
        else:
            target, level = rules.distance_target(tolerance), x
    else:
        whole = indicator.unit is not None and indicator.unit.whole
        target = rules.whole_target(goal.comparator, x) if whole else Target(goal.comparator, x)
        kind, text = "drempel", f"{goal.comparator.value} {goal.value.describe()}"
        if target.comparator is not goal.comparator:
            notes.append(f"hele aantallen: {goal.comparator.value} {format_dutch(x)} is "
                         f"{target.comparator.value} {format_dutch(target.value)}")
            x = target.value
    spec = Numeric(kind, goal, indicator, totals(indicator, ctx.observations, ctx.agenda), target, x,
                   text, deadline, implicit, indicator.measure, indicator.bounds(), level=level,
                   notes=tuple(notes))
    return _judge_numeric(ctx, result, spec)


def _relative(ctx: Context, result: Result, goal: DirectionGoal) -> GoalEvaluation:
    """`gedaald met 20% in 2027 t.o.v. 2024`: X = y2024 * (1 - 0,20), then as a threshold."""
    indicator = ctx.agenda.indicator(goal.indicator)
    if indicator is None:
        return _missing_indicator("relatief", goal, goal.indicator)
    assert goal.by is not None and goal.by.number is not None
    series = totals(indicator, ctx.observations, ctx.agenda)
    points = _available(ctx, series)
    ref = [p for p in points if counts_for(p.period, goal.reference) and p.value is not None]
    deadline, implicit = _deadline(ctx.agenda, goal.deadline, goal)
    by = goal.by.number.value
    comparator = Comparator.GE if goal.direction > 0 else Comparator.LE
    if not ref or ref[-1].value is None:
        # Without the reference value there is no target number: judged as missing data.
        spec = Numeric("relatief", goal, indicator, [], Target(comparator, Decimal(0)), Decimal(0),
                       f"{'gestegen' if goal.direction > 0 else 'gedaald'} met {goal.by.describe()} "
                       f"t.o.v. {goal.reference.describe()}", deadline, implicit, indicator.measure,
                       indicator.bounds(), reference=goal.reference)
        return _judge_numeric(ctx, result, spec)
    y_ref = ref[-1].value
    relative = goal.by.unit is Unit.PERCENT
    if relative and y_ref == 0:
        return _not_judgeable(ctx, "relatief", goal, indicator, points, ref[-1], deadline, implicit,
                              f"niet te beoordelen: basis is 0 (in {ref[-1].period.text}); "
                              f"{goal.by.describe()} van 0 is 0, dus een verandering in procenten zegt "
                              "hier niets. Een doel met een getal (zoals >= 2 in 2027) kan wel")
    x = y_ref * (1 + goal.direction * by / 100) if relative else y_ref + goal.direction * by
    target = Target(comparator, x)
    how = (f"{format_dutch(y_ref)} × (1 {'+' if goal.direction > 0 else '-'} {format_dutch(by / 100)})"
           if relative else f"{format_dutch(y_ref)} {'+' if goal.direction > 0 else '-'} {format_dutch(by)}")
    note = f"doel X = {how} = {format_dutch(x.quantize(Decimal('0.0001')).normalize())}"
    spec = Numeric("relatief", goal, indicator, series, target, x,
                   f"{comparator.value} {format_dutch(x.quantize(Decimal('0.01')).normalize())}",
                   deadline, implicit, indicator.measure, indicator.bounds(), reference=goal.reference,
                   notes=(note,))
    return _judge_numeric(ctx, result, spec)


def _not_judgeable(ctx: Context, kind: str, goal: DirectionGoal, indicator: Indicator,
                   points: Sequence[SeriesPoint], reference: SeriesPoint, deadline: Moment,
                   implicit: bool, rule: str) -> GoalEvaluation:
    """A target that cannot be computed from its reference value (a rise or fall from 0): grey."""
    verdict = Verdict(Status.NOT_JUDGEABLE, rule)
    window = _window(points, reference)
    return _evaluation(kind, goal, indicator, verdict, past=is_past(deadline, ctx.peiljaar),
                       explanation=Explanation(
                           rule=rule, baseline=reference.to_point(), baseline_kind="jaar uit het doel",
                           latest=window[-1].to_point(), target_text=describe_goal(goal),
                           target_moment=_moment_label(deadline, implicit),
                           measurement_for_target=describe_rule(deadline, indicator.measure),
                           points=[p.to_point() for p in window], indicative=len(window) < 3,
                           illustrative=any(p.illustrative for p in window)))


def _units(ctx: Context, result: Result, goal: UnitsGoal) -> GoalEvaluation:
    """Count over units: the number (tenminste N) or share (alle, elk) of the declared units that meet.

    The units of the group are those in eenheden.csv, never those that happen to be in the
    data: a declared unit without a value is "geen gegevens" and the verdict says how many
    are missing (`_settle`). Without declared units the goal cannot be judged.
    """
    indicator = ctx.agenda.indicator(goal.indicator)
    if indicator is None:
        return _missing_indicator("eenheden", goal, goal.indicator)
    deadline, implicit = _deadline(ctx.agenda, goal.deadline, goal)
    group = ctx.agenda.group(goal.group)
    group_name = group.name if group is not None else goal.group
    units = ctx.units or DeclaredUnits()
    declared = units.of(group_name)
    if goal.minimum is not None:
        x = goal.minimum.value
        target = rules.whole_target(Comparator.GE, x)
        text = f">= {goal.minimum.text} {goal.group}"
        bounds: tuple[Decimal | None, Decimal | None] = (Decimal(0), None)
        notes: tuple[str, ...] = ("de waarde is het aantal eenheden dat aan de voorwaarde voldoet",)
        required = int(target.value)
        if declared and required > len(declared):
            notes += (f"{data_units_text(units, group_name, len(declared))}: minder dan de {required} "
                      "die het doel vraagt",)
    else:
        x = Decimal(100)
        target, bounds = Target(Comparator.GE, x), (Decimal(0), Decimal(100))
        text = f"alle {goal.group} (100%)"
        notes = (f"de waarde is het aandeel (%) van de {len(declared)} gedeclareerde {plural(group_name)} "
                 "dat aan de voorwaarde voldoet; een eenheid zonder gegevens telt niet als voldoend",)
        required = len(declared)
    if not declared:
        verdict = Verdict(Status.NO_DATA, f"de eenheden van groep {group_name} zijn niet gedeclareerd in "
                          f"{units.label}: welke {plural(group_name)} er zijn is nog niet bekend, dus dit "
                          "doel is niet te beoordelen")
        return _evaluation("eenheden", goal, indicator, verdict, past=is_past(deadline, ctx.peiljaar),
                           explanation=Explanation(
                               rule=verdict.rule, target_value=_f(x), target_text=text,
                               target_moment=_moment_label(deadline, implicit),
                               measurement_for_target=describe_rule(deadline, indicator.measure),
                               units_declared=0))
    keys = {unit_key(name): name for name in declared}
    series: list[SeriesPoint] = []
    checks: dict[str, list[UnitCheck]] = {}
    counts: dict[str, UnitCount] = {}
    for period_text, observations in unit_observations(indicator, ctx.observations).items():
        by_unit = {unit_key(o.unit or ""): o for o in observations if unit_key(o.unit or "") in keys}
        if not by_unit:
            continue
        unit_checks = []
        for key, name in keys.items():
            found = by_unit.get(key)
            if found is None:
                unit_checks.append(UnitCheck(unit=name, value="geen gegevens", meets=False,
                                             illustrative=units.illustrative(name), missing=True))
            else:
                unit_checks.append(UnitCheck(unit=found.unit or name, value=_obs_text(found),
                                             meets=_unit_meets(goal, found),
                                             illustrative=found.illustrative or units.illustrative(name)))
        used = list(by_unit.values())
        count = UnitCount(sum(1 for u in unit_checks if u.meets), len(used), len(declared))
        value = (Decimal(count.meeting) if goal.minimum is not None
                 else Decimal(count.meeting) * 100 / count.declared)
        labels = {o.series for o in used if o.series is not None}
        provisional = any(o.status is ObservationStatus.PROVISIONAL for o in used)
        missing = f"; {count.missing} zonder gegevens" if count.missing else ""
        series.append(SeriesPoint(
            period=parse_period(period_text), value=value,
            source=f"{count.meeting} van {count.declared} {goal.group} voldoen{missing}",
            status=(ObservationStatus.PROVISIONAL if provisional else ObservationStatus.FINAL).value,
            illustrative=any(o.illustrative for o in used),
            series="+".join(sorted(labels)) if labels else None))
        checks[period_text] = unit_checks
        counts[period_text] = count
    series.sort(key=lambda p: p.start)
    spec = Numeric("eenheden", goal, indicator, series, target, x, text, deadline, implicit,
                   indicator.measure, bounds, notes=notes, units=checks, counts=counts, required=required,
                   group=group_name)
    return _judge_numeric(ctx, result, spec)


def data_units_text(units: DeclaredUnits, group: str, count: int) -> str:
    """`data/hengelo/eenheden.csv noemt 7 IKC's`."""
    return f"{units.label} noemt {count} {plural(group, count)}"


def _obs_text(obs: Observation) -> str:
    return observation_value_text(obs) or "geen gegevens"


def _unit_meets(goal: UnitsGoal, obs: Observation) -> bool:
    if goal.comparator is None or goal.value is None:
        return obs.flag is True
    if goal.value.number is not None:
        return obs.value is not None and Target(goal.comparator, goal.value.number.value).met(obs.value)
    if goal.value.flag is not None:
        return obs.flag is goal.value.flag
    return obs.rating is not None and goal.value.rating is not None and rules.rating_met(
        obs.rating, goal.value.rating, goal.comparator, ())


# --- direction only ------------------------------------------------------------------


def _direction(ctx: Context, result: Result, goal: DirectionGoal) -> GoalEvaluation:
    """`thuiszitters gedaald in 2027 t.o.v. 2024`: two signals before, strict comparison at the end."""
    indicator = ctx.agenda.indicator(goal.indicator)
    if indicator is None:
        return _missing_indicator("richting", goal, goal.indicator)
    deadline, implicit = _deadline(ctx.agenda, goal.deadline, goal)
    points = _available(ctx, totals(indicator, ctx.observations, ctx.agenda))
    past = is_past(deadline, ctx.peiljaar)
    word = "hoger" if goal.direction > 0 else "lager"
    text = f"{word} dan in {goal.reference.describe()}"
    named = [p for p in points if counts_for(p.period, goal.reference)]
    explicit = _explicit_baseline(result, indicator.measure)
    base = Baseline(named[-1], "jaar uit het doel") if named else (
        Baseline(explicit, "expliciet") if explicit is not None else None)
    moment = _moment_label(deadline, implicit)
    rule_for_target = describe_rule(deadline, indicator.measure)
    bound = indicator.bounds()[0 if goal.direction < 0 else 1]
    if base is not None and not base.point.explicit and bound is not None and base.point.value == bound:
        return _not_judgeable(ctx, "richting", goal, indicator, points, base.point, deadline, implicit,
                              f"niet te beoordelen: in {base.point.period.text} was de waarde al "
                              f"{format_dutch(bound)}, de grens van de indicator; "
                              f"{'hoger' if goal.direction > 0 else 'lager'} kan niet")
    if base is None:
        verdict = Verdict(Status.NO_DATA, "geen meting voor het referentiejaar "
                          f"{goal.reference.describe()}")
        return _evaluation("richting", goal, indicator, verdict, past=past, explanation=Explanation(
            rule=verdict.rule, target_text=text, target_moment=moment,
            measurement_for_target=rule_for_target,
            illustrative=any(p.illustrative for p in points)))
    final = None
    if past:
        candidates = [p for p in points if counts_for(p.period, deadline)]
        final = candidates[-1] if candidates else None
    window = _window(points, base.point, final)
    values = _values(window, None)
    broken = has_break(window)
    provisional_status: Status | None = None
    notes: list[str] = []
    if len([p for p in window if not p.explicit]) == 0:
        verdict = Verdict(Status.NO_DATA, "geen meting sinds de basis")
    elif final is not None:
        verdict = (Verdict(Status.SERIES_BREAK, "trendbreuk: de meting voor het doelmoment is niet te "
                           "vergelijken met het referentiejaar") if broken
                   else rules.direction_at_deadline(values[0][1], values[-1][1], goal.direction))
    else:
        verdict = (Verdict(Status.SERIES_BREAK, "trendbreuk: de bron of definitie veranderde binnen de "
                           "reeks") if broken else rules.two_signals(values, goal.direction))
        if past:
            provisional_status = verdict.status
            notes.append(f"nog geen meting voor het doelmoment; voorlopige status: {verdict.status.value}")
            verdict = Verdict(Status.FINAL_PENDING, "eindmeting nog niet beschikbaar (voorlopig: "
                              + verdict.rule + ")", actual=verdict.actual,
                              last_change=verdict.last_change, indicative=verdict.indicative)
    notes.extend(verdict.notes)
    return _evaluation("richting", goal, indicator, verdict, past=past, explanation=Explanation(
        rule=verdict.rule, baseline=base.point.to_point(), baseline_kind=base.kind,
        latest=window[-1].to_point() if not window[-1].explicit else None,
        target_value=_f(base.point.value), target_text=text, target_moment=moment,
        measurement_for_target=rule_for_target + (f": {final.period.text}" if final else ""),
        actual_per_year=_f(verdict.actual), last_change_per_year=_f(verdict.last_change),
        points=[p.to_point() for p in window], indicative=verdict.indicative or len(window) < 3,
        provisional=provisional_status is not None,
        illustrative=any(p.illustrative for p in window), notes=notes,
        provisional_status=provisional_status, series_break=broken))


def _trend(ctx: Context, result: Result, goal: TrendGoal) -> GoalEvaluation:
    """`schoolaanwezigheid vergroten`: the two-signal rule every year, as a trend, not a target."""
    indicator = ctx.agenda.indicator(goal.indicator)
    if indicator is None:
        return _missing_indicator("trend", goal, goal.indicator)
    points = _available(ctx, totals(indicator, ctx.observations, ctx.agenda))
    base = choose_baseline(ctx, result, points, indicator.measure)
    text = "vergroten" if goal.direction > 0 else "verminderen"
    if base is None:
        verdict = Verdict(Status.NO_DATA, "trend: geen meting")
        return _evaluation("trend", goal, indicator, verdict, past=False,
                           explanation=Explanation(rule=verdict.rule, target_text=text))
    window = _window(points, base.point)
    broken = has_break(window)
    if not [p for p in window if not p.explicit]:
        verdict = Verdict(Status.NO_DATA, "trend: geen meting sinds de basis")
    elif broken:
        verdict = Verdict(Status.SERIES_BREAK, "trend: de bron of definitie veranderde binnen de reeks")
    else:
        verdict = rules.two_signals(_values(window, None), goal.direction, trend=True)
    return _evaluation("trend", goal, indicator, verdict, past=False, explanation=Explanation(
        rule=verdict.rule, baseline=base.point.to_point(), baseline_kind=base.kind,
        latest=window[-1].to_point() if not window[-1].explicit else None, target_text=text,
        actual_per_year=_f(verdict.actual), last_change_per_year=_f(verdict.last_change),
        points=[p.to_point() for p in window], indicative=verdict.indicative or len(window) < 3,
        illustrative=any(p.illustrative for p in window), notes=list(verdict.notes),
        series_break=broken))


# --- categorical, milestone, qualitative ------------------------------------------------


def _reported_verdict(ctx: Context, prefix: str = "") -> Verdict:
    verdict = rules.reported(ctx.stand)
    return Verdict(verdict.status, prefix + verdict.rule) if prefix else verdict


def _categorical(ctx: Context, goal: CompareGoal) -> GoalEvaluation:
    """`inspectieoordeel-vve = "goed"`: met when the observed category is the required one."""
    indicator = ctx.agenda.indicator(goal.indicator)
    if indicator is None:
        return _missing_indicator("categorisch", goal, goal.indicator)
    deadline, implicit = _deadline(ctx.agenda, goal.deadline, goal)
    past = is_past(deadline, ctx.peiljaar)
    points = [p for p in totals(indicator, ctx.observations, ctx.agenda)
              if available(p.period, ctx.peiljaar) and (p.rating is not None or p.flag is not None)]

    def met(point: SeriesPoint) -> bool:
        return _category_met(goal.value, goal.comparator, indicator.ratings, point)

    final = None
    if past:
        candidates = [p for p in points if counts_for(p.period, deadline)]
        final = candidates[-1] if candidates else None
    latest = final or (points[-1] if points else None)
    used_stand = False
    provisional_status: Status | None = None
    if final is not None:
        verdict = (Verdict(Status.ACHIEVED, "de meting voor het doelmoment heeft het vereiste oordeel")
                   if met(final) else
                   Verdict(Status.NOT_ACHIEVED, "de meting voor het doelmoment heeft niet het vereiste "
                           "oordeel"))
    else:
        if latest is not None and met(latest):
            verdict = Verdict(Status.ALREADY_MET, "de laatste meting heeft het vereiste oordeel")
        else:
            prefix = ("de laatste meting heeft niet het vereiste oordeel; " if latest is not None
                      else "geen meting; ")
            verdict = _reported_verdict(ctx, prefix)
            used_stand = True
        if past:
            provisional_status = verdict.status
            verdict = Verdict(Status.FINAL_PENDING, "eindmeting nog niet beschikbaar (voorlopig: "
                              + verdict.rule + ")")
    used = [p for p in points if latest is not None and p.start <= latest.start]
    return _evaluation("categorisch", goal, indicator, verdict, past=past, explanation=Explanation(
        rule=verdict.rule, latest=latest.to_point() if latest else None,
        target_text=f"{goal.comparator.value} {goal.value.describe()}",
        target_moment=_moment_label(deadline, implicit),
        measurement_for_target=describe_rule(deadline, indicator.measure)
        + (f": {final.period.text}" if final else ""),
        points=[p.to_point() for p in used], provisional=provisional_status is not None,
        provisional_status=provisional_status,
        illustrative=any(p.illustrative for p in used) or (used_stand and ctx.stand is not None
                                                           and ctx.stand_illustrative),
        notes=[f"oordelen van slecht naar goed: {', '.join(indicator.ratings)}"]
        if indicator.ratings else []))


def _category_met(required: Quantity, comparator: Comparator, order: Sequence[str],
                  point: SeriesPoint) -> bool:
    if required.flag is not None:
        return point.flag is required.flag
    if required.rating is None or point.rating is None:
        return False
    return rules.rating_met(point.rating, required.rating, comparator, order)


def _reported(ctx: Context, goal: Goal) -> GoalEvaluation:
    """Milestones and qualitative results: the writer's reported state maps to a status."""
    verdict = _reported_verdict(ctx)
    moment: str | None = None
    past = False
    notes: list[str] = []
    kind = "kwalitatief"
    if isinstance(goal, MilestoneGoal):
        kind = "mijlpaal"
        deadline, implicit = _deadline(ctx.agenda, goal.deadline, goal)
        moment, past = _moment_label(deadline, implicit), is_past(deadline, ctx.peiljaar)
        if past and verdict.status not in (Status.ACHIEVED, Status.NOT_ACHIEVED, Status.NOT_ASSESSED):
            notes.append(f"het doelmoment ({deadline.describe()}) is voorbij en de mijlpaal is nog niet "
                         "gerealiseerd")
    return _evaluation(kind, goal, None, verdict, past=past, explanation=Explanation(
        rule=verdict.rule, target_moment=moment, notes=notes,
        illustrative=ctx.stand is not None and ctx.stand_illustrative))
