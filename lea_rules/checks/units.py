"""Units: values carry their indicator's unit, stay within its bounds, and fit its kind."""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules import nodes as n
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic
from lea_rules.numbers import format_dutch


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    agenda = ctx.agenda
    for indicator in agenda.indicators:
        if indicator.unit is None:
            yield ctx.error("E226", "eenheid ontbreekt",
                            f"indicator '{indicator.name}' heeft geen 'eenheid:'", indicator.span,
                            help="voeg toe, bijvoorbeeld: eenheid: %  (of aantal, uur per week, euro, ja/nee, oordeel)")
        if indicator.unit is n.Unit.RATING and not indicator.ratings:
            yield ctx.error("E229", "waarden ontbreken",
                            f"oordeel-indicator '{indicator.name}' heeft geen 'waarden:'",
                            indicator.span, help='voeg toe: waarden: "onvoldoende", "voldoende", "goed"')
        if indicator.formula is not None and indicator.unit is not None and not indicator.unit.numeric:
            yield ctx.error("E225", "waarde past niet bij de eenheid",
                            f"een formule geeft een getal, maar '{indicator.name}' heeft eenheid "
                            f"{indicator.unit.value}", indicator.span)

    for section, result, goal in ctx.goals():
        where = ctx.section_context(section)
        if isinstance(goal, n.CompareGoal):
            indicator = agenda.indicator(goal.indicator)
            if indicator is not None:
                yield from _value(ctx, indicator, goal.value, where)
                if goal.tolerance is not None and goal.comparator is not n.Comparator.EQ:
                    yield ctx.error("E227", "marge alleen bij '='",
                                    "een marge (±) hoort bij een exact niveau met '='",
                                    goal.tolerance.span, context=where)
        elif isinstance(goal, n.UnitsGoal):
            indicator = agenda.indicator(goal.indicator)
            if indicator is None:
                continue
            group = agenda.group(goal.group)
            if indicator.per_group is None or (group is not None and n.normalise_group(indicator.per_group) != n.normalise_group(group.name)):
                yield ctx.error("E228", "indicator niet per eenheid",
                                f"'{indicator.name}' wordt niet per {goal.group} gemeten",
                                goal.span, context=where,
                                help=f"zet 'per: {goal.group}' bij indicator {indicator.name}")
            if goal.comparator is None and indicator.unit is not n.Unit.YES_NO and indicator.unit is not None:
                yield ctx.error("E227", "voorwaarde onvolledig",
                                f"'{indicator.name}' is geen ja/nee-indicator; geef een vergelijking, "
                                f"bijvoorbeeld 'met {indicator.name} >= 2'", goal.span, context=where)
            if goal.value is not None:
                yield from _value(ctx, indicator, goal.value, where)
        elif isinstance(goal, n.DirectionGoal) and goal.by is not None:
            if goal.by.unit is not n.Unit.PERCENT:
                yield ctx.error("E220", "eenheid past niet",
                                "een relatieve verandering schrijf je als percentage, bijvoorbeeld 'met 20%'",
                                goal.by.span, context=where)

    for section, result in agenda.all_results():
        if result.baseline is None:
            continue
        goal_inds = {name for g in result.goals for name in n.goal_indicators(g)}
        for name in goal_inds:
            indicator = agenda.indicator(name)
            if indicator is not None:
                yield from _value(ctx, indicator, result.baseline[0], ctx.section_context(section))


def _value(ctx: CheckContext, ind: n.Indicator, q: n.Quantity, where: str | None) -> Iterator[Diagnostic]:
    unit = ind.unit
    if unit is None:
        return
    if unit is n.Unit.RATING:
        if q.rating is None:
            yield ctx.error("E225", "waarde past niet bij de eenheid",
                            f"'{ind.name}' is een oordeel; geef een oordeel tussen aanhalingstekens",
                            q.span, context=where,
                            help="kies uit: " + ", ".join(f'"{r}"' for r in ind.ratings) if ind.ratings else None)
        elif ind.ratings and q.rating not in ind.ratings:
            yield ctx.error("E224", "onbekend oordeel",
                            f'"{q.rating}" staat niet in de waarden van {ind.name}', q.span,
                            context=where, help="kies uit: " + ", ".join(f'"{r}"' for r in ind.ratings))
        return
    if unit is n.Unit.YES_NO:
        if q.flag is None:
            yield ctx.error("E225", "waarde past niet bij de eenheid",
                            f"'{ind.name}' is ja/nee; schrijf 'ja' of 'nee'", q.span, context=where)
        return
    if q.number is None:
        yield ctx.error("E225", "waarde past niet bij de eenheid",
                        f"'{ind.name}' heeft eenheid {unit.value}; hier hoort een getal", q.span,
                        context=where)
        return
    number = q.number
    if unit is n.Unit.PERCENT and q.unit is None:
        yield ctx.error("E220", "eenheid ontbreekt",
                        f"'{ind.name}' is een percentage, maar bij {number.text} staat geen %",
                        q.span, context=where, help=f"bedoelde je {number.text}%?")
    elif q.unit is not None and q.unit is not unit and not (unit is n.Unit.COUNT and q.unit is n.Unit.COUNT):
        yield ctx.error("E221", "eenheid past niet",
                        f"'{ind.name}' heeft eenheid {unit.value}, maar de waarde is {q.describe()}",
                        q.span, context=where,
                        help=f"schrijf de waarde in {unit.value}" + (f": {number.text}" if unit is n.Unit.COUNT else ""))
    low, high = ind.bounds()
    if (low is not None and number.value < low) or (high is not None and number.value > high):
        bounds = f"{format_dutch(low) if low is not None else '...'} tot {format_dutch(high) if high is not None else '...'}"
        yield ctx.error("E222", "waarde buiten de grenzen",
                        f"{q.describe()} ligt buiten de grenzen van '{ind.name}' ({bounds})",
                        q.span, context=where)
    if unit.whole and number.decimals > 0:
        yield ctx.error("E223", "geen heel getal",
                        f"'{ind.name}' telt hele aantallen; {number.text} is geen heel getal",
                        q.span, context=where)
