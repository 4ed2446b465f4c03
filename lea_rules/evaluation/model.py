"""Evaluation output: a versioned pydantic model, exported as JSON Schema for other tools."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema
from pydantic.json_schema import SkipJsonSchema

from lea_rules.data.model import FigureRevision, PeriodField, TargetMomentField
from lea_rules.evaluation.references import ReferenceRecord, SectionReferences
from lea_rules.verdict.aspiration import Aspiration
from lea_rules.verdict.figures import Source, UnitValue
from lea_rules.verdict.notes import Note, Remark
from lea_rules.verdict.reasons import Aim, AimKind, Measurement, Reason, Rule
from lea_rules.verdict.status import STATUS_COLOUR, BaselineKind, Colour, GoalKind, Status
from lea_rules.words import nl

__all__ = ["STATUS_COLOUR", "BaselineKind", "Colour", "GoalKind", "Status"]


def _read_rule(value: object) -> object:
    """A JSON twin read back has the rule as Dutch text: kept as written (Rule.READ_BACK)."""
    return Reason(Rule.READ_BACK, text=value) if isinstance(value, str) else value


RuleText = Annotated[Reason, BeforeValidator(_read_rule), PlainSerializer(nl.rule, return_type=str),
                     WithJsonSchema({"type": "string"})]
"""The typed reason of a verdict; the JSON twin says it in Dutch with the method's notation."""


def _read_measurement(value: object) -> object:
    return Measurement(None, None, written=value) if isinstance(value, str) else value


MeasurementText = Annotated[Measurement, BeforeValidator(_read_measurement),
                            PlainSerializer(nl.measurement, return_type=str),
                            WithJsonSchema({"type": "string"})]
"""Which measurement counts for the target moment, typed; the JSON twin says it in Dutch."""



def _read_note(value: object) -> object:
    return Note(Remark.READ_BACK, text=value) if isinstance(value, str) else value


NoteText = Annotated[Note, BeforeValidator(_read_note), PlainSerializer(nl.note, return_type=str),
                     WithJsonSchema({"type": "string"})]
"""A note of a verdict, typed; the JSON twin says it in Dutch."""



def _read_aim(value: object) -> object:
    return Aim(AimKind.READ_BACK, text=value) if isinstance(value, str) else value


AimText = Annotated[Aim, BeforeValidator(_read_aim), PlainSerializer(nl.aim, return_type=str),
                    WithJsonSchema({"type": "string"})]
"""A target as the reader sees it, typed; the JSON twin says it in Dutch with ASCII signs."""

def _read_unit_value(value: object) -> object:
    return UnitValue(written=value) if isinstance(value, str) else value


UnitValueText = Annotated[UnitValue, BeforeValidator(_read_unit_value),
                          PlainSerializer(nl.unit_value, return_type=str), WithJsonSchema({"type": "string"})]
"""One unit's value, typed; the JSON twin writes it as stored: "ja", "3", "4,5", "geen gegevens"."""

SourceText = Annotated[Source, PlainSerializer(nl.source, return_type=str),
                       WithJsonSchema({"type": "string"})]
"""Where a figure comes from: the data's text, or a count over units the JSON twin says in Dutch."""

RevisedFigureText = Annotated[FigureRevision | str, PlainSerializer(nl.revised_figure, return_type=str),
                              WithJsonSchema({"type": "string"})]
"""A revised figure (revisies.csv), typed; a JSON twin read back keeps the text (str)."""

RecomputedText = Annotated[list[FigureRevision] | str, PlainSerializer(nl.recomputed, return_type=str),
                           WithJsonSchema({"type": "string"})]
"""The revised figures a previous status could see then; the JSON twin says why it may differ."""

def _read_number(value: object) -> object:
    """A JSON twin read back has its numbers as floats: the shortest decimal that is the float."""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return Decimal(str(value))
    return value


def _six_decimals(value: Decimal) -> float:
    return round(float(value), 6)


Figure = Annotated[Decimal, BeforeValidator(_read_number), PlainSerializer(_six_decimals, return_type=float),
                   WithJsonSchema({"type": "number"})]
"""A number the rules computed (a target, a change per year, a ratio, a projection): the exact
Decimal inside; the JSON twin has it as a number rounded to 6 decimals."""

Stored = Annotated[Decimal, BeforeValidator(_read_number), PlainSerializer(float, return_type=float),
                   WithJsonSchema({"type": "number"})]
"""A figure as the data holds it (or derived from those), or a place on the time axis: the exact
Decimal inside; the JSON twin has it as a number, not rounded."""

KindText = Annotated[GoalKind, WithJsonSchema({"type": "string"})]
AspirationText = Annotated[Aspiration, WithJsonSchema({"type": "string"})]
BaselineText = Annotated[BaselineKind, WithJsonSchema({"type": "string"})]

SCHEMA_VERSION = "lea-evaluation/1"


class Point(BaseModel):
    """One observation used in a verdict, on the time axis, with its origin."""

    model_config = ConfigDict(frozen=True)

    period: PeriodField  # in JSON as written: 2023, 2022/2023, 2022-01-01
    t: Stored = Field(title="T")  # position on the time axis
    value: Stored | None = None
    rating: str | None = None
    source: SourceText
    status: str = "definitief"
    illustrative: bool = False
    note: str | None = None
    # Added in lea-evaluation/1 (compatible).
    series: str | None = Field(default=None, description="reeks: the series the figure belongs to; two "
                               "different stated series in one verdict are a series break")
    undated: bool = Field(default=False, description="a `basis:` without a date (a nulmeting before the "
                          "policy started): `period` is where it is placed, just before the agenda's "
                          "period, not a date the agenda gives")


class UnitCheck(BaseModel):
    """Count over units: one unit's value in the period that was counted, and whether it meets."""

    model_config = ConfigDict(frozen=True)

    unit: str
    value: UnitValueText = Field(title="Value")  # in JSON as stored: "ja", "3", "4,5"; "geen gegevens"
    meets: bool
    illustrative: bool = False
    missing: bool = Field(default=False, description="a declared unit (eenheden.csv) without a value "
                                                     "for the period: geen gegevens")
    groups: list[str] = Field(
        default_factory=list, exclude_if=lambda groups: not groups,
        description="a count over several groups together (`school en/of wijk`): the groups the unit is "
                    "listed under in eenheden.csv; empty (and left out) for a count over one group")


class Explanation(BaseModel):
    """The numbers a verdict came from, so that a reader can check it."""

    model_config = ConfigDict(frozen=True)

    rule: RuleText = Field(title="Rule",
                           description="the rule of the method that decided the status, in Dutch")
    baseline: Point | None = None
    baseline_kind: BaselineText | None = Field(
        default=None, title="Baseline Kind",
        description="expliciet | jaar uit het doel | nulmeting | eerste meting")
    latest: Point | None = None
    target_value: Figure | None = None
    target_text: AimText | None = Field(default=None, title="Target Text")
    target_moment: TargetMomentField | None = None
    measurement_for_target: MeasurementText | None = Field(
        default=None, title="Measurement For Target",
        description="which measurement counts for the target moment")
    required_per_year: Figure | None = None
    actual_per_year: Figure | None = None
    ratio: Figure | None = None
    projection: Figure | None = None
    points: list[Point] = Field(default_factory=list)
    indicative: bool = False  # fewer than 3 points
    provisional: bool = False  # voorlopig: before the final value is in
    illustrative: bool = False  # any point used is illustrative
    notes: list[NoteText] = Field(default_factory=list)
    # Added in lea-evaluation/1 (compatible): more of the numbers behind a verdict.
    provisional_status: Status | None = Field(
        default=None,
        description="Eindmeting nog niet beschikbaar: the status before the deadline, voorlopig")
    last_change_per_year: Figure | None = Field(
        default=None, description="direction-only targets: the last yearly change (two-signal rule)")
    series_break: bool = False
    achieved_share: Figure | None = Field(
        default=None, description="at or after the deadline, not met: (y_tT - y0) / (X - y0), the share of "
                                  "the required change that was achieved (decides Nagenoeg behaald / Niet "
                                  "behaald, wel verbeterd / Niet behaald)")
    units: list[UnitCheck] = Field(default_factory=list, description="count over units: the units counted")
    units_period: PeriodField | None = None
    units_declared: int | None = Field(
        default=None, description="count over units: how many units eenheden.csv declares for the group")
    units_missing: int | None = Field(
        default=None, description="count over units: declared units without a value for units_period")
    # Not in the JSON twin: what the report and the table need that the JSON says in words.
    units_share: SkipJsonSchema[bool] = Field(
        default=False, exclude=True, description="count over units: the figure is the share (%) of the "
                                                 "declared units that meet (alle, elk), not their number")


class Occurrence(BaseModel):
    """A recurring goal (`jaarlijks`): the verdict on one occurrence, a year or schooljaar."""

    model_config = ConfigDict(frozen=True)

    moment: PeriodField = Field(description="the occurrence as a target moment: 2025, or 2024/2025 for a "
                                            "schooljaar recurrence")
    upcoming: bool = Field(default=False, description="the occurrence lies after the peiljaar: its "
                           "verdict is the one before a deadline")
    status: Status
    colour: Colour
    rule: RuleText = Field(title="Rule", description="the rule that decided this occurrence, in Dutch")
    value: Point | None = Field(default=None, description="the measurement that counted for the "
                                "occurrence; null without one (geen gegevens) and for a milestone")
    illustrative: bool = False
    aspiration_status: AspirationText | None = Field(
        default=None, description="the occurrence of a `streven:`: its status as the report shows it "
                                  "(Streven bereikt, Streven niet bereikt, ...), never red, as "
                                  "aspiration_status of the result; null for a doel and for a grijs status")


class GoalEvaluation(BaseModel):
    """The verdict on one goal (a stage of a staged target is a goal of its own)."""

    model_config = ConfigDict(frozen=True)

    kind: KindText = Field(
        title="Kind",
        description="drempel | niveau | richting | relatief | absoluut | trend | eenheden | categorisch | "
                    "mijlpaal | kwalitatief")
    description: str  # the goal as written: "VVE-bereik >= 85% in 2027"
    indicator: str | None = None
    indicator_label: str | None = None
    unit: str | None = None
    status: Status
    colour: Colour
    past: bool = False  # the target moment lies at or before the peiljaar
    explanation: Explanation
    # Added in lea-evaluation/1 (compatible): recurring goals (`jaarlijks`, `per schooljaar`).
    recurrence: str | None = Field(default=None, description="a recurring goal: how often, as written "
                                   "(`jaarlijks vanaf 2025`); the status is that of the latest occurrence "
                                   "up to the peiljaar")
    occurrences: list[Occurrence] = Field(default_factory=list, description="a recurring goal: every "
                                          "occurrence from the first up to the end of the period")

    @property
    def target_illustrative(self) -> bool:
        """A change target (`gedaald met 2 procentpunt t.o.v. 2024`) is computed from its reference
        value: illustrative when that value is."""
        e = self.explanation
        return self.kind in ("relatief", "absoluut") and e.baseline is not None and e.baseline.illustrative


class ActRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    oorzaak: str
    gevolg: str
    bijsturing: str
    # Added in lea-evaluation/1 (compatible).
    illustrative: bool = Field(default=False, description="written in a progress file marked "
                               "`illustratief: ja`: an example text, not the municipality's own")


class ResultEvaluation(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    title: str
    section_path: list[str]  # ["thema 1 Onderwijskansenbeleid", "ambitie 1.1 ..."]
    status: Status  # headline status: the next stage not yet past, else the last
    colour: Colour
    goals: list[GoalEvaluation]
    headline_goal: int = 0  # index into goals
    reported_state: str | None = None  # writer's stand for milestone/qualitative results
    reported_note: str | None = None
    act: ActRecord | None = None
    needs_act: bool = False  # oranje or rood
    act_missing: bool = False  # needs_act and no act given
    questions: list[str] = Field(default_factory=list)
    citations: list[str] = Field(default_factory=list)
    revised: bool = False
    previous_status: Status | None = None  # status in the report for peiljaar - 1
    # Added in lea-evaluation/1 (compatible): revised figures (revisies.csv).
    data_revised: bool = Field(default=False, description="a figure this result uses (up to the peiljaar) "
                               "was revised after it was first stored (revisies.csv)")
    revised_figures: list[RevisedFigureText] = Field(
        default_factory=list, description="each revised figure: indicator, period, old → new, date, reason")
    reported_illustrative: bool = Field(
        default=False, description="reported_state and reported_note come from a progress file marked "
                                   "`illustratief: ja`")
    previous_status_note: RecomputedText | None = Field(
        default=None, description="previous_status is recomputed with today's data; set when that data "
                                  "holds revised figures of periods known then, so last year's report "
                                  "may have said otherwise")
    action: str | None = Field(
        default=None, description="the code of the actie or deelactie this result belongs to "
                                  "(`met resultaat`); null for a result of its section")
    previous_illustrative: bool = Field(
        default=False, description="previous_status rests on illustrative figures (its headline goal "
                                   "used one), as `illustrative` of a goal does for the status")
    owner: str | None = Field(default=None, description="eigenaar: who agreed to deliver the result, as "
                              "the agenda writes it; null when the agenda names no one")
    aspiration: bool = Field(default=False, description="the agenda writes `streven:`: the document aspires "
                             "to the target, it is no hard norm; judged alike (status), shown as a streven")
    aspiration_status: AspirationText | None = Field(
        default=None, description="an aspiration: the status as the report shows it (Streven bereikt, Op weg "
                                  "naar het streven, Streven niet bereikt, ...), never red; null for a grijs "
                                  "status, which is shown as it is")
    references: list[ReferenceRecord] = Field(default_factory=list, description="its `zie:` lines")

    @property
    def headline(self) -> GoalEvaluation | None:
        """The goal whose status is the result's status (None for a result without goals)."""
        return self.goals[self.headline_goal] if self.goals else None

    @property
    def rests_on_illustrative(self) -> bool:
        """The result's status used an illustrative figure or progress text (its headline goal did)."""
        return self.headline is not None and self.headline.explanation.illustrative


class ActionEvaluation(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    title: str
    section_path: list[str]
    kind: str
    owner: str | None = None
    status: str | None = None  # gepland/lopend/afgerond/vertraagd/gestopt, None = niet gerapporteerd
    note: str | None = None
    # Added in lea-evaluation/1 (compatible).
    illustrative: bool = Field(default=False, description="status and note come from a progress file "
                               "marked `illustratief: ja`")
    # Added in lea-evaluation/1 (compatible): the action's planning (start:/gereed:) checked on a day.
    start: str | None = Field(default=None,
                              description="start: as the agenda writes it (schooljaar 2020/2021)")
    ready: str | None = Field(default=None, description="gereed: as the agenda writes it (eind 2021)")
    start_deadline: date | None = Field(
        default=None, description="the last day of start: (by then the action should have started)")
    ready_deadline: date | None = Field(default=None, description="the last day of gereed: (the deadline)")
    planning: str | None = Field(
        default=None, description="vertraagd (gereed has passed, not afgerond, whatever the progress "
                                  "file says) | niet gestart (start has passed, still gepland) | null (on "
                                  "schedule, no planning, or no state reported)")
    planning_note: str | None = Field(
        default=None, description="why, in Dutch: which planned day passed on which peildatum, and the "
                                  "state the progress file gives; 'geen stand gerapporteerd' without a "
                                  "progress entry")
    peildatum: date | None = Field(
        default=None, description="the day the planning was checked on: 31 december of the peiljaar, or the "
                                  "progress file's peildatum:; set when the action has a planning")
    parent: str | None = Field(
        default=None, description="a deelactie: the code of the actie it belongs to; null for an actie")
    subactions: list[str] = Field(
        default_factory=list, description="the codes of this actie's deelacties, in agenda order")
    results: list[str] = Field(
        default_factory=list, description="the codes of the results written under this actie or "
                                          "deelactie (`met resultaat`), in agenda order")
    references: list[ReferenceRecord] = Field(default_factory=list, description="its `zie:` lines")


class KengetalPoint(BaseModel):
    """One figure of a kengetal: a period, a unit of its group (None = the total), its origin."""

    model_config = ConfigDict(frozen=True)

    period: PeriodField  # in JSON as written: 2023, 2022/2023, 2022-01-01
    unit: str | None = Field(default=None, description="breakdown unit (wijk, IKC) or None for the total")
    value: Figure | None = None
    rating: str | None = Field(default=None, description="categorical or ja/nee figure")
    source: SourceText = Field(description="where the figure comes from; a derived figure names its inputs: "
                                    "'berekend: 463 / 10.884 × 100'")
    status: str = "definitief"
    illustrative: bool = False
    derived: bool = False
    inputs: dict[str, Stored] = Field(
        default_factory=dict, description="derived: the value of every indicator in the formula")
    note: str | None = None


class KengetalSeries(BaseModel):
    """An indicator with `soort: kengetal`: followed for context, without a target of its own."""

    model_config = ConfigDict(frozen=True)

    indicator: str
    label: str
    unit: str | None = Field(default=None, description="eenheid of the indicator: %, aantal, ...")
    source: str | None = Field(default=None, description="bron: of the indicator in the agenda")
    group: str | None = Field(default=None, description="per: the group it is measured for (wijk)")
    units: list[str] = Field(
        default_factory=list,
        description="the units of that group in the order of the data, also those without a figure here")
    derived: bool = False
    formula: str | None = Field(default=None, description="derived: the formula as in the agenda")
    points: list[KengetalPoint] = Field(
        default_factory=list, description="by period, then the total before the units in their order; "
                                          "a figure that is missing or cannot be computed has no point")


class DefinitionRecord(BaseModel):
    """A `begrip`: a term the document defines, with where it says so."""

    model_config = ConfigDict(frozen=True)

    term: str
    text: str
    citations: list[str] = Field(default_factory=list, description="document, line or page, and the quote")


class EvaluationReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    schema_version: str = SCHEMA_VERSION
    municipality: str
    agenda_title: str
    agenda_path: str
    period: tuple[int, int]
    peiljaar: int
    data_date: str | None = Field(default=None, description="the data's own date: the latest delivery in "
                                  "leveringen.csv (ISO); null when the folder has no delivery log")
    results: list[ResultEvaluation]
    actions: list[ActionEvaluation]
    illustrative_used: bool = False
    counts: dict[str, int] = Field(default_factory=dict, description="number of results per status")
    # Added in lea-evaluation/1 (compatible): the figures followed for context.
    kengetallen: list[KengetalSeries] = Field(
        default_factory=list, description="indicators with `soort: kengetal`, in agenda order, with "
                                          "their figures up to the peiljaar")
    introduction: list[str] = Field(default_factory=list, description="the `tekst:` lines of the agenda's "
                                    "kop: its own introduction, one paragraph each")
    definitions: list[DefinitionRecord] = Field(default_factory=list, description="the `begrip` lines: the "
                                                "terms the document defines, in agenda order")
    section_references: list[SectionReferences] = Field(
        default_factory=list, description="the `zie:` lines of onderdelen, in agenda order; only onderdelen "
                                          "with one")
