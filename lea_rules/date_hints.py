"""A day or a month as a writer types it and lea does not read: `01/08/2026` (slashes) and
`1 agustus 2026`, `sept 2025` (a month misspelt or shortened). One hint, with the form lea
reads; the progress file's peildatum (D216, D610) uses the same month guess.
"""

from __future__ import annotations

import re
from datetime import date

from lea_rules.diagnostics import Diagnostic, error
from lea_rules.period import MONTHS
from lea_rules.source import Span

_SLASHED = re.compile(r"(?<![\w/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\w/])")


def slashed_date(text: str, column: int, line_no: int, path: str) -> Diagnostic | None:
    """E101 for `01/08/2026` where the parser stopped in it: a day lea reads as 1 augustus 2026
    or 01-08-2026."""
    for match in _SLASHED.finditer(text):
        if not match.start() < column <= match.end():
            continue
        try:
            day = date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            return None
        return error("E101", "onverwacht woord",
                     f"'{match[0]}': een datum schrijf je met streepjes of met de maand voluit, "
                     "niet met '/' (dat staat tussen de jaren van een schooljaar)",
                     Span.point(line_no, match.start() + 1, len(match[0])), path=path,
                     help=f"schrijf {day.day} {MONTHS[day.month - 1]} {day.year} of "
                          f"{day.day:02d}-{day.month:02d}-{day.year}")
    return None
