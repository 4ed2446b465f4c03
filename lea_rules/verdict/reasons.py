"""Reasons: which rule of the method decided a status, with the values its sentence needs.

The evaluation says *why* with a `Reason`, never with a sentence: the words layer
(lea_rules/words) turns a Reason into Dutch for the JSON twin (`nl`), plain Dutch for the raad
(`nl_plain`) and English (`en`). To add a rule: one member here, one sentence in each of those
modules (tests/test_words.py fails until every language has it).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from lea_rules.data.model import ReportedState
from lea_rules.nodes import Comparator, Measure
from lea_rules.period import Period
from lea_rules.tijdstip import Tijdstip


class Rule(Enum):
    """Every rule that can decide a status. The value is a stable id, not shown to readers."""

    # no figures to judge
    NO_BASELINE = "no-baseline"
    NO_POINT_SINCE_BASELINE = "no-point-since-baseline"
    NO_REFERENCE = "no-reference"  # direction: no figure for the reference year (period)
    UNITS_UNDECLARED = "units-undeclared"  # groups, file
    UNITS_INCOMPLETE = "units-incomplete"  # count, groups
    BASE_ZERO = "base-zero"  # relative target from 0: period, quantity, indicator, unit
    BASE_ZERO_FALL = "base-zero-fall"  # relative fall from 0 at the lower bound 0: period, indicator
    BEYOND_BOUNDS = "beyond-bounds"  # absolute change past the bounds: period, value, direction, quantity,
    # indicator
    AT_BOUND = "at-bound"  # direction from the indicator's bound: period, value, direction
    SERIES_BREAK = "series-break"  # before the deadline, numeric target
    DIRECTION_BREAK = "direction-break"
    DIRECTION_FINAL_BREAK = "direction-final-break"
    FINAL_PENDING = "final-pending"  # inner: the rule of the provisional status
    # before the deadline (Eurostat thresholds on R)
    ONE_POINT_MET = "one-point-met"
    ONE_POINT = "one-point"
    MET_STEADY = "met-steady"
    MET_WORSENING = "met-worsening"
    STRICT_FROM_BOUNDARY = "strict-from-boundary"  # inner: the two-signal rule that decided
    KEEP_LOST = "keep-lost"
    RATIO_ON_TRACK = "ratio-on-track"
    RATIO_ACCELERATE = "ratio-accelerate"
    RATIO_INSUFFICIENT = "ratio-insufficient"
    RATIO_NEGATIVE = "ratio-negative"
    # at or after the deadline
    FINAL_MET = "final-met"
    FINAL_MISSED_ACROSS_BREAK = "final-missed-across-break"
    FINAL_ALMOST = "final-almost"
    FINAL_IMPROVED = "final-improved"
    FINAL_MISSED_BASE_MET = "final-missed-base-met"
    FINAL_MISSED_BASE_ON_BOUNDARY = "final-missed-base-on-boundary"
    FINAL_NOT_BETTER = "final-not-better"
    FINAL_MISSED_NO_BASELINE = "final-missed-no-baseline"  # the deadline figure is the only figure
    # direction only: two signals (trend: for a trend goal)
    SIGNALS_NO_DATA = "signals-no-data"
    SIGNALS_ONE_POINT = "signals-one-point"
    SIGNALS_SAME_MOMENT = "signals-same-moment"
    SIGNALS_BOTH_RIGHT = "signals-both-right"
    SIGNALS_LAST_WRONG = "signals-last-wrong"
    SIGNALS_AVERAGE_WRONG = "signals-average-wrong"
    SIGNALS_NO_CHANGE = "signals-no-change"
    SIGNALS_BOTH_WRONG = "signals-both-wrong"
    DIRECTION_MET = "direction-met"  # direction
    DIRECTION_MISSED = "direction-missed"  # direction
    TREND_NO_DATA = "trend-no-data"
    TREND_NO_POINT_SINCE_BASELINE = "trend-no-point-since-baseline"
    TREND_BREAK = "trend-break"
    # categorical and reported
    CATEGORY_FINAL_MET = "category-final-met"
    CATEGORY_FINAL_MISSED = "category-final-missed"
    CATEGORY_LATEST_MET = "category-latest-met"
    CATEGORY_LATEST_MISSED = "category-latest-missed"  # inner: the writer's stand
    CATEGORY_NO_DATA = "category-no-data"  # inner: the writer's stand
    NOT_ASSESSED = "not-assessed"
    REPORTED = "reported"  # stand
    # a recurring goal (`jaarlijks`): one verdict per occurrence
    RECURRING_LATEST = "recurring-latest"  # inner, period (the latest occurrence), periods (missed)
    RECURRING_FIRST = "recurring-first"  # inner, period (the first occurrence, still to come)
    RECURRING_NO_VALUE = "recurring-no-value"  # period: no measurement for this occurrence
    # a rule read back from a JSON twin: its Dutch text, kept as written
    READ_BACK = "read-back"


SIGNALS = frozenset({Rule.SIGNALS_NO_DATA, Rule.SIGNALS_ONE_POINT, Rule.SIGNALS_SAME_MOMENT,
                     Rule.SIGNALS_BOTH_RIGHT, Rule.SIGNALS_LAST_WRONG, Rule.SIGNALS_AVERAGE_WRONG,
                     Rule.SIGNALS_NO_CHANGE, Rule.SIGNALS_BOTH_WRONG})
"""The two-signal rules: their sentence says whether they judged a direction or a trend."""


class AimKind(Enum):
    """How a target reads (the JSON `target_text`)."""

    COMPARE = "compare"  # comparator, quantity as written: `>= 85%`
    LEVEL = "level"  # quantity, value (the tolerance): `= 1,9% ± 0,05`
    COMPUTED = "computed"  # comparator, value (X of a relative or absolute change): `<= 12,5`
    CHANGE = "change"  # direction, quantity (the change), period (the reference)
    REFERENCE = "reference"  # direction, period: `hoger dan in 2024`
    TREND = "trend"  # direction: `vergroten`
    AT_LEAST_UNITS = "at-least-units"  # quantity (the minimum), groups: `>= 6 IKC`
    ALL_UNITS = "all-units"  # groups: `alle IKC (100%)`
    SHARE_UNITS = "share-units"  # quantity (the share), value (needed), declared, groups:
    # `>= 3 voorscholen (de helft van 6)`
    GOAL = "goal"  # text: the goal as the JSON `description` writes it
    READ_BACK = "read-back"  # text: read back from a JSON twin


@dataclass(frozen=True)
class Aim:
    """A target as the reader should see it, typed; the words layer says it."""

    kind: AimKind
    comparator: Comparator | None = None
    quantity: str | None = None
    value: Decimal | None = None
    direction: int = 0
    period: str | None = None
    groups: tuple[str, ...] = ()  # the groups counted over, as the goal writes them
    text: str | None = None
    unit: str | None = None  # COMPUTED: the indicator's unit of measure, so that X reads `8%`
    declared: int | None = None  # SHARE_UNITS: the number of declared units the share is of


@dataclass(frozen=True)
class Measurement:
    """Which measurement counts for a target moment on an indicator's kind of period, and (once it
    is in) the period of the one that did. `written`: read back from a JSON twin, as it said it."""

    target: Period | None
    measure: Measure | None
    final: Period | None = None
    written: str | None = None
    span: Tijdstip | None = None  # the target moment as written, when it is a part of a year (eind 2021)


@dataclass(frozen=True)
class UnitCount:
    """Count over units in one period: of the declared units, how many meet and how many delivered."""

    meeting: int
    delivered: int
    declared: int

    @property
    def missing(self) -> int:
        return self.declared - self.delivered


@dataclass(frozen=True)
class Reason:
    """A rule and the values its sentence needs (unused fields stay empty)."""

    rule: Rule
    inner: Reason | None = None  # a rule that wraps another: the wrapped one
    trend: bool = False  # a two-signal rule on a trend goal
    direction: int = 0  # +1 higher is the aim, -1 lower
    stand: ReportedState | None = None
    period: str | None = None  # a period or moment as written: 2024, 2023/2024
    value: Decimal | None = None
    quantity: str | None = None  # agenda text as written: `20%`
    groups: tuple[str, ...] = ()  # a count over units: the groups, as declared
    indicator: str | None = None
    unit: str | None = None  # the indicator's unit of measure (`%`, `aantal`), for values and advice
    count: UnitCount | None = None
    file: str | None = None  # the file that declares the units
    text: str | None = None  # READ_BACK: the rule as the JSON said it
    periods: tuple[str, ...] = ()  # RECURRING_LATEST: the earlier occurrences that were missed
