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
    cyclic = _cyclic_components(graph)
    reported: set[frozenset[str]] = set()
    on_reported: set[str] = set()
    by_key = {i.key: i for i in agenda.indicators}
    for start in graph:
        # A start on a cycle already reported would mostly find that cycle again; skipping it
        # keeps a ring of a thousand formulas at one search instead of a thousand.
        if start not in cyclic or start in on_reported:
            continue
        cycle = _find_cycle(start, graph, cyclic)
        if cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            on_reported.update(cycle)
            names = [by_key[k].name for k in cycle]
            yield ctx.error("E240", "kringverwijzing in formules",
                            "de formules verwijzen in een kring naar elkaar: "
                            + " -> ".join([*names, names[0]]),
                            by_key[start].span,
                            help="een afgeleide indicator kan niet (via andere) van zichzelf afhangen")


def _find_cycle(start: str, graph: dict[str, list[str]], cyclic: dict[str, int]) -> list[str] | None:
    """A path from `start` back to itself, depth first; each indicator is visited once, and
    only inside start's own strongly connected component (no cycle through start leaves it)."""
    component = cyclic[start]
    parent: dict[str, str | None] = {start: None}
    stack = [start]
    while stack:
        node = stack.pop()
        for nxt in graph.get(node, []):
            if nxt == start:
                path = [node]
                while (up := parent[path[-1]]) is not None:
                    path.append(up)
                return path[::-1]
            if nxt not in parent and cyclic.get(nxt) == component:
                parent[nxt] = node
                stack.append(nxt)
    return None


def _cyclic_components(graph: dict[str, list[str]]) -> dict[str, int]:
    """Each indicator that lies on a cycle, with the number of its strongly connected
    component (Tarjan's algorithm, without recursion: a chain of formulas can be long)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: dict[str, int] = {}
    components = 0
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            refs = graph.get(node, [])
            if child < len(refs):
                work.append((node, child + 1))
                nxt = refs[child]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if work:  # node is done: pass its low link up to the node that reached it
                up = work[-1][0]
                low[up] = min(low[up], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                if len(members) > 1 or node in graph.get(node, []):
                    components += 1
                    out.update((member, components) for member in members)
    return out
