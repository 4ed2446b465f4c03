"""References: `zie: ambitie 1.2`, `zie: doel 4`, `zie: actie p1-a1`, `zie: resultaat p1-r3`.

A document points from one part of itself to another ("zie doel 4"); the agenda writes that
down with a `zie:` line under an onderdeel, actie, deelactie or resultaat. An onderdeel is named
by its own word (one of the `indeling:`) and its number, an actie or deelactie or resultaat by
its code as `lea codes` and the report show it. lea check refuses a reference to nothing, to
the wrong kind of item or to itself (checks/references.py); the JSON and the report show what
it points at. Here: finding that item, and what else a reference could have meant.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lea_rules import nodes as n

Target = n.Section | n.Action | n.Result
ITEM_WORDS = ("actie", "deelactie", "resultaat")


@dataclass(frozen=True)
class Found:
    """What a reference points at, with the word it is rightly named by."""

    item: Target
    word: str  # the word it takes after `zie:`: actie, deelactie, resultaat or a level's word

    @property
    def key(self) -> str:
        return key_of(self.item)

    @property
    def written(self) -> str:
        return f"{self.word} {self.key}"

    @property
    def kind(self) -> str:
        """The item's own word: its onderdeel word (thema, ambitie), actie, deelactie or resultaat."""
        if isinstance(self.item, n.Section):
            return self.item.word
        return self.word


def key_of(item: Target) -> str:
    if isinstance(item, n.Section):
        assert item.number is not None  # only numbered onderdelen can be pointed at
        return item.number
    return item.code


def indeling_words(agenda: n.Agenda) -> tuple[str, ...]:
    return (*agenda.levels[0], *agenda.levels[1])


def level_words(agenda: n.Agenda, section: n.Section) -> tuple[str, ...]:
    """The words of this onderdeel's level in the indeling (`hoofdstuk/paragraaf`)."""
    return agenda.levels[section.level - 1] if section.level in (1, 2) else ()


def targets(agenda: n.Agenda) -> Iterator[Found]:
    """Everything a reference can point at, in file order of kind: onderdelen, actions, results."""
    for section in agenda.walk_sections():
        if section.number is not None:
            yield Found(section, section.word)
    for _, action in agenda.all_actions():
        yield Found(action, "deelactie" if action.parent is not None else "actie")
    for _, result in agenda.all_results():
        yield Found(result, "resultaat")


def named(agenda: n.Agenda, key: str) -> list[Found]:
    """Every item whose number or code is `key` (case does not count), whatever its word."""
    folded = key.casefold()
    return [found for found in targets(agenda) if found.key.casefold() == folded]


def fits(found: Found, word: str) -> bool:
    """An onderdeel is named by its own word: in Enschede's `hoofdstuk/paragraaf` both hoofdstuk 2
    and paragraaf 2 exist, so another word of the level would point at another onderdeel."""
    return word == found.word


def resolve(agenda: n.Agenda, ref: n.Reference) -> Found | None:
    """The item a reference points at, or None when the word and number name nothing."""
    return next((found for found in named(agenda, ref.target) if fits(found, ref.word)), None)


def pointed(agenda: n.Agenda) -> list[tuple[int, str, str | None]]:
    """Each reference's line, as written, and the title of what it points at: `lea codes` proves
    with it that fixing the codes leaves every reference on the same item."""
    out: list[tuple[int, str, str | None]] = []
    for _, _, ref in owners(agenda):
        found = resolve(agenda, ref)
        out.append((ref.span.line, ref.written, found.item.title if found is not None else None))
    return out


def owners(agenda: n.Agenda) -> Iterator[tuple[n.Section, Target, n.Reference]]:
    """Every reference with the item it is written under and that item's section."""
    for section in agenda.walk_sections():
        for ref in section.provenance.references:
            yield section, section, ref
        for action in section.actions:
            for ref in action.provenance.references:
                yield section, action, ref
        for result in section.results:
            for ref in result.provenance.references:
                yield section, result, ref
