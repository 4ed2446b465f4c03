"""The view builder's base: the reader's language and notation, shared helpers and anchors."""

from __future__ import annotations

import re

from lea_rules import words
from lea_rules.evaluation.model import (
    ActionEvaluation,
    Colour,
    GoalEvaluation,
    GoalKind,
    Point,
    Status,
)
from lea_rules.nodes import Agenda, Citation, Measure, Provenance, Result, Section
from lea_rules.report.charts import Legend
from lea_rules.report.i18n import (
    colour_label,
    status_label,
    text,
)
from lea_rules.report.notation import Notation
from lea_rules.report.view.model import (
    CitationView,
    ReferenceView,
    ReportInput,
    ResultRef,
    ResultView,
    SectionView,
    StatusView,
    ValueView,
)
from lea_rules.verdict.aspiration import Aspiration, as_aspiration
from lea_rules.verdict.reasons import Measurement
from lea_rules.words import REPORT_WORDS

COLOUR_ORDER = (Colour.GREEN, Colour.ORANGE, Colour.RED, Colour.GREY)
COLOUR_RANK = {Colour.GREEN: 3, Colour.ORANGE: 2, Colour.RED: 1}
STATUS_SYMBOL = {Colour.GREEN: "\u2713", Colour.ORANGE: "!", Colour.RED: "\u2717", Colour.GREY: "?"}


def slug(text_: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text_.casefold()).strip("-") or "x"


def result_anchor(code: str) -> str:
    return f"resultaat-{slug(code)}"


def action_anchor(code: str) -> str:
    return f"actie-{slug(code)}"


def status_view(status: Status | Aspiration | None, lang: str, illustrative: bool = False,
                aspiration: bool = False) -> StatusView | None:
    """A status as shown; with `aspiration` (a `streven:`) said as a streven, never red."""
    if status is None:
        return None
    if aspiration and isinstance(status, Status):
        status = as_aspiration(status) or status
    return StatusView(key=status.name.lower(), label=status_label(status, lang), colour=status.colour.value,
                      colour_label=colour_label(status.colour, lang), symbol=STATUS_SYMBOL[status.colour],
                      illustrative=illustrative, aspiration=isinstance(status, Aspiration))


def _citation(citation: Citation, agenda: Agenda, lang: str) -> CitationView:
    document = agenda.document(citation.document)
    name = document.description if document is not None and document.description else citation.document
    locator = ""
    if citation.line is not None:
        locator = f"{text('line', lang)} {citation.line}"
    elif citation.page is not None:
        locator = f"{text('page', lang)} {citation.page}"
    return CitationView(document=name, locator=locator, quote=citation.quote)


def citation_views(provenance: Provenance, agenda: Agenda, lang: str) -> list[CitationView]:
    return [_citation(c, agenda, lang) for c in provenance.citations]


def section_heading(section: Section) -> str:
    number = f" {section.number}" if section.number else ""
    return f"{section.word[:1].upper()}{section.word[1:]}{number} {section.title}"


def section_anchor(section: Section, index: str, taken: set[str]) -> str:
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


def shows_required(goal: GoalEvaluation) -> bool:
    """The required change decided the status: before the deadline (or with the final value pending)
    on a target that is not yet met. A met or keep-it target has none (`required_per_year` None), and
    neither the table nor the chart shows a required change or path for it."""
    e = goal.explanation
    ahead = not goal.past or e.provisional
    return goal.kind is not GoalKind.TREND and ahead and e.required_per_year is not None


def result_ref(result: ResultView) -> ResultRef:
    return ResultRef(result.code, result.anchor, result.title, result.status)


def walk_sections(view: SectionView) -> list[SectionView]:
    out = [view]
    for child in view.children:
        out.extend(walk_sections(child))
    return out


def results_in(view: SectionView) -> list[ResultView]:
    return [r for v in walk_sections(view) for r in v.results]


def require_status(value: StatusView | None) -> StatusView:
    assert value is not None
    return value



class ViewBase:
    def __init__(self, data: ReportInput) -> None:
        self.data = data
        self.agenda = data.agenda
        self.lang = data.lang
        self.fmt = Notation(data.lang)
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
        # every section's anchor in document order, made before any view, so a `zie:` links forward too
        self.section_anchors: dict[int, str] = {}
        for i, top in enumerate(self.agenda.sections):
            self._anchor_sections(top, str(i + 1))

    def _anchor_sections(self, section: Section, index: str) -> None:
        self.section_anchors[id(section)] = section_anchor(section, index, self.anchors)
        for j, child in enumerate(section.children):
            self._anchor_sections(child, f"{index}-{j + 1}")

    def references(self, provenance: Provenance) -> list[ReferenceView]:
        """The `zie:` lines as links; lea check refused any that points at nothing."""
        from lea_rules.references import resolve

        out: list[ReferenceView] = []
        for ref in provenance.references:
            found = resolve(self.agenda, ref)
            if found is None:
                continue
            item = found.item
            if isinstance(item, Section):
                anchor = council = self.section_anchors[id(item)]
                word = item.word
            elif isinstance(item, Result):
                anchor = council = result_anchor(item.code)
                word = self.t("result_word")
            else:
                home = next(s for s, a in self.agenda.all_actions() if a is item)
                anchor, council = action_anchor(item.code), f"{self.section_anchors[id(home)]}-acties"
                word = self.t("subaction_word" if item.parent is not None else "action_word")
            out.append(ReferenceView(f"{word} {found.key} \u201c{item.title}\u201d", anchor, council))
        return out

    def t(self, key: str, **values: object) -> str:
        return text(key, self.lang, **values)

    def when(self, point: Point) -> str:
        """The period of a figure; a `basis:` without a date says so instead of where it is placed."""
        return self.t("undated_baseline") if point.undated else self.fmt.period(point.period)

    def point_value(self, point: Point | None, unit: str | None) -> ValueView:
        if point is None:
            return ValueView(self.fmt.missing())
        if point.value is not None:
            shown = self.fmt.value(point.value, unit)
        elif point.rating is not None:
            shown = self._flag_word(point.rating)
        else:
            shown = self.fmt.missing()
        return ValueView(shown, period=self.when(point), illustrative=point.illustrative,
                         provisional=point.status == "voorlopig",
                         source=words.source(point.source, REPORT_WORDS[self.lang]))

    def _flag_word(self, word: str) -> str:
        if self.lang == "en" and word in ("ja", "nee"):
            return self.t("yes") if word == "ja" else self.t("no")
        return word
