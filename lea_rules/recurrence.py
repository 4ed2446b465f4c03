"""Recurrence: a target that holds every year (`jaarlijks`, `per schooljaar`, `vanaf 2025`, ...).

A recurring goal is judged once per *occurrence*: every year (or every other year) from the
first year of the agenda's period, or from the year after `vanaf`, up to the end of the period.
An occurrence is a target moment like `in 2025`: a calendar year, or for the schooljaar forms
the schooljaar that ends in that year (`per schooljaar` in an agenda 2024-2027 is 2023/2024 up
to 2026/2027), exactly as a calendar target moment is judged on a schooljaar indicator. The
evaluation (evaluation/goals/recurring.py) gives each occurrence its own verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lea_rules.source import Span

EVERY_OTHER = re.compile(r"(iedere|elke)\s+(twee|2)\s+jaar|om\s+het\s+jaar")
SCHOOL = re.compile(r"schooljaar")


@dataclass(frozen=True)
class Recurrence:
    """How often a goal recurs, and from when; `written` is the text as the writer typed it
    (whitespace collapsed), which the description of the goal repeats."""

    span: Span
    written: str
    step: int = 1  # 2: every other year
    school_year: bool = False  # occurrences are school years (per schooljaar, vanaf 2020/2021)
    start: int | None = None  # vanaf: the calendar year in which the first occurrence ends
    start_span: Span | None = None

    def years(self, period: tuple[int, int]) -> tuple[int, ...]:
        """The calendar years in which the occurrences end: from `vanaf` or the first year of the
        period, every `step` years, up to the end of the period (at least the first one)."""
        first = self.start if self.start is not None else period[0]
        return tuple(range(first, max(period[1], first) + 1, self.step))


TIMES_WORDS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4}
_TIMES_COUNT = re.compile(r"(\d+|een|één|twee|drie|vier)(?:maal|\s*(?:keer|maal|x))\s+per\s", re.I)


def times_count(text: str) -> str:
    """`tenminste tweemaal per jaar`, `2x per jaar`, `drie keer per schooljaar` -> the number the
    hint writes (`2`, `2`, `3`)."""
    found = _TIMES_COUNT.search(text)
    word = found.group(1).casefold() if found else "2"
    return word if word.isdigit() else str(TIMES_WORDS[word])


def every_of(written: str) -> tuple[str, str]:
    """The recurrence and the measurement the fix names: per jaar or per schooljaar."""
    if written.endswith("schooljaar"):
        return "per schooljaar", "schooljaar"
    return "jaarlijks", "kalenderjaar"


def read_words(words: str | None, school_from: bool, span: Span, start: int | None,
               start_span: Span | None, written: str) -> Recurrence:
    """A recurrence from its parts as the grammar reads them: the recurring words (`jaarlijks`,
    `elke 2 jaar`; None for `vanaf ...` alone) and the year or schooljaar after `vanaf`."""
    text = " ".join((words or "").split())
    step = 2 if EVERY_OTHER.fullmatch(text) else 1
    school = school_from or bool(SCHOOL.search(text))
    return Recurrence(span, " ".join(written.split()), step, school, start, start_span)
