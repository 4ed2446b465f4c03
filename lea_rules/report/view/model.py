"""View model: the dataclasses the report templates read, one per thing they show."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup

from lea_rules.data.model import FigureRevision, Observation, Progress
from lea_rules.evaluation.model import (
    EvaluationReport,
)
from lea_rules.nodes import Agenda


@dataclass(frozen=True)
class ReportInput:
    """What a report is made of.

    The report shows no date of its own making: `lea report` leaves `generated` empty, so the
    same agenda and data give the same file byte for byte. A caller may pass one explicitly.
    """

    agenda: Agenda
    evaluation: EvaluationReport
    generated: date | None = None
    observations: Sequence[Observation] = ()
    revisions: Sequence[FigureRevision] = ()
    progress: Progress | None = None
    lang: str = "nl"


@dataclass(frozen=True)
class StatusView:
    key: str  # the enum name in lower case: css class and test hook
    label: str  # in words, always shown
    colour: str  # groen / oranje / rood / grijs (css class)
    colour_label: str
    symbol: str
    illustrative: bool = False  # the status rests (partly) on illustrative figures or progress texts
    aspiration: bool = False  # the status of a `streven:`, said as a streven (verdict/aspiration.py)


@dataclass(frozen=True)
class CitationView:
    document: str
    locator: str
    quote: str


@dataclass(frozen=True)
class ValueView:
    text: str
    period: str | None = None
    illustrative: bool = False
    provisional: bool = False
    source: str | None = None


@dataclass(frozen=True)
class OccurrenceView:
    """One occurrence of a recurring goal (`jaarlijks`): `2024 ✓ Behaald`, the mark with its word,
    so that the row reads without colour; `colour` only adds it."""

    text: str
    colour: str
    upcoming: bool
    illustrative: bool


@dataclass(frozen=True)
class UnitRow:
    unit: str
    value: str
    meets: str
    illustrative: bool
    group: str = ""  # a count over several groups together: the group(s) the unit is listed under


@dataclass(frozen=True)
class Row:
    label: str
    value: ValueView


@dataclass(frozen=True)
class GoalView:
    description: str
    title: str
    indicator_label: str | None
    status: StatusView
    headline: bool
    past: bool
    rows: list[Row]
    rule: str
    notes: list[str]
    sources: list[str]
    measurement: str | None
    chart: Markup
    chart_summary: str
    indicative: bool
    provisional: bool
    illustrative: bool
    units: list[UnitRow]
    units_period: str | None
    units_count: str | None = None  # `4 van 6 voorscholen voldoen`, over units_period
    occurrences: list[OccurrenceView] = field(default_factory=list)  # a recurring goal, per keer


@dataclass(frozen=True)
class ActView:
    cause: str
    consequence: str
    correction: str
    illustrative: bool


@dataclass(frozen=True)
class ReferenceView:
    """A `zie:` as a link into the same file. The council edition lists no actions, only their
    count per part: a reference to an action links there to that count."""

    label: str  # `ambitie 1.2 “Een doorgaande leerlijn”`
    anchor: str
    council_anchor: str


@dataclass(frozen=True)
class ResultView:
    code: str
    anchor: str
    title: str
    status: StatusView | None  # None: the evaluation has no verdict for this result
    previous: StatusView | None
    goals: list[GoalView]
    reported_state: str | None
    reported_note: str | None
    act: ActView | None
    needs_act: bool
    act_missing: bool
    not_assessed: bool
    revised: bool
    illustrative_progress: bool
    previous_note: str | None = None  # the previous status was recomputed with revised figures
    not_judgeable: bool = False  # Niet te beoordelen: the target cannot be computed (basis 0)
    provisional: StatusView | None = None  # Eindmeting nog niet beschikbaar: the status until then
    owner: str | None = None  # `eigenaar:` of the result, as the agenda writes it
    action: ActionRef | None = None  # `met resultaat`: the actie or deelactie it belongs to
    references: list[ReferenceView] = field(default_factory=list)  # its `zie:` lines


@dataclass(frozen=True)
class PlanItem:
    code: str
    anchor: str
    title: str
    target: str
    original_target: str | None
    baseline: str | None
    citations: list[CitationView]
    texts: list[str]
    aspiration: bool = False  # `streven:`: the target is what the document aspires to, no hard norm
    action: ActionRef | None = None  # `met resultaat`: the actie or deelactie it belongs to


@dataclass(frozen=True)
class DefinitionView:
    term: str
    text: str
    citations: list[CitationView]


@dataclass(frozen=True)
class ActionRef:
    """An actie or deelactie named where its result is shown: `bij actie 1.1-a1 "..."`."""

    code: str
    anchor: str
    title: str
    word: str  # "actie" / "deelactie" in the report's language


@dataclass(frozen=True)
class ActionView:
    code: str
    title: str
    kind: str
    owner: str | None
    status: str | None
    note: str | None
    illustrative: bool
    texts: list[str]
    citations: list[CitationView]
    planning: str | None = None  # `start: schooljaar 2020/2021 · gereed: eind 2021`, in the reader's language
    flag: str | None = None  # vertraagd / niet gestart by the planning (report.view.planning)
    flag_note: str | None = None  # why: which planned day has passed, or that no state was reported
    needs_attention: bool = False  # flagged, or a planned day has passed without a reported state

    @property
    def shown_state(self) -> str | None:
        """The state a reader sees first: the planning's verdict, else the progress file's."""
        return self.flag or self.status
    anchor: str = ""
    parent: ActionRef | None = None  # a deelactie: the actie it belongs to
    results: list[ResultRef] = field(default_factory=list)  # its `met resultaat`s, with verdicts
    references: list[ReferenceView] = field(default_factory=list)


@dataclass(frozen=True)
class SectionView:
    anchor: str
    heading: str
    level: int
    h: int  # heading level of the section itself; its PDCA steps are h + 1, results h + 2
    texts: list[str]
    citations: list[CitationView]
    plan: list[PlanItem]
    actions: list[ActionView]
    results: list[ResultView]
    act: list[ResultView]
    children: list[SectionView]
    act_actions: list[ActionView] = field(default_factory=list)  # behind their planning (Act)
    references: list[ReferenceView] = field(default_factory=list)

    @property
    def has_pdca(self) -> bool:
        return bool(self.actions or self.results)


@dataclass(frozen=True)
class ResultRef:
    code: str
    anchor: str
    title: str
    status: StatusView | None
    previous: StatusView | None = None


@dataclass(frozen=True)
class ColourCell:
    colour: str
    colour_label: str
    count: int
    statuses: list[tuple[str, int]]


@dataclass(frozen=True)
class ThemeGlance:
    heading: str
    anchor: str
    cells: list[ColourCell]
    total: int
    better: int
    worse: int
    other: int
    illustrative: int = 0  # results whose status rests on illustrative figures


@dataclass(frozen=True)
class StatusRow:
    status: StatusView
    now: int
    previous: int | None
    difference: str
    illustrative: int = 0  # of `now`: resting on illustrative figures
    previous_illustrative: int = 0  # of `previous`: resting on illustrative figures


@dataclass(frozen=True)
class Glance:
    total: int
    themes: list[ThemeGlance]
    totals: list[ColourCell]
    status_rows: list[StatusRow]
    has_previous: bool
    changes: list[ResultRef]
    act_missing: list[ResultRef]
    not_assessed: list[ResultRef]
    illustrative_note: str = ""  # how many statuses rest on illustrative figures; empty when none
    illustrative: int = 0  # of `total`: results whose status rests on illustrative figures


@dataclass(frozen=True)
class QuestionView:
    about: str
    anchor: str | None
    text: str


@dataclass(frozen=True)
class DataRow:
    indicator: str
    name: str
    period: str
    breakdown: str
    value: str
    status: str
    source: str
    illustrative: bool
    note: str
    series: str = ""  # reeks: shown when any figure names its series


@dataclass(frozen=True)
class KengetalCell:
    """One figure of a kengetal, formatted; `missing` shows 'geen gegevens'."""

    text: str
    missing: bool = False
    illustrative: bool = False
    provisional: bool = False
    derived: bool = False
    source: str = ""  # for a derived figure: "berekend uit 463 / 10.884 × 100"


@dataclass(frozen=True)
class KengetalRow:
    header: str  # the period (figures per period) or the unit (figures per wijk)
    cells: list[KengetalCell]
    sources: list[tuple[str, str]]  # (period or "", source) of every figure in the row


@dataclass(frozen=True)
class KengetalView:
    anchor: str
    name: str
    label: str
    source: str | None
    formula: str | None
    caption: str
    row_header: str
    columns: list[str]  # the value columns: one ("Waarde") or one per period
    rows: list[KengetalRow]
    common_source: str | None = None  # the part all sources of the table share, said once


@dataclass(frozen=True)
class TargetRevisionView:
    code: str
    anchor: str
    title: str
    original: str
    steps: list[tuple[str, str, str]]  # (decided, new target, reason)


@dataclass(frozen=True)
class FigureRevisionView:
    indicator: str
    period: str
    breakdown: str
    old: str
    new: str
    reason: str
    date: str


@dataclass(frozen=True)
class BudgetPostView:
    name: str
    amounts: list[tuple[str, str]]
    note: str | None
    citations: list[CitationView]


@dataclass(frozen=True)
class BudgetView:
    title: str
    posts: list[BudgetPostView]
    citations: list[CitationView]


@dataclass(frozen=True)
class Cover:
    municipality: str
    title: str
    period: str
    peiljaar: int
    data_date: str
    generated: str | None
    generated_iso: str | None
    illustrative: bool


@dataclass(frozen=True)
class ReportView:
    lang: str
    doc_title: str
    agenda_file: str
    cover: Cover
    glance: Glance
    themes: list[SectionView]
    questions: list[QuestionView]
    method: tuple[str, ...]
    data_rows: list[DataRow]
    target_revisions: list[TargetRevisionView]
    figure_revisions: list[FigureRevisionView]
    budgets: list[BudgetView]
    kengetallen: list[KengetalView] = field(default_factory=list)
    introduction: list[str] = field(default_factory=list)  # the agenda's kop `tekst:` lines
    definitions: list[DefinitionView] = field(default_factory=list)  # `begrip` lines
