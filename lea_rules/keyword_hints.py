"""Hints for a line whose first word is not a keyword (E100), once the agenda's indeling is known.

The parser reads one line at a time and knows every keyword of the language; a hint for the
line of one agenda should only offer the section words of *its* indeling. And a keyword written
with a capital (`Doel 3 "..."`, `Actie "..."`, `Eigenaar: ...`, as documents write them) is
not a typo: the hint says that keywords are written in lower case, and shows the line so.
"""

from __future__ import annotations

from dataclasses import replace

from lea_rules import nodes as n
from lea_rules.diagnostics import Diagnostic
from lea_rules.source import SourceFile
from lea_rules.suggest import closest, did_you_mean


def keyword_hints(diags: list[Diagnostic], source: SourceFile,
                  levels: tuple[tuple[str, ...], tuple[str, ...]]) -> list[Diagnostic]:
    """`diags` with the hint of each E100 made for this agenda (see the module)."""
    if not any(d.code == "E100" for d in diags):
        return diags
    from lea_rules.parser import LINE_KEYWORDS

    sections = (*levels[0], *levels[1])
    # `doel` is also the goal property (`doel: ...`), in every agenda
    words = [w for w in LINE_KEYWORDS if w not in n.SECTION_WORDS or w in sections or w == "doel"]
    return [_hint(d, source, levels, words) if d.code == "E100" else d for d in diags]


def _hint(diag: Diagnostic, source: SourceFile, levels: tuple[tuple[str, ...], tuple[str, ...]],
          words: list[str]) -> Diagnostic:
    text = source.line_text(diag.span.line)
    start = diag.span.column - 1
    word = text[start:start + diag.span.end_column - diag.span.column]
    lower = word.casefold()
    if lower == word or (lower not in words and lower not in n.SECTION_WORDS):
        return replace(diag, help=did_you_mean(word, words))
    line = lower + text[start + len(word):].rstrip()
    if lower == "met":  # `Met Resultaat "..."`
        line = "met " + _lowered_next(line[len("met"):].lstrip(), "resultaat")
    help_text = f"een sleutelwoord schrijf je met kleine letters: {line}"
    diag = replace(diag, message=f"'{word}' is het sleutelwoord '{lower}' met "
                   + ("een hoofdletter" if word[1:] == word[1:].lower() else "hoofdletters"))
    rest = line[len(lower):]
    if not (lower in n.SECTION_WORDS and _section_line(rest)):
        return replace(diag, help=help_text)
    if lower not in (*levels[0], *levels[1]):
        number = rest.split(maxsplit=1)[0] if rest.split() else ""
        word = levels[1][0] if levels[1] and "." in number else levels[0][0]
        indeling = " > ".join(" / ".join(level) for level in levels if level)
        help_text = (f"een sleutelwoord schrijf je met kleine letters, en '{lower}' staat niet in de "
                     f"indeling van deze agenda ({indeling}): schrijf {word}{rest}, of voeg "
                     f"'{lower}' toe aan 'indeling:'")
    # The line of a section heads what follows: it sits under no heading of its own.
    return replace(diag, help=help_text, context=None)


def _lowered_next(rest: str, keyword: str) -> str:
    head = rest[:len(keyword)]
    return keyword + rest[len(keyword):] if head.casefold() == keyword else rest


def _section_line(rest: str) -> bool:
    """After a section word: a number or a title (`doel 3 "..."`), not a colon (`doel: ...`)."""
    rest = rest.lstrip()
    return rest[:1].isdigit() or rest[:1] in ('"', "\u201c")


def meant_keywords(word: str) -> set[str]:
    """The keywords a line that did not parse may have meant, from its first word (casefolded):
    the word itself, or the keywords it is a typo of (`doell: ...` meant `doel:`), so that the
    item above is not also told that its `doel:` line is missing."""
    from lea_rules.parser import LINE_KEYWORDS

    return {word} if word in LINE_KEYWORDS else {word, *closest(word, LINE_KEYWORDS)}
