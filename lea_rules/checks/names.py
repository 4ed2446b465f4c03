"""Names: every indicator, group and document used is declared once; codes are unique."""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules import nodes as n
from lea_rules.build_recover import unreadable_name
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic
from lea_rules.source import Span
from lea_rules.suggest import Names, did_you_mean


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    agenda = ctx.agenda
    declared = Names(i.name for i in agenda.indicators)  # prepared once for every unknown name
    groups_known = Names(g.name for g in agenda.groups)
    seen: dict[str, n.Indicator] = {}
    for indicator in agenda.indicators:
        first = seen.get(indicator.key)
        if first is not None:
            yield ctx.error("E201", "dubbele indicator",
                            f"indicator '{indicator.name}' is al gedeclareerd op regel {first.span.line}",
                            indicator.span, help="geef de indicator een andere naam of laat er één weg")
        else:
            seen[indicator.key] = indicator
        if indicator.formula is not None:
            for ref in n.expr_names(indicator.formula):
                if agenda.indicator(ref.name) is None and not unreadable_name(agenda, "indicator", ref.name):
                    yield _undeclared(ctx, ref.name, ref.span, declared, None)
        groups = indicator.per_groups
        for index, group in enumerate(groups):
            if agenda.group(group) is None and not unreadable_name(agenda, "groep", group):
                span = indicator.per_spans[index] if index < len(indicator.per_spans) else indicator.span
                yield _unknown_group(ctx, group, span, None, groups_known)

    for section, _result, goal in ctx.goals():
        where = ctx.section_context(section)
        if isinstance(goal, n.CompareGoal) and goal.indicator_implicit:
            continue  # the name belongs to the previous part, which is checked already
        for name in n.goal_indicators(goal):
            if agenda.indicator(name) is None and not unreadable_name(agenda, "indicator", name):
                yield _undeclared(ctx, name, _name_span(goal), declared, where)
        if isinstance(goal, n.UnitsGoal):
            for index, group in enumerate(goal.groups):
                if agenda.group(group) is None and not unreadable_name(agenda, "groep", group):
                    yield _unknown_group(ctx, group, goal.group_span(index), where, groups_known)

    codes: dict[str, Span] = {}
    for section in agenda.walk_sections():
        items: list[n.Action | n.Result] = [*section.actions, *section.results]
        for item in items:
            key = item.code.casefold()
            if key in codes:
                yield ctx.error("E202", "dubbele code",
                                f"code '{item.code}' is al gebruikt op regel {codes[key].line}",
                                item.span, context=ctx.section_context(section),
                                help="elke actie en elk resultaat heeft een eigen code")
            else:
                codes[key] = item.span
    yield from _uncoded(ctx)


def _uncoded(ctx: CheckContext) -> Iterator[Diagnostic]:
    """In an agenda with fixed codes, an item written without one gets a code from its place,
    which moves when items around it move: point at it, with the code `lea codes` would fix."""
    items: list[tuple[n.Section, n.Action | n.Result]] = []
    for section in ctx.agenda.walk_sections():
        items.extend((section, action) for action in section.actions)
        items.extend((section, result) for result in section.results)
    if not any(item.code_explicit for _, item in items):
        return  # a fully positional agenda: documented fallback, `lea codes` fixes it in one go
    uncoded = sorted(((section, item) for section, item in items if not item.code_explicit),
                     key=lambda found: (found[1].span.line, found[1].span.column))
    if not uncoded:
        return
    # Said once, on the first such item: a new agenda may have dozens, and one warning per item
    # would bury its errors; `lea codes` fixes them all at once.
    section, item = uncoded[0]
    kind = n.item_keyword(item)
    this, its = ("deze", "haar") if isinstance(item, n.Action) else ("dit", "zijn")
    noun = kind.removeprefix("met ")
    if len(uncoded) == 1:
        message = (f"{this} {noun} heeft geen eigen code; de code '{item.code}' komt uit {its} "
                   "plaats en verschuift als er iets boven komt of weggaat")
        fix = f"leg hem vast met `lea codes {ctx.agenda.path}` (schrijft: {kind} {item.code} \"...\")"
    else:
        others = [other.span.line for _, other in uncoded[1:]]
        shown = ", ".join(str(line) for line in others[:SHOWN_LINES])
        more = f" en nog {len(others) - SHOWN_LINES}" if len(others) > SHOWN_LINES else ""
        message = (f"{this} {noun} en {len(others)} {'andere items' if len(others) > 1 else 'ander item'} "
                   f"(regel{'s' if len(others) > 1 else ''} {shown}{more}) hebben geen eigen code; "
                   "hun codes komen uit hun plaats en verschuiven als er iets boven komt of weggaat")
        fix = (f"leg ze vast met `lea codes {ctx.agenda.path}` (schrijft hier: {kind} {item.code} "
               "\"...\")")
    yield ctx.warning("W263", "code niet vastgelegd", message, item.span,
                      context=ctx.section_context(section), help=fix)


SHOWN_LINES = 5
"""The lines of the other items without a code that W263 names."""


def _name_span(goal: n.Goal) -> Span:
    """Where the indicator name is written, falling back to the whole goal."""
    name_span = getattr(goal, "name_span", None)
    return name_span if isinstance(name_span, Span) else goal.span


def _unknown_group(ctx: CheckContext, group: str, span: Span, where: str | None,
                   known: Names) -> Diagnostic:
    return ctx.error("E203", "onbekende groep", f"groep '{group}' is niet gedeclareerd", span,
                     context=where,
                     help=_plural_of(group, ctx.agenda) or did_you_mean(group, known)
                     or f'declareer hem bovenaan: groep {group}: "omschrijving"')


def _plural_of(written: str, agenda: n.Agenda) -> str | None:
    """`wijken` for the group `wijk`: a group is named as declared, also where it means many."""
    from lea_rules.data.group_names import plural

    for group in agenda.groups:
        if plural(group.name).casefold() == written.casefold():
            return (f"schrijf '{group.name}': een groep heet zoals hij gedeclareerd is (groep {group.name}), "
                    "ook waar je er meer bedoelt")
    return None


def _undeclared(ctx: CheckContext, name: str, span: Span, declared: Names,
                where: str | None) -> Diagnostic:
    help_text = did_you_mean(name, declared)
    if help_text is None and "-" in name:
        parts = name.split("-")
        if all(ctx.agenda.indicator(p) is not None for p in parts if p):
            help_text = f"bedoelde je een aftrekking? zet spaties rond de min: {' - '.join(parts)}"
    return ctx.error("E200", "onbekende indicator",
                     f"indicator '{name}' is niet gedeclareerd", span, context=where,
                     help=help_text or f'declareer hem: indicator {name} "omschrijving"')
