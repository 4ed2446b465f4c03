"""Drafts: the items of an agenda while its lines are read, frozen into nodes at the end.

A draft collects what the lines under an item say (its properties, citations, questions);
only when the whole file is read are codes given to items written without one and the
drafts turned into the immutable nodes of `nodes.py`.
"""

from __future__ import annotations

import re
from typing import Any

from lea_rules import nodes as n
from lea_rules.source import Span

ITEM_PROPS: dict[str, frozenset[str]] = {  # the properties each kind of draft may hold
    "agenda": frozenset({"tekst", "citaat", "vraag"}),
    "section": frozenset({"tekst", "citaat", "vraag", "zie"}),
    "action": frozenset({"soort", "eigenaar", "tekst", "citaat", "vraag", "start", "gereed", "zie"}),
    "result": frozenset({"doel", "streven", "eigenaar", "basis", "herzien", "reden", "tekst", "citaat",
                         "vraag", "zie"}),
    "indicator": frozenset({"eenheid", "beter", "grenzen", "bron", "meting", "formule", "per",
                            "waarden", "soort", "tekst", "citaat", "vraag"}),
    "budget": frozenset({"tekst", "citaat", "vraag"}),
    "post": frozenset({"tekst", "citaat", "vraag"}),
    "definition": frozenset({"tekst", "citaat", "vraag"}),
}
ITEM_PROPS["any"] = frozenset().union(*ITEM_PROPS.values())  # under a line that did not parse

ITEM_WORDS = {"agenda": "de kop van de agenda", "section": "een onderdeel", "action": "een actie",
              "result": "een resultaat", "indicator": "een indicator", "budget": "een begroting",
              "post": "een begrotingspost", "any": "een regel die niet te lezen is",
              "definition": "een begrip"}
PROP_HOME = {"soort": "actie", "eigenaar": "actie of resultaat", "start": "actie", "gereed": "actie",
             "doel": "resultaat", "streven": "resultaat", "basis": "resultaat",
             "herzien": "resultaat", "reden": "resultaat", "eenheid": "indicator",
             "beter": "indicator", "grenzen": "indicator", "bron": "indicator",
             "meting": "indicator", "formule": "indicator", "per": "indicator",
             "waarden": "indicator", "zie": "onderdeel, actie of resultaat"}
# Written at most once per item (E121).
SINGLE_PROPS = {"soort", "eigenaar", "start", "gereed", "doel", "streven", "basis", "eenheid", "beter",
                "grenzen", "bron", "meting", "formule", "per", "waarden"}


class Draft:
    """The agenda's own lines (its kop); the base of every draft."""

    kind = "agenda"

    def __init__(self, span: Span) -> None:
        self.span = span
        self.props: dict[str, Any] = {}
        self.citations: list[n.Citation] = []
        self.questions: list[tuple[str, Span]] = []
        self.texts: list[str] = []
        self.references: list[n.Reference] = []
        self.attempted: set[str] = set()  # first words of lines under this item that did not parse

    def provenance(self) -> n.Provenance:
        return n.Provenance(tuple(self.citations), tuple(self.questions), tuple(self.texts),
                            tuple(self.references))


class SectionDraft(Draft):
    kind = "section"

    def __init__(self, span: Span, word: str, level: int, number: str | None, title: str) -> None:
        super().__init__(span)
        self.word, self.level, self.number, self.title = word, level, number, title
        self.actions: list[ItemDraft] = []
        self.results: list[ItemDraft] = []
        self.children: list[SectionDraft] = []


class ItemDraft(Draft):
    def __init__(self, kind: str, span: Span, code: str | None, title: str) -> None:
        super().__init__(span)
        self.kind, self.code, self.title = kind, code, title
        self.revisions: list[dict[str, Any]] = []
        self.amounts: tuple[n.Amount, ...] = ()
        self.note: str | None = None
        self.posts: list[ItemDraft] = []
        # An action's own items: its `deelactie`s and `met resultaat`s (lea_rules.build_nesting).
        self.subactions: list[ItemDraft] = []
        self.results: list[ItemDraft] = []


def freeze_sections(sections: list[SectionDraft]) -> tuple[n.Section, ...]:
    """The sections as nodes; an item written without a code gets the code of its place
    (`1.1-a3`), unless an explicit code already holds that, then the next free number
    (`1.1-a14`). So adding an item to an agenda with fixed codes never collides with them,
    and `lea codes` writes exactly this code into the file."""
    taken = TakenCodes(explicit_codes(sections))
    return tuple(_section(s, index, taken) for index, s in enumerate(sections, 1))


def freeze_budgets(budgets: list[ItemDraft]) -> tuple[n.Budget, ...]:
    return tuple(n.Budget(b.title, b.span, tuple(
        n.BudgetPost(p.title, p.amounts, p.span, p.note, p.provenance()) for p in b.posts),
        b.provenance()) for b in budgets)


def freeze_definitions(definitions: list[ItemDraft]) -> tuple[n.Definition, ...]:
    out = []
    for d in definitions:
        assert d.code is not None  # the term
        out.append(n.Definition(d.code, d.title, d.span, d.props["term_span"], d.provenance()))
    return tuple(out)


def freeze_indicator(d: ItemDraft) -> n.Indicator:
    p = d.props
    written: n.Bounds | None = p.get("grenzen")
    bounds = (written.low.value, written.high.value) if written else (None, None)
    per_groups, per_spans = p.get("per", ((), ()))
    assert d.code is not None
    return n.Indicator(
        name=d.code, label=d.title, span=p.get("name_span", d.span), unit=p.get("eenheid"),
        better=p.get("beter"), lower_bound=bounds[0], upper_bound=bounds[1],
        source=p.get("bron"), measure=p.get("meting", n.Measure.CALENDAR_YEAR),
        formula=p.get("formule"),
        ratings=p.get("waarden", ()), provenance=d.provenance(),
        per_groups=per_groups, per_spans=per_spans, context=p.get("soort") == "kengetal",
        bounds_written=written, unit_unreadable="eenheid" in d.attempted,
    )


def _action(a: ItemDraft, code: str, parent: str | None) -> n.Action:
    return n.Action(code, a.title, a.span, a.props.get("soort", n.ActionKind.ACTION),
                    a.props.get("eigenaar"), a.code is not None, a.provenance(),
                    start=a.props.get("start"), ready=a.props.get("gereed"), parent=parent)


def _result(r: ItemDraft, code: str, action: str | None) -> n.Result:
    revisions = tuple(n.TargetRevision(rv["decided"], rv["goals"], rv["span"], rv["reason"])
                      for rv in r.revisions)
    return n.Result(code, r.title, r.span, r.props.get("doel", r.props.get("streven", ())),
                    r.props.get("basis"), revisions, r.code is not None, r.provenance(),
                    goal_line=bool({"doel", "streven"} & (r.props.keys() | r.attempted)),
                    owner=r.props.get("eigenaar"), aspiration="streven" in r.props, action=action)


def _section(s: SectionDraft, index: int, taken: TakenCodes) -> n.Section:
    """A section's node. Its actions and results are flat, in file order: a deelactie names its
    actie (`parent`), a `met resultaat` its actie or deelactie (`action`). A nested item written
    without a code gets one from its action: `1.1-a2-d1`, `1.1-a2-r1`, `1.1-a2-d1-r1`."""
    number = s.number or str(index)
    codes = [a.code or taken.next_free(f"{number}-a", i) for i, a in enumerate(s.actions, 1)]
    results = [_result(r, r.code or taken.next_free(f"{number}-r", i), None)
               for i, r in enumerate(s.results, 1)]
    actions: list[n.Action] = []
    for a, code in zip(s.actions, codes, strict=True):
        actions.append(_action(a, code, None))
        results.extend(_own_results(a, code, taken))
        for j, d in enumerate(a.subactions, 1):
            sub_code = d.code or taken.next_free(f"{code}-d", j)
            actions.append(_action(d, sub_code, code))
            results.extend(_own_results(d, sub_code, taken))
    results.sort(key=lambda r: r.span.line)
    children = tuple(_section(c, j, taken) for j, c in enumerate(s.children, 1))
    return n.Section(s.word, s.level, s.number, s.title, s.span, tuple(actions), tuple(results),
                     children, s.provenance())


def _own_results(a: ItemDraft, code: str, taken: TakenCodes) -> list[n.Result]:
    return [_result(r, r.code or taken.next_free(f"{code}-r", k), code)
            for k, r in enumerate(a.results, 1)]


_NUMBERED = re.compile(r"(.*?)(\d+)")


class TakenCodes:
    """The codes in use (casefolded), grouped by what comes before their trailing number, so
    that finding the next free `prefix + N` costs the same in a large agenda as in a small one."""

    def __init__(self, codes: set[str] | None = None) -> None:
        self.taken: set[str] = set()
        self._numbers: dict[str, list[str]] = {}  # prefix -> trailing numbers, as written
        for code in codes or ():
            self.add(code)

    def add(self, code: str) -> None:
        code = code.casefold()
        self.taken.add(code)
        match = _NUMBERED.fullmatch(code)
        if match:
            self._numbers.setdefault(match.group(1), []).append(match.group(2))

    def next_free(self, prefix: str, position: int) -> str:
        """`prefix + position` when free, else one more than the highest `prefix + N` taken;
        the code returned is taken from then on. The prefix ends in a letter (`1.1-a`)."""
        candidate = f"{prefix}{position}"
        if candidate.casefold() not in self.taken:
            code = candidate
        else:
            numbers = self._numbers.get(prefix.casefold(), [])
            highest = max((int(number) for number in numbers), default=0)
            self._numbers[prefix.casefold()] = [str(highest)] if numbers else []
            code = f"{prefix}{highest + 1}"
        self.add(code)
        return code


def explicit_codes(sections: list[SectionDraft]) -> set[str]:
    """Every code written in the file (casefolded), over all sections and their children."""
    out: set[str] = set()
    stack = list(sections)
    while stack:
        section = stack.pop()
        for item in (*section.actions, *section.results):
            nested = [item, *item.results, *item.subactions,
                      *(r for d in item.subactions for r in d.results)]
            out.update(i.code.casefold() for i in nested if i.code)
        stack.extend(section.children)
    return out


def heading(s: SectionDraft) -> str:
    num = f" {s.number}" if s.number else ""
    title = s.title if len(s.title) <= 60 else s.title[:57] + "..."
    return f"{s.word}{num} \u201c{title}\u201d"
