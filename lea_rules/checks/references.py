"""References: every `zie:` points at an onderdeel, actie or resultaat that exists (E332), by
its right word (E333), not at the item it stands under (E334), with a word of the indeling
(E335); one that names an automatic code, which moves when an item is inserted, is a warning
(W332) until `lea codes` fixes the codes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lea_rules import nodes as n
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic
from lea_rules.references import (
    ITEM_WORDS,
    Found,
    Target,
    fits,
    indeling_words,
    level_words,
    named,
    owners,
    resolve,
    targets,
)
from lea_rules.suggest import closest, meant_one_of

SHOWN = 5
"""Existing items named in a hint when none is close to what was written."""


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    agenda = ctx.agenda
    # With any fixed code, W263 already points at each item without one; with none, this
    # warning alone says that a reference to a code from a place moves with that place.
    positional = not any(item.code_explicit for found in targets(agenda)
                         if isinstance(item := found.item, n.Action | n.Result))
    for section, owner, ref in owners(agenda):
        where = ctx.section_context(section)
        if ref.word not in ITEM_WORDS and ref.word not in indeling_words(agenda):
            yield _not_in_indeling(ctx, owner, ref, where)
            continue
        found = resolve(agenda, ref)
        if found is not None and found.item is owner:
            yield _itself(ctx, found, ref, where)
        elif found is not None:
            if positional and isinstance(found.item, n.Action | n.Result):
                yield ctx.warning(
                    "W332", "verwijzing naar een automatische code",
                    f"{found.written} heeft geen vaste code: die komt uit de plaats van het item en "
                    "verschuift als er iets boven komt of weggaat, en dan wijst deze verwijzing naar een "
                    "ander item", ref.target_span, context=where,
                    help=f"leg de codes vast met `lea codes {agenda.path}` (dan blijft {found.key} de code "
                         f"van \u201c{_short(found.item.title)}\u201d)")
        else:
            yield _nothing(ctx, owner, ref, where)


def _itself(ctx: CheckContext, found: Found, ref: n.Reference, where: str) -> Diagnostic:
    return ctx.error(
        "E334", "verwijzing naar zichzelf",
        f"deze 'zie:'-regel staat onder {found.written} zelf", ref.target_span, context=where,
        help="een verwijzing wijst naar een ander onderdeel of item: noemt het document een ander, "
             "schrijf dan dat nummer of die code; anders laat de regel weg")


def _not_in_indeling(ctx: CheckContext, owner: Target, ref: n.Reference, where: str) -> Diagnostic:
    agenda = ctx.agenda
    level1, level2 = agenda.levels
    indeling = " > ".join("/".join(level) for level in (level1, level2) if level)
    others = [found for found in named(agenda, ref.target) if found.item is not owner]
    words = ", ".join(indeling_words(agenda))
    if len(others) == 1:
        hint = f"bedoelde je 'zie: {others[0].written}'? (de indeling noemt: {words})"
    else:
        hint = f"gebruik een woord uit de indeling: {words}"
    return ctx.error(
        "E335", "woord niet in de indeling",
        f"'{ref.word}' is geen onderdeelwoord van deze agenda (indeling: {indeling})", ref.word_span,
        context=where, help=hint)


def _nothing(ctx: CheckContext, owner: Target, ref: n.Reference, where: str) -> Diagnostic:
    agenda = ctx.agenda
    same_key = named(agenda, ref.target)
    if len(same_key) == 1 and same_key[0].item is owner:
        return _itself(ctx, same_key[0], ref, where)
    others = [found for found in same_key if found.item is not owner]
    if others:  # the number or code exists, under another word: an onderdeel of the same level first
        others.sort(key=lambda found: not (isinstance(found.item, n.Section)
                                           and ref.word in level_words(agenda, found.item)))
        kinds = " en een ".join(dict.fromkeys(found.kind for found in others))
        more = "".join(f" (of: zie: {found.written})" for found in others[1:3])
        return ctx.error(
            "E333", "verkeerd soort item",
            f"{others[0].key} is een {kinds}, geen {ref.word}", ref.word_span, context=where,
            help=f"schrijf: zie: {others[0].written}{more}")
    fitting = [found for found in targets(agenda) if found.item is not owner and fits(found, ref.word)]
    options = [found.written for found in fitting]
    # the onderdeel the reference already stands in is no cross-reference to offer
    hint = _nearest(ref, [found for found in fitting
                          if not (isinstance(found.item, n.Section) and _around(found.item, owner))])
    if hint is None and options:
        shown = ", ".join(f"'{option}'" for option in options[:SHOWN])
        hint = f"verwijs naar wat er staat, bijvoorbeeld {shown}" + (" ..." if len(options) > SHOWN else "")
    elif hint is None:
        hint = (f"deze agenda heeft geen {ref.word} met een nummer of code; verwijs naar een onderdeel, "
                "actie of resultaat dat er staat")
    return ctx.error(
        "E332", "verwijzing naar niets",
        f"er is geen {ref.written} in deze agenda", ref.target_span, context=where, help=hint)


_PARTS = re.compile(r"(\d+)")


def _nearest(ref: n.Reference, fitting: list[Found]) -> str | None:
    """The existing items nearest to what the reference names: for `doel 7` or `1.1-a3-r7` the
    numerically nearest with the same shape (doel 6; 1.1-a3-r6), for any other code the closest
    by edit distance; ties all shown (zie: doel 4 between doel 3 and doel 5)."""
    target = _PARTS.split(ref.target.casefold())
    ranked: list[tuple[tuple[int, int, int], str]] = []
    for found in fitting:
        parts = _PARTS.split(found.key.casefold())
        if len(parts) != len(target) or parts[0::2] != target[0::2]:
            continue  # another shape: no number to be near to
        numbers = [(int(a), int(b)) for a, b in zip(target[1::2], parts[1::2], strict=True)]
        first = next((i for i, (a, b) in enumerate(numbers) if a != b), len(numbers))
        rest = sum(abs(a - b) for a, b in numbers[first + 1:])
        ranked.append(((-first, abs(numbers[first][0] - numbers[first][1]) if numbers[first:] else 0, rest),
                       found.written))
    if ranked:
        best = min(rank for rank, _ in ranked)
        return meant_one_of([written for rank, written in sorted(ranked) if rank == best][:3])
    by_key = {found.key: found.written for found in fitting}
    near = closest(ref.target, list(by_key))
    return meant_one_of([by_key[key] for key in near]) if near else None


def _around(section: n.Section, owner: Target) -> bool:
    """`owner` stands in `section` (or in one of its children)."""
    return (any(item is owner for item in (*section.actions, *section.results))
            or any(child is owner or _around(child, owner) for child in section.children))


def _short(title: str, limit: int = 50) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "\u2026"
