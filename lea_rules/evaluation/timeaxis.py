"""Time axis: periods (kalenderjaar, schooljaar, peildatum) as positions, and which one counts when.

A kalenderjaar `2027` sits at 2027, a schooljaar `2026/2027` at 2026 (its first year) and a
peildatum at its year (1 januari exactly on the year; a later date a fraction further), as
evaluation-method.md ("Time") prescribes. A period is *available* for a peiljaar when it has
ended by then: schooljaar 2024/2025 is the latest schooljaar for peiljaar 2025.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lea_rules.data.values import Period, read_period_text
from lea_rules.nodes import Measure, Moment

SCHOOL_YEAR_START = (8, 1)  # 1 augustus


def read_period(text: str) -> Period:
    """The period of a stored observation (the store has already checked it)."""
    return read_period_text(text)


def moment_period(moment: Moment) -> Period:
    return Period(moment.kind, moment.year, moment.day)


def start_date(period: Period) -> date:
    if period.kind is Measure.SCHOOL_YEAR:
        return date(period.year, *SCHOOL_YEAR_START)
    if period.kind is Measure.REFERENCE_DATE and period.day is not None:
        return period.day
    return date(period.year, 1, 1)


def end_year(period: Period) -> int:
    """The calendar year in which the period ends (a schooljaar ends the year after it starts)."""
    return period.year + 1 if period.kind is Measure.SCHOOL_YEAR else period.year


def axis(period: Period) -> Decimal:
    """Position on the time axis of the period's own kind of measurement."""
    if period.kind is Measure.REFERENCE_DATE and period.day is not None:
        first = date(period.day.year, 1, 1)
        days = (date(period.day.year + 1, 1, 1) - first).days
        return Decimal(period.day.year) + Decimal((period.day - first).days) / Decimal(days)
    return Decimal(period.year)


def available(period: Period, peiljaar: int) -> bool:
    """The period has ended by the end of the peiljaar, so its figure can be known."""
    return end_year(period) <= peiljaar


def is_past(moment: Moment, peiljaar: int) -> bool:
    """The target moment lies at or before the peiljaar."""
    return end_year(moment_period(moment)) <= peiljaar


def _school_year_of(day: date) -> int:
    return day.year if (day.month, day.day) >= SCHOOL_YEAR_START else day.year - 1


def position(moment: Moment, measure: Measure) -> Decimal:
    """Where a moment of the agenda (target or baseline) sits on an indicator's axis.

    A calendar year on a schooljaar indicator is the schooljaar that ends in it ("1,9% in
    2027" -> 2026/2027 -> 2026); a schooljaar on a calendar-year indicator is the year it ends.
    """
    period = moment_period(moment)
    if period.kind is measure:
        return axis(period)
    if measure is Measure.SCHOOL_YEAR:
        if period.kind is Measure.REFERENCE_DATE and period.day is not None:
            return Decimal(_school_year_of(period.day))
        return Decimal(period.year - 1)
    if period.kind is Measure.SCHOOL_YEAR:
        return Decimal(period.year + 1)
    return Decimal(period.year)


def counts_for(period: Period, moment: Moment) -> bool:
    """Whether a measurement is a candidate for the target moment (the latest candidate counts)."""
    target = moment_period(moment)
    if target.kind is Measure.CALENDAR_YEAR:
        return end_year(period) == target.year and (
            period.kind is not Measure.REFERENCE_DATE or start_date(period).year == target.year)
    if target.kind is Measure.SCHOOL_YEAR:
        if period.kind is Measure.SCHOOL_YEAR:
            return period.year == target.year
        if period.kind is Measure.CALENDAR_YEAR:
            return period.year == target.year + 1
        return _school_year_of(start_date(period)) == target.year
    day = start_date(target)
    if period.kind is Measure.REFERENCE_DATE:
        return start_date(period).year == day.year and start_date(period) <= day
    if period.kind is Measure.SCHOOL_YEAR:
        return period.year == _school_year_of(day)
    return period.year == day.year


def describe_rule(moment: Moment, measure: Measure) -> str:
    """Which measurement counts for a target moment, in words for the report."""
    target = moment_period(moment)
    if target.kind is measure and measure is not Measure.REFERENCE_DATE:
        return f"de meting over {target.text}"
    if measure is Measure.SCHOOL_YEAR:
        if target.kind is Measure.CALENDAR_YEAR:
            return f"het schooljaar dat in {target.year} eindigt ({target.year - 1}/{target.year})"
        sy = _school_year_of(start_date(target))
        return f"het schooljaar waarin {target.text} valt ({sy}/{sy + 1})"
    if measure is Measure.REFERENCE_DATE:
        if target.kind is Measure.CALENDAR_YEAR:
            return f"de laatste peildatum in {target.year}"
        if target.kind is Measure.SCHOOL_YEAR:
            return f"de laatste peildatum in schooljaar {target.text}"
        return f"de laatste peildatum in {target.year} op of voor {target.text}"
    if target.kind is Measure.SCHOOL_YEAR:
        return f"het kalenderjaar waarin schooljaar {target.text} eindigt ({target.year + 1})"
    return f"het kalenderjaar {target.year}"


def before_agenda(period: Period, first_year: int) -> bool:
    """A nulmeting candidate: the period begins before the agenda's period does.

    For an agenda 2024-2027: kalenderjaar 2023, schooljaar 2023/2024, or a peildatum on or
    before 1 januari 2024.
    """
    start = date(first_year, 1, 1)
    if period.kind is Measure.REFERENCE_DATE:
        return start_date(period) <= start
    return start_date(period) < start


@dataclass(frozen=True)
class Deadline:
    """A target moment, and whether it was written or taken from the end of the period."""

    moment: Moment
    implicit: bool
