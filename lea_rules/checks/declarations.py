"""Declarations: each kop line is written once, each document and group declared once.

The builder keeps the first line and goes on; what it built is checked here. These read only
what single lines say, so they run also when a kop line is missing.
"""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules import nodes as n
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic
from lea_rules.source import Span


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    kop: dict[str, Span] = {}
    names: set[tuple[str, str]] = set()  # (keyword, name as the look-up compares it)
    for line in ctx.agenda.declarations:
        if not line.name:
            if line.keyword in kop:
                yield ctx.error("E150", "dubbele kopregel",
                                f"'{line.keyword}:' staat al op regel {kop[line.keyword].line}",
                                line.span, help="laat één van de twee regels weg")
            else:
                kop[line.keyword] = line.span
            continue
        key = (line.keyword, n.normalise_group(line.name) if line.keyword == "groep"
               else line.name.casefold())
        if key in names:
            yield ctx.error("E160", "dubbele naam",
                            f"{line.keyword} '{line.name}' is al gedeclareerd", line.span)
        names.add(key)
