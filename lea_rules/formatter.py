"""Formatter: re-emits an agenda in its one canonical layout, line by line from the parse trees.

The language is line-based and the hierarchy comes from keywords, so the formatter never
moves, merges or reorders lines: it re-spaces each statement from its tokens, sets the
indentation from the same state the builder keeps, and normalises blank lines. Before a
caller writes anything, `formatter_safety.format_safely` proves (like Black's safe mode) that
the result means the same agenda and is stable under a second run.

It reads the same plain trees as the builder (`lea_rules.syntax`), through the same entry
point and parse cache (`parser.parse_statement`, `line_cache.LineCache`). Everything one
`format_safely` reads (the agenda, its formatted text, and both of them built) shares one
cache, so each distinct line text is parsed at most once, and a line stored by an earlier
`lea check` or `lea fmt` not at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lea_rules.diagnostics import Diagnostic
from lea_rules.format_layout import Layout
from lea_rules.quotes import straight_quotes
from lea_rules.source import SourceFile
from lea_rules.syntax import Leaf, Node

if TYPE_CHECKING:
    from lea_rules.line_cache import LineCache

INDENT = "  "

# Token texts with more than one spelling; the first is canonical.
CANONICAL_TEXT = {"ten opzichte van": "t.o.v.", "ten minste": "tenminste"}

# (token type, rule the token sits in) pairs that are glued to their neighbours.
_GLUE_BOTH = {("DASH", "periode"), ("DASH", "date"), ("SLASH", "level"), ("SLASH", "period"),
              ("SLASH", "fuzzy"), ("DASH", "w_dashed")}
_GLUE_AFTER = {("DASH", "signed"), ("DASH", "neg"), ("LPAR", "factor")}
_GLUE_BEFORE = {"COLON", "COMMA", "RPAR", "PERCENT_OF"}  # `80% van de IKC`


class AgendaSyntaxError(Exception):
    """The agenda has lines that do not parse; it is not formatted."""

    def __init__(self, source: SourceFile, diagnostics: list[Diagnostic]) -> None:
        super().__init__(f"{source.path}: {len(diagnostics)} regel(s) niet te lezen")
        self.source = source
        self.diagnostics = diagnostics


@dataclass(frozen=True)
class _Line:
    """One source line: blank, a full-line comment, or a statement with its trailing comment."""

    kind: str  # "blank" | "comment" | "statement"
    indent: int = 0  # as written, tabs counted as four spaces
    comment: str | None = None
    statement: Node | None = None
    number: int = 0  # the line's number in the source


def statement_tokens(tree: Node, parent: str) -> list[tuple[Leaf, str]]:
    """The tokens of a statement in order, each with the name of the rule it sits in."""
    out: list[tuple[Leaf, str]] = []
    for child in tree.children:
        if child is None:
            continue
        if isinstance(child, Node):
            out.extend(statement_tokens(child, str(child.data)))
        else:
            out.append((child, parent))
    return out


SPACED_WORDS = {"RECUR", "VANAF", "TIMES", "TIMES_TAIL", "DURING", "BEFORE_SUMMER", "BEFORE_END", "PART",
                "HALF_OF", "PERCENT_OF"}
"""Terminals of several words (`elk jaar`, `vanaf schooljaar`): one space between the words."""


def token_text(token: Leaf) -> str:
    text = " ".join(str(token).split()) if token.type in SPACED_WORDS else str(token)
    if token.type == "STRING":
        return straight_quotes(text)
    return CANONICAL_TEXT.get(text, text)



def render_statement(stmt: Node) -> str:
    """One statement with canonical spacing: single spaces, `key: value`, glued where it reads so."""
    parts: list[str] = []
    previous: tuple[Leaf, str] | None = None
    for token, rule in statement_tokens(stmt, str(stmt.data)):
        if previous is not None and _spaced(previous, (token, rule)):
            parts.append(" ")
        parts.append(token_text(token))
        previous = (token, rule)
    return "".join(parts)


def _spaced(left: tuple[Leaf, str], right: tuple[Leaf, str]) -> bool:
    (ltok, lrule), (rtok, rrule) = left, right
    if rtok.type in _GLUE_BEFORE or (rtok.type, rrule) in _GLUE_BOTH:
        return False
    if (ltok.type, lrule) in _GLUE_BOTH or (ltok.type, lrule) in _GLUE_AFTER:
        return False
    # `85%` but `5 uur per week`
    return not (rtok.type == "UNIT" and str(rtok) == "%" and rrule == "v_number")


_LINES: ContextVar[LineCache | None] = ContextVar("lea_fmt_lines", default=None)


@contextmanager
def parsed_once(path: str) -> Iterator[LineCache]:
    """The parse cache that every line read in one `format_safely` goes through.

    The outermost call opens the agenda's own cache (the one `lea check` uses) and saves it
    at the end; a call inside it (`format_source` and `verify` under `format_safely`) shares
    it. A tree does not depend on the path, so sharing is right whatever a nested call reads.
    """
    shared = _LINES.get()
    if shared is not None:
        yield shared
        return
    from lea_rules.line_cache import LineCache

    lines = LineCache.open(path)
    token = _LINES.set(lines)
    try:
        yield lines
    finally:
        _LINES.reset(token)
        lines.save()


def read_lines(source: SourceFile) -> list[_Line]:
    with parsed_once(source.path) as cache:
        return _read_lines_with(source, cache)


def _read_lines_with(source: SourceFile, cache: LineCache) -> list[_Line]:
    from lea_rules.parser import CONTROL_CHARACTER, control_character, parse_ahead, parse_statement

    lines: list[_Line] = []
    diagnostics: list[Diagnostic] = []
    ahead = parse_ahead(source, cache)
    for number, text in enumerate(source.lines, 1):
        control = CONTROL_CHARACTER.search(text)
        if control is not None:  # never formatted away (str.strip() eats some): said, file left alone
            diagnostics.append(control_character(control.group(), number, control.start() + 1,
                                                 source.path))
            continue
        stripped = text.strip().lstrip("\ufeff").strip()
        expanded = text.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip())
        if not stripped:
            lines.append(_Line("blank"))
            continue
        if stripped.startswith("#"):
            lines.append(_Line("comment", indent, stripped))
            continue
        result = parse_statement(text, number, source.path, cache, ahead.pop(number, None))
        if isinstance(result, Diagnostic):
            diagnostics.append(result)
            continue
        stmt, comment = result.children
        comment_text = str(comment).rstrip() if comment is not None else None
        if stmt is None:
            lines.append(_Line("comment", indent, comment_text) if comment_text else _Line("blank"))
        else:
            assert isinstance(stmt, Node)
            lines.append(_Line("statement", indent, comment_text, stmt, number))
    if diagnostics:
        raise AgendaSyntaxError(source, diagnostics)
    return lines


def format_source(source: SourceFile) -> str:
    """The canonical text of an agenda; raises AgendaSyntaxError if a line does not parse,
    LineTooLong if the canonical spacing makes a statement longer than a line may be."""
    from lea_rules.parser import MAX_LINE_CHARS, line_length

    layout = Layout()
    out: list[str] = []
    pending: list[_Line] = []  # blank lines and comments waiting for the next statement

    def flush(trailing_depth: int, opened_item: bool, next_indent: int, depth: int, block: bool) -> None:
        if opened_item:
            while pending and pending[0].kind == "blank":
                pending.pop(0)
        trailing = _trailing_comments(pending, next_indent, trailing_depth, depth) if out else 0
        out.extend(INDENT * trailing_depth + str(line.comment) for line in pending[:trailing])
        items: list[str | None] = []
        for line in pending[trailing:]:
            if line.kind == "blank" and items and items[-1] is None:
                continue  # many blank lines become one
            items.append(line.comment if line.kind == "comment" else None)
        if block:
            while items and items[0] is None:
                items.pop(0)
            items.insert(0, None)
        if not out:
            while items and items[0] is None:
                items.pop(0)
        out.extend("" if item is None else INDENT * depth + item for item in items)
        pending.clear()

    for line in read_lines(source):
        if line.statement is None:
            pending.append(line)
            continue
        trailing_depth, opened_item = layout.trailing_depth, layout.opened_item
        depth, block = layout.place(line.statement)
        flush(trailing_depth, opened_item, line.indent, depth, block)
        text = INDENT * depth + render_statement(line.statement)
        text += " " + line.comment if line.comment else ""
        if line_length(text) > MAX_LINE_CHARS:
            raise LineTooLong(line.number, line_length(text))
        out.append(text)
    while pending and pending[-1].kind == "blank":
        pending.pop()
    flush(layout.trailing_depth, False, 0, 0, False)
    return "\n".join(out) + "\n" if out else ""


def _trailing_comments(pending: list[_Line], next_indent: int, trailing_depth: int, next_depth: int) -> int:
    """How many of the comments right after a statement close that statement's block.

    A comment belongs to the statement that follows it, except a comment written directly
    under a statement that is cut off from what follows by a blank line, or that is written
    deeper than the next line (and will stay deeper): a note on the item above it.
    """
    run = 0
    while run < len(pending) and pending[run].kind == "comment":
        run += 1
    if run == 0:
        return 0
    if run < len(pending):  # a blank line follows the comments
        return run
    if trailing_depth <= next_depth:
        return 0
    deeper = 0
    while deeper < run and pending[deeper].indent > next_indent:
        deeper += 1
    return deeper


def format_text(text: str, path: str = "<tekst>") -> str:
    """Format agenda text given as a string (BOM and Windows line endings allowed)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return format_source(SourceFile(path, text))


class LineTooLong(Exception):
    """Formatting would push source line `line` over the line limit (its new length)."""

    def __init__(self, line: int, length: int) -> None:
        super().__init__(f"regel {line} zou {length} tekens krijgen")
        self.line, self.length = line, length


def write_atomic(path: Path, text: str, expected: bytes | None = None) -> None:
    """Replace `path` by `text` (UTF-8, LF) in one step, so a reader never sees half a file.

    With `expected`, refuse (FileChangedError) if the file no longer holds those bytes:
    someone else edited it since it was read.
    """
    from lea_rules.atomic import replacing

    with replacing(path) as temp:
        temp.write_bytes(text.encode("utf-8"))
        if expected is not None and _current_bytes(path) != expected:
            raise FileChangedError(str(path))


def _current_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


class FileChangedError(Exception):
    """The file changed on disk between reading and writing; nothing was written."""

    def __init__(self, path: str) -> None:
        super().__init__(f"{path} is intussen gewijzigd")
        self.path = path


__all__ = [
    "SPACED_WORDS", "AgendaSyntaxError", "FileChangedError", "format_source", "format_text", "parsed_once",
    "read_lines", "render_statement", "statement_tokens", "write_atomic",
]
