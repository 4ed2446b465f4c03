"""Agenda values: the enums, numbers, moments, provenance, formulas and goals an agenda item holds.

`lea_rules.nodes` builds items (indicators, actions, results, sections, the agenda) out of these
and re-exports them, so `nodes.Unit` and `nodes.CompareGoal` stay the names the code uses.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from lea_rules.recurrence import Recurrence
from lea_rules.source import Span
from lea_rules.tijdstip import Tijdstip


class Unit(str, Enum):
    PERCENT = "%"
    COUNT = "aantal"
    HOURS_PER_WEEK = "uur per week"
    HOURS = "uur"
    # durations as documents write them ("binnen 6 weken", "na maximaal twee jaar"); decimals allowed
    DAYS = "dagen"
    WEEKS = "weken"
    MONTHS = "maanden"
    YEARS = "jaar"
    EURO = "euro"
    SCORE = "score"
    NUMBER = "getal"  # a followed figure whose unit the document does not give; decimals allowed
    YES_NO = "ja/nee"
    RATING = "oordeel"
    PERCENTAGE_POINT = "procentpunt"  # only for a change of a percentage: `gedaald met 2 procentpunt`

    @classmethod
    def read(cls, text: str) -> Unit:
        """The unit as the grammar reads it; `procentpunten` is the plural of `procentpunt`,
        `procent` the word for `%`."""
        if text == "procent":
            return cls.PERCENT
        return cls.PERCENTAGE_POINT if text == "procentpunten" else cls(text)

    @property
    def whole(self) -> bool:
        """Whole counts: strict comparators become non-strict on the next whole number."""
        return self is Unit.COUNT

    @property
    def numeric(self) -> bool:
        return self not in (Unit.YES_NO, Unit.RATING)


class Better(str, Enum):
    HIGHER = "hoger"
    LOWER = "lager"
    LEVEL = "niveau"


class Measure(str, Enum):
    CALENDAR_YEAR = "kalenderjaar"
    SCHOOL_YEAR = "schooljaar"
    REFERENCE_DATE = "peildatum"


class Comparator(str, Enum):
    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "="

    @classmethod
    def read(cls, text: str) -> Comparator:
        """The comparator as written: a sign (`>=`, `≥`) or its Dutch words (`minimaal`)."""
        return cls(COMPARATOR_WORDS.get(text, text))

    @property
    def direction(self) -> int:
        """+1 when higher is better for this comparator, -1 when lower, 0 for a level."""
        if self in (Comparator.GE, Comparator.GT):
            return 1
        if self in (Comparator.LE, Comparator.LT):
            return -1
        return 0


COMPARATOR_WORDS: dict[str, str] = {
    "≥": ">=", "minimaal": ">=", "ten minste": ">=", "tenminste": ">=", "minstens": ">=",
    "≤": "<=", "maximaal": "<=", "hoogstens": "<=", "ten hoogste": "<=", "hooguit": "<=",
    "meer dan": ">", "minder dan": "<", "gelijk aan": "=", "precies": "=",
}
"""The natural forms of the comparators (docs/language.md): each means exactly its sign."""


# --- values and moments ---------------------------------------------------


@dataclass(frozen=True)
class Number:
    """A number as written: its exact value, the text, and how many decimals were typed."""

    value: Decimal
    text: str
    decimals: int
    span: Span


@dataclass(frozen=True)
class Quantity:
    """A value in a target or baseline: a number with an optional unit, a rating or ja/nee."""

    span: Span
    number: Number | None = None
    unit: Unit | None = None  # the unit as written next to the number, if any
    rating: str | None = None  # "goed" for categorical targets
    flag: bool | None = None  # ja / nee

    def describe(self) -> str:
        if self.rating is not None:
            return f'"{self.rating}"'
        if self.flag is not None:
            return "ja" if self.flag else "nee"
        assert self.number is not None
        if self.unit is Unit.PERCENT:
            return f"{self.number.text}%"
        if self.unit is Unit.EURO:
            return f"€ {self.number.text}"
        if self.unit is not None and self.unit not in (Unit.COUNT, Unit.NUMBER):
            return f"{self.number.text} {self.unit.value}"
        return self.number.text


@dataclass(frozen=True)
class Moment:
    """A point on the time axis: a calendar year, a school year or a reference date."""

    kind: Measure
    year: int  # calendar year, first year of a school year, or the date's year
    span: Span
    day: date | None = None  # for a peildatum
    # As written, when that is more than the year or day above: `eind 2021` (a part of a year, whose
    # measurement period.counts_for chooses), `uiterlijk 1 augustus 2020`. None for `in 2027`.
    written: Tijdstip | None = None

    def describe(self) -> str:
        if self.written is not None:
            return self.written.words
        if self.kind is Measure.SCHOOL_YEAR:
            return f"{self.year}/{self.year + 1}"
        if self.kind is Measure.REFERENCE_DATE and self.day is not None:
            return self.day.isoformat()
        return str(self.year)


# --- formulas ------------------------------------------------------------


@dataclass(frozen=True)
class NumberExpr:
    number: Number
    span: Span


@dataclass(frozen=True)
class NameExpr:
    name: str
    span: Span


@dataclass(frozen=True)
class BinaryExpr:
    op: str  # + - * /
    left: Expr
    right: Expr
    span: Span


@dataclass(frozen=True)
class NegExpr:
    operand: Expr
    span: Span


Expr = NumberExpr | NameExpr | BinaryExpr | NegExpr


# --- goals -------------------------------------------------------------------


@dataclass(frozen=True)
class CompareGoal:
    """Threshold or exact level: `VVE-bereik >= 85% in 2027`, `vsv = 1,9% ± 0,1 in 2027`."""

    indicator: str
    comparator: Comparator
    value: Quantity
    span: Span
    deadline: Moment | None = None
    tolerance: Number | None = None
    indicator_implicit: bool = False  # `en >= 10 in 2027`: indicator taken from the previous part
    name_span: Span | None = None  # where the indicator name is written (None when implicit)
    recurrence: Recurrence | None = None  # `jaarlijks`: judged per occurrence, in place of a deadline


@dataclass(frozen=True)
class DirectionGoal:
    """`thuiszitters gedaald in 2027 t.o.v. 2024`, optionally `met 20%` (relative with a number);
    recurring, `relatief-verzuim gedaald jaarlijks`: each occurrence lower than the one before, so
    the reference is that previous occurrence and `reference` is None."""

    indicator: str
    direction: int  # +1 gestegen, -1 gedaald
    reference: Moment | None
    span: Span
    deadline: Moment | None = None
    by: Quantity | None = None  # `met 20%`: relative change
    name_span: Span | None = None
    recurrence: Recurrence | None = None  # `gedaald jaarlijks`, `gestegen per schooljaar vanaf 2026`


@dataclass(frozen=True)
class TrendGoal:
    """Direction only, no deadline: `schoolaanwezigheid vergroten`."""

    indicator: str
    direction: int
    span: Span
    name_span: Span | None = None


@dataclass(frozen=True)
class GroupJoin:
    """What stands between two groups of a count over units: `,`, `en/of`, or `of`/`en` (refused)."""

    word: str
    span: Span


@dataclass(frozen=True)
class UnitsGoal:
    """Count over units: `tenminste 6 IKC met brugfunctionaris in 2027`; `alle IKC met ...`; a share
    `tenminste de helft van de IKC met ...`, `minimaal 80% van de IKC met ...`; over several groups
    together `tenminste 10 school en/of wijk met ...` (a unit in two counted once)."""

    groups: tuple[str, ...]  # as written, in order; one for a count over one group
    indicator: str
    span: Span
    minimum: Number | None = None  # None means: all units
    comparator: Comparator | None = None  # condition on the per-unit value; None = ja
    value: Quantity | None = None
    deadline: Moment | None = None
    name_span: Span | None = None
    group_spans: tuple[Span, ...] = ()  # one per group
    recurrence: Recurrence | None = None
    joins: tuple[GroupJoin, ...] = ()  # the words between the groups: `,`, `en/of` (or a refused `of`)
    # a share of the units, `tenminste de helft van de voorschool` (50, text `de helft`) or
    # `minimaal 80% van de IKC` (80, text `80%`): the needed number is the share of the declared
    # units, rounded up; `minimum` is then None
    share: Number | None = None

    def group_span(self, index: int) -> Span:
        return self.group_spans[index] if index < len(self.group_spans) else self.span


def groups_written(groups: tuple[str, ...]) -> str:
    """The groups of a count as the language writes them: `IKC`, `school en/of wijk`,
    `IKC, VO-school en/of wijk`."""
    if len(groups) <= 1:
        return "".join(groups)
    return f"{', '.join(groups[:-1])} en/of {groups[-1]}"


@dataclass(frozen=True)
class MilestoneGoal:
    span: Span
    deadline: Moment | None = None
    recurrence: Recurrence | None = None  # `mijlpaal jaarlijks`: each year's stand


@dataclass(frozen=True)
class QualitativeGoal:
    span: Span


Goal = CompareGoal | DirectionGoal | TrendGoal | UnitsGoal | MilestoneGoal | QualitativeGoal


def goal_indicators(goal: Goal) -> tuple[str, ...]:
    if isinstance(goal, (CompareGoal, DirectionGoal, TrendGoal, UnitsGoal)):
        return (goal.indicator,)
    return ()


def goal_deadline(goal: Goal) -> Moment | None:
    if isinstance(goal, (CompareGoal, DirectionGoal, UnitsGoal, MilestoneGoal)):
        return goal.deadline
    return None


def goal_recurrence(goal: Goal) -> Recurrence | None:
    """How often a recurring goal recurs (`jaarlijks`); None for a goal with one moment."""
    if isinstance(goal, (CompareGoal, UnitsGoal, MilestoneGoal, DirectionGoal)):
        return goal.recurrence
    return None


def expr_names(expr: Expr) -> Iterator[NameExpr]:
    if isinstance(expr, NameExpr):
        yield expr
    elif isinstance(expr, BinaryExpr):
        yield from expr_names(expr.left)
        yield from expr_names(expr.right)
    elif isinstance(expr, NegExpr):
        yield from expr_names(expr.operand)
