"""View: the report's view-model, built from the agenda, its evaluation and the data.

Everything the templates show is prepared here, already formatted for the reader's
language, so the templates only lay it out. Texts from the agenda or the data files stay
plain strings: the templates escape them (autoescape). Only the charts are markup, drawn
by `charts.line_chart`, which escapes every text it puts in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup

from lea_rules import words
from lea_rules.data.model import Observation, Progress
from lea_rules.data.model import Revision as DataRevision
from lea_rules.evaluation.model import (
    ActionEvaluation,
    BaselineKind,
    Colour,
    EvaluationReport,
    GoalEvaluation,
    GoalKind,
    KengetalPoint,
    KengetalSeries,
    Point,
    ResultEvaluation,
    Status,
)
from lea_rules.evaluation.reasons import Measurement
from lea_rules.evaluation.series import formula_text
from lea_rules.nodes import Action, Agenda, Citation, Measure, NumberExpr, Provenance, Result, Section
from lea_rules.period import Period, available
from lea_rules.report.charts import ChartPoint, ChartSpec, Legend, breaks, line_chart
from lea_rules.report.formatting import Formatter
from lea_rules.report.goals import describe_goals
from lea_rules.report.i18n import (
    action_kind_label,
    colour_label,
    method_paragraphs,
    state_label,
    status_label,
    text,
    unit_words,
)
from lea_rules.words import REPORT_WORDS

COLOUR_ORDER = (Colour.GREEN, Colour.ORANGE, Colour.RED, Colour.GREY)
_RANK = {Colour.GREEN: 3, Colour.ORANGE: 2, Colour.RED: 1}
_SYMBOL = {Colour.GREEN: "\u2713", Colour.ORANGE: "!", Colour.RED: "\u2717", Colour.GREY: "?"}


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
    revisions: Sequence[DataRevision] = ()
    progress: Progress | None = None
    lang: str = "nl"


# --- small views ---------------------------------------------------------------------


@dataclass(frozen=True)
class StatusView:
    key: str  # the enum name in lower case: css class and test hook
    label: str  # in words, always shown
    colour: str  # groen / oranje / rood / grijs (css class)
    colour_label: str
    symbol: str
    illustrative: bool = False  # the status rests (partly) on illustrative figures or progress texts


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
class UnitRow:
    unit: str
    value: str
    meets: str
    illustrative: bool


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


@dataclass(frozen=True)
class ActView:
    cause: str
    consequence: str
    correction: str
    illustrative: bool


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


def shared_source(rows: list[KengetalRow]) -> tuple[str | None, list[KengetalRow]]:
    """Sources that differ only at the end (`..., regel 1671`): the shared part once, the rest per row.

    Cut at a `, ` so that no word is split; only when every figure has its own remainder.
    """
    sources = [source for row in rows for _, source in row.sources]
    if len(sources) < 2:
        return None, rows
    prefix = sources[0]
    for source in sources[1:]:
        while not source.startswith(prefix):
            prefix = prefix[:-1]
    cut = prefix.rfind(", ")
    if cut < 20 or any(len(source) <= cut + 2 for source in sources):
        return None, rows
    common = prefix[:cut]
    return common, [KengetalRow(row.header, row.cells,
                                [(period, source[cut + 2:]) for period, source in row.sources])
                    for row in rows]


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
    result_count: int = field(default=0)
    kengetallen: list[KengetalView] = field(default_factory=list)


# --- helpers ---------------------------------------------------------------------------


def slug(text_: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text_.casefold()).strip("-") or "x"


def result_anchor(code: str) -> str:
    return f"resultaat-{slug(code)}"


def status_view(status: Status | None, lang: str, illustrative: bool = False) -> StatusView | None:
    if status is None:
        return None
    return StatusView(key=status.name.lower(), label=status_label(status, lang), colour=status.colour.value,
                      colour_label=colour_label(status.colour, lang), symbol=_SYMBOL[status.colour],
                      illustrative=illustrative)


def _citation(citation: Citation, agenda: Agenda, lang: str) -> CitationView:
    document = agenda.document(citation.document)
    name = document.description if document is not None and document.description else citation.document
    locator = ""
    if citation.line is not None:
        locator = f"{text('line', lang)} {citation.line}"
    elif citation.page is not None:
        locator = f"{text('page', lang)} {citation.page}"
    return CitationView(document=name, locator=locator, quote=citation.quote)


def _citations(provenance: Provenance, agenda: Agenda, lang: str) -> list[CitationView]:
    return [_citation(c, agenda, lang) for c in provenance.citations]


def _heading(section: Section) -> str:
    number = f" {section.number}" if section.number else ""
    return f"{section.word[:1].upper()}{section.word[1:]}{number} {section.title}"


def _section_anchor(section: Section, index: str, taken: set[str]) -> str:
    """`onderdeel-<nummer>`, unless an earlier section has it (Enschede: Hoofdstuk 1, Paragraaf 1 and
    Ambitie 1): then the word and number (`paragraaf-1`), then the place in the tree; never twice."""
    word = slug(section.word)
    candidates = [f"onderdeel-{slug(section.number)}" if section.number else f"onderdeel-{index}"]
    if section.number:
        candidates.append(f"{word}-{slug(section.number)}")
    candidates.append(f"{word}-{index}")
    anchor = next((c for c in candidates if c not in taken), f"{word}-{index}-2")
    n = 3
    while anchor in taken:
        anchor, n = f"{word}-{index}-{n}", n + 1
    taken.add(anchor)
    return anchor


# --- builder ---------------------------------------------------------------------------


class _Builder:
    def __init__(self, data: ReportInput) -> None:
        self.data = data
        self.agenda = data.agenda
        self.lang = data.lang
        self.fmt = Formatter(data.lang)
        self.evaluations = {r.code: r for r in data.evaluation.results}
        self.action_evals: dict[str, ActionEvaluation] = {a.code: a for a in data.evaluation.actions}
        self.progress_illustrative = bool(data.progress is not None and data.progress.illustratief)
        self.legend = Legend(obs=self.t("legend_obs"), obs_illustrative=self.t("legend_obs_ill"),
                             target=self.t("legend_target"), path=self.t("legend_path"),
                             projection=self.t("legend_projection"),
                             illustrative_short=self.t("illustrative_short"),
                             series_break=self.t("legend_break"))
        self.result_views: dict[str, ResultView] = {}
        self.anchors: set[str] = set()

    def t(self, key: str, **values: object) -> str:
        return text(key, self.lang, **values)

    # --- values ---
    def point_value(self, point: Point | None, unit: str | None) -> ValueView:
        if point is None:
            return ValueView(self.fmt.missing())
        if point.value is not None:
            shown = self.fmt.value(point.value, unit)
        elif point.rating is not None:
            shown = self._flag_word(point.rating)
        else:
            shown = self.fmt.missing()
        return ValueView(shown, period=self.fmt.period(point.period), illustrative=point.illustrative,
                         provisional=point.status == "voorlopig", source=point.source)

    def _flag_word(self, word: str) -> str:
        if self.lang == "en" and word in ("ja", "nee"):
            return self.t("yes") if word == "ja" else self.t("no")
        return word

    # --- goals ---
    def goal_view(self, result_code: str, index: int, goal: GoalEvaluation, headline: bool) -> GoalView:
        e = goal.explanation
        unit = display_unit(goal)
        numeric = goal.kind.numeric
        rows: list[Row] = []
        if e.latest is not None or not goal.kind.reported:
            rows.append(Row(self.t("latest"), self.point_value(e.latest, unit)))
        rows.append(Row(self.t("target"), ValueView(self.target_text(goal),
                                                    illustrative=goal.target_illustrative)))
        moment = self.fmt.period(e.target_moment) if e.target_moment else None
        if numeric and (e.latest is not None or e.baseline is not None):
            baseline = self.point_value(e.baseline, unit)
            if e.baseline_kind and e.baseline_kind is not BaselineKind.NULMETING and e.baseline is not None:
                kind = words.baseline_kind(e.baseline_kind, REPORT_WORDS[self.lang])
                baseline = ValueView(f"{baseline.text} ({kind})", baseline.period,
                                     baseline.illustrative, baseline.provisional, baseline.source)
            rows.append(Row(self.t("baseline"), baseline))
            # only the numbers that decided the status: a met or keep-it target has no required change;
            # a pending final value shows those of its provisional status
            ahead = not goal.past or e.provisional
            # a number computed from an illustrative figure is illustrative too: the required change
            # rests on the baseline, the others on the points used (Explanation.illustrative)
            baseline_illustrative = e.baseline is not None and e.baseline.illustrative
            if shows_required(goal):
                required = self.fmt.change(e.required_per_year, unit)
                rows.append(Row(self.t("required_change"),
                                ValueView(required, illustrative=baseline_illustrative)))
            if ahead and e.actual_per_year is not None:
                rows.append(Row(self.t("actual_change"), ValueView(self.fmt.change(e.actual_per_year, unit),
                                                                   illustrative=e.illustrative)))
            if e.ratio is not None:
                rows.append(Row(self.t("ratio"), ValueView(self.fmt.number(e.ratio),
                                                           illustrative=e.illustrative)))
            if e.achieved_share is not None:
                share = self.fmt.value(e.achieved_share * 100, "%")
                rows.append(Row(self.t("achieved_share"), ValueView(share, illustrative=e.illustrative)))
            # a projection that was not made is not shown: "geen gegevens" is the word for missing
            # data, never for a number the rules did not compute (a break, too few points, no trend)
            if goal.kind is not GoalKind.TREND and e.projection is not None and not e.series_break and (
                    not goal.past or e.provisional):
                label = self.t("projection", moment=moment) if moment else self.t("projection_plain")
                if goal.past:
                    label += f" ({self.t('provisional')})"
                rows.append(Row(label, ValueView(self.fmt.value(e.projection, unit),
                                                 illustrative=e.illustrative)))
        sources: list[str] = []
        for point in [*e.points, e.baseline, e.latest]:
            if point is not None and point.source and point.source not in sources:
                sources.append(point.source)
        chart, summary = self.chart(result_code, index, goal)
        # a declared unit without a value (eenheden.csv): geen gegevens, not "voldoet niet"
        units = [UnitRow(u.unit, self.fmt.missing() if u.missing else self._flag_word(u.value),
                         self.t("yes") if u.meets else self.fmt.missing() if u.missing else self.t("no"),
                         u.illustrative) for u in e.units]
        return GoalView(
            description=goal.description,
            title=f"{goal.indicator_label}: {self.target_text(goal)}" if goal.indicator_label
            else self.target_text(goal),
            indicator_label=goal.indicator_label,
            status=_require(status_view(goal.status, self.lang, e.illustrative)), headline=headline,
            past=goal.past,
            rows=rows, rule=words.rule(e.rule, REPORT_WORDS[self.lang]),
            notes=[words.note(n, REPORT_WORDS[self.lang]) for n in e.notes],
            sources=sources,
            measurement=words.measurement(e.measurement_for_target, REPORT_WORDS[self.lang])
            if e.measurement_for_target is not None else None, chart=chart, chart_summary=summary,
            indicative=e.indicative, provisional=e.provisional, illustrative=e.illustrative,
            units=units, units_period=self.fmt.period(e.units_period) if e.units_period else None)

    def target_text(self, goal: GoalEvaluation) -> str:
        e = goal.explanation
        target = (words.aim(e.target_text, REPORT_WORDS[self.lang]) if e.target_text is not None
                  else goal.description)
        if e.target_moment and e.target_moment.text not in target:
            word = self.t("on") if e.target_moment.period.day is not None else self.t("in")
            target += f" {word} {self.fmt.period(e.target_moment)}"
        return target

    def chart(self, result_code: str, index: int, goal: GoalEvaluation) -> tuple[Markup, str]:
        e = goal.explanation
        unit = display_unit(goal)
        numbers = [p for p in e.points if p.value is not None]
        if e.latest is not None and e.latest.value is not None and all(p.t != e.latest.t for p in numbers):
            numbers.append(e.latest)
        if not numbers:
            return Markup(""), ""
        def short(v: float) -> str:  # labels inside the chart: the unit stands above the axis
            if unit == "%":
                return self.fmt.value(v, unit)
            return self.fmt.number(v, 0 if unit == "aantal" else 2)

        points = tuple(ChartPoint(p.t, float(p.value or 0.0), short(float(p.value or 0.0)), p.illustrative,
                                  p.series) for p in sorted(numbers, key=lambda p: p.t))
        target_t = target_axis(e.measurement_for_target) or (
            float(e.target_moment.period.axis) if e.target_moment is not None else None)
        target = (target_t, e.target_value) if target_t is not None and e.target_value is not None else None
        baseline = None
        if e.baseline is not None and e.baseline.value is not None:
            baseline = (e.baseline.t, e.baseline.value)
        projection = None
        if (e.projection is not None and target_t is not None and e.latest is not None
                and e.latest.value is not None and (not goal.past or e.provisional)
                and target_t > e.latest.t):
            projection = (e.latest.t, e.latest.value, target_t, e.projection)
        low, high = self._bounds(None if goal.kind is GoalKind.UNITS else goal.indicator, unit)
        label = goal.indicator_label or goal.indicator or goal.description
        parts = [self.t("sum_points", points="; ".join(
            f"{self.fmt.period(p.period)}: {self.fmt.value(p.value, unit)}"
            + (f" ({self.t('illustrative')})" if p.illustrative else "")
            for p in sorted(numbers, key=lambda p: p.t)))]
        if e.target_value is not None:
            parts.append(self.t("sum_target", target=self.target_text(goal)
                                + (f" ({self.t('illustrative')})" if goal.target_illustrative else "")))
        marker = f" ({self.t('illustrative')})"
        if baseline is not None and e.baseline is not None:
            parts.append(self.t("sum_baseline", baseline=f"{self.fmt.period(e.baseline.period)}: "
                                f"{self.fmt.value(e.baseline.value, unit)}"
                                + (marker if e.baseline.illustrative else "")))
        if projection is not None and e.target_moment:
            parts.append(self.t("sum_projection", moment=self.fmt.period(e.target_moment),
                                value=self.fmt.value(e.projection, unit)
                                + (marker if e.illustrative else "")))
        if e.series_break:
            for cut in breaks(points):
                before, after = sorted(numbers, key=lambda p: p.t)[cut - 1:cut + 1]
                parts.append(self.t("sum_break", before=self.fmt.period(before.period),
                                    after=self.fmt.period(after.period), new=after.series))
        summary = " ".join(parts)
        spec = ChartSpec(
            chart_id=f"grafiek-{slug(result_code)}-{index}", title=self.t("chart_title", label=label),
            summary=summary, points=points, target=target,
            target_label=f"{self.t('legend_target')} {words.aim(e.target_text, REPORT_WORDS[self.lang])}"
            if target and e.target_text
            else (f"{self.t('legend_target')} {short(target[1])}" if target else None),
            axis_unit="" if unit in ("%", "aantal", None) else unit_words(unit, self.lang),
            # the required path only where the required change decided the status (as in the table):
            # a met or keep-it target needs no path, and none is drawn across a series break
            baseline=baseline if shows_required(goal) and not e.series_break else None,
            projection=projection, low=low, high=high,
            whole=unit == "aantal", series_break=e.series_break,
            school_years=all(p.period.kind is Measure.SCHOOL_YEAR for p in numbers))
        return line_chart(spec, self.legend, short), summary

    def _bounds(self, name: str | None, unit: str | None) -> tuple[float | None, float | None]:
        indicator = self.agenda.indicator(name) if name else None
        if indicator is not None:
            low, high = indicator.bounds()
            return (None if low is None else float(low)), (None if high is None else float(high))
        if unit == "%":
            return 0.0, 100.0
        return None, None

    # --- results ---
    def result_view(self, result: Result) -> ResultView:
        ev = self.evaluations.get(result.code)
        if ev is None:
            view = ResultView(result.code, result_anchor(result.code), result.title, None, None, [], None,
                              None, None, False, False, False, bool(result.revisions), False)
            self.result_views[result.code] = view
            return view
        goals = [self.goal_view(ev.code, i, g, i == ev.headline_goal) for i, g in enumerate(ev.goals)]
        act = None
        if ev.act is not None:
            act = ActView(ev.act.oorzaak, ev.act.gevolg, ev.act.bijsturing, ev.act.illustrative)
        view = ResultView(
            code=ev.code, anchor=result_anchor(ev.code), title=result.title,
            status=status_view(ev.status, self.lang, _rests_on_illustrative(ev)),
            previous=status_view(ev.previous_status, self.lang),
            goals=goals, reported_state=state_label(ev.reported_state, self.lang),
            reported_note=ev.reported_note, act=act, needs_act=ev.needs_act, act_missing=ev.act_missing,
            not_assessed=ev.status is Status.NOT_ASSESSED, revised=ev.revised or bool(result.revisions),
            illustrative_progress=ev.reported_illustrative,
            previous_note=self.t("previous_recomputed") if ev.previous_status_note else None,
            not_judgeable=ev.status is Status.NOT_JUDGEABLE,
            provisional=status_view(ev.goals[ev.headline_goal].explanation.provisional_status, self.lang,
                                    _rests_on_illustrative(ev)) if ev.goals else None)
        self.result_views[result.code] = view
        return view

    def plan_item(self, result: Result) -> PlanItem:
        baseline = None
        if result.baseline is not None:
            quantity, moment = result.baseline
            when = self.fmt.date(moment.day) if moment.day is not None else moment.describe()
            baseline = f"{quantity.describe()} ({when})"
        original = describe_goals(result.goals, self.agenda, self.fmt) if result.revisions else None
        return PlanItem(code=result.code, anchor=result_anchor(result.code), title=result.title,
                        target=describe_goals(result.current_goals, self.agenda, self.fmt),
                        original_target=original, baseline=baseline,
                        citations=_citations(result.provenance, self.agenda, self.lang),
                        texts=list(result.provenance.texts))

    def action_view(self, action: Action) -> ActionView:
        ev = self.action_evals.get(action.code)
        status = state_label(ev.status, self.lang) if ev is not None else None
        note = ev.note if ev is not None else None
        return ActionView(code=action.code, title=action.title,
                          kind=action_kind_label(action.kind.value, self.lang),
                          owner=action.owner, status=status, note=note,
                          illustrative=ev is not None and ev.illustrative,
                          texts=list(action.provenance.texts),
                          citations=_citations(action.provenance, self.agenda, self.lang))

    def section_view(self, section: Section, index: str, h: int) -> SectionView:
        anchor = _section_anchor(section, index, self.anchors)  # before the children: document order
        results = [self.result_view(r) for r in section.results]
        act = [r for r in results if r.needs_act or r.not_assessed or r.not_judgeable]
        children = [self.section_view(child, f"{index}-{i + 1}", h + 1)
                    for i, child in enumerate(section.children)]
        return SectionView(
            anchor=anchor, heading=_heading(section), level=section.level, h=h,
            texts=list(section.provenance.texts),
            citations=_citations(section.provenance, self.agenda, self.lang),
            plan=[self.plan_item(r) for r in section.results],
            actions=[self.action_view(a) for a in section.actions], results=results, act=act,
            children=children)

    # --- at a glance ---
    def glance(self, themes: list[SectionView]) -> Glance:
        evals = self.data.evaluation.results
        has_previous = any(r.previous_status is not None for r in evals)
        theme_rows = [self._theme_glance(theme) for theme in themes]
        all_results = [r for theme in themes for r in _results_in(theme)]
        now = Counter(r.status for r in evals)
        illustrative = Counter(r.status for r in evals if _rests_on_illustrative(r))
        before = Counter(r.previous_status for r in evals if r.previous_status is not None)
        before_illustrative = Counter(r.previous_status for r in evals
                                      if r.previous_status is not None and r.previous_illustrative)
        status_rows: list[StatusRow] = []
        for status in Status:
            if not now[status] and not before[status]:
                continue
            diff = now[status] - before[status]
            status_rows.append(StatusRow(
                status=_require(status_view(status, self.lang)), now=now[status],
                previous=before[status] if has_previous else None,
                difference=(self.fmt.signed(diff, 0) if diff else "0") if has_previous else "",
                illustrative=illustrative[status],
                previous_illustrative=before_illustrative[status] if has_previous else 0))
        changes = [ResultRef(r.code, r.anchor, r.title, r.status, r.previous) for r in all_results
                   if r.previous is not None and r.status is not None and r.previous.key != r.status.key]
        return Glance(
            total=len(evals), themes=theme_rows, totals=self._cells(all_results), status_rows=status_rows,
            has_previous=has_previous, changes=changes,
            act_missing=[_ref(r) for r in all_results if r.act_missing],
            not_assessed=[_ref(r) for r in all_results if r.not_assessed],
            illustrative_note=self._illustrative_note(sum(illustrative.values())),
            illustrative=sum(illustrative.values()))

    def _illustrative_note(self, n: int) -> str:
        if not n:
            return ""
        one = n == 1
        verb = ("rust" if one else "rusten") if self.lang == "nl" else ("rests" if one else "rest")
        return self.t("glance_illustrative", n=n, verb=verb)

    def _cells(self, results: list[ResultView]) -> list[ColourCell]:
        cells: list[ColourCell] = []
        for colour in COLOUR_ORDER:
            mine = [r for r in results if r.status is not None and r.status.colour == colour.value]
            counts = Counter(r.status.label for r in mine if r.status is not None)
            statuses = [(status_label(s, self.lang), counts[status_label(s, self.lang)]) for s in Status
                        if s.colour is colour and counts[status_label(s, self.lang)]]
            cells.append(ColourCell(colour.value, colour_label(colour, self.lang), len(mine), statuses))
        return cells

    def _theme_glance(self, theme: SectionView) -> ThemeGlance:
        results = list(_results_in(theme))
        better = worse = other = 0
        for r in results:
            if r.previous is None or r.status is None or r.previous.key == r.status.key:
                continue
            old, new = _RANK.get(Colour(r.previous.colour)), _RANK.get(Colour(r.status.colour))
            if old is not None and new is not None and new > old:
                better += 1
            elif old is not None and new is not None and new < old:
                worse += 1
            else:
                other += 1
        shaky = sum(1 for r in results if r.status is not None and r.status.illustrative)
        return ThemeGlance(theme.heading, theme.anchor, self._cells(results), len(results), better, worse,
                           other, shaky)

    # --- open questions, appendices ---
    def questions(self, themes: list[SectionView]) -> list[QuestionView]:
        out: list[QuestionView] = []
        agenda = self.agenda
        for question, _ in agenda.provenance.questions:
            out.append(QuestionView(self.t("whole_agenda"), None, question))
        for indicator in agenda.indicators:
            for question, _ in indicator.provenance.questions:
                out.append(QuestionView(f"{self.t('indicator')} {indicator.label}", None, question))
        anchors = {v.heading: v.anchor for theme in themes for v in _walk(theme)}
        for section in agenda.walk_sections():
            heading = _heading(section)
            for question, _ in section.provenance.questions:
                out.append(QuestionView(heading, anchors.get(heading), question))
            for action in section.actions:
                for question, _ in action.provenance.questions:
                    out.append(QuestionView(f"{self.t('action')} {action.code}: {action.title}",
                                            anchors.get(heading), question))
            for result in section.results:
                for question, _ in result.provenance.questions:
                    out.append(QuestionView(f"{self.t('result')} {result.code}: {result.title}",
                                            result_anchor(result.code), question))
        for budget in agenda.budgets:
            for question, _ in budget.provenance.questions:
                out.append(QuestionView(budget.title, None, question))
            for post in budget.posts:
                for question, _ in post.provenance.questions:
                    out.append(QuestionView(f"{self.t('budget_post')} {post.name}", None, question))
        return out

    def data_rows(self) -> list[DataRow]:
        """Every figure the peiljaar can know: a 2026 report shows no 2027 figure, as its verdicts
        use none (`period.available`)."""
        rows: list[DataRow] = []
        known = [o for o in self.data.observations if available(o.period, self.data.evaluation.peiljaar)]
        for obs in sorted(known,
                          key=lambda o: (o.indicator.casefold(), o.period.text, (o.unit or "").casefold())):
            indicator = self.agenda.indicator(obs.indicator)
            unit = indicator.unit.value if indicator is not None and indicator.unit is not None else None
            if obs.value is not None:
                value = self.fmt.value(obs.value, unit)
            elif obs.rating is not None:
                value = obs.rating
            elif obs.flag is not None:
                value = self.t("yes") if obs.flag else self.t("no")
            else:
                value = self.fmt.missing()
            rows.append(DataRow(
                indicator=indicator.label if indicator is not None else obs.indicator, name=obs.indicator,
                period=self.fmt.period(obs.period), breakdown=obs.unit or "", value=value,
                status=obs.status.value if self.lang == "nl" else
                ("provisional" if obs.status.value == "voorlopig" else "final"),
                source=obs.source, illustrative=obs.illustrative, note=obs.note or "",
                series=obs.series or ""))
        return rows

    # --- kengetallen ---
    def kengetallen(self) -> list[KengetalView]:
        return [self.kengetal(series) for series in self.data.evaluation.kengetallen]

    def kengetal(self, series: KengetalSeries) -> KengetalView:
        indicator = self.agenda.indicator(series.indicator)
        formula = None
        if indicator is not None and indicator.formula is not None:
            formula = formula_text(indicator.formula, times="\u00d7")
        anchor = f"kengetal-{slug(series.indicator)}"
        periods: list[Period] = []
        for point in series.points:
            if point.period not in periods:
                periods.append(point.period)
        by_key = {(p.period, p.unit): p for p in series.points}
        if not series.units:
            rows: list[KengetalRow] = []
            for period in periods:
                cell = self.kengetal_cell(series, by_key.get((period, None)))
                rows.append(KengetalRow(self.fmt.period(period), [cell], [("", cell.source)]))
            return KengetalView(anchor, series.indicator, series.label, series.source, formula,
                                self.t("kengetal_table"), self.t("data_period"),
                                [self.t("value")], rows)
        group = series.group or self.t("breakdown").lower()
        units: list[str | None] = [None] if any(p.unit is None for p in series.points) else []
        units.extend(series.units)
        shown_periods = [self.fmt.period(period) for period in periods]
        unit_rows: list[KengetalRow] = []
        for unit in units:
            cells = [self.kengetal_cell(series, by_key.get((period, unit))) for period in periods]
            sources = [(shown if len(periods) > 1 else "", cell.source)
                       for shown, cell in zip(shown_periods, cells, strict=True) if not cell.missing]
            unit_rows.append(KengetalRow(unit if unit is not None else self.t("total"), cells, sources))
        common, unit_rows = shared_source(unit_rows)
        return KengetalView(anchor, series.indicator, series.label, series.source, formula,
                            self.t("kengetal_table_units", group=group),
                            group[:1].upper() + group[1:], shown_periods, unit_rows, common)

    def kengetal_cell(self, series: KengetalSeries, point: KengetalPoint | None) -> KengetalCell:
        if point is None:
            return KengetalCell(self.fmt.missing(), missing=True)
        if point.value is not None:
            shown = self.fmt.value(point.value, series.unit)
        elif point.rating is not None:
            shown = self._flag_word(point.rating)
        else:
            return KengetalCell(self.fmt.missing(), missing=True)
        source = point.source
        indicator = self.agenda.indicator(series.indicator)
        if point.derived and indicator is not None and indicator.formula is not None:
            inputs = {name.casefold(): value for name, value in point.inputs.items()}

            def name(written: str) -> str:
                value = inputs.get(written.casefold())
                return written if value is None else self.fmt.number(value, 4)

            def number(expr: NumberExpr) -> str:
                return self.fmt.number(expr.number.value, 4)

            source = self.t("derived_from", inputs=formula_text(indicator.formula, name, number, "\u00d7"))
        return KengetalCell(shown, illustrative=point.illustrative, provisional=point.status == "voorlopig",
                            derived=point.derived, source=source)

    def target_revisions(self) -> list[TargetRevisionView]:
        out: list[TargetRevisionView] = []
        for _, result in self.agenda.all_results():
            if not result.revisions:
                continue
            steps = [(self.fmt.date(rev.decided), describe_goals(rev.goals, self.agenda, self.fmt),
                      rev.reason or "") for rev in result.revisions]
            out.append(TargetRevisionView(result.code, result_anchor(result.code), result.title,
                                          describe_goals(result.goals, self.agenda, self.fmt), steps))
        return out

    def figure_revisions(self) -> list[FigureRevisionView]:
        out: list[FigureRevisionView] = []
        for rev in self.data.revisions:
            if not available(rev.period, self.data.evaluation.peiljaar):
                continue  # the figure of a later period, and so its revision, is not known yet
            indicator = self.agenda.indicator(rev.indicator)
            out.append(FigureRevisionView(
                indicator=indicator.label if indicator is not None else rev.indicator,
                period=self.fmt.period(rev.period), breakdown=rev.unit or "", old=rev.old, new=rev.new,
                reason=rev.reason, date=self.fmt.date(rev.revised_on)))
        return out

    def budgets(self) -> list[BudgetView]:
        out: list[BudgetView] = []
        for budget in self.agenda.budgets:
            posts = [BudgetPostView(
                name=post.name,
                amounts=[(str(a.year) if a.year is not None else self.t("structural"),
                          self.fmt.euro(a.euros.value)) for a in post.amounts],
                note=post.note, citations=_citations(post.provenance, self.agenda, self.lang))
                for post in budget.posts]
            out.append(BudgetView(budget.title, posts, _citations(budget.provenance, self.agenda, self.lang)))
        return out

    def build(self) -> ReportView:
        ev = self.data.evaluation
        themes = [self.section_view(s, str(i + 1), 2) for i, s in enumerate(self.agenda.sections)]
        illustrative = (ev.illustrative_used or self.progress_illustrative
                        or any(o.illustrative for o in self.data.observations))
        start, end = self.agenda.period
        cover = Cover(
            municipality=self.agenda.municipality, title=self.agenda.title, period=f"{start}\u2013{end}",
            peiljaar=ev.peiljaar,
            data_date=self.fmt.date(ev.data_date) if ev.data_date else self.t("data_date_unknown"),
            generated=self.fmt.date(self.data.generated) if self.data.generated else None,
            generated_iso=self.data.generated.isoformat() if self.data.generated else None,
            illustrative=illustrative)
        return ReportView(
            lang=self.lang, doc_title=self.t("doc_title", title=self.agenda.title, year=ev.peiljaar),
            agenda_file=self.agenda.path.replace("\\", "/").rsplit("/", 1)[-1],
            cover=cover, glance=self.glance(themes), themes=themes, questions=self.questions(themes),
            method=method_paragraphs(self.lang), data_rows=self.data_rows(),
            target_revisions=self.target_revisions(), figure_revisions=self.figure_revisions(),
            budgets=self.budgets(), result_count=len(self.result_views), kengetallen=self.kengetallen())


def target_axis(measurement: Measurement | None) -> float | None:
    """Where the chart puts the target: at the period that counts for the target moment.

    For a peildatum indicator the peildatum that did count, once it is in. Across kinds of period
    the chart keeps the place it always had: the start of the period the measurement names first
    (a schooljaar target on a kalenderjaar indicator sits at the schooljaar's first year).
    """
    if measurement is None or measurement.target is None or measurement.measure is None:
        return None
    target, measure, final = measurement.target, measurement.measure, measurement.final
    if measure is Measure.REFERENCE_DATE and target.kind is not Measure.REFERENCE_DATE and final:
        return float(final.axis)
    if measure is Measure.SCHOOL_YEAR and target.kind is Measure.CALENDAR_YEAR:
        return float(target.year - 1)
    if measure is Measure.CALENDAR_YEAR and target.kind is Measure.REFERENCE_DATE:
        return float(target.year)
    return float(target.axis)


def display_unit(goal: GoalEvaluation) -> str | None:
    """The unit of the figures of a goal. Counting over units gives a number or a share of
    units (`tenminste 6 IKC`, `alle IKC (100%)`), not the ja/nee of the indicator."""
    if goal.kind is GoalKind.UNITS:
        return "%" if goal.explanation.units_share else "aantal"
    return goal.unit


def shows_required(goal: GoalEvaluation) -> bool:
    """The required change decided the status: before the deadline (or with the final value pending)
    on a target that is not yet met. A met or keep-it target has none (`required_per_year` None), and
    neither the table nor the chart shows a required change or path for it."""
    e = goal.explanation
    ahead = not goal.past or e.provisional
    return goal.kind is not GoalKind.TREND and ahead and e.required_per_year is not None


def _ref(result: ResultView) -> ResultRef:
    return ResultRef(result.code, result.anchor, result.title, result.status)


def _rests_on_illustrative(ev: ResultEvaluation) -> bool:
    """The result's status is its headline goal's: illustrative when that verdict used an illustrative
    figure or an illustrative progress text."""
    return bool(ev.goals) and ev.goals[ev.headline_goal].explanation.illustrative


def _walk(view: SectionView) -> list[SectionView]:
    out = [view]
    for child in view.children:
        out.extend(_walk(child))
    return out


def _results_in(view: SectionView) -> list[ResultView]:
    return [r for v in _walk(view) for r in v.results]


def _require(value: StatusView | None) -> StatusView:
    assert value is not None
    return value


def build_view(data: ReportInput) -> ReportView:
    """The view-model of the whole report."""
    return _Builder(data).build()

