"""Build: the council edition's view, condensed from the working edition's view objects.

`report.view.build_view` makes every status, figure, chart and label once; this module only
chooses and condenses them: per section the results with a series as cards (figures, chart, source
quote, correction), the others in one compact table, the actions as counts with the delayed and
stopped ones named. Nothing is computed anew, so the two editions cannot disagree.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from lea_rules.checks.citations import project_root
from lea_rules.nodes import Agenda, Citation, Result
from lea_rules.report.council.glance import CouncilGlance, council_glance
from lea_rules.report.council.headings import document_index
from lea_rules.report.council.strings import council_text
from lea_rules.report.i18n import state_label, text
from lea_rules.report.view import (
    ActionView,
    PlanItem,
    ReferenceView,
    ReportInput,
    ReportView,
    ResultView,
    SectionView,
    build_view,
)

NAMED_STATES = ("vertraagd", "niet gestart", "gestopt")
"""Action states a reader must see by name; the others are counted."""
STATE_ORDER = ("lopend", "afgerond", "gepland", "vertraagd", "niet gestart", "gestopt")


@dataclass(frozen=True)
class SourceNote:
    """Where an item's quotes stand: the document and the heading they sit under, said once."""

    quotes: list[str]
    documents: list[str]
    places: list[str]  # headings (or `pagina N`) in the documents, without repeats

    @property
    def where(self) -> str:
        return "; ".join(self.documents) + (f", {', '.join(self.places)}" if self.places else "")


@dataclass(frozen=True)
class Item:
    result: ResultView
    target: str
    revised_from: str | None
    source: SourceNote | None
    remark: str  # for a row of the compact table: the reported state or the correction


@dataclass(frozen=True)
class ActionSummary:
    total: int
    counts: str  # "2 lopend, 1 vertraagd, 10 zonder melding"
    named: list[ActionView]


@dataclass(frozen=True)
class Part:
    anchor: str
    heading: str
    level: int
    h: int
    texts: list[str]
    cards: list[Item]
    table: list[Item]
    table_source: str | None  # what every row of the table cites (document, maybe heading), said once
    table_places: bool  # the rows name only their headings: table_source is their one document
    actions: ActionSummary | None
    children: list[Part]
    result_total: int  # results in this part and below
    references: list[ReferenceView] = field(default_factory=list)  # the part's `zie:` lines

    @property
    def major(self) -> bool:
        """A part with results: it starts a page when printed (class `theme`)."""
        return self.result_total > 0

    @property
    def has_content(self) -> bool:
        return bool(self.cards or self.table or self.actions or self.children or self.texts)


@dataclass(frozen=True)
class Term:
    """A `begrip` as the raad reads it: its source by document and heading, no line numbers."""

    term: str
    text: str
    source: SourceNote | None


@dataclass(frozen=True)
class CouncilView:
    base: ReportView
    glance: CouncilGlance
    parts: list[Part]
    method: list[str]  # how we judge, without the working edition's list of what is still missing
    definitions: list[Term] = field(default_factory=list)


class Sources:
    """Turns citations into the document and heading a reader can find (headings read once)."""

    def __init__(self, agenda: Agenda, lang: str) -> None:
        self.agenda = agenda
        self.lang = lang
        self.base = Path(agenda.path).parent
        self.root = project_root(agenda.path)

    def document_name(self, citation: Citation) -> str:
        document = self.agenda.document(citation.document)
        return document.description if document is not None and document.description else citation.document

    def place(self, citation: Citation) -> str | None:
        if citation.page is not None:
            return f"{text('page', self.lang)} {citation.page}"
        document = self.agenda.document(citation.document)
        if citation.line is None or document is None:
            return None
        path = self.base / document.path
        try:
            if not path.resolve().is_relative_to(self.root):
                return None
        except (OSError, RuntimeError):
            return None
        index = document_index(path)
        return index.above(citation.line) if index is not None else None

    def figure_source(self, source: str) -> str:
        """A figure's source as the data file writes it, `... (sources/x.txt), regel 957 (...; regel
        964)`, with the lines replaced by the heading they sit under: `..., 3.1 Cijfers ...`."""
        match = _FILE_LINE.search(source)
        if match is None:
            return source
        index = None
        path = self.root / match.group("path")
        try:
            if path.resolve().is_relative_to(self.root):
                index = document_index(path)
        except (OSError, RuntimeError):
            index = None
        first = index.above(int(match.group("line"))) if index is not None else None
        shown = source[:match.start()] + (f", {first}" if first else "") + source[match.end():]

        def later(m: re.Match[str]) -> str:
            heading = index.above(int(m.group("line"))) if index is not None else None
            return f", {heading}" if heading and heading != first else ""

        return _LINE.sub(later, shown)

    def note(self, citations: tuple[Citation, ...], said: tuple[str, ...] = ()) -> SourceNote | None:
        """The source of an item; a quote that only repeats what the item already says (its title
        or target, `said`) is not printed again, its document and heading are."""
        if not citations:
            return None
        known = {_words(s) for s in said}
        quotes: list[str] = []
        documents: list[str] = []
        places: list[str] = []
        for citation in citations:
            words = _words(citation.quote)
            quote = None if any(words in k for k in known) else citation.quote
            for bucket, value in ((quotes, quote), (documents, self.document_name(citation)),
                                  (places, self.place(citation))):
                if value and value not in bucket:
                    bucket.append(value)
        return SourceNote(quotes, documents, places)


_FILE_LINE = re.compile(r"\s*\((?P<path>[^()]+\.txt)\),?\s*regel (?P<line>\d+)(?:\s*(?:-|\u2013|en)\s*\d+)?")
_LINE = re.compile(r",?\s*regel (?P<line>\d+)(?:\s*(?:-|\u2013|en)\s*\d+)?")


def _words(text_: str) -> str:
    return " ".join(re.findall(r"\w+", text_.casefold()))


class _Council:
    def __init__(self, data: ReportInput, base: ReportView) -> None:
        self.data = data
        self.base = base
        self.lang = data.lang
        self.sources = Sources(data.agenda, data.lang)
        self.nodes: dict[str, Result] = {r.code: r for _, r in data.agenda.all_results()}
        # the planning's verdict (vertraagd, niet gestart) before the progress file's state
        self.action_states = {a.code: a.planning or a.status for a in data.evaluation.actions}

    def item(self, result: ResultView, plan: PlanItem | None) -> Item:
        node = self.nodes.get(result.code)
        result = replace(result, goals=[replace(g, sources=[self.sources.figure_source(s) for s in g.sources])
                                        for g in result.goals])
        said = (result.title, plan.target if plan is not None else "")
        source = self.sources.note(node.provenance.citations, said) if node is not None else None
        remark = ""
        if result.act is not None:
            remark = f"{text('correction', self.lang)}: {result.act.correction}"
        elif result.reported_state:
            remark = (f"{council_text('state_short', self.lang)}: {result.reported_state}"
                      + (f" \u2013 {result.reported_note}" if result.reported_note else ""))
        target = plan.target if plan is not None else ""
        if plan is not None and plan.aspiration:  # the table's column says Doel: a streven says so itself
            target = f"{text('aspiration', self.lang)}: {target}"
        return Item(result, target, plan.original_target if plan else None, source, remark)

    def actions(self, actions: list[ActionView]) -> ActionSummary | None:
        """The section's actions counted by state (its deelacties not: they are steps of an
        action), with every delayed or stopped actie or deelactie named."""
        main = [a for a in actions if a.parent is None]
        if not main:
            return None
        states = Counter(self.action_states.get(a.code) for a in main)
        counts = [f"{states[s]} {state_label(s, self.lang)}" for s in STATE_ORDER if states[s]]
        counts.extend(f"{n} {state_label(s, self.lang)}" for s, n in sorted(
            ((s, n) for s, n in states.items() if s is not None and s not in STATE_ORDER)))
        if states[None]:
            counts.append(f"{states[None]} {council_text('no_report', self.lang)}")
        named = [a for a in actions if self.action_states.get(a.code) in NAMED_STATES]
        return ActionSummary(len(main), ", ".join(counts), named)

    def part(self, section: SectionView) -> Part:
        plans = {p.code: p for p in section.plan}
        items = [self.item(r, plans.get(r.code)) for r in section.results]
        cards = [i for i in items if any(g.chart for g in i.result.goals)]
        table = [i for i in items if i not in cards]
        table_source, table_places = None, False
        notes = [i.source for i in table]
        if notes and all(n is not None for n in notes):
            wheres = {n.where for n in notes if n is not None}
            documents = {tuple(n.documents) for n in notes if n is not None}
            if len(wheres) == 1:
                table_source = next(iter(wheres))
            elif len(documents) == 1 and len(next(iter(documents))) == 1:
                table_source, table_places = next(iter(documents))[0], True
        children = [self.part(child) for child in section.children]
        total = len(items) + sum(c.result_total for c in children)
        return Part(section.anchor, section.heading, section.level, section.h, list(section.texts), cards,
                    table, table_source, table_places, self.actions(section.actions), children, total,
                    section.references)

    def build(self) -> CouncilView:
        parts = [self.part(theme) for theme in self.base.themes]
        contents = [(p.anchor, p.heading) for p in parts if p.major]
        # the list "wat nog ontbreekt" is the working edition's; the council edition has no such list
        method = [p for p in self.base.method if "\u201cwat nog ontbreekt\u201d" not in p
                  and "\u201cwhat is still missing\u201d" not in p]
        definitions = [Term(d.term, d.text, self.sources.note(d.provenance.citations))
                       for d in self.data.agenda.definitions]
        return CouncilView(self.base, council_glance(self.base, contents, self.lang), parts, method,
                           definitions)


def build_council_view(data: ReportInput) -> CouncilView:
    """The view of the council edition."""
    return _Council(data, build_view(data)).build()
