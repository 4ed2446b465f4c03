"""Direction: a target points the way its indicator says is better."""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules import nodes as n
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic
from lea_rules.goal_values import COMPARATOR_WORDS
from lea_rules.source import Span

WORD = {1: "hoger", -1: "lager"}


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for section, _result, goal in ctx.goals():
        if isinstance(goal, n.CompareGoal):
            direction, shown = goal.comparator.direction, goal.comparator.value
            # The comparator sits between the name (if written) and the value.
            until = goal.value.span.column
        elif isinstance(goal, (n.DirectionGoal, n.TrendGoal)):
            direction = goal.direction
            if isinstance(goal, n.DirectionGoal):
                shown = "gestegen" if direction > 0 else "gedaald"
            else:
                shown = "vergroten" if direction > 0 else "verminderen"
            until = goal.span.end_column
        else:
            continue
        indicator = ctx.agenda.indicator(goal.indicator)
        if indicator is None or indicator.better in (None, n.Better.LEVEL) or direction == 0:
            continue
        better = 1 if indicator.better is n.Better.HIGHER else -1
        if direction != better:
            after = goal.name_span.end_column if goal.name_span else goal.span.column
            if isinstance(goal, n.CompareGoal):  # as written: `meer dan` says '>' in the writer's words
                written = " ".join(ctx.source.line_text(goal.span.line)[after - 1:until - 1].split())
                shown = written if COMPARATOR_WORDS.get(written, written) == goal.comparator.value else shown
            span = _find(ctx, goal.span.line, after, until, shown) or goal.span
            yield ctx.error(
                "E230", "richting spreekt de indicator tegen",
                f"'{shown}' streeft naar {WORD[direction]}, maar bij '{indicator.name}' is "
                f"{WORD[better]} beter (beter: {indicator.better.value})",
                span, context=ctx.section_context(section),
                help=f"controleer de vergelijking, of zet 'beter: {WORD[direction]}' bij de indicator",
            )


def _find(ctx: CheckContext, line: int, start: int, end: int, word: str) -> Span | None:
    """The place of `word` in columns start..end of a line (1-based, end exclusive)."""
    text = ctx.source.line_text(line)
    index = text.find(word, start - 1, end - 1)
    return Span.point(line, index + 1, len(word)) if index >= 0 else None
