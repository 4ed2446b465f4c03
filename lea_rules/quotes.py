"""Quotes: a text between curly quotes (“...”, „...”) as a word processor makes them.

The grammar reads such a text like one between straight quotes, and `lea fmt` writes it
straight (`straight_quotes`). Quotes that do not pair up get one message with the fix: the same
text between straight quotes (`mixed_quotes`, E170).
"""

from __future__ import annotations

import re

from lea_rules.diagnostics import Diagnostic, error
from lea_rules.source import Span

CURLY_QUOTES = "“„”"


def straight_quotes(text: str) -> str:
    """A text token between straight quotes: `“LEA”` and `„LEA”` become `"LEA"` (a curly-quoted
    text holds no straight quote or backslash, so nothing inside needs escaping)."""
    return f'"{text[1:-1]}"' if text[:1] in CURLY_QUOTES else text


_QUOTES = "\"“„”"
_CURLY = "“„”"


def mixed_quotes(text: str, column: int, line_no: int, path: str, token: bool = False) -> Diagnostic | None:
    """E170 for a text whose quotes do not pair up (`“LEA"`, `"LEA”`, `“LEA`, or quotes inside
    curly ones); None when the error is not in a text with a curly quote. The fix is the same
    text between straight quotes, an inner `"` written `\\"`: what the writer typed, readable."""
    if not any(ch in text for ch in _CURLY):
        return None
    at = column - 1
    if at < len(text) and text[at] in _QUOTES and not token:  # the lexer could not read a text here
        opener = at
    else:  # `“zei “ja” tegen”`: the error lies inside a text that its inner quotes cut short
        openers = [i for i, ch in enumerate(text[:at]) if ch in "“„"]
        if not openers:
            return None
        opener = openers[0]
    hash_at = text.find("#", at) if token else -1  # `“Start” x # “noot”`: a comment is no text
    line = text[:hash_at] if hash_at >= 0 else text
    closers = [i for i, ch in enumerate(line) if i > opener and ch in _QUOTES]
    if token and (not closers or closers[-1] < at):
        return None  # a word after a whole text: not a matter of quotes
    end = closers[-1] if closers else len(text.rstrip())
    inner = text[opener + 1:end]
    if not any(ch in _CURLY for ch in text[opener:end + 1]):
        return None  # straight quotes only: E104 or E101 say it
    first, last = text[opener], text[end] if closers else ""
    if first in "“„" and last in "”“" and any(ch in _QUOTES for ch in inner):
        what = "in deze tekst staan weer aanhalingstekens, die haar te vroeg afsluiten"
    elif last:
        what = f"deze tekst begint met {first} maar eindigt met {last}"
    else:
        what = f"deze tekst begint met {first} maar wordt niet afgesloten"
    fixed = '"' + inner.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return error("E170", "aanhalingstekens passen niet",
                 f"{what}; een tekst staat tussen rechte (\"...\") of gekrulde (“...”) "
                 "aanhalingstekens, met geen ander aanhalingsteken ertussen",
                 Span(line_no, opener + 1, line_no, end + 2 if closers else end + 1), path=path,
                 help=f"schrijf {fixed}")


_ITEM_WORDS = ("actie", "deelactie", "resultaat")
_COLON_LINE = re.compile(r"([ \t]*[^\s:\"#]+(?:[ \t]+[^\s:\"#]+)?[ \t]*:)[ \t]*(.+?)[ \t]*$")


def unquoted_text(text: str, section_words: tuple[str, ...], column: int) -> str | None:
    """The line with its text between quotes, for a line that has a title or a value without
    any quotes (`thema 1 Kansengelijkheid`, `actie Ouders betrekken`, `eigenaar: GGD`); None
    when the line holds a quote (then something else is wrong) or no text can be told apart.
    `column` is where the parser wanted a text: for `key: value` the start of the value (so a
    `doel:` that wants a text halfway, `= "goed"`, is never quoted whole)."""
    if any(ch in text for ch in _QUOTES) or "#" in text:
        return None
    words = text.split()
    if not words:
        return None
    first = words[0].casefold()
    keep = 1
    if first == "met" and len(words) > 1 and words[1].casefold() == "resultaat":
        keep = 2
    if first in (*_ITEM_WORDS, "met") and len(words) > keep and _is_code(words[keep]):
        keep += 1  # `actie p1-a1 Ouders`: the code stays
    elif first in section_words and len(words) > 1 and words[1][:1].isdigit():
        keep = 2  # `thema 1 Kansengelijkheid`: the number stays
    elif first == "indicator":
        keep = 2  # `indicator vve-bereik Bereik VVE`: the name stays
    elif first not in (*_ITEM_WORDS, "met", *section_words):
        match = _COLON_LINE.fullmatch(text.rstrip("\r\n"))
        if match is None or match.start(2) + 1 != column:
            return None
        return f'{match.group(1).strip()} "{match.group(2)}"'
    if len(words) <= keep:
        return None
    return " ".join(words[:keep]) + ' "' + " ".join(words[keep:]) + '"'


def _is_code(word: str) -> bool:
    """`1.1-a3`, `p1-a1`: a code has a digit; a word of a title most often has none."""
    return any(ch.isdigit() for ch in word) and "-" in word
