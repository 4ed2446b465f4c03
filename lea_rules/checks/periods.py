"""Periods: target moments fall inside the agenda period; baselines come before targets."""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules import nodes as n
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic
from lea_rules.period import in_period, year_of


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    start, end = ctx.agenda.period
    for section, result, goal in ctx.goals():
        where = ctx.section_context(section)
        deadline = n.goal_deadline(goal)
        # A schooljaar belongs to the year in which it ends (period.year_of): 2023/2024 is inside
        # an agenda 2024-2027, 2027/2028 is not. The help asks for a `vraag:` when the document
        # says so: one on the result answers it.
        if (deadline is not None and not in_period(deadline, ctx.agenda.period)
                and not result.provenance.questions):
            yield ctx.warning(
                "W210", "doelmoment buiten de periode",
                f"het doelmoment {deadline.describe()}{_ends_in(deadline)} valt buiten de "
                f"agendaperiode {start}-{end}", deadline.span, context=where,
                help="controleer het jaartal in de brontekst; staat het er zo, zet dan een 'vraag:' "
                     "bij het resultaat (die staat bij de open vragen in de werkversie van het "
                     "rapport, en deze waarschuwing vervalt)")
        if (isinstance(goal, n.DirectionGoal) and deadline is not None and goal.reference is not None
                and year_of(goal.reference) >= year_of(deadline)):
            yield ctx.error("E211", "vergelijkingsjaar na het doelmoment",
                            f"t.o.v. {goal.reference.describe()}{_ends_in(goal.reference)} ligt niet voor "
                            f"het doelmoment {deadline.describe()}{_ends_in(deadline)}", goal.reference.span,
                            context=where)
        if result.baseline is not None and deadline is not None:
            base_moment = result.baseline[1]
            if base_moment is not None and year_of(base_moment) > year_of(deadline):
                base = base_moment.describe() + _ends_in(base_moment, ", ")
                yield ctx.error("E212", "nulmeting na het doelmoment",
                                f"de nulmeting ({base}) ligt na het doelmoment "
                                f"{deadline.describe()}{_ends_in(deadline)}", base_moment.span, context=where)


def _ends_in(moment: n.Moment, inside: str | None = None) -> str:
    """` (eindigt in 2028)` for a schooljaar or a span that ends in a later year than it begins;
    `, eindigt in 2028` (`inside`) where the moment stands in parentheses already."""
    year = year_of(moment)
    if year == moment.year:
        return ""
    return f"{inside}eindigt in {year}" if inside is not None else f" (eindigt in {year})"
