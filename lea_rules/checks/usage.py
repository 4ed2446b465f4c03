"""Usage: what is declared is used, so the agenda holds no forgotten declarations."""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules import nodes as n
from lea_rules.build_nesting import REFUSED_GROUPS, REFUSED_INDICATORS
from lea_rules.builder import UNREADABLE
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    agenda = ctx.agenda
    if agenda.extra.get(UNREADABLE):
        return  # a line that did not parse may be the one that uses a name: no false alarms
    used: set[str] = set()
    groups: set[str] = set()
    unknown: set[str] = set()
    for _, _, goal in ctx.goals():
        used.update(name.casefold() for name in n.goal_indicators(goal))
        unknown.update(name for name in n.goal_indicators(goal) if agenda.indicator(name) is None)
        if isinstance(goal, n.UnitsGoal):
            groups.update(n.normalise_group(group) for group in goal.groups)
    if unknown:
        # `doel: vve-bereikk ...` has its E200 ("bedoelde je 'vve-bereik'?"); the indicator it
        # means is used, not also "niet gebruikt": one mistake, one message.
        from lea_rules.suggest import Names

        names = Names(i.name for i in agenda.indicators)
        used.update(meant.casefold() for name in unknown for meant in names.closest(name, 3))
    # A refused `met resultaat` has its error; what its goals name is used all the same.
    used.update(agenda.extra.get(REFUSED_INDICATORS, "").split())
    groups.update(agenda.extra.get(REFUSED_GROUPS, "").split())
    # Inputs of a used derived indicator are used too.
    # A kengetal is followed for its own sake; the inputs of its formula are used too.
    used.update(i.key for i in agenda.indicators if i.context)
    frontier = list(used)
    while frontier:
        indicator = agenda.indicator(frontier.pop())
        if indicator is not None and indicator.formula is not None:
            for ref in n.expr_names(indicator.formula):
                if ref.name.casefold() not in used:
                    used.add(ref.name.casefold())
                    frontier.append(ref.name.casefold())
    for indicator in agenda.indicators:
        if indicator.key in used:
            measured = indicator.per_groups
            groups.update(n.normalise_group(group) for group in measured)
        if indicator.key not in used and not indicator.context:
            yield ctx.warning("W260", "indicator niet gebruikt",
                              f"indicator '{indicator.name}' wordt door geen enkel doel gebruikt",
                              indicator.span,
                              help="gebruik hem in een 'doel:', markeer hem met 'soort: kengetal' als hij "
                                   "alleen gevolgd wordt, of laat de declaratie weg")
    for group in agenda.groups:
        if n.normalise_group(group.name) not in groups:
            yield ctx.warning("W261", "groep niet gebruikt",
                              f"groep '{group.name}' wordt nergens gebruikt", group.span)
    cited = {c.document.casefold() for _, p in ctx.provenances() for c in p.citations}
    for document in agenda.documents:
        if document.name.casefold() not in cited:
            yield ctx.warning("W262", "document niet geciteerd",
                              f"document '{document.name}' wordt door geen citaat gebruikt",
                              document.span)
