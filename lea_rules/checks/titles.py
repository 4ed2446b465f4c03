"""Titles: every section, action, result and indicator says in words what it is (E182).

`actie ""` parses (a title is a text, and a text may be empty), but an empty title leaves the
report with a blank heading and the progress file with nothing to recognise the item by
(`titel:`). The kop's `gemeente:` and `titel:` likewise.
"""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules import nodes as n
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic
from lea_rules.source import Span


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    agenda = ctx.agenda
    for declaration in agenda.declarations:
        if declaration.keyword in ("gemeente", "titel") and _is_first(agenda, declaration):
            value = agenda.municipality if declaration.keyword == "gemeente" else agenda.title
            if not value.strip():
                what = "de naam van de gemeente" if declaration.keyword == "gemeente" else \
                    "de titel van het document, zoals op de voorkant"
                yield _empty(ctx, declaration.span, f"'{declaration.keyword}:' is leeg (\"\")", what, None)
    for indicator in agenda.indicators:
        if not indicator.label.strip():
            yield _empty(ctx, indicator.span, f"indicator '{indicator.name}' heeft een lege titel (\"\")",
                         "wat de indicator meet, in de woorden van het document", None)
    for section in agenda.walk_sections():
        if not section.title.strip():
            parent = agenda.parent_of(section)  # the line heads what follows: not under itself
            number = f" {section.number}" if section.number else ""
            yield _empty(ctx, section.span, f"{section.word}{number} heeft een lege titel (\"\")",
                         f"de naam van dit {section.word}, zoals het document het noemt",
                         ctx.section_context(parent) if parent is not None else None)
        for action in section.actions:
            if not action.title.strip():
                yield _empty(ctx, action.span, f"deze {n.item_keyword(action)} heeft een lege titel (\"\")",
                             "wat er gedaan wordt, in de woorden van het document",
                             ctx.section_context(section))
        for result in section.results:
            if not result.title.strip():
                yield _empty(ctx, result.span, "dit resultaat heeft een lege titel (\"\")",
                             "wat er bereikt moet zijn, in de woorden van het document",
                             ctx.section_context(section))


def _is_first(agenda: n.Agenda, declaration: n.Declaration) -> bool:
    """The line that counts (a second kop line is E150, not also an empty title)."""
    return next(d for d in agenda.declarations if d.keyword == declaration.keyword) is declaration


def _empty(ctx: CheckContext, span: Span, what: str, fill: str, context: str | None) -> Diagnostic:
    return ctx.error("E182", "lege titel", what, span,
                     context=context, help=f"schrijf tussen de aanhalingstekens {fill}")
