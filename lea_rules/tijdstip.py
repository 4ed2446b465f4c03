"""Tijdstip: a moment as documents write it ("eind 2021", "in het voorjaar van 2021"), as a span of days.

A policy document rarely names a day. It says `2021`, `schooljaar 2020/2021`, `1 augustus 2020`,
`uiterlijk 1 augustus 2020`, `voorjaar 2021`, `eind 2020/begin 2021`. Each of these is one
`Tijdstip`: the first and the last day it covers, and the words it was written in. A deadline is the
span's last day; "uiterlijk" changes nothing of the span, it says that earlier is fine too.

The table of spans is docs/language.md ("Tijd"); `PARTS` is that table. This module needs nothing
but the calendar, so that the model (goal_values.py), the checks and the evaluation can all use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december")

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")


class Part(str, Enum):
    """A part of a calendar year as documents name it."""

    BEGIN = "begin"
    SPRING = "voorjaar"
    SUMMER = "zomer"
    MID = "medio"
    AUTUMN = "najaar"
    END = "eind"
    FIRST_HALF = "eerste helft"
    SECOND_HALF = "tweede helft"
    Q1 = "eerste kwartaal"
    Q2 = "tweede kwartaal"
    Q3 = "derde kwartaal"
    Q4 = "vierde kwartaal"

    @classmethod
    def read(cls, word: str) -> Part:
        """`einde` (het einde van 2021) is `eind`; `Q1` is `eerste kwartaal`."""
        word = " ".join(word.casefold().split())
        if word == "einde":
            return cls.END
        return QUARTERS[int(word[1]) - 1] if len(word) == 2 and word[0] == "q" else cls(word)


PARTS: dict[Part, tuple[int, int]] = {
    # first and last month (inclusive); the seasons are the meteorological ones (KNMI)
    Part.BEGIN: (1, 3),
    Part.SPRING: (3, 5),
    Part.SUMMER: (6, 8),
    Part.MID: (6, 7),
    Part.AUTUMN: (9, 11),
    Part.END: (10, 12),
    Part.FIRST_HALF: (1, 6),
    Part.SECOND_HALF: (7, 12),
    Part.Q1: (1, 3),
    Part.Q2: (4, 6),
    Part.Q3: (7, 9),
    Part.Q4: (10, 12),
}
QUARTERS = (Part.Q1, Part.Q2, Part.Q3, Part.Q4)

SEASONS = (Part.SPRING, Part.SUMMER, Part.AUTUMN)
HALVES = (Part.FIRST_HALF, Part.SECOND_HALF)
NAMED_PARTS = (*SEASONS, *HALVES, *QUARTERS)
"""Said with their article after a goal: `in het voorjaar van 2021`, `in de tweede helft van 2023`."""
PART_EN = {Part.BEGIN: "early", Part.SPRING: "spring", Part.SUMMER: "summer", Part.MID: "mid",
           Part.AUTUMN: "autumn", Part.END: "end of", Part.FIRST_HALF: "first half of",
           Part.SECOND_HALF: "second half of", Part.Q1: "Q1", Part.Q2: "Q2", Part.Q3: "Q3", Part.Q4: "Q4"}


class Form(str, Enum):
    YEAR = "jaar"  # 2021
    SCHOOL_YEAR = "schooljaar"  # schooljaar 2020/2021
    DAY = "datum"  # 1 augustus 2020
    MONTH = "maand"  # januari 2022
    PART = "deel"  # voorjaar 2021, eind 2020/begin 2021


def month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def part_span(part: Part, year: int) -> tuple[date, date]:
    first, last = PARTS[part]
    return date(year, first, 1), month_end(year, last)


@dataclass(frozen=True)
class Tijdstip:
    """A span of days as written: its form, the first and last day, and for parts of a year which."""

    form: Form
    first: date
    last: date
    parts: tuple[tuple[Part, int], ...] = ()  # Form.PART: `eind 2020/begin 2021` has two
    by: bool = False  # `uiterlijk ...`: on or before the last day

    @property
    def deadline(self) -> date:
        """A deadline is the span's last day."""
        return self.last

    @property
    def fuzzy(self) -> bool:
        """A part of a year (voorjaar, eind, a month): neither a whole year, a schooljaar nor a day."""
        return self.form in (Form.PART, Form.MONTH)

    @property
    def plain(self) -> str:
        """The span in words, without `uiterlijk`: `eind 2020/begin 2021`, `schooljaar 2020/2021`."""
        if self.form is Form.YEAR:
            return str(self.first.year)
        if self.form is Form.SCHOOL_YEAR:
            return f"schooljaar {self.first.year}/{self.first.year + 1}"
        if self.form is Form.DAY:
            return day_words(self.first)
        if self.form is Form.MONTH:
            return f"{MONTH_NAMES[self.first.month - 1]} {self.first.year}"
        return "/".join(f"{part.value} {year}" for part, year in self.parts)

    @property
    def words(self) -> str:
        """As a writer would say it: `uiterlijk 1 augustus 2020`, `eind 2021`."""
        return ("uiterlijk " if self.by else "") + self.plain

    @property
    def phrase(self) -> str:
        """After a goal: `in het voorjaar van 2021`, `eind 2021`, `uiterlijk 1 augustus 2020`."""
        if self.form is Form.PART and len(self.parts) == 1 and self.parts[0][0] in NAMED_PARTS:
            part, year = self.parts[0]
            article = "de" if part in (Part.SUMMER, *HALVES) else "het"
            return ("uiterlijk " if self.by else "") + f"in {article} {part.value} van {year}"
        if self.form is Form.PART or self.by:
            return self.words
        if self.form is Form.DAY:
            return f"op {self.plain}"
        return f"in {self.plain}"

    @property
    def english(self) -> str:
        if self.form is Form.YEAR:
            text = str(self.first.year)
        elif self.form is Form.SCHOOL_YEAR:
            text = f"school year {self.first.year}/{self.first.year + 1}"
        elif self.form is Form.DAY:
            text = f"{self.first.day} {MONTHS_EN[self.first.month - 1]} {self.first.year}"
        elif self.form is Form.MONTH:
            text = f"{MONTHS_EN[self.first.month - 1]} {self.first.year}"
        else:
            text = "/".join(f"{PART_EN[part]} {year}" for part, year in self.parts)
        return ("by " if self.by else "") + text

    @property
    def english_phrase(self) -> str:
        """After a goal, in English: `in spring 2021`, `end of 2021`, `by 1 August 2020`."""
        if self.by or (self.form is Form.PART and not (len(self.parts) == 1 and self.parts[0][0] in SEASONS)):
            if not self.by and len(self.parts) == 1 and self.parts[0][0] in HALVES + QUARTERS:
                return ("in " if self.parts[0][0] in QUARTERS else "in the ") + self.english
            return self.english
        return ("on " if self.form is Form.DAY else "in ") + self.english

    @property
    def range_words(self) -> str:
        """The days it covers: `1 oktober t/m 31 december 2021`."""
        if self.first == self.last:
            return day_words(self.first)
        start = (f"{self.first.day} {MONTH_NAMES[self.first.month - 1]}"
                 + ("" if self.first.year == self.last.year else f" {self.first.year}"))
        return f"{start} t/m {day_words(self.last)}"

    def __str__(self) -> str:
        return self.words


def day_words(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def year_span(year: int, by: bool = False) -> Tijdstip:
    return Tijdstip(Form.YEAR, date(year, 1, 1), date(year, 12, 31), by=by)


def school_year_span(first_year: int, by: bool = False) -> Tijdstip:
    return Tijdstip(Form.SCHOOL_YEAR, date(first_year, 8, 1), date(first_year + 1, 7, 31), by=by)


def day_span(day: date, by: bool = False) -> Tijdstip:
    return Tijdstip(Form.DAY, day, day, by=by)


def month_span(year: int, month: int, by: bool = False) -> Tijdstip:
    return Tijdstip(Form.MONTH, date(year, month, 1), month_end(year, month), by=by)


class SpanOrderError(ValueError):
    """`eind 2021/begin 2021`: the second part does not follow the first."""


def parts_span(parts: tuple[tuple[Part, int], ...], by: bool = False) -> Tijdstip:
    """One part (`voorjaar 2021`) or two joined by `/` (`eind 2020/begin 2021`): from the first day of
    the first to the last day of the second. SpanOrderError when the second does not come after the
    first, or lies more than a year later."""
    first, _ = part_span(*parts[0])
    last = part_span(*parts[-1])[1]
    if len(parts) == 2:
        end_first, start_second = part_span(*parts[0])[1], part_span(*parts[1])[0]
        if start_second <= end_first or parts[1][1] - parts[0][1] > 1:
            raise SpanOrderError(parts)
    return Tijdstip(Form.PART, first, last, parts, by)


def following_part(part: Part, year: int) -> tuple[Part, int]:
    """The part a writer most likely meant after `part year/`: the next one in the calendar."""
    order = [Part.BEGIN, Part.SPRING, Part.SUMMER, Part.AUTUMN, Part.END]
    if part is Part.MID:
        return Part.AUTUMN, year
    if part is Part.FIRST_HALF:
        return Part.SECOND_HALF, year
    if part is Part.SECOND_HALF:
        return Part.FIRST_HALF, year + 1
    if part in QUARTERS:
        index = QUARTERS.index(part)
        return (QUARTERS[index + 1], year) if index < 3 else (Part.Q1, year + 1)
    index = order.index(part)
    return (order[index + 1], year) if index + 1 < len(order) else (Part.BEGIN, year + 1)
