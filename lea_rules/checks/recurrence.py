"""Recurrence: a recurring goal (`jaarlijks vanaf 2025`) has its occurrences inside the period."""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic
from lea_rules.goal_values import goal_recurrence


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    start, end = ctx.agenda.period
    for section, result, goal in ctx.goals():
        recurrence = goal_recurrence(goal)
        if (recurrence is None or recurrence.start is None or recurrence.start <= end
                or result.provenance.questions):  # a question about it answers the warning
            continue
        span = recurrence.start_span or recurrence.span
        yield ctx.warning(
            "W320", "vanaf na de periode",
            f"'{recurrence.written}' begint na de agendaperiode {start}-{end}: het doel wordt dan "
            f"alleen in {recurrence.start} beoordeeld, buiten de agenda", span,
            context=ctx.section_context(section),
            help="controleer het jaartal in de brontekst; staat het er zo, zet dan een 'vraag:' "
                 "bij het resultaat (die staat bij de open vragen in de werkversie van het "
                 "rapport, en deze waarschuwing vervalt)")
