"""Text that a spreadsheet would run as a formula is made inert (OWASP CSV injection guidance).

A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel and
LibreOffice as a formula (`=HYPERLINK(...)`, `=cmd|...`). Every text lea writes into a request
file, and every free text it stores from an import (bron, reeks, toelichting), gets a leading
apostrophe then: spreadsheets show it as plain text, and reading it back gives the same text.
"""

from __future__ import annotations

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def inert(text: str) -> str:
    """`text`, with a leading apostrophe when a spreadsheet would take it for a formula."""
    return "'" + text if text.startswith(TRIGGERS) else text
