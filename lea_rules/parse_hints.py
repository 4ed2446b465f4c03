"""Hints for a line the parser could not read, from the line alone (the parser's cache keeps them).

- an item or section line written with a colon, as a property (`actie: "..."`);
- a text without quotes (`thema 1 Kansengelijkheid`, `eigenaar: GGD`): the line with them;
- a typo in one of a few fixed words (`eenheid: procnt`): the word meant;
- in a goal: `=>` for `>=`, a year with a letter O (`2O27`), a year range (`in 2026-2027`), a
  step without its comparison (`en 90% in 2028`);
- quotes inside a text (`"Ouders "samen""`): the text with them escaped.
"""

from __future__ import annotations

import re

from lea_rules.diagnostics import Diagnostic, error
from lea_rules.quotes import unquoted_text
from lea_rules.source import Span
from lea_rules.suggest import did_you_mean

ITEM_LINE_WORDS = frozenset({"actie", "deelactie", "resultaat", "indicator", "begroting", "post",
                             "thema", "paragraaf", "hoofdstuk", "doelstelling", "ambitie",
                             "belofte", "speerpunt", "opgave", "onderdeel"})
"""Keywords that open an item or section; `doel` is left out (`doel:` is also the goal)."""
_ITEMS = frozenset({"actie", "deelactie", "resultaat", "indicator", "begroting", "post"})

CHOICES = {
    "UNIT": ("%", "procent", "aantal", "uur per week", "uur", "dagen", "weken", "maanden", "jaar", "euro",
             "score", "getal", "ja/nee", "oordeel", "procentpunt"),
    "BETTER": ("hoger", "lager", "niveau"),
    "MEASURE": ("kalenderjaar", "schooljaar", "peildatum"),
}
"""The fixed words of a terminal, for a "bedoelde je" when a line has a typo in one."""


def stray_colon(text: str, word: str, column: int, span: Span, path: str) -> Diagnostic | None:
    """E101 for `actie: "..."` or `ambitie 1.1: "..."` (the colon at `column`): an item line is
    no property and takes no colon; the fix is the line without it. None for another line."""
    if word not in ITEM_LINE_WORDS or text[column:].lstrip()[:1] not in ('"', "\u201c"):
        return None
    fixed = (text[:column - 1].rstrip() + " " + text[column:].lstrip()).strip()
    opens = "item" if word in _ITEMS else "onderdeel"
    return error("E101", "onverwacht woord",
                 f"een {word}-regel heeft geen dubbele punt: '{word}' begint een nieuw {opens}, het "
                 "is geen eigenschap", span, path=path, help=f"schrijf: {fixed}")


def value_hint(text: str, found: str, expected: set[str], column: int) -> str | None:
    """The hint for a word that does not fit where the parser wanted a text or a fixed word."""
    for hint in (_goal_hint(text, found, column), _inner_quotes(text, column)):
        if hint is not None:
            return hint
    choices = [words for terminal, words in CHOICES.items() if terminal in expected]
    if len(choices) == 1:  # `eenheid: procnt`, `beter: hogr`: one of a few fixed words
        return did_you_mean(found, choices[0])
    if "STRING" in expected and not found.startswith('"'):
        from lea_rules.nodes import SECTION_WORDS

        quoted = unquoted_text(text, SECTION_WORDS, column)
        if quoted is not None:  # `thema 1 Kansengelijkheid`, `eigenaar: GGD`
            return f"zet de tekst tussen aanhalingstekens: {quoted}"
    return None


_YEAR_WITH_O = re.compile(r"(?<![\w])[\dOo]{4}(?![\w])")
_CMP = re.compile(r"(>=|<=|>|<|=|\u2265|\u2264|minimaal|maximaal|ten minste|tenminste|minstens|"
                  r"hoogstens|ten hoogste|hooguit|meer dan|minder dan|gelijk aan|precies)\s+[\d€]")


def _goal_hint(text: str, found: str, column: int) -> str | None:
    before = text[:column - 1]
    if found.startswith((">", "<")) and before.endswith("="):  # `=>`, `=<`
        turned = before[:-1] + found[0] + "=" + text[column:]
        return f"de vergelijking schrijf je met het teken voorop: {turned.strip()}"
    for match in _YEAR_WITH_O.finditer(text):
        if match.start() < column <= match.end() and re.search(r"[Oo]", match.group(0)) \
                and re.search(r"\d", match.group(0)):
            year = re.sub(r"[Oo]", "0", match.group(0))
            return f"een jaartal schrijf je in cijfers (een O is geen 0): {year}"
    years = re.search(r"\bin (\d{4})$", before.rstrip())
    after = re.match(r"-\s*(\d{4})\b", text[column - 1:])
    if found == "-" and years and after:
        first, last = years.group(1), after.group(1)
        return (f"schrijf 'in {first}/{last}' voor schooljaar {first}/{last}, of 'in {first} en "
                f"{last}' voor hetzelfde doel in beide jaren")
    if re.fullmatch(r"[^\W\d_][\w-]*", found) and re.search(r"(?:=|>|<)\s*$", before) \
            and found not in ("ja", "nee"):
        # `doel: oordeel-vve = goed in 2027`: a rating is a text
        turned = before + f'"{found}"' + text[column - 1 + len(found):]
        return f"is '{found}' een oordeel, zet het dan tussen aanhalingstekens: {turned.strip()}"
    if re.fullmatch(r"\d[\d.,]*%?", found) and re.search(r"\ben\s*$", before):
        cmps = _CMP.findall(before)
        if cmps:  # `>= 85% in 2027 en 90% in 2028`: the step needs its comparison too
            turned = before + cmps[-1] + " " + text[column - 1:]
            return f"schrijf de vergelijking ook na 'en': {turned.strip()}"
    return None


def _inner_quotes(text: str, column: int) -> str | None:
    """`actie "Ouders "samen" betrekken"`: a quote inside a text is written `\\"`."""
    if text.count('"') < 3:
        return None
    first, last = text.index('"'), text.rindex('"')
    if not first < column - 1 <= last:
        return None
    inner = text[first + 1:last].replace('\\"', '"')
    fixed = text[:first + 1] + inner.replace('"', '\\"') + text[last:]
    return f"een aanhalingsteken in een tekst schrijf je als \\\": {fixed.strip()}"
