"""Direction: a target points the way its indicator says is better."""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules import nodes as n
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic

WORD = {1: "hoger", -1: "lager"}


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for section, result, goal in ctx.goals():
        if isinstance(goal, n.CompareGoal):
            direction, shown = goal.comparator.direction, goal.comparator.value
        elif isinstance(goal, (n.DirectionGoal, n.TrendGoal)):
            direction = goal.direction
            shown = ("gestegen" if direction > 0 else "gedaald") if isinstance(goal, n.DirectionGoal) \
                else ("vergroten" if direction > 0 else "verminderen")
        else:
            continue
        indicator = ctx.agenda.indicator(goal.indicator)
        if indicator is None or indicator.better in (None, n.Better.LEVEL) or direction == 0:
            continue
        better = 1 if indicator.better is n.Better.HIGHER else -1
        if direction != better:
            yield ctx.error(
                "E230", "richting spreekt de indicator tegen",
                f"'{shown}' streeft naar {WORD[direction]}, maar bij '{indicator.name}' is "
                f"{WORD[better]} beter (beter: {indicator.better.value})",
                goal.span, context=ctx.section_context(section),
                help=f"controleer de vergelijking, of zet 'beter: {WORD[direction]}' bij de indicator",
            )
