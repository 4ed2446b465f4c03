"""Periods: kalenderjaar, schooljaar and peildatum, read once and placed on the time axis.

Every period the tool handles is a `Period`: the store reads the text of observaties.csv
into one, the evaluation places it on the time axis and decides which one counts for a
target moment, the report shows it in words. Its canonical text (`2023`, `2022/2023`,
`2022-01-01`) is what observaties.csv and the JSON output hold.

A kalenderjaar `2027` sits at 2027, a schooljaar `2026/2027` at 2026 (its first year) and a
peildatum at its year (1 januari exactly on the year; a later date a fraction further), as
docs/evaluation.md ("Tijd") prescribes. A period is *available* for a peiljaar when it has
ended by then: schooljaar 2024/2025 is the latest schooljaar for peiljaar 2025.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lea_rules.diagnostics import ValueProblem
from lea_rules.nodes import Measure, Moment
from lea_rules.suggest import did_you_mean
from lea_rules.tijdstip import MONTH_NAMES, Tijdstip

MONTHS = MONTH_NAMES  # one list of the months, in tijdstip.py (which this module builds on)
FIRST_YEAR, LAST_YEAR = 1990, 2100
SCHOOL_YEAR_START = (8, 1)  # 1 augustus


@dataclass(frozen=True)
class Period:
    kind: Measure
    year: int  # the calendar year, the first year of a school year, or the date's year
    day: date | None = None

    @property
    def text(self) -> str:
        """The canonical form stored in observaties.csv: 2023, 2022/2023, 2022-01-01."""
        if self.kind is Measure.SCHOOL_YEAR:
            return f"{self.year}/{self.year + 1}"
        if self.kind is Measure.REFERENCE_DATE and self.day is not None:
            return self.day.isoformat()
        return str(self.year)

    def __str__(self) -> str:
        return self.text

    @property
    def short_text(self) -> str:
        """As on a chart's time axis: a schooljaar `2024/25`, otherwise the canonical text."""
        if self.kind is Measure.SCHOOL_YEAR:
            return f"{self.year}/{str(self.year + 1)[-2:]}"
        return self.text

    @property
    def start(self) -> date:
        """The first day of the period (1 augustus for a schooljaar)."""
        if self.kind is Measure.SCHOOL_YEAR:
            return date(self.year, *SCHOOL_YEAR_START)
        if self.kind is Measure.REFERENCE_DATE and self.day is not None:
            return self.day
        return date(self.year, 1, 1)

    @property
    def end_year(self) -> int:
        """The calendar year in which the period ends (a schooljaar ends the year after it starts)."""
        return self.year + 1 if self.kind is Measure.SCHOOL_YEAR else self.year

    @property
    def axis(self) -> Decimal:
        """Position on the time axis of the period's own kind of measurement."""
        if self.kind is Measure.REFERENCE_DATE and self.day is not None:
            first = date(self.day.year, 1, 1)
            days = (date(self.day.year + 1, 1, 1) - first).days
            return Decimal(self.day.year) + Decimal((self.day - first).days) / Decimal(days)
        return Decimal(self.year)


# --- reading -------------------------------------------------------------------

_YEAR = re.compile(r"\d{4}")
_SCHOOL_YEAR = re.compile(r"(\d{4})\s*[/-]\s*(\d{2,4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NL_DATE = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
_WORD_DATE = re.compile(r"(\d{1,2})\s+([a-z]+)\s+(\d{4})")


_SHORT_MONTHS = {"mrt": "maart", "okt": "oktober", "sept": "september"}


def month_hint(word: str) -> str | None:
    """`bedoelde je 'augustus'?` for a word that is a misspelt or shortened month (`agustus`,
    `sept`, `mrt`), or None: for a time in the agenda and a peildatum alike."""
    folded = word.casefold().rstrip(".")
    if folded in _SHORT_MONTHS:
        return f"bedoelde je '{_SHORT_MONTHS[folded]}'?"
    starts = [month for month in MONTHS if len(folded) >= 3 and month.startswith(folded)]
    if len(starts) == 1:
        return f"bedoelde je '{starts[0]}'?"
    return did_you_mean(folded, MONTHS)


def check_year(year: int, text: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueProblem("D210", f"'{text}': jaar {year} ligt buiten {FIRST_YEAR}-{LAST_YEAR}",
                           "controleer het jaartal")


def _make_date(year: int, month: int, day: int, text: str) -> Period:
    check_year(year, text)
    try:
        return Period(Measure.REFERENCE_DATE, year, date(year, month, day))
    except ValueError:
        raise ValueProblem("D211", f"'{text}' is geen bestaande datum",
                           "schrijf de peildatum als 1 januari 2022 of 01-01-2022") from None


def parse_period(text: str) -> Period:
    """Any period as written by an analyst, without checking which kind is wanted.

    Raises ValueProblem (a ValueError with a D-code) for text that is no period.
    """
    raw = " ".join(text.split()).casefold()
    for prefix in ("schooljaar ", "kalenderjaar ", "peildatum ", "jaar "):
        if raw.startswith(prefix):
            raw = raw[len(prefix):]
    if _YEAR.fullmatch(raw):
        year = int(raw)
        check_year(year, text)
        return Period(Measure.CALENDAR_YEAR, year)
    m = _ISO_DATE.fullmatch(raw)
    if m:
        return _make_date(int(m[1]), int(m[2]), int(m[3]), text)
    m = _SCHOOL_YEAR.fullmatch(raw)
    if m:
        first, second_text = int(m[1]), m[2]
        second = int(second_text) if len(second_text) == 4 else (first // 100) * 100 + int(second_text)
        check_year(first, text)
        if second != first + 1:
            raise ValueProblem(
                "D212", f"'{text}' is geen schooljaar: een schooljaar loopt van 1 augustus tot "
                f"31 juli van het jaar erna",
                f"bedoel je {first}/{first + 1} of {second - 1}/{second}?")
        return Period(Measure.SCHOOL_YEAR, first)
    m = _NL_DATE.fullmatch(raw)
    if m:
        return _make_date(int(m[3]), int(m[2]), int(m[1]), text)
    m = _WORD_DATE.fullmatch(raw)
    if m:
        if m[2] not in MONTHS:
            hint = month_hint(m[2])
            raise ValueProblem("D216", f"'{m[2]}' in '{text}' is geen maand", hint or
                               "schrijf de maand voluit: januari, februari, ...")
        return _make_date(int(m[3]), MONTHS.index(m[2]) + 1, int(m[1]), text)
    raise ValueProblem("D213", f"'{text}' is geen periode",
                       "schrijf een kalenderjaar (2023), een schooljaar (2022/2023) of een "
                       "peildatum (1 januari 2022)")


# --- at the boundary: a period in a model, its text in a file or in JSON (see data/model.py) ---


def as_period(value: object) -> Period:
    """A Period as it is, or read from its text: how a model field takes one in."""
    if isinstance(value, Period):
        return value
    if isinstance(value, str):
        return parse_period(value)
    raise ValueError(f"{value!r} is geen periode")


IMPLICIT = " (einde periode)"


@dataclass(frozen=True)
class TargetMoment:
    """The moment a goal is judged on, and whether it was written or is the end of the agenda."""

    period: Period
    implicit: bool = False
    written: Tijdstip | None = None  # as the agenda writes it, when that is more than the period

    @property
    def phrase(self) -> str:
        """After a target value: `in 2027`, `op 1 januari 2025`, or as written (`eind 2021`)."""
        if self.written is not None:
            return self.written.phrase
        return ("op " if self.period.day is not None else "in ") + self.text

    @property
    def text(self) -> str:
        """`2027`, or `2027 (einde periode)` when the goal names no moment."""
        return self.period.text + (IMPLICIT if self.implicit else "")

    def __str__(self) -> str:
        return self.text


def as_target(value: object) -> TargetMoment:
    """A TargetMoment as it is, or read from its text (`2027 (einde periode)`)."""
    if isinstance(value, TargetMoment):
        return value
    if isinstance(value, str):
        implicit = value.endswith(IMPLICIT)
        return TargetMoment(parse_period(value.removesuffix(IMPLICIT)), implicit)
    raise ValueError(f"{value!r} is geen doelmoment")



# --- the time axis ---------------------------------------------------------------


def moment_period(moment: Moment) -> Period:
    """The period a moment of the agenda (a target or a baseline) names."""
    return Period(moment.kind, moment.year, moment.day)


def available(period: Period, peiljaar: int) -> bool:
    """The period has ended by the end of the peiljaar, so its figure can be known."""
    return year_of(period) <= peiljaar


def is_past(moment: Moment, peiljaar: int) -> bool:
    """The target moment lies at or before the peiljaar."""
    return available(moment_period(moment), peiljaar)


def year_of(when: Moment | Period | Tijdstip) -> int:
    """The kalenderjaar a time belongs to: the year in which it ends.

    One rule for the whole tool (docs/language.md, *Welk jaar een tijd telt*): a schooljaar belongs
    to the kalenderjaar in which it ends (2023/2024 to 2024), a part of a year or `eind 2020/begin
    2021` to the year of its last day, a year or a day to its own year. The check of a target moment
    against the agenda's period (W210), a recurrence's occurrences, the planning check (W310), the
    evaluation's peiljaar and the data request (`lea template`) all use it, so that they agree on
    which schooljaren an agenda 2024-2027 covers: 2023/2024 up to 2026/2027.
    """
    if isinstance(when, Tijdstip):
        return when.last.year
    period = moment_period(when) if isinstance(when, Moment) else when
    return period.end_year


def in_period(when: Moment | Period | Tijdstip, period: tuple[int, int], margin: int = 0) -> bool:
    """The time belongs to a year of the agenda's period (widened by `margin` years each side)."""
    return period[0] - margin <= year_of(when) <= period[1] + margin


def school_year_ending(year: int) -> Period:
    """The schooljaar that belongs to kalenderjaar `year`: the one that ends in it (2024: 2023/2024)."""
    return Period(Measure.SCHOOL_YEAR, year - 1)


def school_year_of(day: date) -> int:
    """The first year of the schooljaar in which the day falls."""
    return day.year if (day.month, day.day) >= SCHOOL_YEAR_START else day.year - 1


def position(when: Moment | Period, measure: Measure) -> Decimal:
    """Where a moment of the agenda (target or baseline) sits on an indicator's axis.

    A calendar year on a schooljaar indicator is the schooljaar that ends in it ("1,9% in
    2027" -> 2026/2027 -> 2026); a schooljaar on a calendar-year indicator is the year it ends.
    """
    period = moment_period(when) if isinstance(when, Moment) else when
    if period.kind is measure:
        return period.axis
    if measure is Measure.SCHOOL_YEAR:
        if period.kind is Measure.REFERENCE_DATE and period.day is not None:
            return Decimal(school_year_of(period.day))
        return school_year_ending(period.year).axis
    if period.kind is Measure.SCHOOL_YEAR:
        return Decimal(period.year + 1)
    return Decimal(period.year)


def counts_for(period: Period, moment: Moment) -> bool:
    """Whether a measurement is a candidate for the target moment (the latest candidate counts)."""
    target = moment_period(moment)
    if moment.written is not None and moment.written.fuzzy and period.kind is Measure.REFERENCE_DATE:
        # a part of a year on a peildatum series: a peildatum within the span (the last one counts)
        return moment.written.first <= period.start <= moment.written.last
    if target.kind is Measure.CALENDAR_YEAR:
        return period.end_year == target.year and (
            period.kind is not Measure.REFERENCE_DATE or period.start.year == target.year)
    if target.kind is Measure.SCHOOL_YEAR:
        if period.kind is Measure.SCHOOL_YEAR:
            return period.year == target.year
        if period.kind is Measure.CALENDAR_YEAR:
            return period.year == target.year + 1
        return school_year_of(period.start) == target.year
    day = target.start
    if period.kind is Measure.REFERENCE_DATE:
        return period.start.year == day.year and period.start <= day
    if period.kind is Measure.SCHOOL_YEAR:
        return period.year == school_year_of(day)
    return period.year == day.year


def just_before(first_year: int, measure: Measure) -> Period:
    """Where a nulmeting without a date (`basis: 12 uur per week`, "before the policy started")
    sits: the last period of the indicator's kind before the agenda's period, the latest place a
    nulmeting can have (`before_agenda`). Agenda 2024-2027: kalenderjaar 2023, schooljaar
    2023/2024, peildatum 1 januari 2024."""
    if measure is Measure.REFERENCE_DATE:
        return Period(measure, first_year, date(first_year, 1, 1))
    return Period(measure, first_year - 1)


def before_agenda(period: Period, first_year: int) -> bool:
    """A nulmeting candidate: the period begins before the agenda's period does.

    For an agenda 2024-2027: kalenderjaar 2023, schooljaar 2023/2024, or a peildatum on or
    before 1 januari 2024.
    """
    start = date(first_year, 1, 1)
    if period.kind is Measure.REFERENCE_DATE:
        return period.start <= start
    return period.start < start


# --- in Dutch words --------------------------------------------------------------


def date_words(day: date) -> str:
    """A date as the agenda writes it: `1 januari 2025`."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def moment_words(moment: Moment) -> str:
    """`op 1 januari 2025` for a peildatum, `in 2027` or `in 2026/2027` for a year; as written when
    that says more (`eind 2021`, `in het voorjaar van 2021`, `uiterlijk 1 augustus 2020`)."""
    if moment.written is not None:
        return moment.written.phrase
    if moment.kind is Measure.REFERENCE_DATE and moment.day is not None:
        return f"op {date_words(moment.day)}"
    return f"in {moment_period(moment).text}"
