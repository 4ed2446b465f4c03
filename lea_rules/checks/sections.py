"""Sections: each number of the indeling is written once (`ambitie 1.1` twice is one mistake),
and a level-2 number fits the section above it (`ambitie 2.1` under `thema 1` is W264).

The codes of the items under a section come from its number (`1.1-a3`), so a number written
twice would make every item under the second look like a double of one under the first. The
builder gives those items the next free code (`build_drafts.TakenCodes`), so the one mistake
gets one message: here, on the second section line, naming the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lea_rules import nodes as n
from lea_rules.checks.context import CheckContext
from lea_rules.diagnostics import Diagnostic

_LAST_NUMBER = re.compile(r"(.*?)(\d+)")


Key = tuple[str, str, int | None]


def _key(ctx: CheckContext, section: n.Section, number: str) -> Key:
    """What makes a section line the same as another: its word and number (a document may
    number its hoofdstukken and its paragrafen each from 1), and for a number without a dot
    under a level-1 section also that parent (ambities numbered 1, 2, ... within each thema)."""
    parent = ctx.agenda.parent_of(section) if section.level == 2 and "." not in number else None
    return section.word.casefold(), number, id(parent) if parent is not None else None


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    first: dict[Key, n.Section] = {}
    for section in ctx.agenda.walk_sections():
        if section.number is None:
            continue
        key = _key(ctx, section, section.number)
        earlier = first.get(key)
        if earlier is None:
            first[key] = section
            yield from _number_of_another(ctx, section)
            continue
        yield ctx.error(
            "E180", "dubbel onderdeel",
            f"{section.word} {section.number} staat al op regel {earlier.span.line} "
            f"(\u201c{_short(earlier.title)}\u201d)",
            section.span, context=ctx.section_context(section), help=_help(ctx, section, earlier))


def _help(ctx: CheckContext, section: n.Section, earlier: n.Section) -> str:
    if _empty(earlier):
        # The line written twice: the first holds nothing, so leaving it out changes nothing.
        return (f"regel {earlier.span.line} is een lege {_written(earlier)}: laat die regel weg, "
                f"of geef dit onderdeel een eigen nummer")
    free = _free_number(ctx, section)
    if free is None:
        return "geef dit onderdeel een eigen nummer"
    return f"geef dit onderdeel een eigen nummer, bijvoorbeeld {free} (dat is nog vrij)"


def _written(section: n.Section) -> str:
    return f"{section.word} {section.number}"


def _short(title: str) -> str:
    return title if len(title) <= 40 else title[:37] + "..."


def _empty(section: n.Section) -> bool:
    p = section.provenance
    return not (section.actions or section.results or section.children
                or p.citations or p.questions or p.texts)


def _free_number(ctx: CheckContext, section: n.Section) -> str | None:
    """The lowest number in the same form that no section has (`1.2` between two `1.1` and a
    `1.3`): most often the one the writer meant."""
    match = _LAST_NUMBER.fullmatch(section.number or "")
    if match is None:
        return None
    prefix = match.group(1)
    taken = {_key(ctx, s, s.number) for s in ctx.agenda.walk_sections() if s.number}
    return next(f"{prefix}{i}" for i in range(1, len(taken) + 2)
                if _key(ctx, section, f"{prefix}{i}") not in taken)


def _number_of_another(ctx: CheckContext, section: n.Section) -> Iterator[Diagnostic]:
    """W264: `ambitie 2.1` under `thema 1`. Its number says it belongs to thema 2; its place (and
    so its codes) say thema 1. Most often the number was copied: say which number fits here."""
    parent = ctx.agenda.parent_of(section) if section.level == 2 else None
    number = section.number or ""
    if parent is None or not parent.number or "." not in number or "." in parent.number:
        return
    head, rest = number.split(".", 1)
    if head == parent.number:
        return
    meant = f"{parent.number}.{rest}"
    taken = {_key(ctx, s, s.number) for s in ctx.agenda.walk_sections() if s.number}
    if _key(ctx, section, meant) in taken:
        meant = next(f"{parent.number}.{i}" for i in range(1, len(taken) + 2)
                     if _key(ctx, section, f"{parent.number}.{i}") not in taken)
    loose = (any(not action.code_explicit for action in section.actions)
             or any(not result.code_explicit for result in section.results))
    yield ctx.warning(
        "W264", "nummer past niet bij het onderdeel erboven",
        f"{section.word} {number} staat onder {parent.word} {parent.number}, maar het nummer zegt "
        f"{parent.word} {head}", section.span, context=ctx.section_context(section),
        help=f"schrijf {section.word} {meant} (dat is nog vrij); hoort het bij {parent.word} {head}, "
             f"zet het dan onder die {parent.word}-regel",
        notes=("met een ander nummer krijgen de acties en resultaten zonder vaste code een andere "
               "code; verwijst een voortgangsbestand naar de code die ze nu hebben, leg de codes dan "
               "eerst vast met `lea codes`",) if loose else ())
