"""Cells: where a data problem sits in the text of its file, as a span for carets.

A data problem names a CSV cell by line and field number (`observaties.csv:5:4`, the fourth
field). `lea check` shows the line with carets, so the field number becomes the characters of
that field in the line: quoted fields (`"a;b"`) and fields that run over more lines are
followed as Python's csv module reads them. A YAML problem already has a character column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from lea_rules.diagnostics import CellPlace, Diagnostic, TextPlace
from lea_rules.source import SourceError, SourceFile, Span, read_source


def csv_field_span(text: str, line: int, field: int, delimiter: str = ";") -> Span | None:
    """The span of field `field` (1-based) of the record that starts on `line` (1-based).

    The span covers the field as written, quotes included; an empty field is a point at its
    place (before the next delimiter). None when the record has fewer fields.
    """
    lines = text.split("\n")
    if not 1 <= line <= len(lines) or field < 1:
        return None
    pos = sum(len(lines[i]) + 1 for i in range(line - 1))
    row, col = line, 1  # where `pos` is
    index = 1
    start: tuple[int, int] | None = (row, col) if field == 1 else None
    quoted = False
    at_field_start = True
    while pos < len(text):
        ch = text[pos]
        if quoted:
            if ch == '"':
                if pos + 1 < len(text) and text[pos + 1] == '"':  # "" inside quotes
                    pos, col = pos + 2, col + 2
                    continue
                quoted = False
        elif ch == '"' and at_field_start:
            quoted = True
        elif ch == delimiter or ch in "\r\n":
            if index == field:
                break
            if ch != delimiter:
                return None  # the record ended before the field
            index += 1
            pos, col = pos + 1, col + 1
            at_field_start = True
            if index == field:
                start = (row, col)
            continue
        at_field_start = False
        if ch == "\n":
            row, col = row + 1, 1
        else:
            col += 1
        pos += 1
    if start is None or index != field:
        return None
    if start[0] != row:  # a quoted field over more lines: underline its first line
        first = lines[start[0] - 1]
        return Span(start[0], start[1], start[0], len(first) + 1)
    return Span(start[0], start[1], row, max(col, start[1] + 1))


def _file_text(path: str) -> str | None:
    try:
        return Path(path).read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return None


def in_text(problem: Diagnostic, path: str, text: str | None = None) -> Diagnostic:
    """The problem with its cell found in the text of its file (`text`, or read from the
    cell's path), shown as `path`: the renderer then shows the line with carets under the cell."""
    if not isinstance(problem.place, CellPlace):
        return problem
    return replace(problem, place=TextPlace(path, cell_span(problem.place, text)))


def cell_span(place: CellPlace, text: str | None = None) -> Span:
    """The span of a cell in its file (`text`, or read from the cell's path).

    CSV: the characters of the named field, or the whole line when no field is named.
    YAML: the value as the reader measured it (`width`), or from the column to the end of the word
    there.
    """
    line, column = place.row or 1, place.column
    if text is None:
        text = _file_text(place.path)
    lines = text.split("\n") if text is not None else []
    line_text = lines[line - 1] if 1 <= line <= len(lines) else ""
    if place.path.casefold().endswith(".csv"):
        if column is None:
            return Span.point(line, 1, len(line_text))
        span = csv_field_span(text, line, column) if text is not None else None
        if span is not None:
            return span
        return Span.point(line, len(line_text) + 1)  # past the last field: the end of the line
    column = column or 1
    if place.width is not None:
        return Span.point(line, column, place.width)
    word = re.match(r"[^\s:;]*", line_text[column - 1:])
    return Span.point(line, column, len(word.group(0)) if word else 1)


STORE_CSV = ("observaties.csv", "eenheden.csv", "leveringen.csv")


def add_store_sources(diags: Iterable[Diagnostic], sources: dict[str, SourceFile]) -> None:
    """Add the text of every store CSV a diagnostic points into, so its line is shown with carets.

    Checking observaties.csv also reads leveringen.csv and eenheden.csv; a problem there names
    that file, whose text the checker did not read as the file it was given.
    """
    for diag in diags:
        if diag.path and diag.path not in sources and Path(diag.path).name in STORE_CSV:
            try:
                sources[diag.path] = read_source(diag.path)
            except SourceError:
                continue
