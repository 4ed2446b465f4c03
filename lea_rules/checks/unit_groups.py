"""A count over several groups together: `tenminste 10 school en/of wijk met huiskamer in 2026`.

The groups are joined by commas and a last `en/of` (`IKC, VO-school en/of wijk`); `en/of`
between every two is accepted too. `of` alone and `en` alone are refused (E340): `en` is how
a stepped goal joins two counts (`tenminste 6 IKC met ... en tenminste 2 VO-school met ...`),
and `alle school of wijk` can be read as "all schools, or else all districts". A group named
twice counts its units once: a warning (W340), the meaning does not change. Whether the
indicator is measured per every group is E228 (checks.units), an unknown group E203 (names).
"""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules import nodes as n
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic

JOINS = (",", "en/of")


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for section, _result, goal in ctx.goals():
        if not isinstance(goal, n.UnitsGoal) or len(goal.groups) < 2:
            continue
        where = ctx.section_context(section)
        yield from _joins(ctx, goal, where)
        yield from _twice(ctx, goal, where)


def _joins(ctx: CheckContext, goal: n.UnitsGoal, where: str | None) -> Iterator[Diagnostic]:
    """One message for the first join that is not `,` or `en/of`, or for a last join `,`."""
    together = n.groups_written(goal.groups)
    for index, join in enumerate(goal.joins):
        last = index == len(goal.joins) - 1
        if join.word == "of":
            yield ctx.error("E340", "groepen samen met en/of",
                            f"tussen de groepen {goal.groups[index]} en {goal.groups[index + 1]} staat 'of'; "
                            "een telling over groepen samen schrijft 'en/of'", join.span, context=where,
                            help=f"schrijf '{together}': dat telt de eenheden van de groepen samen")
            return
        if join.word == "en":
            yield ctx.error("E340", "groepen samen met en/of",
                            f"'en' tussen de groepen {goal.groups[index]} en {goal.groups[index + 1]} "
                            "zegt niet of het één telling is over de groepen samen of een telling per groep",
                            join.span, context=where,
                            help=f"schrijf '{together}' voor één telling over de groepen samen, of twee "
                                 f"doelen: 'tenminste N {goal.groups[index]} met ... en tenminste M "
                                 f"{goal.groups[index + 1]} met ...'")
            return
        if last and join.word == ",":
            yield ctx.error("E340", "groepen samen met en/of",
                            f"de laatste groep ({goal.groups[-1]}) staat achter een komma; tussen de laatste "
                            "twee groepen hoort 'en/of'", join.span, context=where,
                            help=f"schrijf '{together}'")
            return


def _twice(ctx: CheckContext, goal: n.UnitsGoal, where: str | None) -> Iterator[Diagnostic]:
    """One warning for the first group named again (`school en/of school`, `IKC, IKC's`)."""
    seen: dict[str, str] = {}
    for index, group in enumerate(goal.groups):
        key = n.normalise_group(group)
        if key in seen:
            yield ctx.warning("W340", "groep twee keer geteld",
                              f"groep {group} staat al eerder in deze telling{_as(seen[key], group)}; zijn "
                              "eenheden tellen één keer", goal.group_span(index), context=where,
                              help=f"haal hem weg: '{n.groups_written(_once(goal.groups))}'")
            return
        seen[key] = group


def _as(first: str, again: str) -> str:
    return f" (als {first})" if first != again else ""


def _once(groups: tuple[str, ...]) -> tuple[str, ...]:
    kept: dict[str, str] = {}
    for group in groups:
        kept.setdefault(n.normalise_group(group), group)
    return tuple(kept.values())
