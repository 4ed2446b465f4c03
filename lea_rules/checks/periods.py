"""Periods: target moments fall inside the agenda period; baselines come before targets."""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules import nodes as n
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    start, end = ctx.agenda.period
    for section, result, goal in ctx.goals():
        where = ctx.section_context(section)
        deadline = n.goal_deadline(goal)
        # A school year 2027/2028 still counts for a period ending in 2027: it starts in 2027.
        # The help asks for a `vraag:` when the document says so: one on the result answers it.
        if (deadline is not None and (deadline.year < start or deadline.year > end)
                and not result.provenance.questions):
            yield ctx.warning(
                "W210", "doelmoment buiten de periode",
                f"het doelmoment {deadline.describe()} valt buiten de agendaperiode {start}-{end}",
                deadline.span, context=where,
                help="controleer het jaartal in de brontekst; staat het er zo, zet dan een 'vraag:' "
                     "bij het resultaat (die staat bij de open vragen in de werkversie van het "
                     "rapport, en deze waarschuwing vervalt)")
        if (isinstance(goal, n.DirectionGoal) and deadline is not None
                and goal.reference.year >= deadline.year):
            yield ctx.error("E211", "vergelijkingsjaar na het doelmoment",
                            f"t.o.v. {goal.reference.describe()} ligt niet voor het doelmoment "
                            f"{deadline.describe()}", goal.reference.span, context=where)
        if result.baseline is not None and deadline is not None:
            base_moment = result.baseline[1]
            if base_moment is not None and base_moment.year > deadline.year:
                yield ctx.error("E212", "nulmeting na het doelmoment",
                                f"de nulmeting ({base_moment.describe()}) ligt na het doelmoment "
                                f"{deadline.describe()}", base_moment.span, context=where)
