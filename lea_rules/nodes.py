"""AST: the typed, immutable model of one agenda, every node with its source span.

The values an item holds (units, numbers, moments, goals, formulas) are in `lea_rules.goal_values`
and re-exported here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cached_property

from lea_rules.goal_values import (
    Better,
    BinaryExpr,
    Comparator,
    CompareGoal,
    DirectionGoal,
    Expr,
    Goal,
    GroupJoin,
    Measure,
    MilestoneGoal,
    Moment,
    NameExpr,
    NegExpr,
    Number,
    NumberExpr,
    QualitativeGoal,
    Quantity,
    TrendGoal,
    Unit,
    UnitsGoal,
    expr_names,
    goal_deadline,
    goal_indicators,
    groups_written,
)
from lea_rules.source import Span
from lea_rules.tijdstip import Tijdstip

__all__ = [
    "Better",
    "BinaryExpr",
    "Comparator",
    "CompareGoal",
    "DirectionGoal",
    "Expr",
    "Goal",
    "GroupJoin",
    "Measure",
    "MilestoneGoal",
    "Moment",
    "NameExpr",
    "NegExpr",
    "Number",
    "NumberExpr",
    "QualitativeGoal",
    "Quantity",
    "TrendGoal",
    "Unit",
    "UnitsGoal",
    "expr_names",
    "goal_deadline",
    "goal_indicators",
    "groups_written",
]


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
    "doel",  # a section only without a colon: `doel 1 "..."`; `doel:` is the goal property
    "ambitie",
    "belofte",
    "speerpunt",
    "opgave",
    "onderdeel",
)


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
class Reference:
    """`zie: ambitie 1.2`: the word as written (actie, deelactie, resultaat, or an onderdeel's
    word) and the code or number; lea_rules/references.py finds what it points at."""

    word: str
    target: str
    span: Span  # the whole line
    word_span: Span
    target_span: Span

    @property
    def written(self) -> str:
        return f"{self.word} {self.target}"


@dataclass(frozen=True)
class Provenance:
    citations: tuple[Citation, ...] = ()
    questions: tuple[tuple[str, Span], ...] = ()
    texts: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()  # `zie:` lines, in file order


# --- revisions of a target -----------------------------------------------------


@dataclass(frozen=True)
class TargetRevision:
    """A target changed by a later decision (`herzien op ...`): the goals that hold from then on."""

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
    unit_unreadable: bool = False  # an `eenheid:` line is there but did not parse (said there)

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
        non_negative = (Unit.PERCENT, Unit.COUNT, Unit.HOURS, Unit.HOURS_PER_WEEK, Unit.EURO, Unit.DAYS,
                        Unit.WEEKS, Unit.MONTHS, Unit.YEARS)
        if low is None and self.unit in non_negative:
            low = Decimal(0)
        if high is None and self.unit is Unit.PERCENT:
            high = Decimal(100)
        return low, high


@dataclass(frozen=True)
class Planned:
    """`start: voorjaar 2021` or `gereed: eind 2021` on an action: the span, where it is written."""

    when: Tijdstip
    span: Span


@dataclass(frozen=True)
class Action:
    code: str
    title: str
    span: Span
    kind: ActionKind = ActionKind.ACTION
    owner: str | None = None
    code_explicit: bool = False
    provenance: Provenance = Provenance()
    start: Planned | None = None  # `start:`
    ready: Planned | None = None  # `gereed:`
    # A `deelactie`: the code of the actie it belongs to (None for an actie).
    parent: str | None = None


@dataclass(frozen=True)
class Result:
    code: str
    title: str
    span: Span
    goals: tuple[Goal, ...] = ()
    # `basis:`; the moment is None for a nulmeting without a date ("before the policy started")
    baseline: tuple[Quantity, Moment | None] | None = None
    revisions: tuple[TargetRevision, ...] = ()
    code_explicit: bool = False
    provenance: Provenance = Provenance()
    # A `doel:` line is written under the result, also when it did not parse (said there once).
    goal_line: bool = True
    owner: str | None = None  # `eigenaar:`: who agreed to deliver the result
    aspiration: bool = False  # `streven:` in place of `doel:`: judged alike, shown as a streven
    # A `met resultaat`: the code of the actie or deelactie it belongs to (None: its section's).
    action: str | None = None

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

    # Actions and results are flat lists in file order; these give their nesting.
    @property
    def main_actions(self) -> tuple[Action, ...]:
        """The section's own actions, without the deelacties."""
        return tuple(a for a in self.actions if a.parent is None)

    @property
    def own_results(self) -> tuple[Result, ...]:
        """The results of the section itself, not of one of its actions."""
        return tuple(r for r in self.results if r.action is None)

    def subactions_of(self, action: Action) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if a.parent == action.code)

    def results_of(self, action: Action) -> tuple[Result, ...]:
        """The results written with `met resultaat` under this actie or deelactie."""
        return tuple(r for r in self.results if r.action == action.code)

    def action(self, code: str) -> Action | None:
        return next((a for a in self.actions if a.code == code), None)

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
class Definition:
    """`begrip "VVE": "Voor- en vroegschoolse educatie ..."`: a term the document defines."""

    term: str
    text: str
    span: Span
    term_span: Span
    provenance: Provenance = Provenance()


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
    definitions: tuple[Definition, ...] = ()  # `begrip` lines, in file order

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


def item_keyword(item: Action | Result) -> str:
    """The keyword an action's or result's line starts with."""
    if isinstance(item, Action):
        return "deelactie" if item.parent is not None else "actie"
    return "met resultaat" if item.action is not None else "resultaat"


def normalise_group(name: str) -> str:
    """`IKC's` and `IKC` name the same group."""
    key = name.casefold()
    for suffix in ("'s", "\u2019s"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    return key
