"""Formulas: derived indicators refer to numeric indicators and never to themselves."""

from __future__ import annotations

from collections.abc import Iterator

from lea_rules import nodes as n
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    agenda = ctx.agenda
    graph: dict[str, list[str]] = {}
    for indicator in agenda.indicators:
        if indicator.formula is None:
            continue
        refs: list[str] = []
        for ref in n.expr_names(indicator.formula):
            target = agenda.indicator(ref.name)
            if target is None:
                continue
            refs.append(target.key)
            if target.unit is not None and not target.unit.numeric:
                yield ctx.error("E242", "formule met een niet-getal",
                                f"'{target.name}' is {target.unit.value} en kan niet in een formule",
                                ref.span)
        graph[indicator.key] = refs
    reported: set[frozenset[str]] = set()
    for start in graph:
        cycle = _find_cycle(start, graph)
        if cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            by_key = {i.key: i for i in agenda.indicators}
            names = [by_key[k].name for k in cycle]
            yield ctx.error("E240", "kringverwijzing in formules",
                            "de formules verwijzen in een kring naar elkaar: "
                            + " -> ".join([*names, names[0]]),
                            by_key[start].span,
                            help="een afgeleide indicator kan niet (via andere) van zichzelf afhangen")


def _find_cycle(start: str, graph: dict[str, list[str]]) -> list[str] | None:
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    while stack:
        node, path = stack.pop()
        for nxt in graph.get(node, []):
            if nxt == start:
                return path
            if nxt not in path and len(path) < 1000:
                stack.append((nxt, [*path, nxt]))
    return None
