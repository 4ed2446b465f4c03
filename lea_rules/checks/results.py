"""Results: every result says what it aims for, in a `doel:` line."""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for section, result in ctx.agenda.all_results():
        if not result.goal_line:
            yield ctx.error("E126", "resultaat zonder doel", "elk resultaat heeft een 'doel:'-regel",
                            result.span, context=ctx.section_context(section),
                            help="schrijf bijvoorbeeld 'doel: kwalitatief' als het resultaat merkbaar "
                                 "maar niet meetbaar is")
