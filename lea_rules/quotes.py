"""Quotes: a text between curly quotes (“...”, „...”) as a word processor makes them.

The grammar reads such a text like one between straight quotes, and `lea fmt` writes it
straight (`straight_quotes`). Quotes that do not pair up get one message with the fix: the same
text between straight quotes (`mixed_quotes`, E170).
"""

from __future__ import annotations

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
