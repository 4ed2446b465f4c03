"""Definitions: each term the agenda defines (`begrip`) is defined once.

Like a document or a group, a term is looked up by name (case does not count), so a second
definition would make the report show two meanings for one word.
"""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic
from lea_rules.nodes import Definition


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    seen: dict[str, Definition] = {}
    for definition in ctx.agenda.definitions:
        first = seen.setdefault(definition.term.casefold(), definition)
        if first is not definition:
            yield ctx.error("E331", "begrip dubbel",
                            f"het begrip \u201c{definition.term}\u201d is al omschreven op regel "
                            f"{first.span.line}", definition.term_span,
                            help="voeg de twee omschrijvingen samen in één 'begrip'-regel")
