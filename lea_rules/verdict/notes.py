"""Notes: what a verdict adds for the reader besides its rule, as typed values.

Like a `Reason`, a `Note` carries no sentence: lea_rules/words says it per language. To add a
note: one `Remark` member here, one sentence in words/nl.py and words/en.py (`NOTES`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from lea_rules.nodes import Better, Comparator
from lea_rules.verdict.reasons import UnitCount
from lea_rules.verdict.status import Status


class Remark(Enum):
    """Every kind of note a verdict can carry. The value is a stable id, not shown to readers."""

    PENDING = "pending"  # status: the provisional status
    NO_REFERENCE_POINT = "no-reference-point"  # period
    SAME_MOMENT = "same-moment"  # period, value, percent, flag (the observation is the baseline)
    UNITS_GAP_EARLIER = "units-gap-earlier"  # period, count, groups
    UNITS_MET_DESPITE_MISSING = "units-met-despite-missing"  # count, groups
    UNITS_MISSED_EVEN_IF_ALL = "units-missed-even-if-all"  # count, groups
    BREAK_JUDGED_AT_DEADLINE = "break-judged-at-deadline"
    BREAK_NOW_MET = "break-now-met"  # flag: the latest measurement meets the target
    EXACT_LEVEL = "exact-level"  # value: the level
    DEFAULT_TOLERANCE = "default-tolerance"  # value: the tolerance
    BETTER_BEATS_LEVEL = "better-beats-level"  # better, quantity, comparator, value, percent
    WHOLE_NUMBERS = "whole-numbers"  # comparator, value, judged_as, other
    RELATIVE_TARGET = "relative-target"  # value (y_ref), direction, other (by / 100), quantity, period,
    # target
    ABSOLUTE_TARGET = "absolute-target"  # value (y_ref), direction, quantity, target
    UNITS_COUNTED = "units-counted"
    UNITS_FEWER_DECLARED = "units-fewer-declared"  # file, number, groups, required
    UNITS_SHARE = "units-share"  # number, groups
    ONE_POINT_NOT_MET = "one-point-not-met"
    TWO_POINTS = "two-points"
    RATINGS_ORDER = "ratings-order"  # ratings
    MILESTONE_OVERDUE = "milestone-overdue"  # period
    TARGET_REVISED = "target-revised"  # day, text (reason), original
    ASPIRATION = "aspiration"  # the result is a `streven:`: judged like a doel, shown as a streven
    READ_BACK = "read-back"  # a note read back from a JSON twin: text, kept as written


@dataclass(frozen=True)
class Note:
    """A remark and the values its sentence needs (unused fields stay empty)."""

    remark: Remark
    status: Status | None = None
    period: str | None = None
    value: Decimal | None = None
    other: Decimal | None = None
    target: Decimal | None = None
    percent: bool = False
    flag: bool = False
    direction: int = 0
    quantity: str | None = None  # agenda text as written: `20%`, `1,9%`
    comparator: Comparator | None = None
    judged_as: Comparator | None = None
    better: Better | None = None
    count: UnitCount | None = None
    groups: tuple[str, ...] = ()  # a count over units: the groups, as declared
    number: int | None = None
    required: int | None = None
    file: str | None = None
    ratings: tuple[str, ...] = ()
    day: date | None = None
    original: str | None = None  # the original goals, as the JSON `description` writes them
    text: str | None = None
