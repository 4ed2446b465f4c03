"""Data problems: located errors in data, import and progress files, rendered in Dutch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA: the spreadsheet name of a column (without importing openpyxl)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters or "A"


@dataclass(frozen=True)
class Place:
    """Where a problem sits: a line and column of a text file, or a cell of a sheet."""

    path: str
    row: int | None = None  # line of a CSV or YAML file; row of a sheet (1-based)
    column: int | None = None  # 1-based
    sheet: str | None = None
    column_name: str | None = None  # the header of the column, when there is one

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


@dataclass(frozen=True)
class DataProblem:
    """One mistake in a data file: what is wrong and expected, where, and how to fix it."""

    code: str
    message: str
    place: Place
    help: str | None = None

    def render(self) -> str:
        out = [f"fout[{self.code}]: {self.message}", f"  --> {self.place.describe()}"]
        if self.help:
            out.append(f"  = hulp: {self.help}")
        return "\n".join(out)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "help": self.help, **self.place.to_json()}


class DataInvalid(Exception):
    """A data, import or progress file has mistakes; nothing was written."""

    def __init__(self, problems: Sequence[DataProblem]) -> None:
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} fout(en) in de gegevens")


def render_problems(problems: Sequence[DataProblem], limit: int = 50) -> str:
    shown = [p.render() for p in problems[:limit]]
    if len(problems) > limit:
        shown.append(f"... en {len(problems) - limit} meer")
    return "\n\n".join(shown)


class ValueProblem(ValueError):
    """A single value that cannot be read; the caller adds the place."""

    def __init__(self, code: str, message: str, help: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.help = help
