"""AST: the typed, immutable model of one agenda, every node with its source span."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cached_property

from lea_rules.source import Span


class Unit(str, Enum):
    PERCENT = "%"
    COUNT = "aantal"
    HOURS_PER_WEEK = "uur per week"
    HOURS = "uur"
    EURO = "euro"
    SCORE = "score"
    YES_NO = "ja/nee"
    RATING = "oordeel"
    PERCENTAGE_POINT = "procentpunt"  # only for a change of a percentage: `gedaald met 2 procentpunt`

    @classmethod
    def read(cls, text: str) -> Unit:
        """The unit as the grammar reads it; `procentpunten` is the plural of `procentpunt`."""
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

    @property
    def direction(self) -> int:
        """+1 when higher is better for this comparator, -1 when lower, 0 for a level."""
        if self in (Comparator.GE, Comparator.GT):
            return 1
        if self in (Comparator.LE, Comparator.LT):
            return -1
        return 0


class ActionKind(str, Enum):
    ACTION = "actie"
    WHAT_WE_DO_FOR_IT = "wat-doen-we-daarvoor"
    ALREADY_DOING = "wat-doen-we-al"
    NEW_OPPORTUNITIES = "nieuwe-kansen"
    BASIS = "basis-arrangement"
    PLUS = "plus-arrangement"


SECTION_WORDS: tuple[str, ...] = (
    "thema",
    "paragraaf",
    "hoofdstuk",
    "doelstelling",
    "ambitie",
    "belofte",
    "speerpunt",
    "opgave",
    "onderdeel",
)


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
        if self.unit is not None and self.unit is not Unit.COUNT:
            return f"{self.number.text} {self.unit.value}"
        return self.number.text


@dataclass(frozen=True)
class Moment:
    """A point on the time axis: a calendar year, a school year or a reference date."""

    kind: Measure
    year: int  # calendar year, first year of a school year, or the date's year
    span: Span
    day: date | None = None  # for a peildatum

    def describe(self) -> str:
        if self.kind is Measure.SCHOOL_YEAR:
            return f"{self.year}/{self.year + 1}"
        if self.kind is Measure.REFERENCE_DATE and self.day is not None:
            return self.day.isoformat()
        return str(self.year)


# --- provenance -----------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    document: str
    quote: str
    span: Span
    line: int | None = None
    page: int | None = None
    # Finer places for diagnostics: the document name, `regel N`/`pagina N`, the quoted text.
    document_span: Span | None = None
    locator_span: Span | None = None
    quote_span: Span | None = None


@dataclass(frozen=True)
class Provenance:
    citations: tuple[Citation, ...] = ()
    questions: tuple[tuple[str, Span], ...] = ()
    texts: tuple[str, ...] = ()


# --- formulas ---------------------------------------------------------------


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


@dataclass(frozen=True)
class DirectionGoal:
    """`thuiszitters gedaald in 2027 t.o.v. 2024`, optionally `met 20%` (relative with a number)."""

    indicator: str
    direction: int  # +1 gestegen, -1 gedaald
    reference: Moment
    span: Span
    deadline: Moment | None = None
    by: Quantity | None = None  # `met 20%`: relative change
    name_span: Span | None = None


@dataclass(frozen=True)
class TrendGoal:
    """Direction only, no deadline: `schoolaanwezigheid vergroten`."""

    indicator: str
    direction: int
    span: Span
    name_span: Span | None = None


@dataclass(frozen=True)
class UnitsGoal:
    """Count over units: `tenminste 6 IKC met brugfunctionaris in 2027`; `alle IKC met ...`."""

    group: str
    indicator: str
    span: Span
    minimum: Number | None = None  # None means: all units
    comparator: Comparator | None = None  # condition on the per-unit value; None = ja
    value: Quantity | None = None
    deadline: Moment | None = None
    name_span: Span | None = None
    group_span: Span | None = None


@dataclass(frozen=True)
class MilestoneGoal:
    span: Span
    deadline: Moment | None = None


@dataclass(frozen=True)
class QualitativeGoal:
    span: Span


Goal = CompareGoal | DirectionGoal | TrendGoal | UnitsGoal | MilestoneGoal | QualitativeGoal


@dataclass(frozen=True)
class Revision:
    decided: date
    goals: tuple[Goal, ...]
    span: Span
    reason: str | None = None


# --- items -------------------------------------------------------------------


@dataclass(frozen=True)
class Bounds:
    """A `grenzen:` line as written: `grenzen: 0 tot 100`."""

    low: Number
    high: Number
    span: Span


@dataclass(frozen=True)
class Indicator:
    name: str
    label: str
    span: Span
    unit: Unit | None = None
    better: Better | None = None
    lower_bound: Decimal | None = None
    upper_bound: Decimal | None = None
    source: str | None = None
    measure: Measure = Measure.CALENDAR_YEAR
    formula: Expr | None = None
    ratings: tuple[str, ...] = ()
    provenance: Provenance = Provenance()
    # `per: IKC, VO-school`: every group the value is measured for.
    per_groups: tuple[str, ...] = ()
    per_spans: tuple[Span, ...] = ()
    # `soort: kengetal`: followed for context (e.g. risk per wijk), no target of its own.
    context: bool = False
    bounds_written: Bounds | None = None  # the `grenzen:` line as written

    @property
    def key(self) -> str:
        return self.name.casefold()

    @property
    def per_group(self) -> str | None:
        """The first group the value is measured per, or None for a total."""
        return self.per_groups[0] if self.per_groups else None

    def bounds(self) -> tuple[Decimal | None, Decimal | None]:
        """Explicit bounds, or the unit's natural ones."""
        low, high = self.lower_bound, self.upper_bound
        non_negative = (Unit.PERCENT, Unit.COUNT, Unit.HOURS, Unit.HOURS_PER_WEEK, Unit.EURO)
        if low is None and self.unit in non_negative:
            low = Decimal(0)
        if high is None and self.unit is Unit.PERCENT:
            high = Decimal(100)
        return low, high


@dataclass(frozen=True)
class Action:
    code: str
    title: str
    span: Span
    kind: ActionKind = ActionKind.ACTION
    owner: str | None = None
    code_explicit: bool = False
    provenance: Provenance = Provenance()


@dataclass(frozen=True)
class Result:
    code: str
    title: str
    span: Span
    goals: tuple[Goal, ...] = ()
    baseline: tuple[Quantity, Moment] | None = None
    revisions: tuple[Revision, ...] = ()
    code_explicit: bool = False
    provenance: Provenance = Provenance()
    # A `doel:` line is written under the result, also when it did not parse (said there once).
    goal_line: bool = True

    @property
    def current_goals(self) -> tuple[Goal, ...]:
        """The goals in force: those of the latest revision, else the original ones."""
        return self.revisions[-1].goals if self.revisions else self.goals


@dataclass(frozen=True)
class Section:
    word: str  # the document's own word: thema, paragraaf, doelstelling, ...
    level: int  # 1 or 2
    number: str | None
    title: str
    span: Span
    actions: tuple[Action, ...] = ()
    results: tuple[Result, ...] = ()
    children: tuple[Section, ...] = ()
    provenance: Provenance = Provenance()

    @property
    def heading(self) -> str:
        num = f" {self.number}" if self.number else ""
        return f"{self.word}{num} \u201c{self.title}\u201d"


@dataclass(frozen=True)
class Amount:
    euros: Number
    span: Span
    year: int | None = None


@dataclass(frozen=True)
class BudgetPost:
    name: str
    amounts: tuple[Amount, ...]
    span: Span
    note: str | None = None
    provenance: Provenance = Provenance()


@dataclass(frozen=True)
class Budget:
    title: str
    span: Span
    posts: tuple[BudgetPost, ...] = ()
    provenance: Provenance = Provenance()


@dataclass(frozen=True)
class Document:
    name: str
    path: str
    description: str | None
    span: Span


@dataclass(frozen=True)
class Group:
    name: str
    description: str
    span: Span


@dataclass(frozen=True)
class Declaration:
    """A kop or declaration line as written, in file order, also one refused as a second:
    `gemeente`, `titel`, `periode`, `indeling`, `document` or `groep`."""

    keyword: str
    name: str  # the document or group declared; "" for a kop line
    span: Span  # the whole line for a kop line, the name for a document or group
    period: tuple[int, int] | None = None  # what a `periode:` line says


@dataclass(frozen=True)
class Agenda:
    path: str
    municipality: str
    title: str
    period: tuple[int, int]
    span: Span
    levels: tuple[tuple[str, ...], tuple[str, ...]] = (("thema",), ("ambitie",))
    documents: tuple[Document, ...] = ()
    groups: tuple[Group, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    sections: tuple[Section, ...] = ()
    budgets: tuple[Budget, ...] = ()
    provenance: Provenance = Provenance()
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # Every kop and declaration line, a refused second one too: part of the meaning that
    # `lea fmt` proves unchanged (strip_spans), as the checks read them.
    declarations: tuple[Declaration, ...] = ()

    # --- navigation helpers (pure) ---
    def walk_sections(self) -> Iterator[Section]:
        for section in self.sections:
            yield section
            yield from section.children

    def all_actions(self) -> Iterator[tuple[Section, Action]]:
        for section in self.walk_sections():
            for action in section.actions:
                yield section, action

    def all_results(self) -> Iterator[tuple[Section, Result]]:
        for section in self.walk_sections():
            for result in section.results:
                yield section, result

    # Look-ups by name go through indexes built on first use, so that a check asking once per
    # goal stays linear in the agenda. They are stored beside the fields (cached_property writes
    # the instance dict), not in them: equality, hashing and replace() never see them.
    @cached_property
    def _indicator_index(self) -> dict[str, Indicator]:
        index: dict[str, Indicator] = {}
        for indicator in self.indicators:
            index.setdefault(indicator.key, indicator)  # the first declaration wins
        return index

    @cached_property
    def _document_index(self) -> dict[str, Document]:
        index: dict[str, Document] = {}
        for document in self.documents:
            index.setdefault(document.name.casefold(), document)
        return index

    @cached_property
    def _group_index(self) -> dict[str, Group]:
        index: dict[str, Group] = {}
        for group in self.groups:
            index.setdefault(normalise_group(group.name), group)
        return index

    @cached_property
    def _parents(self) -> dict[int, Section | None]:
        """Every section of this agenda by identity, with its parent (None for a top section)."""
        parents: dict[int, Section | None] = {}
        for top in self.sections:
            parents.setdefault(id(top), None)
            for child in top.children:
                parents.setdefault(id(child), top)
        return parents

    def indicator(self, name: str) -> Indicator | None:
        return self._indicator_index.get(name.casefold())

    def document(self, name: str) -> Document | None:
        return self._document_index.get(name.casefold())

    def group(self, name: str) -> Group | None:
        return self._group_index.get(normalise_group(name))

    def parent_of(self, section: Section) -> Section | None:
        # By identity: comparing frozen dataclasses compares whole subtrees.
        parents = self._parents
        if id(section) in parents:
            return parents[id(section)]
        for top in self.sections:  # a section that is not this agenda's own object
            if section in top.children:
                return top
        return None


def normalise_group(name: str) -> str:
    """`IKC's` and `IKC` name the same group."""
    key = name.casefold()
    for suffix in ("'s", "\u2019s"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    return key


def goal_indicators(goal: Goal) -> tuple[str, ...]:
    if isinstance(goal, (CompareGoal, DirectionGoal, TrendGoal, UnitsGoal)):
        return (goal.indicator,)
    return ()


def goal_deadline(goal: Goal) -> Moment | None:
    if isinstance(goal, (CompareGoal, DirectionGoal, UnitsGoal, MilestoneGoal)):
        return goal.deadline
    return None


def expr_names(expr: Expr) -> Iterator[NameExpr]:
    if isinstance(expr, NameExpr):
        yield expr
    elif isinstance(expr, BinaryExpr):
        yield from expr_names(expr.left)
        yield from expr_names(expr.right)
    elif isinstance(expr, NegExpr):
        yield from expr_names(expr.operand)
