"""Diagnostics: what the checker tells the writer, rendered like rustc/Elm, with a JSON twin."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from lea_rules.source import SourceFile, Span


class Severity(str, Enum):
    ERROR = "fout"
    WARNING = "waarschuwing"


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    title: str  # short, stable per code
    message: str  # one sentence on what is wrong and what was expected
    span: Span
    path: str = ""
    help: str | None = None  # "bedoelde je ...?" or how to fix it
    context: str | None = None  # the theme/ambition heading the problem sits under
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": "error" if self.is_error else "warning",
            "title": self.title,
            "message": self.message,
            "file": self.path,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "help": self.help,
            "context": self.context,
            "notes": list(self.notes),
        }


def error(code: str, title: str, message: str, span: Span, **kw: Any) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, title, message, span, **kw)


def warning(code: str, title: str, message: str, span: Span, **kw: Any) -> Diagnostic:
    return Diagnostic(code, Severity.WARNING, title, message, span, **kw)


def sort_key(d: Diagnostic) -> tuple[int, int, str]:
    return (d.span.line, d.span.column, d.code)


def render(diag: Diagnostic, source: SourceFile | None) -> str:
    """One diagnostic as text: code and title, --> place, the line with carets, help."""
    out = [f"{diag.severity.value}[{diag.code}]: {diag.title}"]
    out.append(f"  --> {diag.path}:{diag.span.line}:{diag.span.column}")
    if diag.context:
        out.append(f"   = onder: {diag.context}")
    line_text = source.line_text(diag.span.line) if source else ""
    gutter = " " * len(str(diag.span.line)) if source is not None else " "
    if line_text or source is not None:
        start = max(diag.span.column, 1)
        end = diag.span.end_column if diag.span.end_line == diag.span.line else len(line_text) + 1
        end = min(end, len(line_text) + 1)
        shown, start, end = _window(line_text, start, max(end, start + 1))
        out.append(f"{gutter} |")
        out.append(f"{diag.span.line} | {shown}")
        out.append(f"{gutter} | {' ' * (start - 1)}{'^' * (end - start)} {diag.message}")
    else:
        out.append(f"   {diag.message}")
    for note in diag.notes:
        out.append(f"{gutter} = let op: {note}")
    if diag.help:
        out.append(f"{gutter} = hulp: {diag.help}")
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
    diags: Sequence[Diagnostic], sources: dict[str, SourceFile], limit: int = 50
) -> str:
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
