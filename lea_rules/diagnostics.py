"""Diagnostics: what lea tells the writer about an agenda, progress or data file.

One Diagnostic type for every file; its place is a text span (file, line, column, span) or a
cell place (file, sheet, row, column). One renderer: like rustc/Elm for a text span, a short
located message for a cell; `to_json` is the machine-readable twin. See docs/diagnostics.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from lea_rules.source import SourceFile, Span


class Severity(str, Enum):
    ERROR = "fout"
    WARNING = "waarschuwing"


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA: the spreadsheet name of a column (without importing openpyxl)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters or "A"


@dataclass(frozen=True)
class TextPlace:
    """A stretch of characters in a text file: an agenda line, or a data line once its cell is found."""

    path: str
    span: Span

    def position(self) -> tuple[int, int]:
        return self.span.line, self.span.column

    def to_json(self) -> dict[str, Any]:
        return {"file": self.path, "line": self.span.line, "column": self.span.column,
                "end_line": self.span.end_line, "end_column": self.span.end_column}


@dataclass(frozen=True)
class CellPlace:
    """A place in a data file: a line and column (or field) of a CSV or YAML file, or a cell of
    a sheet. Any part may be unknown: a whole file, a whole sheet, a whole line."""

    path: str
    row: int | None = None  # line of a CSV or YAML file; row of a sheet (1-based)
    column: int | None = None  # 1-based: a character (YAML), a field (CSV), a column (sheet)
    sheet: str | None = None
    column_name: str | None = None  # the header of the column, when there is one
    width: int | None = None  # YAML: the characters the value takes on its line (`1 november 2024`)

    def position(self) -> tuple[int, int]:
        return self.row or 0, self.column or 0

    def describe(self) -> str:
        named = f" ({self.column_name})" if self.column_name else ""
        if self.sheet is not None:
            parts = [self.path, f"blad '{self.sheet}'"]
            if self.row is not None:
                parts.append(f"rij {self.row}")
            if self.column is not None:
                parts.append(f"kolom {column_letter(self.column)}{named}")
            return ", ".join(parts)
        if self.row is None:
            return self.path
        where = f"{self.path}:{self.row}"
        if self.column is not None:
            where += f":{self.column}"
        return where + (f" (kolom '{self.column_name}')" if self.column_name else "")

    def to_json(self) -> dict[str, Any]:
        return {"file": self.path, "sheet": self.sheet, "row": self.row, "column": self.column,
                "column_name": self.column_name}


Place = TextPlace | CellPlace


@dataclass(frozen=True)
class Diagnostic:
    """One thing the writer should know about an agenda, progress or data file, and where."""

    code: str
    severity: Severity
    title: str  # short, stable per code
    message: str  # one sentence on what is wrong and what was expected
    place: Place
    help: str | None = None  # "bedoelde je ...?" or how to fix it
    context: str | None = None  # the theme/ambition heading the problem sits under
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def path(self) -> str:
        return self.place.path

    @property
    def span(self) -> Span:
        """The characters of a text place; a cell place has none until it is found in its text."""
        if not isinstance(self.place, TextPlace):
            raise TypeError(f"{self.code} sits in a cell ({self.place.describe()}), not in a text span")
        return self.place.span

    @property
    def cell(self) -> CellPlace:
        if not isinstance(self.place, CellPlace):
            raise TypeError(f"{self.code} sits in a text span, not in a cell")
        return self.place

    def render(self, source: SourceFile | None = None) -> str:
        return render(self, source)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": "error" if self.is_error else "warning",
            "title": self.title,
            "message": self.message,
            **self.place.to_json(),
            "help": self.help,
            "context": self.context,
            "notes": list(self.notes),
        }


def error(code: str, title: str, message: str, span: Span, *, path: str = "", help: str | None = None,
          context: str | None = None, notes: tuple[str, ...] = ()) -> Diagnostic:
    """An error at characters of a text file (an agenda)."""
    return Diagnostic(code, Severity.ERROR, title, message, TextPlace(path, span), help, context, notes)


def warning(code: str, title: str, message: str, span: Span, *, path: str = "", help: str | None = None,
            context: str | None = None, notes: tuple[str, ...] = ()) -> Diagnostic:
    """A warning at characters of a text file (an agenda)."""
    return Diagnostic(code, Severity.WARNING, title, message, TextPlace(path, span), help, context, notes)


def sort_key(d: Diagnostic) -> tuple[int, int, str]:
    return (*d.place.position(), d.code)


def render(diag: Diagnostic, source: SourceFile | None = None) -> str:
    """One diagnostic as text. A text place: code and title, --> place, the line of `source`
    with carets under the span and the message, help. A cell place has no line to show: code
    and message, --> the cell in words (file, sheet, row, column), help."""
    if isinstance(diag.place, CellPlace):
        return _render_cell(diag, diag.place)
    span = diag.place.span
    out = [f"{diag.severity.value}[{diag.code}]: {diag.title}"]
    out.append(f"  --> {diag.path}:{span.line}:{span.column}")
    if diag.context:
        out.append(f"   = onder: {diag.context}")
    line_text = source.line_text(span.line) if source else ""
    gutter = " " * len(str(span.line)) if source is not None else " "
    if line_text or source is not None:
        start = max(span.column, 1)
        end = span.end_column if span.end_line == span.line else len(line_text) + 1
        end = min(end, len(line_text) + 1)
        shown, start, end = _window(line_text, start, max(end, start + 1))
        out.append(f"{gutter} |")
        out.append(f"{span.line} | {shown}")
        out.append(f"{gutter} | {' ' * (start - 1)}{'^' * (end - start)} {diag.message}")
    else:
        out.append(f"   {diag.message}")
    for note in diag.notes:
        out.append(f"{gutter} = let op: {note}")
    if diag.help:
        out.append(f"{gutter} = hulp: {diag.help}")
    return "\n".join(out)


def _render_cell(diag: Diagnostic, place: CellPlace) -> str:
    out = [f"{diag.severity.value}[{diag.code}]: {diag.message}", f"  --> {place.describe()}"]
    if diag.context:
        out.append(f"  = onder: {diag.context}")
    out.extend(f"  = let op: {note}" for note in diag.notes)
    if diag.help:
        out.append(f"  = hulp: {diag.help}")
    return "\n".join(out)


WIDTH = 120
"""Longer source lines are shown as a window around the span, so the carets stay on screen."""


def _window(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The part of a line to show, and the span's columns in it. Tabs count as one column."""
    text = text.replace("\t", " ")
    if len(text) <= WIDTH:
        return text, start, end
    end = min(end, start + WIDTH - 20)  # a very wide span is cut, its start stays visible
    left = max(0, min(start - 1 - 20, len(text) - WIDTH))
    shown = text[left:left + WIDTH]
    prefix = "..." if left > 0 else ""
    suffix = "..." if left + WIDTH < len(text) else ""
    shift = len(prefix) - left
    return prefix + shown + suffix, start + shift, end + shift


ALWAYS_SHOWN = frozenset({"E004"})


def render_all(
    diags: Sequence[Diagnostic], sources: Mapping[str, SourceFile] | None = None, limit: int = 50
) -> str:
    """The diagnostics as text, at most `limit` of them, each with its file's line when
    `sources` has the text of that file."""
    sources = sources or {}
    shown = list(diags[:limit])
    parts = [render(d, sources.get(d.path)) for d in shown]
    if len(diags) > limit:
        parts.append(f"... en {len(diags) - limit} meer")
        # Why the checker stopped is worth seeing even when the list is cut short.
        parts.extend(render(d, sources.get(d.path)) for d in diags[limit:] if d.code in ALWAYS_SHOWN)
    return "\n\n".join(parts)


def summary(diags: Iterable[Diagnostic]) -> str:
    items = list(diags)
    errors = sum(1 for d in items if d.is_error)
    warnings = len(items) - errors
    fouten = "1 fout" if errors == 1 else f"{errors} fouten"
    waarsch = "1 waarschuwing" if warnings == 1 else f"{warnings} waarschuwingen"
    return f"{fouten}, {waarsch}"


class ValueProblem(ValueError):
    """A single value (a period, a number) that cannot be read; the caller adds the place and turns it
    into a Diagnostic. Below the data and period modules, so that both can raise it."""

    def __init__(self, code: str, message: str, help: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.help = help
