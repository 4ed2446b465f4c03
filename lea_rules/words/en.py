"""English: the rules and statuses for the report with `--lang en`; says what `nl_plain` says."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from lea_rules.data.group_names import counted_groups, named_groups
from lea_rules.data.model import ReportedState
from lea_rules.nodes import Better, Comparator, Measure
from lea_rules.numbers import format_number
from lea_rules.period import Period, school_year_of
from lea_rules.tijdstip import Tijdstip
from lea_rules.verdict.aspiration import Aspiration
from lea_rules.verdict.figures import AgendaBaseline, Derived, Source, UnitValue
from lea_rules.verdict.notes import Note, Remark
from lea_rules.verdict.reasons import SIGNALS, Aim, AimKind, Measurement, Reason, Rule, UnitCount
from lea_rules.verdict.status import BaselineKind, Status
from lea_rules.words.common import (
    field,
    how_many,
    inner,
    listed,
    moment,
    named_once,
    units_percent,
    with_unit,
)

STATUS: dict[Status, str] = {
    Status.ALREADY_MET: "target already met", Status.MET_DETERIORATING: "met, deteriorating",
    Status.ON_TRACK: "on track", Status.ACCELERATION_NEEDED: "acceleration needed",
    Status.INSUFFICIENT_PROGRESS: "insufficient progress", Status.WRONG_DIRECTION: "moving away",
    Status.ACHIEVED: "achieved", Status.ALMOST_ACHIEVED: "almost achieved",
    Status.NOT_ACHIEVED_IMPROVED: "not achieved, improved", Status.NOT_ACHIEVED: "not achieved",
    Status.FINAL_PENDING: "final value pending", Status.NO_DATA: "no data",
    Status.TOO_FEW_POINTS: "too few points", Status.SERIES_BREAK: "series break",
    Status.NOT_ASSESSED: "not yet assessed", Status.NOT_STARTED: "not yet started",
    Status.INCOMPLETE: "incomplete data", Status.NOT_JUDGEABLE: "cannot be judged",
}

ASPIRATION: dict[Aspiration, str] = {
    Aspiration.ALREADY_REACHED: "aspiration already reached",
    Aspiration.REACHED_DETERIORATING: "aspiration reached, deteriorating",
    Aspiration.ON_THE_WAY: "on the way to the aspiration", Aspiration.SLOWER: "slower than the aspiration",
    Aspiration.FAR_BEHIND: "far behind the aspiration",
    Aspiration.MOVING_AWAY: "moving away from the aspiration",
    Aspiration.REACHED: "aspiration reached", Aspiration.ALMOST_REACHED: "aspiration almost reached",
    Aspiration.NOT_REACHED_IMPROVED: "aspiration not reached, improved",
    Aspiration.NOT_REACHED: "aspiration not reached",
}

BASELINE: dict[BaselineKind, str] = {
    BaselineKind.EXPLICIT: "given in the agenda", BaselineKind.FROM_GOAL: "year named in the target",
    BaselineKind.NULMETING: "baseline measurement", BaselineKind.FIRST: "first measurement",
}

STAND: dict[ReportedState, str] = {
    ReportedState.REALISED: "realised", ReportedState.ON_SCHEDULE: "on schedule",
    ReportedState.DELAYED: "delayed", ReportedState.AT_RISK: "at risk",
    ReportedState.NOT_REALISED: "not realised", ReportedState.STOPPED: "stopped",
    ReportedState.NOT_STARTED: "not yet started",
}

_NEEDED = "of what is needed to reach the target on time"


def number(value: Decimal) -> str:
    return format_number(value, 2, lang="en")


def higher(reason: Reason) -> str:
    return "higher" if reason.direction > 0 else "lower"


def unit_count(count: UnitCount, groups: tuple[str, ...]) -> str:
    """`3 of 7 units (IKC) delivered; 4 missing`; over groups together `units (school and wijk)`."""
    return (f"{count.delivered} of {count.declared} units ({named_groups(groups, 'en')}) delivered; "
            f"{count.missing} missing")


def _of_groups(groups: tuple[str, ...]) -> str:
    """`group wijk`, `the groups school and wijk`."""
    return f"group {groups[0]}" if len(groups) == 1 else f"the groups {named_groups(groups, 'en')}"


def _incomplete(r: Reason) -> str:
    assert r.count is not None
    return (f"incomplete data: {unit_count(r.count, r.groups)}; with the missing units the "
            "target could still be met, so there is no verdict")


def _at_bound(r: Reason) -> str:
    assert r.value is not None
    return (f"cannot be judged: in {r.period} the value was already {with_unit(number(r.value), r.unit)}, "
            f"the bound of the indicator; it cannot get {higher(r)}")


def _base_zero(r: Reason) -> str:
    two = with_unit("2", r.unit)
    step = "2 procentpunt" if r.unit == "%" else two
    return (f"cannot be judged: the baseline is 0 (in {r.period}); {r.quantity} of 0 is 0, so a change in "
            f"percent says nothing here. A target with a number ({r.indicator} >= {two}) or an absolute "
            f"change (gestegen met {step}) does work")


def _beyond(r: Reason) -> str:
    assert r.value is not None
    return (f"cannot be judged: {with_unit(number(r.value), r.unit)} (in {r.period}) "
            f"{'+' if r.direction > 0 else '-'} {r.quantity} lies outside the bounds of {r.indicator}, so "
            "this target cannot be reached; choose a smaller change")


def _stand(r: Reason) -> str:
    return STAND[r.stand] if r.stand is not None else ""


SENTENCES: dict[Rule, Callable[[Reason], str]] = {
    Rule.NO_BASELINE: lambda r: "no measurement to start from (no baseline)",
    Rule.NO_POINT_SINCE_BASELINE: lambda r: "no measurement since the baseline",
    Rule.NO_REFERENCE: lambda r: f"no measurement for the reference year {r.period}",
    Rule.UNITS_UNDECLARED: lambda r: (
        f"the units of {_of_groups(r.groups)} are not declared in {r.file}: which units there are is not yet "
        "known, so this target cannot be judged"),
    Rule.UNITS_INCOMPLETE: _incomplete,
    Rule.BASE_ZERO: _base_zero,
    Rule.BASE_ZERO_FALL: lambda r: (
        f"cannot be judged: the baseline is 0 (in {r.period}); below 0 is impossible, so this target cannot "
        f"be reached. A target that holds 0 ({r.indicator} <= 0) does work"),
    Rule.BEYOND_BOUNDS: _beyond,
    Rule.AT_BOUND: _at_bound,
    Rule.SERIES_BREAK: lambda r: ("series break: the source or definition changed within the series; "
                                  "no ratio and no projection across the break"),
    Rule.DIRECTION_BREAK: lambda r: "series break: the source or definition changed within the series",
    Rule.DIRECTION_FINAL_BREAK: lambda r: ("series break: the measurement for the target moment cannot "
                                           "be compared with the reference year"),
    Rule.FINAL_PENDING: lambda r: f"final value not yet available (provisional: {rule(inner(r))})",
    Rule.ONE_POINT_MET: lambda r: "one measurement, and it already meets the target",
    Rule.ONE_POINT: lambda r: "one measurement: too few for a trend",
    Rule.MET_STEADY: lambda r: "meets the target and is not deteriorating",
    Rule.MET_WORSENING: lambda r: "meets the target, but is deteriorating",
    Rule.STRICT_FROM_BOUNDARY: lambda r: ("strict target, the baseline lies exactly on the boundary: "
                                          + core(inner(r))),
    Rule.KEEP_LOST: lambda r: "hold on: the baseline met the target, the latest measurement no longer does",
    Rule.RATIO_ON_TRACK: lambda r: f"not yet reached, but progress is at least 95% {_NEEDED}",
    Rule.RATIO_ACCELERATE: lambda r: f"progress is 60 to 95% {_NEEDED}",
    Rule.RATIO_INSUFFICIENT: lambda r: f"progress is less than 60% {_NEEDED}",
    Rule.RATIO_NEGATIVE: lambda r: "the value is moving away from the target",
    Rule.FINAL_MET: lambda r: "the measurement for the target moment meets the target",
    Rule.FINAL_MISSED_ACROSS_BREAK: lambda r: (
        "not met: the measurement for the target moment does not meet the target; because of the series "
        "break it cannot be compared with the baseline (almost achieved, improved)"),
    Rule.FINAL_ALMOST: lambda r: "not met, but 95% or more of the required change was achieved",
    Rule.FINAL_IMPROVED: lambda r: ("not met, better than the baseline, but less than 95% of the required "
                                    "change"),
    Rule.FINAL_MISSED_BASE_MET: lambda r: ("not met and not better than the baseline (the baseline already "
                                           "met the target)"),
    Rule.FINAL_MISSED_BASE_ON_BOUNDARY: lambda r: ("not met and not better than the baseline (the "
                                                   "baseline lay exactly on the boundary)"),
    Rule.FINAL_NOT_BETTER: lambda r: "not met and not better than the baseline",
    Rule.FINAL_MISSED_NO_BASELINE: lambda r: (
        "not met: the measurement for the target moment does not meet the target; there is no earlier "
        "measurement to compare it with (almost achieved, improved)"),
    Rule.SIGNALS_NO_DATA: lambda r: "no measurement",
    Rule.SIGNALS_ONE_POINT: lambda r: "one measurement, too few for a trend",
    Rule.SIGNALS_SAME_MOMENT: lambda r: "measurements at the same moment",
    Rule.SIGNALS_BOTH_RIGHT: lambda r: "average and latest change in the right direction",
    Rule.SIGNALS_LAST_WRONG: lambda r: "average change right, latest wrong or zero",
    Rule.SIGNALS_AVERAGE_WRONG: lambda r: "average change wrong or zero, latest right",
    Rule.SIGNALS_NO_CHANGE: lambda r: "no change",
    Rule.SIGNALS_BOTH_WRONG: lambda r: "average and latest change in the wrong direction",
    Rule.DIRECTION_MET: lambda r: (f"the measurement for the target moment is {higher(r)} than in the "
                                   "reference year"),
    Rule.DIRECTION_MISSED: lambda r: (f"the measurement for the target moment is not {higher(r)} than in "
                                      "the reference year"),
    Rule.TREND_NO_DATA: lambda r: "trend: no measurement",
    Rule.TREND_NO_POINT_SINCE_BASELINE: lambda r: "trend: no measurement since the baseline",
    Rule.TREND_BREAK: lambda r: "trend: the source or definition changed within the series",
    Rule.CATEGORY_FINAL_MET: lambda r: "the measurement for the target moment has the required rating",
    Rule.CATEGORY_FINAL_MISSED: lambda r: ("the measurement for the target moment does not have the "
                                           "required rating"),
    Rule.CATEGORY_LATEST_MET: lambda r: "the latest measurement has the required rating",
    Rule.CATEGORY_LATEST_MISSED: lambda r: ("the latest measurement does not have the required rating; "
                                            + rule(inner(r))),
    Rule.CATEGORY_NO_DATA: lambda r: "no measurement; " + rule(inner(r)),
    Rule.NOT_ASSESSED: lambda r: "not assessed by the policy officer for this reference year",
    Rule.REPORTED: lambda r: f"state according to the policy officer: {_stand(r)}",
    Rule.RECURRING_LATEST: lambda r: (
        f"judged each time; the latest time up to the reference year ({r.period}) decides: {rule(inner(r))}"
        + (f"; missed before: {listed(r.periods, 'and')}" if r.periods else "")),
    Rule.RECURRING_FIRST: lambda r: f"judged each time; the first time ({r.period}) is still to come: "
                                    f"{rule(inner(r))}",
    Rule.RECURRING_NO_VALUE: lambda r: f"no measurement for {r.period}: no data",
    Rule.READ_BACK: lambda r: field(r.text),
}


def core(reason: Reason) -> str:
    return SENTENCES[reason.rule](reason)


def rule(reason: Reason) -> str:
    """The rule in English."""
    if reason.rule in SIGNALS:
        label = "trend (direction only, no target with a deadline): " if reason.trend else "direction only: "
        return label + core(reason)
    return core(reason)


def status(value: Status | Aspiration) -> str:
    return ASPIRATION[value] if isinstance(value, Aspiration) else STATUS[value]


def _counts_for(target: Period, measure: Measure, span: Tijdstip | None = None) -> str:
    if span is not None and span.fuzzy:
        return _counts_for_span(span, measure)
    if target.kind is measure and measure is not Measure.REFERENCE_DATE:
        return f"the measurement for {moment(target.text, 'en')}"
    if measure is Measure.SCHOOL_YEAR:
        if target.kind is Measure.CALENDAR_YEAR:
            return f"the school year that ends in {target.year} ({target.year - 1}/{target.year})"
        sy = school_year_of(target.start)
        return f"the school year in which {moment(target.text, 'en')} falls ({sy}/{sy + 1})"
    if measure is Measure.REFERENCE_DATE:
        if target.kind is Measure.CALENDAR_YEAR:
            return f"the latest reference date in {target.year}"
        if target.kind is Measure.SCHOOL_YEAR:
            return f"the latest reference date in school year {moment(target.text, 'en')}"
        return f"the latest reference date in {target.year} on or before {moment(target.text, 'en')}"
    if target.kind is Measure.SCHOOL_YEAR:
        return f"the calendar year in which school year {moment(target.text, 'en')} ends ({target.year + 1})"
    return f"calendar year {target.year}"


def _counts_for_span(span: Tijdstip, measure: Measure) -> str:
    year = span.last.year
    if measure is Measure.REFERENCE_DATE:
        return (f"the latest reference date within {span.english} ({span.first.isoformat()} to "
                f"{span.last.isoformat()})")
    if measure is Measure.SCHOOL_YEAR:
        return f"for {span.english}: the school year that ends in {year} ({year - 1}/{year})"
    return f"for {span.english}: calendar year {year}"


def measurement(value: Measurement) -> str:
    """Which measurement counts for the target moment (after the colon: the one that did, unless the
    rule names it already)."""
    if value.written is not None:
        return value.written
    assert value.target is not None and value.measure is not None
    return named_once(_counts_for(value.target, value.measure, value.span), value.final, "en")


def _count(n: Note) -> tuple[UnitCount, tuple[str, ...]]:
    assert n.count is not None
    return n.count, n.groups


def _value(value: Decimal | None) -> str:
    assert value is not None
    return format_number(value, 6, lang="en")


def _same_moment(n: Note) -> str:
    shown = _value(n.value) + ("%" if n.percent else "")
    return (f"the measurement for {moment(n.period or '', 'en')} ({shown}) is a measurement, even though "
            "it falls on the moment of the baseline in the agenda"
            + ("" if n.flag else "; it differs from that baseline, and the target is measured from the "
                                 "baseline in the agenda"))


def _gap(n: Note) -> str:
    count, group = _count(n)
    return (f"{moment(n.period or '', 'en')}: {unit_count(count, group)} (that measurement only counts "
            "the delivered units that meet)")


def _met_despite(n: Note) -> str:
    count, group = _count(n)
    return (f"{unit_count(count, group)}; the target is already met with the delivered units: the missing "
            "units cannot undo that")


def _missed_even_if(n: Note) -> str:
    count, group = _count(n)
    return f"{unit_count(count, group)}; even if all the missing units meet, the target is not met"


def _better(n: Note) -> str:
    assert n.better is not None and n.comparator is not None
    lower = n.better is Better.LOWER
    return (f"better: {'lower' if lower else 'higher'}: a value {'below' if lower else 'above'} {n.quantity} "
            f"also meets the target; judged as {n.comparator.value} {_value(n.value)}"
            + ("%" if n.percent else ""))


def _whole(n: Note) -> str:
    assert n.comparator is not None and n.judged_as is not None
    return f"whole numbers: {n.comparator.value} {_value(n.value)} is {n.judged_as.value} {_value(n.other)}"


def _sign(n: Note) -> str:
    return "+" if n.direction > 0 else "-"


def _revised(n: Note) -> str:
    assert n.day is not None
    return (f"target revised on {n.day.isoformat()}" + (f" ({n.text})" if n.text else "")
            + f"; original target: {n.original}")


NOTES: dict[Remark, Callable[[Note], str]] = {
    Remark.PENDING: lambda n: ("no measurement for the target moment yet; provisional status: "
                               f"{STATUS[n.status] if n.status else ''}"),
    Remark.NO_REFERENCE_POINT: lambda n: f"no measurement for the reference year {n.period}",
    Remark.SAME_MOMENT: _same_moment,
    Remark.UNITS_GAP_EARLIER: _gap,
    Remark.UNITS_MET_DESPITE_MISSING: _met_despite,
    Remark.UNITS_MISSED_EVEN_IF_ALL: _missed_even_if,
    Remark.BREAK_JUDGED_AT_DEADLINE: lambda n: ("series break: the source or definition changed within the "
                                                "series; the measurement for the target moment is judged "
                                                "all the same"),
    Remark.BREAK_NOW_MET: lambda n: (f"the latest measurement {'meets' if n.flag else 'does not meet'} the "
                                     "target now"),
    Remark.EXACT_LEVEL: lambda n: (f"exact level: judged as the distance to {_value(n.value)} (lower is "
                                   "better); the required and actual change apply to that distance"),
    Remark.DEFAULT_TOLERANCE: lambda n: f"margin {_value(n.value)}: half a unit of the last decimal written",
    Remark.BETTER_BEATS_LEVEL: _better,
    Remark.WHOLE_NUMBERS: _whole,
    Remark.RELATIVE_TARGET: lambda n: (
        f"target X = {_value(n.value)} × (1 {_sign(n)} {_value(n.other)}), relative: {n.quantity} of the "
        f"value in {n.period}; X = {_value(n.target)}{'%' if n.percent else ''}"),
    Remark.ABSOLUTE_TARGET: lambda n: (f"target X = {_value(n.value)} {_sign(n)} {n.quantity}, absolute; "
                                       f"X = {_value(n.target)}{'%' if n.percent else ''}"),
    Remark.UNITS_COUNTED: lambda n: "the value is the number of units that meet the condition",
    Remark.UNITS_FEWER_DECLARED: lambda n: (
        f"{n.file} lists {n.number} units ({named_groups(n.groups, 'en')}): fewer than the {n.required} the "
        "target asks for"),
    Remark.UNITS_SHARE: lambda n: (
        f"the value is the share (%) of the {n.number} declared units ({named_groups(n.groups, 'en')}) that "
        "meet the condition; a unit without data does not count as meeting"),
    Remark.ONE_POINT_NOT_MET: lambda n: "the measurement does not meet the target now",
    Remark.TWO_POINTS: lambda n: "with two measurements both changes are the same",
    Remark.RATINGS_ORDER: lambda n: f"ratings from bad to good: {', '.join(n.ratings)}",
    Remark.MILESTONE_OVERDUE: lambda n: (f"the target moment ({n.period}) has passed and the milestone has "
                                         "not yet been realised"),
    Remark.TARGET_REVISED: _revised,
    Remark.ASPIRATION: lambda n: ("this is an aspiration in the document, not a hard norm: it is judged "
                                  "like a target, but never shown in red"),
    Remark.READ_BACK: lambda n: field(n.text),
}


def note(value: Note) -> str:
    """A note in English."""
    return NOTES[value.remark](value)


_SIGNS = {Comparator.GE: "\u2265", Comparator.LE: "\u2264"}


def aim(value: Aim) -> str:
    """The target in English; agenda text (`85%`, the goal itself) stays as written."""
    def sign(comparator: Comparator | None) -> str:
        assert comparator is not None
        return _SIGNS.get(comparator, comparator.value)

    kind = value.kind
    if kind is AimKind.COMPARE:
        return f"{sign(value.comparator)} {value.quantity}"
    if kind is AimKind.LEVEL:
        return f"= {value.quantity} ± {_value(value.value)}"
    if kind is AimKind.COMPUTED:
        return f"{sign(value.comparator)} {with_unit(_value(value.value), value.unit)}"
    if kind is AimKind.CHANGE:
        verb = "risen" if value.direction > 0 else "fallen"
        return f"{verb} by {value.quantity} compared with {value.period}"
    if kind is AimKind.REFERENCE:
        return f"{'higher' if value.direction > 0 else 'lower'} than in {value.period}"
    if kind is AimKind.TREND:
        return "increase" if value.direction > 0 else "decrease"
    if kind is AimKind.AT_LEAST_UNITS:  # the group's Dutch name, in its Dutch plural (`IKC's`)
        many = counted_groups(value.groups, how_many(value.value), "en")
        return f"{sign(Comparator.GE)} {value.quantity} {many}"
    if kind is AimKind.ALL_UNITS:
        return f"all {counted_groups(value.groups, lang='en')} (100%)"
    if kind is AimKind.SHARE_UNITS:  # `≥ 3 voorscholen (half of 6)`
        many = counted_groups(value.groups, how_many(value.value), "en")
        share = "half" if value.quantity == "de helft" else value.quantity
        of = f" of {value.declared}" if value.declared is not None else ""
        return f"{sign(Comparator.GE)} {_value(value.value)} {many} ({share}{of})"
    text = field(value.text)
    if kind in (AimKind.GOAL, AimKind.READ_BACK):
        for comparator, shown in _SIGNS.items():
            text = text.replace(comparator.value, shown)
    return text


# --- figures: a unit's value, the source of a count over units --------------------------------


def unit_value(value: UnitValue) -> str:
    """One unit's value: `4.5`, `yes`, the rating word as the data writes it; `no data` without one."""
    if value.written is not None:
        return value.written
    if value.flag is not None:
        return "yes" if value.flag else "no"
    if value.rating is not None:
        return value.rating
    return format_number(value.number, lang="en") if value.number is not None else "no data"


def source(value: Source) -> str:
    """Where a figure comes from (the data's own words); a count over units: `4 of 7 units (IKC) meet`."""
    if isinstance(value, str):
        return value
    if isinstance(value, Derived):
        if not value.formula:
            return "computed with the indicator's formula"
        return "computed: " + value.formula.format(*(format_number(v, lang="en") for v in value.values))
    if isinstance(value, AgendaBaseline):
        return "baseline in the agenda" + (", undated" if value.undated else "")
    count = value.count
    missing = f"; {count.missing} without data" if count.missing else ""
    share = f" ({units_percent(count)})" if value.share else ""
    return (f"{count.meeting} of {count.declared} units ({named_groups(value.groups, 'en')}){share} "
            f"{'meets' if count.meeting == 1 else 'meet'}{missing}")
