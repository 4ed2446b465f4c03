"""Tables: the cells of a CSV file or a spreadsheet sheet, each with its place."""

from __future__ import annotations

from dataclasses import dataclass, field

from lea_rules.diagnostics import CellPlace


@dataclass(frozen=True)
class Cell:
    """One cell as read: the raw value (text for CSV; int, float, datetime, bool for XLSX)."""

    value: object
    row: int
    column: int
    percent_format: bool = False  # XLSX cell formatted as a percentage (0,85 shows as 85%)

    @property
    def text(self) -> str:
        return "" if self.value is None else str(self.value).strip()


@dataclass
class Table:
    """A header and data rows; `sheet` is None for a CSV file."""

    path: str
    header: list[Cell]
    rows: list[list[Cell]] = field(default_factory=list)
    sheet: str | None = None

    def place(self, row: int | None = None, column: int | None = None, name: str | None = None) -> CellPlace:
        return CellPlace(self.path, row, column, self.sheet, name)
