"""Formatter safety: prove, before anything is written, that the formatted agenda means the same.

Like Black's safe mode: the formatted text must hold the same words, numbers and comments,
build to the same agenda with the same diagnostics, and format to itself a second time.
`format_safely` is what `lea fmt` writes; `verify` is the proof on its own.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from lea_rules.formatter import (
    CANONICAL_TEXT,
    SPACED_WORDS,
    AgendaSyntaxError,
    format_source,
    parsed_once,
    read_lines,
    statement_tokens,
)
from lea_rules.source import SourceFile
from lea_rules.syntax import Leaf

if TYPE_CHECKING:
    from lea_rules.line_cache import LineCache


class UnsafeFormatting(Exception):
    """An internal error of the formatter: its result would change the agenda or is unstable."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason



def _fingerprint(source: SourceFile) -> list[tuple[object, ...]]:
    """Every comment and every token as the formatter would write it, in file order.

    strip_spans ignores how a number was written; this catches a formatter that rewrites
    `1.250` or glues two tokens so that they lex differently.
    """
    prints: list[tuple[object, ...]] = []
    for line in read_lines(source):
        if line.kind == "comment":
            prints.append(("comment", line.comment))
        elif line.kind == "statement":
            assert line.statement is not None
            # Only the documented spellings are merged here, not via token_text: a bug there
            # must show up as a difference.
            tokens = tuple((t.type, f'"{t[1:-1]}"' if t.type == "STRING" and t[:1] in "“„”"
                            else CANONICAL_TEXT.get(_words(t), _words(t)))
                           for t, _ in statement_tokens(line.statement, ""))
            prints.append((str(line.statement.data), tokens, line.comment))
    return prints


def _words(token: Leaf) -> str:
    """A terminal of several words (`elk jaar`) with any run of spaces between them as one."""
    return " ".join(str(token).split()) if token.type in SPACED_WORDS else str(token)


def _meaning(source: SourceFile, lines: LineCache) -> tuple[object, list[str]]:
    from lea_rules.builder import build, strip_spans

    result = build(source, lines)
    return strip_spans(result.agenda), sorted(d.code for d in result.diagnostics)


def verify(source: SourceFile, formatted: str) -> None:
    """Black's safe mode: raise UnsafeFormatting unless `formatted` means exactly `source`."""
    path = source.path
    with parsed_once(path) as lines:
        _verify(source, SourceFile(path, formatted), lines)


def _verify(source: SourceFile, result: SourceFile, lines: LineCache) -> None:
    path, formatted = source.path, result.text
    try:
        if _fingerprint(result) != _fingerprint(source):
            raise UnsafeFormatting(path, "de opgemaakte tekst bevat andere woorden, getallen of commentaar")
    except AgendaSyntaxError as exc:
        where = ", ".join(str(d.span.line) for d in exc.diagnostics[:5])
        raise UnsafeFormatting(path, f"de opgemaakte tekst is niet meer te lezen (regel {where})") from None
    before, before_codes = _meaning(source, lines)
    after, after_codes = _meaning(result, lines)
    if before != after:
        raise UnsafeFormatting(path, "de opgemaakte agenda betekent iets anders dan het origineel")
    if Counter(before_codes) != Counter(after_codes):
        raise UnsafeFormatting(path, "de opgemaakte agenda geeft andere meldingen dan het origineel")
    if format_source(result) != formatted:
        raise UnsafeFormatting(path, "een tweede keer opmaken geeft weer een andere tekst")


def format_safely(source: SourceFile) -> str:
    """The canonical text, proven to mean the same and to be stable; see `verify`.

    LineTooLong when the canonical spacing would make a line longer than a line may be.
    """
    with parsed_once(source.path):  # one parse of each line for all of it
        formatted = format_source(source)
        verify(source, formatted)
    return formatted


__all__ = ["UnsafeFormatting", "format_safely", "verify"]
