"""Units: values carry their indicator's unit, stay within its bounds, and fit its kind."""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules import nodes as n
from lea_rules.checks.context import CheckContext
from lea_rules.checks.percent_hint import fraction_with_sign, percent_help
from lea_rules.diagnostics import Diagnostic
from lea_rules.numbers import format_dutch

UNIT_EXAMPLE = "voeg toe, bijvoorbeeld: eenheid: %  (of aantal, uur per week, euro, ja/nee, oordeel)"


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from _declarations(ctx)
    agenda = ctx.agenda
    for section, result, goal in ctx.goals():
        where = ctx.section_context(section)
        if isinstance(goal, n.CompareGoal):
            indicator = agenda.indicator(goal.indicator)
            if indicator is not None:
                yield from _value(ctx, indicator, goal.value, where, _said(result),
                                  f"{goal.comparator.value} " if goal.comparator else "")
                yield from _reachable(ctx, indicator, goal, where)
                if goal.tolerance is not None and goal.comparator is not n.Comparator.EQ:
                    yield ctx.error("E227", "marge alleen bij '='",
                                    "een marge (±) hoort bij een exact niveau met '='",
                                    goal.tolerance.span, context=where,
                                    help=f"schrijf '=' in plaats van '{goal.comparator.value}', "
                                         "of laat de marge weg")
        elif isinstance(goal, n.UnitsGoal):
            yield from _units_goal(ctx, goal, where)
        elif isinstance(goal, n.DirectionGoal) and goal.by is not None:
            yield from _change(ctx, goal, goal.by, where)

    for section, result in agenda.all_results():
        if result.baseline is None:
            continue
        goal_inds = {name.casefold() for g in result.goals for name in n.goal_indicators(g)}
        for name in sorted(goal_inds):
            indicator = agenda.indicator(name)
            if indicator is not None:
                yield from _value(ctx, indicator, result.baseline[0], ctx.section_context(section),
                                  _said(result))


def _said(result: n.Result) -> tuple[str, tuple[str, ...]]:
    """What the item itself says, for the reading of a number: its title and its quotes."""
    return result.title, tuple(c.quote for c in result.provenance.citations)


def _change(ctx: CheckContext, goal: n.DirectionGoal, by: n.Quantity,
            where: str | None) -> Iterator[Diagnostic]:
    """`gestegen met ...`: `met 20%` is relative (20% of the value in the reference year); an
    absolute change is in the indicator's own unit, for a percentage in procentpunten."""
    indicator = ctx.agenda.indicator(goal.indicator)
    if (indicator is None or indicator.unit is None or not indicator.unit.numeric or by.number is None
            or goal.reference is None):
        return
    number, ref = by.number.text, goal.reference.describe()
    if by.number.value <= 0:
        word = "gestegen" if goal.direction > 0 else "gedaald"
        positive = by.number.text.lstrip("-")
        yield ctx.error("E233", "verandering niet positief",
                        f"'{word} met {by.describe()}' is geen verandering in de richting '{word}'",
                        by.span, context=where,
                        help=f"schrijf '{word} met {positive}{by.describe()[len(by.number.text):]}' "
                             f"(het woord '{word}' zegt al welke kant op)"
                        if by.number.value < 0 else
                        f"laat 'met {by.describe()}' weg ({indicator.name} {word} t.o.v. {ref}) of "
                        f"schrijf een niveau ({indicator.name} {'>=' if goal.direction > 0 else '<='} ...)")
        return
    if by.unit is n.Unit.PERCENT:
        return
    if indicator.unit is n.Unit.PERCENT:
        if by.unit is n.Unit.PERCENTAGE_POINT:
            return
        yield ctx.error("E221", "eenheid past niet",
                        f"'{indicator.name}' is een percentage: schrijf of de verandering absoluut is "
                        f"(procentpunten) of relatief (procent van de waarde in {ref})",
                        by.span, context=where,
                        help=f"schrijf 'met {number} procentpunt' (absoluut) of 'met {number}%' "
                             f"(relatief: {number}% van de waarde in {ref})")
        return
    if by.unit in (None, indicator.unit):
        return
    shown = "" if indicator.unit is n.Unit.COUNT else f" {indicator.unit.value}"
    yield ctx.error("E221", "eenheid past niet",
                    f"'{indicator.name}' heeft eenheid {indicator.unit.value}, maar de verandering is "
                    f"{by.describe()}", by.span, context=where,
                    help=f"schrijf 'met {number}{shown}' (absoluut) of 'met {number}%' "
                         f"(relatief: {number}% van de waarde in {ref})")


def _reachable(ctx: CheckContext, ind: n.Indicator, goal: n.CompareGoal,
               where: str | None) -> Iterator[Diagnostic]:
    """`> 100%` or `< 0`: a strict target beyond the indicator's own bound can never be met."""
    if goal.value.number is None:
        return
    low, high = ind.bounds()
    x = goal.value.number.value
    shown = goal.value.describe()
    if (goal.comparator is n.Comparator.GT and high is not None and x >= high) or (
            goal.comparator is n.Comparator.LT and low is not None and x <= low):
        upper = goal.comparator is n.Comparator.GT
        sign, bound = (">=", high) if upper else ("<=", low)
        assert bound is not None
        yield ctx.error("E234", "doel kan niet gehaald worden",
                        f"'{goal.comparator.value} {shown}' kan niet: {ind.name} ligt tussen "
                        f"{format_dutch(low) if low is not None else '...'} en "
                        f"{format_dutch(high) if high is not None else '...'}",
                        goal.value.span, context=where,
                        help=f"schrijf '{sign} {shown}'" if x == bound
                        else f"kies een doel binnen de grenzen (tot en met {format_dutch(bound)})")


def _declarations(ctx: CheckContext) -> Iterator[Diagnostic]:
    for indicator in ctx.agenda.indicators:
        if indicator.unit is n.Unit.PERCENTAGE_POINT:
            yield ctx.error("E232", "geen eenheid voor een indicator",
                            f"'procentpunt' is de eenheid van een verandering van een percentage, niet van "
                            f"indicator '{indicator.name}'", indicator.span,
                            help="schrijf eenheid: %  (een daling met 2 procentpunt schrijf je in het doel: "
                                 "gedaald met 2 procentpunt in 2027 t.o.v. 2024)")
        if indicator.unit is None and not indicator.unit_unreadable:
            yield ctx.error("E226", "indicator zonder eenheid",
                            f"indicator '{indicator.name}' heeft geen 'eenheid:'", indicator.span,
                            help=UNIT_EXAMPLE)
        if indicator.unit is n.Unit.RATING and not indicator.ratings:
            yield ctx.error("E229", "waarden ontbreken",
                            f"oordeel-indicator '{indicator.name}' heeft geen 'waarden:'",
                            indicator.span, help='voeg toe: waarden: "onvoldoende", "voldoende", "goed"')
        if indicator.formula is not None and indicator.unit is not None and not indicator.unit.numeric:
            yield ctx.error("E225", "waarde past niet bij de eenheid",
                            f"een formule geeft een getal, maar '{indicator.name}' heeft eenheid "
                            f"{indicator.unit.value}", indicator.span)


def _units_goal(ctx: CheckContext, goal: n.UnitsGoal, where: str | None) -> Iterator[Diagnostic]:
    indicator = ctx.agenda.indicator(goal.indicator)
    if indicator is None:
        return
    measured = indicator.per_groups
    have = {n.normalise_group(g) for g in measured}
    missing: list[int] = []
    for index, group in enumerate(goal.groups):  # an unknown group is E203 already
        key = n.normalise_group(group)
        if ctx.agenda.group(group) is not None and key not in have:
            have.add(key)
            missing.append(index)
    if missing:
        now = f" (nu: per: {', '.join(measured)})" if measured else ""
        lacking = [goal.groups[i] for i in missing]
        per = " en niet per ".join(lacking)
        counted = f"; tellen over {n.groups_written(goal.groups)} vraagt per: voor elke groep" if len(
            goal.groups) > 1 else ""
        extra = ", ".join((*measured, *lacking))
        yield ctx.error("E228", "indicator niet per eenheid",
                        f"'{indicator.name}' wordt niet per {per} gemeten{now}{counted}",
                        goal.group_span(missing[0]), context=where,
                        help=f"zet 'per: {extra}' bij indicator {indicator.name}")
    if goal.share is not None and not 0 < goal.share.value <= 100:
        over = goal.share.value > 100
        yield ctx.error("E341", "aandeel van de eenheden buiten 0-100%",
                        "een aandeel van de eenheden is meer dan 0% en hoogstens 100% (alle eenheden); "
                        f"'{goal.share.text}' kan niet",
                        goal.share.span, context=where,
                        help=(f"voor alle eenheden schrijf 'alle {n.groups_written(goal.groups)} met ...'; "
                              "anders het aandeel dat het document noemt") if over else
                        "schrijf het aandeel dat het document noemt; tenminste 0% is altijd gehaald")
    if goal.comparator is None and indicator.unit not in (n.Unit.YES_NO, None):
        yield ctx.error("E231", "voorwaarde onvolledig",
                        f"'{indicator.name}' is geen ja/nee-indicator; geef een vergelijking",
                        goal.name_span or goal.span, context=where,
                        help=f"schrijf bijvoorbeeld 'met {indicator.name} >= 2'")
    if goal.value is not None:
        yield from _value(ctx, indicator, goal.value, where)


def _value(ctx: CheckContext, ind: n.Indicator, q: n.Quantity, where: str | None,
           said: tuple[str, tuple[str, ...]] = ("", ()), before: str = "") -> Iterator[Diagnostic]:
    unit = ind.unit
    if unit is None:
        return
    if unit is n.Unit.RATING:
        if q.rating is None:
            yield ctx.error("E225", "waarde past niet bij de eenheid",
                            f"'{ind.name}' is een oordeel; geef een oordeel tussen aanhalingstekens",
                            q.span, context=where,
                            help="kies uit: " + ", ".join(f'"{r}"' for r in ind.ratings)
                            if ind.ratings else None)
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
                        q.span, context=where, help=percent_help(number, *said))
    elif unit is n.Unit.PERCENT and q.unit is n.Unit.PERCENT and (meant := fraction_with_sign(number, *said)):
        scaled, named = meant
        yield ctx.error("E219", "deel van het geheel met %",
                        f"{number.text}% is minder dan één procent, maar {named} noemt {scaled}%",
                        q.span, context=where,
                        help=f"bedoelde je '{before}{scaled}%'? ({number.text} als deel van het geheel "
                             f"is {scaled}%)")
    elif q.unit is not None and q.unit is not unit:
        written = f": {number.text}" if unit is n.Unit.COUNT else ""
        fix = (f"schrijf het getal zonder eenheid ({number.text}), of geef de indicator "
               f"'eenheid: {q.unit.value}' als het document die eenheid noemt" if unit is n.Unit.NUMBER
               else f"schrijf de waarde in {unit.value}{written}")
        yield ctx.error("E221", "eenheid past niet",
                        f"'{ind.name}' heeft eenheid {unit.value}, maar de waarde is {q.describe()}",
                        q.span, context=where, help=fix)
    low, high = ind.bounds()
    if (low is not None and number.value < low) or (high is not None and number.value > high):
        shown_low = format_dutch(low) if low is not None else "..."
        shown_high = format_dutch(high) if high is not None else "..."
        yield ctx.error("E222", "waarde buiten de grenzen",
                        f"{q.describe()} ligt buiten de grenzen van '{ind.name}' "
                        f"({shown_low} tot {shown_high})",
                        q.span, context=where)
    if unit.whole and number.decimals > 0:
        yield ctx.error("E223", "geen heel getal",
                        f"'{ind.name}' telt hele aantallen; {number.text} is geen heel getal",
                        q.span, context=where)
